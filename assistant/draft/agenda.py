"""A programme (chương trình) as the request times it: items typed with their slots ("7h30 - 8h00 đón tiếp"),
with the hour each starts ("7g30 đón tiếp, 8g khai mạc"), or with their lengths, ends and restarts ("khai mạc 15
phút", "tham luận until 10:30", "buổi chiều từ 14h00: thảo luận 90 phút"), timed from the start hour; and who
carries each item out."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from ..vietnamese.patterns import clock
from ..vietnamese.units import find_units
from .clauses import Clause
from .document import Block
from .request import TYPED_HOUR, DraftRequest

# "… by Giám đốc", "…, trình bày: Phòng …", "… do … thực hiện": who carries out an agenda item.
_BY = re.compile(r"^(.{3,}?)[\s,]+(?:by(?: the)?|trình bày:?|do|–|—)\s+(.{3,80})$", re.IGNORECASE)
_BRACKETED_BY = re.compile(r"^(.{3,}?)\s*\(([^()]{3,80})\)$")
_ROLE = re.compile(r"(?:pho )?(?:giam doc|chu tich|lanh dao|chanh van phong|truong phong|dai dien|ubnd)\b")
# A half-day's own start hour may follow it without "từ": "chiều 13h30: chuyên đề 3", "sáng 7h30 đón tiếp".
_RESTART = re.compile(r"^(?:(?:chương trình|programme|agenda)\s+)?(?:(?:(?:buổi |phiên )?(?:sáng|chiều)|(?:in the )?(?:morning|afternoon)"
                      r"(?: session)?)\s*(?:(?:từ|bắt đầu(?: lúc)?|lúc|from|(?:re)?start(?:ing|s)?(?: at)?|resumes? at|at)\s+)?"
                      r"|(?:từ|bắt đầu(?: lúc)?|from|start(?:ing|s)?(?: at)?)\s+)(\d{1,2})(?:[h:](\d{2}))?\s*(pm|p\.m\.|chiều)?\s*:?",
                      re.IGNORECASE)
# A day of a programme of several, before the hour it starts: "Ngày thứ hai, từ 8h00: …", "Day 2 – from 8:00".
_DAY_LABEL = re.compile(r"^((?:ngày thứ (?:nhất|hai|ba|tư|năm)|ngày \d{1,2}(?:/\d{1,2}(?:/\d{4})?)?|day (?:\d|one|two|three)))"
                        r"\s*[,:–-]?\s*(?=(?:buổi \w+\s+|\(\w+\)\s*)?(?:từ|bắt đầu|from|start)|\d{1,2}[h:g])", re.IGNORECASE)
_DAY_ROW = -1  # the length a day's row stands under: it takes no time
# Between items typed in one sentence: a comma, a semicolon, or a dash that joins no two hours ("Khai mạc (10 phút) -
# Báo cáo (30 phút)", not "7h30 - 8h00").
_ITEM_BREAK = re.compile(r"\s*[,;]\s*|(?<!\d)(?<!\dh)(?<!\dg)\s+[-–—]\s+(?!\d)")
# The first item, before the meeting opens at the hour the request gives: "đón tiếp 30 phút trước giờ khai mạc".
_BEFORE_START = re.compile(r"\s*\b(?:trước (?:giờ|khi) khai mạc|before (?:the )?(?:opening|start|meeting opens))\b", re.IGNORECASE)
# An item's end: "tham luận until 10:30", "thảo luận đến 11h30".
_UNTIL = re.compile(r"\b(?:until|till|đến|tới)\s+(\d{1,2})[h:.](\d{2})", re.IGNORECASE)
# "4 báo cáo khoa học mỗi báo cáo 20 phút", "3 reports, 15 minutes each", "4 bài x 15 phút": as many items of that length.
# The count may be a word: "two presentations …, 15 min each", "hai tham luận, mỗi tham luận 15 phút".
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6}
_EACH = re.compile(rf"^(?:(.+)\s+)?(\d{{1,2}}|{'|'.join(_COUNT_WORDS)})\s+(.+?)\s*(?:,?\s*(?:mỗi|each)\b.*|\s*[x×])$", re.IGNORECASE)
# "Phiên 1 gồm 4 báo cáo": the items of a session, named under it.
_HOLDS = re.compile(r"\s+(?:gồm|có|with|of|including)$", re.IGNORECASE)
# "15p", "15'": minutes as typed
_MINUTES = re.compile(r"(\d+)\s*(?:(?:phút|phut|ph|p|minutes|mins?)\b|['’′](?![\w'’]))", re.IGNORECASE)
# Lengths said in hours: "1 tiếng", "1 tiếng rưỡi", "1,5 hours", "an hour", "nửa tiếng", "a quarter of an hour". ("1
# giờ" is left alone: it is as often the hour an item starts.)
_HOURS = re.compile(r"\b(\d+(?:[.,]5)?|một|an|one|hai|ba|two|three)\s+(?:tiếng|hours?|hrs?)(\s+rưỡi)?(?:\s+(\d{1,2})\s*(?:phút|minutes?|mins?))?\b",
                    re.IGNORECASE)
_HOUR_WORDS = {"một": 1, "an": 1, "one": 1, "hai": 2, "ba": 3, "two": 2, "three": 3}
# A length typed as an hour after its item ("chuyên đề 3: 1h30", "thực hành 1h"): no meeting starts at 1 to 3 a.m.
_HOUR_LENGTH = re.compile(r"(?<![\d:.])(?<!lúc )(?<!từ )(?<!at )(?<!đến )(?<!to )(?<!- )(?<!– )\b0?([1-3])h(\d{2})?(?![\w:])",
                          re.IGNORECASE)
_LEFT_OVER = re.compile(r"^(?:sau đó|tiếp đó|tiếp theo|then|next)\s+|\s+(?:từ|from|cho|for|trong|in|lúc|at)$", re.IGNORECASE)
# "from 8 to 8:15": a slot that opens on the hour alone.
_BARE_FROM = re.compile(r"\b(từ|from)\s+(\d{1,2})\s+(đến|to)\s+(\d{1,2}[h:.]\d{2})\b", re.IGNORECASE)
_PARTS_OF_AN_HOUR = [(re.compile(r"\b(?:nửa tiếng|half an hour)\b", re.IGNORECASE), "30 phút"),
                     (re.compile(r"\b(?:a )?quarter of an hour\b", re.IGNORECASE), "15 phút")]


# A slot said in words of hours: "7 giờ 30 - 8 giờ", "từ 8 giờ 15 phút đến 9 giờ".
_SPOKEN_TIME = r"(\d{1,2})\s*(?:giờ|h)(?:\s*(\d{1,2})(?:\s*phút)?)?"
_SPOKEN_SLOT = re.compile(rf"\b{_SPOKEN_TIME}\s*(-|–|đến)\s*{_SPOKEN_TIME}(?!\d)", re.IGNORECASE)


def in_minutes(text: str) -> str:
    """Lengths said in hours, said in minutes: "thảo luận 1 tiếng rưỡi" is "thảo luận 90 phút"; slots said in words of
    hours, in figures: "7 giờ 30 - 8 giờ" is "07h30 - 08h00"."""
    text = _SPOKEN_SLOT.sub(lambda m: f"{clock(m.group(1), m.group(2))} {m.group(3)} {clock(m.group(4), m.group(5))}", text)
    for pattern, said in _PARTS_OF_AN_HOUR:
        text = pattern.sub(said, text)

    def minutes(m: re.Match) -> str:
        hours = _HOUR_WORDS.get(m.group(1).lower()) or float(m.group(1).replace(",", "."))
        return f"{round(hours * 60) + (30 if m.group(2) else 0) + int(m.group(3) or 0)} phút"
    text = _BARE_FROM.sub(r"\1 \2h00 \3 \4", text)
    text = _HOUR_LENGTH.sub(lambda m: f"{int(m.group(1)) * 60 + int(m.group(2) or 0)} phút", text)
    return _HOURS.sub(minutes, text)


# An item typed with the hour it starts, before or after it: "7g30 đón tiếp", "11 giờ phát biểu", "opening 8:15".
_STARTS = re.compile(rf"^{TYPED_HOUR}(?!\S)[\s:–-]*(.{{3,}})$|^(.{{3,}}?)[\s,:]+(?:lúc\s+|at\s+)?{TYPED_HOUR}$",
                     re.IGNORECASE)
_LEADING_HOUR = re.compile(rf"{TYPED_HOUR}(?!\S)", re.IGNORECASE)
# Where the next item starts in a programme typed one item a line (the lines reach the clause joined); not at a slot's
# end ("7h30 - 8h00 đón tiếp").
_NEXT_START = re.compile(r"(?<![-–—])(?<!đến)(?<!\bto)\s+(?=\d{1,2}\s*(?:g|h|giờ|gio|:)\s*(?:\d{2})?(?!\S))", re.IGNORECASE)
_FEWEST_STARTS = 3  # fewer hours are when a meeting begins and a deadline's hour, not a programme
# A slot typed with its times: "7h30 - 8h00", "từ 8:00 đến 8:10", "13.30–13.45".
_SLOT = re.compile(r"(?:từ\s+)?(\d{1,2})[h:.](\d{2})?\s*(?:-|–|đến|to)\s*(\d{1,2})[h:.](\d{2})?\s*:?\s*", re.IGNORECASE)


def _who(item: str) -> tuple[str, str]:
    """An agenda item and who carries it out: "Phát biểu khai mạc by Giám đốc", "Báo cáo …, trình bày: Phòng …"."""
    m = _BY.search(item) or _BRACKETED_BY.search(item)  # "… (Phòng Nghiệp vụ Y)": who, in brackets
    if m and (find_units(m.group(2)) or _ROLE.match(fold(m.group(2)))):
        return m.group(1).strip(" ,:;"), re.sub(r"\s+trình bày$", "", m.group(2).strip(" ,:;"))
    return item, ""


def _laid_out(slots: list[tuple[str, str]]) -> list[list[str]]:
    """The agenda's rows, with a column for who carries each item out when the request names any."""
    items = [(when, *_who(what[:1].upper() + what[1:])) for when, what in slots]
    if not any(who for _, _, who in items):
        return [["Thời gian", "Nội dung"], *[[when, what] for when, what, _ in items]]
    return [["Thời gian", "Nội dung", "Thực hiện"], *[list(item) for item in items]]


