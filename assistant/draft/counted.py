"""What a request counts, in its order: the people it invites ("mời 80 đại biểu", "40 midwives"), the classes
or teams it names and what each of them has ("4 lớp, mỗi lớp 60 học viên", "2 classes, each with 30 trainees and
3 trainers"), people counted group by group and their sum. quantities.py reads a budget line's rate against these.
Matched folded."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vietnamese.folding import fold
from ..vietnamese.patterns import THOUSANDS
from .event_length import SPELLED, every_day
from .nouns import PERSON, same_thing, singulars

# A count may be spelled ("two teams", "ba lớp", "hai buổi"): it is read wherever a figure is.
FIGURE = rf"{THOUSANDS}|\d+|(?<![a-z])(?:{'|'.join(SPELLED)})(?![a-z])"
# A noun: up to three words.
NOUN = r"[a-z]+(?: [a-z]+){0,2}"
# Days, sessions and nights are the table's "Số ngày".
_DAY = re.compile(r"^(?:ngay|buoi|dem|days?|sessions?|nights?)$")
# A group and what each has: "mỗi lớp (gồm) 60 học viên và 3 giảng viên", "2 classes, each with 30 trainees and 3
# trainers"; its members follow, each "N noun", joined by commas or "và"/"and".
# A verb or the rest of a long name may stand between: "mỗi xã tổ chức 1 buổi", "mỗi Trung tâm Y tế khu vực 2 người".
_GROUP = re.compile(rf"\b(?:moi|each)\s+([a-z]+(?: [a-z]+)?)\s+(?:[a-z]+\s+){{0,4}}?(?=(?:{FIGURE})\s)"
                    rf"|(?<![\d.,/])({FIGURE})\s+({NOUN}),?\s+each\s+(?:with|having|has|of)\s+")
_MEMBER = re.compile(rf"(?:\s*(?:,|\+|\bva\b|\band\b)\s*)?({FIGURE})\s+([a-z]+(?: (?!va\b|and\b|moi\b|each\b)[a-z]+)?)")
# "4 supervision teams, 3 people each", "3 teams of 5 people each": so many for each of the things counted just before;
# people so counted need no "each": "3 classes x 40 trainees", "5 classes of 50 staff", "3 lớp x 40 học viên".
_EACH_AFTER = re.compile(rf"(?<![\d.,/])({FIGURE})\s+({NOUN}),?\s+(?:(?:of|x|×)\s+)?({FIGURE})\s+([a-z]+(?: [a-z]+)?)\s+each\b(?! of)"
                         rf"|(?<![\d.,/])({FIGURE})\s+({NOUN})\s*(?:of|x|×)\s+({FIGURE})\s+({NOUN})")
_FROM_EACH = re.compile(rf"(?<![\d.,/])({FIGURE})\s+(?:[a-z]+(?: [a-z]+)?\s+)?from each of (?:the )?({FIGURE})\s+({NOUN})")
_ONE_EACH = re.compile(rf"(?<![\d.,/])({FIGURE})\s+({NOUN}(?:\s*/\s*[a-z]+)?),?\s+((?:one|1|mot)\s+[a-z]+(?: [a-z]+){{0,2}})\s+each\b")
# "35 trainees per class", "40 học viên/lớp" with the classes counted: so many for each of them.
_PER_GROUP = re.compile(rf"(?<![\d.,/])({FIGURE})\s+({NOUN}?)\s*(?:/\s*|\s+(?:per|moi|mot|each)\s+)([a-z]+(?: [a-z]+)?)\b")
MONEY = re.compile(r"^(?:nghin|ngan|trieu|tr|ty|dong|d|vnd|k|million|thousand|billion)$")
_STOP = {"cho", "for", "at", "x", "va", "and", "plus", "moi", "mot", "each", "per", "trong", "of", "the", "every", "ca", "tu", "den"}


def number(text: str) -> int:
    return SPELLED.get(text) or int(re.sub(r"[.,]", "", text))


def noun_words(noun: str) -> list[str]:
    """A noun's words up to the first that is no part of it: "tram cho 62" → ["tram"]."""
    words = []
    for word in noun.split():
        if word in _STOP:
            break
        words.append(word)
    return words


