"""English words of health administration put into house-style Vietnamese (data/english.toml), longest
first, whole words, any case: how an English drafting request reaches a Vietnamese draft without an LLM."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from .folding import fold


_GLOSSED = re.compile(r"(?<![\w(])([^\W\d_][^()]{2,60}?)\s*\(\1\)")


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, str]]:
    terms = tomllib.loads(resources.files(__package__).joinpath("data/english.toml").read_text("utf-8"))["terms"]
    lowered = {english.lower(): vietnamese for english, vietnamese in terms.items()}
    alternatives = "|".join(re.escape(e) for e in sorted(lowered, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), lowered


def english_terms(text: str) -> str:
    pattern, terms = _pattern()
    translated = pattern.sub(lambda m: terms[m.group().lower()], text)
    # "Planning-Finance Division (Phòng Kế hoạch - Tài chính)" reads the same twice once translated: once is enough.
    return _GLOSSED.sub(r"\1", translated)


@lru_cache(maxsize=1)
def _provinces() -> dict[str, str]:
    lines = resources.files(__package__).joinpath("data/provinces.txt").read_text("utf-8").splitlines()
    return {fold(line): line for line in lines if line and not line.startswith("#")}


def provinces() -> list[str]:
    """The provinces' names, with their marks."""
    return list(_provinces().values())


def province_in(text: str) -> str | None:
    """The first province the text names, written with its marks, however it was typed."""
    folded = fold(text)
    found = [(m.start(), name) for key, name in _provinces().items()
             for m in [re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded)] if m]
    return min(found)[1] if found else None
