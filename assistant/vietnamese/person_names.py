"""People's names typed without their marks ("Phó Giám đốc Le Van Binh", "Deputy Director Vu Duc Anh") written
with them ("Lê Văn Bình", "Vũ Đức Anh"), from a table of Vietnamese surnames and name syllables: the restorer,
learned from documents, reads a name as common words ("Bụi Quang Hủy", "Phan Thị Hóa").

A name is a surname and one to four name syllables, each capitalised (or, after a word that introduces a person,
typed in lower case: "pho giam doc le van binh ky"). Two syllables after a surname make words too ("Truong Dai
Hoc" is a university): a name is taken only after a word that introduces a person ("ông", "Giám đốc", "signed
by") or with a usual middle name (Văn, Thị, Đức …). A province is no name ("Lai Chau", "Ha Giang").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .folding import fold
from .language import apply_case
from .places import provinces_in

# Words that introduce a person, folded: a title, a form of address, or what a person does in a request.
_PERSON_CUE = re.compile(
    r"\b(?:ong|ba|anh|chi|dong chi|d/c|mr|ms|mrs|dr|giam doc|chanh van phong|truong phong|truong khoa|chu tich"
    r"|director|head|chief|bs|ths|ts|pgs|gs|ky|ky ten|signed by|signer|signatory|chu tri|contact|lien he"
    r"|presided by|chaired by)\W*$")
_CUE_REACH = 40  # characters before a name in which a word introducing it is looked for ("Phó Giám đốc Sở: ")
# Middle names common enough that a surname, one of them and a syllable is a name with no word to introduce it.
_MIDDLE = {"van", "thi", "duc", "huu", "cong", "minh", "quoc", "thanh", "ngoc", "dinh", "xuan", "hong", "kim",
           "quang", "sy", "ba", "tan", "the", "trong", "duy", "manh", "nhu", "khac", "dang", "viet", "phuoc", "tien",
           "hoang", "huy", "anh", "bao", "gia", "thu", "trung", "a", "seo"}
_WORD = re.compile(r"(?<![^\W\d_])[A-Za-z]+(?![^\W\d_])")  # a word typed without marks
_MAX_SYLLABLES = 4
_TOKEN = re.compile(r"\S+")
_WORD_CORE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Table:
    surnames: dict[str, str]
    syllables: dict[str, str]
    after_thi: dict[str, str]
    forms: frozenset[str]  # every form the table lists, lower case: a name's syllable as names write it


def _readings(names: list[str]) -> dict[str, str]:
    """Folded syllable → its first listed form (the commonest in names)."""
    table: dict[str, str] = {}
    for name in names:
        table.setdefault(fold(name), name)
    return table


@lru_cache(maxsize=1)
def _table() -> _Table:
    data = tomllib.loads(resources.files(__package__).joinpath("data/person_names.toml").read_text("utf-8"))
    listed = [*data["surnames"], *data["syllables"], *data["after_thi"]]
    return _Table(_readings(data["surnames"]), _readings(data["syllables"]), _readings(data["after_thi"]),
                  frozenset(name.lower() for name in listed))


def _marked(words: list[str]) -> str:
    table = _table()
    out = [table.surnames[words[0].lower()]]
    for word in words[1:]:
        key = word.lower()
        out.append(table.after_thi.get(key, table.syllables[key]) if out[-1] == "Thị" else table.syllables[key])
    return " ".join(out)


def _cued(text: str, start: int) -> bool:
    return _PERSON_CUE.search(fold(text[max(0, start - _CUE_REACH):start]).rstrip()) is not None


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    marked: str


def unmarked_names(text: str) -> list[NameSpan]:
    """The people's names the text types without marks, where they stand and as they are written."""
    table = _table()
    words = list(_WORD.finditer(text))
    found: list[NameSpan] = []
    i = 0
    while i < len(words):
        first = words[i]
        lower = first.group().islower()
        if first.group().lower() not in table.surnames or not (first.group().istitle() or lower):
            i += 1
            continue
        run = [first]
        for nxt in words[i + 1:i + 1 + _MAX_SYLLABLES]:
            gap = text[run[-1].end():nxt.start()]
            same_case = nxt.group().islower() if lower else nxt.group().istitle()
            if gap != " " or not same_case or nxt.group().lower() not in table.syllables:
                break
            run.append(nxt)
        start, end = first.start(), run[-1].end()
        cued = _cued(text, start)
        # In lower case a name needs three syllables as well: "ký tờ trình" is no "Tô Trinh".
        middle = not lower and len(run) >= 3 and run[1].group().lower() in _MIDDLE
        named = len(run) >= (3 if lower else 2) and (cued or middle)
        if named and not provinces_in(text[start:end]):
            found.append(NameSpan(start, end, _marked([w.group() for w in run])))
            i += len(run)
        else:
            i += 1
    return found


