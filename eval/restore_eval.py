"""Diacritic restorer figures: `python eval/restore_eval.py [--model FILE]`.

1. The clean seeds with every mark stripped, restored, scored syllable by syllable.
2. The same seeds through a synthetic OCR damage model imitating the OCR'd seeds, restored, scored.
3. The hand-corrected OCR reference `eval/restore_reference.tsv` (OCR'd line, corrected line): before and after.
4. Speed: a query (p50/p95 over the dev questions typed without marks) and a 10-page document.

For an honest figure on the clean seeds, pass a model trained without them
(`assistant train-restorer --no-seeds --out /tmp/heldout.npz`); the script checks that no
sentence of those seeds occurs in the legal training corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
import unicodedata
from pathlib import Path

from assistant.config import get_settings
from assistant.vietnamese.folding import fold, strip_marks
from assistant.vietnamese.language import is_code, marked_share
from assistant.vietnamese.restore_training import CONGBAO, PHAPDIEN
from assistant.vietnamese.restorer import MODEL_PATH, Restorer

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"(?:[^\W_]|[&¢§€])+")

# Letters OCR replaced in the seeds (see house-style.md), with how often per eligible letter.
OCR_SWAPS = {"Đ": ("P", "B"), "ơ": ("&", "¢", "6"), "ở": ("&", "¢", "§"), "ố": ("6", "&", "d", "b"),
             "ế": ("€", "&", "¢"), "ư": ("w", "i", "t", "ir"), "ă": ("i", ""), "â": ("i", ""), "ộ": ("y", "d"),
             "ụ": ("y",), "ự": ("y",), "á": ("é",), "ấ": ("é",), "ớ": ("é",)}

TONE_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323]")


def syllable_pairs(gold: str, output: str, scored: set[str]) -> list[tuple[str, str]]:
    """Aligned (gold, output) words that are Vietnamese syllables (codes such as QĐ-TTg are not scored)."""
    g, o = WORD.findall(gold), WORD.findall(output)
    assert len(g) == len(o), "the restorer must keep one output token per input token"
    return [(a, b) for a, b in zip(g, o) if a.isalpha() and not is_code(a) and fold(a) in scored]


def accuracy(pairs: list[tuple[str, str]]) -> float:
    """Share of syllables with the right letters and marks; case is not scored (OCR keeps it)."""
    return sum(a.lower() == b.lower() for a, b in pairs) / len(pairs)


def ocr_damage(text: str, rng: random.Random) -> str:
    """Imitate the OCR'd seeds: most marks lost, some letters swapped, a few marks kept (some wrong)."""
    out = []
    for piece in re.split(r"((?:[^\W_])+)", text):
        if not piece or not piece[0].isalpha():
            out.append(piece)
            continue
        word = piece
        if word in ("được", "Được") and rng.random() < 0.5:
            out.append(word[0].replace("đ", "d").replace("Đ", "D") + "ugc")
            continue
        chars = []
        for c in word:
            swaps = OCR_SWAPS.get(c) or OCR_SWAPS.get(c.lower())
            if swaps and rng.random() < 0.3:
                chars.append(rng.choice(swaps))
            elif c == "l" and rng.random() < 0.05:
                chars.append("1")
            else:
                chars.append(c)
        word = "".join(chars)
        r = rng.random()
        if r < 0.75:
            word = strip_marks(word)
        elif r < 0.85:  # the base vowel survives, the tone mark is lost or wrong
            word = strip_marks(word) if not any(c in word for c in "êôơưăâ") else re.sub("[̣́̀̉̃]", "", unicodedata.normalize("NFD", word))
            word = unicodedata.normalize("NFC", word)
        out.append(word)
    return "".join(out)


def leaked(seed: str, extra_dir: Path) -> int:
    """Number of long seed sentences found verbatim in the training corpora (files of `extra_dir`)."""
    sentences = {s.strip() for s in re.split(r"[.;\n]", seed) if len(s.strip()) > 60}
    corpus = "".join(json.loads(line)["text"] for name in (PHAPDIEN, CONGBAO)
                     for line in (extra_dir / name).open(encoding="utf-8"))
    return sum(s in corpus for s in sentences)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    settings = get_settings()
    restorer = Restorer(settings.restorer_params, args.model)
    scored = set(restorer.by_key)
    clean = [p for p in sorted(settings.corpus_dir.glob("*.txt")) if marked_share(p.read_text()) >= settings.restore_marked_share]

    print(f"model {args.model} ({args.model.stat().st_size / 1e6:.1f} MB)")
    rng = random.Random(args.seed)
    for path in clean:
        gold = path.read_text(encoding="utf-8")
        stripped = accuracy(syllable_pairs(gold, restorer.restore(strip_marks(gold)), scored))
        damaged_text = ocr_damage(gold, rng)
        damaged = syllable_pairs(gold, restorer.restore(damaged_text), scored)
        before = accuracy(syllable_pairs(gold, damaged_text, scored))
        print(f"{path.name}: {len(damaged)} syllables; stripped -> restored {stripped:.4f}; "
              f"synthetic OCR {before:.4f} -> restored {accuracy(damaged):.4f}; seed sentences in training corpus: {leaked(gold, settings.extra_corpus_dir)}")

    reference = ROOT / "eval" / "restore_reference.tsv"
    if reference.exists():
        rows = [line.split("\t") for line in reference.read_text(encoding="utf-8").splitlines() if "\t" in line]
        ocr_text = "\n".join(r[0] for r in rows)
        gold = "\n".join(r[1] for r in rows)
        pairs_before = syllable_pairs(gold, ocr_text, scored)
        restored = restorer.restore(ocr_text)
        pairs_after = syllable_pairs(gold, restored, scored)
        print(f"hand-corrected OCR reference: {len(pairs_after)} syllables; before {accuracy(pairs_before):.4f} -> after {accuracy(pairs_after):.4f}")

    questions = [json.loads(line)["question"] for line in (ROOT / "eval" / "questions.jsonl").open(encoding="utf-8")]
    typed = [strip_marks(q) for q in questions] * 5
    times = []
    for q in typed:
        start = time.perf_counter()
        restorer.restore(q)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"query: p50 {statistics.median(times):.2f} ms, p95 {times[int(0.95 * len(times))]:.2f} ms over {len(times)} restores")
    page = strip_marks(clean[0].read_text(encoding="utf-8"))
    ten_pages = (page * (1 + 30_000 // len(page)))[:30_000]
    start = time.perf_counter()
    restorer.restore(ten_pages)
    print(f"10-page document (30,000 characters): {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
