"""Tables built from the request, computed here and never left to a writer: a budget estimate (each line
people × days × rate, the total; number_words.py says it in words) and funding sources with their total. An
agenda is timed in agenda.py, indicator rows are read in indicators.py."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..vietnamese.folding import fold
from .amounts import AMOUNT, NUMBER, integer, money, scaled_figure, vnd_number
from .event_length import event_days, event_nights, event_sessions, rated_per_day_only, sessions_a_day, twice_a_day
from .line_names import UNNAMED, item_name, line_name, shared_names
from .shorthand import group_count_first, hired_size_left_out, shorthand_said
from .pasted import budget_columns, cells_as_factors, whole_figures
from .counted import RequestCounts, count_in, counts, is_day, request_counts
from .nouns import PERSON
from .quantities import (counted_a_day, counted_by_rate, everyone_count, everyone_counted, factors, for_each, joined_before,
                         line_counts, named_group, per_units)

# One budget line: "tiền ăn 135 người x 1 ngày x 250.000đ", "VIA allowance for 16 health workers × 10 days ×
# 200,000 VND", "consumables for 2,400 women × 35,000 each", "2 lớp x 30 học viên x 3 ngày x 100.000 đồng": two to
# four factors joined by x or ×, the next line maybe after "và".
# "x" joins factors only as a word of its own: "3 xe x 15 ngày" is three vehicles.
_TIMES = r"\s*(?:[×*]|(?<![^\W\d_])x(?![^\W\d_]))\s*"
# A factor with a scale word may have a decimal: "1,5 triệu", "12.5 million".
_SCALE_WORDS = r"nghìn|ngàn|k|triệu|tr|tỷ|thousand|million|billion"
# A factor is never cut at its thousands mark: "12.000 = 1.800.000" is twelve thousand, not 12.
_FACTOR = rf"(\d+[.,]\d{{1,2}}(?=\s*(?:{_SCALE_WORDS})\b)|{NUMBER})(?![.,]\d)\s*([^\d×*;:=]{{0,30}}?)"
_LINE = re.compile(rf"{_FACTOR}{_TIMES}{_FACTOR}(?:{_TIMES}{_FACTOR})?(?:{_TIMES}{_FACTOR})?"
                   rf"(?=\s*(?:[đd]\b|đồng|dong\b|vnd|each|/|[;.,)=]|(?:và|va|and)\s|$))", re.IGNORECASE)
# The same line with other joiners: "80 người, 2 ngày, mức 150.000 đồng/người/ngày", "lunch for 90 delegates
# for 1 day at 180,000 VND", "thuê hội trường 1 ngày 8.000.000 đồng": each factor but the last has its unit
# word, and the last is money; a year ("năm 2026 …") is no factor.
_UNIT_WORDS = r"(?:[^\W\d_]+\.?\s*){1,3}?"
_JOIN = rf"(?:{_TIMES}|\s*,\s*(?:(?:định\s+)?mức\s+|đơn giá\s+|giá\s+)?|\s+(?:for|at|with|mức|định mức|đơn giá|giá|@)\s+(?:(?:a|the)\s+rate\s+of\s+)?|\s*)"
_LINE_JOINED = re.compile(rf"(?<!năm )(?<!year )({NUMBER})\s*({_UNIT_WORDS})(?:{_JOIN}({NUMBER})\s*({_UNIT_WORDS}))?{_JOIN}"
                          rf"({NUMBER})\s*(?:(nghìn|ngàn|triệu|tr|k)\s*(?=đồng|dong\b|[đd]\b|vnd\b|[;.,]|/\s*(?:ngày|ngay)\b(?!\s*/)|per day\b(?! per)|$)|(?=đồng|dong\b|[đd]\b|vnd\b))",
                          re.IGNORECASE)
# What a factor counts, by the words after it: money is the rate ("150.000 đồng/người x 100 người x 1 ngày"),
# days or sessions are the days ("thuê hội trường 2 ngày x 3.000.000 đồng"), anything else is people.
_MONEY = re.compile(rf"^\s*(?:{_SCALE_WORDS}|đồng|dong|đ|d|vnd)\b", re.IGNORECASE)
_DAYS = re.compile(r"^\s*(?:ngày|ngay|buổi|buoi|đêm|dem|lần|lan|days?|sessions?|nights?|times)\b", re.IGNORECASE)
# A line given as one amount between lines with factors ("thuê hội trường: 8.000.000 đồng"); not a total.
# Nor the estimate a settlement is measured against ("Dự toán được duyệt 30.000.000đ. Thực chi: …").
_TOTAL = re.compile(r"\b(?:tổng(?! kết| hợp| quan| thể| cục)|cộng(?! tác| đồng)|total|bằng chữ|in words|(?:dự toán|kinh phí) được (?:phê )?(?:duyệt|giao)"
                    r"|approved (?:budget|estimate))\b", re.IGNORECASE)
# The currency and per-unit words after a line's last factor: "đồng/người/ngày", "VND each".
_CURRENCY_TAIL = re.compile(r"\s*(?:nghìn|ngàn|triệu|tr|k)?\s*(?:đồng|dong\b|[đd]\b|vnd)?(?:/[^\W\d_]+)*(?:\s+each)?", re.IGNORECASE)
_FACTOR_SCALE = re.compile(rf"^\s*({_SCALE_WORDS})\b", re.IGNORECASE)  # a factor with a scale word: "150 nghìn", "1,5 triệu"
# "13 người (1 ở Sở, 12 ở các điểm cầu) x 150.000đ": a count's breakdown in brackets is no factor.
_BREAKDOWN = re.compile(r"(\d+\s+[^\W\d_]+(?:\s[^\W\d_]+)?)\s*\([^()]*\d[^()]*\)")
# A lump sum typed without its currency: "vận chuyển vắc xin trọn gói 35.000.000" (the figure grouped in thousands).
_LUMP_FIGURE = re.compile(r"\b(?:trọn gói|khoán)\s*:?\s*(\d{1,3}(?:\.\d{3})+)(?![\d.,])", re.IGNORECASE)
_LUMP = re.compile(r"\b(?:trọn gói|khoán|lump[- ]sum|package)\b", re.IGNORECASE)
# "nước uống 120 người/ngày, 2 ngày": so many people each day of the line.
_DAILY_HEADS = re.compile(r"(\d+\s+(?:người|đại biểu|học viên|khách|people|persons|participants))\s*/\s*(?:ngày|day)\b",
                          re.IGNORECASE)
# "2 breaks a day over the 3 days", "2 buổi/ngày trong 3 ngày": the line's sessions in all, 6.
_A_DAY_OVER = re.compile(r"\b(\d{1,2})\s+(buổi|lần|lượt|breaks?|sessions?)\s*(?:/\s*|\s+(?:a|per|mỗi|each)\s+)(?:ngày|day)\s*,?\s+"
                         r"(?:over|for|during|in|trong|x|×)\s+(?:the\s+|cả\s+)?(\d{1,2})\s+(?:ngày|days)\b", re.IGNORECASE)
# "trọn gói cả 2 ngày 15 triệu": the days a lump sum covers are no factor of it.
_LUMP_DAYS = re.compile(rf"\b(trọn gói|khoán|lump[- ]sum|package)\s+(?:(?:cả|trong|for|for the)\s+)?(?:{NUMBER})\s*(?:ngày|days?)\b",
                        re.IGNORECASE)


@dataclass
class CostLine:
    item: str
    people: int
    days: int
    rate: int

    @property
    def amount(self) -> int:
        return self.people * self.days * self.rate


def _factor(number: str, after: str | None) -> int:
    scale = _FACTOR_SCALE.match(after or "")
    return scaled_figure(number, scale.group(1)) if scale else integer(number)


def _rate_first(piece: str, request: RequestCounts) -> list[CostLine]:
    """A line with its rate first and its counts after, in any order: "ăn trưa: 150.000 đồng/người/ngày, 80 người,
    2 ngày". Only a rate said to be per some unit (/người, mỗi, each, per, một bộ, mức) makes one, never a total;
    a unit the line does not count is counted by the request (quantities.py)."""
    amount = AMOUNT.search(piece)
    if not amount or amount.group(3) or _TOTAL.search(piece):
        return []
    folded, rate = fold(piece), money(amount.group()) or 0
    chain = per_units(folded, amount.start(), amount.end())
    own = line_counts(folded, amount.start(), amount.end())
    # A pasted row's bare figure before the rate ("Tiền ăn học viên 85 150 nghìn/người/ngày") counts what it is per.
    bare = re.search(rf"(?<![\d.,/])({NUMBER})\s+$", piece[:amount.start()])
    if chain and bare and not own:
        count, per_day = integer(bare.group(1)), is_day(chain[0])
        return [CostLine(item=item_name(piece[:bare.start()]), people=1 if per_day else count, days=count if per_day else 1,
                         rate=rate)]
    counted = factors(folded, amount.start(), amount.end(), chain, own, request)
    if not counted:
        return []
    first = min([amount.start()] + [c.at for c in own])
    # A count inside the line's label ("… 4 trạm y tế bị ngập: 85 triệu/trạm") leaves the label its name.
    label = piece.rfind(":", first, amount.start())
    return [CostLine(item=line_name(piece, label if label >= 0 else first), people=counted[0], days=counted[1], rate=rate)]


def _factored(piece: str, request: RequestCounts) -> list[CostLine]:
    lines, texts, start, folded = [], [], 0, fold(piece)
    matches = [m for m in list(_LINE.finditer(piece)) or list(_LINE_JOINED.finditer(piece)) if _rated(m)]
    if not matches:
        return _rate_first(piece, request)
    for match in matches:
        groups, named = _groups(match), match.start()
        factors = [_factor(number, after) for number, after in groups]
        at = _rate_at(groups)
        rest = [(f, after) for n, (f, (_, after)) in enumerate(zip(factors, groups)) if n != at]
        if not any(_DAYS.match(after) for _, after in rest) and len(rest) >= 2:  # unnamed: people × days × rate
            rest = [(f, after) for f, after in rest[:-1]] + [(rest[-1][0], "ngày")]
        daily = {match.group(i + 1) or "" for i in range(1, match.re.groups, 2) if match.group(i)
                 and counted_a_day(folded[:match.start(i)], fold(match.group(i + 1) or ""))}
        # The count a line opens with may be said for each of something before it: "mỗi xã làm 1 pa nô", "giảng viên
        # mỗi lớp 4 buổi".
        before = [piece[:match.start()] if n == 0 else "" for n in range(len(groups)) if n != at]
        # "6 sessions per class", with 2 classes: 12 sessions.
        days = math.prod(f * (request.days or 1 if after in daily else 1) * for_each(after, request, [], said_before, of_people=False)
                         for (f, after), said_before in zip(rest, before) if _DAYS.match(after))
        # Counts joined by × before the match count too: "6 teams x 4 people for 3 days, 200.000 VND/person/day".
        people = joined_before(folded, match.start()) * math.prod(
            f * for_each(after, request, [other for _, other in groups if other != after], said_before)
            for (f, after), said_before in zip(rest, before) if not _DAYS.match(after))
        if not any(not _DAYS.match(after) for _, after in rest):  # no count of people: those the rate is per
            rate = [i for i in range(1, match.re.groups, 2) if match.group(i)][at]  # its group in the pattern
            rate_end = match.end(rate + 1) if match.group(rate + 1) else match.end(rate)
            factored = {word for _, after in rest for word in fold(after).split()[:1]}
            people = counted_by_rate(folded, match.start(rate), rate_end, request, factored) or everyone_count(folded, request)
            # Else the people the line counts before its factors: "phòng nghỉ: 40 người tính chung các lớp, 2 đêm x 250k".
            if not people and (said := [c for c in counts(folded[start:match.start()]) if PERSON.match(c.noun)]):
                people, named = said[-1].count, start + said[-1].at
            # A rate per nothing ("1 night at 400k") for the group the line names; a fee per session is no one's.
            people = people or (not per_units(folded, match.start(rate), rate_end) and named_group(folded, request)) \
                or joined_before(folded, match.start())
        end = tail.end() if (tail := _CURRENCY_TAIL.match(piece, match.end())) else match.end()
        # "20 rooms at VND 400,000 per room per night, 4 nights": the nights are counted after the rate.
        days = days if days > 1 else _days_after(folded, match.end())
        # "2 sessions a day, 700.000/session, every class": each class's days, all the classes.
        if daily and (every := _EVERY.search(folded, match.end())):
            days *= count_in(every.group(1), request.found) or 1
        lines.append(CostLine(item=line_name(piece[start:], named - start), people=people, days=days,
                              rate=factors[at]))
        texts.append(piece[start:end])
        start = end
    lines = [replace(line, item=name) for line, name in zip(lines, shared_names([line.item for line in lines], texts))]
    # What follows the last factored line may be a line with its rate first ("…, hỗ trợ 20 người, 150k/người/ngày"),
    # or lines of one amount each ("…, thuê hội trường trọn gói 6 triệu, hoa tươi 1,5 triệu").
    return lines + (_rate_first(piece[start:], request) or _lump_sums(piece[start:]))


def _groups(match: re.Match) -> list[tuple[str, str]]:
    """A line's factors, each with the words after it."""
    return [(match.group(i), match.group(i + 1) or "") for i in range(1, match.re.groups, 2) if match.group(i)]


