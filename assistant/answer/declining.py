"""Whether the retrieved chunks speak of what is asked; if not, the assistant declines.

A Vietnamese question is judged by the IDF-weighted share of its content words and word pairs found in the
best chunk (a word or pair no chunk holds weighs most). Across languages words cannot be compared, so an
English question is judged by its dense similarity to the nearest chunk instead, and one asking for a filler by
the similarity of the passages that hold one.

A question that asks for a filler of a kind (an amount, a date, an hour, a count) is also judged by the
passages that hold one: one of them must speak of the thing asked. A plan whose budget table has no line for
printing does not answer "how much for printing", however well the table matches the rest of the question.
"""

from __future__ import annotations

import re

from ..config import Settings
from ..index.records import Chunk, DocumentCard
from ..index.search_index import SearchIndex
from ..vietnamese.folding import fold
from ..vietnamese.glossary import written_in_full
from ..vietnamese.language import language_of
from ..vietnamese.patterns import YEAR
from ..vietnamese.framing import impersonal, without_framing
from ..vietnamese.places import central, province_names_pattern, provinces_in, with_province_names, without_provinces
from ..vietnamese.units import find_units
from ..vietnamese.tokens import lexical_terms, stopwords, token_alternatives
from .document_answer import documents_text
from .document_names import named_numbers, unmentioned, unnamed
from .passages import passages
from .task_answer import task_units

# What a question asks for (folded), and what a passage that gives it holds. A day asked ("by what date") is
# not given by a month or a year; a count of something (`bao nhiêu hộ`) by a number that counts something else.
# "kinh phí … bao nhiêu" asks for an amount; the words between are the thing asked, not the asking.
# Folded, "muc" is "mục tiêu" (a goal) as well as "mức" (a level), and "gia" "quốc gia" or "tham gia" as well as "giá".
_PRICED = (r"(?:kinh phi|muc(?! (?:tieu|dich)\b)|le phi|von|(?<!quoc )(?<!tham )gia(?! (?:dinh|tri)\b)|chi phi|so tien|"
           r"tro cap|luong|phu cap|thu lao)\b.*\bbao nhieu")
# A time asked ("khi nào") is also given after an event: "sau 03 tháng", "06 tháng một lần", "định kỳ hằng năm".
_DATE_GIVEN = (r"\d{1,2}/\d{1,2}|ngay \d{1,2} thang|thang \d{1,2}|quy [iv1-4]+|nam \d{4}|"
               r"\bsau \d+\s*(?:\([^)]*\)\s*)?(?:ngay|thang|nam|tuan)\b|\d+\s*(?:ngay|thang|nam) (?:mot lan|\d+ lan)|dinh ky")
_FILLERS = {
    # Money asked in money ("bao nhiêu đồng", "bao nhiêu tiền") is not given by a percentage.
    "money": (r"bao nhieu (?:tien|dong)\b|bao nhieu (?:ty|trieu|nghin)(?: dong)?\b|how many (?:dong|vnd)\b"
              r"|\(in (?:vnd|dong)\)|\bin vnd\b",
              r"\d[\d.,]*\s*(?:dong|d\b|vnd|trieu|ty|nghin|ngan)\b|\d{1,3}(?:\.\d{3})+"),
    "amount": (rf"{_PRICED}|how much|amount|spending level|cost",
               r"\d[\d.,]*\s*(?:dong|d\b|vnd|trieu|ty|nghin|ngan|%)|\d{1,3}(?:\.\d{3})+|phan tram"),
    "percent": (r"(?:bao nhieu|may) phan tram|ty le (?:la )?bao nhieu|what percentage|what share",
                # An indicator table's unit column comes before its values: "Xã đạt tiêu chí … | % | 92,11".
                r"\d+(?:[.,]\d+)?\s*%|%\s*\|?\s*\d|phan tram"),
    "day": (r"(?:truoc|tu|den|vao)? ?ngay nao|by what date|what date|which date",
            r"\d{1,2}/\d{1,2}|ngay \d{1,2}\b"),
    # A time limit is given as a date or as a length of time: "chậm nhất trước 10 (mười) ngày làm việc".
    "duration": (r"bao lau|thoi han|how long|within how many|(?:bao nhieu|may) (?:ngay|thang|tuan)",
                 rf"{_DATE_GIVEN}|\d+\s*(?:\([^)]*\)\s*)?(?:ngay|thang|nam|tuan|gio)\b"),
    "date": (r"khi nao|bao gio|since when", _DATE_GIVEN),
    "hour": (r"may gio|what time", r"\d{1,2}\s*(?:h|gio)\s*\d{0,2}"),
    # Provinces asked by name ("21 tỉnh … đó là những tỉnh nào") are given by their names, not by their count.
    "province": (r"(?:nhung|cac) (?:tinh|dia phuong)(?:, thanh pho)? nao|(?:la|gom) (?:nhung )?tinh nao|which provinces", ""),
    # "bao nhiêu tiết", "tối đa bao nhiêu thẻ", "bao nhiêu tuổi": a count of that noun, whatever it is.
    # A particle or a preposition is no noun: "… được hỗ trợ tiền tàu xe bao nhiêu ạ?", "bao nhiêu vậy", "diện tích tối
    # thiểu bao nhiêu theo Thông tư 17/2014".
    "count": (r"bao nhieu (?P<counted>(?!(?:la|thi|va|cho|cua|de|duoc|tien|dong|phan|ty|trieu|nghin|lau|vay|nhe|nhi|ha|"
              r"khong|roi|nua|a|ah|u|theo|trong|tai|voi|khi|neu|hay|hoac|vao|nhu|tu|den|o)\b)[a-z]{2,})|how many",
              r"\b\d+\b"),
}
_ASKS = {kind: re.compile(rf"\b(?:{asks})") for kind, (asks, _) in _FILLERS.items()}
# The purpose an amount is spent on, after the asking: "chi bao nhiêu tiền cho <thuê xe đưa đón>".
_PURPOSE = re.compile(r"\b(?:bao nhieu|how much)\b.*?\b(?:cho|for)\s+(?!bao nhieu)((?:(?!\bbao nhieu\b)[^?.;,])+)")
_ASKING = {kind: re.compile(rf"\b(?:{asks.replace(_PRICED, 'bao nhieu')})") for kind, (asks, _) in _FILLERS.items()}
_BY_RULE = re.compile(r"\b(?:theo )?(?:huong dan|quy dinh|van ban) cua\s+[^,.;?]*?(?=\s+thi\b|[,.;?]|$)")
_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")
_LONGEST_PERIOD = 30
# Punctuation that ends a clause (not the dots and commas inside a number: 1.200.000, 2,5).
_CLAUSE_BREAK = re.compile(r"[.,;:!?]+(?=\s|$)|[()\n]")
_HOLDS = {kind: re.compile(holds) for kind, (_, holds) in _FILLERS.items()}


