"""A table the user pastes into the request, one row a line, its cells split by bars or by spaced dashes:

    cột: TT | nội dung | đơn vị chủ trì | thời hạn
    1 tổng hợp BC 9 tháng - KHTC - 05/10/2026

The rows are read from the request as typed (its lines), before anything joins them."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold

# The columns named on a line of their own: "cột: TT | nội dung | …", "columns: No. | task | …".
_HEADER = re.compile(r"\b(?:các cột|cột|columns?)\s*:?\s*(.+)$", re.IGNORECASE)
# A row opens with its number ("1 ", "2. ", "3) ") when its cells are split by dashes.
_ROW_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]?\s+")
_BARS = re.compile(r"\s*\|\s*")
_DASHES = re.compile(r"\s+[-–—]\s+")
_MIN_ROWS = 2


def pasted_table(instruction: str) -> list[list[str]]:
    """[header, row, row …] (header empty when none is named), when two rows or more have as many cells as the
    header, or as one another; else []."""
    header: list[str] = []
    rows: list[list[str]] = []
    for line in instruction.splitlines():
        if (named := _HEADER.search(line.strip())) and "|" in named.group(1):
            header = [cell for cell in _BARS.split(named.group(1).strip(" |.")) if cell]
        elif line.count("|") >= 2:
            rows.append([cell for cell in _BARS.split(line.strip(" |")) if cell])
        elif (number := _ROW_NUMBER.match(line)) and len(cells := _DASHES.split(line[number.end():].strip())) >= 2:
            rows.append([number.group(1), *cells])
    width = len(header) if header else (len(rows[0]) if rows else 0)
    fitting = [row for row in rows if len(row) == width]
    if len(fitting) < _MIN_ROWS or len(fitting) != len(rows):
        return []
    return [header, *fitting]


def is_numbered(header: list[str]) -> bool:
    return bool(header) and fold(header[0]).strip(" .") in ("tt", "stt", "no", "#")