def _repeated(minutes: int | None, what: str) -> list[tuple[int | None, str]]:
    """One item, or the items a count gives: "4 báo cáo khoa học mỗi báo cáo" is Báo cáo khoa học 1 … 4, "tham
    luận 3 đơn vị, mỗi đơn vị" Tham luận đơn vị 1 … 3."""
    each = _EACH.match(what)
    count = (_COUNT_WORDS.get(each.group(2).lower()) or int(each.group(2))) if each else 0
    if not 1 < count <= 12:
        return [(minutes, what)]
    before = each.group(1) or ""
    if holds := _HOLDS.search(before):
        return [(minutes, f"{before[:holds.start()]}: {each.group(3)} {n}") for n in range(1, count + 1)]
    name = " ".join(part for part in (before, each.group(3)) if part)  # "tham luận 3 đơn vị, mỗi đơn vị 15 phút"
    return [(minutes, f"{name[:1].upper()}{name[1:]} {n}") for n in range(1, count + 1)]


def _timed_pieces(clauses: list[Clause]) -> list[str]:
    """The items of a programme: one a clause, several in a clause typed one item after another's hour ("8h
    khai mạc, 8h10 báo cáo …") or length ("đón tiếp 15p, khai mạc 10p"); a length typed after its own comma
    ("thảo luận nhóm, 90 minutes, then …") stays with its item."""
    pieces: list[str] = []
    # "tham luận: 5 đơn vị, mỗi đơn vị 10 phút": the label names the items its count counts.
    for c in (Clause(text=in_minutes(f"{c.typed_label} {c.text}" if c.typed_label and re.match(r"\d{1,2}\s+[^\W\d]", c.text)
                                     else c.text)) for c in clauses):
        if _LEADING_HOUR.match(c.text):
            pieces += _NEXT_START.split(c.text)
            continue
        if len(_MINUTES.findall(c.text)) + len(_UNTIL.findall(c.text)) + len(_SLOT.findall(c.text)) <= 1:
            pieces.append(c.text)
            continue
        for piece in _ITEM_BREAK.split(c.text):
            bare = _UNTIL.sub("", _MINUTES.sub("", piece)).strip(" ,:;()-–")
            if pieces and (not bare or re.match(r"(?:mỗi|each)\b", bare, re.IGNORECASE)):  # "5 báo cáo viên, mỗi người 20 phút"
                pieces[-1] += f", {piece}"
            else:
                pieces.append(re.sub(r"^(?:then|sau đó)\s+", "", piece, flags=re.IGNORECASE))
    return pieces


