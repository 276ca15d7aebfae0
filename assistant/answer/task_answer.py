"""Questions about what a unit must do ("Sở Tài chính được giao nhiệm vụ gì?") are answered from the task
table, complete across documents, one cited line per task, each unit of a vague name listed apart."""

from __future__ import annotations

import re

from ..index.records import Chunk, Task
from ..index.search_index import SearchIndex
from ..retrieve.tasks import tasks_for
from ..vietnamese.folding import fold
from ..vietnamese.units import find_units
from .document_answer import document_label

# "What was X given / what must X do / X phải làm gì": answered from the task table.
_TASK_QUESTION = re.compile(r"\b(nhiem vu|duoc giao|giao (nhung )?(gi|viec)|(phai )?lam gi|trach nhiem|cong viec"
                            r"|tasks?|tasked|assigned|duties|responsib\w*|must \w+ do|given)\b")
# A question names a unit as the one who acts only with a word for a unit; `quản lý tài chính` is a topic.
_UNIT_WORD = re.compile(r"\b(phong|so|ban|trung tam|benh vien|van phong|ubnd|department|office|unit|finance)\b")


def task_units(question: str) -> list[str]:
    """Units whose tasks the question asks for; empty when it is not such a question."""
    folded = fold(question)
    if not _TASK_QUESTION.search(folded) or not _UNIT_WORD.search(folded):
        return []
    return find_units(question)


def _task_line(task: Task, n: int, said: dict[str, str]) -> str:
    deadline = f" ({said['deadline'].format(deadline=task.deadline)})" if task.deadline else ""
    return f"- {task.task.rstrip('.;')}{deadline} [{n}]"


def task_answer(index: SearchIndex, units: list[str], said: dict[str, str],
                sources: list[str] | None = None) -> tuple[str, str, list[Chunk]] | None:
    """(lead, tasks with markers, chunks cited), in the language of `said`; the lead is the assistant's own
    and is not checked. Only the tasks of `sources` when the question names documents. None when no unit
    asked for has a task there (a legal text's duties are articles, found by the search instead)."""
    grouped = tasks_for([t for t in index.tasks() if sources is None or t.source in sources], None)
    grouped = {u: grouped[u] for u in units if u in grouped}
    if not grouped:
        return None
    ids = list(dict.fromkeys(t.chunk_id for ts in grouped.values() for t in ts))
    chunks = {c.id: c for c in index.chunks(ids)}
    order = {chunk_id: n for n, chunk_id in enumerate(ids, 1)}
    cards = {card.source: card for card in index.cards()}
    lines = []
    for unit, tasks in grouped.items():
        lines.append(said["tasks_intro"].format(unit=unit, count=len(tasks)))
        # Document by document, each named by its number: "in which documents" is half of what is asked.
        for source in dict.fromkeys(t.source for t in tasks):
            own = [t for t in tasks if t.source == source]
            lines.append(f"{document_label(cards.get(source), chunks[own[0].chunk_id])}:")
            heading = ""
            for task in own:
                # The heading a task stands under says what it is about ("9.3. Về nhân lực y tế"), unless it
                # only names the unit again ("2. Phòng Kế hoạch - Tài chính").
                label = task.section.split(" > ")[-1].strip()
                if label != heading and label and unit not in find_units(label):
                    lines.append(f"{label}:")
                heading = label
                lines.append(_task_line(task, order[task.chunk_id], said))
    lead = said["tasks_ambiguous"].format(count=len(grouped)) if len(grouped) > 1 else ""
    return lead, "\n".join(lines), [chunks[i] for i in ids]
