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
from ..index.records import Chunk
from ..index.search_index import SearchIndex
from ..vietnamese.folding import fold
from ..vietnamese.glossary import written_in_full
from ..vietnamese.language import language_of
from ..vietnamese.framing import impersonal, without_framing
from ..vietnamese.places import local_places, province_names_pattern, with_province_names, without_provinces
from ..vietnamese.units import find_units
from ..vietnamese.tokens import lexical_terms, stopwords, token_alternatives
from .asking import asks, spaced_words
from .document_names import unnamed
from .named_elsewhere import issuers, named_elsewhere, units_unspoken
from .passages import passages

# What a question asks for (folded), and what a passage that gives it holds. A day asked ("by what date") is
# not given by a month or a year; a count of something (`bao nhiêu hộ`) by a number that counts something else.
# "kinh phí … bao nhiêu" asks for an amount; the words between are the thing asked, not the asking.
# Folded, "muc" is "mục tiêu" (a goal) as well as "mức" (a level), and "gia" "quốc gia" or "tham gia" as well as "giá";
# "tiền tàu xe … bao nhiêu" asks money, "ưu tiên", "tiến độ" do not; a "hệ số lương" is a coefficient, not money.
_PRICED = (r"(?:kinh phi|muc(?! (?:tieu|dich)\b)|le phi|von|(?<!quoc )(?<!tham )gia(?! (?:dinh|tri)\b)|chi phi|so tien|"
           r"tro cap|(?<!he so )luong|phu cap|thu lao|(?<!uu )tien(?! (?:do|hanh|trien|si)\b))\b.*\bbao nhieu")
# A time asked ("khi nào") is also given after an event: "sau 03 tháng", "06 tháng một lần", "định kỳ hằng năm".
_DATE_GIVEN = (r"\d{1,2}/\d{1,2}|ngay \d{1,2} thang|thang \d{1,2}|quy [iv1-4]+|nam \d{4}|"
               r"\bsau \d+\s*(?:\([^)]*\)\s*)?(?:ngay|thang|nam|tuan)\b|\d+\s*(?:ngay|thang|nam) (?:mot lan|\d+ lan)|dinh ky")
