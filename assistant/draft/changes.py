"""A request that changes an earlier document gives the old values beside the new ones ("đổi hạn từ 31/12/2026
thành 30/6/2027", "(năm ngoái là 17/12/2026)", "không họp ở Hội trường tầng 2 nữa, chuyển sang Hội trường A"):
only the new ones are the draft's, so the old ones are taken out before the request is read."""

from __future__ import annotations

import re

_EARLIER = r"năm ngoái|năm trước|lần trước|kỳ trước|quý trước|đợt trước|cũ|trước đây|last year|previously|old"
_CHANGES = [
    # "(năm ngoái là 17/12/2026)", "(last year: Hall 2)": what the earlier document said.
    (re.compile(rf"\s*\((?:[^()]*?(?<!\w)(?:{_EARLIER})(?!\w)[^()]*)\)", re.IGNORECASE), ""),
    # "đổi hạn hoàn thành từ 31/12/2026 thành 30/6/2027", "move the meeting from 8:00 to 9:00".
    (re.compile(r"(?<!\w)((?:đổi|chuyển|sửa|thay|lùi|dời|change[sd]?|move[sd]?)(?!\w)[^.;:]*?)\s+(?:từ|from)\s+[^,.;:]*?"
                r"\s+(?:thành|sang|xuống|lên|to)\s+", re.IGNORECASE), r"\1 "),
    # "…, thay vì Hội trường tầng 2", "instead of 17/12".
    (re.compile(r"\s*[,(]?\s*(?<!\w)(?:thay vì|instead of)\s+[^,.;)]*\)?", re.IGNORECASE), ""),
    # "không họp ở Hội trường tầng 2 nữa, chuyển sang Hội trường A": the place it moves to.
    (re.compile(r"(?<!\w)không\s+(?:họp|tổ chức|làm)\s+(?:ở|tại)\s+[^,.;]*?(?:\s+nữa)?\s*[,;]\s*(?:mà\s+)?"
                r"(?:chuyển|đổi|dời)\s+(?:sang|về|tới|đến)\s+", re.IGNORECASE), "tại "),
]


def new_values(instruction: str) -> str:
    """The request without the old values of what it changes."""
    for pattern, replacement in _CHANGES:
        instruction = pattern.sub(replacement, instruction)
    return instruction
