"""A drafting request read whole, by rules: the specifics of request.py read from the instruction as the draft
may quote it (marks restored, English terms in Vietnamese), then the type and the listed parts (reading.py), the
scope (scope.py), the issuer and signer, the summary line, the addressees, who chaired, and the documents it cites."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..vietnamese.folding import fold
from ..vietnamese.glossary import province_in
from ..vietnamese.language import language_of
from ..vietnamese.person_names import unmarked_names
from ..vietnamese.restorer import Restorer
from .changes import new_values
from .prepare import prepared
from .pasted import pasted_table
from .periods import completed_review, ROMAN
from .reading import document_type, listed_parts, own_number, own_symbol
from .scope import LAST, OPENING, Scope, read_scope
from .scope_said import asked_alone, asked_whole, described_piece
from .signature import signature
from .request import ASSUMED_TYPE, MARKED_NAMES, PIECE_READ, DraftRequest, parse_request

_OFFICE = re.compile(r"\bvan phong (?:ubnd|uy ban)")
# "Soạn KH của UBND tỉnh Gia Lai …": the document asked for is the provincial People's Committee's own.
_PROVINCIAL = re.compile(r"\s+(?:cua\s+)?(?:ubnd|uy ban nhan dan)\s+(?:tinh|thanh pho|tp)\b")
_DATED = re.compile(r"\W{0,3}\s*(?:ngày|ngay|dated)\s+(\d{2}/\d{1,2}/\d{4})", re.IGNORECASE)
# The document's own date given apart from its number (folded): "Ngày ban hành 25/6/2026", "ký ngày …", or a date
# the signing follows ("Ngày 15/5/2026, KT. Giám đốc …", "Dated July 20, 2026, signed by …"); a meeting's date
# before its chair ("họp ngày 15/7/2026, Giám đốc Sở chủ trì") is not it.
_ISSUED = re.compile(r"\b(?:(?:ngay ban hanh|ban hanh ngay|ngay ky|ky ngay)\s*:?\s*(?:ngay\s+)?(\d{1,2}/\d{1,2}/\d{4})"
                     r"|ngay (\d{1,2}/\d{1,2}/\d{4})\s*,\s*(?:kt|tl|tm|ky|signed)\b)")
# Its signature block, as the decree lays it out for a collective body.
PROVINCIAL_SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "[Họ và tên]"]
# A cited document: "Thực hiện Kế hoạch số 315/KH-UBND ngày 12/02/2026 của UBND tỉnh … về …".
_CITED = re.compile(r"(?:(?:thực hiện|triển khai|căn cứ|implementing|under|theo|trả lời|dựa trên|dựa theo|based on)\s+)"
                    r"((?:Kế hoạch|KH|QĐ|CV|"
                    r"Quyết định|Nghị quyết|Công văn|Chỉ thị|Thông tư|Chương trình|Thông báo(?: kết luận)?)\s+số\s+\d+[/-][\w/-]+(?:\s+ngày\s+[\d/]+)?(?:\s+(?:của|of the)\s+"
                    r"[^,;.()]*?)?(?:\s+(?:về|on)\s+[^;.()]*?)?)(?=\s*[,;.(]|\s+(?:is|was|đã)\b|$)", re.IGNORECASE)
_TYPE_NAMES = {"KH": "Kế hoạch", "QĐ": "Quyết định", "CV": "Công văn"}
_TYPE_WRITTEN_OUT = re.compile(r"^(?:KH|QĐ|CV)\b")
# Where a summary line ends, and the issuer's own name inside it ("của Sở Y tế Cà Mau").
# "vì" after a comma gives the reason ("…, vì trong tháng 9 …"); without one it is part of a name ("Tháng hành
# động vì an toàn thực phẩm"). A parenthesis with a figure stays: it dates the subject. The document's layout
# said after it ("… năm 2027 gồm 5 phần", "… có bố cục") is no part of it.
_SUBJECT_END = re.compile(r"(?<!\bNo)\.\s|,?\s(?-i:No)\.?\s*\d|:|;|\s[—–]\s|,?\s(?=(?:lúc\s+|vào\s+(?:lúc\s+)?)?\d{1,2}h\d{2}\b)|\s\((?![^)]*\d)|\s(?:trước|chậm nhất|before|by)\s+(?:ngày\s+)?\d|,\s(?:vì|do)\b|,?\s(?:because|since|signed)\b|,\s(?:tổ chức|hội nghị|họp|"
                          r"trình bày|chia|gồm|có|kèm|với)\b|,\s(?:phần|mục|nhờ|viết|chỉ|part|section|only|just)\b"
                          r"|,?\s(?:em|anh|chị|mình|tôi|tui)\s+(?:đã\s+)?(?:viết|làm|soạn|có|cần|nhờ|muốn)\b"
                          r"|\s(?:gồm|có)\s+(?:\d+\s+(?:phần|điểm|mục|nội dung)|bố cục|các phần|[IVX]+\b)|\s-\s(?=cho\s+(?:mình|em|tôi|tui)\b)"
                          r"|,?\s(?:đã (?:có khung|có sẵn|xong|viết xong|soạn xong)|(?:viết|soạn|làm) xong)\b",  # "… năm 2027 đã có khung"
                          re.IGNORECASE)
_REASON = re.compile(r"(?:,\s(?:vì|do)|,?\s(?:because|since))\s+(.+)$", re.IGNORECASE)
# The issuer's own name in the request (folded): "của Sở Y tế Cà Mau", "from the Nghe An Sở Y tế".
_OWN = r"\s*(?:cua|from|of)?\s*(?:the\s+)?(?:{p}\s+)?(?:van phong ubnd tinh|so y te|ubnd tinh)(?:\s+tinh)?(?:\s+{p})?"
# Who a document goes to ("gửi …", "to the …"), up to what it asks or is about, or its own number ("…, số 1530/…").
# "gửi báo cáo", "gửi hồ sơ": a document sent is no addressee.
_ADDRESSEES = re.compile(r"\s(?:gửi(?!\s+(?:báo cáo|kết quả|văn bản|hồ sơ|danh sách|tài liệu|bản|số liệu)\b)|to the|to(?= [A-ZĐ]| (?:các|những) ))\s+(.+?)(?=\s(?:về|V/v|requesting|đề nghị|yêu cầu|hướng dẫn|triển khai|to attend|mời|"
                         r"tăng cường|on|about|for|vì|asking|instructing)\b|,?\s+(?:[Ss]ố|No\.?)\s*\d|\.(?!\d)|[:;(]|$)")
# Addressees one from the next; "UBND các xã, phường" is one addressee.
_ADDRESSEE_SPLIT = re.compile(r",(?!\s*(?:phường|xã|thị trấn|thị xã|huyện|đặc khu)\b)\s*|\s+và\s+|\s+and\s+")
# Who chaired and what meeting, up to its date ("on 03/10/2026", "on the twelfth of …", "ngày …"); "on" before
# anything else says what the meeting was about.
# "conclusions (Thông báo kết luận) of Mr Võ Văn Hùng, … at his working session …": a person named with an
# honorific may follow the words for conclusions directly.
_CHAIR = re.compile(r"(?:kết luận (?:của|of)|kết luận(?= (?:Phó )?(?:Giám đốc|Chủ tịch|Chánh))|conclusions of|(?:kết luận|conclusions)\)?(?:\s*\([^)]*\))?\s+(?:of\s+)?"
                    r"(?=(?:ông|bà|đồng chí|Mr|Ms|Mrs)\s))\s*(.+?)\s+(?:tại|at)\s+(?:his\s+|her\s+)?(.+?)(?=\s+ngày\b|\s+on\s+(?:the\s+)?"
                    r"(?:\d|[\w-]*(?:th|first|second|third)\b)|,|\(|\.\s|$)", re.IGNORECASE)
# What a concluded meeting was about, after its date: "… ngày 14/10/2026 về tiến độ dự án …".
_ABOUT = re.compile(r"\s+ngày\s+\d{1,2}/\d{1,2}/\d{4}\s+(về\s+[^.;:,()]{5,120})(?=[.;:,(]|$)")
# A notice concluding a visit says who made it and to what: "đồng chí Nguyễn Thanh Bình, Phó Giám đốc Sở Y tế Khánh
# Hòa đi kiểm tra TTYT khu vực Cam Lâm về tiêm chủng …".
_VISITED = re.compile(r"\b(?:đồng chí|đ/c)\s+([A-ZĐ][^,;.]{3,40}?),\s*((?:Phó\s+)?(?:Giám đốc|Chủ tịch)[^,;.]{0,60}?)\s+"
                      r"(?:đã\s+)?(?:đi\s+)?(kiểm tra|làm việc với|thăm và làm việc với|giám sát)\s+([^.;]{5,160})", re.IGNORECASE)
# Who presides over a meeting an invitation is to: "Phó Giám đốc Ma Thị Nguyệt chủ trì", "do đồng chí … chủ trì",
# "chủ trì: …", "chaired by …".
_PRESIDES = re.compile(r"(?:^|[,.;:]\s*|\bdo\s+)(?:đồng chí\s+)?([^,.;:]{3,60}?)\s+chủ trì(?=\s*(?:[.;,]|$))"
                       r"|\bchủ trì\s*:\s*([^.;,]{3,60})|\bchaired by\s+([^.;,]{3,60}?)(?=\s*(?:[.;,]|\bwith\b|$))",
                       re.IGNORECASE)
_VENUE_LABEL = re.compile(r"\b(?:Địa điểm|Venue)\s*:\s*([^.;]+)", re.IGNORECASE)
# What an invitation is to, up to when and where it is ("… at 8:30 on 12/5/2026 at the meeting room").
_INVITED_TO = re.compile(r"(?:mời dự|mời tham dự|to attend|invit\w* to|inviting\s+[^.]{3,160}?\s+to(?!\s+attend\b))\s+(.+?)(?=\.\s|\.$|$|,?\s+(?:at|on|lúc|vào|tại|"
                         r"from|ngày)\s+(?:\d|the\b|(?-i:[A-ZĐ])))", re.IGNORECASE)


# The opening paragraph by other names ("the opening part" is read "phần khai mạc" once in Vietnamese).
_OPENING_WORDS = re.compile(rf"\b(?:{OPENING}|khai mac|opening|lead-in|introductory)\b")


# What a section asked for is about, said of it: "Điểm này nói về công tác đấu thầu thuốc:", "This item is on …".
_THIS_ABOUT = re.compile(r"\b(?:diem|muc|khoan|doan|y|this (?:point|item|section|paragraph)) (?:(?:nay|do) )?(?:noi ve|viet ve|la ve|ve|is "
                         r"(?:about|on)|covers) ([a-z ,]{3,60}?)(?=\s*[:;.]|,\s*(?:giao|assign)|$)")


def _sentence(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;")
    return text[:1].upper() + text[1:]


# "to implement the Provincial People's Committee's Plan No. 215/KH-UBND dated 05/10/2026" reads, its words put in
# Vietnamese, "triển khai UBND tỉnh Kế hoạch số 215/KH-UBND ngày 05/10/2026": the issuer goes after the document.
_ISSUER_BEFORE = re.compile(r"\b(thực hiện|triển khai|implementing) (UBND (?:tỉnh|thành phố)|HĐND tỉnh|Bộ Y tế|Chính phủ|Thủ tướng Chính phủ) "
                            r"((?:Kế hoạch|Quyết định|Nghị quyết|Công văn|Chỉ thị|Thông tư|Chương trình) số \d+[/-][\w/-]*\w(?: ngày \d{1,2}/\d{1,2}/\d{4})?)")


def _issuer_after(text: str) -> str:
    return _ISSUER_BEFORE.sub(r"\1 \3 của \2", text)


def _basis(text: str) -> list[str]:
    found = []
    for match in _CITED.finditer(text):
        cited = re.sub(r"\bof the\b", "của", match.group(1))
        cited = re.sub(r"\s+on\s+", " về ", cited)
        cited = _TYPE_WRITTEN_OUT.sub(lambda m: _TYPE_NAMES[m.group()], cited, count=1)  # "KH số 305/…": Kế hoạch
        if cited not in found:
            found.append(cited)
    return found


# "Write the directives of the notice …", "Soạn nội dung kết luận cho Thông báo …": what is written, named
# before the document word, may be one of its parts.
_OBJECT = re.compile(r"^\W*(?:(?:hay|xin|please)\W+)?(?:viet|soan|lap|lam|draft|write|prepare|compose)\s+(?:the\s+)?"
                     r"((?:[a-z,]+\s+){1,5}?)(?:of|for|in|cua|cho|trong)\s+(?:the\s+|a\s+|an\s+)?$")


def _object_part(folded: str, cue_end: int, sk: dict) -> str | None:
    """The part of the skeleton a request writes when it names it as its object, before the document word."""
    starts = [m.start() for cue in sk.get("cues", []) if (m := re.search(rf"\b(?:{cue})$", folded[:cue_end]))]
    match = _OBJECT.match(folded[:min(starts)]) if starts else None
    words = match.group(1).strip(" ,") if match else ""
    return words if words and any(p.get("keys") and re.search(p["keys"], words) for p in sk["part"]) else None


# "viết tiếp mục tiêu cụ thể", "soạn giúp phần yêu cầu": a write verb before a numbered section's name.
_WRITE = r"\b(?:viet|soan|lam|write|draft)(?:\s+(?:tiep|giup|gium|them|lai|hộ|ho))?\s+(?:(?:phan|muc|doan|the)\s+)?"


def _named_section(folded: str, sk: dict) -> Scope | None:
    """A section of the skeleton asked for by its name after a write verb, not its number."""
    for part in sk["part"]:
        numeral = part["heading"].split(".")[0].lower()
        for section in part.get("section", []):
            number, _, name = section["heading"].partition(". ")
            if name and re.search(_WRITE + re.escape(fold(name)) + r"\b", folded):
                return Scope("section", part=numeral, section=number, title=fold(name))
    return None


# A year named by where it stands ("nhiệm vụ năm tới", "next year"): the documents name years by number.
_RELATIVE_YEARS = ((re.compile(r"(?<!\d )\bnăm (?:tới|sau)\b|\bnext year\b", re.IGNORECASE), 1),
                   (re.compile(r"\bnăm nay\b|\bthis year\b", re.IGNORECASE), 0),
                   # "báo cáo năm trước ngày 15/12" is the year's report, before a date.
                   (re.compile(r"(?<!\d )\bnăm (?:trước(?!\s+(?:ngày|hạn|thời hạn|\d))|ngoái)\b|\blast year\b", re.IGNORECASE), -1))


def relative_years(text: str, year: int | None) -> str:
    """"Tổng kết năm 2026 và nhiệm vụ năm tới" is "… nhiệm vụ năm 2027": a year said by where it stands is
    written as the year, counted from the request's."""
    if year is None:
        return text
    for pattern, offset in _RELATIVE_YEARS:
        text = pattern.sub(lambda m: m.group() if _EVERY_YEAR.search(m.string[:m.start()]) else f"năm {year + offset}", text)
    return text


