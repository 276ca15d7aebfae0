"""What a budget line's rate is per, and how many of each: "150.000 đồng/người/ngày", "mỗi tập thể 1 triệu",
"VND 400,000 per room per night", "40 nghìn một bộ". Each unit is counted in the line ("80 người", "4 nights");
a line that gives no count of it takes the request's (counted.py): the people it invites, the event's days or
sessions, the classes or teams it names. Matched folded."""

from __future__ import annotations

import math
import re

from ..vietnamese.folding import fold
from .counted import (FIGURE, MONEY, NOUN, Counted, RequestCounts, count_in, counted_in, counts, groups_summed, is_day,
                      noun_words, number)
from .nouns import PERSON, same_thing
from .event_length import every_day
from .ratios import FOR_ONE, each_has, many_per_group, people_of_each

_PER_AFTER = re.compile(rf"\s*(?:/\s*|\s(?:per|a|an|mot|moi|cho moi)\s+)({NOUN})")
_EACH = re.compile(rf"\b(?:moi|each)\s+({NOUN})")


def joined_before(folded: str, at: int, chain: tuple[str, ...] | list[str] = ()) -> int:
    """The counts joined by × before the count at `at`, of things the rate is not per: "3 xe x 2 lượt, 1,8tr/lượt"."""
    m = re.search(rf"({FIGURE})\s+({NOUN})\s*[x×*]\s*$", folded[:at])
    words = noun_words(m.group(2)) if m else []
    if m and words and not is_day(words[0]) and not any(same_thing(" ".join(words), noun) for noun in chain):
        return number(m.group(1)) * joined_before(folded, m.start(), chain)
    return 1


def per_units(folded: str, amount_start: int, amount_end: int) -> list[str]:
    """The nouns a rate is per, in the order written: after the amount ("/người/ngày", "per room per night",
    "một bộ") and before it ("mỗi người được hỗ trợ … 150 nghìn")."""
    nouns, at = [], amount_end
    # The currency between the figure and its unit: "150.000 đồng/người".
    tail = re.match(r"(?:\s*(?:nghin|ngan|trieu|ty|dong|d|vnd|k)\b)?", folded[at:])
    at += tail.end() if tail else 0
    while m := _PER_AFTER.match(folded, at):
        # After a slash the first word is the unit, even one a noun stops at elsewhere ("/ca": a case, not "cả").
        words = noun_words(m.group(1)) or (m.group(1).split()[:1] if m.group().lstrip().startswith("/") else [])
        if not words:
            break
        nouns.append(" ".join(words))
        at = m.start(1) + len(" ".join(words))
    for m in _EACH.finditer(folded, 0, amount_start):
        words = noun_words(m.group(1))
        # "mỗi lớp 60 học viên" counts học viên; "mỗi buổi 500 nghìn" is a rate per buổi; "mỗi xã tổ chức 1 buổi"
        # holds the buổi in each xã.
        has = re.match(rf"\s+(?:{FIGURE})\s+([a-z]+)", folded[m.start(1) + len(words[0]):]) if words else None
        if words and not (has and not MONEY.match(has.group(1))):
            nouns.append(" ".join(words))
    return list(dict.fromkeys(nouns))


# The words after a count that say it is for each of something: "2 rooms per team", "2 phòng mỗi đoàn".
_FOR_EACH = re.compile(rf"^\s*(?:[a-z]+(?: [a-z]+){{0,2}}{FOR_ONE}|/\s*|(?:per|moi|for each)\s+)({NOUN})")  # "500 per commune" too


def each_of(after: str, others: list[str]) -> str:
    """What a count is for each of, by the words after it ("2 rooms per team": "team"); none when the line counts
    those itself (`others`, the words after its other factors: "2 giường mỗi trạm x 5 trạm")."""
    m = _FOR_EACH.match(fold(after))
    words = noun_words(m.group(1)) if m else []
    if not words or is_day(words[0]) or any(same_thing(words[0], w) for other in others for w in fold(other).split()[:1]):
        return ""
    return " ".join(words)


