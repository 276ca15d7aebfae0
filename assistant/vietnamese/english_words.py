"""The English a draft of an English request still holds, said in Vietnamese: its phrases from the glossaries
(english.toml, english_phrases.toml), its other words one by one (english_words.toml), and a noun compound head
first ("the national pharmacy database" is "cơ sở dữ liệu dược quốc gia") after the verb that opens its clause
("compile reports" stays "tổng hợp báo cáo"). No translator runs offline; English order is otherwise kept, which
plain administrative Vietnamese mostly shares, and gives Vietnamese a user can correct, where English left in is
not. A word the dictionaries lack stays, and the draft warns of it.

Only English is read: a word of the dictionary, unless it is also a Vietnamese word a draft writes without marks
("in", "an", "do": data's `both`), which is English only beside an English word, so "in tài liệu" and "do Sở chủ
trì" stay Vietnamese while "report to the Department" is read. Addresses, codes and names are left as typed."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .glossary import DRAFT_GLOSSARY, glossary_terms, rooms_and_months, said_once, term_matches
from .language import is_code, is_syllable

# A letter alone is a numeral, a name or an item's letter ("quý I", "Hội trường A", "a) …"), but for the article "a"
# before a word.
_WORD = re.compile(r"(?<![\w@./-])(?:[A-Za-z][A-Za-z'’-]*[A-Za-z](?:['’]s)?|a(?=\s+[^\W\d_]))(?![\w@/-]|\.\w)")
# What may stand between two words of one English run: spaces and light punctuation, no figure and no Vietnamese.
_BETWEEN = re.compile(r"[\s,;:()'’\"“”–-]*")
_POSSESSIVE = re.compile(r"['’]s$")
# What opens a line before its first word: a bullet, a number, a part's numeral.
_OPENING = r"^\s*(?:(?:[-+•*]|\d+[.)]|[IVX]+\.)\s*)?"


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(resources.files(__package__).joinpath("data/english_words.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, str]:
    return {word.lower(): said for table in ("words", "names") for word, said in _data().get(table, {}).items()}


@dataclass(frozen=True)
class _Item:
    """A word or term of the text: English (a word, or a glossary term with its Vietnamese in `said`), or a term
    the request's reading has already said in Vietnamese (`english` false)."""
    start: int
    end: int
    word: str
    said: str | None = None
    english: bool = True


def _stems(word: str) -> list[str]:
    """The forms the dictionary may list a word under: "renewing" under "renew", "capsules" under "capsule"."""
    endings = {"ies": ("y",), "ied": ("y",), "es": ("",), "s": ("",), "ing": ("", "e", None), "ed": ("", "e", None)}
    stems = []
    for ending, replacements in endings.items():
        if word.endswith(ending) and len(word) > len(ending) + 2 and not word.endswith("ss"):
            base = word[:-len(ending)]
            stems += [base[:-1] if r is None else base + r for r in replacements]  # None: "running" from "run"
    return stems


def _lookup(word: str) -> str | None:
    """The word's Vietnamese, from the dictionary, its stem, or its two hyphened halves head first ("larvae-killing"
    is "diệt lăng quăng")."""
    word = _POSSESSIVE.sub("", word).lower()
    for form in [word, *_stems(word)]:
        if (said := _dictionary().get(form)) is not None:
            return said
    halves = word.split("-")
    if len(halves) == 2 and all(halves) and halves[1] not in _data()["order"]["function"]:
        said = [next((_dictionary()[f] for f in [h, *_stems(h)] if _dictionary().get(f)), None) for h in halves]
        if None not in said:
            return f"{said[1]} {said[0]}"
    return None


def _english(word: str, opens: bool) -> bool:
    """Whether `word` is English by itself; a capitalised syllable inside a sentence is a name ("Long Xuyên", "Cần
    Thơ" typed "Can Tho")."""
    bare = _POSSESSIVE.sub("", word)
    if bare.lower() in _data()["both"]["words"] or is_code(bare):
        return False
    if not is_syllable(bare):
        return True
    return _lookup(bare) is not None and (bare[:1].islower() or opens)


def _opens(text: str, at: int) -> bool:
    """Whether the word at `at` opens its line or sentence."""
    return not re.search(r"[^\W_]", re.sub(_OPENING, "", re.split(r"[.!?]\s", text[:at])[-1]))