_FILLERS = {
    # Money asked in money ("bao nhiêu đồng", "bao nhiêu tiền") is not given by a percentage.
    "money": (r"bao nhieu (?:tien|dong)\b|bao nhieu (?:ty|trieu|nghin)(?: dong)?\b|how many (?:dong|vnd)\b"
              r"|\(in (?:vnd|dong)\)|\bin vnd\b",
              r"\d[\d.,]*\s*(?:dong|d\b|vnd|trieu|ty|nghin|ngan)\b|\d{1,3}(?:\.\d{3})+"),
    # "bố trí bao nhiêu vốn" asks an amount, not a count of vốn.
    "amount": (rf"{_PRICED}|bao nhieu (?:von|kinh phi|chi phi)\b|how much|amount|spending level|cost",
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
# Or the thing priced, named after the money: "tiền <tàu xe đi và về>", "bao nhiêu tiền <thuê hội trường>", "chi phí
# <in tài liệu>" (not "ưu tiên", "tiến độ"). It ends where the question turns to its asking or its document.
_PRICED_THING = re.compile(r"\b(?:(?<!uu )tien(?! (?:do|hanh|trien|si)\b)|kinh phi|chi phi|le phi)\s+"
                           r"((?:(?!\b(?:bao nhieu|la|duoc|cua|theo|trong|nam|du kien|khoang|nhu the nao)\b)[^?.;,])+)")
_ASKING = {kind: re.compile(rf"\b(?:{asks.replace(_PRICED, 'bao nhieu')})") for kind, (asks, _) in _FILLERS.items()}
_BY_RULE = re.compile(r"\b(?:theo )?(?:huong dan|quy dinh|van ban) cua\s+[^,.;?]*?(?=\s+thi\b|[,.;?]|$)")
# Punctuation that ends a clause (not the dots and commas inside a number: 1.200.000, 2,5).
_CLAUSE_BREAK = re.compile(r"[.,;:!?]+(?=\s|$)|[()\n]")
_HOLDS = {kind: re.compile(holds) for kind, (_, holds) in _FILLERS.items()}
# The document described before a colon, not the thing asked: "thông báo kết luận hội nghị 6 tháng đầu năm 2022 của
# Sở Y tế: bệnh viện … phải bàn giao … trước ngày nào".
_DESCRIBED = re.compile(r"^[^:?]{0,160}?\b(?:thong bao|ke hoach|quyet dinh|cong van|thong tu|nghi dinh|bao cao|chi thi|van ban|"
                        r"tb|kh|qd|cv|tt|nd)\b[^:?]{0,160}:\s*(?=\S+(?:\s+\S+){2})")
_LABEL = re.compile(r"\b(?:so|nhom|hang|loai|bac|group|class|grade|type) (?:\d{1,2}|[ivx]+)\b")


def filler_shape(kind: str, question: str) -> re.Pattern:
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
    is not answered by the conference's other budget lines. The document described before a colon is not asked of."""
    folded = fold(question)
    purpose = (_PURPOSE.search(folded) or _PRICED_THING.search(folded)) if kind in ("amount", "money") else None
    return purpose.group(1).strip() if purpose else _ASKING[kind].sub(" ", _DESCRIBED.sub("", folded))


def asked_label(thing: str) -> re.Pattern | None:
    """The one numbered category a question asks of (folded), which a passage giving its filler must name: "nhóm đối
    tượng số 2" is not group 6, "hạng II" not hạng I. A question naming several is asked across them."""
    found = _LABEL.findall(thing)
    return re.compile(rf"\b{re.escape(found[0])}\b") if len(found) == 1 else None


def filler_coverage(index: SearchIndex, question: str, chunks: list[Chunk], kind: str,
                    issued_by: dict[str, str]) -> float:
    """The best share of the question's words (weighted as in `coverage`) that a passage holding a filler of
    the kind asked has, with its chunk's title and section path (a row under `DỰ TRÙ KINH PHÍ`) and who issued its
    document (`issuers`)."""
    thing = thing_asked(unnamed(without_framing(question), index.cards()), kind)
    weights = term_weights(index, without_provinces(thing))
    if not weights:
        return 1.0
    label = asked_label(thing)
    # The units the question names are who the filler is asked of: Sở Nội vụ's deadline is not Sở Tài chính's.
    units = asked_units(question)
    # So are the communes and districts it names, where the chunks write them: xã Canh Vinh's allocation is not xã
    # Canh Hiển's (one written nowhere is where the asker lives, or is judged by `named_elsewhere`).
    written = spaced_words(" ".join(chunk.page_content for chunk in chunks))
    places = {place for name, _ in local_places(impersonal(question)) if (place := f" {name} ") in written}
    holds = filler_shape(kind, question)
    best = 0.0
    for chunk in chunks:
        context = f"{chunk.title}\n{chunk.section}\n{issued_by.get(chunk.source, '')}"
        for passage in passages(chunk):
            # The section path as the file writes it too: a restored label can be misread where the OCR'd one
            # is a known spelling of the unit.
            named = f"{context}\n{chunk.section_original}\n{passage.text}\n{passage.original}"
            if holds.search(fold(passage.text)) and units <= set(find_units(named)) and all(
                    place in spaced_words(named) for place in places) and (not label or label.search(fold(named))):
                best = max(best, weighted_share(weights, f"{context}\n{passage.text}\n{passage.original}"))
    return best


def _english_holds(index: SearchIndex, settings: Settings, question: str, chunks: list[Chunk], kind: str) -> bool:
    holds = filler_shape(kind, question)
    holding = [p.text for chunk in chunks for p in passages(chunk) if holds.search(fold(p.text))]
    return bool(holding) and max(index.similarities(question, holding)) >= settings.decline_filler_similarity


def holds_answer(index: SearchIndex, settings: Settings, question: str, chunks: list[Chunk], language: str) -> bool:
    issued_by = issuers(index, chunks)
    if not chunks or named_elsewhere(index, question, chunks) or units_unspoken(question, chunks, issued_by):
        return False
    kinds = asked_fillers(question)
    if language == "vi":
        # Asked as typed or with its abbreviations written out: "đóng BHYT" is found where a decree writes
        # "đóng bảo hiểm y tế", and "UBND tỉnh" where a plan keeps the abbreviation. A question asking two things
        # ("… được phân bổ bao nhiêu vốn, riêng Sở Y tế được bao nhiêu") is answered when one is found: each is
        # weighed on its own, with the units it names.
        parts = asks(question)
        return any(coverage(index, asked, chunks) >= settings.decline_coverage and (not kinds or any(
            filler_coverage(index, asked, chunks, kind, issued_by) >= settings.decline_filler_coverage
            for kind in asked_fillers(asked) or kinds))
            for part in (dict.fromkeys((question, *parts)) if len(parts) > 1 else [question])
            for asked in dict.fromkeys((part, written_in_full(part))))
    # An English question is not weighed word by word against Vietnamese text; what it asks for is still asked,
    # of a passage that speaks of the thing asked: a deadline for another report is no answer.
    if kinds and not any(_english_holds(index, settings, question, chunks, kind) for kind in kinds):
        return False
    hits = index.nearest(question, k=1)
    return bool(hits) and hits[0][1] >= settings.decline_similarity
