"""What a budget line is called: the words before its first factor, without what joins it to the sentence before
("ngoài ra", "nên tính …") or the context counted before it, else what its first count counts."""

from __future__ import annotations

import re

from .pasted import LUMP_WORDS

UNNAMED = "[nội dung chi]"
_LUMP_WORD = re.compile(rf"\s*\b(?:{LUMP_WORDS}|in total)\s*$", re.IGNORECASE)
# Words that join a line to the sentence before it, no part of its name: "ngoài ra bồi dưỡng …", "nên tính …".
_CONNECTIVE = re.compile(r"^\s*(?:ngoài ra|thêm nữa|có(?: thêm)?|bên cạnh đó|trong (?:số )?đó(?: có)?|nên tính|tính|còn|besides|also)\s+",
                         re.IGNORECASE)
_ITEM_TAIL = re.compile(r"\s*(?:\b(?:twice a day|two times a day)\s+)?(?:\bcho\b|\bfor\b|\bof\b|\bin\b|\bat\b|\btại\b|:|–|-)\s*$",
                        re.IGNORECASE)
_PEOPLE_TAIL = re.compile(r"(?<=\w)\s+(?:cho\s+)?\d+\s+người\s*$")
# A line's or a row's list marks: `1.`, `(2)`, `-`, `gồm`, "including".
LEAD = re.compile(r"^\s*(?:\(?\d+\)|\d+\.|[-–•]|gồm|including|lines?:?|rows?:?)\s*", re.IGNORECASE)


_RATE_WORD = re.compile(r"(?:định mức|mức chi|mức|đơn giá|giá|rate|unit cost)", re.IGNORECASE)


_EACH_TAIL = re.compile(r"[\s,:(–-]*\b(?:mỗi|each|per)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*$", re.IGNORECASE)


def item_name(text: str) -> str:
    """A line's name from what stands before its first factor: "…; tài liệu 60 bộ x …", "ăn trưa: 80 …"."""
    text = _LUMP_WORD.sub("", text)  # "hóa chất: trọn gói 95 triệu" is the line "Hóa chất"
    # "Ăn trưa thân mật: mức 250.000đ/người": a rate's word alone names no line, the label before it does.
    # "Vehicles: 1 per team for the same days, …", "phòng nghỉ: tất cả thành viên đoàn, 4 đêm": what is counted, or
    # for whom, opens no name; the label before it is the line's.
    item = next((p for p in reversed(re.split(r"[:;]", text)) if p.strip(" ,") and not _RATE_WORD.fullmatch(p.strip(" ,"))
                 and not re.match(r"\s*(?:\d+\s+(?:per|/)|(?:all|tất cả|toàn bộ)\s)", p, re.IGNORECASE)
                 and not _EACH_TAIL.fullmatch(p)), "")
    # "Hội nghị khoảng 120 đại biểu, họp 1 ngày, nên tính nước uống giữa giờ": the clause after the counted context.
    clauses = re.split(r",\s+", item)
    if len(clauses) > 1 and re.match(r"(?:mỗi người|each)\b", clauses[-1], re.IGNORECASE):
        item = re.sub(r"^\s*\d+\s+", "", ", ".join(clauses[:-1]))  # "2 trainers, mỗi người dạy": the people name it
    elif len(clauses) > 1 and re.search(r"\d", " ".join(clauses[:-1])) and re.search(r"[^\W\d_]", clauses[-1]):
        item = clauses[-1]
    item = _CONNECTIVE.sub("", item)
    item = re.sub(r"^\s*(?:kinh phí|dự trù|chi)\s+(?:bao\s+)?gồm\s+", "", item, flags=re.IGNORECASE)  # "Kinh phí gồm nước uống"
    item = LEAD.sub("", re.sub(r"^[\s,]*(?:(?:và|va|and)\s+)?", "", item))
    # "… cho", "… for" end a name before its figures; "in" alone is the line itself (in tài liệu: printing).
    item = (_ITEM_TAIL.sub("", item) if _ITEM_TAIL.sub("", item).strip(" ,;:") else item).strip(" ,;:")
    item = _PEOPLE_TAIL.sub("", item)  # "Thuê phòng nghỉ 7 người: 6 đêm": the people are the line's column
    item = _EACH_TAIL.sub("", item) or item  # "Bồi dưỡng đội khám, mỗi xã 5 người": for each of what, not a name
    return item[:1].upper() + item[1:] if item else UNNAMED