def _minute(hour: str, minutes: str | None, after_noon: str | None = None) -> int:
    return (int(hour) + (12 if after_noon and int(hour) < 12 else 0)) * 60 + int(minutes or 0)


def _timed(piece: str) -> tuple[int | None, int | None, int | None, str] | None:
    """(start, end, minutes, what) of an item typed with its slot ("7:30 to 8:00 đón tiếp"), the hour it starts
    ("8h10 báo cáo …", "opening 8:15", "buổi chiều từ 14h00: …"), its end ("… until 10:30") or its length ("…, 15
    phút"); None for a piece with no time."""
    slot, until, length = _SLOT.search(piece), _UNTIL.search(piece), _MINUTES.search(piece)
    restart = _RESTART.search(piece)
    # An hour after "until" or at a slot's end ends an item: it starts none.
    started = None if slot or until or restart else _STARTS.match(piece.strip(" .,;"))
    if not (slot or until or length or started):
        return None
    start = (_minute(*slot.group(1, 2)) if slot else _minute(*restart.group(1, 2, 3)) if restart
             else _minute(*(started.group(1, 2) if started.group(1) else started.group(5, 6))) if started else None)
    end = _minute(*slot.group(3, 4)) if slot else _minute(*until.group(1, 2)) if until else None
    what = (started.group(3) or started.group(4)) if started else piece[restart.end():] if restart else piece
    what = re.sub(r"\(\s*\)", "", _UNTIL.sub("", _MINUTES.sub("", _SLOT.sub("", what, count=1)))).strip(" ,:;-–")
    what = _LEFT_OVER.sub("", what) or what  # "khai mạc từ", "sau đó buổi 2", "buổi 3 cho": the words of a time said
    return start, end, int(length.group(1)) if length else None, what