def _english_items(text: str) -> list[_Item]:
    """The glossary's terms, and the English words: those no Vietnamese syllable, and a dictionary word that is one
    beside English ("report to the Department": "to" and "the" join word by word)."""
    terms = [_Item(m.start(), m.end(), m.group(), said) for m, said in term_matches(text, DRAFT_GLOSSARY)]
    covered = {at for t in terms for at in range(t.start, t.end)}
    words = [_Item(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)
             if not is_code(_POSSESSIVE.sub("", m.group())) and m.start() not in covered]
    items = sorted(terms + words, key=lambda i: i.start)
    english = [i.said is not None or _english(i.word, _opens(text, i.start)) for i in items]
    known = [i.said is not None or _lookup(i.word) is not None for i in items]
    joined = [bool(_BETWEEN.fullmatch(text[a.end:b.start])) for a, b in zip(items, items[1:])]
    changed = True
    while changed:
        changed = False
        for n in range(len(items)):
            beside = (n > 0 and joined[n - 1] and english[n - 1]) or (n + 1 < len(items) and joined[n] and english[n + 1])
            if not english[n] and known[n] and beside:
                english[n] = changed = True
    return [i for i, is_english in zip(items, english) if is_english and not re.match(r"\.\s*\d", text[i.end:])]


# Before a figure "under 5" is "dưới 5", not "theo" ("under Decree …").
_BEFORE_FIGURE = {"under": "dưới", "below": "dưới", "over": "trên", "above": "trên"}


def _said(item: _Item, text: str) -> str | None:
    if item.said is not None:
        return item.said
    figure_next = re.match(r"\s+\d", text[item.end:]) is not None
    return (_BEFORE_FIGURE.get(item.word.lower()) if figure_next else None) or _lookup(item.word)


# Where a clause begins, so that its first word may be a verb that leads it ("report cases …", "arrange funding").
_CLAUSE_START = re.compile(r"(?:^|[,;:(–—-]|\b(?:to|and|or|then|will|must|should|shall|can|please|pls))\s*$", re.IGNORECASE)
_PERIODS = {"day": "ngày", "week": "tuần", "month": "tháng", "year": "năm"}


def _year_after(m: re.Match) -> str:
    """"the 2027 budget estimate" is "budget estimate năm 2027": the year after what it dates, with "năm"."""
    named = m.group(2).split()
    if named[0] in _data()["order"]["function"] or not all(_lookup(w) for w in named):
        return m.group()
    return f"{m.group(2)} năm {m.group(1)}"
# Before the terms are read: "by 15/11/2026" is "trước ngày 15/11/2026", "for 2027" is "năm 2027", "Quang Tri province" is "tỉnh Quảng Trị", "in Cà Mau" "tại Cà
# Mau", "a 6-month review" "6 tháng".
_BEFORE = ((re.compile(r"\bin\s+(?=[A-ZĐ])"), "tại "),
           (re.compile(r"\b(?:by|before|no later than)\s+(?=\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE), "trước ngày "),
           (re.compile(r"\b(?:an?\s+)?(\d+)[- ](day|week|month|year)s?(?:[- ]long)?\b"),
            lambda m: f"{m.group(1)} {_PERIODS[m.group(2)]}"),
           (re.compile(r"\b(?:for|in|of|during)\s+((?:19|20)\d\d)\b(?![/-]\d)"), r"năm \1"),
           (re.compile(r"\b((?:19|20)\d\d)\s+((?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]+)\b"), lambda m: _year_after(m)),
           (re.compile(r"\b((?:[A-ZĐ][^\W\d_]*\s+){1,3})(province|city|ward|commune|district)\b"),
            lambda m: f"{m.group(2)} {m.group(1).strip()}"))


def _content(item: _Item) -> bool:
    """A word or term that names (a compound's part), not one that joins or qualifies ("and", "all", "still")."""
    said = item.said if item.said is not None else _lookup(item.word)
    return bool(said) and _POSSESSIVE.sub("", item.word).lower() not in _data()["order"]["function"]


@lru_cache(maxsize=1)
def _glossed() -> re.Pattern:
    """The glossaries' Vietnamese terms in lower case ("tiêm chủng", "nhà thuốc"), which the request's reading has
    already said: parts of a compound all the same (an unmarked one may be an English word as well)."""
    terms = sorted({t for t in glossary_terms(DRAFT_GLOSSARY).values() if t[:1].islower() and not t.isascii()}, key=len,
                   reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, terms))})(?![\w-])")