def _rate_at(groups: list[tuple[str, str]]) -> int:
    return next((n for n, (_, after) in enumerate(groups) if _MONEY.match(after)), len(groups) - 1)


def _rated(match: re.Match) -> bool:
    """Whether a run of factors holds a rate: "4 teams x 3 days, 1.000.000 đồng per team" ends on days, no money."""
    groups = _groups(match)
    after = groups[_rate_at(groups)][1]
    if re.match(r"\s*['′’]", after):  # "tham luận 3 đơn vị x 10'": minutes
        return False
    return _MONEY.match(after) is not None or not re.match(r"\s*[^\W\d_]", after) or \
        re.match(r"\s*(?:each|mỗi)\b", after, re.IGNORECASE) is not None


def _days_after(folded: str, at: int) -> int:
    """The days, nights or sessions a (folded) line counts after its rate when the rate is per one of them."""
    chain = per_units(folded, at, at)
    counted = [c for c in line_counts(folded, at, at) if c.at >= at and is_day(c.noun)]
    return counted[0].count if counted and any(is_day(noun) for noun in chain) else 1


def _lump_sums(rest: str) -> list[CostLine]:
    """Lines given as one amount each, listed after lines with factors; not a total."""
    lines = []
    for part in re.split(r",\s+(?=[^\W\d])", rest):
        amount = AMOUNT.search(part)
        named = re.search(r"[^\W\d_]", part[:amount.start()]) if amount else None  # not "= 147.000.000đ"
        if named and not _TOTAL.search(part) and (item := item_name(part[:amount.start()])) != UNNAMED:
            lines.append(CostLine(item=item, people=1, days=1, rate=money(part) or 0))
    return [line for line in lines if line.rate]


