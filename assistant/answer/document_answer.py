"""Questions about a document itself (its number, date, issuer, trích yếu, signer, recipients, what it is based
on, when it takes effect) are answered from its card, each line cited to the header or closing it stands in.

A question is about the document itself when it names the document (by number and symbol, typed in any
spacing and with or without marks: "243/KH-SYT", "243 KH SYT"; or by its type and title words) and asks
for card fields, with next to nothing else left in it: "Kế hoạch 243 yêu cầu gửi báo cáo trước ngày nào"
asks for a date in the body, not the document's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..index.records import CARD_FIELDS, Chunk, DocumentCard
from ..index.search_index import SearchIndex
from ..vietnamese.folding import clip, fold
from ..vietnamese.language import language_of
from ..vietnamese.places import provinces_in
from ..vietnamese.tokens import content_tokens, stopwords, token_alternatives
from .citations import renumbered
from .document_names import DOC_WORDS, named_numbers, numbers_alike, unmentioned

# What each field is asked with (folded question, Vietnamese and English).
_ASKED = {
    # "là số mấy", "số nào": not a total ("tổng số bao nhiêu").
    "number": r"so hieu|so ky hieu|so va ky hieu|ky hieu|what number|document number|reference number"
              r"|(?<!tong )so (?:may|nao|bao nhieu)"
              r"|(?:the|its) number(?= and (?:the )?date| or| of (?:the )?(?:letter|document|decision|circular|decree|plan))",
    "date": r"ngay nao|ngay bao nhieu|ngay may|nam nao|thang nao|khi nao|bao gio|ngay ky|ngay ban hanh|when|what date"
            r"|which date|dated|date of",
    "issuer": r"co quan nao|don vi nao ban hanh|ai ban hanh|ban hanh boi|do (?:co quan|don vi|bo|ai|nhung bo) nao ban hanh"
              r"|issued by|who issued|issuing|which (?:body|agency|authority|ministr\w*)|(?:cua|o|thuoc) (?:tinh|bo) nao",
    "title": r"trich yeu|tieu de|ten (?:day du )?(?:cua )?(?:van ban|ke hoach|thong bao|quyet dinh|cong van)|title|subject"
             r"|ve viec gi|ve van de gi",
    "signer": r"ai ky|nguoi ky|ky boi|ky ten|ky thay|ky thua|do ai|chuc danh|cuong vi|hinh thuc nao|signed|signer"
              r"|signator",
    # Also with what it is sent for between ("gửi “để báo cáo” cho những nơi nào"), asked yes or no ("có gửi Kiểm
    # toán Nhà nước không"), or its archive copy ("bản lưu ghi thế nào": the last line of Nơi nhận).
    "recipients": r"gui (?:cho |den |toi )?(?:ai|nhung|cac|co quan|noi|don vi|bo|cap)|noi nhan|kinh gui|recipients?"
                  r"|gui (?:\S+ ){1,4}?(?:cho|den|toi) (?:ai|nhung|cac|co quan|noi|don vi)|co gui\b.{1,80}\bkhong"
                  r"|sent to|addressed|ban luu|luu (?:o|tai|vt)",
    "basis": r"can cu|thuc hien (?:\w+ ){0,3}nao|theo de nghi|xet de nghi|de nghi cua|to trinh|based on|pursuant"
             r"|(?:reply|replies|respond\w*|answer\w*) to"
             r"|implement\w*|dua tren|whose proposal|proposed by|(?:at|on) the proposal",
    "effect": r"hieu luc|effective|in force|thay the|bai bo|replace\w*",
}
_ASKED_RE = {field: re.compile(rf"\b(?:{pattern})\b") for field, pattern in _ASKED.items()}
# An event's time or place asked ("hội nghị tổ chức ngày nào", "when is it held"), or a deadline ("hạn báo cáo … khi nào").
_EVENT_TIME = re.compile(r"\b(?:to chuc|dien ra|khai mac|hop|bat dau|held|take place|takes place|han|thoi han|deadline)\b"
                         r"(?:\s+\S+){0,8}?\s+(?:vao\s+|luc\s+|tai\s+)?(?:ngay nao|khi nao|luc nao|bao gio|may gio|o dau|tai dau"
                         r"|when|where|what date|on what date)")
_TOKEN = re.compile(r"[a-z0-9]+")
_DATE_OWNER_WORDS = 2  # the words before "ngày nào" that say whose date is asked
# What an English question asks of the header or closing alone ("who signed", "what number", "on whose proposal");
# a date or an entry into force may as well be the body's.
_HEADED = {"signer", "number", "recipients", "title"}
_PROPOSAL_EN = re.compile(r"\b(?:whose proposal|proposed by|(?:at|on) the proposal)\b")
_ISSUED_EN = re.compile(r"\b(?:issued|signed|dated|promulgated)\b")
# Words any question about a document uses besides the spans that ask for a field ("được ban hành năm nào").
_QUESTION_WORDS = {"ban", "hanh", "ky", "gui", "duoc", "nhung", "nao", "gi", "ai", "so", "voi", "va", "la", "cua",
                   "who", "what", "which", "whom", "when", "was", "is", "the", "by", "to", "of", "and", "in", "it",
                   "its", "capacity", "position", "sign", "sent", "issue", "issued", "chuc", "vu", "nam", "ngay",
                   "tung", "moi", "each"}


@dataclass(frozen=True)
class DocumentQuestion:
    card: DocumentCard
    fields: list[str]
    # Whether a card that does not print a field asked means the document does not: false for an English question,
    # read by how it asks alone, whose answer may still stand in the body.
    certain: bool = True


# Words that only say how to answer ("nêu số hiệu và nội dung chính").
_INSTRUCTION = re.compile(r"\b(neu|cho biet|liet ke|kem theo|kem|noi dung chinh|noi dung|la gi|bao gom|gom)\b")


def without_asking(question: str) -> str:
    """The folded question with the words that ask for card fields, or say how to answer, taken out: what is
    left names documents."""
    folded = _INSTRUCTION.sub(" ", fold(question))
    for pattern in _ASKED_RE.values():
        folded = pattern.sub(" ", folded)
    return folded


def document_label(card: DocumentCard | None, chunk: Chunk) -> str:
    """How a document is named in the answer: its type, number and trích yếu."""
    number = card.printed_number if card else None
    kind = card.doc_type_name if card and card.doc_type_name else ""
    title = clip(chunk.title, 120) if chunk.title != chunk.source else ""
    return " ".join(part for part in (kind, number, f"({title})" if title else "") if part) or chunk.source


def asked_fields(question: str) -> list[str]:
    folded = fold(question)
    # When a conference or a meeting is held, or a deadline, is asked of the body, not the document's date.
    held = _EVENT_TIME.search(folded)
    return [field for field in CARD_FIELDS if _ASKED_RE[field].search(folded) and not (held and field == "date")]


def documents_text(index: SearchIndex, sources: list[str]) -> list[str]:
    """Every chunk of the documents as read: title, restored text and text as the file has it."""
    return [f"{c.title}\n{c.readable}\n{c.page_content}" for c in index.chunks(index.ids_where([("source", sources)]))]


def leftover(question: str, cards: list[DocumentCard]) -> set[str]:
    """The question's content words that neither name the documents (by any line of their cards: "Kế hoạch thực
    hiện Kế hoạch 7095 của UBND tỉnh") nor ask for a card field."""
    known = numbers_alike(content_tokens(" ".join(line.text for card in cards for lines in card.fields.values()
                                                   for line in lines)))
    left = set()
    # A word with several readings (an abbreviation typed in lower case: "ubnd") is known if one reading is.
    for readings in token_alternatives(DOC_WORDS.sub(" ", without_asking(question))):
        read = numbers_alike(set(readings))
        if not read & (known | _QUESTION_WORDS) and not read <= stopwords():
            left.add(readings[0])
    return left


