"""Questions asked across the collection ("which documents …", "list every …", "compare … between …") are
answered one document at a time: the search's candidates are grouped by document, every document whose best
chunk scores near the best one is kept, and each gets its own cited lines (its card's lines when the question
asks for card fields, else its best passages), so that comparisons stand side by side. When the question asks
for documents of some kinds ("trong các kế hoạch, thông báo …"), documents of other kinds are left out. A
question naming two documents or more by number is answered from those, each asked what is left of the question
once the words naming it are taken out (its own clause, when each has one).
"""

from __future__ import annotations

import re

from ..config import Settings
from ..index.records import Chunk, DocumentCard
from ..index.search_index import SearchIndex
from ..retrieve.search import search
from ..vietnamese.folding import fold
from ..vietnamese.language import language_of
from ..vietnamese.framing import impersonal
from ..vietnamese.glossary import written_in_full
from ..vietnamese.patterns import BULLET
from ..vietnamese.places import provinces_in
from ..vietnamese.tokens import content_tokens
from .declining import holds_answer, term_weights, weighted_share
from .document_answer import asked_fields, document_label, documents_text, leftover, without_asking
from .document_names import named_at, named_cards, words_before
from .extractive import best_passages
from .months import month_asked
from .passages import Passage, passages

_DOCS = r"(van ban|ke hoach|thong bao|quyet dinh|cong van|thong tu|nghi dinh|chi thi)"
_ACROSS = re.compile(
    rf"\b((hai|ba|bon|cac) {_DOCS}\b|{_DOCS} (va|hoac) {_DOCS}|"
    r"(nhung|cac) (van ban|ke hoach|thong bao|quyet dinh|cong van|thong tu|nghi dinh|tai lieu|chi thi) (nao|co)"
    r"|(van ban|ke hoach|thong bao|quyet dinh|cong van|thong tu|nghi dinh) nao (?!cua)|liet ke (cac|tat ca|nhung)"
    r"|(?:bo|kho) tai lieu|tung (van ban|ke hoach|thong bao|quyet dinh|cong van)|so sanh|giua .* va"
    rf"|(?:cua|trong|o) (?:nhung|cac) {_DOCS}"
    r"|which (documents?|plans?|notices?|decisions?|letters?|circulars?|decrees?)|compare|across|in the collection"
    r"|each (document|plan|notice)|(?:two|three|four|both) (?:[a-z-]+ ){0,2}(?:documents|plans|notices|decisions|letters"
    r"|circulars|decrees)|each (?:one|of them))\b")


# The kinds of document the question asks for ("những thông báo nào", "trong các kế hoạch, thông báo", "văn bản nào
# là thông báo"), not those it names otherwise ("quyết định ban hành một kế hoạch", "thực hiện Quyết định 22/2013").
_KINDS_ASKED = re.compile(rf"\b(?:nhung|cac|hai|ba|bon|tung|moi|la)\s+{_DOCS}(?:\s*(?:,|va|hoac)\s*{_DOCS})*\b")
_KIND = re.compile(rf"\b{_DOCS}\b")


_DOCUMENT_WORD = re.compile(rf"\b(?:{_DOCS}|thong tu lien tich|phap lenh|plan|notice|decision|circular|decree|letter)\b")


def describes_document(question: str) -> bool:
    """Whether the question speaks of a document ("theo thông báo kết luận hội nghị giữa năm 2022 …")."""
    return _DOCUMENT_WORD.search(fold(question)) is not None


def kinds_asked(question: str) -> set[str]:
    """The kinds asked for, folded ("ke hoach"); "văn bản" is any kind."""
    return {kind for span in _KINDS_ASKED.finditer(fold(question)) for kind in _KIND.findall(span.group())} - {"van ban"}


def asks_across(question: str, named: list[DocumentCard] | None = None) -> bool:
    """Whether the question asks across the collection. Of one document it names, only when it asks before
    naming it: "những công văn nào triển khai Quyết định 22/2013" asks of the other documents, "Công văn 8424 …
    căn cứ những văn bản nào" of the one named."""
    across = _ACROSS.search(fold(question))
    if not across or not named:
        return bool(across)
    return len(named) == 1 and words_before(question, across.start()) < named_at(question, named[0])


