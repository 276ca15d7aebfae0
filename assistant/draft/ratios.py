"""So many of one thing for each of another, in a budget line: "mỗi học viên 1 bộ", "1 phiếu/trẻ", "2 rooms per
team", and the count said without its noun, which is the line's own ("vehicles: 1 per team", "banners: 2 per
commune"). Matched folded."""

from __future__ import annotations

import math
import re

from .counted import FIGURE, MONEY, NOUN, Counted, RequestCounts, count_in, is_day, noun_words, number
from .nouns import PERSON, same_thing

# "mỗi lớp 60 học viên", "mỗi học viên 1 bộ": so many of one thing for each of another.
_EACH_HAS = re.compile(rf"\bmoi\s+([a-z]+(?: [a-z]+)?)\s+({FIGURE})\s+({NOUN})")
# What stands between a count and what it is for each of: "1 phiếu/trẻ", "2 rooms per team", "2 phòng mỗi đoàn".
FOR_ONE = r"(?:\s*/\s*|\s+(?:per|moi|(?:for|from|in|at|of) each|(?:tu|o|tai) moi)\s+)"
# So many of one thing for each of another, as a ratio.
_RATIO = re.compile(rf"(?<![\d.,/])({FIGURE})\s+([a-z]+(?: [a-z]+)?){FOR_ONE}([a-z]+(?: [a-z]+)?)")
# "BP monitors: 1 per station": the count's noun is the line's.
_BARE = re.compile(rf"(?<![\d.,/])({FIGURE})\s+(?:per|moi|for each)\s+({NOUN})")


def people_of_each(group: str, chain: list[str], own: list[Counted], request: RequestCounts) -> bool:
    """Whether a line paid per person counts its people for each of `group`: "4 đoàn x 3 người, mỗi đoàn 6 ngày,
    …/người/ngày" is each person's 6 days, the đoàn counted with the people."""
    return bool(PERSON.match(chain[0])) and any(c.of and same_thing(c.of, group) and PERSON.match(c.noun)
                                                for c in own + request.found)


def _ratios(folded: str) -> list[tuple[str, str, str]]:
    """(of what, how many, of which noun) for each "mỗi học viên 1 bộ" and "1 phiếu/trẻ"."""
    found = [(m.group(1), m.group(2), m.group(3)) for m in _EACH_HAS.finditer(folded)]
    return found + [(m.group(3), m.group(1), m.group(2)) for m in _RATIO.finditer(folded)]


def each_has(noun: str, folded: str, chain: list[str], request: RequestCounts, own: list[Counted],
             amount: tuple[int, int] = (0, 0)) -> int | None:
    """"mỗi học viên 1 bộ", "1 phiếu/trẻ" in a line rated per bộ, per phiếu: one for each of the request's học
    viên, trẻ; "1 per team" in a line rated per vehicle, with 4 teams counted: 4. `amount`, where the line's rate
    stands ("25,000 per person" is no count)."""
    for of_what, many, counted in _ratios(folded):
        if MONEY.match(counted.split()[0]):
            continue
        # "12 người …, 2 người per room, 600.000 per room-night": as many rooms as the people fill, 6.
        if same_thing(noun, of_what) and PERSON.match(counted) and not any(PERSON.match(c) for c in chain) and (
                people := next((c.count for c in own if PERSON.match(c.noun) and c.count != number(many)), None)):
            return math.ceil(people / number(many))
        # "mỗi đoàn 1 chuyến trọn tuyến, 3tr5/chuyến": the count's head noun is what the rate is per.
        words = noun_words(counted)
        if (same_thing(noun, " ".join(words)) or (words and same_thing(noun, words[0]))) and \
                not any(same_thing(of_what, c) for c in chain):
            # "khám 3.000 người: que thử 1 que/người": the line's own count of them first.
            of = 1 if is_day(noun) and people_of_each(of_what, chain, own, request) else \
                count_in(of_what, [c for c in own if c.noun != counted and not is_day(c.noun)]) or count_in(of_what, request.found)
            return number(many) * of if of else None
    if noun != chain[0] or is_day(noun):
        return None
    for m in _BARE.finditer(folded):
        group = " ".join(noun_words(m.group(2)))
        if group and not amount[0] <= m.start() < amount[1] and not any(same_thing(group, c) for c in chain):
            return number(m.group(1)) * of if (of := count_in(group, request.found)) else None
    return None


def many_per_group(folded: str, request: RequestCounts) -> int | None:
    """All the things a line gives so many of for each group the request counts: "one rented car per team" with 3
    teams is 3 cars."""
    for of_what, many, counted in _ratios(folded):
        if not MONEY.match(counted.split()[0]) and not is_day(counted) and (of := count_in(of_what, request.found)):
            return number(many) * of
    return None
