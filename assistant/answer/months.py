"""A question asking what falls in one month ("những hạn chót trong tháng 12/2025", "deadlines in November 2025")
is answered, in each document, by the passages dated in that month: the passages nearest its words are those that
speak of deadlines in general, not those that give the dates asked."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold

_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
_ASKED = re.compile(r"\b(?:trong|vao|in|during)\s+thang\s+(\d{1,2})(?:\s*(?:/|nam)\s*(\d{4}))?\b"
                    rf"|\b(?:in|during)\s+({'|'.join(_MONTHS_EN)})(?:\s+(?:of\s+)?(\d{{4}}))?\b")


def month_asked(question: str) -> re.Pattern | None:
    """What a date in the month the question asks about looks like in a folded passage ("20/12/2025", "trước
    20/12", "tháng 12/2025"); None when it asks about no one month."""
    found = _ASKED.search(fold(question))
    if not found:
        return None
    month = int(found.group(1)) if found.group(1) else _MONTHS_EN.index(found.group(3)) + 1
    year = found.group(2) or found.group(4)
    if not 1 <= month <= 12:
        return None
    # A date of another year is another month; a day and month without a year stand in the document's year.
    year = year or r"\d{4}"
    return re.compile(rf"\b\d{{1,2}}/0?{month}(?:/{year}\b|(?![/\d]))|\bthang 0?{month}\s*(?:/|nam)\s*{year}\b")
