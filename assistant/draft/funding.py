"""A budget's funding sources as a request gives them: "tổng kinh phí 1.275.000.000 đồng, trong đó ngân sách tỉnh
940.000.000 đồng, nguồn Chương trình … 335.000.000 đồng"."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from ..vietnamese.patterns import THOUSANDS
from .amounts import AMOUNT, integer, money


# Where a total is split into its sources (folded).
_OF_WHICH = re.compile(r"\b(?:trong do|bao gom|gom|of which|including|comprising)\b:?")


_BARE = re.compile(rf"^\s*({THOUSANDS})(?!\s*(?:tỷ|triệu|nghìn|ngàn|đồng|đ|VND|billion|million)\b)", re.IGNORECASE)
# The source that takes what the others leave: "phần còn lại từ …", "the rest from …".
_REST = re.compile(r"(?:(?:phần|số)\s+)?còn lại\s+|the (?:rest|remainder)\s+", re.IGNORECASE)


def source_pieces(text: str) -> list[str]:
    """A list of funding sources cut into its pieces, at commas, semicolons and "và": "1,2 tỷ" keeps its comma."""
    return re.split(r"[,;]\s+|;|\s+(?:và|and)\s+", text)


def source_name(piece: str) -> str:
    """A funding source's name: what stands before its amount, or after it ("1.500.000.000 from the provincial
    budget"), without "nguồn" or "từ"."""
    found = AMOUNT.search(piece) or re.search(THOUSANDS, piece)
    name = piece[:found.start()].strip(" :") if found else re.split(r"[.;]\s", piece)[0]
    if not name and found:
        name = re.sub(r"^\s*(?:đồng|VND|đ)?\s*", "", piece[found.end():], flags=re.IGNORECASE).strip(" .")
    name = re.sub(r"^(?:nguồn|từ|from)\s+(?:the\s+)?", "", name.strip(" ."), flags=re.IGNORECASE)
    return name[:1].upper() + name[1:]


def funding_sources(text: str) -> tuple[int, list[tuple[str, int]]] | None:
    """A total split into sources: "tổng kinh phí 1.275.000.000 đồng, trong đó ngân sách tỉnh 940.000.000
    đồng, nguồn Chương trình … 335.000.000 đồng" → (total, [(source, amount), …]) when the parts add up."""
    split = _OF_WHICH.search(fold(text))
    if not split or (total := money(text[:split.start()])) is None:
        return None
    sources, rest = [], None
    for piece in source_pieces(text[split.end():]):
        # After "of which", a figure with thousands separators is an amount though its unit went with the total.
        bare = _BARE.match(piece)
        if (amount := money(piece) if not bare else integer(bare.group(1))) is not None:
            sources.append((source_name(piece), amount))
        elif named := _REST.match(piece.strip()):  # "… và phần còn lại từ nguồn thu dịch vụ": the total less the others
            rest = source_name(piece.strip()[named.end():])
    if rest and sources and (left := total - sum(a for _, a in sources)) > 0:
        sources.append((rest, left))
    return (total, sources) if sources and sum(a for _, a in sources) == total else None
