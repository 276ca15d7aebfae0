"""How a question names documents: by number and symbol, typed in any spacing and with or without marks
("243/KH-SYT", "243 KH SYT", "QĐ 6154"), or by a document word and a number and year ("nghị định 146/2018")."""

from __future__ import annotations

import re

from ..index.records import DocumentCard
from ..vietnamese.folding import fold

# Words that name a document by its type, in the forms questions use.
DOC_WORDS = re.compile(r"\b(ke hoach|thong bao|quyet dinh|cong van|van ban|chi thi|thong tu|nghi dinh|nghi quyet"
                       r"|vbhn|ttlt|kh|tb|qd|cv|ct|tt|nd|plan|notice|decision|letter|circular|decree|directive"
                       r"|document)\b")
_TOKEN = re.compile(r"[a-z0-9]+")
# A document named by its number (folded): with its symbol ("26/2017/tt-byt", "243/kh-syt", "02/2020/ubtvqh14"),
# or number and year after a document word ("nghị định 146/2018", "TT 01/2023"). A rate ("25.000/người") or a
# date ("ngày 26/12/2025") is no document number.
_NAMED_NUMBER = re.compile(
    r"\b(\d{1,5}/(?:(?:19|20)\d{2}/)?(?:[a-z]+(?:-[a-z0-9]+)+|[a-z]*qh\d{2}))\b"
    rf"|{DOC_WORDS.pattern}\s+(?:so\s+)?(\d{{1,5}}/(?:19|20)\d{{2}})\b(?!/\d)")


def _number_key(card: DocumentCard) -> list[str]:
    return _TOKEN.findall(fold(card.printed_number or ""))


def _match(key: list[str], words: list[str]) -> tuple[int, int]:
    """How many parts of a document's number the question writes in a row (0 when not named), and where: the
    number with at least one more part ("243 KH", "31/2011"), or the number right after a document word ("QĐ 6154")."""
    best, at = 0, len(words)
    for i, word in enumerate(words):
        if not key or word != key[0]:
            continue
        n = 1
        while n < len(key) and i + n < len(words) and words[i + n] == key[n]:
            n += 1
        if n < len(key) and i + n < len(words) and words[i + n].isdigit() and key[n].isdigit():
            continue  # "03/2023" is not the number of 03/2007/QH12
        named = n > 1 or (i > 0 and DOC_WORDS.fullmatch(words[i - 1])) or \
            (i > 1 and DOC_WORDS.fullmatch(f"{words[i - 2]} {words[i - 1]}"))
        if named and n > best:
            best, at = n, i
    return best, at


def named_cards(question: str, cards: list[DocumentCard]) -> list[DocumentCard]:
    """The documents the question names by number: every one written in full ("so sánh Thông tư 15/2019/TT-BYT
    và 04/2020/TT-BYT"), in the question's order; else the best written part ("QĐ 6154", "243 KH")."""
    words = _TOKEN.findall(fold(question))
    scored = [(*_match(key := _number_key(card), words), len(key), card) for card in cards]
    full = sorted((at, card.source, card) for n, at, parts, card in scored if n > 1 and n == parts)
    if full:
        return [card for _, _, card in full]
    best = max((n for n, *_ in scored), default=0)
    return [card for n, _, _, card in scored if n and n == best]


def copies(cards: list[DocumentCard]) -> bool:
    """Whether the cards carry one number: one document filed more than once (a PDF and a Word copy, a decision
    in two collections), asked as one."""
    return len(cards) > 1 and len({tuple(_number_key(card)) for card in cards}) == 1


def named_at(question: str, card: DocumentCard) -> int:
    """The word of the question at which it names the document (past the last word when it does not)."""
    words = _TOKEN.findall(fold(question))
    found, at = _match(_number_key(card), words)
    return at if found else len(words)


def words_before(question: str, position: int) -> int:
    """How many words of the question stand before a position of its folded form."""
    return len(_TOKEN.findall(fold(question)[:position]))


def unnamed(question: str, cards: list[DocumentCard]) -> str:
    """The folded question without the words that name a document by its number and type ("kế hoạch
    243/KH-SYT"): every passage of that document shares them, so they say nothing of the thing asked."""
    named = named_cards(question, cards)
    if not named:
        return fold(question)
    keys = {part for card in named for part in _number_key(card)}
    words = [word for word in _TOKEN.findall(fold(question)) if word not in keys]
    return DOC_WORDS.sub(" ", " ".join(words))


def _unpadded(token: str) -> str:
    """A number written without its leading zeros ("05" is "5"); a word as it is."""
    return token.lstrip("0") or "0" if token.isdigit() else token


def _number_tokens(text: str) -> str:
    """The text's words and numbers, numbers without leading zeros ("01/2023" is "1 2023"), space-delimited."""
    return " " + " ".join(map(_unpadded, _TOKEN.findall(fold(text)))) + " "


def named_numbers(question: str) -> set[str]:
    """The numbers of the documents the question names by number, as `_number_tokens` writes them."""
    return {_number_tokens(found.group(1) or found.group(3)) for found in _NAMED_NUMBER.finditer(fold(question))}


def unmentioned(numbers: set[str], texts: list[str]) -> bool:
    """Whether a document number named (`named_numbers`) is written by none of the texts: asked what Circular
    26/2017 says, a collection that never mentions it has no answer, however near its passages come."""
    written = "\n".join(_number_tokens(text) for text in texts)
    return any(number not in written for number in numbers)


def numbers_alike(tokens: set[str]) -> set[str]:
    """Tokens with numbers written without their leading zeros ("05 năm" is "5 năm")."""
    return set(map(_unpadded, tokens))
