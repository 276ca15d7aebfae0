"""Extract assignments (unit, task, deadline, source, section) from chunks at ingest.

Two shapes carry assignments in the house style: the "Tổ chức thực hiện" part of a plan, whose
sub-sections or bullet groups are named after a unit and list its tasks; and conclusions that say
"Giao <unit> …", "Đề nghị <unit> …" or "Yêu cầu <unit> …". Units resolve to canonical names through
the alias table; a unit the table does not know keeps the label the document gives it.
"""

from __future__ import annotations

import re

from ..index.records import Chunk, Task
from ..vietnamese.folding import collapse_ws, fold
from ..vietnamese.patterns import CLAUSE_END, DEADLINE, TASK_ITEM_START
from ..vietnamese.units import find_units

_PLAN_PART = "to chuc thuc hien"
# Headings and sentences that hand work to a unit: "Giao Sở Tài chính chủ trì …"; in a legal text, an article
# "Điều 12. Trách nhiệm của Bảo hiểm xã hội".
_ASSIGN = re.compile(r"\b(giao|de nghi|yeu cau|trach nhiem cua|nhiem vu cua)\b")
# `- Phòng Tổ chức cán bộ: …` names its unit inline; the `+` bullets after it are that unit's too.
_INLINE_OWNER = re.compile(r"^\s*-\s*((?:phong|van phong|so|trung tam|ubnd|ban|benh vien|bao hiem)\b[^:]{0,60}):", re.IGNORECASE)
_MAX_UNIT_WORDS = 12
_LABEL_NUMBER = re.compile(r"^\s*(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[-+])\s*", re.IGNORECASE)


def label(element: str) -> str:
    """A section heading without its number and trailing colon: `2. Sở Tài chính:` → `Sở Tài chính`."""
    return _LABEL_NUMBER.sub("", element).strip().rstrip(":").strip()


def deadline_of(text: str) -> str | None:
    match = DEADLINE.search(fold(text))
    return match.group(1) if match else None


def _items(original: str, readable: str, path: list[str]) -> list[tuple[str, str]]:
    """Bullet items as (original, readable) pairs; restoring keeps line breaks, so lines correspond.
    A first line that is only the section heading stands alone: the text under it is an item.
    `path` is the section path as the file writes it."""
    items: list[tuple[list[str], list[str]]] = []
    for orig_line, read_line in zip(original.split("\n"), readable.split("\n")):
        if not orig_line.strip():
            continue
        first = items[0][0][0] if len(items) == 1 and len(items[0][0]) == 1 else None
        after_heading = first is not None and _is_heading_of(first, path) and not first.partition(":")[2].strip()
        if TASK_ITEM_START.match(read_line) or not items or after_heading:
            items.append(([orig_line], [read_line]))
        else:
            items[-1][0].append(orig_line)
            items[-1][1].append(read_line)
    return [(collapse_ws(" ".join(o)), collapse_ws(" ".join(r))) for o, r in items]


def _units_named(name: str) -> list[str]:
    """Units a heading names; a group named after a unit (`Các đơn vị trực thuộc Sở`) keeps its label."""
    name = label(name)
    if fold(name).startswith("cac ") or len(name.split()) > _MAX_UNIT_WORDS:
        return []
    return find_units(name)


# A legal text's article named after a unit alone lists that unit's duties: "Điều 18. Sở Y tế tỉnh".
_ARTICLE = re.compile(r"^dieu \d+\.?\s+")
_ARTICLE_EXTRA_WORDS = 2  # "Sở Y tế tỉnh", "Trung tâm y tế huyện": the unit and where it stands


def _article_unit(element: str) -> list[str]:
    """The unit an article's title is, when it is no more than a unit's name."""
    article = _ARTICLE.match(fold(element))
    rest = element[article.end():] if article else ""
    named = find_units(rest, vague=False) if rest else []
    return named[:1] if named and len(rest.split()) <= len(named[0].split()) + _ARTICLE_EXTRA_WORDS else []


def _owner(path: list[str]) -> list[str] | None:
    """Who a section is for: in the plan part, the deepest heading naming a unit, else its label;
    elsewhere a heading such as `Các nội dung khác yêu cầu Sở Y tế`, or an article named after a unit."""
    if not any(_PLAN_PART in fold(p) for p in path):
        for element in reversed(path):
            match = _ASSIGN.search(fold(element))
            named = find_units(element[match.end():]) if match else _article_unit(element)
            if named:
                return named[:1]
        return None
    below = path[next(i for i, p in enumerate(path) if _PLAN_PART in fold(p)) + 1:]
    below = [e for e in below if len(label(e).split()) <= _MAX_UNIT_WORDS]
    for element in reversed(below):
        if named := _units_named(element):
            return named
    return [label(below[-1])] if below else None


def _is_heading_of(item: str, path: list[str]) -> bool:
    """The item repeats the section's own short heading (a long `a) …` heading is an item in itself)."""
    if not path or len(label(path[-1]).split()) > _MAX_UNIT_WORDS:
        return False
    return fold(label(item)).startswith(fold(label(path[-1]))[:40])


def _deadline(*texts: str) -> str | None:
    return next((d for d in map(deadline_of, texts) if d), None)


def extract_tasks(chunks: list[Chunk]) -> list[Task]:
    tasks: list[Task] = []
    for chunk in chunks:
        path = [p for p in chunk.section.split(" > ") if p]
        written = [p for p in chunk.section_original.split(" > ") if p]
        base = dict(source=chunk.source, title=chunk.title, section=chunk.section, chunk_id=chunk.id)
        items = _items(chunk.page_content, chunk.readable, written)
        owner = _owner(path)
        # The heading restored inside its chunk reads better than alone in the path (more context).
        if owner and items and _is_heading_of(items[0][0], written) and not _units_named(path[-1]):
            owner = _units_named(items[0][1]) or owner
        inline: list[str] | None = None
        for original, text in items:
            heading = _is_heading_of(original, written)
            # A heading line (`2. Sở Tài chính`, `- Phòng Kế hoạch Tài chính:`) is not a task; text after its colon is.
            body = (text.split(":", 1)[1].strip() if ":" in text else "") if heading else text
            quote = (original.split(":", 1)[1].strip() if ":" in original else original) if heading else original
            if len(fold(body)) < 3:
                continue
            if owner is not None:
                named = _INLINE_OWNER.match(fold(body))
                if named:
                    inline = find_units(body[:named.end(1)]) or [label(body[:named.end(1)])]
                elif not re.match(r"(?:\S\s+)?\+", body):
                    inline = None
                shown = TASK_ITEM_START.sub("", body.lstrip("~ "))
                tasks += [Task(unit, shown, quote, _deadline(body, original), **base) for unit in inline or owner]
                continue
            for sentence, quote in zip(CLAUSE_END.split(body), CLAUSE_END.split(quote)):
                match = _ASSIGN.search(fold(sentence))
                units = find_units(sentence[match.end():match.end() + 40])[:1] if match else []
                tasks += [Task(unit, sentence.strip(), quote.strip(), _deadline(sentence, quote), **base) for unit in units]
    return tasks
