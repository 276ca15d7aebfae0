"""The provinces a text names: a question about one province is not answered from another's documents."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .folding import fold
from .tokens import stopwords


def _key(name: str) -> str:
    return re.sub(r"[\s.-]+", " ", fold(name)).strip()


@lru_cache(maxsize=1)
def province_names() -> dict[str, str]:
    """Every name a province goes by, as data/provinces.txt writes it → its own name, with its marks
    (`TP.HCM` → `Hồ Chí Minh`; the own name maps to itself)."""
    names = {}
    for line in resources.files(__package__).joinpath("data/provinces.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, others = line.partition("=")
            names |= {other.strip(): name.strip() for other in [name, *others.split(",")] if other.strip()}
    return names


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every name a province goes by → its own name, both folded (`tphcm` → `ho chi minh`)."""
    return {_key(other): _key(name) for other, name in province_names().items()}


@lru_cache(maxsize=1)
def _provinces() -> re.Pattern[str]:
    # A one-syllable name (Huế) is also a given name (Huệ): only names of two syllables or more are looked for;
    # the other names a province goes by (TPHCM) are codes that stand for nothing else.
    names = sorted((name for name, own in _names().items() if " " in name or name != own), key=len, reverse=True)
    alternatives = "|".join(r"[\s.-]+".join(map(re.escape, name.split())) for name in names)
    return re.compile(rf"\b({alternatives})\b")


def province_names_pattern() -> re.Pattern[str]:
    """Any name of a province, in folded text."""
    return _provinces()


def provinces_in(text: str) -> set[str]:
    """The provinces named in the text, folded (`dong thap`), typed with marks or without, by any name."""
    return {_names()[_key(match)] for match in _provinces().findall(fold(text))}


def with_province_names(text: str) -> str:
    """The text with a province typed by another name (TP.HCM) written by its own, folded (ho chi minh):
    documents write the name in full, and a word no document holds would count against the question."""
    folded = fold(text)
    spelled = _provinces().sub(lambda match: _names()[_key(match.group())], folded)
    return spelled if spelled != folded else text


def without_provinces(text: str) -> str:
    """The text without the provinces it names (`tỉnh Quảng Trị` → `tỉnh`), marks kept elsewhere."""
    for match in reversed(list(_provinces().finditer(fold(text)))):  # fold keeps positions
        text = text[:match.start()] + " " + text[match.end():]
    return text


# A central body's name at the head of a document, or its code in the number's symbol (`75/2021/NĐ-CP`): what it
# issues holds in every province, so a question that names the asker's province is answered from it.
_CENTRAL_ISSUER = re.compile(r"^\s*(?:chinh phu|thu tuong|quoc hoi|uy ban thuong vu|van phong chinh phu|bo\b)")
_CENTRAL_SYMBOL = re.compile(r"(?:nd|qd|ct)-(?:cp|ttg)\b|\b(?:ubtv)?qh\d*\b|\b(?:tt|ttlt|vbhn)-b")


def central(issuer: str, number: str) -> bool:
    """Whether a document issued by `issuer` with the number and symbol `number` is a central body's."""
    return bool(_CENTRAL_ISSUER.search(fold(issuer)) or _CENTRAL_SYMBOL.search(fold(number)))


# The levels below a province, whose units a text names after the level's word: "xã Canh Vinh", "huyện Vân Canh".
_LEVELS = {"xa", "phuong", "huyen", "quan", "thi tran", "thi xa"}
# Typed without marks, "quận" is "quản" as often ("quan ly") and "phường" "phương" ("phuong an"): only these, and
# not "xã hội".
_LOWER_LEVELS = {"xa", "huyen"}
_NOT_NAMES = {"hoi"}
_NAME_WORDS = 3  # "Ea H Leo", "Cát Tiến": at most three syllables
_LOWER_NAME_WORDS = 2  # typed in lower case, where the name ends is not seen: the usual two
# A name ends at punctuation: "huyện Tân Phú, Long Thành" names two.
_RUN = re.compile(r"[^\W_]+(?:[ \t]+[^\W_]+)*")


def local_places(text: str) -> set[tuple[str, bool]]:
    """The communes and districts a text names (folded), each with whether it was written with capitals ("xã Canh
    Vinh") or typed without marks in lower case ("xa cat tien", where the name ends is not seen)."""
    unmarked = fold(text) == text.lower()
    found = set()
    for run in _RUN.findall(text):
        words = run.split()
        for n in range(len(words)):
            level = next((size for size in (2, 1) if fold(" ".join(words[n:n + size])) in _LEVELS), 0)
            if not level:
                continue
            after = words[n + level:]
            named = []
            for following in after[:_NAME_WORDS]:
                if not following[0].isupper() or following.isupper() and len(following) > 1:
                    break
                named.append(following)
            lower = [fold(word) for word in after[:_LOWER_NAME_WORDS]]
            if named:
                found.add((fold(" ".join(named)), True))
            elif unmarked and fold(" ".join(words[n:n + level])) in _LOWER_LEVELS and len(lower) == _LOWER_NAME_WORDS \
                    and lower[0] not in _NOT_NAMES and all(w.isalpha() and w not in stopwords("vi") for w in lower):
                found.add((" ".join(lower), False))
    return found
