"""house-style.md: "Finance" is ambiguous between Sở Tài chính and Phòng Kế hoạch - Tài chính. A request that
names only the provincial department gets no default task or agenda row of the Department's own division."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .request import DraftRequest

_DIVISION = "Phòng Kế hoạch - Tài chính"
_DIVISION_NAMED = re.compile(r"\bphong ke hoach|\bkhtc\b|\bphong tai chinh")


def finance_as_asked(request: DraftRequest, sk: dict) -> dict:
    folded = fold(request.text or request.instruction)
    if "so tai chinh" not in folded or _DIVISION_NAMED.search(folded):
        return sk
    parts = [{**p, "units": [u for u in p["units"] if u != _DIVISION]} if "units" in p else p for p in sk["part"]]
    changed = {**sk, "part": parts}
    if "agenda" in sk:
        items = [[m, what, "Lãnh đạo Sở Y tế" if who == _DIVISION else who] for m, what, who in sk["agenda"]["items"]]
        changed["agenda"] = {**sk["agenda"], "items": items}
    return changed
