"""Check every citation of an answer against the retrieved chunks, repair or drop what fails, and number
the citations that remain in order of appearance.

A sentence marked `[n]` is supported when chunk n holds enough of its content words and every passage it
puts in quotation marks; its citation quotes the passage of chunk n that matches it best. A sentence whose
marker fails is re-pointed to the chunk that does support it, or dropped with its claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..index.records import Chunk, Citation, UncertainWord
from ..vietnamese.tokens import content_tokens
from .passages import Passage, contains_quote, passages, sentences, uncertain_in

_MARKERS = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_QUOTED = re.compile(r"[\"“]([^\"”“]{8,})[\"”]")


@dataclass
class CheckReport:
    markers: int = 0  # markers the generator wrote
    verified: int = 0  # of those, supported by the chunk they point to
    repaired: int = 0  # re-pointed to the chunk that supports the sentence
    dropped: list[str] = field(default_factory=list)  # sentences no chunk supports


def _sentences(line: str) -> list[str]:
    """A line's sentences; a marker written after the full stop stays with its sentence."""
    out: list[str] = []
    for piece in sentences(line):
        lead = re.match(r"(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+", piece)
        if lead and out:
            out[-1] += lead.group(0)
            piece = piece[lead.end():]
        if piece.strip():
            out.append(piece)
    return out


def _support(chunk: Chunk, tokens: set[str]) -> tuple[float, Passage | None]:
    """Share of the sentence's content words in the chunk, and the chunk's passage closest to it."""
    chunk_tokens = content_tokens(chunk.page_content) | content_tokens(chunk.restored or "")
    share = len(tokens & chunk_tokens) / len(tokens)
    scored = [(len(tokens & (content_tokens(p.text) | content_tokens(p.original))), p) for p in passages(chunk)]
    best = max(scored, key=lambda s: s[0], default=(0, None))
    return share, best[1] if best[0] else None


def _citation(n: int, chunk: Chunk, passage: Passage) -> Citation:
    return Citation(n=n, source=chunk.source, title=chunk.title, section=chunk.section, quote=passage.text,
                    quote_original=passage.original, restored=bool(chunk.restored),
                    quote_uncertain=UncertainWord.of(uncertain_in(passage.text, chunk)), number=chunk.number,
                    date=chunk.date, chunk_id=chunk.id)


_MARKER = re.compile(r"\[(\d+)\]")


def renumbered(text: str, offset: int) -> str:
    """The text's markers `[n]` moved on by `offset`, for answers laid one after another with one list of citations."""
    return _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", text)


def check_citations(text: str, chunks: list[Chunk], min_support: float) -> tuple[str, list[Citation], CheckReport]:
    """The answer with only verified markers, renumbered 1, 2, … in order of appearance, and its citations."""
    report = CheckReport()
    keys: dict[tuple[int, str], int] = {}
    citations: list[Citation] = []

    def supported(i: int, tokens: set[str], quotes: list[str]) -> Passage | None:
        share, passage = _support(chunks[i], tokens)
        if share < min_support or passage is None or not all(contains_quote(chunks[i], q) for q in quotes):
            return None
        return passage

    def check(sentence: str) -> str | None:
        numbers = [int(n) for group in _MARKERS.findall(sentence) for n in re.split(r"\s*[,;]\s*", group)]
        body = _MARKERS.sub("", sentence).rstrip()
        tokens = content_tokens(body)
        if not tokens:
            return body
        quotes = _QUOTED.findall(body)
        if not numbers and not quotes and body.endswith(":"):
            return body  # a list's lead-in claims nothing by itself
        report.markers += len(numbers)
        found = [(n - 1, p) for n in dict.fromkeys(numbers) if 1 <= n <= len(chunks)
                 and (p := supported(n - 1, tokens, quotes)) is not None]
        report.verified += len(found)
        if not found:
            found = [(i, p) for i in range(len(chunks)) if (p := supported(i, tokens, quotes)) is not None][:1]
            report.repaired += bool(found and numbers)
        if not found:
            report.dropped.append(body.strip())
            return None
        marks = []
        for i, passage in found:
            key = (i, passage.original)
            if key not in keys:
                keys[key] = len(citations) + 1
                citations.append(_citation(keys[key], chunks[i], passage))
            marks.append(f"[{keys[key]}]")
        return f"{body} {''.join(marks)}"

    lines: list[str] = []
    for line in text.split("\n"):
        kept = [s for s in map(check, _sentences(line)) if s]
        if kept or not line.strip():
            lines.append(" ".join(kept))
    answer = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return answer, citations, report