def dated_in_body(folded: str, left: set[str]) -> bool:
    """Whether the date asked is that of what words no card holds (`left`) name just before ("khai giảng ngày nào")."""
    asking = _ASKED_RE["date"].search(folded)
    return bool(asking) and bool(set(_TOKEN.findall(folded[:asking.start()])[-_DATE_OWNER_WORDS:]) & left)


def document_question(index: SearchIndex, question: str, named: list[DocumentCard], top: list[Chunk],
                      max_leftover: int) -> DocumentQuestion | None:
    """The document and card fields a question asks for, when it asks about a document itself. `named`: the
    documents it names by number (`named_cards`); `top`: the search's best chunks, which name the document when
    the question gives no number."""
    fields = asked_fields(question)
    if not fields or len(named) > 1:
        return None
    numbered = bool(named)
    text = None
    if not named:
        if not top or not DOC_WORDS.search(fold(question)):
            return None
        named = [card for card in index.cards() if card.source == top[0].source]
        # Another document's number ("Kế hoạch 245/KH-SYT" when 243 is found) is not this document's card.
        if named and (numbers := named_numbers(question)):
            text = "\n".join(documents_text(index, [named[0].source]))
            if unmentioned(numbers, [text]):
                return None
    if not named:
        return None
    left = leftover(question, named[:1])
    folded = fold(question)
    if "date" in fields and dated_in_body(folded, left):
        fields = [field for field in fields if field != "date"]
        if not fields:
            return None
    # An English question's words cannot be found in a Vietnamese card: how it asks must say it is about the
    # document itself ("who signed", "what number", "on whose proposal", "when was it issued").
    certain = len(left) <= max_leftover
    english = language_of(question) == "en" and not set(fields) & {"effect", "issuer"} and bool(
        set(fields) & _HEADED or _PROPOSAL_EN.search(folded) or _ISSUED_EN.search(folded))
    if not certain and not english:
        return None
    # Asked so of a document named by number, an English question is about the document itself, whatever words
    # describe it: when the card does not print the field, the document does not.
    # So is one asking when the document was issued or signed: that date stands in the header alone.
    certain = certain or (english and (numbered or ("date" in fields and bool(_ISSUED_EN.search(folded)))))
    # A province the document never names makes it a question about the body ("when did Nghệ An start paying
    # under letter 5115"), not about the document itself.
    if asked := provinces_in(question):  # the document's text read once, and only when needed
        text = text if text is not None else "\n".join(documents_text(index, [named[0].source]))
        if asked - provinces_in(text):
            return None
    return DocumentQuestion(named[0], fields, certain)


