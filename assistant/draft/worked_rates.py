"""Rates a request asks to work out in its running text, written in before the request is read: "giải quyết đúng hạn
1.231 hồ sơ (tự tính tỷ lệ)" against the 1.246 received, "170/181 trạm (tính tỷ lệ)", a fall on the same period, and
an indicator's rate given as a part over its whole ("Tỷ lệ trẻ được sàng lọc: thực hiện 21.350 trẻ trên 24.600 trẻ
sinh ra" is 86,8%)."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .indicators import decimals, percent
from .amounts import integer


# "giải quyết đúng hạn 1.231 hồ sơ (tự tính tỷ lệ, 1 chữ số thập phân)": a rate the request asks to work out.
_RATE_ASKED = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)\s+([^\W\d]+)([^()\d]{0,40}?)\s*\((?:tự |hãy |cần )?tính (?:ra )?"
                         r"(?:tỷ|tỉ) lệ([^)]*)\)", re.IGNORECASE)


def rates_in_prose(text: str) -> str:
    """A rate asked for in running text, worked out against the first figure of the same noun before it in the
    sentence ("tiếp nhận 1.246 hồ sơ …, giải quyết đúng hạn 1.231 hồ sơ (tự tính tỷ lệ)" is 98,8%)."""
    def worked(match: re.Match) -> str:
        sentence_start = max(text.rfind(". ", 0, match.start()) + 1, 0)
        before, asked, this = text[sentence_start:match.start()], fold(match.group(4)), integer(match.group(1))
        digits = decimals(asked)
        said = f"{match.group(1)} {match.group(2)}{match.group(3)}"
        if (over := _OVER.search(before)) and this:  # "170/181 trạm y tế (tính tỷ lệ)"
            return f"{said} (đạt {percent(integer(over.group(1)), this, digits)}%)"
        whole = re.search(rf"(\d{{1,3}}(?:\.\d{{3}})+|\d+)\s+{re.escape(match.group(2))}\b", before)
        if not whole or not integer(whole.group(1)) or not this:
            return match.group()
        first, between = integer(whole.group(1)), fold(before[whole.end():])
        if _CHANGE.search(asked):  # "1.842 ca, cùng kỳ năm 2025 là 2.310 ca (tính tỷ lệ giảm so với cùng kỳ)"
            base, now = (this, first) if _EARLIER_PERIOD.search(between) else (first, this)
            compared = " so với cùng kỳ" if "cung ky" in between + asked else ""
            return f"{said} ({'giảm' if now < base else 'tăng'} {percent(abs(now - base), base, digits)}%{compared})"
        if _OUT_OF.search(between):  # "2.437.000 người … trên tổng dân số 3.065.000 người"
            return f"{said} (đạt {percent(first, this, digits)}%)"
        return f"{said} (đạt {percent(this, first, digits)}%)"
    return _RATE_ASKED.sub(worked, text)


_OVER = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)\s*/\s*$")
_CHANGE = re.compile(r"\b(?:giam|tang)\b")
_EARLIER_PERIOD = re.compile(r"\b(?:cung ky|nam truoc|ky truoc|same period|last year)\b")
_OUT_OF = re.compile(r"\b(?:tren(?: tong(?: so)?)?|out of|of a total of)\b")


# "thực hiện 4.250 cặp được khám trên tổng số 6.800 cặp đăng ký": a part over its whole.
_PART_OF_WHOLE = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)\s+([^\W\d]+)([^.;:\d]{0,60}?)\s+(?:trên|out of)\s+(?:tổng số\s+|tổng\s+|a total of\s+)?"
                            r"(\d{1,3}(?:\.\d{3})+|\d+)\s+([^\W\d]+)\b([^.;:\d]{0,40})", re.IGNORECASE)
# What an indicator's clause opens with when its values are rates.
_RATE_INDICATOR = re.compile(r"\b(?:tỷ lệ|tỉ lệ|rate|percentage)\b", re.IGNORECASE)


def shares_in_rows(text: str) -> str:
    """A rate indicator's value given as a part over its whole, written as the rate to the decimals the request asks
    ("Tỷ lệ trẻ sơ sinh được sàng lọc: KH 85%, thực hiện 21.350 trẻ được sàng lọc trên 24.600 trẻ sinh ra" → "thực
    hiện 86,8%")."""
    digits = decimals(fold(text))

    def worked(match: re.Match) -> str:
        clause = re.split(r"[.;]\s", text[:match.start()])[-1]
        whole = integer(match.group(4))
        # The same noun, its marks restored alike or not ("4.250 cặp … trên 6.800 cặp").
        if not _RATE_INDICATOR.search(clause) or not whole or fold(match.group(2)) != fold(match.group(5)):
            return match.group()
        return f"{percent(integer(match.group(1)), whole, digits)}%"
    return _PART_OF_WHOLE.sub(worked, text)
