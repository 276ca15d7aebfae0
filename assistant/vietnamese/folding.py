"""Folding and normalising: the readable form for people and embedders, the folded form patterns match on.

Folding lower-cases and strips diacritics (đ → d), so that `Sở Tài chính`, `so tai chinh` and the OCR'd
seeds meet in one form. Each folded character stands for one character of the original, so positions
found in a folded line are positions in the line itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word."""
    return text if len(text) <= limit else text[:max(limit - 2, 0)].rsplit(" ", 1)[0] + " …"


def normalize(text: str) -> str:
    """NFC, Unix newlines, tabs and odd spaces folded to one space, trailing spaces dropped."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(_WS.sub(" ", line).rstrip() for line in text.split("\n"))


def strip_marks(text: str) -> str:
    """Remove Vietnamese diacritics, keeping case; đ/Đ become d/D."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def fold(text: str) -> str:
    """Lower case without diacritics: the form used to match patterns on any line, OCR'd or clean."""
    return strip_marks(text).lower()


def collapse_ws(text: str) -> str:
    return " ".join(text.split())


def sub_folded(pattern: re.Pattern, replace: Callable[[re.Match], str], text: str, folded: str | None = None) -> str:
    """`text` with each match of `pattern` on its folded form (`folded`, when the caller has it) replaced by
    `replace(match)`: the match is of the folded text, whose positions are the text's, so a pattern written
    without marks finds what was typed with them or without."""
    out, pos = [], 0
    for match in pattern.finditer(fold(text) if folded is None else folded):
        out += [text[pos:match.start()], replace(match)]
        pos = match.end()
    return "".join(out + [text[pos:]])
