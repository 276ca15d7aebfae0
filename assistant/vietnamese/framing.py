"""The words a user frames a question with: who asks, for whom, what they heard ("Ông nội tôi là thương binh…,
cho tôi hỏi…"). They say nothing the documents must hold, and words no document holds weigh most when a
question is judged answerable, so they are set aside before it is judged.

Matched with their marks: `tôi` is a pronoun where `tới` (next, "năm tới") is not. Typed without marks, only
phrases of two words or more are taken (`nha toi`, `cho minh hoi`), which fold onto nothing else."""

from __future__ import annotations

import re

from .folding import fold

_SELF = r"(?:tôi|mình|em|cháu|chúng tôi|chúng em|chúng mình)"
_KIN = r"(?:nhà|gia đình|ông|bà|bố|mẹ|cha|chồng|vợ|con|anh|chị|em|cháu|cô|chú|bác|dì)(?: (?:nội|ngoại|ruột|trai|gái))?"
_ASKING = [rf"(?:cho|xin cho) {_SELF} hỏi", r"xin hỏi", r"cho hỏi", rf"{_SELF} (?:không biết|muốn biết|muốn hỏi)"]
_PHRASES = [*_ASKING, rf"{_SELF} muốn", r"nghe nói", r"ngày xưa", r"bây giờ", r"hiện giờ"]
# Kin of the asker: `ông nội tôi`, `nhà tôi`. Without marks only kin words that fold onto no verb or particle
# before "tới" (`co toi` is also "có tới", `di toi` "đi tới").
_KIN_OF_SELF = rf"{_KIN} (?:của )?{_SELF}"
_FOLDED_KIN = r"(?:nha|gia dinh|ong|bo|me|chong)(?: (?:noi|ngoai|ruot))? (?:cua )?(?:toi|minh|chung toi)"
_MARKED = re.compile(rf"(?<!\w)(?:{'|'.join(_PHRASES)}|{_KIN_OF_SELF}|tôi|chúng tôi|tớ|ạ|nhé|nhỉ|ơi)(?!\w)",
                     re.IGNORECASE)
# The folded phrases of two words or more, for questions typed without marks.
_FOLDED = re.compile(rf"(?<!\w)(?:{'|'.join(fold(phrase) for phrase in _PHRASES)}|{_FOLDED_KIN})(?!\w)",
                     re.IGNORECASE)


def without_framing(question: str) -> str:
    """The question without the words that frame it: `Nhà tôi có ông nội là thương binh…` → `có ông nội là …`."""
    return _FOLDED.sub(" ", _MARKED.sub(" ", question))


_ASKS = re.compile(rf"(?<!\w)(?:{'|'.join(_ASKING)})(?!\w)", re.IGNORECASE)
_SPEAKS_OF_SELF = re.compile(r"(?<!\w)(?:tôi|chúng tôi|mình|tớ)(?!\w)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"(?<=[.,;!?])\s+")


# Who asks, when the question opens on it: "Phòng Nghiệp vụ Dược của Sở hỏi: …".
_ASKER = re.compile(r"^[^.?!:;]{0,80}?\bhỏi\s*:\s*", re.IGNORECASE)


def impersonal(question: str) -> str:
    """The question without the clauses in which the asker tells of themselves or their kin ("Ông nội tôi nhập ngũ
    năm 1968, …") or names themselves ("Phòng Nghiệp vụ Dược của Sở hỏi: …"): the years, places and units there are
    the asker's, not what the documents must name."""
    return " ".join(clause for clause in _CLAUSE_END.split(_ASKER.sub("", question))
                    if not _SPEAKS_OF_SELF.search(_ASKS.sub(" ", clause)))