def with_marked_names(text: str, typed: str | None = None) -> str:
    """`text` with the names that `typed` wrote without marks written with them. `typed` is the text before its
    words were restored (`text` itself by default): the restorer keeps the words apart as they were typed, though
    it may change their letters ("tb" read "tố"), so a name is found by the place of its words among them."""
    typed = text if typed is None else typed
    spans = unmarked_names(typed)
    typed_words, words = list(_TOKEN.finditer(typed)), list(_TOKEN.finditer(text))
    if not spans or len(typed_words) != len(words):
        return text
    marked: dict[int, str] = {}  # the word's place → its syllable with marks
    for span in spans:
        places = [n for n, word in enumerate(typed_words) if span.start <= word.start() < span.end]
        marked |= dict(zip(places, span.marked.split()))
    out, pos = [], 0
    for n, word in enumerate(words):
        if n in marked:
            core = _WORD_CORE.search(word.group())  # the name's letters, its punctuation kept ("Binh,")
            if core:
                out += [text[pos:word.start() + core.start()], marked[n]]
                pos = word.start() + core.end()
    return "".join(out) + text[pos:]


_TITLED = re.compile(r"(?<!\w)[^\W\d_][^\W\d_A-ZĐ]*(?:[ ][^\W\d_][^\W\d_A-ZĐ]*)+")  # words, none in capitals


def restored_names(text: str, typed: str) -> str:
    """`text`, restored from `typed` (OCR'd), with the syllables of its people's names that names never have
    written as names have them: the restorer reads a name as common words ("Nguyén Vin Dwong" as "Đường", not
    "Dương"). A name is found as in `unmarked_names`, by its folded words; a syllable a name may have ("Hùng",
    "Nhàn"), or one the restorer left as typed ("Nguyễn Văn Tri", a street), is kept. Each syllable keeps its
    length, so what points into the text still points at the same words."""
    table = _table()
    restored, said = list(_TOKEN.finditer(text)), typed.split()
    # The restorer gives one word for each word typed: those it rewrote, by where they start in `text`.
    rewritten = {m.start() for m, word in zip(restored, said) if m.group() != word} if len(restored) == len(said) else set()
    out = list(text)
    for run in _TITLED.finditer(text):
        words = list(_TOKEN.finditer(run.group()))
        folded = [fold(w.group()).lower() for w in words]
        for start in range(len(words) - 2):
            if not words[start].group()[0].isupper() or folded[start] not in table.surnames:
                continue
            name = list(range(start, min(start + 1 + _MAX_SYLLABLES, len(words))))
            name = name[:next((k for k, n in enumerate(name[1:], 1)
                               if folded[n] not in table.syllables or not words[n].group()[0].isupper()), len(name))]
            at = run.start() + words[start].start()
            if len(name) < 3 or (folded[name[1]] not in _MIDDLE and not _cued(text, at)) or provinces_in(
                    " ".join(words[n].group() for n in name)):
                continue
            marked = _marked([folded[n] for n in name]).split()
            for n, form in zip(name, marked):
                word = words[n]
                begin = run.start() + word.start()
                if begin in rewritten and word.group().lower() not in table.forms and len(form) == len(word.group()):
                    out[begin:begin + len(form)] = apply_case(form, word.group())
            break  # one name a run of capitalised words
    return "".join(out)
