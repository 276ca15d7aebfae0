"""Amounts a request says in words ("một triệu rưỡi", "ba triệu hai trăm nghìn", "hai tram nghin") written in
figures, so that a budget line priced in words is computed like one priced in figures; and a total written in
words for its "Bằng chữ" line. num2words writes figures as Vietnamese words; nothing kept on PyPI reads them back."""

from __future__ import annotations

import re

from num2words import num2words


# Each number word as written → its folded key. Folded, "mười" and "mươi" are both "muoi" (ten alone, or tens
# after a digit). A word typed with marks is read by its marks ("ngân sách" is no "ngàn"); one typed without any
# by its letters. "tư", "mốt", "lăm" are units only after tens.
_WRITTEN = {"không": "khong", "một": "mot", "mốt": "mot", "hai": "hai", "ba": "ba", "bốn": "bon", "tư": "tu",
            "năm": "nam", "lăm": "lam", "sáu": "sau", "bảy": "bay", "bẩy": "bay", "tám": "tam", "chín": "chin",
            "mười": "muoi", "mươi": "muoi", "trăm": "tram", "linh": "linh", "lẻ": "le", "nghìn": "nghin",
            "ngàn": "ngan", "triệu": "trieu", "tỷ": "ty", "tỉ": "ty", "rưỡi": "ruoi"}
_DIGITS = {"khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7,
           "tam": 8, "chin": 9}
_AFTER_TENS = {"tu", "lam"}
_SCALES = {"nghin": 10**3, "ngan": 10**3, "trieu": 10**6, "ty": 10**9}
# Unmarked words that are not a scale: "ngan sach" (ngân sách), "ngan hang" (ngân hàng).
_NOT_SCALE = re.compile(r"\s+(?:sach|hang)\b")
_CURRENCY = re.compile(r"^\s*(?:đồng|dong|đ|vnd)\b", re.IGNORECASE)


def _key(word: str, after: str) -> str | None:
    """The folded key of a number word, or None for another word."""
    lower = word.lower()
    key = _WRITTEN.get(lower) or (lower if lower.isascii() and lower in set(_WRITTEN.values()) else None)
    if key == "ngan" and lower.isascii() and _NOT_SCALE.match(after):
        return None
    return key


def _below_thousand(words: list[str]) -> int:
    """A group under a thousand: "một trăm linh bảy" 107, "mười hai" 12, "hai mươi mốt" 21."""
    hundreds = tens = 0
    digit: int | None = None  # the digit said last, not yet placed
    for word in words:
        if word in _DIGITS:
            digit = _DIGITS[word]
        elif word == "tram":
            hundreds, digit = digit or 1, None
        elif word == "muoi":  # "mười" alone is one ten, "hai mươi" two
            tens, digit = 1 if digit is None else digit, None
    return hundreds * 100 + tens * 10 + (digit or 0)


def _value(words: list[str]) -> int:
    total, group, scale = 0, [], 0
    for word in words:
        if word in _SCALES:
            scale = _SCALES[word]
            total += (_below_thousand(group) or 1) * scale
            group = []
        elif word == "ruoi" and scale:  # half the scale before it: "một triệu rưỡi"
            total += scale // 2
        else:
            group.append(word)
    if scale and len(group) == 1 and group[0] in _DIGITS:  # "một triệu hai": tenths of the scale before it
        return total + _DIGITS[group[0]] * scale // 10
    return total + _below_thousand(group)


def _counts_a_thing(after: str) -> bool:
    """Whether the word after "một" is a thing counted ("một buổi", "một người"), not a number word or currency."""
    following = re.match(r"\s+(\w+)", after)
    return bool(following) and not following.group(1).isdigit() and not _CURRENCY.match(after) and \
        _key(following.group(1), after[following.end():]) is None


