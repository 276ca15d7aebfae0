"""English words of health administration put into house-style Vietnamese (data/english.toml), longest
first, whole words, any case: how an English drafting request reaches a Vietnamese draft without an LLM; and
health terms typed as acronyms (data/terms.toml) written out; and for a search, the full names of the abbreviations a
question types (data/abbreviations.toml, terms.toml)."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from .folding import fold
from .language import has_marks
from .patterns import clock
from .places import province_names


_GLOSSED = re.compile(r"(?<![\w(])(['‘\"“]?)([^\W\d_][^()'‘’\"“”]{2,60}?)(['’\"”]?)\s*\(\2\)")


_SPELLINGS = [(r"isation\b", "ization"), (r"ization\b", "isation"), (r"ise(d?)\b", r"ize\1"), (r"ize(d?)\b", r"ise\1"),
              (r"programme\b", "program"), (r"program\b", "programme"), (r"centre\b", "center"), (r"center\b", "centre"),
              (r"licence\b", "license"), (r"license\b", "licence")]


def _spellings(term: str) -> set[str]:
    """The term in its other spellings: hyphenated, and each British or American ending of its words changed alike."""
    spelt = {term, term.replace(" ", "-")}  # a compound used as a modifier is hyphenated: "food-safety inspection"
    for pattern, other in _SPELLINGS:
        spelt |= {re.sub(pattern, other, s) for s in spelt}
    return spelt


@lru_cache(maxsize=8)
def _glossary(name: str, any_case: bool, *more: str) -> tuple[re.Pattern, dict[str, str]]:
    """The terms of data/`name` (and of the `more` files, where `name` lacks them) and a pattern for them as whole
    words, longest first; with `any_case` the terms are keyed in lower case."""
    terms: dict[str, str] = {}
    for file in reversed((name, *more)):
        terms |= tomllib.loads(resources.files(__package__).joinpath(f"data/{file}").read_text("utf-8"))["terms"]
    if any_case:
        terms = {term.lower(): said for term, said in terms.items()}
        # Written in British or American spelling alike ("Expanded Programme on Immunization").
        terms = {spelt: said for term, said in terms.items() for spelt in _spellings(term)} | terms
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w/-])(?:{alternatives})(?![\w/-])", re.IGNORECASE if any_case else 0), terms


# "the first 10 months of 2026" is "10 tháng đầu năm 2026", as the documents write a period of months.
_MONTHS = re.compile(r"\b(?:the\s+)?(first|last|remaining)\s+(\d{1,2}|three|nine|ten|eleven)\s+months(?:\s+of(?:\s+the\s+year)?)?\b",
                     re.IGNORECASE)
_COUNTS = {"three": "3", "nine": "9", "ten": "10", "eleven": "11"}


def _months(m: re.Match) -> str:
    return f"{_COUNTS.get(m.group(2).lower(), m.group(2))} tháng {'đầu' if m.group(1).lower() == 'first' else 'cuối'} năm"


def terms_written_out(text: str) -> str:
    """"KCB BHYT" is "khám bệnh, chữa bệnh bảo hiểm y tế": acronyms typed in capitals, written out."""
    pattern, terms = _glossary("terms.toml", any_case=False)

    def written(m: re.Match) -> str:
        said = terms[m.group()]
        # Before a name's word the term opens the name ("BV Đa khoa", "BV YHCT" are "Bệnh viện Đa khoa", "Bệnh
        # viện Y học cổ truyền"); before another acronym ("KCB BHYT") it is a common noun.
        after = re.match(r"\s+(\w+)", text[m.end():])
        named = after and (re.fullmatch(r"[A-ZĐ][^A-ZĐ]*", after.group(1)) or terms.get(after.group(1), "")[:1].isupper())
        return said[:1].upper() + said[1:] if named else said
    return pattern.sub(written, text)


@lru_cache(maxsize=1)
def _lower_acronyms() -> re.Pattern:
    # Bodies of three letters or more ("ubnd"); health terms of four or more ("bhyt", "ctmtqg": "tha" is a word).
    bodies, health = _glossary("abbreviations.toml", any_case=True)[1], _glossary("terms.toml", any_case=False)[1]
    typed = sorted({t for t in bodies if t.isascii() and len(t) >= 3} |
                   {t.lower() for t in health if t.isascii() and len(t) >= 4}, key=len, reverse=True)
    return re.compile(rf"(?<![\w/-])(?:{'|'.join(map(re.escape, typed))})(?![\w/-])")


def acronyms_in_capitals(text: str) -> str:
    """Acronyms of bodies and health terms typed in lower case ("ubnd tinh", "bhxh", "bhyt") written in capitals, as
    the house style keeps them or writes them out: the restorer would read them as words ("uốn tỉnh"). Two-letter
    ones ("tb", "kh") may be words."""
    return _lower_acronyms().sub(lambda m: m.group().upper(), text)


# Where a meeting sits, the Vietnamese way: "the 3rd-floor meeting hall" is "hội trường tầng 3", "on the 2nd
# floor" is "tầng 2", "Hall A" is "Hội trường A", "meeting room no. 2" is "Phòng họp số 2".
_ROOMS = ((re.compile(r"\b(?:the\s+)?(\d+)(?:st|nd|rd|th)[- ]floor\s+((?:meeting\s+|conference\s+)?(?:hall|room))\b",
                      re.IGNORECASE), r"\2 tầng \1"),
          (re.compile(r"\b(?:on\s+)?(?:the\s+)?(\d+)(?:st|nd|rd|th)\s+floor\b", re.IGNORECASE), r"tầng \1"),
          (re.compile(r"\bHall\s+([A-Z0-9]{1,3})\b"), r"Hội trường \1"),
          (re.compile(r"\b((?:meeting\s+)?room)\s+(?:no\.?\s*|number\s+)(\d+[A-Z]?)\b", re.IGNORECASE), r"\1 số \2"))


# What an English request's draft says of the English it still holds: the request's glossary and its phrases.
DRAFT_GLOSSARY = ("english.toml", "english_phrases.toml")


def english_terms(text: str) -> str:
    pattern, terms = _glossary("english.toml", any_case=True)
    return said_once(pattern.sub(lambda m: terms[m.group().lower()], rooms_and_months(text)))


def rooms_and_months(text: str) -> str:
    """Rooms and periods of months as the house style writes them, before any term is read."""
    for rooms, said in _ROOMS:
        text = rooms.sub(said, text)
    return _MONTHS.sub(_months, text)


def said_once(text: str) -> str:
    """"Planning-Finance Division (Phòng Kế hoạch - Tài chính)" reads the same twice once translated: once is enough.
    Its quotes stay: "the part 'Tổ chức thực hiện'" names a part."""
    return _GLOSSED.sub(r"\1\2\3", text)


def term_matches(text: str, glossary: tuple[str, ...]) -> list[tuple[re.Match, str]]:
    """Each term of the glossary files the text holds, with its Vietnamese."""
    pattern, terms = _glossary(*glossary[:1], True, *glossary[1:])
    return [(m, terms[m.group().lower()]) for m in pattern.finditer(text)]


# What an English question quotes in Vietnamese: "(khoa chuyên môn)", "“y tế tư nhân”" (an apostrophe is a
# possessive's: "people's").
_QUOTED = re.compile(r"\(([^()]+)\)|[\"“‘]([^\"“”‘’]+)[\"”’]")


def vietnamese_in_english(text: str) -> str:
    """The Vietnamese an English question holds: its glossary terms in Vietnamese ("provincial CDC" → "Trung tâm
    Kiểm soát bệnh tật tỉnh"), what it quotes in Vietnamese ("(khoa chuyên môn)": marked words, the unmarked ones of
    the phrase with them) and the other words it types with marks (names: "Lai Châu")."""
    pattern, terms = _glossary("english.toml", any_case=True)
    said = [terms[m.group().lower()] for m in pattern.finditer(text)]
    quoted = [q for m in _QUOTED.finditer(text) for q in m.groups() if q and fold(q) != q.lower()]
    marked = [w for w in re.findall(r"[^\W\d_]+", _QUOTED.sub(" ", text)) if fold(w) != w.lower()]
    return " ".join(said + quoted + marked)


# Centrally governed cities: their People's Committee is "UBND THÀNH PHỐ …", not "UBND TỈNH …".
_MUNICIPALITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}


@lru_cache(maxsize=1)
def _provinces() -> dict[str, str]:
    """Every name a province goes by, folded (`tp.hcm`) → its own name with its marks (`Hồ Chí Minh`)."""
    return {fold(other): name for other, name in province_names().items()}


def province_level(name: str | None) -> str:
    """"thành phố" for a centrally governed city, else "tỉnh"."""
    return "thành phố" if name in _MUNICIPALITIES else "tỉnh"


def provinces() -> list[str]:
    """The provinces' names, with their marks."""
    return list(dict.fromkeys(_provinces().values()))


