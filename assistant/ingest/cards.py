"""A document's card (index/records.py): its header and closing read from its chunks as people read them
(restored text for an OCR'd file), each field kept with the chunk it stands in.

The layouts differ: the seeds put the header on lines, CongBot's records in a two-cell table, the legal
texts of corpus-extra in a `Số hiệu: … | Ngày ban hành: …` line. Every line is cut at table bars and
matched on its folded form, so one set of patterns reads them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..index.records import CardLine, Chunk, DocumentCard
from ..vietnamese.folding import fold
from ..vietnamese.patterns import LOWER, UPPER
from .header import header_lines, is_upper_line, trailing_caps
from .structure import PREAMBLE, SIGNATURE

# Fields printed at the top are looked for in the first chunks, the signature in the last ones.
_HEAD_CHUNKS = 3
_TAIL_CHUNKS = 3
_CLOSING_SEGMENTS = 40
_NUMBER = re.compile(r"\bs[o6]\s*(?:hieu)?\s*:\s*(\d+[^\s,;|]*)")
# A document whose header lost its number may open on a title that gives it ("Văn bản hợp nhất số 04/VBHN-BYT (…)"),
# or be named by its annexes ("Kèm theo Nghị định số 75/2021/NĐ-CP ngày 24 tháng 7 năm 2021"). Folded, same length.
_TYPE_WORDS = (r"(?:van ban hop nhat|quyet dinh|thong tu lien tich|thong tu|nghi dinh|nghi quyet|chi thi|ke hoach"
               r"|thong bao|cong van|phap lenh)")
_TYPE_LINE = re.compile(rf"{_TYPE_WORDS}|luat")
_TITLED_NUMBER = re.compile(rf"{_TYPE_WORDS}\s+so\s*:?\s*(\d+/[^\s,;|()]+)")
_CAPTION = re.compile(rf"\bkem theo {_TYPE_WORDS}\s+so\s*:?\s*(\d+/[^\s,;|()]+)\s+(ngay\s+"
                      r"(?:\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}))")
# A place is one to four capitalised words; the date after it as printed (`ngày 09 tháng 04 năm 2012`, `Hà Nội ,
# ngày …` as some files space it).
_PLACE_DATE = re.compile(rf"[{UPPER}][{LOWER}]+(?: [{UPPER}][{LOWER}]+){{0,3}}\s*,\s*ng\S{{1,2}}y\b.{{0,6}}?th\S{{1,2}}ng\s*\d{{1,2}}"
                         r"\s*n\S{1,2}m\s*\d{4}")
_LABELLED = {"date": re.compile(r"^ngay ban hanh\s*:"), "issuer": re.compile(r"^(co quan ban hanh|noi ban hanh)\s*:"),
             "effect": re.compile(r"^hieu luc\s*:")}
_RECIPIENTS = re.compile(r"^(kinh gui|noi nhan|noi nh\S*)\s*:")
_BASIS = re.compile(r"^(can cu|thuc hien|theo de nghi|xet de nghi|xet to trinh|theo to trinh|tiep theo)\b")
# A letter that answers another names it where it opens: "Bộ … nhận được Công văn số 1879/UBND-VX ngày … của …".
_ANSWERS = re.compile(r"\bnhan duoc (?:cong van|to trinh|van ban|bao cao|thu|de nghi|kien nghi)\b.{0,40}?\bso\b")
# The documents a sentence that replaces or repeals several goes on to list after semicolons ("thay thế các Quyết
# định: Quyết định số 110/2005/…; Quyết định số 42/2007/…").
_LISTED_DOCUMENT = re.compile(r"^(?:va\s+)?(?:quyet dinh|thong tu|nghi dinh|van ban|chi thi|thong tu lien tich|nghi quyet)"
                              r"\s+so\b")
_EFFECT = re.compile(r"\b(co hieu luc|hieu luc (?:thi hanh|ke tu|tu ngay)|(?:thay the|bai bo)\s+(?:cac\s+)?(?:quyet dinh|thong tu"
                     r"|nghi dinh|van ban|ke hoach|chi thi|thong bao)\b)")
# An effect sentence speaks of the document itself ("Thông tư này có hiệu lực"), of what it ends or replaces, or
# gives the date it starts: a contract or a licence "có hiệu lực" in the body is no part of the card.
_OF_DOCUMENT = re.compile(r"\b(?:nay|het hieu luc|thay the|bai bo)\b|hieu luc.{0,30}\b(?:ngay \d|\d{1,2}/\d{1,2}/\d{4})")
# A signer's capacity: a delegation prefix or an office, in capitals (`KT. BỘ TRƯỞNG`, `PHÓ GIÁM ĐỐC`).
_CAPACITY = re.compile(r"^(?:(?:kt|tl|tm|q|ktl)\.?\s|(?:pho\s+)?(?:giam d\S{0,2}c|chu tich|bo truong|thu truong|thu tuong"
                       r"|chanh van phong|cuc truong|vu truong|truong ban|chanh thanh tra|tong cuc truong)\b)")
_NAME = re.compile(rf"([{UPPER}][{LOWER}]+(?: [{UPPER}][{LOWER}]+){{1,4}})\s*$")
# A syllable of a signer's name broken by a stray space ("Đặ ng Văn Minh"): a name's syllables are capitalised.
_BROKEN = re.compile(rf"\b([{UPPER}][{LOWER}]*) ([{LOWER}]+)(?= [{UPPER}][{LOWER}]+ [{UPPER}][{LOWER}]+\s*$)")
# Type codes of document symbols (Decree 30/2020/NĐ-CP, appendix III).
_SYMBOL_TYPES = {"KH": "Kế hoạch", "TB": "Thông báo", "QD": "Quyết định", "BC": "Báo cáo", "CT": "Chỉ thị",
                 "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "ND": "Nghị định", "NQ": "Nghị quyết",
                 "VBHN": "Văn bản hợp nhất", "CTR": "Chương trình", "TTR": "Tờ trình", "HD": "Hướng dẫn",
                 "QH12": "Luật", "QH13": "Luật", "QH14": "Luật", "QH15": "Luật"}
_SENTENCE = re.compile(r"(?<=[.;])\s+")
# The enacting formula after the preamble names who issues the document: "Chủ tịch UBND tỉnh ban hành Kế hoạch …",
# "Bộ trưởng Bộ Y tế ban hành Thông tư …".
_ENACTING = re.compile(r"^([^,.;:]{3,80}?)\s+ban hanh\s+(?:ke hoach|thong tu|quyet dinh|thong bao|chi thi|nghi quyet|"
                       r"quy che|quy dinh|huong dan|chuong trinh)\b")


def _segments(chunks: list[Chunk]) -> Iterator[tuple[str, Chunk]]:
    """Each line of each chunk, cut at table bars, with the chunk it stands in."""
    for chunk in chunks:
        for line in chunk.readable.split("\n"):
            for cell in line.split("|"):
                cell = cell.strip(" *#-—–")
                if any(c.isalnum() for c in cell):
                    yield cell, chunk


def _number(card: dict, head: list[tuple[str, Chunk]], known: str | None) -> None:
    for text, chunk in head:
        m = _NUMBER.search(fold(text))
        if m:
            card["number"] = [CardLine(f"Số: {known}" if known else text[m.start():m.end()], chunk.id)]
            return
    if head and (m := _TITLED_NUMBER.match(fold(head[0][0]))):
        card["number"] = [CardLine(f"Số: {head[0][0][m.start(1):m.end(1)]}", head[0][1].id)]


def _captioned(card: dict, segments: list[tuple[str, Chunk]]) -> None:
    """The number and date an annex's caption gives the document, where its header printed neither: "(Kèm theo
    Nghị định số 75/2021/NĐ-CP ngày 24 tháng 7 năm 2021 của Chính phủ)"."""
    for text, chunk in segments:
        if m := _CAPTION.search(fold(text)):
            card["number"] = [CardLine(f"Số: {text[m.start(1):m.end(1)]}", chunk.id)]
            if "date" not in card:
                card["date"] = [CardLine(text[m.start(2):m.end(2)], chunk.id)]
            return