# A remark in brackets before a factor says who is counted ("66 người (tính cả giảng viên, BTC) x 2 ngày"), no factor.
_REMARK = re.compile(r"(?<=\w)\s*\([^()]*\)\s*(?=[x×*]\s*\d)")
_SAME_COUNT = re.compile(r"\b(?:cũng số (?:người|lượng) (?:đó|ấy|trên)|(?:cùng|như) số (?:người|lượng) (?:trên|đó)|như trên"
                         r"|như dòng trên|same (?:number|count|people)(?: as above)?|as above)(?=\s*(?:[×*]|x\b))",
                         re.IGNORECASE)


# "tiền ngủ cho cùng số người đó, 5 đêm", "accommodation for those same delegates": the people of the line before,
# whatever follows.
_SAME_PEOPLE = re.compile(r"\b(?:cho\s+)?(?:cùng|đúng)\s+số\s+người\s+(?:đó|ấy|trên|nói trên)\b|\b(?:for\s+)?(?:the|those|these)\s+"
                          r"same\s+(?:people|persons|staff|delegates|participants|members|trainees|team members|người|đại biểu|học viên|"
                          r"cán bộ|thành viên)(?!\w)", re.IGNORECASE)


_EVERY = re.compile(r"\b(?:every|each|moi|cho moi|tat ca cac|all)\s+([a-z]+)\s*[.;]?\s*$")
_ENOUGH = re.compile(r"\b(?:đủ số|đủ cho số|đủ)\s+(phiếu|bộ|cuốn|quyển|tờ|bản|suất|copies|sets|forms)\b", re.IGNORECASE)