def _card_text(card: DocumentCard) -> str:
    return " ".join([card.doc_type_name or "", card.number or ""] +
                    [line.text for lines in card.fields.values() for line in lines])


# The card fields a question names a document by; its basis, recipients or signer are what it may ask.
_NAMING = ("number", "date", "issuer", "title")
_WORD = re.compile(r"\w+")


def _pairs(text: str) -> set[tuple[str, str]]:
    words = _WORD.findall(fold(text))
    return set(zip(words, words[1:]))


def _asked_of(question: str, cards: list[DocumentCard], beside_others: bool) -> str:
    """The question without the words that name the documents: their type and number, and the words it shares
    with their cards two in a row ("Trung tâm Kiểm soát bệnh tật" of a title, not "kiểm" of "kiểm dịch"): what
    each of them is asked ("kinh phí do đâu bảo đảm"). Each one's passages are found by it, not by its heading,
    which repeats the title the question names it by. Beside another document, the number its number line prints
    goes too when the header parser missed it: left in, it draws each one to its lines citing the other
    ("Quyết định số 142/2008/QĐ-TTg ngày …"). A document asked alone keeps such a number: with it out, what is
    left can be too thin to find its passage ("Theo có những phòng nào?"). The whole question when nothing else
    is left."""
    numbers = content_tokens(" ".join((card.printed_number if beside_others else card.number) or "" for card in cards))
    # A type's name is dropped as a whole ("quyết định"), not a syllable of it: "định suất" asks.
    pairs = {pair for card in cards for pair in _pairs(card.doc_type_name or "")}
    for card in cards:
        for line in (line for field in _NAMING for line in card.fields.get(field, [])):
            pairs |= _pairs(line.text)
    words = question.split()
    folded = [" ".join(_WORD.findall(fold(word))) for word in words]
    kept = [word for n, word in enumerate(words) if not content_tokens(word) & numbers
            and not (n and (folded[n - 1], folded[n]) in pairs)
            and not (n + 1 < len(words) and (folded[n], folded[n + 1]) in pairs)]
    left = " ".join(kept)
    return left if content_tokens(_ACROSS.sub(" ", fold(left))) else question


# Words that point back to what an earlier clause asked.
POINTS_BACK = re.compile(r"\b(?:này|đó|ấy|this|these|that|those|the same)\b", re.IGNORECASE)
# Where a question asking of several documents turns to the next one: "…, và khoa nào … theo Thông tư 26/2017?",
# typed without marks too ("…, con QD 5129 nang …").
_TURN = re.compile(r"[;?]|,\s*(?:và|va|còn|con|and|while)\s|,?\s+còn\s")


def asked_of_each(question: str, cards: list[DocumentCard]) -> dict[str, str]:
    """What each named document is asked, without the words that name it: the clause that names it, when each is
    named in a clause of its own ("ai quy định … theo Nghị định 89/2018, và khoa nào … theo Thông tư 26/2017");
    else the whole question ("QĐ 170/2008 và QĐ 142/2008: kinh phí do đâu bảo đảm")."""
    clauses = [clause for clause in _TURN.split(question) if clause.strip()]
    naming = [[card.source for card in named_cards(clause, cards)] for clause in clauses]
    own = {names[0]: clause for clause, names in zip(clauses, naming) if len(names) == 1}
    # "…, và Nghị định 48/2013 đã sửa lại thời hạn này thế nào?": a later clause that points back is asked with
    # the one before it.
    # One document named is asked the whole question: "… nộp mấy bộ hồ sơ, và UBND cấp xã lập hồ sơ trong bao lâu".
    if len(cards) > 1 and len(own) == len(cards) and sum(map(len, naming)) == len(cards) and not any(
            POINTS_BACK.search(clause) for clause in clauses[1:]):
        return {card.source: _asked_of(own[card.source], [card], True) for card in cards}
    asked = _asked_of(question, cards, len(cards) > 1)
    return {card.source: asked for card in cards}


