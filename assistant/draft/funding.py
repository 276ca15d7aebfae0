"""A budget's funding sources as a request gives them: "tổng kinh phí 1.275.000.000 đồng, trong đó ngân sách tỉnh
940.000.000 đồng, nguồn Chương trình … 335.000.000 đồng"."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .tables import AMOUNT, money


# Where a total is split into its sources (folded).
_OF_WHICH = re.compile(r"\b(?:trong do|bao gom|gom|of which|including|comprising)\b:?")


def source_pieces(text: str) -> list[str]:
    """A list of funding sources cut into its pieces, at commas, semicolons and "và": "1,2 tỷ" keeps its comma."""
    return re.split(r"[,;]\s+|;|\s+(?:và|and)\s+", text)


def source_name(piece: str) -> str:
    """A funding source's name: what stands before its amount, without "nguồn" or "từ"."""
    name = re.sub(r"^(?:nguồn|từ|from)\s+", "", piece[:AMOUNT.search(piece).start()].strip(" :"), flags=re.IGNORECASE)
    return name[:1].upper() + name[1:]


def funding_sources(text: str) -> tuple[int, list[tuple[str, int]]] | None:
    """A total split into sources: "tổng kinh phí 1.275.000.000 đồng, trong đó ngân sách tỉnh 940.000.000
    đồng, nguồn Chương trình … 335.000.000 đồng" → (total, [(source, amount), …]) when the parts add up."""
    split = _OF_WHICH.search(fold(text))
    if not split or (total := money(text[:split.start()])) is None:
        return None
    sources = []
    for piece in source_pieces(text[split.end():]):
        if (amount := money(piece)) is not None:
            sources.append((source_name(piece), amount))
    return (total, sources) if sources and sum(a for _, a in sources) == total else None