# "mỗi năm tăng 10% so với năm trước": each year's year before, no year of its own.
_EVERY_YEAR = re.compile(r"\b(?:mỗi|hằng|hàng) năm\b[^.;]{0,40}$|\b(?:each|every|per) year\b[^.;]{0,40}$|\bannual(?:ly)?\b[^.;]{0,40}$",
                         re.IGNORECASE)


def understand(instruction: str, restorer: Restorer, skeletons: dict[str, dict],
               asks_for_a_piece: Callable[[str], bool] | None = None) -> DraftRequest:
    """The request read by rules; `asks_for_a_piece` (scope_model.py) says whether a request the rules read whole
    asks for a piece all the same."""
    instruction = new_values(instruction)
    text = prepared(instruction, restorer)
    # A year said by where it stands is written as the year before the request is read ("… nhiệm vụ năm sau" is
    # the event's "năm 2027"); the text is folded after, as the scope's reading slices it where the fold matched.
    text = _issuer_after(relative_years(text, parse_request(text).year))
    request = parse_request(text)
    request.text = text
    folded = fold(text)
    request.instruction = " ".join(instruction.split())
    request.english = language_of(instruction) == "en"
    request.province = province_in(text) or request.province
    request.name, cue_end, assumed = document_type(folded, skeletons)
    # "soạn văn bản … số 145/TB-SYT": the document's own symbol tells its type where its words said only "văn bản".
    request.basis = _basis(text)
    if assumed or folded[:cue_end].endswith("van ban"):
        codes = [sk["doc_type"] for sk in skeletons.values()]
        request.name = next((name for name, sk in skeletons.items() if codes.count(sk["doc_type"]) == 1
                             and sk["doc_type"] != "CV" and own_symbol(text, sk["doc_type"], request.basis)), request.name)
    sk = skeletons[request.name]
    request.doc_type = sk["doc_type"]
    request.number, named_end = own_number(text, cue_end)
    if assumed:
        request.assumed.append(f"{ASSUMED_TYPE}: {sk['doc_type_title'] or 'công văn'}")
    if marked := [span.marked for span in unmarked_names(instruction)]:
        request.assumed.append(f"{MARKED_NAMES}: {', '.join(marked)}")
    request.listed = listed_parts(text)
    scope = read_scope(folded, cue_end, text)
    if scope.kind == "whole" and (part := _object_part(folded, cue_end, sk)):
        scope = Scope("part", part=part)
    if scope.kind == "whole" and (named := _named_section(folded, sk)):
        scope = named
    alone = asked_alone(folded, text)
    if scope.kind != "whole" and not alone and asked_whole(folded):  # "nguyên KH …; mục I viết ngắn thôi"
        scope = Scope()
    if scope.kind == "whole" and (alone or asks_for_a_piece and asks_for_a_piece(instruction)) and (
            (piece := read_scope(folded, cue_end, text, anywhere=True)).kind != "whole"
            or alone and (piece := described_piece(folded)).kind != "whole"):
        scope = piece
        request.assumed.append(PIECE_READ)
    if scope.kind == "part" and scope.part == LAST:  # "the last numbered part", of the parts listed if any
        scope = Scope("part", part=ROMAN[min(len(request.listed) or len(sk["part"]), len(sk["part"])) - 1].lower())
    # A document without numbered parts has items, not parts: "mục Thời gian, địa điểm" of a letter is a section
    # unless it names one of its parts; a block of an invitation asked as an item ("đoạn về ai đi dự") is one, not
    # one asked as a part ("phần thành phần").
    if scope.kind == "part" and not sk.get("numbered_parts", True) and scope.part and OPENING not in scope.part and \
            re.search(rf"\b(?:muc|doan)\s+{re.escape(scope.part)}", folded):
        keyed = next((p for p in sk["part"] if p.get("keys") and re.search(p["keys"], scope.part)), None)
        if sk.get("items") or not keyed:
            scope = Scope("section", title=keyed["heading"] if keyed else scope.part)
    # An item ("mục", "đoạn", "section") asked by a name none of the type's parts answers to ("đoạn về công tác dược"
    # of a report) is a section within one; "phần …" by such a name stays a part of its own.
    if scope.kind == "part" and scope.part and not re.fullmatch(r"[ivx]+", scope.part) and not _OPENING_WORDS.search(
            scope.part) and re.search(rf"\b(?:muc|doan|section|paragraph|bit)\s+\W?(?:on\s+|about\s+)?{re.escape(scope.part)}",
                                      folded) and not any(p.get("keys") and re.search(p["keys"], scope.part) for p in sk["part"]):
        scope = Scope("section", title=re.sub(r"^(?:ve|on|about)\s+", "", scope.part))
    if scope.kind == "section" and scope.section and not scope.title and (
            listed := re.search(rf"(?<![\d.]){re.escape(scope.section)}\.\s+([A-ZĐ][^,;.:()]{{1,40}})", text)):
        scope.title = fold(listed.group(1).strip())  # "4. Nội dung hội thảo" in the layout the request lists
    if scope.kind == "section" and not scope.title and (about := _THIS_ABOUT.search(folded)):
        scope.title = about.group(1).strip()  # "Điểm này nói về công tác đấu thầu thuốc: …"
    request.scope, request.scope_part, request.scope_section = scope.kind, scope.part, scope.section
    if scope.title:
        at = folded.find(fold(scope.title))
        request.scope_title = _sentence(text[at:at + len(scope.title)] if at >= 0 else scope.title)
    request.typed_rows = [[prepared(cell, restorer) for cell in row] for row in pasted_table(instruction)]
    request.office = _OFFICE.search(folded) is not None or "office of the" in fold(instruction)
    request.provincial = not request.office and _PROVINCIAL.match(folded, cue_end) is not None
    default = sk.get("signature_office", sk["signature"]) if request.office else sk["signature"]
    request.signature, _ = signature(text, PROVINCIAL_SIGNATURE if request.provincial else default)
    if request.provincial and request.signature[0].endswith("CHỦ TỊCH"):  # signed for the Committee as a body
        request.signature = [PROVINCIAL_SIGNATURE[0], *request.signature]
    request.number = request.number or own_symbol(text, request.doc_type, request.basis)
    if request.number and (at := text.find(request.number)) >= 0 and (
            dated := _DATED.match(text, at + len(request.number))):  # "số 312/SYT-KHTC, ngày 28/12/2026"
        request.signed = dated.group(1)
        if named_end == at + len(request.number):  # "BC số 302/BC-SYT ngày 11/12/2026 về …": the date is no subject
            named_end = dated.end()
    if not request.signed and (issued := _ISSUED.search(fold(text))):
        request.signed = issued.group(1) or issued.group(2)
    # The sentence that names the document; a question's tag ("… được không?") is no subject.
    frame = re.split(r"(?<!\bNo)\.\s|,?\s*(?:được không|duoc khong|dc ko|nhé|nha)?\s*[?!](?:\s|$)", text[named_end:], maxsplit=1)[0]
    if m := _ADDRESSEES.search(frame):
        request.addressees = [_sentence(a) for a in _ADDRESSEE_SPLIT.split(m.group(1)) if a.strip()]
        frame = frame[:m.start()] + frame[m.end():]
    own = re.compile(_OWN.format(p=f"(?:{re.escape(fold(request.province))})" if request.province else "(?:[a-z]+ [a-z]+)"))
    if m := own.search(fold(frame)):
        frame = frame[:m.start()] + frame[m.end():]
    if request.number:  # "công văn đề nghị …, số 1530/SYT-KHTC ngày 16/11/2026, V/v …": its own number is no subject
        frame = re.sub(rf",?\s*(?:[Ss]ố|No\.?)\s*{re.escape(request.number)}(?:,?\s*ngày\s*\d{{1,2}}/\d{{1,2}}/\d{{4}})?", "", frame)
    # "(công văn)" after the document word, or after its first words ("kế hoạch triển khai (… not a training plan)").
    frame = re.sub(r"^(\s*(?:triển khai|thực hiện)?)\s*\([^)]*\)", r"\1", frame)
    # "implementation plan (KH) … to implement Plan No. …": the code in brackets, and the verb said twice.
    frame = re.sub(r"\s*\((?:KH|TB|CV|BC|GM|QĐ|KHTK)\)", "", frame)
    frame = re.sub(r"\b(triển khai|thực hiện)\s+(?:to\s+)?(?:\1|implementing|implement)\b", r"\1", frame, flags=re.IGNORECASE)
    # "Nghị quyết số 72-NQ/TW ngày 09/9/2025 of the Politburo": the issuer of a document cited is "của" it.
    frame = re.sub(r"(số \d+[/-][\w/-]*\w(?: ngày \d{1,2}/\d{1,2}/\d{4})?) of(?: the)? ", r"\1 của ", frame)
    subject = _SUBJECT_END.split(frame, maxsplit=1)[0]
    if m := _REASON.search(frame):
        request.reason = _sentence(m.group(1))
    # What follows the document word is content too when the request says it in one sentence.
    request.frame_content = _sentence(frame) if len(frame.split()) >= 4 else None
    # A document word inside a parenthesis ("phần nội dung chính (thân công văn) của công văn …") leaves the
    # parenthesis' end and the document named again before the subject.
    subject = re.sub(r"^[\s)\],;:]*(?:của\s+(?:công văn|văn bản|kế hoạch|báo cáo|thông báo|giấy mời)\s+)?", "", subject,
                     flags=re.IGNORECASE)
    subject = re.sub(r"^[^.]*?,\s*(?=V/v\s)", "", subject)  # "đề nghị, V/v đề nghị hỗ trợ …": the summary it gives
    subject = re.sub(r"^\s*(?:\([^)]*\)\s*)?(?:về việc\s+|về\s+|V/v\s+|on\s+|to\s+|yêu cầu\s+)?", "", subject)
    request.subject = _sentence(subject) if len(subject.split()) >= 2 else None
    if m := _VENUE_LABEL.search(text):  # a labelled venue is whole, commas and all
        request.venue = m.group(1).strip()
    if m := _CHAIR.search(text):
        request.chair, request.event = _sentence(m.group(1)), _sentence(m.group(2))
        if about := _ABOUT.match(text, m.end()):  # "… ngày 14/10/2026 về tiến độ dự án …": what the meeting was on
            request.event = f"{request.event} {about.group(1).strip()}"
    elif request.name == "notice_of_conclusions" and (m := _VISITED.search(text)):
        request.chair, request.event = f"{m.group(2).strip()} {m.group(1).strip()}", f"buổi {m.group(3)} {m.group(4).strip()}"
    if request.name == "invitation" and not request.chair and (m := _PRESIDES.search(text)):
        request.chair = _sentence(next(group for group in m.groups() if group))
    if request.name == "invitation" and (m := _INVITED_TO.search(text)):
        request.event = _sentence(re.sub(r"^(?:the|a|an)\s+", "", re.split(r"\.\s", m.group(1))[0], flags=re.IGNORECASE))
        request.frame_content = None  # the sentence naming the invitation said what it is to: that is the event
    if request.name == "invitation" and not request.participants:  # those it goes to are those invited
        request.participants = request.addressees
    request.event = completed_review(request)
    return request
