"""A table the user pastes into the request, one row a line, its cells split by bars, tabs (copied from a
spreadsheet) or spaced dashes:

    cột: TT | nội dung | đơn vị chủ trì | thời hạn
    1 tổng hợp BC 9 tháng - KHTC - 05/10/2026

The rows are read from the request as typed (its lines), before anything joins them; their figures are
written the Vietnamese way (1.850, 96,3, ≥ 95)."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from ..vietnamese.folding import fold
from ..vietnamese.patterns import THOUSANDS
from .number_words import figures_for_words

# The columns a line names, split by bars: "… cột: TT | nội dung | …", "columns: No. | task | …".
_HEADER = re.compile(r"\b(?:các cột|cột|columns?|gồm|bao gồm)\s*:?\s*(.+)$", re.IGNORECASE)
# A row opens with its number ("1 ", "2. ", "3) ") when its cells are split by dashes.
_ROW_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]?\s+")
_BARS = re.compile(r"\s*\|\s*")
_TABS = re.compile(r" *\t+ *")
_DASHES = re.compile(r"\s+[-–—]\s+")
_RULE = re.compile(r"[|:\-\s]+")  # a Markdown table's rule under its header
_MIN_ROWS = 2
_BULLET = re.compile(r"^\s*[-•*+]\s+")
# A second column of units: a row one cell short gives its unit after its name ("births at facilities: % | 88.4 | 91",
# "maternal mortality ratio, per 100,000 live births | 52 | 48").
_UNIT_COLUMNS = {"unit", "units", "don vi", "don vi tinh", "dvt", "đvt"}


def _unit_apart(row: list[str]) -> list[str]:
    name, _, unit = row[0].rpartition(":") if ":" in row[0] else row[0].rpartition(", ")
    return [name.strip(), unit.strip(), *row[1:]] if name.strip() and unit.strip() else row


# A figure as a spreadsheet types it: "1850" (thousands without a mark, not a year), "96.3" (a decimal point),
# ">=95".
_BARE_THOUSANDS = re.compile(r"^(?!(?:19|20)\d\d$)\d{4,}$")
_DECIMAL_POINT = re.compile(r"^([<>≤≥]=?\s*)?(\d+)\.(\d{1,2})$")
_SIGN = re.compile(r"^\s*(>=|<=|[<>≥≤])\s*")
_SIGNS = {">=": "≥ ", "<=": "≤ ", ">": "> ", "<": "< ", "≥": "≥ ", "≤": "≤ "}


def spaced_sign(value: str) -> str:
    """A bound's sign as the tables write it: ">=95" is "≥ 95"."""
    return _SIGN.sub(lambda m: _SIGNS[m.group(1)], value)


def vietnamese_figures(cell: str) -> str:
    """A cell's figure written as the documents write it: 1.850, 96,3, ≥ 95."""
    sign = _SIGN.match(cell)
    body = cell[sign.end():] if sign else cell.strip()
    if _BARE_THOUSANDS.match(body):
        body = f"{int(body):,}".replace(",", ".")
    elif m := _DECIMAL_POINT.match(body):
        body = f"{m.group(2)},{m.group(3)}"
    return (_SIGNS[sign.group(1)] if sign else "") + body


def pasted_table(instruction: str) -> list[list[str]]:
    """[header, row, row …] when the request names the columns ("cột: …", or a Markdown table's first row) and
    gives two rows or more, each with a cell for every column; else []."""
    header: list[str] = []
    rows: list[list[str]] = []
    barred = False
    for line in instruction.splitlines():
        if (named := _HEADER.search(line.strip())) and "|" in named.group(1):
            header = [cell for cell in _BARS.split(named.group(1).strip(" |.:")) if cell]
        elif named and not header:  # "Cột: TT, Chỉ tiêu, …, Năm 2028. Mỗi dòng một chỉ tiêu:"
            header = [cell for cell in re.split(r",\s*", re.split(r"\.\s", named.group(1))[0].strip(" .:")) if cell]
        elif line.count("|") >= 2 and not _RULE.fullmatch(line.strip()):
            rows.append([vietnamese_figures(cell) for cell in _BARS.split(_BULLET.sub("", line).strip(" |")) if cell])
            barred = True
        elif line.strip().count("\t") >= 2:
            rows.append([vietnamese_figures(cell) for cell in _TABS.split(line.strip()) if cell])
            barred = True
        elif (number := _ROW_NUMBER.match(line)) and len(cells := _DASHES.split(line[number.end():].strip())) >= 2:
            rows.append([number.group(1), *cells])
    if not header and barred and rows:  # a Markdown table pasted whole: its first row names the columns
        header = rows.pop(0)
    # Columns opening with the number, rows typed without it: numbered in order.
    if header and fold(header[0]).strip(".#") in ("tt", "stt", "no", "") and rows and all(len(r) == len(header) - 1 for r in rows):
        rows = [[str(n), *row] for n, row in enumerate(rows, 1)]
    if header and len(header) > 1 and fold(header[1]).strip(". ") in _UNIT_COLUMNS:
        rows = [_unit_apart(row) if len(row) == len(header) - 1 else row for row in rows]
    fitting = [row for row in rows if len(row) == len(header)]
    if not header or len(fitting) < _MIN_ROWS or len(fitting) != len(rows):
        return []
    return [header, *fitting]