# The body a question says the documents come from: "những văn bản nào do Ủy ban Thường vụ Quốc hội ban hành",
# "các quyết định của UBND TP Hồ Chí Minh", "văn bản nào của tỉnh Lai Châu".
_ISSUED_BY = re.compile(rf"\b{_DOCS}(?: [a-z]+){{0,3}}? (?:nao )?(?:do|cua) ((?:(?!\b(?:ban hanh|ky|nao|trong|ve|co|la|neu|"
                        r"kem|theo|do|gui)\b)[a-z0-9 -])+?)(?= (?:ban hanh|ky|nao|trong|ve|co|la|neu|kem|theo|do|gui)\b|\s*[,.;:?]|\s*$)")


def issued_by(question: str, cards: list[DocumentCard]) -> list[str]:
    """The documents whose issuer or signer lines name all the words of the body the question says they come from
    (its abbreviations written out: "UBND" is "Ủy ban nhân dân"); none when it names no body. A decree's basis
    cites the Standing Committee too: only the header and the signature tell who issued it."""
    said = _ISSUED_BY.search(fold(question))
    if not said:
        return []
    body = written_in_full(said.group(_ISSUED_BY.groups))
    words = content_tokens(body)
    if not words:
        return []

    def names(card: DocumentCard) -> bool:
        lines = written_in_full(" ".join(line.text for field in ("issuer", "signer") for line in card.fields.get(field, [])))
        # An OCR'd header runs words together ("UBND TỈNH LAICHAU"): the body is found with the spaces out too.
        return words <= content_tokens(lines) or _spaceless(body) in _spaceless(lines)

    return [card.source for card in cards if names(card)]


def _spaceless(text: str) -> str:
    return "".join(_WORD.findall(fold(text)))


def _documents(index: SearchIndex, settings: Settings, question: str, filters: dict | None,
               other_than: list[str]) -> list[str]:
    """The documents that answer, best first: those whose card matches the question (type, number, issuer,
    title, signer, basis: "which notices of conclusions", "decisions of Tuyên Quang", "signed KT."), then
    those whose best chunk scores near the best chunk of the collection."""
    # A kind asked for is matched by the card's type, not by its words: documents of other kinds do not answer.
    kinds = kinds_asked(question)
    cards = index.cards()
    types = {card.source: fold(card.doc_type_name or "") for card in cards}

    def of_kind(source: str) -> bool:
        return not kinds or any(types.get(source, "").startswith(kind) for kind in kinds)

    asked = _ACROSS.sub(" ", without_asking(question))
    # Single words only: a card is a handful of lines, and word pairs across its fields mean nothing. A word no
    # document holds ("capacity", "were") tells none of them apart.
    weights = {readings: w for readings, w in term_weights(index, _KIND.sub(" ", asked) if kinds else asked).items()
               if "_" not in readings[0] and any(map(index.known, readings))}
    by_card = [(weighted_share(weights, _card_text(card)), card.source) for card in cards
               if of_kind(card.source)] if weights else []
    by_card.sort(reverse=True)
    top = by_card[0][0] if by_card else 0.0
    sources = [source for share, source in by_card
               if share >= settings.fanout_card_share and share >= top * settings.fanout_card_relative]
    # Asked for what one body issued, the documents it issued are the answer, whatever else their cards match.
    if issuers := [source for source in issued_by(question, cards) if of_kind(source)]:
        return [source for source in issuers if source not in other_than][:settings.fanout_documents]
    ranked = search(index, question, k=settings.fanout_candidates, filters=filters)
    sources = _by_province(index, question, cards, filters, {chunk.source for chunk in ranked}) + sources
    # The chunks speak of what is asked (the words that ask across the collection aside), or none answers.
    if holds_answer(index, settings, _ACROSS.sub(" ", fold(question)), ranked[:settings.answer_chunks],
                    language_of(question)):
        sources += [chunk.source for chunk in ranked
                    if chunk.score >= ranked[0].score * settings.fanout_score_share and of_kind(chunk.source)]
    return [source for source in dict.fromkeys(sources) if source not in other_than][:settings.fanout_documents]


