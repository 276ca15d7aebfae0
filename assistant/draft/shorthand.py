"""A budget line as staff type it short, in the words the line's factors read: "150k/ng" is per person, "twice" is
2 lần, "per class-day" is per class per day, "2m" is two million, "mỗi TTYT 3 người (10 TTYT)" is "10 TTYT, mỗi
TTYT 3 người"; a hired hall "for 100 delegates" is paid once."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .nouns import PERSON
from .number_words import counts_for_words

# A person as chat and English shorthand say it after a rate: "150k/ng", "150k pp", "VND 20,000/head", "per pax".
_PER_PERSON = re.compile(r"\s*/\s*(?:ng|head|pax)\b(?!\.)|\s+(?:pp|p\.p\.|per head|a head|per pax)(?![\w.])", re.IGNORECASE)
# "twice", "three times", "each time": counts of times as a line's factor and unit ("giải lao twice, 20.000 per person
# each time" is 2 lần at 20.000/người/lần).
_TIMES_SAID = [(re.compile(r"\btwice\b", re.IGNORECASE), "2 lần"), (re.compile(r"\bthree times\b", re.IGNORECASE), "3 lần"),
               (re.compile(r"\s+(?:each|per) time\b", re.IGNORECASE), "/lần"),
               # "VND 1,500,000 per class-day": per class per day
               (re.compile(r"\bper (class|team|room|person|vehicle|car)-(day|night)s?\b", re.IGNORECASE), r"per \1 per \2"),
               # "1.5m per vehicle", "20 samples x 2m": millions, where what follows prices (not "pa nô 2m x 3m")
               (re.compile(r"(?<![\w.,])(\d+(?:[.,]\d{1,2})?)m(?=\s+(?:per|each|a|an|lump|trọn gói|khoán)\b|\s*[;.]?\s*$|\s*[;.]\s)"),
                r"\1 million"),
               # "2 experts, each speaks for 2 sessions": each of the people, as "mỗi người" says it; not "each class 2 days"
               (re.compile(r"(\d+\s+([^\W\d_]+(?:\s[^\W\d_]+)?)),?\s+each\s+(?=(?:[^\W\d_]*[^\Ws]s\s+|[^\W\d_]+ing\s+)?(?:for\s+)?\d+\s+"
                           r"(?:sessions?|days?)\b)", re.IGNORECASE),
                lambda m: f"{m.group(1)}, mỗi người " if PERSON.match(fold(m.group(2))) else m.group())]


# People and measures typed short in a busy office: "30 hv", "2 gv/lớp", "450m2 x 85k/m2".
_SHORT_WORDS = [(re.compile(r"\b(?:hv|HV)\b"), "học viên"), (re.compile(r"\b(?:gv|GV)\b"), "giảng viên"),
                (re.compile(r"\b(?:bcv|BCV)\b"), "báo cáo viên"), (re.compile(r"\b(?:đb|ĐB)\b"), "đại biểu"),
                (re.compile(r"(?<=\d)\s*m2\b"), " m²"), (re.compile(r"(?<=/)\s*m2\b"), "m²")]


def shorthand_said(text: str) -> str:
    """A person and counts of times said short, in words a line's factors read: "150k/ng", "twice", "each time"."""
    for pattern, said in _TIMES_SAID + _SHORT_WORDS:
        text = pattern.sub(said, text)
    return _PER_PERSON.sub("/người", counts_for_words(text))


# A hired hall, room or vehicle "for 100 delegates" says its size: priced by the day or the trip, it is paid once
# for them all ("thuê hội trường cho 100 đại biểu, 2 ngày x 5 triệu/ngày").
_HIRED = r"(?:hội trường|phòng họp|hall|venue|meeting room|xe|vehicles?|cars?|bus(?:es)?|máy chiếu|projectors?|âm thanh|sound system)"
_HIRED_FOR = re.compile(rf"\b((?:thuê|rent(?:al)?|hire)\s+(?:(?:a|the)\s+)?{_HIRED}(?:\s+[^\W\d_]+){{0,3}}?|{_HIRED}\s+(?:rental|hire))"
                        r"\s*,?\s+"
                        r"(?:cho|for|sức chứa|chứa|seating)\s+(?:khoảng\s+|about\s+)?\d+\s+(?:người|đại biểu|học viên|khách|chỗ|"
                        r"people|participants|delegates|trainees|guests|seats|persons)\b", re.IGNORECASE)
_PER_HEAD = re.compile(r"/\s*(?:người|nguoi|người/|đại biểu|học viên)|\bper (?:person|head|participant|delegate|trainee)\b",
                       re.IGNORECASE)


def hired_size_left_out(line: str) -> str:
    """A budget line without the size of what it hires, unless its rate is per person."""
    return line if _PER_HEAD.search(line) else _HIRED_FOR.sub(r"\1", line)


# "mỗi TTYT khu vực 3 người (10 TTYT)": the count of the group, in brackets after, said first.
_GROUP_COUNT_AFTER = re.compile(r"\b(mỗi|each)\s+([^\d,;()]{2,40}?)\s+(\d+)\s+([^\W\d_]+(?:\s[^\W\d_]+)?)\s*\((?:có\s+|gồm\s+)?(\d+)\s+([^()\d]{2,40})\)",
                                re.IGNORECASE)


def group_count_first(text: str) -> str:
    """"mỗi TTYT khu vực 3 người (10 TTYT)" said as "10 TTYT, mỗi TTYT khu vực 3 người"."""
    def first(m: re.Match) -> str:
        same = fold(m.group(6)).split()[:1] == fold(m.group(2)).split()[:1]
        return f"{m.group(5)} {m.group(6)}, {m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)}" if same else m.group()
    return _GROUP_COUNT_AFTER.sub(first, text)
