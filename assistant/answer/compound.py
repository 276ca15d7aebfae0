"""A question that asks two documents two things in one sentence ("Luật BHYT 2008 quy định tối đa bao nhiêu, còn
Nghị định 146/2018 quy định cụ thể bao nhiêu?", "ai ký Thông báo 469/TB-VP và ai ký thông báo kết luận hội nghị
6 tháng đầu năm 2022?") is two questions: each clause that turns to another document is asked on its own, with
the words the clauses share before a colon, and the answers are laid one after the other."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .asking import ASKS, WORD, split_turns
from .fan_out import POINTS_BACK

# A document spoken of by its kind, in the forms questions use.
_DOCUMENT = re.compile(r"\b(?:ke hoach|thong bao|quyet dinh|cong van|van ban|chi thi|thong tu|nghi dinh|nghi quyet"
                       r"|phap lenh|luat|vbhn|ttlt|kh|tb|qd|cv|tt|nd|plan|notice|decision|letter|circular|decree"
                       r"|directive|law|ordinance|resolution)\b")
# A clause that turns to another document names it near its start ("còn Nghị định 146/2018 …", "and under Circular
# 26/2017 …", "và ai ký Thông báo …"), not in passing further on.
_NAMED_WITHIN = 4
# ... and describes it by a number or words of its own after its kind.
_DESCRIBED_BY = 2
# Questions that set the documents side by side are one question, answered document by document elsewhere.
_TOGETHER = re.compile(r"\b(?:so sanh|khac nhau|giong nhau|lan luot|tuong ung|deu|ca hai|compare|differ|difference"
                       r"|respectively|both|each)\b")
_NEXT_QUESTION = re.compile(r"(?:con|va|and|also)\b")
# The word that brings a document into a clause ("theo Pháp lệnh …", "in the PM's plan …").
_BRINGS = re.compile(r"(?:theo|trong|tai|cua|o|in|under|of|by|from|for)")
_BRINGS_WITHIN = 4


def _turns_to_document(clause: str) -> bool:
    """Whether the clause names another document near its start, by more than its kind: "và ai ký thông báo" asks
    the same one, "căn cứ quyết định nào" asks which."""
    folded = " ".join(WORD.findall(fold(clause)))
    # "…? Còn Giải thưởng Môi trường không thuốc lá theo Thông tư 11/2023 thì …": a new question turning to another
    # document may name it further on.
    within = len(folded) if _NEXT_QUESTION.match(folded) else len(" ".join(folded.split()[:_NAMED_WITHIN + 1]))
    near = _DOCUMENT.search(folded[:within])
    if not near or POINTS_BACK.search(clause):  # "… thời hạn này": the clause before's document
        return False
    after = folded[near.end():].split()
    return len(after) >= _DESCRIBED_BY and not ASKS.fullmatch(" ".join(after[:_DESCRIBED_BY - 1])) \
        and "nao" not in after[:_DESCRIBED_BY + 1]


def _head(clause: str) -> tuple[str, str]:
    """What a clause asks, without the document it asks it of, and the word that brought the document in: ("Bộ Y tế
    có trách nhiệm gì về giám định y khoa", "theo") of "… theo Pháp lệnh Ưu đãi người có công 2020"."""
    words = clause.split()
    folded = [fold(word).strip(",.;:()'’") for word in words]
    at = next((i for i in range(len(words)) if _DOCUMENT.match(" ".join(folded[i:i + 2]))), len(words))
    brought = next((j for j in range(at - 1, max(at - 1 - _BRINGS_WITHIN, -1), -1) if _BRINGS.fullmatch(folded[j])), at)
    return " ".join(words[:brought]), words[brought] if brought < at else ""


def _asked_the_same(first: str, piece: str) -> str:
    """A clause that only names another document, asked what the first clause asks: "…, và Thông tư 29/2018" is
    "Cục Khoa học công nghệ và Đào tạo có vai trò gì trong Thông tư 29/2018"."""
    head, brings = _head(first)
    starts = fold(piece.split()[0]) if piece.split() else ""
    return " ".join(part for part in (head, "" if _BRINGS.fullmatch(starts) else brings, piece) if part)


def clauses(question: str) -> list[str]:
    """The question's clauses, each asked of its own document; [] when it is one question. Words the clauses share
    before a colon ("Mức đóng BHYT của người lao động: …") go with each of them."""
    if _TOGETHER.search(fold(question)):
        return []
    shared, colon, rest = question.partition(":")
    if not colon or not _DOCUMENT.search(fold(rest)) or _DOCUMENT.search(fold(shared)):
        shared, rest = "", question
    joined: list[str] = []
    for piece in split_turns(rest):
        if joined and (_turns_to_document(piece) and ASKS.search(fold(joined[-1]))):
            # "…, và theo Thông tư 01/2023?": the clause before asks this document the same thing.
            joined.append(piece if ASKS.search(fold(piece)) else _asked_the_same(joined[0], piece))
        elif joined:
            joined[-1] += f", {piece}"
        else:
            joined.append(piece)
    if len(joined) < 2 or not all(_DOCUMENT.search(fold(c)) and ASKS.search(fold(c)) for c in joined):
        return []
    return [f"{shared.strip()}: {piece}?" if shared else f"{piece}?" for piece in joined]
