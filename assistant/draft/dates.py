"""Dates the request types, written as the documents write them: with slashes ("ngày 8 tháng 1 năm 2027" is
08/01/2027), a span given once for both ends ("19-20/11/2026", "từ 15/3 đến 15/4/2027") written in full at each
end, and the leading zero the decree on official documents (Nghị định 30/2020/NĐ-CP) asks for: a day below 10
and the months 1 and 2. A zero the user typed is kept; none is taken away. A date typed with dashes
("30-6-2027") is rewritten whole, with every zero (30/06/2027). An hour is written "16h00", "07h30"."""

from __future__ import annotations

import re

_DASHED = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")
_IN_WORDS = re.compile(r"\b(\d{1,2}) (?:tháng|thang) (\d{1,2}),? (?:năm|nam) (\d{4})\b", re.IGNORECASE)
_SHARED_MONTH = re.compile(r"(?<![\d/.,])(\d{1,2})\s*[-–]\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")
_OPEN_START = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(\s*(?:[-–]|đến|den|tới|toi|to|until)\s*(?:ngày\s+|ngay\s+)?)"
                         r"(\d{1,2})/(\d{1,2})/(\d{4})\b", re.IGNORECASE)
# A date written with slashes, day, month and year: what the house style writes and the scorer compares.
SLASHED_DATE = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
# An hour: "16h", "7g30", "14 giờ 30", "8 gio". Typed with "h" or with minutes it is one; typed "g" or "giờ"
# alone it is one after a word of time ("lúc 8g", "trước 14 giờ") or before a day or a part of it, not a
# length ("trong 48 giờ") nor a weight ("5g muối").
_HOUR = re.compile(r"(?<![\w/.,:])(\d{1,2})(?:\s?(h)|\s?(?:g|giờ|gio))(?:\s?(\d{2}))?(?![\w/%])(?:\s?(?:phút|phut)\b)?",
                   re.IGNORECASE)
_BEFORE_HOUR = re.compile(r"\b(?:lúc|luc|trước|truoc|từ|tu|đến|den|vào|vao|khoảng|khoang|at|before|by|from)\s*$",
                          re.IGNORECASE)
_AFTERNOON = re.compile(r"^\s*(?:chiều|chieu|tối|toi)\b", re.IGNORECASE)
# "sau ăn khoảng 3 giờ": so long after something, not an hour of the day.
_LENGTH_AFTER = re.compile(r"\b(?:sau|after)\s+(?:khi\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?:khoảng|khoang|chừng|chung|about)\s*$",
                           re.IGNORECASE)
_AFTER_HOUR = re.compile(r"^\s*(?:ngày|ngay|sáng|sang|chiều|chieu|tối|toi|trưa|trua|đến|den|[-–,])", re.IGNORECASE)


def _hour(match: re.Match) -> str:
    hour, h, minutes = match.groups()
    if int(hour) > 23 or (minutes and int(minutes) > 59) or _LENGTH_AFTER.search(match.string[:match.start()]):
        return match.group()
    said = h or minutes or _BEFORE_HOUR.search(match.string[:match.start()]) or _AFTER_HOUR.match(match.string[match.end():])
    if not said:
        return match.group()
    hour = int(hour) + (12 if int(hour) < 12 and _AFTERNOON.match(match.string[match.end():]) else 0)
    return f"{hour:02d}h{minutes or '00'}"


def house_hours(text: str) -> str:
    """The hours of `text` written as the documents write them: 16h00, 07h30."""
    return _HOUR.sub(_hour, text)


def _real(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _padded(match: re.Match) -> str:
    day, month, year = match.groups()
    if not _real(day, month):
        return match.group()
    return f"{day.zfill(2)}/{month.zfill(2) if int(month) <= 2 else month}/{year}"


def _span(match: re.Match) -> str:
    first, last, month, year = match.groups()
    if not (_real(first, month) and _real(last, month) and int(first) < int(last)):
        return match.group()
    return f"{first}/{month}/{year} - {last}/{month}/{year}"


def _open_start(match: re.Match) -> str:
    day, month, between, *end = match.groups()
    if not (_real(day, month) and _real(end[0], end[1])):
        return match.group()
    return f"{day}/{month}/{end[2]}{between}{end[0]}/{end[1]}/{end[2]}"


def house_dates(text: str) -> str:
    """The dates of `text` written with slashes, in full at both ends of a span, with the decree's zeros."""
    text = _DASHED.sub(lambda m: f"{int(m.group(1)):02d}/{int(m.group(2)):02d}/{m.group(3)}", text)
    text = _IN_WORDS.sub(r"\1/\2/\3", text)
    text = _SHARED_MONTH.sub(_span, text)
    text = _OPEN_START.sub(_open_start, text)
    return SLASHED_DATE.sub(_padded, text)
