"""An English summary line read through the glossary keeps the English order of its words: "the 2027 measles-rubella
catch-up vaccination campaign" reads "2027 sởi - rubella tiêm vắc xin bổ sung chiến dịch". An English noun compound
puts its head last; Vietnamese puts it first. So the glossary terms of one run are said in reverse ("chiến dịch tiêm
vắc xin bổ sung sởi - rubella"), then the province ("trên địa bàn tỉnh Khánh Hòa") and the year ("năm 2027"); a run
after "on" or "for" keeps its place ("lớp tập huấn về kiểm soát nhiễm khuẩn"), and the verb a line opens with stays in
front ("Triển khai …"), as does a noun English gives its object with "of".

Only a line made of glossary terms, a province, years and those few English words is put in order: any other English
word left, and there is no Vietnamese line to give (None)."""

from __future__ import annotations

import re
from functools import lru_cache

from .folding import fold
from .glossary import glossary_terms, province_in, province_level, provinces

# English words between the terms of a summary line, and what they are in Vietnamese ("": not said). All but the
# articles end a compound: "results of the EPI" is "kết quả tiêm chủng mở rộng", in that order.
_GLUE = {"the": None, "a": None, "an": None, ",": None, "năm": None, "of": "", "in": "", "on": "về", "about": "về",
         "for": "cho", "and": "và"}
_YEAR = r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?"
# What leads in both languages: the verbs a line may open with, and the nouns English gives their object with "of"
# ("the results of the EPI"), which the request has already joined to it ("Kết quả thực hiện tiêm chủng mở rộng").
_LEADING = {"trien khai", "thuc hien", "to chuc", "trien khai thuc hien", "xay dung", "tang cuong", "phong, chong",
            "ket qua", "ket qua thuc hien", "tinh hinh"}
# The fewest words a summary line cut at a comma may keep.
_SHORTEST_SUMMARY = 4
# "Lam Dong province": the province's line names its level itself ("trên địa bàn tỉnh Lâm Đồng").
_LEVELS = {"tỉnh", "thành phố"}


@lru_cache(maxsize=1)
def _tokens() -> tuple[re.Pattern, dict[str, str]]:
    """A line's tokens: a glossary term in Vietnamese (one ending in "năm" with its year: "9 tháng đầu năm 2026"), a
    year, a province, a word; and each term in lower case → as the glossary writes it (a line's first word is
    capitalised: "Bệnh dại …" is "bệnh dại" once it moves)."""
    said = sorted(set(glossary_terms().values()), key=len, reverse=True)
    places = sorted(provinces(), key=len, reverse=True)
    return (re.compile(rf"(?P<term>(?<![\w-])(?:{'|'.join(map(re.escape, said))})(?![\w-])(?:(?<=năm)\s+{_YEAR}\b)?)"
                       rf"|(?P<year>\b{_YEAR}\b)|(?P<place>\b(?:{'|'.join(map(re.escape, places))})\b)|(?P<word>[^\s,]+|,)",
                       re.IGNORECASE),
            {term.lower(): term for term in said})


def vietnamese_order(line: str) -> str | None:
    """`line`, an English summary line the glossary has read, in Vietnamese order; None when English is left."""
    pattern, written = _tokens()
    runs: list[list[str]] = [[]]
    glue: list[str] = []
    years: list[str] = []
    place = None
    for m in pattern.finditer(line):
        if m["term"] and m["term"].lower() in _LEVELS:
            continue
        if m["term"]:
            found = re.match(rf"(.*?)(\s+{_YEAR})?$", m["term"])
            runs[-1].append(written[found.group(1).lower()] + (found.group(2) or ""))
        elif m["year"]:
            years.append(m["year"])
        elif m["place"]:
            place = province_in(m["place"])
        elif (word := m["word"].lower()) not in _GLUE:
            return None
        elif _GLUE[word] is not None and runs[-1]:  # "For …" at the start opens no run
            runs.append([])
            glue.append(_GLUE[word])
    if not runs[-1] and glue:  # a line that ends on "in" before its year
        runs.pop()
        glue.pop()
    first = runs[0]
    if not first:
        return None
    lead = [first.pop(0)] if fold(first[0]).lower() in _LEADING else []
    words = lead + first[::-1]
    for joined, run in zip(glue, runs[1:]):
        # "Triển khai for …" ("an implementation plan for …"): what follows the verb is what it does.
        words += ([] if words == lead and not first else [joined]) + run[::-1]
    if place:
        words.append(f"trên địa bàn {province_level(place)} {place}")
    words += [f"{'giai đoạn' if '-' in y or '–' in y else 'năm'} {y}" for y in dict.fromkeys(years)]
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:]


def vietnamese_summary(line: str) -> str | None:
    """The longest run of the line, up to a comma, that `vietnamese_order` reads whole: "… thanh tra, kiểm tra năm
    2027, draft dự trù kinh phí table" up to ", draft …". A run cut short says enough to name a document, not a
    person's title ("Phó Chủ tịch, bà … to attend …")."""
    pieces = re.split(r"(?=,\s)", line)
    return next((said for n in range(len(pieces), 0, -1) if (said := vietnamese_order("".join(pieces[:n])))
                 and (n == len(pieces) or len(said.split()) >= _SHORTEST_SUMMARY)), None)
