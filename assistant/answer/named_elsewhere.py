"""Whether a question names something the documents found never speak of: a province, a year, a unit, a
commune, a document number. Its answer is then elsewhere or nowhere, however well the rest of the question
matches: asked about Cà Mau's conference, the nearest document is Đồng Tháp's."""

from __future__ import annotations

import re

from ..index.records import Chunk, DocumentCard
from ..index.search_index import SearchIndex
from ..vietnamese.folding import fold
from ..vietnamese.framing import impersonal
from ..vietnamese.patterns import YEAR
from ..vietnamese.places import central, local_places, provinces_in
from ..vietnamese.units import find_units
from .asking import spaced_words
from .document_answer import documents_text
from .document_names import named_numbers, unmentioned
from .task_answer import task_units

_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")
_LONGEST_PERIOD = 30


def _years(text: str) -> set[int]:
    """The years a text names, a period's years included (`giai đoạn 2026-2030` names 2028 too)."""
    years = {int(y) for y in YEAR.findall(text)}
    for start, end in _PERIOD.findall(text):
        years |= set(range(int(start), int(end) + 1)) if 0 < int(end) - int(start) <= _LONGEST_PERIOD else set()
    return years


def named_elsewhere(index: SearchIndex, question: str, chunks: list[Chunk]) -> bool:
    """Whether the question names a province, a year, a unit or a document number that none of the documents
    found mentions: asked about Cà Mau's conference, the nearest document is Đồng Tháp's; asked for a 2035 target, a 2026-2030 plan
    has none; asked what the transport department must do, a health plan that never names it has nothing. A
    central body's document that names no province holds in every one: asked by someone in Quảng Trị, a decree
    answers; a ministry's letter on the provinces that pay through the post office answers for those only."""
    spoken_of = impersonal(question)
    named = [provinces_in(spoken_of), _years(spoken_of), set(find_units(spoken_of))]
    numbers = named_numbers(question)
    places = local_places(spoken_of)
    if not any(named) and not numbers and not places:
        return False
    # Each document's text read once: for what they all mention, and for what a central one names.
    by_source = {source: documents_text(index, [source]) for source in dict.fromkeys(c.source for c in chunks)}
    texts = [text for read in by_source.values() for text in read]
    cards = [card for card in index.cards() if card.source in by_source]
    if numbers and unmentioned(numbers, texts + [card.printed_number or "" for card in cards]):
        return True
    if places and _places_unmentioned(index, places, by_source):
        return True
    found = [set().union(*map(read, texts)) for read in (provinces_in, _years, lambda text: set(find_units(text)))]
    if named[0] and any(_central(card) and not _provinces_spoken_of(card, by_source[card.source]) for card in cards):
        found[0] |= named[0]
    return any(not asked <= mentioned for asked, mentioned in zip(named, found))


def _places_unmentioned(index: SearchIndex, places: set[tuple[str, bool]], by_source: dict[str, list[str]]) -> bool:
    """Whether every document found names communes or districts, but not one the question names: asked what xã
    Canh Vinh was given, a decision that lists xã Canh Hiển and xã Canh Thuận has no answer. A decree that names
    none holds for every commune, the asker's own included. Typed in lower case, two words after "xa" are taken
    for a name only when no chunk of the collection holds them together."""
    asked = [name for name, capital in places if capital or not index.known(name.replace(" ", "_"))]
    for texts in by_source.values():
        text = "\n".join(texts)
        written = spaced_words(text)
        if not any(capital for _, capital in local_places(text)) or all(f" {name} " in written for name in asked):
            return False
    return bool(asked)


def _provinces_spoken_of(card: DocumentCard, texts: list[str]) -> set[str]:
    """The provinces a document names besides the place it was signed at (`Hà Nội, ngày …`)."""
    text = "\n".join(texts)
    for line in card.fields.get("date", []):
        text = text.replace(line.text, " ")
    return provinces_in(text)


def _central(card: DocumentCard) -> bool:
    issuer = next((line.text for line in card.fields.get("issuer", [])), "")
    return central(issuer, card.printed_number or "")


# The body a document's symbol says issued it, where an OCR'd header lost its name ("243/KH-SYT").
_SYMBOL_ISSUERS = ((re.compile(r"(?:^|[-/])SYT(?:$|[-/])"), "Sở Y tế"), (re.compile(r"[-/]VP$"), "Văn phòng UBND tỉnh"),
                   (re.compile(r"[-/]UBND$"), "UBND tỉnh"))


def issuers(index: SearchIndex, chunks: list[Chunk]) -> dict[str, str]:
    """Who issued each document the chunks are of, from its card: the Department that issues a plan is spoken of by
    all of it ("Sở Y tế Lai Châu phấn đấu …" is asked of the plan's own targets), whether or not a passage names it."""
    sources = {chunk.source for chunk in chunks}
    found = {}
    for card in index.cards():
        if card.source in sources:
            symbol = [name for pattern, name in _SYMBOL_ISSUERS if pattern.search(card.printed_number or "")]
            found[card.source] = " ".join([line.text for line in card.fields.get("issuer", [])] + symbol)
    return found


# A unit named as a document's issuer ("trong thông báo kết luận … của Sở Y tế, mục … gồm những nhiệm vụ gì") is not
# the unit the question asks the tasks of.
_ISSUED_BY = re.compile(r"\b(?:ke hoach|thong bao|cong van|bao cao|quyet dinh|van ban|giay moi|chi thi)\b[^,;?]{0,80}?"
                        r"\bcua\s+([^,;?]+)")


def issuers_named(question: str) -> set[str]:
    """The units the question names as the issuers of the documents it speaks of."""
    return {unit for m in _ISSUED_BY.finditer(fold(question)) for unit in find_units(m.group(1), vague=False)}


def units_unspoken(question: str, chunks: list[Chunk], issued_by: dict[str, str] | None = None) -> bool:
    """Whether the question asks for the tasks of a unit that none of the passages found names, nor issued: asked
    what the Department of Finance must do under a decree that speaks only of the ministry and the hospitals.
    `issued_by`: who issued each document (`issuers`)."""
    units = [unit for unit in task_units(question) if unit not in issuers_named(question)]
    if not set(units) & set(find_units(question, vague=False)):  # asked by a vague name: any unit it may mean will do
        units = []
    issued_by = issued_by or {}
    named = set().union(*(find_units(f"{c.title}\n{c.section}\n{c.section_original}\n{c.page_content}\n{c.readable}\n"
                                     f"{issued_by.get(c.source, '')}", vague=False) for c in chunks))
    return bool(units) and not set(units) <= named