def _each_before(before: str) -> str:
    """What a count is for each of, said just before it: "in each commune 2 volunteers", "mỗi xã 3 cộng tác viên"."""
    m = re.search(r"\b(?:moi|each)\s+([a-z]+(?: [a-z]+)?)\s*,?\s*$", before)
    # Not when it is said of a count before it: "2 người từ mỗi trạm, 2 ngày" is 2 days, for each of the people.
    if not m or re.search(r"\d+\s+[a-z]+(?: [a-z]+)?\s+(?:(?:tu|o|tai|from|in|at|of|for)\s+)?$", before[:m.start()]):
        return ""
    return " ".join(noun_words(m.group(1)))


def _times(each: str, request: RequestCounts, own: tuple[Counted, ...] | list[Counted] = ()) -> int:
    """How many of what a count is for each of, the line's own people first (`own`: "Có 2 giảng viên, mỗi người dạy 2
    buổi" is 4 buổi), else as the request counts; once when it is for each of nothing."""
    mine = [c for c in own if PERSON.match(c.noun)] if each and PERSON.match(each) else []
    if each.split()[:1] in (["buoi"], ["session"]) and not mine:  # "mỗi buổi 3 người": once each of the event's sessions
        return request.sessions or 1
    return mine[0].count if mine else (count_in(each, request.found) or 1) if each else 1


def for_each(after: str, request: RequestCounts, others: list[str], before: str = "", of_people: bool = True) -> int:
    """How many times a count goes, by the words after it ("2 rooms per team" with 4 teams counted is 8 rooms) or
    just before it ("mỗi xã làm 1 pa nô"); with `of_people` false, days or sessions said for each person ("3 giảng
    viên, mỗi người dạy 2 buổi") go once, the people counted apart."""
    each = each_of(after, others) or _each_before(fold(before))
    return 1 if not of_people and PERSON.match(each) else _times(each, request)


def counted_by_rate(folded: str, rate_start: int, rate_end: int, request: RequestCounts,
                    factored: set[str] = frozenset()) -> int | None:
    """The request's count of what a rate is per, when the line counts none of it: "giải khát 2 buổi x
    20k/người/buổi" for the 40 học viên the request names; none when the line's factors count it (`factored`, the
    words after them: "12 lần x 2,5 triệu/lần" is 12 broadcasts, not 12 for each of 12)."""
    nouns = [noun for noun in per_units(folded, rate_start, rate_end) if not is_day(noun)]
    if not nouns or any(same_thing(nouns[0], word) for word in factored):
        return None
    # "3 giảng viên, mỗi người dạy 2 buổi, 800.000đ": "mỗi người" before the rate is each of the line's own people.
    each_before = PERSON.match(nouns[0]) and nouns[0] not in per_units(folded, 0, rate_end)
    own = [c for c in line_counts(folded, rate_start, rate_end) if PERSON.match(c.noun)] if each_before else []
    return own[0].count if own else count_in(nouns[0], request.found)


def line_counts(folded: str, amount_start: int, amount_end: int) -> list[Counted]:
    """The line's own counts, not the amount's figure; people counted group by group also as their sum ("ăn trưa
    cho 64 đại biểu xã và 16 đại biểu của Sở, 150.000đ/người" is for 80)."""
    return groups_summed(folded, [c for c in counts(folded) if not (amount_start <= c.at < amount_end)])


# A rate given as the line's norm ("80 người, 2 ngày, mức 150.000 đồng") is per each of the units the line counts.
_NORM = re.compile(r"\b(?:muc|dinh muc|don gia|each)\b")
_COUNTABLE = re.compile(r"^(?:nguoi|dai bieu|hoc vien|can bo|bao cao vien|giang vien|bo|cuon|luot|lop|dot|chuyen|xe|mau|xa|"
                        r"people|persons|participants|delegates|trainees|sets|copies|trips)\b")


# A line for everyone the request counts: "cho tất cả đại biểu", "cho số người như trên", "cho chính những đại biểu
# trên", "for all participants".
_FOR_ALL = re.compile(r"\b(?:(?:cho\s+)?(?:tat ca|toan bo)(?:\s+cac)?\s+(dai bieu|nguoi|hoc vien|thanh vien)"
                      r"|so (nguoi) (?:nhu tren|tren)|(?:chinh\s+)?(?:nhung|cac|so)\s+(dai bieu|hoc vien)\s+(?:noi\s+)?tren|for (?:all|every) (?:the )?(participants?|delegates?|trainees?|hoc vien|dai bieu))\b")


