"""A request that changes an earlier document gives the old values beside the new ones ("đổi hạn từ 31/12/2026
thành 30/6/2027", "(năm ngoái là 17/12/2026)", "không họp ở Hội trường tầng 2 nữa, chuyển sang Hội trường A"):
only the new ones are the draft's, so the old ones are taken out before the request is read. Matched on the
folded request, so that one typed without marks is read the same (folding keeps positions)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..vietnamese.folding import fold, sub_folded

# Not "cũ" (old): folded, it is also "cụ" (cụ thể).
_EARLIER = r"nam ngoai|nam truoc|lan truoc|ky truoc|quy truoc|dot truoc|truoc day|last year|previously|old"
_DOCUMENT = r"giay moi|ke hoach|thong bao(?: ket luan)?|bao cao|cong van|quyet dinh|invitation|plan|notice|report|letter"


def _modelled_on(match: re.Match, text: str) -> str:
    """What stands for "giống kế hoạch năm ngoái (KH số …) nhưng": the document word, unless the request named
    the document before ("làm giấy mời theo mẫu …")."""
    named_before = re.search(rf"\b(?:{_DOCUMENT})\b", fold(text[:match.start()]))
    return " " if named_before else f" {text[match.start(1):match.end(1)]} "


_CHANGES: list[tuple[re.Pattern, Callable[[re.Match, str], str]]] = [
    # "(năm ngoái là 17/12/2026)", "(last year: Hall 2)": what the earlier document said.
    (re.compile(rf"\s*\((?:[^()]*?\b(?:{_EARLIER})\b[^()]*)\)"), lambda m, text: ""),
    # "theo mẫu giấy mời quý trước (số 41/GM-SYT) nhưng đổi lại:", "giống kế hoạch năm ngoái … nhưng cho …".
    (re.compile(rf"\b(?:theo mau|giong|tuong tu|like|same as)\s+({_DOCUMENT})\b[^:.;]*?\b(?:nhung|but)"
                r"(?: (?:doi(?: lai)?|thay|sua)\b)?\s*:?"), _modelled_on),
    # "đổi hạn hoàn thành từ 31/12/2026 thành 30/6/2027", "change the date from 8/12 to 9/12". Not "chuyển …
    # từ xã lên huyện", a transfer the document speaks of.
    (re.compile(r"\b((?:doi|sua|thay doi|change[sd]?|move[sd]?)\b[^.;:]*?)\s+(?:tu|from)\s+[^,.;:]*?"
                r"\s+(?:thanh|sang|to)\s+"), lambda m, text: text[m.start(1):m.end(1)] + " "),
    # "…, thay vì Hội trường tầng 2", "instead of 17/12".
    (re.compile(r"\s*[,(]?\s*\b(?:thay vi|instead of)\s+[^,.;)]*\)?"), lambda m, text: ""),
    # "không họp ở Hội trường tầng 2 nữa, chuyển sang Hội trường A": the place it moves to.
    (re.compile(r"\bkhong\s+(?:hop|to chuc|lam)\s+(?:o|tai)\s+[^,.;]*?(?:\s+nua)?\s*[,;]\s*(?:ma\s+)?"
                r"(?:chuyen|doi)\s+(?:sang|ve|toi|den)\s+"), lambda m, text: "tại "),
]


def new_values(instruction: str) -> str:
    """The request without the old values of what it changes."""
    for pattern, kept in _CHANGES:
        instruction = sub_folded(pattern, lambda m, typed=instruction: kept(m, typed), instruction)
    return instruction