def _compounds(text: str, english: list[_Item]) -> list[list[_Item]]:
    """The English in groups said together: a noun compound is a run of English content words and terms one space
    apart, with a term already said in Vietnamese between or beside them ("retail nhà thuốc", "national tiêm chủng
    information system"), but not two such terms running (Vietnamese already), nor one before a participle or a
    verb ("trẻ em aged", "bệnh viện sends", "trạm y tế use")."""
    taken = [(i.start, i.end) for i in english]
    said = [_Item(m.start(), m.end(), m.group(), m.group(), english=False) for m in _glossed().finditer(text)
            if not any(a < m.end() and m.start() < b for a, b in taken)]
    groups: list[list[_Item]] = []
    for item in sorted(english + said, key=lambda i: i.start):
        last = groups[-1][-1] if groups else None
        joins = last is not None and text[last.end:item.start] == " " and _content(item) and _content(last) and (
            (item.english and not _verb_form(item.word) and (last.english or not (
                re.search(r"(?:ed|ing)$", item.word) or _verb(item.word, False))))
            or (not item.english and last.english))
        if joins:
            groups[-1].append(item)
        else:
            groups.append([item])
    # A participle ends no compound: "software connected to …" is the software, then what it is.
    groups = [part for g in groups for part in ([g[:-1], g[-1:]] if len(g) > 1 and g[-1].english
                                                 and g[-1].word.lower().endswith("ed") else [g])]
    return [g for g in groups if any(i.english for i in g)]


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """The dictionary's words that have a past or "-ing" form said alike beside them ("keep", "kept"; "check",
    "checking"), so verbs; a plural said alike ("hospitals") is no sign of one."""
    said_as: dict[str, list[str]] = {}
    for word, said in _dictionary().items():
        said_as.setdefault(said, []).append(word)
    return frozenset(word for words in said_as.values() for word in words for other in words
                     if other != word and other.startswith(word[:max(2, len(word) - 2)])
                     and other.endswith(("ed", "ing", "t", "d"))) | frozenset(_data()["order"]["irregular_verbs"])


_PARTICLES = {"out", "up", "over", "off", "down", "back", "in", "on"}


def _phrasal(words: str) -> bool:
    """Whether the glossaries say the verb and its particle together ("roll out", "hand over")."""
    return words.lower() in glossary_terms(DRAFT_GLOSSARY)


def _verb(word: str, opens: bool) -> bool:
    """Whether a word or term opening a clause starts with a verb (`_verbs`), or opens a line with "-ing"
    ("Printing leaflets"); "larvae-killing campaigns" is a compound."""
    words = word.lower().split()
    if len(words) > 1 and words[-1] in _PARTICLES:  # a phrasal verb: "roll out", "set up", "hand over"
        return True
    word = words[0]
    if word.endswith("ing"):
        return opens and "-" not in word
    return not word.endswith(("ed", "s")) and word in _verbs()


def _verb_form(word: str) -> bool:
    """"brings", "sends": a verb after its subject ("bệnh viện sends"), not the head of a compound."""
    return word.lower().endswith("s") and any(_verb(stem, False) for stem in _stems(word.lower()))


def _in_order(text: str, group: list[_Item]) -> str | None:
    """A group said in Vietnamese: head first, after the verb that opens its clause."""
    first = group[0]
    opens = _opens(text, first.start)
    said = [_said(i, text) for i in group]
    if None in said:
        return None if len(group) > 1 else said[0]
    led = len(group) > 1 and first.english and (_verb_form(first.word) or _verb(first.word, opens) and
                                                 _CLAUSE_START.search(re.sub(_OPENING, "", text[:first.start])) is not None)
    words = [w for w in (said[:1] + said[:0:-1] if led else said[::-1]) if w]
    if words and opens:
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def vietnamese_words(text: str) -> str:
    """`text` with its English said in Vietnamese."""
    capital = re.match(_OPENING + r"[A-Z]", text) is not None
    for pattern, said in _BEFORE:
        text = pattern.sub(said, text)
    # A verb's particle is said with it ("set up" is "thiết lập"), unless a term holds both ("roll out").
    text = re.sub(r"\b([A-Za-z]+)\s+(?:up|out|off|over|down|back)\b(?!\s*(?:to|of)\b)",
                  lambda m: m.group(1) if m.group(1).lower() in _verbs() and not _phrasal(m.group()) else m.group(),
                  rooms_and_months(text))
    for group in reversed(_compounds(text, _english_items(text))):
        said = _in_order(text, group)
        if said is not None:
            text = text[:group[0].start] + said + text[group[-1].end:]
        elif len(group) > 1:  # a word no dictionary has: its neighbours said one by one, in place
            for item in reversed(group):
                if item.english and (one := _said(item, text)) is not None:
                    text = text[:item.start] + one + text[item.end:]
    text = re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"\(\s+", "(", re.sub(r"[ \t]{2,}", " ", said_once(text)))).strip(" ")
    if capital and (m := re.match(_OPENING, text)):  # a line opened by a term the glossary writes in lower case
        text = text[:m.end()] + text[m.end():m.end() + 1].upper() + text[m.end() + 1:]
    return text