# Said before a count, that it is a day's: "mỗi ngày 2 lần giải lao", "each day 2 breaks".
_DAILY_BEFORE = re.compile(r"\b(?:moi|mot|each|per|every) (?:ngay|day)\s*:?\s*$")
_NIGHTS = ("dem", "night", "nights")
# A rate per any one of the things a line counts, whatever they are: "mỗi đơn vị", "/cái", "per unit".
_ANY_THING = re.compile(r"^(?:(cai|chiec|piece|pieces|item|items)|don vi|co so|noi|unit|units|sites?|diem cau|points?)$")
# Sessions and breaks: counted a day, they run every day of the event.
_SESSION_HEADS = ("buoi", "session", "sessions", "lan", "luot", "break", "breaks")


def counted_a_day(before: str, after: str) -> bool:
    """Whether a count of sessions or breaks, by the (folded) words before and after it, is a day's: "2 buổi/ngày",
    "2 sessions a day", "mỗi ngày 2 lần"."""
    return every_day(after) or _DAILY_BEFORE.search(before) is not None


def _a_day(folded: str, at: int) -> bool:
    figure = re.match(r"[\d.,]+", folded[at:])
    return bool(figure) and counted_a_day(folded[:at], folded[at + figure.end():])


# What each person gets one of, priced per piece: "tài liệu 30k/bộ", "certificates at 15,000 each"; never a
# rented thing ("thuê máy chiếu 500k/bộ").
_ONE_EACH_UNIT = re.compile(r"^(?:bo|cuon|quyen|suat|phan|sets?|cop(?:y|ies)|kits?|each)$")
_HANDED_UNIT = re.compile(r"^(?:phieu|to|que|bo|cuon|quyen|suat|phan|sets?|cop(?:y|ies)|kits?|forms?|leaflets?|booklets?|round|trips?)$")
_ONE_EACH_ITEM = re.compile(r"\b(?:tai lieu|van phong pham|ky yeu|chung nhan|chung chi|giay khen|documents?|materials?|"
                            r"stationery|certificates?|handouts?|booklets?)\b")


_GIVEN_TO = re.compile(r"\b(?:cho|for)\s+(?:the\s+)?(?:cac\s+)?([a-z]+(?: [a-z]+)?)")


def named_group(folded: str, request: RequestCounts) -> int | None:
    """The count of the group of people a line is for, by the words that label it in the request: "hỗ trợ đi lại cho
    đại biểu xã, phường" for "các xã, phường 124 người"."""
    given = _GIVEN_TO.search(folded)
    said = set(re.findall(r"[a-z]+", folded[given.start(1):])[:6]) if given else set()
    named = [c for c in request.found if c.label and PERSON.match(c.noun) and set(c.label.split()) <= said
             and not set(c.label.split()) <= {"cac", "nguoi", "dai", "bieu", "so"}]
    # Else the one group the line names, after "cho" or anywhere: "phòng nghỉ cho giảng viên", "thù lao giảng viên 1
    # triệu/người/ngày" with "40 học viên, 2 giảng viên" counted: the 2.
    named = named or [c for c in request.found if c.noun not in ("nguoi", "dai bieu") and PERSON.match(c.noun)
                      and re.search(rf"\b{c.noun}\b", folded[given.start(1):given.start(1) + 40] if given else _INCLUDING.sub("", folded))]
    # Or the people of the places it names: "phòng nghỉ cho đại biểu TTYT khu vực" for "3 from each of the 12 TTYT khu vực".
    named = named or [c for c in request.found if c.of and PERSON.match(c.noun) and given
                      and re.search(rf"\b{c.of}\b", folded[given.start(1):given.start(1) + 60])]
    return named[0].count if len({c.noun for c in named}) == 1 else None


def _request_count(noun: str, chain: list[str], request: RequestCounts) -> int | None:
    """The request's count of a noun; "3 lớp, mỗi lớp 50 người" for a line priced per người for each lớp: 50 a lớp,
    the lớp counted apart."""
    found = counted_in(noun, request.found)
    if not found:
        return None
    return found.each if found.each and any(same_thing(found.of, other) for other in chain) else found.count


