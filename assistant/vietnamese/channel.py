"""The OCR channel of the restorer: what a token as OCR read it may stand for (folded readings, each with its
cost in log-probability), and what a restored form costs beside the marks and symbols OCR left in the token.

Confusions come from the OCR'd seeds and from Tesseract's output on rendered clean pages: `Hyi` = Hội,
`vy` = vụ, `céc` = các, `nim` = năm, `S&` = Sở, `S6` = Số, `té&` = tế, `c¢6` = có, `B Y tế` = Bộ Y tế;
and from tables learned on typeset pages read by Tesseract's English model (channel_training.py): whole tokens
(`ngudi` = người, `14` = lá, with their measured cost) and letters (`l` for i, `k` for h, `m` for n).
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache

import numpy as np

from .channel_training import read_letters, read_table
from .folding import fold
from .language import tone_of
from .patterns import OCR_SYMBOLS
from .tokens import token_alternatives

# Letters OCR reads in place of others in the seeds (folded): observed -> what it may stand for.
# `nim` = năm, `Hyi` = Hội, `vy` = vụ, `céc` = các, `huéng` = hướng, `ltc` = lúc, `thue` = thực,
# `nhiing` = những, `dbc` = đốc, `nadm` = năm, `nhur` = như.
_CONFUSIONS = {"i": ("a", "u", ""), "y": ("u", "o", ""), "e": ("a", "o", "c"), "t": ("u",), "d": ("o", "", "a"),
               "b": ("o", "d"), "r": ("",), "c": ("e",), "j": ("i",)}
# Rarer confusions of Tesseract's and the seeds' OCR, at a higher cost: `vai` = với, `man` = môn, `caa` = của.
_RARE_CONFUSIONS = {"a": ("o", "u")}
_RARE_COST = 2.0
_MAX_EDITS = 2
# Symbols OCR put in place of hooked vowels, or as noise beside a letter (`té&`, `c¢6`); `¥` is a letter's
# reading of its own (ý), never dropped.
_SYMBOLS = OCR_SYMBOLS.replace("¥", "")
_DROP_SYMBOLS = str.maketrans("", "", _SYMBOLS)
_VOWELS = "aeiouy"
_VOWEL_SYMBOLS = _SYMBOLS + "64¥"


def readings(raw: str, ocr: bool, penalty: float, syllables: Container[str],
             whole: bool = True, learned_weight: float = 1.0) -> list[tuple[str, float]]:
    """Folded readings of a token with their channel cost: as written, then (in OCR'd text) through OCR
    confusions, each costing `penalty`, and what the token stood for on pages whose text was known (its cost
    times `learned_weight`); `syllables` are the folded forms a reading must reach to count. A token not
    `whole` is a piece of a word OCR split at an apostrophe (the `n` of `n’hiếm`): it lost no vowel."""
    base = fold(raw)
    found = [(base, 0.0)] if base.isalpha() else []
    if not ocr:
        return found
    pieces = token_alternatives(raw)
    if len(pieces) == 1:
        found += [(r, penalty) for r in pieces[0] if r != base]
    frontier = dict(found)
    seen = dict(found)
    for _ in range(_MAX_EDITS):
        edited: dict[str, float] = {}
        for reading, cost in frontier.items():
            for i, char in enumerate(reading):
                for repl, weight in _substitutes(char):
                    variant = reading[:i] + repl + reading[i + 1:]
                    if variant and variant not in seen:
                        edited[variant] = min(edited.get(variant, np.inf), cost + weight * penalty)
        seen.update(edited)
        frontier = edited
    for reading in _lost_letters(raw, base, whole):
        seen[reading] = min(seen.get(reading, np.inf), penalty)
    for reading, cost in _learned_tokens().get(raw.lower(), {}).items():
        seen[reading] = min(seen.get(reading, np.inf), cost * learned_weight)
    if not any(reading in syllables for reading, cost in seen.items() if cost <= 2 * penalty):
        # No cheap reading is a Vietnamese syllable (`céac`, `moén`, `K¢ét`; `cé4c` is no `coóc`): OCR added a
        # letter; try each one out.
        for reading, cost in list(seen.items()):
            for i in range(len(reading)):
                variant = reading[:i] + reading[i + 1:]
                if variant in syllables and variant not in seen:
                    seen[variant] = cost + penalty
    return list(seen.items())


@lru_cache(maxsize=1)
def _learned_tokens() -> dict[str, dict[str, float]]:
    return read_table()


@lru_cache(maxsize=1)
def _learned_letters() -> dict[str, tuple[str, ...]]:
    """Letters OCR read in place of others on pages whose text was known (channel_training.py), beyond the
    confusions above."""
    out: dict[str, tuple[str, ...]] = {}
    for observed, intended in read_letters():
        if intended not in _CONFUSIONS.get(observed, ()) + _RARE_CONFUSIONS.get(observed, ()):
            out[observed] = (*out.get(observed, ()), intended)
    return out


def _substitutes(char: str) -> list[tuple[str, float]]:
    """What OCR may have read as `char`, each with its cost in confusions."""
    rare = _RARE_CONFUSIONS.get(char, ()) + _learned_letters().get(char, ())
    return [(r, 1.0) for r in _CONFUSIONS.get(char, ())] + [(r, _RARE_COST) for r in rare]


def _lost_letters(raw: str, base: str, whole: bool) -> set[str]:
    """Readings where OCR lost or garbled a letter beyond a confusion: a symbol that is noise or a `c` (`té&` =
    tế, `c¢6` = có, `¢6` = có), an I for an l (`Iy` = lý), and a lone consonant whose marked vowel it dropped
    (`B Y tế` = Bộ, `S` = Sở)."""
    out: set[str] = set()
    if any(c in _SYMBOLS for c in raw):
        for variant in {raw.translate(_DROP_SYMBOLS), raw.replace("¢", "c").translate(_DROP_SYMBOLS)}:
            for piece in token_alternatives(variant)[:1]:
                out.update(r for r in piece if r.isalpha())
    if raw[:1] == "I" and raw[1:].isalpha() and raw[1:].islower():
        out.add("l" + base[1:])  # a capital I where a small l stood: `Iy` = lý
    if whole and base.isalpha() and len(base) <= 2 and not any(v in base for v in _VOWELS):
        out.update(base + v for v in _VOWELS)
    return out


def mark_cost(written: str | None, form: str, penalty: float) -> float:
    """What a form costs beside the marks OCR kept (`written`, lower case, None if it kept none): nothing when it
    has them all; less when only the tone matches (OCR reads `ế` as `é` far more often than it invents an acute)."""
    if written is None or form == written:
        return 0.0
    half = penalty / 2
    return half / 2 if tone_of(form) == tone_of(written) else half


def symbol_cost(raw: str, form: str, penalty: float) -> float:
    """OCR reads a plain vowel as itself: a symbol or digit in a vowel's place (`S6`, `S&`, `x4`) stood for a
    marked one (số, sở, xã), so a form that reads it as a plain vowel costs half a confusion."""
    if len(raw) != len(form):
        return 0.0
    plain = sum(r in _VOWEL_SYMBOLS and f in _VOWELS for r, f in zip(raw, form.lower()))
    return plain * penalty / 2