def card_answer(index: SearchIndex, asked: DocumentQuestion, said: dict[str, str]) -> tuple[str, str, list[Chunk]] | None:
    """(lead, cited lines, chunks cited) in the language of `said`; None when the card holds none of the fields
    asked (the document does not print them). The lead names the fields it does not print."""
    card = asked.card
    present = [field for field in asked.fields if card.fields.get(field)]
    if not present:
        return None
    if "title" not in present and card.fields.get("title"):
        # The trích yếu says which document answered, and often what it concluded or was about.
        present.insert(0, "title")
    ids = list(dict.fromkeys(line.chunk_id for field in present for line in card.fields[field]))
    order = {chunk_id: n for n, chunk_id in enumerate(ids, 1)}
    lines = []
    for field in present:
        lines.append(said[f"card_{field}"])
        lines += [f"- {line.text.rstrip(' ;,')} [{order[line.chunk_id]}]" for line in card.fields[field]]
    missing = [said[f"card_{field}"].rstrip(":") for field in asked.fields if field not in present]
    lead = said["card_missing"].format(fields=", ".join(missing)) if missing else ""
    return lead, "\n".join(lines), index.chunks(ids)


def cards_answer(index: SearchIndex, cards: list[DocumentCard], question: str, said: dict[str, str],
                 max_leftover: int) -> tuple[str, str, list[Chunk]] | None:
    """The card fields asked, document by document, when a question asks them of several documents it names by
    number ("Ai ký từng quyết định: QĐ 1351/QĐ-UBND, QĐ 986/QĐ-UBND …"); None when it asks more than that or no
    card prints a field asked. Markers count across the documents."""
    fields = asked_fields(question)
    if len(cards) < 2 or not fields or len(leftover(question, cards)) > max_leftover:
        return None
    lines: list[str] = []
    unprinted: list[str] = []  # the lead, the assistant's own words: which documents do not print it
    cited: list[Chunk] = []
    for card in cards:
        label = " ".join(p for p in (card.doc_type_name, card.printed_number) if p) or card.source
        answered = card_answer(index, DocumentQuestion(card, fields), said)
        if not answered:
            unprinted.append(f"{label}: " + said["card_missing"].format(
                fields=", ".join(said[f"card_{field}"].rstrip(":") for field in fields)))
            continue
        missing, text, chunks = answered
        unprinted += [f"{label}: {missing}"] if missing else []
        offset = len(cited)
        lines += [f"{label}:", *renumbered(text, offset).splitlines()]
        cited += chunks
    return (" ".join(unprinted), "\n".join(lines), cited) if cited else None