# "tiền ăn 150k/người/ngày, tính cả giảng viên": the trainers beside the trainees counted for a rate per person.
_INCLUDING = re.compile(r"\b(?:tinh ca|ke ca|bao gom ca|gom ca|including(?: the)?)\s+([a-z]+(?: [a-z]+)?)"
                        r"|\b([a-z]+(?: [a-z]+)?)\s+(?:included|too)\b")


def _included(folded: str, noun: str, chain: list[str], request: RequestCounts) -> int:
    """The count of the people a line says it includes besides those its rate counts, unless those are all the
    people already ("khách mời 12 người, lãnh đạo 4 người": 16 người)."""
    m = _INCLUDING.search(folded)
    counted = counted_in(noun, request.found)
    if not m or not counted or counted.noun == "nguoi":
        return 0
    also = " ".join(noun_words(m.group(1) or m.group(2)))
    included = counted_in(also, request.found)
    if not included or included is counted or not PERSON.match(included.noun):
        return 0
    return _request_count(also, chain, request) or 0


def everyone_count(folded: str, request: RequestCounts) -> int | None:
    """The request's count of everyone a line says it is for: "nước uống cho toàn bộ đại biểu nói trên 2 buổi x
    20.000đ"."""
    if not (said := _FOR_ALL.search(folded)):
        return None
    # All of them: the largest count of that group, or, for delegates or people, of people counted group by group.
    group = next((g for g in said.groups() if g), "nguoi")
    generic = group in ("nguoi", "dai bieu") or group.startswith(("participant", "delegate"))
    return max((c.count for c in request.found if (generic or c.noun != "nguoi") and counted_in(group, [c])), default=None)


