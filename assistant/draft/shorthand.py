"""A budget line as staff type it short, in the words the line's factors read: "150k/ng" is per person, "twice" is
2 lần, "per class-day" is per class per day, "2m" is two million."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .counted import PERSON
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
               (re.compile(r"(?<![\w.,])(\d+(?:[.,]\d{1,2})?)m(?=\s+(?:per|each|a|an)\b|\s*[;.]?\s*$|\s*[;.]\s)"), r"\1 million"),
               # "2 experts, each speaks for 2 sessions": each of the people, as "mỗi người" says it; not "each class 2 days"
               (re.compile(r"(\d+\s+([^\W\d_]+(?:\s[^\W\d_]+)?)),?\s+each\s+(?=(?:[^\W\d_]*[^\Ws]s\s+|[^\W\d_]+ing\s+)?(?:for\s+)?\d+\s+"
                           r"(?:sessions?|days?)\b)", re.IGNORECASE),
                lambda m: f"{m.group(1)}, mỗi người " if PERSON.match(fold(m.group(2))) else m.group())]


def shorthand_said(text: str) -> str:
    """A person and counts of times said short, in words a line's factors read: "150k/ng", "twice", "each time"."""
    for pattern, said in _TIMES_SAID:
        text = pattern.sub(said, text)
    return _PER_PERSON.sub("/người", counts_for_words(text))