def _comma_lines(piece: str, request: RequestCounts) -> list[str]:
    """A piece that lists several priced lines between commas, cut into them: "ăn trưa 120 nghìn/người/ngày, giải
    khát 20 nghìn/người/ngày, thuê phòng máy 2 phòng x 2 ngày x 2 triệu". A part without an amount stays with the
    line before it ("ăn trưa: 150.000 đồng/người, 80 người"); the piece is cut only where that reads more lines,
    an amount alone among them counted as one."""
    parts: list[str] = []
    pieces = re.split(r"(,\s+|\s+(?:và|and)\s+)(?=[^\W\d])", piece)  # "ăn 150k/người/ngày và nước uống 15k/người/ngày"
    for joiner, part in zip([""] + pieces[1::2], pieces[0::2]):
        if parts and not (AMOUNT.search(part) and AMOUNT.search(parts[-1])):
            parts[-1] += f"{joiner}{part}"
        else:
            parts.append(part)
    if len(parts) < 2:
        return [piece]
    # "20 học viên ở xa được hỗ trợ tiền ngủ 350k/đêm và tiền đi lại 250k/người": the people a line opens with are
    # those of the lines after it that count none of their own.
    opens = AMOUNT.search(parts[0]).start()  # every part has its amount: one without is joined to the part before
    if said := [c for c in counts(fold(parts[0])) if PERSON.match(c.noun) and c.at < opens]:
        parts = parts[:1] + [f"{part}, {said[0].count} {said[0].noun}" if not re.search(r"\d", part[:AMOUNT.search(part).start()])
                             and not any(PERSON.match(c.noun) for c in counts(fold(part))) else part for part in parts[1:]]
    # "…, tính cả giảng viên" after the last line is said of them all.
    if shared := re.search(r",\s*((?:tính cả|kể cả|bao gồm cả|including)\s[^,;]+)$", parts[-1], re.IGNORECASE):
        parts = [part if part.endswith(shared.group()) else part + shared.group() for part in parts]
    # A part that prices no line by its factors is an amount alone, a line of its own ("thuê hội trường 3.200.000đ").
    read = sum(len(_factored(part, request)) or (not _TOTAL.search(part)) for part in parts)
    return parts if read > len(_factored(piece, request)) else [piece]