def _holds(kind: str, question: str) -> re.Pattern:
    """What a passage holding the filler asked for looks like (folded): a count of the thing the question counts."""
    if kind == "province":
        return province_names_pattern()
    counted = _ASKS[kind].search(fold(question))
    if counted and counted.groupdict().get("counted"):  # "02 (hai) năm" counts năm too
        return re.compile(rf"\b\d[\d.,]*\s*(?:\([^)]*\)\s*)?{counted['counted']}\b")
    return _HOLDS[kind]


def term_weights(index: SearchIndex, question: str) -> dict[tuple[str, ...], float]:
    # Pairs are taken within a clause: "… ở Quảng Trị. Nhà nước có …" holds no pair "trị nhà" to look for.
    clauses = [token_alternatives(clause) for clause in _CLAUSE_BREAK.split(with_province_names(without_framing(question)))]
    words = [readings for clause in clauses for readings in clause]
    pairs = [tuple(f"{a}_{b}" for a in left for b in right) for clause in clauses for left, right in zip(clause, clause[1:])]
    # A word with several readings (OCR, or an abbreviation typed in lower case) is found if one reading is.
    # Sorted: summed in one order, equal shares stay equal from run to run (sets iterate by string hash).
    skip = stopwords(language_of(question))
    terms = sorted({readings for readings in words + pairs if any(not set(t.split("_")) & skip for t in readings)})
    return {readings: min(index.idf(t) for t in readings) for readings in terms}


def weighted_share(weights: dict[tuple[str, ...], float], text: str) -> float:
    have = set(lexical_terms(text, bigrams=True))
    return sum(w for readings, w in weights.items() if have.intersection(readings)) / sum(weights.values())


def coverage(index: SearchIndex, question: str, chunks: list[Chunk]) -> float:
    # The provinces a question names are judged by `named_elsewhere`, which knows that a decree holds in every one.
    weights = term_weights(index, without_provinces(question))
    if not weights or not chunks:
        return 0.0
    return max(weighted_share(weights, "\n".join((chunk.title, chunk.section, chunk.page_content, chunk.readable)))
               for chunk in chunks)


def asked_filler(question: str) -> str | None:
    """The kind of filler the question asks for, if it asks for one."""
    folded = fold(question)
    return next((kind for kind, asks in _ASKS.items() if asks.search(folded)), None)


# Where a question turns to a second thing it asks: "What is the total budget …, and how many guests …?",
# "… ngày nào, và ai chủ trì?".
_NEXT_ASK = re.compile(r",?\s+(?:and|và|còn)\s+(?=[^,;?]*\b(?:what|how|who|whom|when|where|which|ai|nào|bao nhiêu|gì|đâu|"
                       r"mấy)\b)|[;?]\s*", re.IGNORECASE)


def asked_fillers(question: str) -> list[str]:
    """The kinds of filler each thing the question asks for wants, in order: a question holds an answer when the
    evidence holds any of them (a part answered beats a refusal)."""
    kinds = [kind for clause in _NEXT_ASK.split(question) if (kind := asked_filler(clause))]
    return list(dict.fromkeys(kinds)) or ([kind] if (kind := asked_filler(question)) else [])


