"""A table dictated as its columns and its rows ("Cột: STT, điểm cầu, địa chỉ, người phụ trách, số điện thoại.
Dòng: … – anh Nguyễn Văn A 0914 221 305; …"): each row's pieces go to the columns by what they hold (a phone
number, a date, a person, an address, a lead or partner unit, a piece opening on its column's name), the rest
to the remaining columns in order, as a clerk fills such a table. Tables of figures are read elsewhere
(indicators, budgets, agendas); this one holds what those do not."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold

# "Dòng: a; b; c." (the rows in one sentence) or "Dòng 1: … Dòng 2: …" (one row each).
_ROWS = re.compile(r"\b(?:dòng|hàng|rows?)\s*:\s*(.+?)(?=\.\s+(?!\d)|\.?\s*$)", re.IGNORECASE | re.DOTALL)
_ROW_LABEL = r"\b(?:dòng|hàng|row)\s+\d+\s*:"
_NUMBERED_ROWS = re.compile(rf"{_ROW_LABEL}\s*(.+?)(?=\.?\s*{_ROW_LABEL}|\.\s+[A-ZĐ]|\.?\s*$)", re.IGNORECASE | re.DOTALL)
# Pieces of a row: dashes between words, commas or slashes outside brackets.
_PIECE = re.compile(r"\s+[–—-]\s+|\s*,\s*(?![^()]*\))|\s+/\s+")
_PHONE = re.compile(r"\b0\d{2,3}(?:[ .]?\d{3}){2}\b|\b0\d{9}\b")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{4})?\b")
_PERSON = re.compile(r"^(?:anh|chị|ông|bà|đồng chí|đ/c|BS|ThS|TS|Mr|Ms|Mrs)\.?\s+([A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){1,4})")
_ADDRESS = re.compile(r"\((?=\s*(?:số|đường|phường|xã|thôn|tổ)\b)([^()]+)\)", re.IGNORECASE)
# What each kind of column is called (folded), and how its cell is found in a piece.
_ROLES = (("phone", r"dien thoai|phone|\bsdt\b"), ("date", r"thoi han|\bngay\b|deadline|\bdate\b|\bhan\b"),
          ("person", r"\bnguoi\b|ho (?:va )?ten|can bo|dau moi|contact|person"), ("address", r"dia chi|address"),
          ("lead", r"chu tri|\blead"), ("partner", r"phoi hop|partner|support"))
_UNIT_ROLE = {"lead": re.compile(r"\s*(?:chủ trì|lead)\s*$", re.IGNORECASE),
              "partner": re.compile(r"\s*(?:phối hợp|support)\s*$", re.IGNORECASE)}
# Columns of targets and results make an indicator table, read with its figures elsewhere.
_FIGURES = re.compile(r"chi tieu|muc tieu|ke hoach|thuc hien|indicator|target|result")
_NUMBER_COLUMN = ("stt", "tt", "no", "no.", "#")


def _rows(text: str) -> list[str]:
    numbered = [m.group(1) for m in _NUMBERED_ROWS.finditer(text)]
    if len(numbered) >= 2:
        return numbered
    found = _ROWS.search(text)
    return [r for r in re.split(r"\s*;\s*", found.group(1)) if r.strip()] if found else []


def _role(column: str) -> str:
    return next((role for role, pattern in _ROLES if re.search(pattern, fold(column))), "")


def _placed(piece: str, role: str, column: str) -> tuple[str, str] | None:
    """(the cell, what of the piece is left) when the piece holds a cell for a column of this role or name."""
    found = None
    if role == "phone":
        found = _PHONE.search(piece)
    elif role == "date":
        found = _DATE.search(piece)
    elif role == "address":
        found = _ADDRESS.search(piece)
    elif role == "person":
        found = _PERSON.match(piece)
    elif role in _UNIT_ROLE and (unit := _UNIT_ROLE[role].search(piece)):
        return piece[:unit.start()].strip(), ""
    if found:
        cell = found.group(1) if found.groups() else found.group()
        return cell.strip(), (piece[:found.start()] + piece[found.end():]).strip(" –-,")
    # "mục tiêu 90%": a piece opening on its column's name holds that column's value.
    if column and fold(piece).startswith(fold(column) + " ") and re.match(r"[\s:]*[\d<>≤≥]", piece[len(column):]):
        return piece[len(column):].strip(" :"), ""
    return None


def listed_table(text: str, columns: list[str]) -> list[list[str]] | None:
    """The table, numbered when its first column is the number's; None unless the request names at least three
    columns and gives two rows or more whose pieces fit them."""
    rows = _rows(text)
    if len(columns) < 3 or len(rows) < 2 or any(_FIGURES.search(fold(c)) for c in columns):
        return None
    numbered = fold(columns[0]).strip() in _NUMBER_COLUMN
    named = columns[1:] if numbered else columns
    roles = [_role(c) for c in named]
    table = [columns]
    for n, row in enumerate(rows, 1):
        cells = [""] * len(named)
        left = []
        for piece in (p.strip(" .") for p in _PIECE.split(row.strip(" ."))):
            for i, (role, column) in enumerate(zip(roles, named)):
                if piece and not cells[i] and (placed := _placed(piece, role, column)):
                    cells[i], piece = placed
            if piece:
                left.append(piece)
        free = [i for i, (role, cell) in enumerate(zip(roles, cells)) if not cell and not role]
        if len(left) > len(free):
            return None
        for i, piece in zip(free, left):
            cells[i] = piece
        if not cells[0]:  # a row with nothing to name it is no row read
            return None
        table.append(([str(n)] if numbered else []) + [cell[:1].upper() + cell[1:] for cell in cells])
    return table