def cost_lines(clauses: list[str], lump: bool = False, context: str = "") -> list[CostLine]:
    """The budget lines a request gives as people × days × rate (two factors: × 1 day), one or more a clause, each
    named by what stands before its first factor. An amount alone next to such lines is a line of its own (1 × 1 ×
    the amount); with `lump` (a budget table asked for), every amount alone is. What a line does not count (the
    people, the event's days) is counted in `context`, the whole request, or else in the clauses."""
    # "VND 200,000" is read as "200.000 VND", the currency after its figure.
    columns = budget_columns(context or " ".join(clauses))
    clauses, context = [hired_size_left_out(shorthand_said(clause)) for clause in clauses], shorthand_said(context)
    pieces = [cells_as_factors(whole_figures(_BREAKDOWN.sub(r"\1", _REMARK.sub(" ", re.sub(r"\b(?:VND|VNĐ)\s*(\d[\d.,]*\d)", r"\1 VND", piece)))),
                               columns) for clause in clauses for piece in re.split(r";\s*", clause) if piece.strip()]
    texts = re.split(r";\s*|:\s+|\.\s+", context) if context else clauses
    said = [_BREAKDOWN.sub(r"\1", group_count_first(text)) for text in texts]
    unpriced = [text for text in said if not AMOUNT.search(text)]
    # A day's sessions may be said in brackets, which `said` drops: "mỗi lớp học 2 ngày (2 buổi/ngày)".
    a_day = sessions_a_day([text for text in texts if not AMOUNT.search(text)])
    # The event's own counts first: those said in a priced line are that line's ("báo cáo viên 2 người x …").
    request = request_counts(unpriced + [text for text in said if text not in unpriced], event_days(unpriced), event_sessions(unpriced), event_nights(unpriced), a_day)
    length = request.days  # the event's days, or each class's or commune's ("mỗi xã khám 2 ngày")
    pieces = [line for piece in pieces
              for line in _comma_lines(_DAILY_HEADS.sub(r"\1", _LUMP_DAYS.sub(r"\1", _A_DAY_OVER.sub(
                  lambda m: f"{int(m.group(1)) * int(m.group(3))} {m.group(2)}", piece))), request)]
    found: list[list[CostLine]] = []
    for piece in pieces:
        # "tài liệu cũng số người đó × 30.000đ", "in kỷ yếu như trên x 65 nghìn": the count of the line before.
        before = next((line for lines in reversed(found) for line in reversed(lines)), None)
        piece = everyone_counted(piece, request)  # "ăn trưa: toàn bộ đại biểu x 150k"
        if before and (same := _SAME_COUNT.search(piece) or _SAME_PEOPLE.search(piece)):
            piece = f"{piece[:same.start()]} {before.people} người {piece[same.end():]}"
        elif before and (enough := _ENOUGH.search(piece)):  # "in phiếu đủ số phiếu": as many as the line before counts
            piece = f"{piece[:enough.start()]} {before.people} {enough.group(1)}{piece[enough.end():]}"
        found.append(_factored(piece, request))
    lines: list[CostLine] = []
    for n, piece in enumerate(pieces):
        beside = lump or any(found[m] for m in (n - 1, n + 1) if 0 <= m < len(pieces))
        if not found[n] and beside and not _TOTAL.search(piece) and (
                match := AMOUNT.search(piece) or _LUMP_FIGURE.search(piece)):
            # A lump sum "cả 2 ngày" is paid once: its days are inside it.
            days = None if _LUMP.search(piece) else re.search(rf"({NUMBER})\s*(?=ngày|days?\b)", piece[:match.start()],
                                                               re.IGNORECASE)
            rate = money(piece) or (integer(match.group(1)) if match.re is _LUMP_FIGURE else 0)
            found[n] = [CostLine(item=item_name(piece[:days.start() if days else match.start()]), people=1,
                                 days=integer(days.group(1)) if days else 1, rate=rate)]
        if len(found[n]) == 1 and found[n][0].days in (1, length) and twice_a_day(piece):
            found[n] = [replace(found[n][0], days=2 * (length or 1))]
        elif length and len(found[n]) == 1 and found[n][0].days == 1 and rated_per_day_only(piece):
            found[n] = [replace(found[n][0], days=length)]
        lines += found[n]
    return lines


def budget_rows(lines: list[CostLine]) -> list[list[str]]:
    rows = [["TT", "Nội dung", "Số người", "Số ngày", "Định mức (đồng)", "Thành tiền (đồng)"]]
    rows += [[str(n), line.item, vnd_number(line.people), vnd_number(line.days), vnd_number(line.rate),
              vnd_number(line.amount)] for n, line in enumerate(lines, 1)]
    total = sum(line.amount for line in lines)
    rows.append(["", "Tổng cộng", "", "", "", vnd_number(total)])
    return rows
