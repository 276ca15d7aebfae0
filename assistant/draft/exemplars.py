"""Exemplar tasks for a new draft: what documents of the same type in the corpus gave the same units, with
their own specifics (dates, years, document numbers, places, kind of review) replaced by the request's.

Years move with the event when the exemplar is the same kind of review: a 2025 year-end plan's "phương
hướng năm 2026" becomes 2028 in a 2027 one; otherwise every year becomes the requested one.
"""

from __future__ import annotations

import re

from ..index.records import Citation, Task
from ..vietnamese.folding import fold
from ..vietnamese.language import apply_case
from ..vietnamese.patterns import DAY_MONTH_DATE, YEAR
from .request import DraftRequest, review_kind

# `số 243/KH-SYT`, `1234/QĐ-UBND`: an old document's number.
DOC_NUMBER = re.compile(r"\b(?:số\s+)?\d+/[A-ZĐ]{1,4}(?:-[A-ZĐa-z]+)+\b", re.IGNORECASE)


def exemplar_year(request: DraftRequest, exemplar_title: str) -> int | None:
    """The year of the review an exemplar plans, when it is the same kind of review as the request's and its
    title names the year; then its tasks' years move with the event (see `moved_year`). Otherwise None, and
    every year of a task becomes the requested one."""
    year = YEAR.search(exemplar_title)
    if request.year and request.kind and year and review_kind(exemplar_title) == request.kind:
        return int(year.group())
    return None


def moved_year(year: int, base: int, request_year: int) -> int:
    """A task's year moved by the distance between the exemplar's review and the new one: the year-end review
    of 2025 plans "phương hướng năm 2026", that of 2026 "năm 2027". A year before the exemplar's own is a line
    its authors kept from the year before, so it counts as the exemplar's year."""
    return max(year, base) + request_year - base


def despecify(text: str, request: DraftRequest, stale: set[str], base: int | None = None,
               kind: str | None = None) -> str:
    """An exemplar's task with its own dates, years, document numbers and places replaced, and the kind of
    review it prepares (`kind`, from its title) changed to the requested one: a year-end plan's "tổng kết
    hoạt động ngành" becomes "sơ kết" in a mid-term plan."""
    deadline = request.deadlines[0] if request.deadlines else "[ngày]"
    if kind and request.kind and kind != request.kind:
        text = re.sub(rf"\b{kind}\b", lambda m: apply_case(request.kind, m.group()), text, flags=re.IGNORECASE)
    text = DOC_NUMBER.sub("[số văn bản]", text)
    if base is not None and request.year:
        text = YEAR.sub(lambda m: str(moved_year(int(m.group()), base, request.year)), text)
    else:
        text = YEAR.sub(str(request.year) if request.year else "[năm]", text)
    # After the years: the request's own deadline stands as given, its year not moved with the exemplar's.
    text = DAY_MONTH_DATE.sub(deadline, text)
    for place in stale:
        text = re.sub(re.escape(place), request.province or "[tỉnh]", text, flags=re.IGNORECASE)
    return text


def citation(n: int, task: Task, restored: bool) -> Citation:
    return Citation(n=n, source=task.source, title=task.title, section=task.section, quote=task.task,
                    quote_original=task.quote, restored=restored, chunk_id=task.chunk_id)


def adapted(tasks: list[Task], request: DraftRequest, stale: set[str], bases: dict[str, int | None],
             kinds: dict[str, str | None]) -> list[tuple[str, Task]]:
    """A unit's exemplar tasks with their specifics replaced, each once."""
    seen: set[str] = set()
    adapted = []
    for task in tasks:
        text = despecify(task.task.rstrip(" .;"), request, stale, bases.get(task.source), kinds.get(task.source))
        if fold(text) not in seen:
            seen.add(fold(text))
            adapted.append((text, task))
    return adapted