# The words that price a line as a whole (tables.py strips them from the line's name).
LUMP_WORDS = r"trọn gói|khoán gọn|khoán|lump sum"
_LUMP = re.compile(rf"\b(?:{LUMP_WORDS})\b", re.IGNORECASE)
_MONEY_CELL = re.compile(rf"{THOUSANDS}|\d\s*(?:nghìn|ngàn|triệu|tr|k|đồng|đ|vnd)\b", re.IGNORECASE)


_COUNTED_NOTE = re.compile(r"\s*\(([^()]*\d+\s+[^\W\d_][^()]*)\)")
_COUNTS_SAID = re.compile(r"\s*\([^()]*\d[^()]*\)|:\s*\d+\s*[^\W\d_]+\s*[x×*,].*$")
# A unit cell: "cái", "bộ", "chiếc", "lọ", "set", "pcs".
_UNIT_CELL = re.compile(r"[^\W\d_]{1,6}\.?")
# A count written as a product inside a line's name: "(40 người x 10 ngày)".
_PRODUCT = re.compile(r"\((\d+)\s*[^\W\d_]*(?:\s+[^\W\d_]+)?\s*[x×*]\s*\d+\s*[^\W\d_]*(?:\s+[^\W\d_]+)?\)")


# The columns of a budget as a request names them ("nội dung, số lượng, số ngày, định mức, thành tiền"), folded:
# typed without marks too ("SL | ngay | don gia"). Column names only: "rate" and "amount" alone are words of any
# English request ("the amount in words").
_RATE_COLUMN = re.compile(r"\b(?:dinh muc|don gia|muc chi|unit (?:cost|price))\b")
_AMOUNT_COLUMN = re.compile(r"\b(?:thanh tien|line amount|amount column)\b")
# A first column that numbers the rows ("TT | nội dung | …", "No. | item | …"): its cell is no factor.
_NUMBER_COLUMN = re.compile(r"(?<![\w.])(?:s?tt|no\.?|#)\s*\|\s*(?:noi dung|ten|hang muc|khoan|dien giai|item|content"
                            r"|description)")


class BudgetColumns(NamedTuple):
    """What a request says of the columns its pasted budget rows have."""

    rated: bool = False  # a rate column: the rows' bare figures are money ("3000000")
    amounted: bool = False  # an amount column: a row's last figure is its amount, computed again however typed
    numbered: bool = False  # a row-number column first: a row's first figure is its number
    per: str = ""  # what a row's quantity is for each of: "(số lượng/trạm, đơn giá)" is "tram"


# A quantity column for each of something: "số lượng/trạm", "SL mỗi xã", "quantity per commune".
_QUANTITY_PER = re.compile(r"\b(?:so luong|sl|quantity|qty)\s*(?:/\s*|moi\s+|per\s+|each\s+)([a-z]+)")


def budget_columns(request: str) -> BudgetColumns:
    folded = fold(request)
    per = _QUANTITY_PER.search(folded)
    return BudgetColumns(_RATE_COLUMN.search(folded) is not None, _AMOUNT_COLUMN.search(folded) is not None,
                         _NUMBER_COLUMN.search(folded) is not None, per.group(1) if per else "")


