"""What a budget line's rate is per, and how many of each: "150.000 đồng/người/ngày", "mỗi tập thể 1 triệu",
"VND 400,000 per room per night", "40 nghìn một bộ". Each unit is counted in the line ("80 người", "4 nights");
a line that gives no count of it takes the request's: the people it invites ("mời 80 đại biểu", "40 midwives",
"4 lớp, mỗi lớp 60 học viên"), the event's days or sessions, the classes or teams it names. Matched folded."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..vietnamese.folding import fold
from ..vietnamese.patterns import THOUSANDS
from .event_length import SPELLED, every_day

# A count may be spelled ("two teams", "ba lớp", "hai buổi"): it is read wherever a figure is.
_FIGURE = rf"{THOUSANDS}|\d+|(?<![a-z])(?:{'|'.join(SPELLED)})(?![a-z])"
_PERSON = re.compile(r"^(?:nguoi|dai bieu|hoc vien|can bo|nhan vien|bao cao vien|giang vien|nu ho sinh|ho sinh|bac si|"
                     r"dieu duong|hoc sinh|chuyen gia|giam khao|thanh vien|thi sinh|cong tac vien|tinh nguyen vien|"
                     r"people|persons?|participants?|delegates?|trainees?|staff|midwi(?:fe|ves)|"
                     r"nurses?|doctors?|students?|learners?|trainers?|health workers?|experts?|speakers?|presenters?|"
                     r"judges?|members?|volunteers?)$")
# Days, sessions and nights are the table's "Số ngày".
_DAY = re.compile(r"^(?:ngay|buoi|dem|days?|sessions?|nights?)$")
# What a rate is per: "/người", "per trainee", "một bộ", "a set", "mỗi tập thể"; up to three words of a noun.
_NOUN = r"[a-z]+(?: [a-z]+){0,2}"
_PER_AFTER = re.compile(rf"\s*(?:/\s*|\s(?:per|a|an|mot|moi|cho moi)\s+)({_NOUN})")
_EACH = re.compile(rf"\bmoi\s+({_NOUN})")
# "mỗi lớp 60 học viên", "mỗi học viên 1 bộ": so many of one thing for each of another.
_EACH_HAS = re.compile(rf"\bmoi\s+([a-z]+(?: [a-z]+)?)\s+({_FIGURE})\s+({_NOUN})")
# What stands between a count and what it is for each of: "1 phiếu/trẻ", "2 rooms per team", "2 phòng mỗi đoàn".
_FOR_ONE = r"(?:\s*/\s*|\s+(?:per|moi|for each)\s+)"
# So many of one thing for each of another, as a ratio.
_RATIO = re.compile(rf"(?<![\d.,/])({_FIGURE})\s+([a-z]+(?: [a-z]+)?){_FOR_ONE}([a-z]+(?: [a-z]+)?)")
# "4 supervision teams, 3 people each", "3 teams of 5 people each": so many for each of the things counted just before.
_EACH_AFTER = re.compile(rf"(?<![\d.,/])({_FIGURE})\s+({_NOUN}),?\s+(?:of\s+)?({_FIGURE})\s+([a-z]+(?: [a-z]+)?)\s+each\b")
_MONEY = re.compile(r"^(?:nghin|ngan|trieu|tr|ty|dong|d|vnd|k|million|thousand|billion)$")
_STOP = {"cho", "for", "at", "x", "va", "and", "moi", "per", "trong", "of", "the", "every", "ca", "tu", "den"}


def _number(text: str) -> int:
    return SPELLED.get(text) or int(re.sub(r"[.,]", "", text))


def _words(noun: str) -> list[str]:
    """A noun's words up to the first that is no part of it: "tram cho 62" → ["tram"]."""
    words = []
    for word in noun.split():
        if word in _STOP:
            break
        words.append(word)
    return words


def _singulars(noun: str) -> set[str]:
    """An English noun and what it may be the plural of: "rooms", "boxes", "midwives"."""
    forms = {noun}
    for plural, singular in (("ves", "fe"), ("es", ""), ("s", "")):
        if noun.endswith(plural) and len(noun) > len(plural) + 2:
            forms.add(noun[:-len(plural)] + singular)
    return forms