@dataclass
class Counted:
    noun: str
    count: int
    at: int
    # "4 lớp, mỗi lớp 60 học viên": 240 học viên, 60 for each lớp; a line priced per học viên per lớp takes 60.
    each: int | None = None
    of: str = ""
    # "các xã, phường 124 người": the words that say whose the count is, for a line "cho đại biểu xã, phường".
    label: str = ""


def counts(folded: str) -> list[Counted]:
    """Every "N noun" in a folded text, a noun of up to three words ("20 twin rooms": see `count_in`); "4 teams, 3
    people each" counts 12 people."""
    found = []
    for m in re.finditer(rf"(?<![\d.,/])({FIGURE})\s+({NOUN})", folded):
        # Right after a figure "ca" is a case counted ("2.000 ca"), not "cả" (all) that ends a noun elsewhere.
        words = noun_words(m.group(2)) or (["ca"] if m.group(2).split()[0] == "ca" else [])
        # "20 from the Department", "30 của TTKSBT": people; not "năm học 2027-2028 của Sở", "tác hại của thuốc lá".
        of_unit = words[:1] == ["cua"] and m.group(1).isdigit() and not re.fullmatch(r"(?:19|20)\d\d", m.group(1))
        words = ["nguoi"] if words[:1] == ["from"] or of_unit else words
        if words and not MONEY.match(words[0]):
            label = re.search(r"([a-z]+(?: [a-z]+){0,2})\s*:?\s*$", re.split(r"[,;:(.]", folded[:m.start()])[-1])
            found.append(Counted(" ".join(words), number(m.group(1)), m.start(), label=label.group(1) if label else ""))
    found.sort(key=lambda c: c.at)
    for m in _EACH_AFTER.finditer(folded):
        said_each = m.group(1) is not None
        groups, members = m.groups()[0:4] if said_each else m.groups()[4:8], noun_words((m.group(4) or m.group(8)))
        group = " ".join(noun_words(groups[1]))
        if not group or not members or MONEY.match(members[0]) or MONEY.match(group.split()[0]) or is_day(members[0]) \
                or is_day(group) or not (said_each or (PERSON.match(" ".join(members)) and not PERSON.match(group))):
            continue
        at = m.start(3 if said_each else 7)
        found = [c if c.at != at else Counted(c.noun, number(groups[0]) * c.count, c.at, c.count, group) for c in found]
    for m in _ONE_EACH.finditer(folded):  # "103 communes, one station each": 103 stations
        found = [c if c.at != m.start(3) else Counted(c.noun, number(m.group(1)), c.at) for c in found]
    for m in _FROM_EACH.finditer(folded):  # "3 (delegates) from each of the 10 centres": 30 people, 3 for each centre
        group = " ".join(noun_words(m.group(3)))
        found = [c if c.at != m.start(1) else Counted(c.noun, number(m.group(2)) * c.count, c.at, c.count, group) for c in found]
    return found


def counted_in(noun: str, found: list[Counted]) -> Counted | None:
    """A noun among those found, by its longest opening words that name something counted ("mỗi người được hỗ
    trợ" is per người), matched to a counted noun's words or its head (`20 twin rooms`, `80 đại biểu` for
    `người`)."""
    words = noun.split()
    # The noun itself before anyone counted: "per trainee" is the trainees', not the first people counted.
    for alike in (lambda a, b: bool(singulars(a) & singulars(b)), same_thing):
        for n in range(len(words), 0, -1):
            wanted = " ".join(words[:n])
            for c in found:
                counted = c.noun.split()
                heads = {" ".join(counted[a:b]) for a in (0, 1) for b in range(a + 1, len(counted) + 1)}
                if any(alike(wanted, head) for head in heads):
                    return c
    return None


def count_in(noun: str, found: list[Counted]) -> int | None:
    counted = counted_in(noun, found)
    return counted.count if counted else None


@dataclass
class RequestCounts:
    """What the request counts, in its order: the people, classes, teams it names; the event's length. Days and
    sessions said for each class ("3 lớp, mỗi lớp học 2 ngày") are also counted over all of them (`days_in_all`):
    a hall is hired 6 days, while each of the classes' people eats 2."""
    found: list[Counted]
    days: int | None = None
    sessions: int | None = None
    nights: int | None = None
    days_in_all: int | None = None
    sessions_in_all: int | None = None
    # Days said for each place one team visits ("9 hospitals, one day each"): the team works all of them.
    days_visited: int | None = None

    @property
    def stay_nights(self) -> int:
        """The nights a line paid per night counts when it says none: those the request says, else the nights between
        the event's days ("mỗi đoàn đi 6 ngày": 5 đêm), at least one."""
        return self.nights or max((self.days or 1) - 1, 1)


