"""When nouns name people, and when two nouns name the same thing: "rooms" is "room", "2 teams" the "đoàn" an English
request's translated lines are per, a "car" the "vehicle" a rate is per."""

from __future__ import annotations

import re
from functools import lru_cache

from ..vietnamese.folding import fold
from ..vietnamese.glossary import english_terms

# People counted, maybe with what they do ("5 phóng viên đưa tin", "20 học viên ở xa"): a noun of one who does a job
# ("điều tra viên", "phóng viên"; a "bệnh viện" is none).
PERSON = re.compile(r"^(?:nguoi|dai bieu|can bo|nhan vien|nu ho sinh|ho sinh|bac si|duoc si|y si|chu toa|thu ky|lai xe|"
                     r"khach moi|dieu duong|hoc sinh|chuyen gia|giam khao|thi sinh|(?!benh )(?:[a-z]+ ){1,2}vien|"
                     r"people|persons?|participants?|delegates?|trainees?|staff|midwi(?:fe|ves)|"
                     r"nurses?|doctors?|students?|learners?|trainers?|health workers?|experts?|speakers?|presenters?|"
                     r"ban to chuc|organi[sz]ers?|judges?|members?|volunteers?|inspectors?|drivers?|officers?|officials?|workers?|"
                     r"reporters?|journalists?|chairs?|chairpersons?|surveyors?|enumerators?|interpreters?|secretar(?:y|ies)|"
                     r"pharmacists?|technicians?|collaborators?|guests?|lecturers?|vaccinators?|supervisors?|managers?|attendees?|invitees?|"
                     r"representatives?|employees?|facilitators?|coordinators?|moderators?|mentors?|y ta|ho ly)(?: [a-z]+){0,3}$"
                    # an English noun of people after what they do: "school kitchen managers", "commune health workers"
                    r"|^(?:[a-z]+ ){1,2}(?:managers?|officials?|workers?|staff|officers?|leaders?|teachers?|volunteers?|members?)$")

def singulars(noun: str) -> set[str]:
    """An English noun and what it may be the plural of: "rooms", "boxes", "midwives"."""
    forms = {noun}
    for plural, singular in (("ves", "fe"), ("es", ""), ("s", "")):
        if noun.endswith(plural) and len(noun) > len(plural) + 2:
            forms.add(noun[:-len(plural)] + singular)
    return forms


@lru_cache(maxsize=512)
def _named(noun: str) -> str:
    """A noun as Vietnamese names it: an English request's "2 teams" counts the "đoàn" its translated lines are per."""
    return fold(english_terms(noun))


# Things called by other words in one request: "car rental … per vehicle per day, one car per team".
_ALIKE = ({"xe", "car", "vehicle", "o to", "bus", "xe o to"},)


def same_thing(a: str, b: str) -> bool:
    return bool(singulars(a) & singulars(b)) or _named(a) == _named(b) or (
        PERSON.match(a) is not None and PERSON.match(b) is not None) or any(
        singulars(a) & group and singulars(b) & group for group in _ALIKE)
