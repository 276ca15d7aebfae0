"""How a question is cut into the things it asks: "… do ai ký, ban hành ngày nào và có hiệu lực từ ngày nào?" asks
three, each answered by its own passage."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold

# Where a question turns to its next clause: a comma or "và/còn/and" (with or without a comma), a semicolon, a
# question mark between two questions.
_TURN = re.compile(r"\s*(?:[;?]|,\s*(?:và|còn|va|con|and|while|whereas)\s|,?\s+(?:và|còn|va|con|and|while|whereas)\s)\s*",
                   re.IGNORECASE)
# A clause asks something when it holds a question word; one that only names a document ("Luật BHYT 25/2008 và Luật
# Dược 105/2016 lần lượt có hiệu lực từ ngày nào") is asked with the clause after it.
ASKS = re.compile(r"\b(?:ai|gi|nao|bao nhieu|bao lau|bao gio|may|the nao|sao|khong|(?:o|tai) dau|who|what|which"
                  r"|when|where|how|whom|whose)\b")
WORD = re.compile(r"\w+")


def spaced_words(text: str) -> str:
    """The text's words, folded, one space apart and with one at each end: " xa canh vinh " is found in it as a
    whole name, never inside a longer word."""
    return f" {' '.join(WORD.findall(fold(text)))} "


def split_turns(text: str) -> list[str]:
    """The text cut where it turns, never inside brackets ("(số, ký hiệu)")."""
    pieces, start = [], 0
    for turn in _TURN.finditer(text):
        if text[:turn.start()].count("(") == text[:turn.start()].count(")"):
            pieces.append(text[start:turn.start()])
            start = turn.end()
    return [piece.strip(" ,;?.") for piece in [*pieces, text[start:]] if WORD.search(piece)]


# Where a question may turn to another thing it asks: a comma too ("… do ai ký, ban hành ngày nào").
_COMMA = re.compile(r"\s*,\s*")


def asks(question: str) -> list[str]:
    """The things a question asks, one clause each ("… mức chi bao nhiêu, điều dưỡng tập trung kéo dài bao lâu?");
    a piece that asks nothing ("Thông tư 52/2017 (kê đơn thuốc)") goes with the clause it stands in. One item when
    it asks one thing."""
    pieces = [part for piece in split_turns(question) for part in _COMMA.split(piece) if WORD.search(part)]
    joined: list[str] = []
    for piece in pieces:
        if joined and not (ASKS.search(fold(piece)) and ASKS.search(fold(joined[-1]))):
            joined[-1] += f", {piece}"
        else:
            joined.append(piece)
    return joined
