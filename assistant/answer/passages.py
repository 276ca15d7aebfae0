"""Quotable passages of a chunk (a bullet, a line or a sentence), readable and as the file writes them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..index.records import Chunk
from ..vietnamese.folding import collapse_ws, fold
from ..vietnamese.restorer import Uncertain
from ..vietnamese.patterns import ITEM_START, SENTENCE_END

# A numbering alone (`4.2.`, `II.`, `Điều 1.`, `Chương II.`): what it numbers follows it.
_NUMBERING = re.compile(r"\s*(?:[-+•*]+\s*)?(?:(?:Điều|Chương|Mục|Khoản|Phần)\s+)?(?:\d+(?:\.\d+)*|[IVX]+)\.\s*",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Passage:
    text: str  # readable: restored where the document was restored
    original: str  # as the file writes it
    item: int = 0  # which item (bullet, numbered or lettered paragraph) of its chunk the passage stands in


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
    """A numbering alone is no sentence: it stays with what it numbers."""
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
    for item, (text, original) in enumerate(zip(_items(chunk.readable), _items(chunk.page_content))):
        texts, originals = sentences(text), sentences(original)
        if len(texts) != len(originals):
            texts, originals = [text], [original]
        out += [Passage(t, o, item) for t, o in zip(texts, originals) if t.strip()]
    return out


def uncertain_in(passage: str, chunk: Chunk) -> list[Uncertain]:
    """The chunk's uncertain words that stand in a passage of its readable text, with offsets into the passage.
    A passage collapses the text's whitespace, so it is found with any whitespace between its words, and the
    k-th non-space character of the passage is the k-th of the text it was found in."""
    spans = chunk.uncertain
    if not spans or not passage.strip():
        return []
    found = re.search(r"\s+".join(map(re.escape, passage.split())), chunk.readable)
    if found is None:
        return []
    in_text = [i for i in range(found.start(), found.end()) if not chunk.readable[i].isspace()]
    in_passage = dict(zip(in_text, (i for i, c in enumerate(passage) if not c.isspace())))
    return [Uncertain(in_passage[u.start], in_passage[u.end - 1] + 1, u.original) for u in spans
            if u.start in in_passage and u.end - 1 in in_passage]


def normalised(text: str) -> str:
    """The form quotes are compared in: folded, whitespace collapsed, quotation marks dropped."""
    return collapse_ws(re.sub(r"[\"“”‘’'«»]", "", fold(text)))


def contains_quote(chunk: Chunk, quote: str) -> bool:
    """Whether a quote is found in the chunk, readable or as written (folded, whitespace-normalised)."""
    wanted = normalised(quote)
    return bool(wanted) and any(wanted in normalised(t) for t in (chunk.readable, chunk.page_content))