def _capacity(text: str) -> tuple[int, str, str | None] | None:
    """A capacity in capitals ending the segment (a two-column closing puts it after a recipient): where it
    starts, its text, and a name after it in the same cell (`KT. BỘ TRƯỞNG THỨ TRƯỞNG Bùi Hồng Lĩnh`)."""
    text = _BROKEN.sub(r"\1\2", text)
    name = _NAME.search(text)
    if name and is_upper_line(name.group(1)):
        name = None
    part = text[:name.start()] if name else text
    at = 0 if is_upper_line(part) else trailing_caps(part)
    if at is None or not is_upper_line(part[at:]):
        return None
    # The capacity may follow other capitals in its cell ("XÁC THỰC VĂN BẢN HỢP NHẤT KT. BỘ TRƯỞNG").
    at = next((word.start() for word in re.finditer(r"\S+", part) if word.start() >= at
               and _CAPACITY.match(fold(part[word.start():]))), None)
    if at is None:
        return None
    return at, part[at:].strip(), name.group(1) if name else None


def _signer(tail: list[tuple[str, Chunk]]) -> tuple[list[CardLine], CardLine | None]:
    """The capacity lines of the closing and the name signed under them, if one is printed."""
    capacities: list[CardLine] = []
    name = None
    for text, chunk in tail:
        if found := _capacity(text):
            capacities.append(CardLine(found[1], chunk.id))
            if found[2]:
                name = CardLine(found[2], chunk.id)
        elif (capacities or chunk.section_original == SIGNATURE) and _NAME.fullmatch(text) and not is_upper_line(text):
            name = CardLine(text, chunk.id)
    return capacities, name