_GROUP_BETWEEN = re.compile(r"^[a-z ]*,\s*(?:(?:va|and|plus)\s+)?\d+\s+[a-z ]+,?\s*(?:moi|each)\s+[a-z ]+$")


def groups_summed(folded: str, whole: list[Counted]) -> list[Counted]:
    """The counts with, before each run of people counted group by group ("khách mời 12 người, lãnh đạo Sở 04
    người, các đơn vị 54 người", "45 participants plus 3 trainers and 2 organisers"), their sum: all of them, for a
    line priced per person with no count of its own."""
    persons = sorted((c for c in whole if PERSON.match(c.noun)), key=lambda c: c.at)
    runs: list[list[Counted]] = []
    for count in persons:
        figure = re.match(rf"{FIGURE}", folded[runs[-1][-1].at:]) if runs else None
        between = folded[runs[-1][-1].at + figure.end():count.at] if figure else ""
        # A group's members may follow the group's own count: "20 đại biểu Sở, 10 TTYT, mỗi TTYT 3 người".
        # "42 đại biểu, trong đó có 20 cộng tác viên": the 20 are among the 42, not more.
        if figure and re.search(r",|\b(?:plus|and|va)\b", between) and not re.search(r"[;.:]|\b(?:trong do|of whom|among)\b", between) and (
                not re.search(r"\d", between) or (count.of and _GROUP_BETWEEN.match(between))):
            runs[-1].append(count)
        else:
            runs.append([count])
    # People of several kinds are "người"; a class's members are summed where the class is read.
    sums = [Counted(run[0].noun if len({c.noun for c in run}) == 1 else "nguoi", sum(c.count for c in run), run[0].at)
            for run in runs if len(run) > 1 and not all(c.of for c in run)]
    return sums + whole  # a sum stands before its groups, at the first one's place


def _per_group(folded: str, whole: list[Counted]) -> list[Counted]:
    """People or things counted for each of a group the text counts, not a person or a day: "4 classes, 35 trainees
    per class" is 140 trainees, 35 for each class."""
    for m in _PER_GROUP.finditer(folded):
        member, group = " ".join(noun_words(m.group(2))), " ".join(noun_words(m.group(3)))
        if not member or not group or MONEY.match(member.split()[0]) or is_day(member) or is_day(group) or PERSON.match(group):
            continue
        of = next((c for c in whole if c.at != m.start(1) and counted_in(group, [c]) and not c.of), None)
        if of:
            whole = [c if c.at != m.start(1) or c.of else Counted(c.noun, of.count * c.count, c.at, c.count, group)
                     for c in whole]
    return whole


_DAYS_EACH = re.compile(rf"(?<![\d.,/])({FIGURE})\s+({NOUN}),\s+({FIGURE})\s+days?\s+each\b")
# Groups whose people are their own, each attending its own days: classes, courses, rounds.
_CLASS = re.compile(r"^(?:lop|khoa|dot|classe?s?|courses?|rounds?|batch(?:es)?)\b")


# "mỗi đơn vị", "each unit", "mỗi nơi": each of the things counted just before, whatever they are called.
_ANY_GROUP = re.compile(r"^(?:don vi|noi|co so|unit|units|one|of them)$")


def _named_before(group: str, before: str, whole: list[Counted]) -> int | None:
    """The count of the things counted last before "mỗi đơn vị" ("10 TTYT khu vực, mỗi đơn vị 3 người": 10)."""
    if not _ANY_GROUP.match(" ".join(noun_words(group))):
        return None
    things = [c for c in whole if c.at < len(before) and not PERSON.match(c.noun) and not is_day(c.noun)
              and not MONEY.match(c.noun.split()[0])]
    return things[-1].count if things else None


# "chủ tọa: mỗi buổi 3 người" counts a session's, not the event's people.
_EACH_SESSION_BEFORE = re.compile(r"\b(?:moi|each|per) (?:buoi|ngay|phien|session|day)\s*:?\s*$")