def agenda_rows(request: DraftRequest, clauses: list[Clause]) -> list[list[str]] | None:
    """The programme's rows (None when the request gives none), from items with their slots, their start hours, their ends or their lengths, timed one after another
    from the start hour: an item runs to its end, for its length, or to the next item's start. Hours alone make
    a programme from three items up (fewer, beside items timed by lengths alone, say when the meeting starts),
    and an hour that does not go forward (a note's "ghi kiểu 08h00", a deadline) starts no item."""
    items: list[tuple[int | None, int | None, int | None, str]] = []
    latest = -1
    for piece in _timed_pieces(clauses):
        if day := _DAY_LABEL.match(piece):  # "Ngày thứ hai, từ 8h00: …": a row of its own over that day's items
            label = day.group(1)[:1].upper() + day.group(1)[1:]
            if label.lower().startswith("day "):  # "Day one" is "Ngày 1"
                label = f"Ngày {_COUNT_WORDS.get(label[4:].lower(), label[4:])}"
            items.append((None, None, _DAY_ROW, label))
            piece = piece[day.end():]
        if (found := _timed(piece)) is None:
            continue
        start, end, minutes, what = found
        if start is not None and end is None and minutes is None and start <= latest:
            continue
        latest = max([latest, *(t for t in (start, end) if t is not None)])
        items += [(start if n == 0 else None, end, each, name) for n, (each, name) in enumerate(_repeated(minutes, what))]
    alone = [item for item in items if item[1] is None and item[2] is None]
    clocked = any(start is not None and (end is not None or minutes is not None) for start, end, minutes, _ in items)
    if alone and len(alone) < _FEWEST_STARTS and not clocked:  # "starts at 7h30" before items timed by lengths
        items = [item for item in items if item not in alone]
    if len(items) < (_FEWEST_STARTS if len(alone) == len(items) else 2):
        return None
    first = request.time if request.time and items[0][0] is None else None
    now = minute_of_day(first) if first else items[0][0]
    if now is not None and items[0][2] and (early := _BEFORE_START.search(items[0][3])):  # "đón tiếp 30 phút trước giờ khai mạc"
        now -= items[0][2]
        items[0] = (*items[0][:3], (items[0][3][:early.start()] + items[0][3][early.end():]).strip())
    rows = []
    for n, (start, end, minutes, what) in enumerate(items):
        if minutes == _DAY_ROW:
            rows.append(("", what))
            continue
        begin = start if start is not None else now
        following = items[n + 1][0] if n + 1 < len(items) else None
        now = end if end is not None else begin + minutes if minutes is not None and begin is not None else following
        ends = f" - {clock(*divmod(now, 60))}" if now is not None else ""
        when = "[giờ]" if begin is None else clock(*divmod(begin, 60)) + ends
        rows.append((when, what[:1].upper() + what[1:]))
    return _laid_out(rows)