def province_in(text: str) -> str | None:
    """The first province the text names, written with its marks, however it was typed."""
    folded = fold(text)
    found = [(m.start(), name) for key, name in _provinces().items()
             for m in [re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded)] if m]
    return min(found)[1] if found else None


MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?" \
         r"|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s+(\d{{4}})\b", re.IGNORECASE)
_DAYS_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|-|–|and|until)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+"
                              rf"{_MONTH}\s*,?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_DAYS_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|-|–|and|until|through)\s*(\d{{1,2}})"
                              r"(?:st|nd|rd|th)?\s*,?\s+(\d{4})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(\d{{4}})\b", re.IGNORECASE)
_HOUR = re.compile(r"(?<![\d.:])\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\b\.?", re.IGNORECASE)  # "8.30 a.m." too
# A slot of a programme typed with points: "7.30–8.00" (no decimals).
_SLOT = re.compile(r"(?<![\d.,])\b(\d{1,2})\.(\d{2})\s*(?:[–—-]|to)\s*(\d{1,2})\.(\d{2})\b(?![.,]\d)")


def _date(day: str, month: str, year: str) -> str:
    number = next(n for n, name in enumerate(MONTHS_EN, 1) if name.startswith(month.lower()[:3]))
    return f"{int(day):02d}/{number:02d}/{year}"


