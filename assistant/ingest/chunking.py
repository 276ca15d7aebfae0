"""Cut a parsed document into chunks: one per section or bullet group, sized for the embedder.

Each chunk's text is the source text as it stands in the file; it carries the section path and the document's
header metadata, for retrieval and for citations (index/records.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..index.records import Chunk
from .structure import Block, ParsedDocument, Section

# Annexes (agenda, budget) are tables: kept whole up to this many times the normal size.
_ANNEX_SIZE_FACTOR = 2
_SENTENCE_ENDS = (". ", "; ")


@dataclass
class _Piece:
    path: list[str]
    parent: list[str]
    text: str
    annex: bool


def _is_bare_heading(section: Section, following: Section | None) -> bool:
    """A heading with nothing under it but sub-sections: its label lives on in their paths."""
    return (len(section.blocks) == 1 and section.blocks[0].kind == "heading" and following is not None
            and following.path[:len(section.path)] == section.path and len(following.path) > len(section.path))


def _lines(text: str, limit: int) -> list[str]:
    """The block's lines; a line longer than a chunk (a Word or PDF paragraph is one line, where a scan's text
    wraps) is cut after its sentences, else between words."""
    lines: list[str] = []
    for line in text.split("\n"):
        while len(line) > limit:
            cut = max(line.rfind(mark, 0, limit) for mark in _SENTENCE_ENDS)
            cut = cut + 1 if cut > 0 else line.rfind(" ", 0, limit)
            if cut <= 0:
                break
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        lines.append(line)
    return lines


def _split_block(block: Block, limit: int) -> list[str]:
    if len(block.text) <= limit:
        return [block.text]
    parts, current = [], ""
    for line in _lines(block.text, limit):
        if current and len(current) + len(line) + 1 > limit:
            parts.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    return parts + [current] if current else parts


def _pack(section: Section, limit: int) -> list[str]:
    if section.annex:
        limit *= _ANNEX_SIZE_FACTOR
    texts: list[str] = []
    current = ""
    for block in section.blocks:
        for part in _split_block(block, limit):
            if current and len(current) + len(part) + 1 > limit:
                texts.append(current)
                current = part
            else:
                current = f"{current}\n{part}" if current else part
    return texts + [current] if current else texts


def _pieces(parsed: ParsedDocument, max_chars: int, min_chars: int) -> list[_Piece]:
    sections = parsed.sections
    pieces: list[_Piece] = []
    for i, section in enumerate(sections):
        if _is_bare_heading(section, sections[i + 1] if i + 1 < len(sections) else None):
            continue
        for text in _pack(section, max_chars):
            previous = pieces[-1] if pieces else None
            # Tiny sibling sections (`1. Thời gian: …`, `2. Hình thức: …`) share one chunk under their parent.
            parent = section.path[:-1]
            if (previous and not section.annex and not previous.annex and parent and previous.parent == parent
                    and len(previous.text) < min_chars and len(text) < min_chars):
                previous.text += "\n" + text
                previous.path = parent
            else:
                pieces.append(_Piece(path=list(section.path), parent=parent, text=text, annex=section.annex))
    return pieces


def chunk_document(parsed: ParsedDocument, source: str, file_hash: str, max_chars: int,
                   min_chars: int) -> list[Chunk]:
    meta = parsed.metadata
    doc_meta = {
        "source": source, "file_hash": file_hash, "title": meta.title or source,
        "doc_type": meta.doc_type, "doc_type_name": meta.doc_type_name, "number": meta.number,
        "date": meta.date, "year": meta.year, "issuer": meta.issuer, "place": meta.place, "signer": meta.signer,
    }
    pieces = _pieces(parsed, max_chars, min_chars)
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    for index, piece in enumerate(pieces):
        section = " > ".join(piece.path)
        key = f"{source}\x00{section}\x00{piece.text}"
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        chunk_id = hashlib.sha1(f"{key}\x00{occurrence}".encode()).hexdigest()[:24]
        chunks.append(Chunk.create(chunk_id, piece.text, {**doc_meta, "section": section, "chunk_index": index,
                                                          "n_chunks": len(pieces), "annex": piece.annex}))
    return chunks
