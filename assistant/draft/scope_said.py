"""Whether a request says, anywhere in it, that it wants one piece alone ("chỉ đoạn đó thôi", "just that block") or
the whole document ("viết giúp em nguyên KH", "the full plan"), and the piece it describes when no scope word names
it. scope.py reads scope words where they stand; this reads what the request says of them. Matched folded."""

from __future__ import annotations

import re

from .scope import Scope


# Said anywhere, that one piece alone is wanted: "chỉ phần đó thôi", "riêng đoạn đó", "chỉ cần mục 2", "viết giúp
# đoạn này", "just that part", "only the block …", "Just directive no. 2": a request the rules read whole then takes the
# first piece it names.
_PIECE_WORD = r"(?:phan|muc|tieu muc|doan|diem|khoan|y|bang|cai bang|nhiem vu)"
_ALONE = re.compile(rf"\b(?:chi|rieng)\s+(?:can\s+)?(?:(?:viet|soan|lam)\s+)?(?:lai\s+)?(?:giup\s+)?{_PIECE_WORD}\b"
                    rf"|\b{_PIECE_WORD}\s+(?:do|nay|ay)\s+(?:thoi|thi)\b|\b(?:chi|rieng|tron|het)\s+{_PIECE_WORD}\s+(?:do|nay|ay)\b"
                    rf"|\b(?:viet|soan|lam)\s+(?:giup|gium|ho|het|tron)\s+(?:(?:em|minh)\s+)?{_PIECE_WORD}\s+(?:do|nay|ay)\b"
                    r"|\b(?:just|only)\s+(?:that|this|the|one)\b[^.;]{0,60}?\b(?:part|section|block|paragraph|item|directive|point|"
                    r"table|bit|list|form|schedule|agenda)\b|^\W*(?:just|only)\s+(?:the\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?\s+"
                    r"(?:part|section|block|paragraph|item|directive|point|table|bit|no)\b|\b(?:write|draft|do)\s+only\b"
                    r"|\b(?:just|only)\s+that\s+(?:part|section|block|bit|one)\b|\bmissing (?:piece|part)\b")


# Said that the whole document is wanted: "viết giúp em nguyên KH", "soạn trọn kế hoạch", "the full plan".
_WHOLE = re.compile(r"\b(?:nguyen|tron|toan bo|day du|hoan chinh)\s+(?:(?:ca|ban|bo|cai)\s+)?(?:kh|ke hoach|bc|bao cao|tb|thong bao|cv|"
                    r"cong van|gm|giay moi|van ban)\b|\b(?:kh|ke hoach|bc|bao cao|tb|thong bao|cv|cong van|gm|giay moi|van ban) "
                    r"(?:hoan chinh|day du)\b|\b(?:full|whole|entire|complete)\s+(?:[a-z-]+\s+){0,3}?(?:plan|report|notice|letter|"
                    r"invitation|document|dispatch)\b")


def asked_whole(folded: str) -> bool:
    return _WHOLE.search(folded) is not None


def asked_alone(folded: str, text: str) -> bool:
    """`text`, as typed, tells a piece word from a surname ("đồng chí Phan Thị Ngọc Trâm")."""
    return any(not re.search(r"\bPhan\s+[A-ZĐ]", text[m.start():m.end() + 3]) for m in _ALONE.finditer(folded))


# A piece described rather than named, to the words that say where it stands: "đoạn giao Phòng Nghiệp vụ Y hướng dẫn
# (trong công văn …)", "the block listing the bridge points (of the invitation)".
_DESCRIBED_PIECE = re.compile(r"\b(?:(phan|part|block|section)|doan|y|diem|khoan|nhiem vu(?: (?:cua|giao))?|item|directive|point|"
                              r"paragraph)\s+((?:(?!trong|cua|cho|in|of|for|within|thoi|chi|rieng|just|only)[a-z0-9]+\s*){1,10})"
                              # "Summary of results and difficulties section of …": the English name before its noun
                              r"|^\W*(?:the\s+)?()((?:[a-z]+\s+){1,8}?)(?:section|part|block|paragraph)\b")


def described_piece(folded: str) -> Scope:
    """The piece a request asks for alone (`asked_alone`) that no scope word names: a part or a section titled by
    the words that describe it; whole when it describes none."""
    if not (m := _DESCRIBED_PIECE.search(folded)):
        return Scope()
    title = (m.group(2) or m.group(4)).strip()
    return Scope("part", part=title) if m.group(1) or m.group(3) is not None else Scope("section", title=title)
