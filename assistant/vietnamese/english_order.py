"""An English summary line read through the glossary keeps the English order of its words: "the 2027 measles-rubella
catch-up vaccination campaign" reads "2027 sởi - rubella tiêm vắc xin bổ sung chiến dịch". An English noun compound
puts its head last; Vietnamese puts it first. So the glossary terms of one run are said in reverse ("chiến dịch tiêm
vắc xin bổ sung sởi - rubella") and the year after them ("năm 2027"); a run after "on" or "for" keeps its place
("lớp tập huấn về kiểm soát nhiễm khuẩn"), and the verb a line opens with stays in front ("Triển khai …"), as does a noun English gives its object with "of".

Only a line made of glossary terms, years and those few English words is put in order: any other English word
left, and there is no Vietnamese line to give (None)."""

from __future__ import annotations

import re
from functools import lru_cache

from .folding import fold
from .glossary import glossary_terms

# English words between the terms of a summary line, and what they are in Vietnamese ("": not said). All but the
# articles end a compound: "results of the EPI" is "kết quả tiêm chủng mở rộng", in that order.
_GLUE = {"the": None, "a": None, "an": None, "of": "", "in": "", "on": "về", "about": "về", "for": "cho", "and": "và"}
# A year the glossary already put after "năm" ("9 tháng đầu năm 2026") stays with it.
_YEARS = re.compile(r"\b(?:(?:in|for|of|the)\s+)*(?<!năm )((?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)\b", re.IGNORECASE)
_OWN_YEAR = re.compile(r"\s+(?:19|20)\d{2}\b")
# What leads in both languages: the verbs a line may open with, and the nouns English gives their object with "of"
# ("the results of the EPI"), which the request has already joined to it ("Kết quả thực hiện tiêm chủng mở rộng").
_LEADING = {"trien khai", "thuc hien", "to chuc", "trien khai thuc hien", "xay dung", "tang cuong",
            "ket qua", "ket qua thuc hien", "tinh hinh"}


@lru_cache(maxsize=1)
def _terms() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern for the glossary's Vietnamese terms, and each in lower case → as the glossary writes it (a line's
    first word is capitalised: "Bệnh dại …" is "bệnh dại" once it moves)."""
    said = sorted(set(glossary_terms().values()), key=len, reverse=True)
    return (re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, said))})(?![\w-])", re.IGNORECASE),
            {term.lower(): term for term in said})


def vietnamese_order(line: str) -> str | None:
    """`line`, an English summary line the glossary has read, in Vietnamese order; None when English is left."""
    years = [m.group(1) for m in _YEARS.finditer(line)]
    rest = _YEARS.sub(" ", line)
    runs: list[list[str]] = [[]]
    glue: list[str] = []
    at = 0
    pattern, written = _terms()
    for m in pattern.finditer(rest):
        between = rest[at:m.start()].split()
        if any(w.lower() not in _GLUE for w in between):
            return None
        if (said := [_GLUE[w.lower()] for w in between if _GLUE[w.lower()] is not None]) and runs[0]:
            runs.append([])  # "For …" at the start opens no run
            glue.append(said[-1])
        term = written[m.group().lower()]
        if term.endswith("năm") and (own := _OWN_YEAR.match(rest, m.end())):
            term, at = term + own.group(), own.end()
        else:
            at = m.end()
        runs[-1].append(term)
    if rest[at:].strip(" ,.") or not runs[0]:
        return None
    first = runs[0]
    lead = [first.pop(0)] if fold(first[0]).lower() in _LEADING else []
    words = lead + first[::-1]
    for joined, run in zip(glue, runs[1:]):
        # "Triển khai for …" ("an implementation plan for …"): what follows the verb is what it does.
        words += ([] if words == lead and not first else [joined]) + run[::-1]
    text = " ".join(w for w in words if w)
    text += "".join(f" {'giai đoạn' if '-' in y or '–' in y else 'năm'} {y}" for y in dict.fromkeys(years))
    return text[:1].upper() + text[1:]