def factors(folded: str, amount_start: int, amount_end: int, chain: list[str], own: list[Counted],
            request: RequestCounts) -> tuple[int, int] | None:
    """(people, days) for a line rated per the units of `chain`, each counted in the line (`own`, its
    `line_counts`) or in the request; None when the rate is per nothing or nothing it is per is counted."""
    for_all = _FOR_ALL.search(folded)
    everyone = next((g for g in for_all.groups() if g), "nguoi") if for_all else ""
    if not chain and (norm := _NORM.search(folded[max(0, amount_start - 15):amount_end + 25])):
        # "drinks 30,000 each" with nothing counted in the line: each of the people.
        chain = [c.noun for c in own if _COUNTABLE.match(c.noun) or is_day(c.noun)][:2] or (
            [everyone or "nguoi"] if everyone or norm.group() == "each" else [])
    if len(chain) > 1 and _HANDED_UNIT.match(chain[0].split()[0]) and PERSON.match(chain[1]):  # "40k/bộ cho mỗi đại biểu"
        chain = chain[1:]
    people, days, counted_each = [], [], []
    # Days or sessions of every class for a line that pays no one by the day: a hall, a trainer's session.
    alone = all(is_day(noun) for noun in chain)
    team = next((c for noun in chain if PERSON.match(noun) and (c := counted_in(noun, request.found))), None)
    visits = request.days_visited if not counted_in("nguoi", own) and team and not team.of else None
    for noun in chain:
        head = noun.split()[0]
        if any(same_thing(noun, each) for each in counted_each):
            continue  # "2 nhân viên mỗi trạm … 150k/người/ngày, mỗi trạm": the trạm are counted with the people
        own_count = counted_in(noun, own)
        each = (each_of(folded[own_count.at:].split(" ", 1)[-1], [c.noun for c in own if c is not own_count])
                or _each_before(folded[:own_count.at])) if own_count else ""
        # "3 báo cáo viên, mỗi người 1 triệu": each of the three, not three for each person.
        if each and (PERSON.match(each) and PERSON.match(own_count.noun) or is_day(head) and people_of_each(each, chain, own, request)):
            each = ""
        counted_each.append(each)
        # "2 rooms per team" with 3 teams counted in the request: 6 rooms. A count already times its group ("8 xã x 5
        # người" is 40) is not joined to it again.
        count = each_has(noun, folded, chain, request, own, (amount_start, amount_end)) or (
            own_count.count * (1 if own_count.of else joined_before(folded, own_count.at, chain)) * _times(each, request, own)
            if own_count else None)
        if own_count and count and head in _SESSION_HEADS and _a_day(folded, own_count.at):
            # "2 ngày, 2 buổi/ngày, 20.000 đồng/người/buổi": the sessions are each day's.
            own_days = counted_in("ngay", own) or counted_in("days", own)
            count *= own_days.count if own_days else (alone and request.days_in_all) or request.days or 1
        if count is None and is_day(head):
            count = (alone and request.sessions_in_all) or request.sessions if head in ("buoi", "session", "sessions") else \
                (alone and request.days_in_all) or visits or request.days if head in ("ngay", "day", "days") else \
                request.stay_nights if head in _NIGHTS else None
        if count is None and PERSON.match(noun):
            count = named_group(folded, request)
        if count is None:
            count = _request_count(noun, chain, request)
        if count is None and (any_thing := _ANY_THING.match(noun)):
            # A piece is the first thing counted ("24 pa nô cho 12 xã, 800k/cái"), a unit or place the last ("hỗ trợ
            # 12 TTYT khu vực, 1,5 triệu/đơn vị").
            things = [c for c in own if not PERSON.match(c.noun) and not is_day(c.noun)]
            eaches = [_each_before(folded[:c.at]) for c in things]  # "12 xã, mỗi xã 2 pa nô": 24 pa nô
            pieces = [c.count * _times(each, request, own) for c, each in zip(things, eaches)
                      if not any(same_thing(c.noun, other) for other in eaches if other)]
            count = (pieces[0] if any_thing.group(1) else things[-1].count) if pieces else None
        # "in tài liệu cho tất cả đại biểu, 40.000đ/bộ", "tài liệu 30k/bộ": one each.
        if count is None and (everyone or (_ONE_EACH_UNIT.match(head) and _ONE_EACH_ITEM.search(folded))):
            # "tài liệu 45.000đ/bộ, chỉ phát cho học viên": the people named, else everyone.
            given = _GIVEN_TO.search(folded)
            named = [name for n in (2, 1) if PERSON.match(name := " ".join(noun_words(given.group(1))[:n]))] if given else []
            count = (everyone and everyone_count(folded, request)) or \
                _request_count(everyone or (named or ["nguoi"])[0], chain, request)
        # "in phiếu khám 2.000đ/phiếu cho 3.000 người": a piece handed to each of the people the line counts.
        if count is None and _HANDED_UNIT.match(head) and (given := [c for c in own if PERSON.match(c.noun)]):
            count = given[0].count
        if count is not None and PERSON.match(noun) and not own_count:
            count += _included(folded, noun, chain, request)
        if count is not None:
            (days if is_day(head) else people).append(count)
    if people and not days and (nights := [c.count for c in own if is_day(c.noun)]):
        days = nights[:1]  # "2 rooms per team for 4 nights at 350k a room": a room is paid each night the line counts
    if days and not people and all(noun.split()[0] in _NIGHTS for noun in chain) and (
            heads := [c.count for c in own if PERSON.match(c.noun)]):
        people = heads[:1]  # "tiền ngủ cho 12 người, 350k/đêm": each of the people the line counts, each night
    if days and not people and alone and (per_group := many_per_group(folded, request)):
        people = [per_group]  # "one rented car per team at 1,5 million a day": each team's car, each day
    return (math.prod(people), math.prod(days)) if people or days else None


# "ăn trưa: toàn bộ đại biểu x 150k": everyone the request counts, as a line's factor.
_EVERYONE_TIMES = re.compile(r"\b(?:toàn bộ|tất cả|all(?: the)?)\s+(?:các\s+)?(?:đại biểu|người|học viên|participants|delegates|"
                             r"trainees)(?=\s*(?:[×*]|x\b))", re.IGNORECASE)


def everyone_counted(piece: str, request: RequestCounts) -> str:
    """A line's "toàn bộ đại biểu ×" as the count of the people the request names."""
    m = _EVERYONE_TIMES.search(piece)
    count = count_in("nguoi", request.found) if m else None
    return f"{piece[:m.start()]}{count} người{piece[m.end():]}" if m and count else piece