def asked_units(question: str) -> set[str]:
    """The units a question asks about; not those that only own them (`các đơn vị trực thuộc Sở Y tế`), whose
    rules it asks by (`theo hướng dẫn của Bộ LĐTBXH`) or that ask it (`Phòng Nghiệp vụ Dược hỏi: …`)."""
    folded = _BY_RULE.sub(" ", fold(impersonal(question)))
    owning = {unit: len(re.findall(rf"\bthuoc {re.escape(fold(unit))}\b", folded)) for unit in find_units(folded)}
    return {unit for unit, owns in owning.items() if not owns or folded.count(fold(unit)) > owns}


def thing_asked(question: str, kind: str) -> str:
    """The folded question without the words that ask for the filler ("bao nhiêu tiền"): what it is asked of.
    An amount asked for a purpose is asked of that purpose: "kinh phí hội nghị chi bao nhiêu cho in ấn tài liệu"
    is not answered by the conference's other budget lines."""
    folded = fold(question)
    purpose = _PURPOSE.search(folded) if kind in ("amount", "money") else None
    return purpose.group(1) if purpose else _ASKING[kind].sub(" ", folded)


def filler_coverage(index: SearchIndex, question: str, chunks: list[Chunk], kind: str,
                    issued_by: dict[str, str]) -> float:
    """The best share of the question's words (weighted as in `coverage`) that a passage holding a filler of
    the kind asked has, with its chunk's title and section path (a row under `DỰ TRÙ KINH PHÍ`) and who issued its
    document (`issuers`)."""
    weights = term_weights(index, without_provinces(thing_asked(unnamed(without_framing(question), index.cards()), kind)))
    if not weights:
        return 1.0
    # The units the question names are who the filler is asked of: Sở Nội vụ's deadline is not Sở Tài chính's.
    units = asked_units(question)
    holds = _holds(kind, question)
    best = 0.0
    for chunk in chunks:
        context = f"{chunk.title}\n{chunk.section}\n{issued_by.get(chunk.source, '')}"
        for passage in passages(chunk):
            # The section path as the file writes it too: a restored label can be misread where the OCR'd one
            # is a known spelling of the unit.
            named = f"{context}\n{chunk.section_original}\n{passage.text}\n{passage.original}"
            if holds.search(fold(passage.text)) and units <= set(find_units(named)):
                best = max(best, weighted_share(weights, f"{context}\n{passage.text}\n{passage.original}"))
    return best


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
    if not any(named) and not numbers:
        return False
    # Each document's text read once: for what they all mention, and for what a central one names.
    by_source = {source: documents_text(index, [source]) for source in dict.fromkeys(c.source for c in chunks)}
    texts = [text for read in by_source.values() for text in read]
    cards = [card for card in index.cards() if card.source in by_source]
    if numbers and unmentioned(numbers, texts + [card.printed_number or "" for card in cards]):
        return True
    found = [set().union(*map(read, texts)) for read in (provinces_in, _years, lambda text: set(find_units(text)))]
    if named[0] and any(_central(card) and not _provinces_spoken_of(card, by_source[card.source]) for card in cards):
        found[0] |= named[0]
    return any(not asked <= mentioned for asked, mentioned in zip(named, found))


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


def _english_holds(index: SearchIndex, settings: Settings, question: str, chunks: list[Chunk], kind: str) -> bool:
    holds = _holds(kind, question)
    holding = [p.text for chunk in chunks for p in passages(chunk) if holds.search(fold(p.text))]
    return bool(holding) and max(index.similarities(question, holding)) >= settings.decline_filler_similarity


def holds_answer(index: SearchIndex, settings: Settings, question: str, chunks: list[Chunk], language: str) -> bool:
    issued_by = issuers(index, chunks)
    if not chunks or named_elsewhere(index, question, chunks) or units_unspoken(question, chunks, issued_by):
        return False
    kinds = asked_fillers(question)
    if language == "vi":
        # Asked as typed or with its abbreviations written out: "đóng BHYT" is found where a decree writes
        # "đóng bảo hiểm y tế", and "UBND tỉnh" where a plan keeps the abbreviation.
        return any(coverage(index, asked, chunks) >= settings.decline_coverage and (not kinds or any(
            filler_coverage(index, asked, chunks, kind, issued_by) >= settings.decline_filler_coverage for kind in kinds))
            for asked in dict.fromkeys((question, written_in_full(question))))
    # An English question is not weighed word by word against Vietnamese text; what it asks for is still asked,
    # of a passage that speaks of the thing asked: a deadline for another report is no answer.
    if kinds and not any(_english_holds(index, settings, question, chunks, kind) for kind in kinds):
        return False
    hits = index.nearest(question, k=1)
    return bool(hits) and hits[0][1] >= settings.decline_similarity