def _same(a: str, b: str) -> bool:
    return bool(_singulars(a) & _singulars(b)) or (_PERSON.match(a) is not None and _PERSON.match(b) is not None)


@dataclass
class Counted:
    noun: str
    count: int
    at: int


def counts(folded: str) -> list[Counted]:
    """Every "N noun" in a folded text, a noun of up to three words ("20 twin rooms": see `_count_in`); "4 teams, 3
    people each" counts 12 people."""
    found = []
    for m in re.finditer(rf"(?<![\d.,/])({_FIGURE})\s+({_NOUN})", folded):
        words = _words(m.group(2))
        if words and not _MONEY.match(words[0]):
            found.append(Counted(" ".join(words), _number(m.group(1)), m.start()))
    found.sort(key=lambda c: c.at)
    for m in _EACH_AFTER.finditer(folded):
        if not (_MONEY.match(m.group(4).split()[0]) or is_day(m.group(4))):
            found = [c if c.at != m.start(3) else Counted(c.noun, _number(m.group(1)) * c.count, c.at) for c in found]
    return found


def _counted_in(noun: str, found: list[Counted]) -> Counted | None:
    """A noun among those found, by its longest opening words that name something counted ("mỗi người được hỗ
    trợ" is per người), matched to a counted noun's words or its head (`20 twin rooms`, `80 đại biểu` for
    `người`)."""
    words = noun.split()
    for n in range(len(words), 0, -1):
        wanted = " ".join(words[:n])
        for c in found:
            counted = c.noun.split()
            heads = {" ".join(counted[a:b]) for a in (0, 1) for b in range(a + 1, len(counted) + 1)}
            if any(_same(wanted, head) for head in heads):
                return c
    return None


def _count_in(noun: str, found: list[Counted]) -> int | None:
    counted = _counted_in(noun, found)
    return counted.count if counted else None


def _joined(folded: str, at: int, chain: list[str]) -> int:
    """The counts joined by × before the count at `at`, of things the rate is not per: "3 xe x 2 lượt, 1,8
    triệu/lượt" is 2 trips for each of 3 vehicles."""
    m = re.search(rf"({_FIGURE})\s+({_NOUN})\s*[x×*]\s*$", folded[:at])
    words = _words(m.group(2)) if m else []
    if m and words and not is_day(words[0]) and not any(_same(" ".join(words), noun) for noun in chain):
        return _number(m.group(1)) * _joined(folded, m.start(), chain)
    return 1


@dataclass
class RequestCounts:
    """What the request counts, in its order: the people, classes, teams it names; the event's length."""
    found: list[Counted]
    days: int | None = None
    sessions: int | None = None


def _groups_summed(folded: str, whole: list[Counted]) -> list[Counted]:
    """The counts with, before each run of people counted group by group ("khách mời 12 người, lãnh đạo Sở 04
    người, các đơn vị 54 người"), their sum: all of them, for a line priced per person with no count of its own."""
    persons = [c for c in whole if _PERSON.match(c.noun)]
    runs: list[list[Counted]] = []
    for count in persons:
        figure = re.match(rf"{_FIGURE}", folded[runs[-1][-1].at:]) if runs else None
        between = folded[runs[-1][-1].at + figure.end():count.at] if figure else ""
        if figure and "," in between and not re.search(r"[;.:]|\d", between):
            runs[-1].append(count)
        else:
            runs.append([count])
    sums = [Counted(run[0].noun, sum(c.count for c in run), run[0].at) for run in runs if len(run) > 1]
    return sums + whole  # a sum stands before its groups, at the first one's place


def request_counts(texts: list[str], days: int | None, sessions: int | None) -> RequestCounts:
    found: list[Counted] = []
    for text in texts:
        folded = fold(text)
        whole = counts(folded)
        # "4 lớp, mỗi lớp 60 học viên": 240 học viên.
        for m in _EACH_HAS.finditer(folded):
            of = _count_in(m.group(1), whole)
            if of and not _MONEY.match(m.group(3).split()[0]):
                whole = [c for c in whole if c.at != m.start(2)]
                whole.append(Counted(" ".join(_words(m.group(3))), of * _number(m.group(2)), m.start(2)))
        found += sorted(_groups_summed(folded, whole), key=lambda c: c.at)
    return RequestCounts([c for c in found if not _DAY.match(c.noun.split()[0])], days, sessions)


