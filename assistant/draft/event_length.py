"""How many days the event lasts, as the request says it ("lớp học 2 ngày", "a 2-day course", "họp trong 2 ngày
12-13/11/2026"): a budget line rated per day ("150k/người/ngày", "3 triệu/ngày") that gives no day count runs for
the whole event."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold

# Matched folded, marks restored or not ("đi 6 ngày", "di 6 ngay"). A team's trip lasts so many days too: "4 đoàn,
# mỗi đoàn 5 người, đi 6 ngày", "giám sát 5 ngày".
_EVENT = (r"(?:trong|to chuc|keo dai|lasting|lasts|dien ra|thoi gian|hoc|hop|tap huan|hoi nghi|hoi thao|lop|khoa|di|cong tac|kiem tra|giam sat|"
          r"lam viec|course|workshop|conference|training|meeting|trip|visit|works?|working)")
# A count of days may be spelled out: "a two-day conference", "họp hai ngày".
SPELLED = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "hai": 2, "ba": 3, "bon": 4}
_COUNT = rf"(\d{{1,2}}|{'|'.join(SPELLED)})"
_LENGTH = re.compile(rf"\b{_EVENT}\s+(?:[a-z]+\s+)?{_COUNT}\s*(?:ngay|days?)\b|\b{_COUNT}-day\b|\bfor {_COUNT} days\b"
                     rf"|\b{_COUNT} days each\b"  # "4 teams of 3 people, 5 days each"
                     # a count of days alone between commas: "Hội thảo của Sở Y tế …, 2 ngày, 60 đại biểu"
                     rf"|(?:^|,)\s*{_COUNT}\s*(?:ngay|days)\s*(?=[,.;:]|$)")
# "12-13/11/2026", "12 - 13/11", "từ 12 đến 14/11", "from 5 to 09/10/2026", "05/11/2026 - 06/11/2026": the first and
# the last day of one month.
_SPAN = re.compile(r"(?<![\d/])(\d{1,2})(?:/(\d{1,2})/\d{4})?\s*(?:[-–]|den|to)\s*(\d{1,2})/(\d{1,2})\b")
# "học 2 buổi", "2 buổi sáng và chiều", "a 2-session course": the event's sessions.
# A day's sessions ("2 buổi/ngày", "2 sessions a day", "mỗi ngày 2 buổi") are no count of the event's.
_A_DAY = r"(?:\s*/\s*|\s+(?:per|a|moi|mot|each|every)\s+)(?:ngay|day)\b"
_SESSIONS = re.compile(rf"\b(?:{_EVENT}\s+(?:[a-z]+\s+)?)?(?<!moi ngay )(?<!each day )(?<!every day ){_COUNT}\s*(?:buoi|sessions?)\b"
                       rf"(?!\s*/)(?!{_A_DAY})|\b{_COUNT}-session\b")
_SESSIONS_A_DAY = re.compile(rf"\b{_COUNT}\s*(?:buoi|sessions?){_A_DAY}|\b(?:moi|each|every) (?:ngay|day),?\s+{_COUNT}\s*(?:buoi|sessions?)\b")
_PER_DAY = re.compile(r"/\s*(?:ngày|ngay|day)\b|\b(?:per|a) day\b|\bmỗi ngày\b", re.IGNORECASE)
_DAY_COUNT = re.compile(r"(?<![\d/])\d{1,2}\s*(?:ngày|ngay|days?|buổi)\b", re.IGNORECASE)
_MAX_DAYS = 31  # a span longer than a month is no event's length


def _counted(pattern: re.Pattern, text: str) -> int | None:
    match = pattern.search(fold(text))
    if not match:
        return None
    count = next(g for g in match.groups() if g)
    return SPELLED.get(count) or int(count)


def event_days(texts: list[str]) -> int | None:
    """The event's length in days, from the first text that says it."""
    for text in texts:
        if (days := _counted(_LENGTH, text)) is not None:
            return days
        # "05/11/2026 - 06/11/2026" (as the dates are written in house style) spans one month too.
        if (match := _SPAN.search(fold(text))) and match.group(2) in (None, match.group(4)) and \
                0 < (days := int(match.group(3)) - int(match.group(1)) + 1) <= _MAX_DAYS:
            return days
    return None


_NIGHTS = re.compile(rf"\b{_COUNT}\s*(?:dem|nights?)\b(?!\s*/)")


def event_nights(texts: list[str]) -> int | None:
    """The nights the event's people stay ("ngủ lại 4 đêm"), from the first text that counts them."""
    return next((nights for text in texts if (nights := _counted(_NIGHTS, text)) is not None), None)


def event_sessions(texts: list[str]) -> int | None:
    """The event's sessions (buổi), from the first text that counts them."""
    return next((sessions for text in texts if (sessions := _counted(_SESSIONS, text)) is not None), None)


def sessions_a_day(texts: list[str]) -> int | None:
    """The sessions of each of the event's days ("học 2 ngày, 2 buổi/ngày"), from the first text that counts them."""
    return next((sessions for text in texts if (sessions := _counted(_SESSIONS_A_DAY, text)) is not None), None)


def rated_per_day_only(piece: str) -> bool:
    """A line whose rate is per day and which says for how many days nowhere."""
    return _PER_DAY.search(piece) is not None and _DAY_COUNT.search(piece) is None


# A line rated per session or break that names both halves of the day: "giải khát giữa giờ sáng và chiều
# 30.000đ/người/buổi", "coffee breaks morning and afternoon, VND 30,000 per delegate per break".
_PER_SESSION = re.compile(r"/\s*(?:buổi|buoi|lượt|lần)\b|\bper (?:break|session|giải lao)\b|\b(?:mỗi|một) (?:buổi|lượt|lần)\b", re.IGNORECASE)
_BOTH_HALVES = re.compile(r"\b(?:(?:buổi )?sáng và (?:buổi )?chiều|sáng,\s*chiều|morning and afternoon|twice a day|two times a day"
                          r"|(?:2|hai) lần (?:mỗi|một|/) ?ngày)\b", re.IGNORECASE)


def twice_a_day(piece: str) -> bool:
    """A line rated per session that runs morning and afternoon: two sessions a day."""
    return _PER_SESSION.search(piece) is not None and _BOTH_HALVES.search(piece) is not None


# The words after a count of sessions or breaks that say it is a day's: "2 buổi/ngày", "2 breaks a day".
_PER_EVENT_DAY = re.compile(r"^\s*(?:buổi|buoi|lần|lan|lượt|luot|sessions?|breaks?)\s*(?:/\s*|\s+(?:mỗi|moi|per|a)\s+)(?:ngày|ngay|day)\b",
                            re.IGNORECASE)


def every_day(after: str) -> bool:
    """Whether a count of sessions or breaks, by the words after it, runs every day of the event ("2 buổi/ngày")."""
    return _PER_EVENT_DAY.match(after) is not None
