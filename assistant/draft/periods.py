"""The periods a document speaks of, as the house style names them: "6 tháng đầu năm N" / "6 tháng cuối năm N"
for a mid-year review, "năm N" / "năm N+1" for a year-end one, a quarter and the next; and a review conference
named by them."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .request import DraftRequest, deploys_year

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_MID_YEAR = re.compile(r"\b(?:6|sau) thang dau nam|six.month|mid-year|first half|first six months")
_NINE_MONTHS = re.compile(r"\b(?:9|chin) thang(?: dau nam| nam)?\b|nine.month|first nine months")
# A quarter: "quý III", "third quarter", "Q3"; each name's place in _QUARTERS modulo 4 is its number less one.
_QUARTERS = ("i", "ii", "iii", "iv", "first", "second", "third", "fourth", "1", "2", "3", "4")
_QUARTER = re.compile(r"\bquy (iv|iii|ii|i)\b|\b(first|second|third|fourth) quarter\b|\bq([1-4])\b")


def periods(request: DraftRequest) -> tuple[str, str]:
    """The period under review and the next one, as the house style names them: the first six or nine months
    and the rest of the year, a quarter and the next, a year and the next (a year-end review), else the year
    and "thời gian tới"."""
    year, folded = request.year, fold(request.text or request.instruction)
    if not year:
        return "[giai đoạn]", "thời gian tới"
    if request.kind != "tổng kết" and (_MID_YEAR.search(folded) or (request.kind == "sơ kết" and "dau nam" in folded)):
        return f"6 tháng đầu năm {year}", f"6 tháng cuối năm {year}"
    if request.kind != "tổng kết" and _NINE_MONTHS.search(folded):
        return f"9 tháng đầu năm {year}", f"3 tháng cuối năm {year}"
    if request.kind != "tổng kết" and (quarter := _QUARTER.search(folded)):
        n = _QUARTERS.index(next(g for g in quarter.groups() if g))
        return f"quý {ROMAN[n % 4]} năm {year}", f"quý {ROMAN[(n + 1) % 4]} năm {year + (n % 4 == 3)}"
    if request.kind == "tổng kết":
        return f"năm {year}", f"năm {year + 1}"
    if deploys_year(request):
        return f"năm {year - 1}", f"năm {year}"
    return f"năm {year}", "thời gian tới"


def review_event(kind: str | None, period: str, next_period: str) -> str | None:
    """A review conference the request names only by its kind, named as the house style does: "Hội nghị sơ kết
    6 tháng đầu năm 2026 và triển khai nhiệm vụ 6 tháng cuối năm 2026"."""
    if not kind:
        return None
    if period.startswith("["):
        return f"Hội nghị {kind}"
    return f"Hội nghị {kind} {period}" + (f" và triển khai nhiệm vụ {next_period}" if next_period != "thời gian tới" else "")


def completed_review(request: DraftRequest) -> str | None:
    """A review conference named without what it launches ("Hội nghị sơ kết công tác y tế 6 tháng đầu năm 2027") is
    named in full, as the house style does: "… và triển khai nhiệm vụ 6 tháng cuối năm 2027"."""
    event = request.event
    folded = fold(event or "")
    if not event or not request.kind or "trien khai" in folded or not re.match(r"hoi nghi (?:so ket|tong ket)\b", folded):
        return event
    period, next_period = periods(request)
    if next_period == "thời gian tới" or not folded.endswith(fold(period)):
        return event
    return f"{event} và triển khai nhiệm vụ {next_period}"