def per_units(folded: str, amount_start: int, amount_end: int) -> list[str]:
    """The nouns a rate is per, in the order written: after the amount ("/người/ngày", "per room per night",
    "một bộ") and before it ("mỗi người được hỗ trợ … 150 nghìn")."""
    nouns, at = [], amount_end
    # The currency between the figure and its unit: "150.000 đồng/người".
    tail = re.match(r"(?:\s*(?:nghin|ngan|trieu|ty|dong|d|vnd|k)\b)?", folded[at:])
    at += tail.end() if tail else 0
    while m := _PER_AFTER.match(folded, at):
        words = _words(m.group(1))
        if not words:
            break
        nouns.append(" ".join(words))
        at = m.start(1) + len(" ".join(words))
    for m in _EACH.finditer(folded, 0, amount_start):
        words = _words(m.group(1))
        # "mỗi lớp 60 học viên" counts học viên; "mỗi buổi 500 nghìn" is a rate per buổi.
        has = re.match(rf"\s+(?:{_FIGURE})\s+([a-z]+)", folded[m.start(1) + len(" ".join(words)):])
        if words and not (has and not _MONEY.match(has.group(1))):
            nouns.append(" ".join(words))
    return list(dict.fromkeys(nouns))


def _ratios(folded: str) -> list[tuple[str, str, str]]:
    """(of what, how many, of which noun) for each "mỗi học viên 1 bộ" and "1 phiếu/trẻ"."""
    found = [(m.group(1), m.group(2), m.group(3)) for m in _EACH_HAS.finditer(folded)]
    return found + [(m.group(3), m.group(1), m.group(2)) for m in _RATIO.finditer(folded)]


def _each_has(noun: str, folded: str, chain: list[str], request: RequestCounts) -> int | None:
    """"mỗi học viên 1 bộ", "1 phiếu/trẻ" in a line rated per bộ, per phiếu: one for each of the request's học
    viên, trẻ."""
    for of_what, many, counted in _ratios(folded):
        if _MONEY.match(counted.split()[0]):
            continue
        # "mỗi đoàn 1 chuyến trọn tuyến, 3tr5/chuyến": the count's head noun is what the rate is per.
        words = _words(counted)
        if (_same(noun, " ".join(words)) or (words and _same(noun, words[0]))) and \
                not any(_same(of_what, c) for c in chain):
            of = _count_in(of_what, request.found)
            return _number(many) * of if of else None
    return None


# The words after a count that say it is for each of something: "2 rooms per team", "2 phòng mỗi đoàn".
_FOR_EACH = re.compile(rf"^\s*[a-z]+(?: [a-z]+)?{_FOR_ONE}({_NOUN})")


def for_each(after: str, request: RequestCounts, others: list[str]) -> int:
    """How many times a count goes, by the words after it: "2 rooms per team" with 4 teams counted is 8 rooms;
    once when the line counts those itself (`others`, the words after its other factors: "2 giường mỗi trạm x 5
    trạm")."""
    m = _FOR_EACH.match(fold(after))
    words = _words(m.group(1)) if m else []
    if not words or is_day(words[0]) or any(_same(words[0], w) for other in others for w in fold(other).split()[:1]):
        return 1
    return _count_in(" ".join(words), request.found) or 1


def counted_by_rate(folded: str, rate_start: int, rate_end: int, request: RequestCounts) -> int | None:
    """The request's count of what a rate is per, when the line counts none of it: "giải khát 2 buổi x
    20k/người/buổi" for the 40 học viên the request names."""
    nouns = [noun for noun in per_units(folded, rate_start, rate_end) if not is_day(noun)]
    return _count_in(nouns[0], request.found) if nouns else None


def is_day(noun: str) -> bool:
    return _DAY.match(noun.split()[0]) is not None


