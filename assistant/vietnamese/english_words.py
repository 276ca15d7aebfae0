"""The English a draft of an English request still holds once the glossary has read it, said in Vietnamese word by
word (data/english_words.toml): "report cases to the Department every Friday" is "báo cáo ca bệnh đến Sở mỗi thứ
Sáu". No translator runs offline; a word for word reading keeps English order, which plain administrative
Vietnamese mostly shares, and is still Vietnamese a user can correct, where English left in is not. A word the
dictionary lacks stays, and the draft warns of it.

Only English is read: a word of the dictionary, unless it is also a Vietnamese word a draft writes without marks
("in", "an", "do": data's `both`), which is English only beside an English word, so "in tài liệu" and "do Sở chủ
trì" stay Vietnamese while "report to the Department" is read. Addresses, codes and names are left as typed."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .glossary import english_terms, glossary_terms
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


def _english(word: str, opens: bool) -> bool:
    """Whether `word` is English by itself; a capitalised syllable inside a sentence is a name ("Long Xuyên", "Cần
    Thơ" typed "Can Tho")."""
    bare = _POSSESSIVE.sub("", word)
    if bare.lower() in _data()["both"]["words"] or is_code(bare):
        return False
    if not is_syllable(bare):
        return True
    return bare.lower() in _dictionary() and (bare[:1].islower() or opens)


def _opens(text: str, at: int) -> bool:
    """Whether the word at `at` opens its line or sentence."""
    return not re.search(r"[^\W_]", re.sub(_OPENING, "", re.split(r"[.!?]\s", text[:at])[-1]))


def _runs(text: str) -> list[re.Match]:
    """The English words of `text`: those no Vietnamese syllable, and a dictionary word that is one beside them."""
    words = [m for m in _WORD.finditer(text) if not is_code(_POSSESSIVE.sub("", m.group()))]
    english = [_english(m.group(), _opens(text, m.start())) for m in words]
    known = [_POSSESSIVE.sub("", m.group()).lower() in _dictionary() for m in words]
    joined = [bool(_BETWEEN.fullmatch(text[a.end():b.start()])) for a, b in zip(words, words[1:])]
    changed = True
    while changed:  # "report to the Department": "to" and "the" join the run word by word
        changed = False
        for i, word in enumerate(words):
            beside = (i > 0 and joined[i - 1] and english[i - 1]) or (i + 1 < len(words) and joined[i] and english[i + 1])
            if not english[i] and known[i] and beside:
                english[i] = changed = True
    return [m for m, is_english in zip(words, english) if is_english]


# Before a figure "under 5" is "dưới 5", not "theo" ("under Decree …").
_BEFORE_FIGURE = {"under": "dưới", "below": "dưới", "over": "trên", "above": "trên"}


def _said(word: str, opens: bool, figure_next: bool) -> str | None:
    said = _BEFORE_FIGURE.get(word.lower()) if figure_next else None
    said = said or _dictionary().get(_POSSESSIVE.sub("", word).lower())
    if said is None:
        return None
    return said[:1].upper() + said[1:] if opens and said else said


# Where a clause begins, so that its first word may be a verb that leads it ("report cases …", "arrange funding").
_CLAUSE_START = re.compile(r"(?:^|[,;:(–—-]|\b(?:to|and|or|then|will|must|should|shall|can|please|pls))\s*$", re.IGNORECASE)
# Before the glossary reads the text: "for 2027" is "năm 2027", "Quang Tri province" is "tỉnh Quảng Trị", "in Cà Mau"
# "tại Cà Mau".
_BEFORE = ((re.compile(r"\bin\s+(?=[A-ZĐ])"), "tại "),
           (re.compile(r"\b(?:for|in|of|during)\s+((?:19|20)\d\d)\b(?![/-]\d)"), r"năm \1"),
           (re.compile(r"\b((?:[A-ZĐ][^\W\d_]*\s+){1,3})(province|city|ward|commune|district)\b"),
            lambda m: f"{m.group(2)} {m.group(1).strip()}"))


def _content(word: str) -> bool:
    bare = _POSSESSIVE.sub("", word).lower()
    return bool(_dictionary().get(bare)) and bare not in _data()["order"]["function"]


@dataclass(frozen=True)
class _Item:
    """A word of a compound: an English word to say, or a term the glossary has already said (`said` set)."""
    start: int
    end: int
    word: str
    said: str | None = None


@lru_cache(maxsize=1)
def _glossed() -> re.Pattern:
    """The glossary's Vietnamese terms in lower case ("tiêm chủng", "nhà thuốc"): words of a compound once read (an
    unmarked one may be an English word as well)."""
    terms = sorted({t for t in glossary_terms().values() if t[:1].islower() and not t.isascii()}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, terms))})(?![\w-])")


