"""Tables of entries and their counts: those invited or attending ("bảng danh sách thành phần mời", "list of
delegates"), one row per entry of the request's participant list, and counts per item ("bảng phân bổ vắc xin (TT,
đơn vị, số liều, ghi chú): … Quỳnh Lưu 1.200 liều; …"), under the columns the request names (TT, họ tên/chức vụ,
đơn vị, số lượng, ghi chú). An entry's count is the number after its name ("Phòng Nghiệp vụ Dược 6") or its units
times what each sends ("9 bệnh viện tuyến tỉnh mỗi đơn vị 2 người"), and the counts are totalled; a title before a
unit ("Giám đốc Trung tâm Cấp cứu 115") goes to the name-and-title column when the request has one."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .agenda import agenda_subtitle
from .document import Block
from .request import DraftRequest
from .columns import column_names, column_roles
from .amounts import integer, vnd_number
from .typed_tables import worked_table

# What asks for the table (folded request).
_ASKED = re.compile(r"\b(?:danh sach|bang)\s+(?:thanh phan|dai bieu|khach moi|nguoi tham du|co quan moi)"
                    r"|\b(?:list|table) of (?:participants|delegates|invitees|attendees|those invited)")
# "9 bệnh viện tuyến tỉnh mỗi đơn vị 2 người", "12 TTYT, each 2 people".
_EACH = re.compile(r"^(\d+)\s+(.+?)\s*,?\s*(?:mỗi|each)\s*(?:đơn vị|nơi|cơ sở|unit|one)?\s*(\d+)\b.*$", re.IGNORECASE)
# "Phòng Nghiệp vụ Dược 6", "Sở Tài chính: 1 người", "BHXH tỉnh (2)".
# A bare number of three digits is part of a name ("Trung tâm Cấp cứu 115"), not a count.
_COUNTED = re.compile(r"^(.+?)\s*[:(–-]?\s*(\d{1,3}(?=\s*(?:người|đại biểu|đ/c|people|persons?)\b)|\d{1,2})\s*"
                      r"(?:người|đại biểu|đ/c|people|persons?)?\)?(?:[.;,]|\s*$)", re.IGNORECASE)
# A person's title before the unit they come from.
_TITLE = re.compile(r"^((?:(?:Phó\s+)?(?:Giám đốc|Chủ tịch|Chánh Văn phòng|Chánh Thanh tra|Trưởng phòng|Trưởng ban|"
                    r"Trưởng khoa|Chi cục trưởng|Cục trưởng|Thủ trưởng|Trưởng)|Đại diện(?: lãnh đạo)?|Lãnh đạo)"
                    r"(?:\s+(?:các|của))?)\s+(?=\S)", re.IGNORECASE)
_ROLES = (("index", r"^(?:s?tt|no\.?|#)$"), ("person", r"ho ten|chuc vu|chuc danh|dai bieu|name|title|position"),
          ("count", r"so luong|so nguoi|sl\b|number|count"), ("note", r"ghi chu|note|remark"),
          ("unit", r"don vi|co quan|thanh phan|noi cong tac|unit|organi[sz]ation|agency"))


# An item and its counts: "Diễn Châu 950 liều", "Đoàn liên ngành tỉnh 64 cơ sở, 9 vi phạm, 38.500.000 đồng".
_ITEM_NAME = re.compile(r"^(.+?[^\d\s,:])\s+(?=\d)")
_FIGURE = re.compile(r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+")
_COUNT_COLUMN = re.compile(r"^so\b|so luong|\bsl\b|number|count|quantity|doses")
# A column worked out of the two counts before it: "số còn thiếu", "chênh lệch", "tăng/giảm"; a shortfall is the
# distance between them, the others the second less the first.
_SHORTFALL = re.compile(r"\bthieu\b|shortfall|\bgap\b")
_GAP_COLUMN = re.compile(rf"{_SHORTFALL.pattern}|chenh lech|tang,? giam|tang/giam|difference")
_PRICED = re.compile(r"dinh muc|don gia|thanh tien|muc chi|\brate\b|amount|unit cost")


def counted_items(request: DraftRequest, texts: list[str]) -> list[list[str]] | None:
    """A table of counts per item under the columns the request names (the item's, then one per count), with a
    total row when asked ("có dòng tổng cộng"); None unless every text with a figure is an item with as many
    figures as there are count columns."""
    columns = column_names(request.text)
    roles = ["gap" if _GAP_COLUMN.search(fold(c)) else "count" if _COUNT_COLUMN.search(fold(c)) else role
             for c, role in zip(columns, column_roles(columns, _ROLES))]
    name_at = next((i for i, role in enumerate(roles) if role not in ("index", "count", "note", "gap")), None)
    # A column after the item's that no role names ("định biên") holds a count, when a gap is worked out of them.
    if "gap" in roles and name_at is not None:
        roles = ["count" if not role and i > name_at else role for i, role in enumerate(roles)]
    counts = roles.count("count")
    # A rate or an amount to work out makes it a budget estimate (tables.py), not counts to lay out; a share or a
    # rate of the counts, a table with a worked-out column (typed_tables.py).
    if not counts or name_at is None or _PRICED.search(fold(" ".join(columns))) or worked_table(request.text):
        return None
    items = []
    # The gap is worked out of exactly two counts; otherwise its column stays empty.
    gap = columns[roles.index("gap")] if "gap" in roles and counts == 2 else None
    filled = ("count", "gap") if gap else ("count",)
    for text in (t.strip(" .;") for t in texts if re.search(r"\d", t)):
        name = _ITEM_NAME.match(text)
        figures = _FIGURE.findall(text[name.end():]) if name else []
        if len(figures) != counts or re.search(r"\s[x×]\s", text):
            return None
        items.append((name.group(1), _in_columns(figures, text[name.end():], columns, roles)))
    if len(items) < 2:
        return None
    rows = [columns]
    for n, (name, figures) in enumerate(items, 1):
        given = iter(_with_gap(figures, gap))
        rows.append([str(n) if role == "index" else name[:1].upper() + name[1:] if i == name_at
                     else next(given) if role in filled else "" for i, role in enumerate(roles)])
    if "tong cong" in fold(request.text) or "total" in fold(request.text):
        sums = iter(_with_gap([vnd_number(sum(integer(f[k]) for _, f in items)) for k in range(counts)], gap))
        rows.append(["Tổng cộng" if i == name_at else next(sums) if role in filled else "" for i, role in enumerate(roles)])
    return rows


def _in_columns(figures: list[str], text: str, columns: list[str], roles: list[str]) -> list[str]:
    """The figures in the order of the count columns: a figure followed by a column's name ("4.250 hiện có trên
    4.600 định biên") goes to that column; else they keep the order typed."""
    counted = [fold(c) for c, role in zip(columns, roles) if role == "count"]
    placed: dict[int, str] = {}
    for match in _FIGURE.finditer(text):
        said = " ".join(re.findall(r"[a-z]+", fold(text[match.end():match.end() + 20]))[:2])
        at = next((k for k, column in enumerate(counted)
                   if len(said) >= 4 and re.search(rf"\b{re.escape(said)}\b", column)), None)
        if at is not None and at not in placed:
            placed[at] = match.group()
    return [placed[k] for k in range(len(counted))] if len(placed) == len(counted) else figures


def _with_gap(figures: list[str], column: str | None) -> list[str]:
    """The two counts and, under a gap `column`, what the second lacks or exceeds of the first."""
    if column is None:
        return figures
    first, second = integer(figures[0]), integer(figures[1])
    if _SHORTFALL.search(fold(column)):
        return [*figures, vnd_number(abs(second - first))]
    return [*figures, vnd_number(second - first) if second >= first else f"-{vnd_number(first - second)}"]


def asks_for_participants(request: DraftRequest) -> bool:
    return bool(request.participants) and _ASKED.search(fold(request.text)) is not None


def _entry(text: str, counted: bool) -> tuple[str, int | None, str]:
    """(name, count, note) of one entry of the list; `counted`: whether the table has a count column."""
    text = text.strip(" .;")
    if not counted:
        return f"{text[:1].upper()}{text[1:]}", None, ""
    if each := _EACH.match(text):
        units, name, per = int(each.group(1)), each.group(2).strip(" ,"), int(each.group(3))
        return f"{name[:1].upper()}{name[1:]} ({units} đơn vị)", units * per, f"{units} đơn vị x {per} người"
    if counted := _COUNTED.match(text):
        name = counted.group(1).strip(" ,:–-")
        return f"{name[:1].upper()}{name[1:]}", int(counted.group(2)), ""
    return f"{text[:1].upper()}{text[1:]}", None, ""


def _person_and_unit(name: str) -> tuple[str, str]:
    """"Trưởng phòng Nghiệp vụ Y" is (Trưởng phòng, Phòng Nghiệp vụ Y); a unit named alone has no title."""
    title = _TITLE.match(name)
    if not title:
        return "", name
    unit = name[title.end():]
    if fold(title.group(1)).endswith("phong") and not fold(unit).startswith("phong"):
        unit = f"Phòng {unit}"
    return title.group(1), f"{unit[:1].upper()}{unit[1:]}"


def _rows(request: DraftRequest) -> list[list[str]]:
    """The header, a row per entry, and a total row when counts are given."""
    typed = column_names(request.text)
    entries = [_entry(p, not typed or "count" in column_roles(typed, _ROLES)) for p in request.participants]
    counted = any(count is not None for _, count, _ in entries)
    columns = typed or (["TT", "Thành phần", "Số lượng", "Ghi chú"] if counted else ["TT", "Thành phần", "Ghi chú"])
    roles = column_roles(columns, _ROLES)
    if "unit" not in roles and "person" not in roles:
        roles[1 if len(roles) > 1 else 0] = "unit"
    rows = [columns]
    for n, (name, count, note) in enumerate(entries, 1):
        person, unit = _person_and_unit(name) if "person" in roles and "unit" in roles else ("", name)
        cells = {"index": str(n), "person": person or (name if "unit" not in roles else ""), "unit": unit,
                 "count": "" if count is None else str(count), "note": note}
        rows.append([cells.get(role, "") for role in roles])
    if counted and "count" in roles:
        total = sum(count or 0 for _, count, _ in entries)
        label = next(i for i, role in enumerate(roles) if role in ("unit", "person"))
        rows.append(["Tổng cộng" if i == label else str(total) if role == "count" else "" for i, role in enumerate(roles)])
    return rows


def participants_blocks(request: DraftRequest, document_label: str) -> list[Block]:
    """The table under its title, the document it goes with ("Kèm theo Giấy mời số 33/GM-SYT") and its event."""
    title = "DANH SÁCH ĐẠI BIỂU MỜI" if re.search(r"dai bieu|delegates", fold(request.text)) else "DANH SÁCH THÀNH PHẦN MỜI"
    attached = [Block("line", f"(Kèm theo {document_label} số {request.number})")] if request.number else []
    event = agenda_subtitle(request) if request.event and not request.english else []
    return [Block("part", title), *attached, *event, Block("table", rows=_rows(request))]