def _by_province(index: SearchIndex, question: str, cards: list[DocumentCard], filters: dict | None,
                 candidates: set[str]) -> list[str]:
    """The best document of each province a question across documents names, when it names two or more ("the
    2025 review plan of Đồng Tháp and the mid-term one of Đồng Nai", "so sánh … giữa Lai Châu và Lạng Sơn")."""
    provinces = provinces_in(impersonal(question))
    if len(provinces) < 2:
        return []
    # A card's header may be damaged (an OCR'd place line): a document the search found tells its province by its
    # own text then (read for those only: a large collection has thousands).
    told = {card.source: provinces_in(_card_text(card)) or (
        provinces_in(" ".join(documents_text(index, [card.source]))) if card.source in candidates else set())
        for card in cards}
    found = []
    for province in sorted(provinces):
        theirs = [source for source, named in told.items() if province in named]
        best = search(index, question, k=1, filters={**(filters or {}), "source": theirs}) if theirs else []
        found += [chunk.source for chunk in best]
    return found


def _dated(index: SearchIndex, settings: Settings, question: str, source: str,
           month: re.Pattern) -> list[tuple[Chunk, list[str]]]:
    """A document's passages dated in the month asked, by chunk, best chunks first."""
    found = []
    for chunk in search(index, question, k=settings.fanout_month_chunks, filters={"source": [source]}):
        texts = [p.text for p in passages(chunk) if month.search(fold(p.text))]
        if texts:
            found.append((chunk, texts))
    return found


def fan_out(index: SearchIndex, settings: Settings, question: str, filters: dict | None,
            named: list[str] | None = None, other_than: list[str] | None = None) -> tuple[str, list[Chunk]] | None:
    """(lines per document with markers, chunks cited); None when fewer than two documents answer. `named`: the
    documents the question names by number, which answer it whatever the search finds; `other_than`: the one it
    asks about ("which letters implement Decision 22/2013"), which does not."""
    sources = named or _documents(index, settings, question, filters, other_than or [])
    if len(sources) < 2:
        return None
    cards = {card.source: card for card in index.cards()}
    fields = asked_fields(question)
    # "Thông tư 29/2018 và 36/2018 công bố kế hoạch vào tháng nào", "hai công văn đặt hạn báo cáo ngày nào" ask of
    # the documents' body, not only of their cards: more words are left than name the documents.
    carded = [cards[source] for source in sources if source in cards]
    body = not fields or len(leftover(question, carded)) > settings.card_max_leftover_words
    # Documents named by number are each asked what is left of the question once their names are taken out.
    asked = asked_of_each(question, carded) if named else {}
    cited: list[Chunk] = []
    lines: list[str] = []
    month = month_asked(question)
    for source in sources:
        card = cards.get(source)
        chunks = search(index, asked.get(source, question), k=settings.fanout_chunks_per_document,
                        filters={"source": [source]})
        if not chunks:
            continue
        lines.append(f"{document_label(card, chunks[0])}:")
        card_lines = [line for field in fields for line in (card.fields.get(field, []) if card else [])]
        if card_lines:
            by_id = {c.id: c for c in index.chunks(list(dict.fromkeys(line.chunk_id for line in card_lines)))}
            for line in card_lines:
                cited.append(by_id[line.chunk_id])
                lines.append(f"- {line.text.rstrip(' ;,')} [{len(cited)}]")
            if not body:
                continue
        if month and (dated := _dated(index, settings, asked.get(source, question), source, month)):
            for chunk, texts in dated:
                cited.append(chunk)
                lines += [f"- {BULLET.sub('', text).rstrip()} [{len(cited)}]" for text in texts]
            continue
        found, positions = best_passages(index, settings, asked.get(source, question), chunks,
                                         named=named is not None and not fields)
        offset = len(cited)
        cited += chunks
        lines += [f"- {BULLET.sub('', found[n][o].text).rstrip()} [{offset + n + 1}]"
                  for n, o in _best_runs(found, sorted(positions), settings.fanout_passages_per_document)]
    return "\n".join(lines), cited


def _best_runs(found: list[list[Passage]], positions: list[tuple[int, int]], most: int) -> list[tuple[int, int]]:
    """The first `most` of the positions (in reading order), a lead-in's items with it ("Điều 1. Nâng mức trợ cấp
    …, như sau:" and its two rates count as one)."""
    kept: list[tuple[int, int]] = []
    runs = 0
    lead = False  # the last kept passage is a lead-in or one of its items
    for n, o in positions:
        if lead and kept[-1] == (n, o - 1):
            kept.append((n, o))
        elif runs < most:
            kept.append((n, o))
            runs += 1
            lead = found[n][o].text.rstrip().endswith(":")
        else:
            lead = False
    return kept