# A programme asked for by name ("the rundown table", "bảng chương trình hội nghị").
_PROGRAMME_ASKED = re.compile(r"\b(?:chuong trinh|agenda|schedule|rundown|lich trinh|timetable|programme)\b")


def listed_agenda(request: DraftRequest, clauses: list[Clause]) -> list[list[str]] | None:
    """The programme of a request that asks for one and lists its items without their lengths ("from 8:00: welcome;
    opening by the Director; …; closing at 11:00"): the start hour on the first item, an hour where the request
    gives one, `[giờ]` for the user to fill on the others. None when it lists fewer items than a programme has."""
    items = [clause.text for clause in clauses if not clause.meta and not clause.label]
    if not request.time or not _PROGRAMME_ASKED.search(fold(request.text)) or len(items) < _FEWEST_STARTS:
        return None
    slots = []
    for n, text in enumerate(items):
        timed = _timed(text)
        start = timed[0] if timed else (minute_of_day(request.time) if n == 0 else None)
        what = timed[3] if timed else text
        slots.append(("[giờ]" if start is None else clock(*divmod(start, 60)), what))
    return _laid_out(slots)


def agenda_items(request: DraftRequest, clauses: list[Clause]) -> list[Clause]:
    """The clauses a programme is timed from, when the request gives one: they go to its table."""
    return [] if agenda_rows(request, clauses) is None else _timed_clauses(clauses)


def _timed_clauses(clauses: list[Clause]) -> list[Clause]:
    slotted = [c for c in clauses if _SLOT.search(c.text)]
    return slotted if len(slotted) >= 2 else [c for c in clauses if _MINUTES.search(in_minutes(c.text))]


def agenda_subtitle(request: DraftRequest) -> list[Block]:
    """The line under an agenda's title, as the seeds write it: the event, then "(lúc 08h00, ngày 26/12/2025 tại …)"."""
    when = ", ".join(p for p in (request.time and f"lúc {request.time}", request.date and f"ngày {request.date}") if p)
    when += f" tại {request.venue}" if request.venue and when else ""
    line = " ".join(p for p in (request.event, when and f"({when})") if p)
    return [Block("line", line)] if line else []


def minute_of_day(hour: str | None) -> int | None:
    """08h30 as minutes since midnight; None for no hour."""
    match = re.fullmatch(r"(\d{2})h(\d{2})", hour or "")
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


def agenda_times(start: str | None, minutes: list[int], restarts: list[str | None] | None = None) -> list[str]:
    """`08h00 - 08h30` per item, timed from the start (HHhMM); `[giờ]` for each when no start is given. An item
    with a start of its own (`restarts`: "Buổi chiều từ 13h30") sets the clock again."""
    restarts = restarts or [None] * len(minutes)
    now = minute_of_day(start or next(iter(restarts), None))
    if now is None:
        return ["[giờ]"] * len(minutes)
    times = []
    for length, restart in zip(minutes, restarts):
        if (again := minute_of_day(restart)) is not None:
            now = again
        times.append(f"{clock(*divmod(now, 60))} - {clock(*divmod(now + length, 60))}")
        now += length
    return times


def programme_in_part(request: DraftRequest, clauses: list[Clause]) -> tuple[list[Clause], list[Block]]:
    """A part drafted alone with the programme the request gives ("phần II. Thời gian, địa điểm … và chương trình"):
    the clauses left for its text, and the programme's table."""
    if not (rows := agenda_rows(request, clauses)) or not (timed := _timed_clauses(clauses)):
        return clauses, []
    return [c for c in clauses if c not in timed], [Block("table", rows=rows)]
