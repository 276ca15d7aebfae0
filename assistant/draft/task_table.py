"""A task-assignment table ("bảng phân công", "task-assignment table", or any table with a column for the unit in
charge) from items typed in prose: "1. cập nhật kịch bản – CDC, phối hợp Phòng Nghiệp vụ Y, trước ngày 29/01/2027",
"dự thảo báo cáo (Chi cục Dân số chủ trì, Công an tỉnh phối hợp, xong trước 12/12/2027)". Each item is a row: the task
before the dash or bracket, the unit in charge after it, the units that work with it ("phối hợp", "cùng", "with"),
and the deadline ("trước ngày …" is the date, "từ ngày …" the start, "quý II/2028" as typed, "thường xuyên" says
so), under the columns the request names. A table pasted with its cells (pasted.py) is laid out as typed instead."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from ..vietnamese.patterns import DATE
from .clauses import Clause
from .document import Block
from .request import DraftRequest
from .indicators import indicator_columns
from .columns import column_names, column_roles, named_columns

_ASKED = re.compile(r"\bbang phan cong|\b(?:task|duty)[- ]assignment table|\btable of (?:tasks|assignments)"
                    r"|\bassignment table")
_ROLES = (("index", r"^(?:s?tt|no\.?|#)$"), ("partner", r"phoi hop|with|support|coordinat"),
          ("lead", r"chu tri|thuc hien|in charge|lead|responsible"), ("deadline", r"thoi han|\bhan\b|thoi gian|hoan thanh|deadline|by when|\btime"),
          ("task", r"nhiem vu|noi dung|cong viec|task|content|activit"))
_DASH = re.compile(r"\s+[–—]\s+|\s+-\s+(?=\S)")
# "… (Chi cục Dân số chủ trì, Công an tỉnh phối hợp, xong trước 12/12/2027)": the item's units and time in brackets.
_BRACKETED = re.compile(r"^(.+?)\s*\(([^()]+)\)\s*$")
_LEADS = re.compile(r"^(.+?)\s+(?:chủ trì|thực hiện)$", re.IGNORECASE)
_WORKS_WITH = re.compile(r"^(?:phối hợp(?: với)?\s+(.+)|(.+?)\s+phối hợp)$", re.IGNORECASE)
_PERIOD = re.compile(r"\b(?:quý\s+[IV]+|tháng\s+\d{1,2})/\d{4}\b", re.IGNORECASE)
_PARTNERS = re.compile(r",?\s+(?:phối hợp(?: với)?|cùng|with(?: the)?)\s+", re.IGNORECASE)
_START = re.compile(r"\b(?:từ(?: ngày)?|from|starting)\s*$", re.IGNORECASE)
_ONGOING = re.compile(r"\b(?:thường xuyên|liên tục|hằng (?:tuần|tháng)|ongoing|continuous(?:ly)?|regularly)\b",
                      re.IGNORECASE)
_DEADLINE_WORDS = re.compile(r",?\s*(?:(?:trước|chậm nhất|hạn|từ|by|before|from|starting)(?: ngày)?\s+)?"
                             r"\d{1,2}/\d{1,2}/\d{4}\s*$|,?\s*" + _ONGOING.pattern + r"\s*$", re.IGNORECASE)


def asks_for_tasks(request: DraftRequest) -> bool:
    """Asked by name, or by a column for the unit in charge in a table that is no indicator table (targets with
    the unit to lead each are indicators still)."""
    columns = fold(" ".join(column_names(request.text)))
    return not request.typed_rows and (_ASKED.search(fold(request.text)) is not None
                                        or ("chu tri" in columns and not indicator_columns(columns)))


def _deadline(text: str) -> str:
    if date := DATE.search(text):
        return f"Từ {date.group()}" if _START.search(text[:date.start()]) else date.group()
    if period := _PERIOD.search(text):
        return period.group()[:1].upper() + period.group()[1:]
    return "Thường xuyên" if _ONGOING.search(text) else ""


def _bracketed_row(task: str, inside: str) -> dict[str, str]:
    """"dự thảo báo cáo (Chi cục Dân số chủ trì, Công an tỉnh phối hợp, xong trước 12/12/2027)"."""
    lead = partner = ""
    for piece in (p.strip() for p in inside.split(",")):
        if _deadline(piece) or not piece:
            continue
        if works := _WORKS_WITH.match(piece):
            partner = (works.group(1) or works.group(2)).strip()
        elif not lead:
            lead = (m.group(1) if (m := _LEADS.match(piece)) else piece).strip()
    return {"task": task[:1].upper() + task[1:], "lead": lead, "partner": partner, "deadline": _deadline(inside)}


def _row(text: str) -> dict[str, str] | None:
    """The item's cells by role; None when it has no dash between task and unit."""
    if bracketed := _BRACKETED.match(text.strip(" .;")):
        return _bracketed_row(*bracketed.groups())
    pieces = _DASH.split(text.strip(" .;"), maxsplit=1)
    if len(pieces) < 2:
        return None
    task, rest = pieces
    rest_without_date = _DEADLINE_WORDS.sub("", rest).strip(" ,")
    lead, *partners = _PARTNERS.split(rest_without_date, maxsplit=1)
    return {"task": task[:1].upper() + task[1:], "lead": lead.strip(" ,"), "partner": (partners or [""])[0].strip(" ,"),
            "deadline": _deadline(rest)}


def task_blocks(request: DraftRequest, clauses: list[Clause]) -> list[Block]:
    """The table under its title; empty when fewer than two items give a task and its unit."""
    named = named_columns(request.text)
    # The clause that names the columns ("lập bảng (TT, nhiệm vụ, …)") is no item.
    rows = [row for clause in clauses if not clause.meta and not (named and named in clause.text)
            and (row := _row(clause.text))]
    if len(rows) < 2:
        return []
    columns = column_names(request.text) or ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
    roles = column_roles(columns, _ROLES)
    table = [columns] + [[str(n) if role == "index" else row.get(role, "") for role in roles]
                         for n, row in enumerate(rows, 1)]
    return [Block("part", "BẢNG PHÂN CÔNG NHIỆM VỤ"), Block("table", rows=table)]