def line_counts(folded: str, amount_start: int, amount_end: int) -> list[Counted]:
    """The line's own counts, not the amount's figure."""
    return [c for c in counts(folded) if not (amount_start <= c.at < amount_end)]


# A rate given as the line's norm ("80 người, 2 ngày, mức 150.000 đồng") is per each of the units the line counts.
_NORM = re.compile(r"\b(?:muc|dinh muc|don gia|each)\b")
_COUNTABLE = re.compile(r"^(?:nguoi|dai bieu|hoc vien|can bo|bao cao vien|giang vien|bo|cuon|luot|lop|dot|chuyen|xe|mau|xa|"
                        r"people|persons|participants|delegates|trainees|sets|copies|trips)\b")


# A line for everyone the request counts: "cho tất cả đại biểu", "cho số người như trên", "for all participants".
_FOR_ALL = re.compile(r"\b(?:(?:cho\s+)?(?:tat ca|toan bo)(?:\s+cac)?\s+(?:dai bieu|nguoi|hoc vien|thanh vien)"
                      r"|so nguoi (?:nhu tren|tren)|for (?:all|every) (?:the )?(?:participants?|delegates?|trainees?))\b")


# Said before a count, that it is a day's: "mỗi ngày 2 lần giải lao", "each day 2 breaks".
_DAILY_BEFORE = re.compile(r"\b(?:moi|mot|each|per|every) (?:ngay|day)\s*:?\s*$")
# Sessions and breaks: counted a day, they run every day of the event.
_SESSION_HEADS = ("buoi", "session", "sessions", "lan", "luot", "break", "breaks")


def counted_a_day(before: str, after: str) -> bool:
    """Whether a count of sessions or breaks, by the (folded) words before and after it, is a day's: "2 buổi/ngày",
    "2 sessions a day", "mỗi ngày 2 lần"."""
    return every_day(after) or _DAILY_BEFORE.search(before) is not None


def _a_day(folded: str, at: int) -> bool:
    figure = re.match(r"[\d.,]+", folded[at:])
    return bool(figure) and counted_a_day(folded[:at], folded[at + figure.end():])


def factors(folded: str, amount_start: int, amount_end: int, chain: list[str], own: list[Counted],
            request: RequestCounts) -> tuple[int, int] | None:
    """(people, days) for a line rated per the units of `chain`, each counted in the line (`own`, its
    `line_counts`) or in the request; None when the rate is per nothing or nothing it is per is counted."""
    if not chain and _NORM.search(folded[max(0, amount_start - 15):amount_end + 25]):
        chain = [c.noun for c in own if _COUNTABLE.match(c.noun) or is_day(c.noun)][:2]
    people, days = [], []
    for noun in chain:
        head = noun.split()[0]
        own_count = _counted_in(noun, own)
        # "2 rooms per team" with 3 teams counted in the request: 6 rooms.
        count = _each_has(noun, folded, chain, request) or (
            own_count.count * _joined(folded, own_count.at, chain) * for_each(
                folded[own_count.at:].split(" ", 1)[-1], request, [c.noun for c in own if c is not own_count])
            if own_count else None)
        if own_count and count and head in _SESSION_HEADS and _a_day(folded, own_count.at):
            # "2 ngày, 2 buổi/ngày, 20.000 đồng/người/buổi": the sessions are each day's.
            own_days = _counted_in("ngay", own) or _counted_in("days", own)
            count *= own_days.count if own_days else request.days or 1
        if count is None and is_day(head):
            count = request.sessions if head in ("buoi", "session", "sessions") else \
                request.days if head in ("ngay", "day", "days") else None
        if count is None:
            count = _count_in(noun, request.found)
        if count is None and _FOR_ALL.search(folded):  # "in tài liệu cho tất cả đại biểu, 40.000đ/bộ": one each
            count = _count_in("nguoi", request.found)
        if count is not None:
            (days if is_day(head) else people).append(count)
    if people and not days and (nights := [c.count for c in own if is_day(c.noun)]):
        days = nights[:1]  # "2 rooms per team for 4 nights at 350k a room": a room is paid each night the line counts
    return (math.prod(people), math.prod(days)) if people or days else None
