"""The provinces a text names: a question about one province is not answered from another's documents."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .folding import fold


@lru_cache(maxsize=1)
def _provinces() -> re.Pattern[str]:
    lines = resources.files(__package__).joinpath("data/provinces.txt").read_text("utf-8").splitlines()
    # A one-syllable name (Huế) is also a given name (Huệ): only names of two syllables or more are looked for.
    names = sorted((fold(line).replace(" - ", " ") for line in lines if line and not line.startswith("#")
                    and " " in line.strip()), key=len, reverse=True)
    alternatives = "|".join(r"[\s-]+".join(map(re.escape, name.split())) for name in names)
    return re.compile(rf"\b({alternatives})\b")


def provinces_in(text: str) -> set[str]:
    """The provinces named in the text, folded (`dong thap`), typed with marks or without."""
    return {re.sub(r"[\s-]+", " ", m) for m in _provinces().findall(fold(text))}


# A central body's name at the head of a document, or its code in the number's symbol (`75/2021/NĐ-CP`): what it
# issues holds in every province, so a question that names the asker's province is answered from it.
_CENTRAL_ISSUER = re.compile(r"^\s*(?:chinh phu|thu tuong|quoc hoi|uy ban thuong vu|van phong chinh phu|bo\b)")
_CENTRAL_SYMBOL = re.compile(r"(?:nd|qd|ct)-(?:cp|ttg)\b|\b(?:ubtv)?qh\d*\b|\b(?:tt|ttlt|vbhn)-b")


def central(issuer: str, number: str) -> bool:
    """Whether a document issued by `issuer` with the number and symbol `number` is a central body's."""
    return bool(_CENTRAL_ISSUER.search(fold(issuer)) or _CENTRAL_SYMBOL.search(fold(number)))
