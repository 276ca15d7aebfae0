"""Tables the request types out: rows pasted as a table, laid out as typed; and rows given one by one with a
column to work out and a total row ("các cột Khu vực; Tổng số xã; Số xã đạt tiêu chí; Tỷ lệ đạt (%) …, thêm dòng
Toàn tỉnh ở cuối. Khu vực I; 24; 21. …", "Columns: centre, number of cases, share of the provincial total (%, one
decimal). Nha Trang 1.320 ca; Cam Ranh 945 … Add a final row 'Toàn tỉnh' with the total"). Each row's rate (its
part of its whole) or its share of the column's total is worked out to the decimals asked, and the total row sums
the figures, as a clerk fills such a table."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .indicators import decimals, percent
from .pasted import vietnamese_figures
from .request import DraftRequest
from .amounts import integer, vnd_number

# The columns, up to the end of their sentence, without the notes on how to fill them.
_COLUMNS = re.compile(r"(?:các cột|columns?)\s*:?\s*(.+?)(?=\.\s|$)", re.IGNORECASE)
_NOTE = re.compile(r"\s*,\s*(?:lấy|làm tròn|thêm|add|rounded|round)\b.*$", re.IGNORECASE)
_BRACKET = re.compile(r"\s*\([^)]*\)")
# A column worked out: a rate or a share, in per cent.
_WORKED = re.compile(r"\b(?:ty le|share|percent(?:age)?|rate)\b|%")
# The total row asked for, and its name: "thêm dòng Toàn tỉnh ở cuối", "Add a final row 'Toàn tỉnh' with the total".
_TOTAL_ROW = re.compile(r"\b(?:dòng|hàng|row)\s*['\"‘“]?(Toàn tỉnh|Tổng cộng|Cộng|Tổng số|Total)\b", re.IGNORECASE)
_FIGURE = r"\d{1,3}(?:\.\d{3})+|\d+"
# A row typed in cells ("Khu vực I; 24; 21") or as a name and its figure ("Cam Ranh 945", "Nha Trang … 1.320 ca").
_CELLS = re.compile(rf"^(.*?[^\d\s;])\s*;\s*((?:{_FIGURE})(?:\s*;\s*(?:{_FIGURE}))*)$")
_NAMED = re.compile(rf"^(.*?[^\d\s])\s+({_FIGURE})(?:\s+[^\W\d]+)?$")


def _columns(text: str) -> tuple[list[str], int] | None:
    """The columns named, and where their sentence ends."""
    found = _COLUMNS.search(text)
    if not found:
        return None
    # A bracket keeps its unit and drops its notes: "(%, one decimal)" is "(%)".
    named = _BRACKET.sub(lambda m: " (%)" if "%" in m.group() else "", _NOTE.sub("", found.group(1)))
    names = [name.strip(" .") for name in re.split(r"\s*;\s*" if ";" in named else r"\s*,\s*", named)]
    # The rows are numbered whether or not the request names the number's column.
    return [name[:1].upper() + name[1:] for name in names if fold(name).strip(".#") not in ("", "tt", "stt", "no")], \
        found.end()


def _rows(text: str) -> list[tuple[str, list[int]]]:
    """The rows typed after the columns, each a name and its figures; [] when any piece reads as no row."""
    rows: list[tuple[str, list[int]]] = []
    for piece in re.split(r"\.\s+" if re.search(r";\s*\d", text) else r"\s*;\s*|\.\s+", text.strip(" .")):
        if _TOTAL_ROW.search(piece) or not piece.strip():
            continue
        m = _CELLS.match(piece.strip()) or _NAMED.match(piece.strip())
        if not m:
            return []
        rows.append((m.group(1).strip(" :"), [integer(cell) for cell in re.split(r"\s*;\s*", m.group(2))]))
    return rows


def pasted_table(request: DraftRequest) -> list[list[str]] | None:
    """The table the user pasted, laid out as typed under the columns it names (rows it numbered keep their
    numbers)."""
    if not request.typed_rows or not request.typed_rows[0]:
        return None
    # Text cells open with a capital, as the documents' tables write them; a unit of measure ("người") stays.
    return [[cell[:1].upper() + cell[1:] if n == 0 or len(cell.split()) > 1 else cell for cell in row]
            for n, row in enumerate(request.typed_rows)]


def worked_table(text: str) -> list[list[str]] | None:
    """The table, numbered (TT), with its worked-out column and total row; None unless the request names a column
    to work out and gives every row's figures."""
    columns = _columns(text)
    if not columns:
        return None
    names, end = columns
    rows = _rows(text[end:])
    if len(rows) < 2 or not _WORKED.search(fold(names[-1])) or len({len(figures) for _, figures in rows}) != 1:
        return None
    width = len(rows[0][1])
    if width not in (1, 2) or len(names) != width + 2:  # the name, the figures, the column worked out
        return None
    # "Nha Trang regional health centre 1,320; Cam Ranh 945" (read "Nha Trang Trung tâm Y tế khu vực"): every row is
    # one of the first column's kind, named after it as the documents write it ("Trung tâm Y tế khu vực Cam Ranh").
    kind = fold(names[0])
    if fold(rows[0][0]).endswith(f" {kind}"):
        rows = [(f"{names[0]} {name[:len(name) - len(kind)].strip() if fold(name).endswith(kind) else name}", figures)
                for name, figures in rows]
    digits = decimals(fold(text))
    totals = [sum(figures[n] for _, figures in rows) for n in range(width)]
    # Two figures: the part (the second) of the whole (the first); one: the share of the column's total.
    worked = (lambda figures: percent(figures[1], figures[0], digits)) if width == 2 else \
        (lambda figures: percent(figures[0], totals[0], digits))
    table = [["TT", *names]]
    table += [[str(n), name, *(vietnamese_figures(str(f)) for f in figures), worked(figures)]
              for n, (name, figures) in enumerate(rows, 1)]
    if total := _TOTAL_ROW.search(text):
        table.append(["", total.group(1), *(vnd_number(t) for t in totals), worked(totals)])
    return table
