"""The columns a request names for its table ("các cột: TT, Chỉ tiêu, …", "columns No., indicator, unit, 2027
target", "(TT, Vắc xin, ĐVT, …)"), one name each, in Vietnamese, and the role each plays."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold

# The columns a request names: "các cột TT, Chỉ tiêu, …", "columns No., indicator, …", "cột STT, chỉ tiêu, …" (opening
# with the number column: "cột thành tiền để trống" names no list).
_COLUMNS = re.compile(r"(?:(?:các cột|có cột|columns?)\s*:?|\bcột\s*:|\bcột\s+(?=(?:S?TT|No\.?)\s*[,|]))\s*(.+?)(?=[:;](?:\s|$)|\.\s+[A-ZĐ]|\s\(|\)|\s[—–]\s|$)", re.IGNORECASE)
# An English column's year may stand before or after its name ("2027 target", "plan 2027").
_COLUMN_EN = [(r"^(?:no\.?|tt|#)$", "TT"), (r"^stt$", "STT"), (r"^(?:for )?(?:the )?indicators?$", "Chỉ tiêu"), (r"^unit$", "Đơn vị tính"),
              (r"^(?:(\d{4})\s+)?plan\s*(\d{4})?$", "Kế hoạch năm {0}"),
              (r"^(?:(\d{4})\s+)?target\s*(\d{4})?$", "Chỉ tiêu năm {0}"),
              (r"^(?:(\d{4})\s+)?estimated?\s*(\d{4})?$", "Ước thực hiện năm {0}"),
              (r"^(?:(\d{4})\s+)?(?:result|actual)\s*(\d{4})?$", "Thực hiện năm {0}"),
              (r"^(?:assessment|evaluation)$", "Đánh giá"),
              (r"^(?:%|percent(?:age)?)\s+(?:of|against)\s+(?:the\s+)?(?:plan|target)$", "Tỷ lệ % so với kế hoạch")]
# Or in brackets after the table's name, opening with the number column: "(TT, Vắc xin/đối tượng, ĐVT, …)".
_BRACKETED = re.compile(r"\(\s*(?:các cột|cột|columns?)?\s*:?\s*((?:S?TT|No\.?)\s*[,|][^)]+)\)", re.IGNORECASE)
# A note on how to fill them that closes the list: "…, Tỷ lệ %, làm tròn 1 chữ số thập phân".
_COLUMN_NOTE = re.compile(r"\s*[,;]\s*(?:làm tròn|rounded|round|lấy \d+ chữ số|\d+ chữ số thập phân|(?:one|two|\d) decimals?)\b.*$",
                          re.IGNORECASE)
# A column of the unit: "ĐVT", "Đơn vị tính", "unit".
UNIT_COLUMN = re.compile(r"\b(?:don vi|dvt|units?)\b")


def columns_in(text: str) -> re.Match | None:
    """Where a text names its columns: the list is the match's group 1."""
    return _COLUMNS.search(text) or _BRACKETED.search(text)


def named_columns(text: str) -> str | None:
    """The columns a request names, as typed ("TT, Chỉ tiêu, Đơn vị tính, Kế hoạch năm 2027")."""
    found = columns_in(text)
    return _COLUMN_NOTE.sub("", found.group(1)) if found else None


def column_names(text: str) -> list[str]:
    """The columns a request names, one name each, with a capital: ["TT", "Đơn vị", "Số liều", "Ghi chú"]."""
    return [c[:1].upper() + c[1:] for c in (c.strip(" .") for c in re.split(r"\s*[,|]\s*", named_columns(text) or ""))
            if c]


def column_roles(columns: list[str], roles: tuple[tuple[str, str], ...]) -> list[str]:
    """Each column's role: the first of `roles` (role, folded pattern) whose pattern its name matches, else ""."""
    return [next((role for role, pattern in roles if re.search(pattern, fold(column))), "") for column in columns]


def column(name: str, year: str) -> str:
    """A column the request names, in Vietnamese; a plan or a result column is of the request's year."""
    for pattern, vietnamese in _COLUMN_EN:
        if m := re.match(pattern, fold(name).strip()):
            given = next((g for g in m.groups() if g), year)
            return vietnamese.format(given).strip().removesuffix(" năm") if m.groups() else vietnamese
    return name[:1].upper() + name[1:]
