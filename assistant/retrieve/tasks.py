"""The task table by unit: "what was the Finance department given?" answered across every document."""

from __future__ import annotations

from ..index.records import Task
from ..vietnamese.folding import fold
from ..vietnamese.units import find_units


def tasks_for(tasks: list[Task], unit: str | None) -> dict[str, list[Task]]:
    """Tasks grouped by unit. A name the alias table knows selects its canonical unit(s) — a vague one
    such as "Finance department" selects each unit it may mean; another name matches unit labels."""
    if unit:
        wanted = find_units(unit)
        key = fold(unit).strip()
        tasks = [t for t in tasks if t.unit in wanted] if wanted else [t for t in tasks if key in fold(t.unit)]
    grouped: dict[str, list[Task]] = {}
    for task in tasks:
        grouped.setdefault(task.unit, []).append(task)
    return grouped