def _listed(text: str, chunk: Chunk) -> list[CardLine]:
    """Recipients written on one line: `- Bộ Tài chính; - Bộ Kế hoạch và Đầu tư`. A dash between words is part of
    a name (`Bộ Lao động - Thương binh và Xã hội`); one after a separator or at the start opens an item."""
    return [CardLine(part.strip(" -;"), chunk.id) for part in re.split(r"(?:^\s*|[;,]\s*)-\s+", text)
            if part.strip(" -;") and not (is_upper_line(part) and _CAPACITY.match(fold(part.strip())))]


def _recipients(segments: list[tuple[str, Chunk]]) -> list[CardLine]:
    """`Kính gửi:` and `Nơi nhận:` with the list under it, until the signer's capacity or name. The list after
    `Kính gửi:` may stand in the next table cell or on the next lines, each but the last ending in ';'."""
    lines: list[CardLine] = []
    listing = False
    addressed = False  # a `Kính gửi:` whose recipients come in the following segments
    for text, chunk in segments:
        folded = fold(text)
        if _RECIPIENTS.match(folded):
            rest = text.split(":", 1)[1]
            lines += _listed(rest, chunk)
            listing = folded.startswith("noi")
            addressed = not listing and (not rest.strip() or rest.rstrip().endswith((";", ",")))
        elif addressed:
            lines += _listed(text, chunk)
            addressed = text.rstrip().endswith((";", ","))
        elif listing and ((capacity := _capacity(text)) and capacity[0] == 0 or _NAME.fullmatch(text)):
            listing = False
        elif listing:
            # A two-column closing ends a recipient's line with the signer's capacity: cut it off.
            lines.append(CardLine(text[:capacity[0]].strip(" -;") if capacity else text.strip(" -;"), chunk.id))
    return lines


def _closing(segments: list[tuple[str, Chunk]], chunks: list[Chunk]) -> range:
    """Where the closing stands among the segments: from the first `Nơi nhận:` on (a decision's annexed
    regulation comes after its signature), else the last chunks."""
    # The closing's own section, when the structure found one: an annexed form may print a blank `Nơi nhận:`.
    start = next((i for i, (_, chunk) in enumerate(segments) if chunk.section_original == SIGNATURE), None)
    if start is None:
        start = next((i for i, (text, _) in enumerate(segments) if fold(text).startswith("noi nh")), None)
    if start is None:
        last = {chunk.id for chunk in chunks[-_TAIL_CHUNKS:]}
        return range(next((i for i, (_, chunk) in enumerate(segments) if chunk.id in last), len(segments)),
                     len(segments))
    return range(start, min(start + _CLOSING_SEGMENTS, len(segments)))


