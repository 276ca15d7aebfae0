"""A total the user typed beside the budget lines it gives ("tổng 12.800.000", "Tổng anh em tính ra 59.500.000đ,
nhờ kiểm tra lại giúp"): the draft writes the total computed from the lines, and warns when the typed one differs."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .clauses import Clause, said
from .document import vnd
from .amounts import AMOUNT, integer, money
from .tables import CostLine

# Where the total is said, wherever in the clause: "Our draft says the total is 780,000,000 VND, which looks wrong".
_TOTAL_SAID = re.compile(r"\b(?:tong(?!\s+so\b)|total)\b")
_AMOUNT_NEXT = re.compile(r"\W*(?:[^\W\d]+\W+){0,4}?\d")
_CURRENCY_BEFORE = re.compile(r"\b(?:VND|VNĐ)\s*$", re.IGNORECASE)
_MILLIONS = re.compile(r"\d{1,3}(?:[.,]\d{3}){2,}")  # "tổng 12.800.000": an amount of millions needs no unit


def states_total(text: str) -> int | None:
    """The amount a clause gives as the total, None for any other clause ("tổng số ca mắc" counts cases)."""
    said = _TOTAL_SAID.search(fold(text))
    # The amount follows the word within a few words: "with total and amount in words) for …: 5 people × …" says none.
    if not said or not (first := _AMOUNT_NEXT.match(text, said.end())):
        return None
    # The first figure after it is the amount, not a count: "40 people in total across all classes, 2 nights each at
    # VND 250,000" states none.
    rest = text[(currency.start() if (currency := _CURRENCY_BEFORE.search(text, 0, first.end() - 1)) else first.end() - 1):]
    if AMOUNT.match(rest):
        return money(rest)
    return integer(figure.group()) if (figure := _MILLIONS.match(rest)) else None


def check_stated_total(texts: list[str], lines: list[CostLine]) -> list[str]:
    """A warning when a total the request types (among `texts`, its clauses) is not that of its priced lines."""
    computed = sum(line.amount for line in lines)
    stated = next((amount for text in texts if (amount := states_total(text))), None)
    if lines and stated is not None and stated != computed:
        return [f"tổng kinh phí ghi trong yêu cầu ({vnd(stated)}) khác tổng cộng các khoản ({vnd(computed)}): bản thảo "
                f"ghi {vnd(computed)}"]
    return []


def stated_total_left_out(clauses: list[Clause], lines: list[CostLine]) -> tuple[list[Clause], list[str]]:
    """The clauses without a total typed beside the priced `lines` (the draft writes theirs), and the warning when
    the typed total is not theirs."""
    if not lines:
        return clauses, []
    return ([c for c in clauses if not states_total(c.text)],
            check_stated_total([said(c) for c in clauses], lines))