def request_counts(texts: list[str], days: int | None, sessions: int | None, nights: int | None = None,
                   a_day: int | None = None) -> RequestCounts:
    """The request's counts; `a_day`, the sessions of each day ("2 buổi/ngày"), counts the sessions of the event's
    days and of all its classes' days."""
    found: list[Counted] = []
    in_all: dict[str, int] = {}
    day_groups: list[str] = []
    each_days: int | None = None
    for text in texts:
        folded = fold(text)
        whole = [c for c in counts(folded) if not _EACH_SESSION_BEFORE.search(folded[:c.at])]
        # "4 lớp, mỗi lớp 60 học viên": 240 học viên.
        for m in _GROUP.finditer(folded):
            group = m.group(1) or m.group(3)
            if group.split()[0] in ("buoi", "session", "sessions") or not (of := count_in(group, whole) or count_in(group, found) or _named_before(group, folded[:m.start()], whole)):
                continue  # a session is no group of people: "chủ tọa mỗi buổi 3 người"
            run, end = [], m.end()
            while member := _MEMBER.match(folded, end):
                if run and not PERSON.match(" ".join(noun_words(member.group(2)))) and not is_day(member.group(2)) and \
                        re.match(r"(?:\s+[a-z]+){0,4}\s*,?\s*(?:moi|each)\b", folded[member.end():]):
                    break  # "…, 12 TTYT khu vực mỗi đơn vị 2 người": a group of its own, no member of this one
                run.append(member)
                end = member.end()
            for figure in run:
                # "mỗi lớp 2 ngày, 2 buổi/ngày": the buổi are each day's, counted with `a_day`.
                if is_day(figure.group(2)) and not every_day(folded[figure.start(2):]):
                    in_all.setdefault(figure.group(2).split()[0], of * number(figure.group(1)))
                    day_groups.append(group)
                    if is_day_count(figure.group(2)):
                        each_days = each_days or number(figure.group(1))
            kept = [f for f in run if noun_words(f.group(2)) and not (MONEY.match(f.group(2).split()[0]) or is_day(f.group(2)))]
            taken = {figure.start(1) for figure in kept}
            whole = [c for c in whole if c.at not in taken] + [
                Counted(" ".join(noun_words(f.group(2))), of * number(f.group(1)), f.start(1), number(f.group(1)), group)
                for f in kept]
            persons = [f for f in kept if PERSON.match(" ".join(noun_words(f.group(2))))]
            if len(persons) > 1:  # "each with 30 trainees and 3 trainers": 33 people a class, all of them
                each = sum(number(f.group(1)) for f in persons)
                whole.append(Counted("nguoi", of * each, persons[0].start(1) - 1, each, group))
        whole = _per_group(folded, whole)
        # "2 days per class": each class's days, and all the classes' days.
        for m in _PER_GROUP.finditer(folded):
            group = " ".join(noun_words(m.group(3)))
            if is_day_count(m.group(2) or "x") and (of := count_in(group, whole) or count_in(group, found)):
                in_all.setdefault("ngay", of * number(m.group(1)))
                each_days = each_days or number(m.group(1))
        for m in _DAYS_EACH.finditer(folded):  # "9 hospitals, one day each"
            in_all.setdefault("ngay", number(m.group(1)) * number(m.group(3)))
            each_days, day_groups = each_days or number(m.group(3)), day_groups + [m.group(2)]
        found += sorted(groups_summed(folded, whole), key=lambda c: c.at)
    days_in_all = next((n for head, n in in_all.items() if head in ("ngay", "day", "days")), None)
    sessions_in_all = next((n for head, n in in_all.items() if head in ("buoi", "session", "sessions")), None)
    days = days or each_days
    if a_day:
        sessions = sessions or a_day * (days or 1)
        sessions_in_all = a_day * days_in_all if days_in_all else sessions_in_all
    visited = days_in_all if day_groups and not _CLASS.match(day_groups[0]) and not any(
        c.of and same_thing(c.of, day_groups[0]) and PERSON.match(c.noun) for c in found) else None
    return RequestCounts([c for c in found if not _DAY.match(c.noun.split()[0])], days, sessions, nights,
                         days_in_all, sessions_in_all, visited)


def is_day_count(noun: str) -> bool:
    return noun.split()[0] in ("ngay", "day", "days")  # not sessions or nights


def is_day(noun: str) -> bool:
    return _DAY.match(noun.split()[0]) is not None
