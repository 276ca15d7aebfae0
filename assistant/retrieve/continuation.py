"""For a question that asks for a list, a chunk that ends in a lead-in ("… thực hiện một số nhiệm vụ và giải
pháp sau đây:") brings the chunks that carry on its list: a document's numbered items are sections of their
own, so a search finds the lead-in and leaves the items, or one item and leaves the rest. Each chunk that
carries on a list is marked with the lead-in's chunk (`continues`), so that the answer quotes the items under
it. A section cut into several chunks by size ("Điều 7. Các Khoa chuyên môn": items 1 to 5, then 6 to 11) is one
list too: a chunk of it found brings the others, in their order (`section_of`)."""

from __future__ import annotations

import re

from ..index.records import Chunk
from ..index.search_index import SearchIndex
from ..vietnamese.folding import fold
from ..vietnamese.patterns import BULLET

_NUMBERED = re.compile(r"^\s*(\d+)\.\s")
# A question that asks for a list ("những giải pháp nào", "liệt kê", "gồm những ai", "which tasks …").
_LIST_ASKED = re.compile(r"\b(?:(?:nhung|cac)\b.*\b(?:nao|gi)|liet ke|gom (?:nhung|cac)|bao gom|nhung ai|which\b.*s\b|list)\b")


def asks_for_list(question: str) -> bool:
    return _LIST_ASKED.search(fold(question)) is not None


def _item_number(chunk: Chunk) -> int | None:
    """The number of the item a chunk is (`3. Phê duyệt …`), from the last label of its section path."""
    match = _NUMBERED.match(chunk.section.split(" > ")[-1])
    return int(match.group(1)) if match else None


def _at(index: SearchIndex, source: str, positions: range) -> list[Chunk]:
    """The chunks of a document at these positions."""
    return index.chunks(list(index.ids_where([("source", [source]), ("chunk_index", list(positions))])))


def with_continuations(index: SearchIndex, chunks: list[Chunk], most: int) -> list[Chunk]:
    """The chunks, each lead-in followed by the numbered items that carry on its list in its document (1, 2,
    3 … in order, at most `most`), those already found moved up behind it."""
    out: list[Chunk] = []
    for chunk in chunks:
        if chunk.id in {c.id for c in out}:
            continue
        out.append(chunk)
        if not BULLET.sub("", chunk.page_content).rstrip().endswith(":"):
            continue
        following = _at(index, chunk.source, range(chunk.position + 1, chunk.position + 1 + most))
        expected = 1
        for item in sorted(following, key=lambda c: c.position):
            if _item_number(item) != expected:
                break
            item.metadata["continues"] = chunk.id
            item.metadata.setdefault("score", chunk.score)  # found with its lead-in
            out = [c for c in out if c.id != item.id] + [item]
            expected += 1
    return out


_ITEM = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.|[a-zđ]\))\s", re.MULTILINE)
_LETTERED = re.compile(r"^\s*[a-zđ]\)\s")
_SUB_ITEM = re.compile(r"^\s*\d+\.\d+\.\s")


def with_section_mates(index: SearchIndex, chunks: list[Chunk], most: int) -> list[Chunk]:
    """The chunks, each one that lists items (`1.`, `a)`) or carries on a cut sentence beside the chunks its section
    or list was cut into, before and after it in the document's order (at most `most` on each side), those already
    found moved beside it."""
    out: list[Chunk] = []
    for chunk in chunks:
        if chunk.id in {c.id for c in out}:
            continue
        if not chunk.section or not (_ITEM.search(chunk.page_content) or _carries_on(chunk.page_content)):
            out.append(chunk)
            continue
        near = {c.position: c for c in _at(index, chunk.source, range(chunk.position - most, chunk.position + most + 1))}
        before = _run(near, chunk, range(chunk.position - 1, chunk.position - most - 1, -1))[::-1]
        after = _run(near, chunk, range(chunk.position + 1, chunk.position + most + 1))
        for mate in before + after:
            mate.metadata["section_of"] = chunk.id
            mate.metadata.setdefault("score", chunk.score)
        mates = {c.id for c in before + after}
        out = [c for c in out if c.id not in mates] + before + [chunk] + after
    return out


def _carries_on(text: str) -> bool:
    """Whether a chunk opens in lower case, carrying on a sentence the chunk before it was cut from: "…; Quyết định
    số 1221/2000/QĐ-BYT …; các nội dung … bị bãi bỏ"."""
    first = text.lstrip()[:1]
    return first.isalpha() and first.islower()


def _lettered(label: str) -> bool:
    """Whether a section's label is a point of a list: lettered (`d) Quyết định số 14/2007 …`) or numbered under
    its item (`1.2. Thương binh …` under `1. Nhóm đối tượng số 1`)."""
    return _LETTERED.match(label) is not None or _SUB_ITEM.match(label) is not None


def in_same_list(chunk: Chunk, other: Chunk) -> bool:
    """Whether the other chunk carries on the chunk's section or its list: the lettered points of a clause may each
    be a section of their own, under the clause's lead-in (whose own chunk holds the first points). A numbered
    clause's neighbours are other provisions of its article, not items of one list."""
    if other.section == chunk.section:
        return True
    parent, _, label = chunk.section.rpartition(" > ")
    other_parent, _, other_label = other.section.rpartition(" > ")
    if other_parent == chunk.section:  # a point under the chunk's own lead-in
        return _lettered(other_label)
    return _lettered(label) and (other.section == parent or parent == other_parent and _lettered(other_label))


def _run(near: dict[int, Chunk], chunk: Chunk, positions: range) -> list[Chunk]:
    """The chunks at these positions, in turn, while they carry on the chunk's section or list."""
    run = []
    for position in positions:
        if position not in near or not in_same_list(chunk, near[position]):
            break
        run.append(near[position])
    return run
