"""Amounts of đồng as requests type them ("38.400.000 đồng", "4,5 tỷ", "150k", "VND 940,000,000", "12.5 million"),
read to integers and written back in house style ("1.500.000")."""

from __future__ import annotations

import re

from ..vietnamese.patterns import THOUSANDS
from .pasted import whole_figures

# A number as typed: 1.500.000 (Vietnamese thousands), 1,500,000 (English), 12,4 (a decimal comma).
NUMBER = rf"{THOUSANDS}|\d+(?:,\d+)?"
# An amount with its unit after it ("38.400.000 đồng", "4,5 tỷ", "1.2 billion") or its currency before it
# ("VND 940.000.000"); a scaled figure may have a decimal, with a comma or, in English, a point.
_SCALED = r"\d+[.,]\d{1,2}(?!\d)"
# A unit is a word of its own: "2026 ngành" is no "2026 ngàn".
AMOUNT = re.compile(rf"(?:\b(?:VND|VNĐ)\s*)?({_SCALED}|{NUMBER})\s*((?:tỷ|triệu|nghìn|ngàn|billion|million|thousand|đồng|vnd|vnđ)"
                     rf"(?![^\W\d_])|tr\b|dong\b|[đd]\b|k(?![^\W\d_]))|\b(?:VND|VNĐ)\s*({NUMBER})", re.IGNORECASE)  # "150k": thousands
_SCALE = {"tỷ": 10**9, "triệu": 10**6, "tr": 10**6, "nghìn": 1000, "ngàn": 1000, "k": 1000, "billion": 10**9,
          "million": 10**6, "thousand": 1000}


def integer(text: str) -> int:
    """1.500.000 and 1,500,000 are 1500000 (a money amount has no decimals)."""
    return int(re.sub(r"[.,]", "", text))


def vnd_number(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def scaled_figure(number: str, scale: str) -> int:
    """A figure with its scale word: "12.5 million" and "1,5 triệu" have a decimal; "1.500 nghìn" is thousands. Before
    a Vietnamese scale word a comma is the decimal mark ("1,285 tỷ"), before an English one the point is."""
    decimal = "," if scale.lower() in ("tỷ", "triệu", "tr", "nghìn", "ngàn") else "."
    if re.fullmatch(rf"\d+\{decimal}\d+", number) or re.fullmatch(_SCALED, number):
        value = float(number.replace(",", "."))
    else:
        value = integer(number)
    return round(value * _SCALE[scale.lower()])


def money(text: str) -> int | None:
    """An amount of đồng written with its unit: "38.400.000 đồng", "4,5 tỷ đồng", "12 triệu", "5tr5"."""
    match = AMOUNT.search(whole_figures(text))
    if not match:
        return None
    if match.group(3):  # VND before the figure
        return integer(match.group(3))
    number, unit = match.group(1), match.group(2).lower()
    if unit in _SCALE:
        decimal = re.fullmatch(_SCALED, number)
        return round(float(number.replace(",", ".") if decimal else number.replace(".", "").replace(",", ".")) * _SCALE[unit])
    return integer(number)