def build_card(chunks: list[Chunk]) -> DocumentCard:
    first = chunks[0]
    segments = list(_segments(chunks))
    first_ids = {chunk.id for chunk in chunks[:_HEAD_CHUNKS]}
    head_end = next((i for i, (_, chunk) in enumerate(segments) if chunk.id not in first_ids), len(segments))
    head = segments[:head_end]
    closing = _closing(segments, chunks)
    tail = segments[closing.start:closing.stop]
    card: dict[str, list[CardLine]] = {}
    _number(card, head, first.number)
    if "number" not in card:
        _captioned(card, segments)
    for text, chunk in head:
        folded = fold(text)
        for field, labelled in _LABELLED.items():
            if labelled.match(folded) and field not in card:
                card[field] = [CardLine(text, chunk.id)]
        if "date" not in card and (m := _PLACE_DATE.search(text)):
            card["date"] = [CardLine(text[m.start():m.end()].strip(), chunk.id)]
        # Căn cứ / Thực hiện open the preamble; later a `Thực hiện tốt …` is a task.
        if _BASIS.match(folded) and text[:1].isupper() and chunk.section_original == PREAMBLE:
            card.setdefault("basis", []).append(CardLine(text, chunk.id))
        elif (answers := _ANSWERS.search(folded)) and "basis" not in card:
            sentence = next(s for s in _SENTENCE.split(text[answers.start():]) if s.strip())
            card["basis"] = [CardLine(sentence.strip(), chunk.id)]
    if "issuer" not in card:
        issuer = _issuer(first) or _enacting(head)
        if issuer:
            card["issuer"] = issuer
    if title := _title(first, head):
        card["title"] = [title]
    capacities, name = _signer(tail)
    if name:
        card["signer"] = capacities + [name]
    elif capacities:
        # Signed for someone with the name lost (an OCR'd signature): the capacity is known, the signer is not.
        card["capacity"] = capacities
    if recipients := _recipients(head + segments[max(closing.start, head_end):closing.stop]):
        card["recipients"] = list(dict.fromkeys(recipients))
    effect = [CardLine(sentence.strip(), chunk.id) for text, chunk in segments for sentence in _effect_sentences(text)]
    if effect:
        card["effect"] = list(dict.fromkeys(card.get("effect", []) + effect))
    return DocumentCard(source=first.source, title=first.title, number=first.number,
                        doc_type_name=first.metadata.get("doc_type_name") or _type_from_number(card), fields=card)


def _effect_sentences(text: str) -> list[str]:
    """The sentences of a segment that speak of the document's effect, with the documents a replacing one lists."""
    found: list[str] = []
    listing = False
    for sentence in _SENTENCE.split(text):
        folded = fold(sentence.strip())
        if _speaks_of_effect(folded) or (listing and _LISTED_DOCUMENT.match(folded)):
            found.append(sentence)
            listing = bool(re.search(r"\b(?:thay the|bai bo)\b", folded)) or listing
        else:
            listing = False
    return found


def _speaks_of_effect(folded: str) -> bool:
    return bool(_EFFECT.search(folded) and _OF_DOCUMENT.search(folded))


def _type_from_number(card: dict[str, list[CardLine]]) -> str | None:
    """The type a number's symbol names (`12/2012/QĐ-UBND` is a decision); a symbol without a type code is an
    official letter's (`1040/LĐTBXH-NCC`)."""
    if not card.get("number"):
        return None
    symbol = fold(card["number"][0].text.split(":", 1)[-1]).strip().split("/")[-1]
    code = symbol.split("-")[0].upper()
    return _SYMBOL_TYPES.get(code, "Công văn" if "-" in symbol else None)


def _title(first: Chunk, head: list[tuple[str, Chunk]]) -> CardLine | None:
    """The trích yếu the parser found, else a `V/v …` (a letter's subject), else the line in capitals under the
    document's type (`NGHỊ ĐỊNH` / `SỬA ĐỔI, BỔ SUNG …`), else the document's first line that is not a bare code
    (`48_2013_NĐ_CP_preamble`, a record's identifier)."""
    if first.title and first.title != first.source:
        return CardLine(first.title, first.id)
    for text, chunk in head:
        at = fold(text).find("v/v ")
        if at >= 0:
            return CardLine(text[at:], chunk.id)
    for (kind, _), (text, chunk) in zip(head, head[1:]):
        if _TYPE_LINE.fullmatch(fold(kind).strip()) and is_upper_line(text):
            return CardLine(text, chunk.id)
    return next((CardLine(text, chunk.id) for text, chunk in head if " " in text.strip()), None)


def _enacting(head: list[tuple[str, Chunk]]) -> list[CardLine]:
    """The issuer the enacting formula names, when the header lost its own (an OCR'd or cut-off first page)."""
    for text, chunk in head:
        if text[:1].isupper() and (m := _ENACTING.match(fold(text))):
            return [CardLine(text[:m.end(1)], chunk.id)]
    return []


def _issuer(first: Chunk) -> list[CardLine]:
    """The issuing body: the lines in capitals above the number in the header (the motto cut away)."""
    lines = []
    for text in header_lines(first.readable.split("\n")):
        for cell in text.split("|"):
            cell = cell.strip(" *#-—–")
            if _NUMBER.search(fold(cell)):
                # An office is named by the body it serves: "UBND TỈNH LẠNG SƠN / VĂN PHÒNG" is the Văn phòng UBND tỉnh.
                if len(lines) == 2 and fold(lines[1].text) == "van phong":
                    lines.insert(0, CardLine(f"{lines[1].text} {lines[0].text}", first.id))
                return lines
            if cell and is_upper_line(cell):
                lines.append(CardLine(cell, first.id))
    return []