# What a line that opens with its count counts: "5 double rooms for 1 night at …", "20 phòng nghỉ x 2 đêm".
_COUNTED_NOUN = re.compile(r"^\s*\d+\s+((?:[^\W\d_]+\s*){1,10}?)\s*(?=\b(?:for|at|x|trong|với|giá|mức)\b|[×*\d,;:(]|$)",
                           re.IGNORECASE)


# A label over the lines, not a line's name: "Costs: 5 double rooms …", "Chi phí: 20 phòng nghỉ …".
_GENERIC_ITEM = re.compile(r"(?:costs?|expenses|budget|chi phí|kinh phí|dự trù(?: kinh phí)?|các khoản chi)", re.IGNORECASE)


# A name that only says what is done with the things counted: "mua mới 6 bình phun ULV x …" buys the sprayers.
# So does one that only says what is paid to the people counted: "bồi dưỡng 5 phóng viên đưa tin 300k/người".
_DOING = re.compile(r"(?:mua(?: mới| thêm| sắm)?|thuê|in|sửa chữa|bồi dưỡng|hỗ trợ|thù lao|phụ cấp|buy(?:ing)?|purchas(?:e|ing)"
                    r"|rent(?:ing)?|hir(?:e|ing)|print(?:ing)?)", re.IGNORECASE)


def line_name(piece: str, end: int) -> str:
    """The line's name before its first factor, else what its first count counts; with it when the name only says
    what is done with them."""
    item = item_name(piece[:end])
    counted = _CONNECTIVE.sub("", piece[piece.rfind(":", 0, end) + 1:])
    if (item == UNNAMED or _GENERIC_ITEM.fullmatch(item)) and (noun := _COUNTED_NOUN.match(counted)):
        counts = re.sub(r"\s+(?:đi|đến|về|làm|dự|học|tham gia)$", "", noun.group(1).strip())  # "3 giám sát viên đi 12 ngày"
        return counts[:1].upper() + counts[1:]
    # A measure alone ("in 120 bộ") names nothing bought.
    if _DOING.fullmatch(item) and (noun := _COUNTED_NOUN.match(piece[end:])) and len(noun.group(1).split()) > 1:
        return f"{item} {noun.group(1).strip()}"
    return item


# What a line's first count counts, before its × : "khen thưởng 20 tập thể x 1.500.000đ" counts tập thể.
_COUNTED_BEFORE_TIMES = re.compile(r"\d+\s+((?:[^\W\d_]+\s*){1,3}?)\s*(?=[x×*]\s*\d)", re.IGNORECASE)


def shared_names(names: list[str], texts: list[str]) -> list[str]:
    """Lines of one sentence without a name of their own take the line's before them, each told apart by what it
    counts: "khen thưởng 20 tập thể x 1.500.000đ và 30 cá nhân x 800.000đ" is "Khen thưởng tập thể" and "Khen
    thưởng cá nhân"."""
    names = list(names)
    for n in range(1, len(names)):
        own, before = (_COUNTED_BEFORE_TIMES.search(texts[m]) for m in (n, n - 1))
        if names[n] == UNNAMED and names[n - 1] != UNNAMED and own and before:
            base = re.sub(rf"\s+{re.escape(before.group(1).strip())}$", "", names[n - 1])
            if own.group(1).strip().lower() != before.group(1).strip().lower():
                names[n - 1] = f"{base} {before.group(1).strip()}"
            names[n] = f"{base} {own.group(1).strip()}"
    return names