def cells_as_factors(piece: str, columns: BudgetColumns = BudgetColumns()) -> str:
    """A row pasted with bars ("công tác phí | 5 người | 8 ngày | 200.000 đ") as a line of factors; `columns`:
    what `budget_columns` found."""
    cells = [cell.strip() for cell in re.split(r"[|\t]", piece) if cell.strip(" -–")]
    if columns.numbered and "|" in piece and len(cells) > 2 and re.fullmatch(r"\d{1,3}[.)]?", cells[0]):
        cells = cells[1:]
    if columns.rated and "|" in piece:
        cells = [vietnamese_figures(cell) for cell in cells]
        # A quantity cell may carry its unit: "150 mẫu".
        figures = [n for n, cell in enumerate(cells) if re.fullmatch(rf"(?:{THOUSANDS}|\d+)(?:\s+[^\W\d_]+)?", cell)]
        # The amount typed, after the rate, both in thousands (a row whose amount cell is blank ends on its rate): the
        # line computes its own.
        if columns.amounted and len(figures) >= 3 and figures[-1] == len(cells) - 1 and all(
                re.fullmatch(THOUSANDS, cells[n]) for n in figures[-2:]):
            cells = cells[:-1]
    # "Bồi dưỡng đội khám (mỗi xã 5 người, 1 ngày) | | 150.000": a row whose quantity cell is blank counts in its name.
    if "|" in piece and len(cells) == 2 and re.fullmatch(THOUSANDS, cells[-1]) and (said := _COUNTED_NOTE.search(cells[0])):
        return f"{cells[0][:said.start()].strip()}: {said.group(1)}, {cells[-1]} đồng"
    # "Thuê hội trường trọn gói | 4.000.000", "Tuyên truyền | trọn gói | 15.000.000": a row's bare amount is money.
    if "|" in piece and re.fullmatch(THOUSANDS, cells[-1]) and (
            len(cells) == 2 or (not any(c[:1].isdigit() for c in cells[:-1]) and _LUMP.search(" ".join(cells[:-1])))):
        return f"{' '.join(cells[:-1])} {cells[-1]} đồng"
    # A row of counts alone is no budget line: an indicator row ("Số người … | người | 1850 | 1712").
    if len(cells) < 3 or not any(_MONEY_CELL.search(cell) for cell in cells):
        return " ".join(cells) if "|" in piece else piece
    # A date ("30/11/2026", a deadline column) is no factor.
    figures = [cell for cell in cells if cell[:1].isdigit() and not re.fullmatch(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?", cell)]
    # "… | 1 | cái | 1.450.000": a unit cell after the quantity is the quantity's, for each of what the columns say.
    unit = next((n for n, cell in enumerate(cells[1:-1], 1) if cells[n - 1] == figures[0] and _UNIT_CELL.fullmatch(cell)),
                None) if figures and not _MONEY_CELL.search(figures[0]) else None
    named = [cell for n, cell in enumerate(cells) if cell not in figures and n != unit]
    # "Phụ cấp chống dịch (40 người x 10 ngày) | 40 | người | 130.000": the name counts what the quantity cell
    # gives only part of.
    for n, cell in enumerate(named):
        if (product := _PRODUCT.search(cell)) and figures and figures[0] == product.group(1):
            named[n] = (cell[:product.start()] + cell[product.end():]).strip()
            figures[0], unit = product.group(0).strip("()"), None
    if unit is not None:
        figures[0] = f"{figures[0]} {cells[unit]}{f'/{columns.per}' if columns.per else ''}"
    # What the name says of the quantity the cells give is no part of it: "Tiền ăn (80 người, 1 ngày) | 80",
    # "Đoàn kiểm tra: 5 đoàn x 5 người x 6 ngày | 150"; a count it gives beside the quantity stays.
    quantity = re.match(r"\d+", figures[0]) if figures else None
    named = [_COUNTS_SAID.sub(lambda m: "" if quantity and math.prod(map(int, re.findall(r"\d+", m.group()))) == int(
        quantity.group()) else m.group(), cell).strip() or cell for cell in named]
    return f"{' '.join(named)} {' x '.join(figures)}"


# A figure typed with its scale word inside it: "1tr2" is 1,2 triệu, "5tr5" 5,5 triệu, "2tr500" 2,5 triệu, "1k5" 1,5 k.
_SPLIT_SCALE = re.compile(r"\b(\d+)\s?(tr|triệu|k)(\d{1,3})\b", re.IGNORECASE)


# Hundreds said in a word before the scale: "2 trăm nghìn" is 200 nghìn.
_HUNDREDS = re.compile(r"\b(\d{1,2})\s+trăm\s+(nghìn|ngàn|triệu)\b", re.IGNORECASE)


# A figure in thousands typed without its currency where only a rate stands: "25.000 per person per day", "250,000
# per commune", "1,000,000 for fuel per trip", "150 sets at 20,000", "1,500,000 lump sum".
_GROUPED = r"(?<![\d.,])(?<!VND )(?<!VNĐ )\d{1,3}(?:[.,]\d{3})+(?![\d.,]\d)"
_BARE_RATE = re.compile(rf"{_GROUPED}(?=\s*(?:/\s*[^\W\d_]|(?:per|each|mỗi|một)\s+[^\W\d_]|each\b|\(?lump[- ]sum|\(?(?:trọn gói|khoán)"
                        rf"|for\s+[^\d;,.]{{1,30}}?\bper\b))|(?:(?<=\bat )|(?<=@ )){_GROUPED}(?!\s*(?:[^\W\d_]|[×*]))",
                        re.IGNORECASE)


def whole_figures(text: str) -> str:
    """Figures typed with the scale word inside them written with a decimal comma before it, hundreds said in a
    word written in figures, amounts said in words written in figures, a rate without its currency in đồng."""
    text = _HUNDREDS.sub(lambda m: f"{int(m.group(1)) * 100} {m.group(2)}", text)
    text = _SPLIT_SCALE.sub(lambda m: f"{m.group(1)},{m.group(3).rstrip('0') or '0'} {m.group(2)}", text)
    return _BARE_RATE.sub(lambda m: f"{m.group()} đồng", figures_for_words(text))
