"""The many names of one unit: resolve aliases (clean, unaccented or OCR'd) to canonical names."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .tokens import search_tokens, token_alternatives


@dataclass(frozen=True)
class UnitTable:
    issuers: dict[str, str]
    # Folded alias token tuples → canonical names, longest first so `phong tai chinh` beats `tai chinh`.
    aliases: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]


def _key(name: str) -> tuple[str, ...]:
    return tuple(search_tokens(name))


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(resources.files(__package__).joinpath("data/units.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def unit_table() -> UnitTable:
    data = _data()
    pairs: dict[tuple[str, ...], tuple[str, ...]] = {}
    for unit in data["unit"]:
        for alias in unit["aliases"]:
            pairs[_key(alias)] = (unit["canonical"],)
    for group in data.get("ambiguous", []):
        for name in group["names"]:
            pairs.setdefault(_key(name), tuple(group["units"]))
    ordered = tuple(sorted(pairs.items(), key=lambda kv: -len(kv[0])))
    return UnitTable(issuers=dict(data["issuers"]), aliases=ordered)


@lru_cache(maxsize=1)
def abbreviations() -> list[tuple[str, str]]:
    """(abbreviated alias, canonical name) for the aliases written with an acronym ("Phòng KHTC", "CDC", "VP Sở"),
    longest first: what a draft writes out in full."""
    pairs = {alias: unit["canonical"] for unit in _data()["unit"] for alias in unit["aliases"]
             if re.search(r"\b[A-ZĐ]{2,}\b", alias) and alias != unit["canonical"]}
    return sorted(pairs.items(), key=lambda pair: -len(pair[0]))


def issuer_for_code(code: str) -> str | None:
    return unit_table().issuers.get(code.upper())


# "cán bộ y tế" is a health worker and "cơ sở y tế" a health facility, not the Ministry (Bộ) or the Department (Sở).
_WORD_BEFORE = {"bo": "can", "so": "co"}


def common_noun(before: tuple[str, ...] | list[str], first: str) -> bool:
    """Whether a name whose first word is `first` (folded) is a common noun after a word read as `before`:
    "cán bộ", "cơ sở"."""
    return first in _WORD_BEFORE and _WORD_BEFORE[first] in before


def find_units(text: str, vague: bool = True) -> list[str]:
    """Canonical units named in text, in order of appearance; a vague name yields every unit it may mean (none
    when not `vague`: in a document's text "quản lý tài chính" names no Sở Tài chính)."""
    tokens = token_alternatives(text)
    used = [False] * len(tokens)
    found: list[tuple[int, str]] = []
    for alias, units in unit_table().aliases:
        if not vague and len(units) > 1:
            continue
        n = len(alias)
        for i in range(len(tokens) - n + 1):
            if i and common_noun(tokens[i - 1], alias[0]):
                continue
            if all(word in tokens[i + j] for j, word in enumerate(alias)) and not any(used[i:i + n]):
                used[i:i + n] = [True] * n
                found.extend((i, u) for u in units)
    seen: list[str] = []
    for _, unit in sorted(found, key=lambda p: p[0]):
        if unit not in seen:
            seen.append(unit)
    return seen
