"""Checks on a finished draft, each problem a warning in Vietnamese: required parts present and in order,
parts and sections numbered without gaps, no place, signer or year of an old document, the requested
province and date used, budget lines adding up to the total."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from ..vietnamese.patterns import YEAR
from .document import vnd
from .request import DraftRequest, unasked_specifics

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
PLACEHOLDER = re.compile(r"\[(?!\d+\])[^\]]*\]")  # `[tỉnh]`, not a citation marker `[3]`


def check_layout(markdown: str, required: list[str], doc_type_title: str = "KẾ HOẠCH", whole: bool = True) -> list[str]:
    """Required parts present and in order, parts numbered I, II, … and sections 1, 2, … within each part;
    a whole document also has its type title and Nơi nhận (one part drafted alone keeps its numeral)."""
    warnings = []
    parts = re.findall(r"^### ([IVX]+)\. (.+)$", markdown, flags=re.MULTILINE)
    names = [fold(name) for _, name in parts]
    positions = [next((i for i, n in enumerate(names) if want in n), None) for want in required]
    for want, pos in zip(required, positions):
        if pos is None:
            warnings.append(f"thiếu phần bắt buộc: {want.upper()}")
    found = [p for p in positions if p is not None]
    if found != sorted(found):
        warnings.append("các phần bắt buộc không theo thứ tự")
    numerals = [numeral for numeral, _ in parts]
    if whole and numerals != _ROMAN[:len(numerals)]:
        warnings.append(f"đánh số phần không liên tục: {', '.join(numerals)}")
    for chunk in re.split(r"^### ", markdown, flags=re.MULTILINE)[1:]:
        numbers = [int(n) for n in re.findall(r"^\*\*(\d+)\. ", chunk, flags=re.MULTILINE)]
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            warnings.append(f"đánh số mục không liên tục trong phần {chunk.split(chr(10))[0]}: {numbers}")
    for marker in ("Nơi nhận", doc_type_title) if whole else ():
        if marker not in markdown:
            warnings.append(f"thiếu {marker}")
    return warnings


def check_specifics(markdown: str, request: DraftRequest, specifics: set[str], whole: bool = True,
                    shifted_years: set[str] = frozenset()) -> list[str]:
    """Places, signers and years of old documents that the request did not ask for; other years too, except
    those the drafter moved by the distance between an exemplar's event and the new one; in a whole
    document, the requested province and date."""
    text = fold(markdown)
    warnings = [f"chi tiết cũ từ văn bản mẫu: {s}" for s in unasked_specifics(markdown, request, specifics)]
    if request.year:
        others = sorted(set(YEAR.findall(markdown)) - {str(request.year)} - set(YEAR.findall(request.instruction))
                        - shifted_years)
        warnings += [f"năm khác năm yêu cầu: {y}" for y in others if f"chi tiết cũ từ văn bản mẫu: {y}" not in warnings]
    if not whole:
        return warnings
    if request.province and fold(request.province) not in text:
        warnings.append(f"không thấy tỉnh yêu cầu: {request.province}")
    if request.date and request.date not in markdown and (request.date_typed or request.date) not in markdown:
        warnings.append(f"không thấy ngày yêu cầu: {request.date}")
    return warnings


def check_budget(request: DraftRequest) -> list[str]:
    if request.budget and request.budget_total is not None:
        added = sum(b.amount for b in request.budget)
        if added != request.budget_total:
            return [f"dự trù kinh phí không khớp: các khoản cộng lại {vnd(added)}, tổng ghi {vnd(request.budget_total)}"]
    return []