def _compounds(text: str, english: list[re.Match]) -> list[list[_Item]]:
    """The English words in groups said together: a noun compound is a run of content words one space apart, with
    a term the glossary has said between or beside them ("retail nhà thuốc", "national tiêm chủng information
    system"), but not two such terms running (Vietnamese already), nor one before a participle ("trẻ em aged")."""
    words = [_Item(m.start(), m.end(), m.group()) for m in english]
    taken = [(i.start, i.end) for i in words]
    glossed = [_Item(m.start(), m.end(), m.group(), m.group()) for m in _glossed().finditer(text)
               if not any(a < m.end() and m.start() < b for a, b in taken)]
    groups: list[list[_Item]] = []
    for item in sorted(words + glossed, key=lambda i: i.start):
        last = groups[-1][-1] if groups else None
        joins = last is not None and text[last.end:item.start] == " " and (
            (item.said is None and _content(item.word) and (last.said is not None or _content(last.word))
             and not (last.said is not None and re.search(r"(?:ed|ing)$", item.word)))
            or (item.said is not None and last.said is None and _content(last.word)))
        if joins:
            groups[-1].append(item)
        else:
            groups.append([item])
    # A glossary term alone, or ending a group after nothing English, is no English to say.
    return [g for g in groups if any(i.said is None for i in g)]


def _in_order(text: str, group: list[_Item]) -> str | None:
    """A group said in Vietnamese: a compound's head first ("national pharmacy database" is "cơ sở dữ liệu dược quốc
    gia"), after the verb that opens its clause ("compile reports" stays "tổng hợp báo cáo")."""
    first = group[0]
    opens = _opens(text, first.start)
    said = [i.said if i.said is not None else _said(i.word, False, re.match(r"\s+\d", text[i.end:]) is not None)
            for i in group]
    if None in said:
        return None if len(group) > 1 else said[0]
    led = len(group) > 1 and first.said is None and _CLAUSE_START.search(re.sub(_OPENING, "", text[:first.start])) is not None
    words = [w for w in (said[:1] + said[:0:-1] if led else said[::-1]) if w]
    if words and opens:
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def vietnamese_words(text: str) -> str:
    """`text` with its English phrases in Vietnamese (the glossary) and its English words said, compounds head
    first."""
    capital = re.match(_OPENING + r"[A-Z]", text) is not None
    for pattern, said in _BEFORE:
        text = pattern.sub(said, text)
    text = english_terms(text)
    english = [m for m in _runs(text) if not re.match(r"\.\s*\d", text[m.end():])]  # "No. 12": before its figure
    for group in reversed(_compounds(text, english)):
        said = _in_order(text, group)
        if said is not None:
            text = text[:group[0].start] + said + text[group[-1].end:]
    text = re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"\(\s+", "(", re.sub(r"[ \t]{2,}", " ", text))).strip(" ")
    if capital and (m := re.match(_OPENING, text)):  # a line opened by a term the glossary writes in lower case
        text = text[:m.end()] + text[m.end():m.end() + 1].upper() + text[m.end() + 1:]
    return text
