"""Clean language for borrowed lines: a line adapted from a corpus document reaches a draft only when every
word is a Vietnamese syllable the training texts wrote (or a code, a number, or a word of the request), every
pair of adjacent words was written somewhere, and no OCR residue remains (`¢`, `S&`, `n'hiếm`). The seeds
OCR'd and restored carry misreadings that are real syllables ("bố cáo" for báo cáo, "chờm nhất" for chậm
nhất): only the pair test sees them. A line that fails gives way to a clean exemplar of the same unit, or to
the skeleton's neutral line, and the draft's warnings say which. Periods are then worded for the request:
"6 tháng đầu năm N … 6 tháng cuối năm N" in a mid-year plan, "năm N … năm N+1" in a year-end one."""

from __future__ import annotations

import re

from ..vietnamese.language import WORD, is_code, is_syllable, segments
from ..vietnamese.restorer import Restorer, ocr_slips
from .request import DraftRequest, deploys_year


def line_fault(text: str, request_words: set[str], restorer: Restorer, pair_min_count: int = 1) -> str:
    """Why a borrowed line may not reach a draft, or "" when it may. `request_words`: the request's words as
    typed, lower case (a name it gives is no fault); `pair_min_count`: how often each pair of words must have
    been written (more for a line from an OCR'd document); a pair with a capitalised word after the first is a
    name's, and not tested."""
    if slips := ocr_slips(text, restorer):
        return f"còn lỗi chữ OCR: {slips[0]}"
    for word in WORD.findall(text):
        if word.isdigit() or is_code(word) or word.lower() in request_words or len(word) == 1:
            continue
        if not word.isalpha() or not is_syllable(word):
            return f"từ không phải tiếng Việt: {word}"
    first = next(iter(WORD.findall(text)), "")
    for run in segments(text):
        names = {w.lower() for w in run if w[:1].isupper() and w != first}
        pairs = [p for p in restorer.rare_pairs([w.lower() for w in run], pair_min_count) if not names & set(p)]
        if pairs:
            return f"cặp từ hiếm: {' '.join(pairs[0])}"
    return ""


def period_worded(text: str, request: DraftRequest, mid_year: bool) -> str:
    """A borrowed line's periods as the request's review names them."""
    year = request.year
    if not year:
        return text
    if mid_year:
        # "nhiệm vụ năm 2026 và phương hướng nhiệm vụ năm 2026" → the two halves of the year.
        text = re.sub(rf"(?<!tháng đầu )năm {year}(\s+và\s+(?:triển khai\s+)?phương hướng,?\s+nhiệm vụ)\s+năm {year}",
                      rf"6 tháng đầu năm {year}\1 6 tháng cuối năm {year}", text, flags=re.IGNORECASE)
        return re.sub(r"phương hướng nhiệm vụ", "phương hướng, nhiệm vụ", text)
    if request.kind == "tổng kết":
        text = re.sub(rf"(phương hướng,?\s+nhiệm vụ)\s+năm {year}\b", rf"\1 năm {year + 1}", text, flags=re.IGNORECASE)
    elif deploys_year(request):  # the year reviewed is the one before the tasks set
        text = re.sub(rf"\bnăm {year}(\s+và\s+(?:triển khai\s+)?phương hướng,?\s+nhiệm vụ)\s+năm {year}\b",
                      rf"năm {year - 1}\1 năm {year}", text, flags=re.IGNORECASE)
    return text