def english_dates(text: str) -> str:
    """English dates and hours as the house style writes them: "10 December 2026" and "December 10, 2026" are
    10/12/2026, "6 to 25 April 2026" and "April 6 to 25, 2026" are "06 đến 25/04/2026" (as Vietnamese types a range),
    "5:00 p.m." is 17h00, a slot "7.30–8.00" is 07h30 - 08h00."""
    text = _DAYS_MONTH_YEAR.sub(lambda m: f"{int(m.group(1)):02d} đến {_date(m.group(2), m.group(3), m.group(4))}", text)
    text = _MONTH_DAYS_YEAR.sub(lambda m: f"{int(m.group(2)):02d} đến {_date(m.group(3), m.group(1), m.group(4))}", text)
    text = _DAY_MONTH_YEAR.sub(lambda m: _date(m.group(1), m.group(2), m.group(3)), text)
    text = _MONTH_DAY_YEAR.sub(lambda m: _date(m.group(2), m.group(1), m.group(3)), text)
    text = _SLOT.sub(lambda m: f"{clock(int(m.group(1)), m.group(2))} - {clock(int(m.group(3)), m.group(4))}", text)
    return _HOUR.sub(lambda m: clock(hour_24(m.group(1), m.group(3)), m.group(2)), text)


def hour_24(hour: str, meridiem: str) -> int:
    """"5" p.m. is 17, "12" a.m. is 0: an English hour on the 24-hour clock (`meridiem`: "a" or "p")."""
    return int(hour) % 12 + (12 if meridiem.lower() == "p" else 0)


def written_in_full(text: str) -> str:
    """The text with the abbreviations and health acronyms it types replaced by their full names ("đóng BHYT cho
    người có công" → "đóng bảo hiểm y tế cho người có công"), as the documents write them."""
    for name, any_case in (("abbreviations.toml", True), ("terms.toml", False)):
        pattern, terms = _glossary(name, any_case)
        text = pattern.sub(lambda m: terms[m.group().lower() if any_case else m.group()], text)
    return text


def spelled_out(text: str) -> list[str]:
    """The full names of the abbreviations and health acronyms the text types ("UBND huyện" → Ủy ban nhân dân),
    once each, for a search to find the documents that write them in full."""
    found = []
    for name, any_case in (("abbreviations.toml", True), ("terms.toml", False)):
        pattern, terms = _glossary(name, any_case)
        found += [terms[m.group().lower() if any_case else m.group()] for m in pattern.finditer(text)]
    return list(dict.fromkeys(found))


def glossary_terms(glossary: tuple[str, ...] = ("english.toml",)) -> dict[str, str]:
    """The English glossary: each term in lower case, in each spelling, and its house-style Vietnamese."""
    return _glossary(*glossary[:1], True, *glossary[1:])[1]


# An English name glossed in Vietnamese in brackets ("the Hai Phong City Social Insurance (Bảo hiểm xã hội thành phố
# Hải Phòng)"): the user's own Vietnamese, read before the glossary turns the English words around it. Not a
# part's numeral ("IV (Kinh phí)"), a person's name ("… Minh Khoa (KT. GIÁM ĐỐC)") nor a gloss in two languages.
_GLOSSED_NAME = re.compile(r"(?<![^\W\d_])(?<![^\x00-\x7f] )((?:[A-Z][A-Za-z&.'-]*(?:\s+|\s*[-–]\s*)(?:(?:of|and|for|on|in)\s+)?){1,6}"
                      r"[A-Z][A-Za-z&.'-]*)\s*\(([^()/–]*[^\x00-\x7f][^()/–]*)\)")


def _glossed(match: re.Match) -> str:
    english, gloss = match.group(1), match.group(2)
    return gloss if has_marks(gloss) and not gloss.isupper() and not re.fullmatch(r"[IVX]+", english) else match.group()


def glossed_names(text: str) -> str:
    """English names the user glossed in Vietnamese, in their Vietnamese."""
    return _GLOSSED_NAME.sub(_glossed, text)
