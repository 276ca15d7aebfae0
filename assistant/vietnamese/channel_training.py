"""Learn the restorer's OCR channel from pages whose text is known (`python benchmarks/ocr_channel.py`): clean text
typeset, scanned badly and read by Tesseract's English model, which loses marks and swaps letters as the OCR of
the seeds did (`ngudi` = người, `sé` = số, `ctr` = cứ). Each OCR token is paired with the word it stands for, and
the table written keeps, per token, the words (folded: OCR kept too few marks to tell their forms apart) it was
read for with their cost: how much less often the word is read as that token than a word is read as itself
(natural log). A second table keeps the letters OCR read in place of others."""

from __future__ import annotations

import difflib
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .folding import fold
from .language import WORD, is_code, is_syllable
from .tokens import token_alternatives

TABLE_PATH = Path(__file__).resolve().parent / "data" / "ocr_channel.tsv"
LETTERS_PATH = Path(__file__).resolve().parent / "data" / "ocr_letters.tsv"


def _key(token: str) -> str:
    """What an OCR token and a clean word are aligned by: its first folded, OCR-repaired reading."""
    pieces = token_alternatives(token)
    return pieces[0][0] if len(pieces) == 1 else fold(token)


def aligned_words(clean: str, ocr: str) -> Iterator[tuple[str, str]]:
    """(clean word, OCR token) pairs, both lower case: the words of a page and of its OCR aligned by their keys; a
    run of words replaced by a run of as many tokens is paired word by word."""
    words = [w.lower() for w in WORD.findall(clean)]
    tokens = [t.lower() for t in WORD.findall(ocr)]
    matcher = difflib.SequenceMatcher(a=[_key(w) for w in words], b=[_key(t) for t in tokens], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            yield from zip(words[i1:i2], tokens[j1:j2])


def _syllable_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(w, t) for w, t in pairs if w.isalpha() and is_syllable(w) and not is_code(w)]


def learn(pairs: Iterable[tuple[str, str]], min_count: int) -> dict[str, dict[str, float]]:
    """Per OCR token that is not its word's folded form, the folded syllables it was read for at least
    `min_count` times, each with its cost: -log P(token | word) against the share of words read as themselves."""
    pairs = [(fold(w), t) for w, t in _syllable_pairs(pairs)]
    by_word = Counter(w for w, _ in pairs)
    as_written = sum(fold(t) == w for w, t in pairs) / max(len(pairs), 1)
    table: dict[str, dict[str, float]] = {}
    for (word, token), n in sorted(Counter(pairs).items()):
        if n >= min_count and fold(token) != word:
            cost = max(0.0, math.log(as_written * by_word[word] / n))
            table.setdefault(token, {})[word] = round(cost, 2)
    return table


def learn_letters(pairs: Iterable[tuple[str, str]], min_count: int, min_share: float) -> list[tuple[str, str, float]]:
    """(letter OCR read, letter it stood for or "" if none, share of the letter's readings) for the letter
    confusions seen at least `min_count` times and in at least `min_share` of the letter's readings; letters
    aligned within each misread word, folded."""
    seen: Counter[str] = Counter()
    swaps: Counter[tuple[str, str]] = Counter()
    for word, token in _syllable_pairs(pairs):
        intended, read = fold(word), fold(token)
        seen.update(read)
        if intended == read:
            continue
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=read, b=intended, autojunk=False).get_opcodes():
            if op == "replace" and i2 - i1 == j2 - j1:
                swaps.update(zip(read[i1:i2], intended[j1:j2]))
            elif op == "delete":
                swaps.update((c, "") for c in read[i1:i2])
    return [(read, intended, round(n / seen[read], 3)) for (read, intended), n in sorted(swaps.items())
            if read.isalpha() and n >= min_count and n / seen[read] >= min_share]


def write_tables(table: dict[str, dict[str, float]], letters: list[tuple[str, str, float]],
                 path: Path = TABLE_PATH, letters_path: Path = LETTERS_PATH) -> None:
    lines = ["# OCR token\tword it stood for\tcost (natural log); written by benchmarks/ocr_channel.py"]
    lines += [f"{token}\t{word}\t{cost}" for token in sorted(table) for word, cost in sorted(table[token].items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["# letter OCR read\tletter it stood for (empty: none)\tshare of its readings; "
             "written by benchmarks/ocr_channel.py"]
    lines += [f"{read}\t{intended}\t{share}" for read, intended, share in letters]
    letters_path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_table(path: Path = TABLE_PATH) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    if not path.exists():
        return table
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            token, word, cost = line.split("\t")
            table.setdefault(token, {})[word] = float(cost)
    return table


def read_letters(path: Path = LETTERS_PATH) -> list[tuple[str, str]]:
    """(letter OCR read, letter it stood for, empty if none) pairs."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(row[0], row[1]) for row in rows]
