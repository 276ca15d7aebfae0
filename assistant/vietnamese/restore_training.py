"""Train the diacritic restorer's syllable model (`assistant train-restorer [--no-seeds] [--out FILE]`).

Counts lower-cased accented syllables and their pairs and triples in clean Vietnamese text (the Pháp điển
legal corpus, the Official Gazette texts and the clean seeds), prunes rare entries and writes one compressed
`.npz`. Counting is exact and the output sorted, so the same inputs always give the same file.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from .language import NUMBER, context_runs, marked_share
from .trigram import BOUNDARY

# Under the shared folder's corpus-extra/.
PHAPDIEN = "phapdien_documents.jsonl"
# Official Gazette texts: more administrative prose (plans, decisions) beside the legal articles.
CONGBAO = "congbao8topics_documents.jsonl"


def clean_texts(corpus_dir: Path, jsonl_files: list[Path], min_marked: float, include_seeds: bool = True) -> Iterator[str]:
    """The legal corpora, then every seed whose syllables mostly carry marks (the OCR'd ones do not)."""
    for path in jsonl_files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)["text"]
    if include_seeds:
        for path in sorted(corpus_dir.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if marked_share(text) >= min_marked:
                yield text


Counts = tuple[Counter[str], Counter[tuple[str, str]], Counter[tuple[str, str, str]]]


def count(texts: Iterable[str], min_marked: float) -> Counts:
    """Syllable n-gram counts; runs typed without marks (a few exist even in the legal corpus) are skipped."""
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    trigrams: Counter[tuple[str, str, str]] = Counter()
    for text in texts:
        # A run a document repeats (a table's cells: `Y tê`, a slip, 229 times in one circular) counts once.
        seen: set[tuple[str, ...]] = set()
        for run in context_runs(text):
            if tuple(run) in seen:
                continue
            seen.add(tuple(run))
            syllables = " ".join(w for w in run if w != NUMBER)
            if len(run) > 1 and marked_share(syllables) < min_marked:
                continue
            words = [BOUNDARY, *run, BOUNDARY]
            unigrams.update(words[1:-1])
            bigrams.update(zip(words, words[1:]))
            trigrams.update(zip(words, words[1:], words[2:]))
    return unigrams, bigrams, trigrams


def _table(grams: Counter, ids: dict[str, int], min_count: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted n-gram keys (ids in base len(ids)) with their counts, rare ones dropped."""
    size = len(ids)
    keys, counts = [], []
    for gram, c in grams.items():
        if c >= min_count and all(w in ids for w in gram):
            key = 0
            for w in gram:
                key = key * size + ids[w]
            keys.append(key)
            counts.append(c)
    order = np.argsort(np.array(keys, dtype=np.uint64), kind="stable")
    return np.array(keys, dtype=np.uint64)[order], np.array(counts, dtype=np.uint32)[order]


def _context_stats(keys: np.ndarray, counts: np.ndarray, size: int, contexts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each context key: total count of the n-grams it starts and how many distinct words follow it."""
    left = keys // np.uint64(size)
    pos = np.searchsorted(contexts, left)
    total = np.bincount(pos, weights=counts, minlength=len(contexts)).astype(np.uint32)
    types = np.bincount(pos, minlength=len(contexts)).astype(np.uint32)
    return total, types


def _continuation(grams: Counter[tuple[str, ...]]) -> Counter[tuple[str, ...]]:
    """Kneser-Ney's continuation counts: for each n-gram's last n-1 words, how many distinct words stood before
    them. A word seen often but in few contexts (`sắm` of `mua sắm`) is then a poor guess in a new one."""
    out: Counter[tuple[str, ...]] = Counter()
    for gram in grams:
        out[gram[1:]] += 1
    return out


def build_model(counts: Counts, min_unigram: int, min_ngram: int) -> dict[str, np.ndarray]:
    unigrams, bigrams, trigrams = counts
    forms = [BOUNDARY, *sorted(w for w, c in unigrams.items() if c >= min_unigram)]
    ids = {w: i for i, w in enumerate(forms)}
    size = len(forms)
    # The boundary's "unigram count" is the number of segments, so P(w | boundary) is well defined.
    uni = np.array([sum(c for (a, _), c in bigrams.items() if a == BOUNDARY)] + [unigrams[w] for w in forms[1:]], dtype=np.uint32)
    pair_keys, pair_counts = _table(bigrams, ids, min_ngram)
    triple_keys, triple_counts = _table(trigrams, ids, min_ngram)
    pair_total, pair_types = _context_stats(triple_keys, triple_counts, size, pair_keys)
    # The lower orders of the trigram score by continuation counts; a pair after the boundary has none (no word
    # stands before a run's first), so it keeps its count.
    word_cont = _continuation(bigrams)
    uni_cont = np.array([word_cont[(w,)] for w in forms], dtype=np.uint32)
    pair_cont = _continuation(trigrams)
    kept = {g: bigrams[g] if g[0] == BOUNDARY else pair_cont[g] for g, c in bigrams.items() if c >= min_ngram}
    _, pair_cont_counts = _table(Counter(kept), ids, 1)
    cont_total, cont_types = _context_stats(pair_keys, pair_cont_counts, size, np.arange(size, dtype=np.uint64))
    return {"forms": np.array("\n".join(forms)), "unigram": uni, "unigram_cont": uni_cont,
            "pair_keys": pair_keys, "pair_counts": pair_counts,
            "pair_cont": pair_cont_counts, "cont_total": cont_total, "cont_types": cont_types,
            "triple_keys": triple_keys, "triple_counts": triple_counts, "pair_total": pair_total, "pair_types": pair_types}


def train(out: Path, corpus_dir: Path, extra_dir: Path, min_marked: float, min_unigram: int, min_ngram: int,
          include_seeds: bool = True, congbao: bool = True) -> str:
    """Count, prune and write the model; a line saying what it holds."""
    sources = [extra_dir / PHAPDIEN, extra_dir / CONGBAO] if congbao else [extra_dir / PHAPDIEN]
    counts = count(clean_texts(corpus_dir, sources, min_marked, include_seeds), min_marked)
    model = build_model(counts, min_unigram, min_ngram)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **model)
    return (f"{len(model['unigram'])} syllable forms, {len(model['pair_keys'])} pairs, {len(model['triple_keys'])} "
            f"triples from {sum(counts[0].values())} syllables -> {out} ({out.stat().st_size / 1e6:.1f} MB)")
