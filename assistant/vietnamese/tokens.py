"""Folded, OCR-repaired tokens: the words lexical search, coverage and citation checks compare.

Tokens are folded (see folding.py) and the OCR damage seen in the seeds is undone, so that `Sở Tài chính`,
`so tai chinh` and `S& Tai chinh` meet in one token stream. Every OCR rule below only rewrites letter
sequences that cannot occur in a Vietnamese syllable, so clean text folds as before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .folding import strip_marks
from .patterns import OCR_SYMBOLS

# Letters plus the symbols OCR put in place of hooked, horned or marked vowels (S& = Sở, t€ = tế, ¥ = ý).
_TOKEN = re.compile(rf"[A-Za-z0-9{OCR_SYMBOLS}]+")
_OCR_VOWELS = {"§": "o", "€": "e", "¥": "y"}
# `&` and `¢` stand for ơ/ở/ố as often as for ế (S& = Sở, K& = Kế): both readings are indexed.
_OCR_AMBIGUOUS = {"&": ("o", "e"), "¢": ("o", "e")}
_DIGIT_AS_LETTER = {"6": "o", "0": "o", "4": "a"}
# `08h30`, `2km`, `20kg` are quantities, not damaged words; so are minutes and money as typed (`15p`, `150k`).
_QUANTITY = re.compile(r"\d{2,}(h|g|gio|km|m|kg|ha|ty|tr)?\d*|\d+h\d*|\d+(?:p|ph|phut|k|tr)")
_NUMBER_THEN_WORD = re.compile(r"(\d{2,})([a-z]{2,})")
_LOWER_ABBREVIATION = re.compile(r"[aeiouy]?[b-df-hj-np-tv-xz]+[bdgklqrsvx]")  # ends as no syllable does


def _repair_letters(tok: str, abbreviation: bool) -> str:
    if tok[0] == "p" and not tok.startswith("ph"):
        tok = "d" + tok[1:]  # Đ read as P: Pong Thap = Đồng Tháp
    if abbreviation:
        return tok  # HDND, QD-TTg keep their letters
    tok = re.sub(r"(?<=.)(ir|tr)", "u", tok)  # chirc = chức, strc = sức; tr only starts a syllable
    tok = re.sub(r"u?w", "u", tok)  # phwong, phuwong = phương
    tok = re.sub(r"(?<=.)d", "o", tok)  # d only starts a syllable: ngudi = người, ddng = đồng
    return re.sub(r"(?<=[^n])g", "o", tok)  # g inside a syllable only follows n: dugc = được


def _repair_digits(tok: str) -> list[str]:
    if tok.isdigit() or _QUANTITY.fullmatch(tok):
        return [tok]
    split = _NUMBER_THEN_WORD.fullmatch(tok)
    if split:
        return [split.group(1), *_repair_digits(split.group(2))]
    if not any(c.isalpha() for c in tok):
        return [tok]
    chars = [_DIGIT_AS_LETTER.get(c, c) for c in tok]
    if chars[0] == "1":
        chars[0] = "l"  # 1y = lý, 1ap = lập
    return ["".join(c if c != "1" else "i" for c in chars)]  # Ho1 = Hội


def _variants(tok: str) -> list[str]:
    for symbol, readings in _OCR_AMBIGUOUS.items():
        if symbol in tok:
            return [v for r in readings for v in _variants(tok.replace(symbol, r, 1))]
    return [tok]


def token_alternatives(text: str) -> list[tuple[str, ...]]:
    """Folded, OCR-repaired tokens, each with its possible readings (one, unless an OCR symbol is ambiguous)."""
    out: list[tuple[str, ...]] = []
    for raw in _TOKEN.findall(strip_marks(text)):
        abbreviation = len(raw) > 1 and any(c.isupper() for c in raw[1:])
        lowered = "".join(_OCR_VOWELS.get(c, c) for c in raw.lower())
        for piece in _repair_digits(lowered):
            readings = tuple(v if v.isdigit() else _repair_letters(v, abbreviation)
                             for v in _variants(piece) if v.isalnum())
            # An abbreviation typed in lower case (`ubnd`, `hdnd`: no vowel after its first letter) looks
            # damaged too: keep it as typed as well.
            if piece not in readings and _LOWER_ABBREVIATION.fullmatch(piece):
                readings = (*readings, piece)
            if readings:
                out.append(readings)
    return out


def search_tokens(text: str) -> list[str]:
    """Folded, OCR-repaired tokens for lexical search (ambiguous OCR symbols yield each reading)."""
    return [reading for readings in token_alternatives(text) for reading in readings]


def lexical_terms(text: str, bigrams: bool) -> list[str]:
    """Tokens plus, optionally, adjacent bigrams over every reading: `tai chinh` after `so` or `phong`
    tells units apart, and `S¢ Tai chinh` still yields `so_tai`."""
    alternatives = token_alternatives(text)
    terms = [reading for readings in alternatives for reading in readings]
    if bigrams:
        terms += [f"{a}_{b}" for left, right in zip(alternatives, alternatives[1:]) for a in left for b in right]
    return terms


@lru_cache(maxsize=None)
def stopwords(language: str = "any") -> frozenset[str]:
    """The stopwords of Vietnamese text (`vi`), or of text in any language (English ones too)."""
    sections: dict[str, set[str]] = {}
    section = ""
    for line in resources.files(__package__).joinpath("data/stopwords.txt").read_text("utf-8").splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif line and not line.startswith("#"):
            sections.setdefault(section, set()).update(line.split())
    return frozenset(sections["vi"] if language == "vi" else set().union(*sections.values()))


def content_tokens(text: str, language: str = "any") -> set[str]:
    """The tokens that carry meaning: what passages, sentences and questions are compared by. Compared with a
    Vietnamese question, `language="vi"` keeps the folded words English would drop (`in ấn` is `in an`)."""
    return {t for t in search_tokens(text) if t not in stopwords(language)}