def _runs(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, keys) of each run of number words separated by spaces alone."""
    runs: list[tuple[int, int, list[str]]] = []
    for word in re.finditer(r"\w+", text):
        key = _key(word.group(), text[word.end():])
        previous = runs[-1] if runs else None
        joined = previous is not None and not text[previous[1]:word.start()].strip()
        if key in _AFTER_TENS and not (joined and previous[2][-1] == "muoi"):
            key = None  # "tư" alone is "fourth" or "private", "lăm" no number
        if key == "mot" and word.group().lower() != "mốt" and joined and previous[2] and previous[2][-1] in _SCALES \
                and _counts_a_thing(text[word.end():]):
            key = None  # "ba trăm nghìn một buổi": a rate per one buổi, not 300.100
        if key is None:
            runs.append((word.start(), word.start(), []))  # a word that ends any run
        elif joined and previous[2]:
            runs[-1] = (previous[0], word.end(), previous[2] + [key])
        else:
            runs.append((word.start(), word.end(), [key]))
    return [run for run in runs if run[2]]


_ENGLISH_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_ENGLISH_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_ENGLISH_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ENGLISH_COUNT = re.compile(rf"\b(?:({'|'.join(_ENGLISH_TENS)})(?:[- ]({'|'.join(_ENGLISH_UNITS)}))?|({'|'.join(_ENGLISH_TEENS)}))\b",
                            re.IGNORECASE)


def _english_count(m: re.Match) -> str:
    if m.group(3):
        return str(10 + _ENGLISH_TEENS.index(m.group(3).lower()))
    return str(20 + 10 * _ENGLISH_TENS.index(m.group(1).lower()) + (_ENGLISH_UNITS.index(m.group(2).lower()) + 1 if m.group(2) else 0))


def counts_for_words(text: str) -> str:
    """Counts of ten or more said in words written in figures: "mười hai trạm", "bốn mươi hai đại biểu", "twenty-four
    communes" (a smaller one is read where it stands: "hai lớp", "three teams"); amounts are `figures_for_words`'."""
    out, at = [], 0
    for start, end, words in _runs(text):
        if "muoi" in words and not {"tram", *_SCALES} & set(words) and not _CURRENCY.match(text[end:]):
            out += [text[at:start], str(_value(words))]
            at = end
    return _ENGLISH_COUNT.sub(_english_count, "".join(out) + text[at:])


def figures_for_words(text: str) -> str:
    """The text with amounts said in words written in figures, in đồng when no currency follows. Only a run that
    says "trăm" or a scale is an amount: "năm" and "ba" alone are other words."""
    out, at = [], 0
    for start, end, words in _runs(text):
        if not {"tram", *_SCALES} & set(words) or words[0] in (*_SCALES, "tram", "ruoi"):
            continue
        currency = "" if _CURRENCY.match(text[end:]) else " đồng"
        out += [text[at:start], f"{_value(words):,}".replace(",", ".") + currency]
        at = end
    return "".join(out) + text[at:]


# The scale of each group of three digits, from the right.
_GROUP_SCALES = ("", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ")


def in_words(amount: int) -> str:
    """The amount in Vietnamese words, as the "Bằng chữ" line writes it: capitalised, ending in đồng. num2words
    says each group of three digits; a group after the first says its zero hundreds ("bốn mươi ba triệu không
    trăm năm mươi nghìn"), which num2words leaves out, and a zero ten is "linh" as official texts say it."""
    groups, left = [], abs(amount)
    while left:
        left, group = divmod(left, 1000)
        groups.append(group)
    said = []
    for scale, group in reversed(list(enumerate(groups))):
        if group and scale < len(_GROUP_SCALES):
            words = num2words(group, lang="vi")
            if scale < len(groups) - 1 and group < 100:
                words = f"không trăm {'linh ' if group < 10 else ''}{words}"
            said.append(f"{words} {_GROUP_SCALES[scale]}".strip())
    # Beyond any budget (or below zero) num2words says it as it can.
    words = num2words(amount, lang="vi") if amount < 0 or len(groups) > len(_GROUP_SCALES) else " ".join(said) or "không"
    words = re.sub(r"\blẻ\b", "linh", words)
    return words[:1].upper() + words[1:] + " đồng"
