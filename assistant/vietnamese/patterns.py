"""The one home of the patterns shared across stages: dates, years, hours, numbers, deadlines, sentence and item
boundaries, OCR leftovers. Patterns that only one module needs stay in that module.

Where two stages cut text differently on purpose, both patterns live here under names that say which is
which (a passage ends at `!` or `?` too; a task's clause only at `.` or `;`).
"""

from __future__ import annotations

import re

_DAY_MONTH = r"\d{1,2}/\d{1,2}"
_LATIN = [chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isalpha()]
# A letter in capitals and one in lower case, marks included: a range such as `À-Ỹ` holds both cases.
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
# What OCR put in place of hooked, horned or marked letters (S& = Sở, t€ = tế, ¥ = ý): part of a word, not
# punctuation, wherever words are cut.
OCR_SYMBOLS = "&¢§€¥"
# A year of this era: a number such as 2104 in a table is not a year.
_YEAR = r"(?:19|20)\d{2}"

# 26/12/2024 with day, month and year captured.
DATE = re.compile(rf"\b(\d{{1,2}})/(\d{{1,2}})/({_YEAR})\b")
# 26/12 or 26/12/2024, as deadlines and meetings are written.
DAY_MONTH_DATE = re.compile(rf"\b{_DAY_MONTH}(?:/\d{{4}})?\b")
YEAR = re.compile(rf"\b{_YEAR}\b")
# Numbers, dates and amounts as written: 17%, 26/12/2024, 1.500.000.
NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
# A figure written with thousands separators: 1.500.000 (Vietnamese), 1,500,000 (English).
THOUSANDS = r"\d{1,3}(?:[.,]\d{3})+(?!\d)"
# A deadline in a document, matched on folded text: "trước ngày 20/12", "chậm nhất ngày 22/12/2025".
DEADLINE = re.compile(rf"\b(?:truoc|cham nhat|han chot|hoan thanh|hoan chinh)[^0-9]{{0,25}}?({_DAY_MONTH}(?:/\d{{4}})?)")
# A deadline in a drafting request, as typed: "trước 10/7/2026", "hạn ngày 10/7".
REQUESTED_DEADLINE = re.compile(rf"(?:trước|chậm nhất|hạn)\s+(?:ngày\s+)?({_DAY_MONTH}(?:/\d{{4}})?)", re.IGNORECASE)

# A quotable passage ends at . ; ! ? before a word: `làm việc. 08h10` and `49.770.000` do not split.
# Not after an abbreviation of one to three capitals: `KT. GIÁM ĐỐC`, `TL. Bộ trưởng`, `TP. Hồ Chí Minh`.
SENTENCE_END = re.compile(r"(?<!\b[A-ZĐ]\.)(?<!\b[A-ZĐ]{2}\.)(?<!\b[A-ZĐ]{3}\.)(?<=[.;!?])\s+(?=[^\s\d])")
# A task's clauses: conclusions hand out work one `.` or `;` clause at a time.
CLAUSE_END = re.compile(r"(?<=[.;])\s+")
# A bullet's marks at the start of a line.
BULLET = re.compile(r"^\s*[-+•*]+\s*")
# A new passage starts at a bullet, a numbered or lettered item or a part numeral; a stray OCR character
# may stand before a bullet (`7 + Đầu mối …`).
ITEM_START = re.compile(r"^\s*(?:(?:\S\s+)?[-+•*]+|[a-zđ]\)|\d+(?:\.\d+)*\.|[IVX]+\.)\s*", re.IGNORECASE)
# A task item: the same without part numerals (a part is no task), and `~` too, which OCR put before bullets.
TASK_ITEM_START = re.compile(r"^\s*(?:(?:\S\s+)?[-+•~*]+|[a-zđ]\)|\d+(?:\.\d+)*\.)\s*")

# OCR damage the restorer could not mend: `¢6`, `cé4c`, `¥`.
OCR_LEFTOVER = re.compile(rf"[{OCR_SYMBOLS}]|[^\W\d]\d[^\W\d]")


def clock(hour: int | str, minute: int | str | None = None) -> str:
    """An hour as the house style writes it: 08h00, 13h30."""
    return f"{int(hour):02d}h{int(minute or 0):02d}"
