"""The request's own content, clause by clause, for the parts of the draft: the prepared instruction
(prepare.py) cut at sentences, semicolons,
numbered items ("1)", "(2)", "3.1.") and short labels ("Thành phần:", "phân công:"). A clause that assigns
work names its unit first ("Phòng Dân số chuẩn bị báo cáo"): the unit heads a section of the part that
assigns work, the rest is its task. Each skeleton part says which clauses it takes (`takes`, folded words
matched against the clause and its label)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vietnamese.folding import fold
from ..vietnamese.patterns import LOWER, UPPER
from ..vietnamese.tokens import search_tokens
from ..vietnamese.units import find_units, unit_table
from .amounts import AMOUNT
from .reading import LISTED

# A sentence ends at a full stop before a word, unless the stop ends an abbreviation, a numeral of a part
# (II.) or an item number (3.1.; not a floor, a room or a month counted: "tầng 4. Đầu mối liên hệ: …"); a label
# holds to the end of its sentence.
_NOT_COUNTED = "".join(f"(?<!{word})" for word in ("tầng", "tang", "lầu", "phòng", "tháng", "thang", "quý", "lần", "buổi"))
_STOP = re.compile(r"\.\s+(?=[^\W\d_(]|\()")
_NOT_END = re.compile(rf"(?:\b(?:No|no|TP|Tp|tp|St|Mr|Ms|Dr|v/v|V/v|KT|TL|[ap]\.m|[AP]\.M)|(?:^|(?<![Qq]uý)(?<![Qq]uy)[\s(])[IVX]+|(?:^|\(|{_NOT_COUNTED}\s)\d{{1,2}}(?:\.\d{{1,2}})*|^"
                      # a part numbered in lower case where parts are listed: "gồm i. kết quả; ii. tồn tại"
                      r"|(?:[;:,]\s*|\b(?:gồm|gom|và|va)\s+)[ivx]{1,4})$")
# Within a sentence a clause ends at a semicolon, before a numbered item ("(1) …", "1) …", "2.1. …"; not "x 500.000."
# ending a line), or before another unit given work.
# ", then a cost estimate: …" opens what follows: the source and who settles the accounts before it are a clause.
# An aside after a dash ("… — chỉ phần này thôi nhé") is a note of its own.
_CUT = re.compile(r"(?<=[;])\s*|\s+[—–]\s+(?=chỉ\b[^.;:]{0,30}\bthôi\b)|(?<=,)\s+(?=then\b)|\s+(?=\(\d+\)\s)|(?<=[:;,])\s*(?=\d+\)\s)|\s+(?=\d{1,2}\.\d{1,2}\.\s)|(?<=:)\s+(?=\d+\.\s)")
# What to leave out of the draft: "… không cần nhắc, cũng đừng để "Hội trường tầng 2" như bản cũ".
_LEAVE_OUT = re.compile(r"\b(?:khong can (?:nhac|ghi|neu|dua|lap lai|noi nhan)|dung (?:de|ghi|nhac|dua|lap lai)"
                        r"|(?:don'?t|do not|no need to) (?:redo|repeat|rewrite|include|mention|add|change|touch))\b")
# What the user has written already or still lacks, wherever it stands in a clause (a note after a colon too).
_NOTE = re.compile(_LEAVE_OUT.pattern + r"|\b(?:em|minh|toi|anh|chi)\s+(?:lam|viet|soan|co)\b[^.;]{0,60}?\b(?:roi|xong)\b"
                   r"|\b(?:dan|copy|chep) (?:tu|tren|from)\b"  # "chị dán từ nhóm Zalo:"
                   r"|\bso (?:de|bo) trong\b|\bleave the number blank\b"  # the number is left for the office to give
                   r"|\b(?:are|is) (?:already )?done\b|\b(?:are|is) already\b|\b(?:already )?(?:written|drafted|done)(?: already)?\b"
                   r"(?! (?:by|before|truoc|within|no later|on|in) )"  # "done by 20/10/2026" is a task's deadline
                   r"|^i (?:just |only )?(?:need|want)\b"
                   r"|\bchi (?:con )?thieu (?:doan|phan|muc|cau|y)\b"
                   r"|^(?:phan|muc|doan)\b[^.;:]{0,40}\b(?:co roi|da co|xong roi|viet roi)\b"  # "phần mục tiêu chung có rồi, …"
                   r"|\b(?:em|minh|toi|anh|chi)\s+(?:moi|vua)\s+co\s+(?:so lieu|thong tin|noi dung)\b")  # "giờ em mới có số liệu cho …:"
# What the request asks for alone, after the frame's colon ("KH …: chỉ viết mục 3 phần II thôi, các mục khác có rồi").
# "chỉ cần viết …", "nhờ em soạn …": the user asking the drafter, not a line of the document.
_ASKED_TO_WRITE = re.compile(r"(?:chi|only|just|nho(?: ban| em| anh| chi)?)\s+(?:can\s+)?(?:viet|soan|lam|write|draft)\b"
                             r"|(?:viet|soan|lam)\s+(?:giup|gium|ho|dum)\s+(?:(?:phan|muc|doan|diem)\s+)")  # "làm giúp mục 3. …"
# Clauses about the drafting itself, not the document's content: "Viết ngắn gọn", "Kèm phụ lục …", who signs.
# "… ký" ending a clause says who signs; "so với cùng kỳ", "định kỳ", "nhiệm kỳ" end on a period ("kỳ").
_NOT_PERIOD = "".join(f"(?<!{word} )" for word in ("cung", "dinh", "trong", "moi", "hoc", "nhiem", "thoi", "chu", "giua",
                                                    "cuoi", "dau"))
# A pasted row ("Cân sức khỏe | 1 | cái | 2.300.000") is content, whatever word it opens with ("cân" folds as "cần").
_ROW = re.compile(r"\|\s*\d[\d.,]*\s*(?:\||$)")
_META = re.compile(r"^(?:the draft\b|output\b|usual (?:sections|structure|parts)\b|day du the thuc\b|nho (?:ban |em |anh |chi )?(?:soan|viet|lam)\b|soan|viet|chi viet|chi (?:doan|phan|muc|diem|y)\b|chia|ket thuc|co du|co cac|kem|bang co|"
                   r"trinh bay|ghi tong|ghi ro|lap bang|lam|draft|write|compute|please|columns?|signed|tl\b|can\b|"
                   # an English request's word to the drafter: "State the total requested and the amount in words."
                   # ("…, and say that the Planning-Finance Division settles the accounts" carries content: not a note).
                   # "keep", "give" speak of the draft ("give the total", "keep it short"), not of a task ("keep a
                   # stock of 15,000 doses", "give daily reports to the Department").
                   r"(?:state|show|include|attach|put|work out|make sure|mention|indicate|leave|add|(?:keep|give)(?= (?:it|them|me|us|each|"
                   r"the (?:total|totals|sum|amount|figures|draft|format|layout|usual|same|agenda|times|table)|a total|totals|both|"
                   r"short|brief|only|everything)\b))\b(?! of\b)"
                   r"(?![^.;]*\b(?:say|note|mention|state)s? that\b)|"
                   r"(?:khong|ko|k) (?:can|viet)\b|no need|chi can|co (?:dong )?tong(?: cong)?\s*(?:va|\+|,)\s*(?:so tien )?bang chu"
                   r"|co (?:dong )?bang chu|co bang\s*(?:,|va|kem)\s*(?:dong )?tong)"
                   r"|ky thay|ky (?:tl|thua lenh)\b|signed by|\bsigns? (?:on behalf|for)\b|"
                   rf"{_NOT_PERIOD}\bky\.?$"
                   # what the user has written already: "phần đầu … em làm rồi", "… em có rồi", "the header … are done"
                   r"|\b(?:em|minh|toi|da|anh|chi)\s+(?:lam|viet|soan|co)\b[^.;]{0,30}?\b(?:roi|xong)\b"
                   # or asks for as the one who writes: "chị chỉ cần mục 4 …", "em nhờ viết …", "chỉ thiếu đoạn …"
                   # ("chị" only before "chỉ": "chi làm thêm giờ" is overtime pay)
                   r"|^(?:(?:em|anh|minh|toi|tui|chi(?=\s+chi\b))\s+)?(?:chi\s+)?(?:can|nho)\s+(?:viet|soan|lam|giup)\b"
                   r"|^(?:em|anh|minh|toi|tui|chi(?=\s+chi\b))\s+(?:chi\s+)?(?:can|nho|viet|soan|lam)\b"
                   rf"|{_NOTE.pattern}"
                   r"|\bda xong\b|\bda co\b(?!\s+\d)"  # "phần I đã có", not "đã có 35 người ra viện"
                   # or asks the assistant itself: "Tính tỷ lệ cơ sở đạt giúp mình.", "Nêu tồn tại và kiến nghị."
                   r"|\b(?:giup|gium|ho|dum)\s+(?:minh|em|toi|tui)\W*$|^neu\b"
                   # or asks to go on from there: "viết tiếp phần II", "làm tiếp phần Kinh phí"
                   r"|\b(?:viet|lam|soan) tiep\b|\bcontinue with\b"
                   # or will write: "phần chỉ đạo cụ thể tôi tự viết"
                   r"|\b(?:em|minh|toi|anh|chi)\s+(?:se\s+)?tu\s+(?:viet|lam|soan)\b|\bI will write\b")
# What a request to write a part says it holds, and the reminders inside it ("nhớ nêu", "be sure to give").
_WITHIN = re.compile(r"^(?:viet|soan|lam|write|draft)\b[^,;:]{0,40},\s*(?:trong do|in which|in it)\s+")
_REMINDER = re.compile(r"\s+(?:nho|phai|be sure to|remember to)\s+(?:neu|ghi|dua|give|state|mention)(?:\s+(?:ro|vao))?\s+")
# Sections laid out one after another ("phần II có 2.1. Đối tượng, 2.2. Thời gian, 2.3. …"): the layout, not content.
# Their names hold no figure: "1.1 ăn trưa 100 người x 150.000đ; 1.2 …" are items with their content.
# A figure grouped in thousands ("2.300 định biên, 2.120 hiện có") is no section's number.
_SECTIONS_LISTED = re.compile(r"\b\d{1,2}\.\d{1,2}(?!\d)\.?\s+[^\d,;.:]{2,40}[,;]\s*\d{1,2}\.\d{1,2}(?!\d)\.?\s+[^\d,;.:]{2,40}(?:[,;.]|$)")
# What a listed part holds follows a dash or a colon after its name, or stands in brackets ("Kiến nghị (đề nghị UBND
# tỉnh bổ sung chỉ tiêu …)").
_PART_CONTENT = re.compile(r"\s[–—-]\s|:\s|\s\((?!\d)")
# A clause that speaks of the draft's layout, whatever opens it: "the boss wants only the conclusions rewritten, numbered
# by unit – no header, no recipients", "giữ nguyên đoạn mở đầu, không cần nơi nhận".
_LAYOUT_TALK = re.compile(r"\b(?:muon|want|wants|need|needs|khong|no|dung|don'?t|chi|only|giu nguyen|keep)\b[^.;]*\b(?:header|"
                          r"tieu de|noi nhan|quoc hieu|recipients|the thuc|danh so|numbered|viet lai|rewrit\w*|doan mo dau|"
                          r"opening paragraph|ban nhap)\b")
_SIGNER_LABELS = {"nguoi ky", "ky", "signer", "signed by"}  # "Người ký: KT. Giám đốc, …" says who signs
_SIGNS = re.compile(rf"{_NOT_PERIOD}\bky$")  # "Giám đốc Sở ký: Hoàng Văn Mạnh" says who signs
# A short label before a colon: "Thành phần:", "phân công:", "Directives:"; at most four words.
_LABEL = re.compile(r"^([^\d:;,.()]{2,40}?)\s*:\s+(?=\S)")
_NUMBERED = re.compile(r"^\(?(\d{1,2}(?:\.\d{1,2})*)[.)]\)?\s+")
# Words that open an assignment before the unit, and the heads of a unit's name (folded).
_OPENING = re.compile(r"^(?:giao|de nghi|phan cong|yeu cau|assign|ask|the)\s*:?\s+")
_DASH = re.compile(r"\s+[–—]\s+|:\s+")  # not " - ": it is inside names (Phòng Kế hoạch - Tài chính)
_UNIT_HEAD = re.compile(r"(?:cac\s+)?(?:phong|van phong|trung tam|chi cuc|benh vien|so|ban|hoi|bao hiem|thanh tra|ubnd|"
                        r"tram|ttyt|dai|bao|cuc|don vi|co so)\b")
# Verbs a task starts with, after its unit (folded): where the unit's name ends.
_VERB = re.compile(r"\s+(?=(?:chu tri|phoi hop|day manh|chuan bi|lo|bo tri|tong hop|huong dan|chi dao|lay|gui|bao cao|"
                   r"hoan thien|hoan thanh|hoan chinh|phat hanh|xay dung|tham muu|to chuc|tham dinh|kiem tra|ra soat|"
                   r"trien khai|thuc hien|dam bao|bao dam|du tru|chiu trach nhiem|co trach nhiem|theo doi|cung cap|"
                   r"lap|phan bo|tuyen truyen|rut|giam sat|xu ly|cap nhat|de xuat|tiep tuc|khan truong|chu dong|"
                   r"tang cuong|don tiep|ghi|du thao|mua|tiep nhan|thong bao|ky|cu|bo sung|tham gia|van dong|"
                   r"thanh toan|phan luong|uu tien|hop dong|dieu phoi|quan ly|nang cao|consolidates|completes|"
                   r"reviews|works|reports)\b)|\s*[–:]\s+")


@dataclass
class Clause:
    text: str  # as the draft writes it
    label: str = ""  # the short label it stood under ("thanh phan"), folded
    typed_label: str = ""  # that label as typed ("Hóa chất"): a budget line's name when its text is the amount
    number: str = ""  # its number in the request ("2", "3.1")
    unit: str = ""  # the unit it assigns work to, as typed or canonical
    task: str = ""  # the work, for an assignment
    meta: bool = False  # about the drafting (layout, signer), not content


_BULLET = re.compile(r"^[-–•+]\s+")


def _sentence(text: str) -> str:
    text = text.strip(" ;,.")
    return text[:1].upper() + text[1:] if text else text


def assignment(text: str) -> tuple[str, str] | None:
    """(unit, task) when the clause starts by naming a unit that is given work."""
    folded = fold(text)
    opening = _OPENING.match(folded)
    start = opening.end() if opening else 0
    if not _UNIT_HEAD.match(folded, start):
        return None
    named = _known_unit_end(folded, start)
    # A verb inside a known name is part of it: "Phòng Tổ chức cán bộ rà soát …".
    after = max(start + 4, named or 0)
    ends = [m for m in (_DASH.search(folded, start + 4), _VERB.search(folded, after)) if m]
    verb = min(ends, key=lambda m: m.start()) if ends else None
    # A place's name after a unit named by its area ("TTYT khu vực Cam Lâm tiêm vét …"): capitalised, part of it.
    if named and (place := _PLACE_AFTER.match(text, named)) and re.search(r"\b(?:khu vuc|huyen|thi xa|thanh pho)$",
                                                                           folded[:named]):
        named = place.end()
    if named and (not verb or _runs_on(text[named:verb.start()])):
        # The unit's known name ends before a verb the list lacks ("… bệnh tật leads the surveillance").
        unit, task = text[start:named], re.sub(r"^\s*(?:\([^)]*\))?\s*(?:[–:-]\s*)?", "", text[named:])
    elif not verb or verb.start() - start > 90:
        return None
    else:
        unit, task = text[start:verb.start()], text[verb.end():]
    unit, task = re.sub(r"\s*\([^)]*\)\s*$", "", unit).strip(" ,"), task.strip()
    if not task or len(unit.split()) < 2:
        return None
    known = find_units(unit)
    # The house-style name of a unit typed short (Văn phòng Sở, TTYT khu vực), not of one it names in full
    # ("Trung tâm Y tế khu vực Bình Sơn"), nor of one among several typed ("các bệnh viện, TTYT khu vực").
    if len(known) == 1 and not fold(unit).startswith(fold(known[0]) + " ") and not re.search(r",|\svà\s", unit):
        unit = ("Các " + known[0]) if fold(unit).startswith("cac ") and not fold(known[0]).startswith("cac ") else known[0]
    return _sentence(unit), _sentence(task)


@lru_cache(maxsize=1)
def _aliases() -> dict[tuple[str, ...], tuple[str, ...]]:
    return dict(unit_table().aliases)


_PLACE_AFTER = re.compile(rf"(?:\s+(?!Sở\b|Phòng\b|Trung\b|Bệnh\b)[{UPPER}][{LOWER}]*){{2,3}}")  # "Cam Lâm", "Đức Phổ"


def _known_unit_end(folded: str, start: int) -> int | None:
    """Where the longest known unit name starting at `start` ends ("các" before it allowed)."""
    aliases = _aliases()
    words = list(re.finditer(r"[^\W_]+", folded[start:start + 120]))
    for k in range(len(words), 0, -1):
        key = tuple(search_tokens(folded[start:start + words[k - 1].end()]))
        if len(aliases.get(key[1:] if key[:1] == ("cac",) else key, ())) == 1:
            return start + words[k - 1].end()
    return None


def _runs_on(between: str) -> bool:
    """Whether words after a unit's known name are its task rather than more of a name: some word in lower
    case that joins no other unit ("leads the …", not "Cà Mau", "và Phòng …")."""
    folded = fold(between)
    return bool(folded.strip()) and not re.match(r"\s*(?:[,(]|va\b|and\b|cung\b|voi\b|with\b)", folded) \
        and not _UNIT_HEAD.search(folded) and any(w[0].islower() for w in re.findall(r"[^\W\d_]{2,}", between))


def _after_listing(piece: str) -> str:
    """The piece after the words that announce the parts ("… gồm hai phần: "), folded."""
    folded = fold(piece)
    return folded[m.end():] if (m := LISTED.search(folded)) else folded


def _sentences(text: str) -> list[str]:
    cuts = [m.end() for m in _STOP.finditer(text) if not _NOT_END.search(text[:m.start()])]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]


def _split_assignments(piece: str) -> list[str]:
    """"Giao A chuẩn bị …, B lo hậu cần, C bố trí kinh phí": one clause per unit given work."""
    if not assignment(piece):
        return [piece]
    cuts, start = [], 0
    for m in re.finditer(r",\s+", piece):  # "A, B: tổ chức …": A has no work of its own, both share it
        if assignment(piece[m.end():]) and assignment(piece[start:m.start()]):
            cuts.append(m.start())
            start = m.end()
    return [piece[a:b].strip(" ,") for a, b in zip([0, *cuts], [*cuts, len(piece)])]


def _cut(sentence: str) -> list[str]:
    """The sentence cut into clauses, never inside brackets: "chỉ tiêu (95% trẻ …; 100% trạm y tế …)" is one."""
    pieces, start = [], 0
    for m in _CUT.finditer(sentence):
        if sentence.count("(", 0, m.start()) <= sentence.count(")", 0, m.start()):
            pieces.append(sentence[start:m.start()])
            start = m.end()
    return pieces + [sentence[start:]]


def clauses(text: str) -> list[Clause]:
    """The request's clauses; the first, which names the document ("Soạn Kế hoạch …"), is the frame: read for
    the type and the summary line, not written as content, except what follows its colon."""
    found: list[Clause] = []
    for sentence in _sentences(text):
        label = typed_label = ""
        # "… gồm hai phần: I. Đánh giá chung; II. Nhiệm vụ …": the document's layout, not its content.
        listing = LISTED.search(fold(sentence)) is not None or _SECTIONS_LISTED.search(sentence) is not None
        for piece in _cut(sentence):
            piece, bullets = _BULLET.subn("", piece.strip(" ;,"))
            label, typed_label = ("", "") if bullets else (label, typed_label)  # a line of its own has no earlier label
            framed = False  # "Dự trù kinh phí: tập huấn …": the request names what it is, then gives it
            if (m := _LABEL.match(piece)) and len(m.group(1).split()) <= 4:
                framed = not found
                if framed:
                    found.append(Clause(text=_sentence(m.group(1)), meta=True))
                label, typed_label, piece = fold(m.group(1)).strip(), m.group(1).strip(), piece[m.end():]
            number = ""
            if m := _NUMBERED.match(piece):
                number, piece = m.group(1), piece[m.end():]
            # The frame, a note on the drafting, or a heading of what follows ("Directives:").
            # A part listed with what it holds ("II. Mục tiêu – đến năm 2030: 100% …") is content all the same.
            laid_out = listing and not _PART_CONTENT.search(_after_listing(piece)) and not AMOUNT.search(piece)  # a priced line is content
            # A unit's own line is its task, whatever verb opens it ("Văn phòng Sở: draft the report to …").
            labelled = find_units(typed_label, vague=False) if found and label else []
            tasked = len(labelled) == 1
            meta = laid_out or (not found or label in _SIGNER_LABELS or _SIGNS.search(label) is not None or (_META.search(fold(piece)) is not None and not _ROW.search(piece)) or _LAYOUT_TALK.search(fold(piece)) is not None or (
                piece.rstrip().endswith(":") and len(piece.split()) <= 4)) and not (framed and found) and not tasked \
                or (tasked and _LEAVE_OUT.search(fold(piece)) is not None)  # a note after a unit's lines
            # "Chỉ viết mục 1 …: tham mưu …": what follows the colon is content, unless it is a note again ("…: em có 4
            # ý rồi, chỉ thiếu đoạn mở đầu", "…: phần thiệt hại em viết rồi, …, có bảng: 1/ …").
            while meta and ": " in piece and not laid_out:
                note, piece = piece.split(": ", 1)
                found.append(Clause(text=_sentence(note), meta=True))
                head = fold(piece.split(": ", 1)[0])
                meta = _NOTE.search(head) is not None or _ASKED_TO_WRITE.match(head) is not None or _LAYOUT_TALK.search(head) is not None
                # "…, chị dán từ nhóm Zalo: KHTC: dự trù kinh phí": a unit's line right after the note.
                if not meta and (m := _LABEL.match(piece)) and len(found_units := find_units(m.group(1), vague=False)) == 1:
                    label, typed_label, piece = fold(m.group(1)).strip(), m.group(1).strip(), piece[m.end():]
                    labelled, tasked = found_units, True
            # "viết phần I, trong đó mục 2 khám chữa bệnh nhớ nêu tổng lượt khám …": what the part holds is content.
            if meta and not laid_out and (within := _WITHIN.search(fold(piece))):
                found.append(Clause(text=_sentence(piece[:within.start()]), meta=True))
                piece, meta = piece[within.end():], False
                if reminder := _REMINDER.search(fold(piece)):
                    piece = f"{piece[:reminder.start()]}: {piece[reminder.end():]}"
            piece = _BULLET.sub("", piece)  # "Đổi mấy chỗ: - thời gian: …": the bullet after the note's colon
            for part in _split_assignments(piece) if piece.strip(" .;") else []:
                clause = Clause(text=_sentence(part), label=label, typed_label=typed_label, number=number, meta=meta)
                if not clause.meta and (pair := assignment(clause.text)):
                    clause.unit, clause.task = pair
                elif not clause.meta and tasked:
                    clause.unit, clause.task = labelled[0], clause.text
                found.append(clause)
                number = ""
    return found


def said(clause: Clause) -> str:
    """The clause as the user typed it, under its label: "Hóa chất: trọn gói 60 triệu"."""
    return f"{clause.typed_label}: {clause.text}" if clause.typed_label else clause.text


def takes(part: dict, clause: Clause) -> bool:
    """Whether a skeleton part takes this clause: its `takes` words in the clause or its label."""
    pattern = part.get("takes")
    return bool(pattern) and re.search(pattern, fold(clause.label + " " + clause.text)) is not None
