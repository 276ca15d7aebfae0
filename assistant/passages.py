"""Quotable passages of a chunk (a bullet, a line or a sentence), readable and as the file writes them,
and the content words that tell whether a passage supports a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from langchain_core.documents import Document

from .text import collapse_ws, fold, search_tokens

# A new passage starts at a bullet, a numbered item or a heading line.
BULLET = re.compile(r"^\s*[-+•*]+\s*")
_ITEM_START = re.compile(r"^\s*(?:(?:\S\s+)?[-+•*]+|[a-zđ]\)|\d+(?:\.\d+)*\.|[IVX]+\.)\s*", re.IGNORECASE)
# A sentence ends at . ; ! ? before a word: `làm việc. 08h10` and `49.770.000` do not split.
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[^\s\d])")


@dataclass(frozen=True)
class Passage:
    text: str  # readable: restored where the document was restored
    original: str  # as the file writes it


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = resources.files("assistant").joinpath("data/stopwords.txt").read_text("utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def content_tokens(text: str) -> set[str]:
    return {t for t in search_tokens(text) if t not in stopwords()}


def readable(chunk: Document) -> str:
    return chunk.metadata.get("restored") or chunk.page_content


def _items(text: str) -> list[str]:
    items: list[list[str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if _ITEM_START.match(line) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return [collapse_ws(" ".join(lines)) for lines in items]


def sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(text)


def passages(chunk: Document) -> list[Passage]:
    """Bullets and sentences of a chunk. Restoring changes only letters and marks, so the readable and the
    original text split at the same places; where they do not, the whole item is one passage."""
    out: list[Passage] = []
    for text, original in zip(_items(readable(chunk)), _items(chunk.page_content)):
        texts, originals = sentences(text), sentences(original)
        if len(texts) != len(originals):
            texts, originals = [text], [original]
        out += [Passage(t, o) for t, o in zip(texts, originals) if t.strip()]
    return out


def normalised(text: str) -> str:
    """The form quotes are compared in: folded, whitespace collapsed, quotation marks dropped."""
    return collapse_ws(re.sub(r"[\"“”‘’'«»]", "", fold(text)))


def contains_quote(chunk: Document, quote: str) -> bool:
    """Whether a quote is found in the chunk, readable or as written (folded, whitespace-normalised)."""
    wanted = normalised(quote)
    return bool(wanted) and any(wanted in normalised(t) for t in (readable(chunk), chunk.page_content))
