"""Quotable passages of a chunk (a bullet, a line or a sentence), readable and as the file writes them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..index.records import Chunk
from ..vietnamese.folding import collapse_ws, fold
from ..vietnamese.patterns import ITEM_START, SENTENCE_END

_NUMBERING = re.compile(r"\s*(?:\d+(?:\.\d+)*|[IVX]+)\.\s*")


@dataclass(frozen=True)
class Passage:
    text: str  # readable: restored where the document was restored
    original: str  # as the file writes it


def _items(text: str) -> list[str]:
    items: list[list[str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if ITEM_START.match(line) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return [collapse_ws(" ".join(lines)) for lines in items]


def sentences(text: str) -> list[str]:
    """A numbering alone (`4.2.`, `II.`) is no sentence: it stays with what it numbers."""
    pieces: list[str] = []
    for piece in SENTENCE_END.split(text):
        if pieces and _NUMBERING.fullmatch(pieces[-1]):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return pieces


def passages(chunk: Chunk) -> list[Passage]:
    """Bullets and sentences of a chunk. Restoring changes only letters and marks, so the readable and the
    original text split at the same places; where they do not, the whole item is one passage."""
    out: list[Passage] = []
    for text, original in zip(_items(chunk.readable), _items(chunk.page_content)):
        texts, originals = sentences(text), sentences(original)
        if len(texts) != len(originals):
            texts, originals = [text], [original]
        out += [Passage(t, o) for t, o in zip(texts, originals) if t.strip()]
    return out


def normalised(text: str) -> str:
    """The form quotes are compared in: folded, whitespace collapsed, quotation marks dropped."""
    return collapse_ws(re.sub(r"[\"“”‘’'«»]", "", fold(text)))


def contains_quote(chunk: Chunk, quote: str) -> bool:
    """Whether a quote is found in the chunk, readable or as written (folded, whitespace-normalised)."""
    wanted = normalised(quote)
    return bool(wanted) and any(wanted in normalised(t) for t in (chunk.readable, chunk.page_content))
