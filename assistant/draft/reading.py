"""Which document an instruction asks for and how much of it, by rules on the folded text:

- the type: the first document word that is not a cited document ("Kế hoạch số 315/KH-UBND", "Plan No.");
  the cues are each skeleton's `cues`, and a skeleton with `requires` wins over one without at the same cue
  when its words follow in the same sentence (a plan "tổ chức Hội nghị" is a conference plan); with no
  document word, a conference named, then the skeletons' `hints` (what a table is about), are assumed;
- the scope: one part (a Roman numeral or a part's name), one numbered section, one table, or the whole
  document; a scope word counts when it comes before the document word or right after a verb of writing
  ("Viết mục 2.", "Lập bảng", "Table of …"), so "Parts: I. …; II. …" in a whole-plan request is a listing;
- the parts the user lists ("Bố cục: I. …; II. …", "có các phần: …", "Parts: …");

What could not be read is said: `assumed` names the guesses, and the draft warns about them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vietnamese.folding import fold
from ..vietnamese.units import find_units

_CITED = re.compile(r"\s*(?:so|no\.?|number|\d)\s*\d")
# A document word after these is a task (gửi báo cáo) or a document referred to (thực hiện Kế hoạch của …,
# theo báo cáo của …), not the document asked for.
# "Phòng Kế hoạch" is a unit; "kèm theo công văn" attaches to the document asked for, so it stays a cue.
_TASK_BEFORE = re.compile(r"\b(?:gui|nop|chuan bi|hoan thien|hoan chinh|tong hop|nghe|cac|xay dung|duoc|thuc hien|trien khai|can cu|"
                          r"(?<!kem )theo|qua|tiep thu|phong|implementing|under|pursuant to|per)\s+$")
# A document word after these names the document the request builds on, wherever it stands ("Dựa trên Thông báo
# kết luận …, soạn công văn đôn đốc …"). Not "dựa vào": folded, it is also "đưa vào" (put into a report).
_REFERRED_BEFORE = re.compile(r"\b(?:dua tren|dua theo|can cu vao|based on|further to|following up on)\s+$")
# A table or part "kèm Giấy mời số 33/GM-SYT", "to attach to the invitation No. 12" belongs to that document: its
# number is the document's own, not a citation.
_ATTACHED_BEFORE = re.compile(r"\b(?:kem(?: theo)?|dinh kem|attached to|to attach to|annexed to|to go with)\s+$")
_WINDOW = 200
# "Soạn trọn bộ BC số 302/BC-SYT", "Please draft, in Vietnamese and with the full layout, report No. 245/BC-SYT": a
# verb of writing opens the request and only how to write it follows, so the number is the document's own; a
# linking word ("a letter replying to Notice No.", "theo", "của") makes it a document referred to.
_WRITE_OPENING = re.compile(r"\W*(?:(?:please|hay|xin|vui long)\W+)?(?:draft|write|prepare|soan(?: thao)?|viet|lam|lap)\b"
                            r"(?:\W+(?!(?:to|for|of|on|about|after|following|replying|reply|answer|tra|sau|theo|cua|ve|"
                            r"cho|gui)\b)\w+){0,10}\W+")
_UNIT_WORDS = 10  # the unit is named right after "nhiệm vụ của", "the directive to" (its name's words)
_SYMBOL = re.compile(r"\b(\d+/(?:([A-ZĐ]{2,3})-(?:SYT|VP)|SYT-[A-ZĐ]+))(?![\w/-])")
# A document the request is modelled on or follows up ("làm giống kế hoạch năm ngoái (KH số 318/KH-SYT)", "theo
# mẫu giấy mời quý trước (số 41/GM-SYT)"): its number is that document's, not the new one's.
_EARLIER = re.compile(r"\b(?:giong|theo mau|mau|nam ngoai|nam truoc|quy truoc|thang truoc|lan truoc|dot truoc|"
                      r"da ban hanh|last year|previous|earlier|same as|based on|modelled on)\b")
_EARLIER_REACH = 80  # characters before the number, about a clause
_OWN_NUMBER = re.compile(r"\s*(?:số|so|no\.?|number)\s*(\d+/[\w.-]*[A-ZĐa-zđ][\w.-]*)", re.IGNORECASE)
_WRITE = re.compile(r"\b(?:viet|soan|soan thao|can|chi|lap|lam|tao|ke(?=\W+$)|trinh bay|xay dung|len|thiet ke|draft|write|"
                    r"sua lai|chinh sua|revise|rewrite|redraft|tinh(?= (?:giup|gium|ho|toan)\b)|cho (?:minh|toi|em|tui|anh|chi)|"
                    r"only|prepare|make|draw up|create|produce|build|compile|give|put|fill in|need|set out|"
                    r"please)\W+(?:\w+\W+){0,2}$")
# What may stand before a scope word that opens the request ("Dự trù kinh phí …", "Agenda for …").
# A verb of writing right before a part or section word asks for it wherever it stands ("nhờ viết phần III.").
_WRITE_PART = re.compile(r"\b(?:viet|soan|lam|write|draft)\s+(?:(?:giup|gium|ho|dum|them|tiep|lai|cho (?:em|minh|toi|anh|chi)|only|just|chi)\s+)*"
                         r"(?:the\s+)?$")
_LEAD_IN = re.compile(r"^\W*(?:(?:hay|xin|vui long|please|kindly)\W+)?(?:(?:the|a|an)\s+)?$")
# "… a table of …", "the budget estimate": an English object names the scope, unless it comes along ("with a table").
_ENGLISH_OBJECT = re.compile(r"(?<!with )(?<!including )(?<!and )(?<!plus )\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$")
_ROMAN = r"[ivx]+"
_PART = re.compile(rf"\b(?:phan|muc|part|section|chuong)\s+({_ROMAN})\b\.?")
# "draft just the …", "chỉ viết …": what follows is all the request wants, in whichever sentence.
_ONLY = re.compile(r"\b(?:just|only|chi|rieng)\s+(?:(?:can|thieu|con|need|viet|soan|lam|draft|write|redo|rewrite|redraft)"
                   r"\s+){0,2}(?:(?:lai|giup|gium)\s+)?(?:the\s+)?$")
# "mục 2 'Công tác khám bệnh, chữa bệnh' thôi": the scope words, then "thôi" (only) ending the clause, maybe with
# a particle ("mục 2 thôi nhé"); "mục 2 thời gian" is no "thôi".
_ONLY_AFTER = re.compile(r"[^.;:]{0,60}?\bthoi(?:\s+(?:nhe|nha|nhen|nhi|a|ha|nghe|do|nhe ban|nha ban))?\s*(?:[.,;:!)]|$)")
# One unit's tasks within a part: "mục nhiệm vụ của VP Sở", "the directive addressed to the CDC".
_UNIT_SECTION = re.compile(r"\b(?:(?:muc|phan|doan) nhiem vu (?:cua|giao cho|danh cho)|y giao (?:rieng )?cho|(?:directives?|tasks?|section)"
                           r" (?:addressed |assigned |given )?(?:to|for)(?: the)?)\s+")
# A section's title in quotes after its number, maybe after the part it stands in.
_QUOTED_TITLE = re.compile(r"\.?\s*(?:(?:thuoc|trong|cua|of|in)\s+)?(?:(?:phan|part)\s+[ivx]+\s*)?[:–-]?\s*['\"‘“]"
                           r"([^'\"’”]{3,80})['\"’”]")
# The number a unit's section is given after its name: "… cho TTYT khu vực Trà Vinh (mục 4)".
_UNIT_NUMBER = re.compile(r"[^(:;]{0,60}?\(\s*(?:muc|section|item|point)\s+(\d+(?:\.\d+)*)\s*\)")
# "phân công", "phân bổ" are verbs, not parts ("phần"), unmarked; "mục Mục đích, yêu cầu" names a part, "mục tiêu",
# "mức" (`_is_part_word`) none. A name may hold its year ("… năm 2027"); one in quotes is whole ("mục 'Công tác …'").
_PART_NAMED = re.compile(r"\b(?:phan|muc|doan)\s+(?![ivx]+\b)(?!\d)(?!(?:cong|bo|loai|tich|cap|luong|hoa|phoi|ky|dinh|nhiem(?! vu (?!cua\b))|biet|tieu|dich)\b)"
                         r"([a-z0-9 ,/]{3,40}?)\s*(?=\bcho\b|\bcua\b|\btrong\b|\bthuoc\b|\bthoi\b|:|\(|[.;]\s|$)"
                         r"|\bthe\s+['\"‘“]?([a-z ,]{3,30}?)['\"’”]?\s+(?:part|section)\b(?!\s+\d)"
                         r"|\b(?:the )?(?:part|section|bit) (?:on|about) ([a-z ,]{3,40}?)(?=\s*[,.;:(]|\s+(?:in|for|of)\b|$)"
                         r"|\b(?:phan|muc|doan)\s+['\"‘“]([^'\"’”]{3,60})['\"’”]")
# The opening paragraph of a body ("đoạn dẫn mở đầu", "the lead-in paragraph"); the last part ("the last numbered part",
# "phần còn lại" once the others are done).
_OPENING_PART = re.compile(r"\b(?:doan|phan)\s+(?:dan\s+)?mo dau\b(?!\s+(?:va|and)\b)"
                           r"|\b(?:lead-in|opening|introductory)\s+paragraph\b")
_LAST_PART = re.compile(r"\bthe last (?:numbered )?part\b|\bphan (?:danh so )?cuoi cung\b|\bphan con lai\b"
                        r"|\bthe remaining part\b")
LAST = "last"  # the part _LAST_PART names, whose numeral the skeleton tells
OPENING = "mo dau"
# A section asked by its number alone after a verb of writing ("Nhờ viết giúp 2.3:").
_BARE_SECTION = re.compile(r"\b(?:viet|soan|lam|write|draft|redo)\s+(?:(?:giup|gium|ho|dum|lai|tiep)\s+)*(?:(?:noi dung|doan)\s+)?(\d+\.\d+)\b"
                           r"(?!\s*(?:trieu|ty|nghin|%|h\b))")
_SECTION = re.compile(r"\b(?:muc|tieu muc|khoan|diem|section|item|point|directive)\s+(\d+(?:\.\d+)*)\.?\s*([^(:;]{0,60}?)\s*(?=\(|\bthuoc\b|\btrong\b|\bcua\b|\bcho\b|\bof\b|\bin\b|\bso y te\b|\bthoi\b|\b(?:phan|part)\s+[ivx]+\b|:|$)")
_TABLE = re.compile(r"\b(?:bang|table|phu luc|annex|agenda|schedule|rundown|chuong trinh(?= (?:dang|theo) bang)|bieu (?:tong hop|chi tieu|so lieu|ket qua)|programme of the (?:conference|meeting)|"
                    r"(?:chuong|lich) trinh (?:hoi nghi|lam viec)|du (?:toan|tru) (?:kinh phi|chi tiet)|(?:budget|cost) (?:estimates?|breakdown)"
                    r"|budget|kinh phi|timetable)\b")
# What a table holds, after "bảng": "bảng chương trình", "bảng dự trù kinh phí", "bảng phân công".
_TABLE_OF = re.compile(r"\s+(?:chuong trinh|du tru|du toan|chi tieu|phan cong|ke\b|tong hop|so lieu|kinh phi|theo doi|ket qua"
                       r"|danh sach|\(?cot\b)")
# "the budget" (an English request reads it "Kinh phí") names a table only as what is written ("prepare the
# budget for …"), not as what a letter asks for or a part is about.
_PLAIN_BUDGET = ("budget", "kinh phi")
_PARENT = re.compile(rf"\b(?:(?:thuoc|trong|of|in)\s+(?:the\s+)?)?(?:phan|part)\s+({_ROMAN})\b")
# "mục II.2", "section III.1": a part's numeral and the section's number together.
_PART_SECTION = re.compile(rf"\b(?:muc|tieu muc|section|item)\s+({_ROMAN})\.(\d+(?:\.\d+)*)\.?\s*([^(:;]{{0,60}}?)\s*(?=\(|\bthuoc\b|\btrong\b|\bcua\b|\bcho\b|\bof\b|\bin\b|\bso y te\b|\bthoi\b|:|$)")
# "Bố cục: I. …; II. …", "gồm hai phần: I. …", "có 3 phần I. …", "gồm I. …; II. …", "Parts: …".
LISTED = re.compile(r"\b(?:bo cuc|(?:co|gom) (?:du )?(?:cac|hai|ba|bon|nam|sau|\d) phan|parts|sections|structure)\s*:\s*|"
                    r"\bco (?:du )?cac phan\s+|\b(?:co|gom) (?:du )?(?:cac|hai|ba|bon|nam|sau|\d) phan\s+(?=[ivx]+\.)"
                    r"|\bgom\s+(?=i\.\s)"
                    # "gồm: mục đích, yêu cầu; nhiệm vụ, …": a part's name after "gồm:" (split where no bracket is open)
                    r"|\bgom\s*:\s*(?=(?:muc dich|muc tieu|danh gia|ket qua|tinh hinh)\b[^;]*;)")
_MAX_PARTS = 8  # more is a list of something else than parts
_STOP = re.compile(r"\.\s+(?=\S)")
# The dot of a part's numeral in the list ("…; II. Nhiệm vụ") ends nothing; that of "quý IV." ends the list.
_LISTED_NUMERAL = re.compile(r"(?:^|[;:,]\s*|\s(?:va|and)\s)[ivx]{1,4}$")

@dataclass
class Scope:
    kind: str = "whole"  # whole, part, section, table
    part: str | None = None  # the Roman numeral (lower case, folded) or the part's name, folded
    section: str | None = None  # "2", "3.1"
    title: str = ""  # the section's name as typed, folded; or the unit whose tasks it holds


def _cue_positions(folded: str, cues: list[str]) -> list[tuple[int, int]]:
    found = []
    for cue in cues:
        for match in re.finditer(rf"\b(?:{cue})\b", folded):
            # The request's first words name what to write: "Xây dựng Kế hoạch …" is no task of a unit.
            opening = re.fullmatch(r"\W*(?:\w+\W+){0,2}", folded[:match.start()]) is not None or \
                _WRITE_OPENING.fullmatch(folded[:match.start()]) is not None
            if folded[match.start() - 1:match.start()] in ("/", "-") or folded[match.end():match.end() + 1] in ("/", "-"):
                continue  # inside a number and symbol ("5/KH-UBND"), not a document word
            if _REFERRED_BEFORE.search(folded[:match.start()]):
                continue
            tasked = _TASK_BEFORE.search(folded[:match.start()]) is not None
            attached = _ATTACHED_BEFORE.search(folded[:match.start()]) is not None
            # "Soạn Báo cáo số 356/BC-SYT": a number right after the document asked for is its own, not a citation.
            if not attached and ((_CITED.match(folded, match.end()) and (tasked or not opening)) or (tasked and not opening)):
                continue
            found.append((match.start(), match.end()))
    return found


def document_type(folded: str, skeletons: dict[str, dict]) -> tuple[str, int, bool]:
    """(skeleton name, where its cue ends, assumed) for the first document word of the instruction. The
    opening sentence (up to its first full stop or colon) says what to write: a document word there wins;
    without one, a conference it names makes a conference document ("the agenda for the review conference"),
    and only then does a document word further on count."""
    found = []  # (start, 0 when the skeleton's `requires` held, -end, name)
    for name, sk in skeletons.items():
        for start, end in _cue_positions(folded, sk.get("cues", [])):
            window = re.split(r"(?<!\bno)(?<!\bso)\.\s", folded[end:end + _WINDOW])[0]  # "Kế hoạch No. 402/KH-SYT" goes on
            if not sk.get("requires"):
                found.append((start, 1, -end, name))
            elif re.search(sk["requires"], window) or re.search(rf"(?:{sk['requires']})\s+$", folded[:start]):
                # its words after the cue in the sentence, or right before it ("the review conference plan")
                found.append((start, 0, -end, name))
    opening = next((m.start() for m in re.finditer(r"\.\s|:\s", folded) if m.start() > 15), len(folded))
    requiring = [n for n, sk in skeletons.items() if sk.get("requires")]
    early = [f for f in found if f[0] < opening]
    if not early and (named := [n for n in requiring if re.search(skeletons[n]["requires"], folded[:opening])]):
        return named[0], 0, False
    if found:  # the first cue; at one place a satisfied `requires`, then the longest cue
        start, _, end, name = min(found)
        return name, -end, False
    named = [n for n in requiring if re.search(skeletons[n]["requires"], folded)]
    if named:
        return named[0], 0, True
    # No document word: what the table or text is about hints at its document ("kết quả thực hiện" → a
    # report, "chỉ tiêu" → a plan), the earliest hint first; still an assumption the draft states.
    hinted = [(m.start(), n) for n, sk in skeletons.items() if sk.get("hints") and (m := re.search(sk["hints"], folded))]
    return (min(hinted)[1] if hinted else next(n for n, sk in skeletons.items() if sk.get("default"))), 0, True


def own_number(text: str, cue_end: int) -> tuple[str | None, int]:
    """The number and symbol the request gives the document it asks for, right after its document word, and
    where they end."""
    match = _OWN_NUMBER.match(text, cue_end) if cue_end else None
    return (match.group(1), match.end()) if match else (None, cue_end)


def own_symbol(text: str, doc_type: str, cited: list[str]) -> str | None:
    """A number and symbol anywhere in the request that can only be the document's own: the document's type
    code issued by the Department or its Office ("số 412/BC-SYT" in a report request; "3215/SYT-KHTC" for a
    letter), and no document the request cites."""
    for match in _SYMBOL.finditer(text):
        number, code = match.group(1), match.group(2) or "CV"
        earlier = _EARLIER.search(fold(text[max(0, match.start() - _EARLIER_REACH):match.start()]))
        if code.upper() == doc_type and not any(number in c for c in cited) and not earlier:
            return number
    return None


_CLAUSE_LEAD_WORDS = 4


def _counts(match: re.Match, folded: str, doc_at: int) -> bool:
    """A scope word counts before the document word, or after a verb of writing in the request's opening
    sentence ("Lập dự trù kinh phí" later on is a unit's task), or wherever the request says it wants that alone
    ("… Please draft just the directive to …")."""
    opening = min([len(folded)] + [m.start() for m in re.finditer(r"\.\s|:\s", folded) if m.start() > doc_at][:1])
    before = folded[max(0, match.start() - 40):match.start()]
    if _LEAD_IN.match(folded[:match.start()]) or _ONLY.search(before) or _ONLY_AFTER.match(folded, match.end()):
        return True
    if match.re is not _TABLE and _WRITE_PART.search(before):  # "phần đầu em làm rồi; viết giúp phần nội dung chính"
        return True
    # "KH …: viết giúp mục II. MỤC TIÊU": after the document's colon, a part asked for in the clause's first words.
    after_colon = folded[:match.start()].rsplit(": ", 1)
    if match.re is not _TABLE and len(after_colon) == 2 and not re.search(r"[.;]\s", after_colon[1]) and \
            _WRITE.match(after_colon[1].strip() + " ") and len(after_colon[1].split()) <= _CLAUSE_LEAD_WORDS:
        return True
    return match.start() < doc_at or (match.start() < opening and (
        _WRITE.search(before) is not None or _ENGLISH_OBJECT.search(before) is not None))


def _is_table_word(text: str, match: re.Match) -> bool:
    """"bang" is a table (bảng) unless typed with other marks: "bằng chữ", "bằng tiếng Việt", "băng"; a request
    typed without marks whose "bang" the restorer read "bằng" still asks for a table of what a table holds
    ("chi lam bang chuong trinh")."""
    typed = text[match.start():match.end()].lower()
    return match.group() != "bang" or typed in ("bảng", "bang") or (
        typed == "bằng" and _TABLE_OF.match(match.string, match.end()) is not None)


def _is_part_word(text: str, match: re.Match) -> bool:
    """"muc" is a part (mục) unless typed as a level (mức); "doan" a paragraph (đoạn) unless a guess (chẩn đoán)
    or a delegation (đoàn)."""
    typed = re.match(r"\w*", text[match.start():]).group().lower()
    return typed not in ("mức", "múc", "đoán", "đoàn")


def read_scope(folded: str, doc_at: int, text: str = "") -> Scope:
    """The scope the instruction asks for; whole when no scope word counts (see the module's docstring).
    `text`: the instruction as typed, whose marks tell a table (bảng) from "bằng"."""
    text = text or folded
    found: list[tuple[int, Scope]] = []
    if (m := _PART_SECTION.search(folded)) and _counts(m, folded, doc_at):
        quoted = _QUOTED_TITLE.match(folded, m.end(2))
        found.append((m.start(), Scope("section", part=m.group(1), section=m.group(2),
                                       title=quoted.group(1).strip() if quoted else m.group(3).strip(" .'\"‘’“”"))))
    elif (m := _SECTION.search(folded)) and _counts(m, folded, doc_at):
        parent = _PARENT.search(folded, m.end())
        title = m.group(2).strip(" .'\"‘’“”")
        if not title and (named := re.match(r"\s*\(([^)]{3,40})\)", folded[m.end():])):  # "section 3 (Directives)"
            title = named.group(1)
        # A title in quotes is taken whole ("điểm 2 'Về thời gian …'", "mục 2 phần I 'Công tác khám bệnh, chữa bệnh'").
        if quoted := _QUOTED_TITLE.match(folded, m.end(1)):
            title = quoted.group(1).strip()
        # "mục 2 ở phần tổ chức thực hiện - nhiệm vụ của Chi cục ATVSTP": the section is that unit's tasks.
        if re.search(r"\bnhiem vu$", title) and (units := find_units(" ".join(text[m.end():].split()[:_UNIT_WORDS]))):
            title = units[0]
        found.append((m.start(), Scope("section", part=parent.group(1) if parent else None, section=m.group(1),
                                       title=title)))
    # "gồm hai phần … Phần I đã xong, viết tiếp phần II": the part asked for is the one whose words count.
    if m := next((m for m in _PART.finditer(folded) if _counts(m, folded, doc_at)
                  and not _PART_SECTION.match(folded, m.start())), None):
        found.append((m.start(), Scope("part", part=m.group(1))))
    elif m := next((m for m in _PART_NAMED.finditer(folded) if _is_part_word(text, m) and _counts(m, folded, doc_at)), None):
        found.append((m.start(), Scope("part", part=next(g for g in m.groups() if g).strip())))
    # Ahead of a part named at the same words ("phần còn lại" is no part named "còn lại").
    if (m := _OPENING_PART.search(folded)) and _counts(m, folded, doc_at):
        found.insert(0, (m.start(), Scope("part", part=OPENING)))
    if (m := _LAST_PART.search(folded)) and _counts(m, folded, doc_at):
        found.insert(0, (m.start(), Scope("part", part=LAST)))
    if m := _BARE_SECTION.search(folded):
        found.append((m.start(), Scope("section", section=m.group(1))))
    if (m := _UNIT_SECTION.search(folded)) and _counts(m, folded, doc_at) and (
            units := find_units(" ".join(text[m.end():].split()[:_UNIT_WORDS]))):
        # The unit as typed when it names its place too ("Trung tâm Y tế khu vực Trà Vinh (mục 4)"), and the number.
        typed = re.split(r"\s*[(:;,.]", folded[m.end():], maxsplit=1)[0].strip()
        named = typed if typed.startswith(fold(units[0])) and len(typed.split()) <= len(units[0].split()) + 3 else units[0]
        number = _UNIT_NUMBER.match(folded, m.end())
        found.append((m.start(), Scope("section", section=number.group(1) if number else None, title=named)))
    tables = [m for m in _TABLE.finditer(folded) if _is_table_word(text, m) and (
        m.group() not in _PLAIN_BUDGET or _WRITE.search(folded[max(0, m.start() - 40):m.start()])
        or _LEAD_IN.match(folded[:m.start()]))]
    if tables and _counts(tables[0], folded, doc_at):
        found.append((tables[0].start(), Scope("table")))
    return min(found, key=lambda f: f[0])[1] if found else Scope()


def listed_parts(text: str) -> list[str]:
    """The parts a request lists for the document, as typed (numerals dropped)."""
    folded = fold(text)
    match = LISTED.search(folded)
    if not match:
        return []
    end = next((m for m in _STOP.finditer(folded, match.end())
                if not _LISTED_NUMERAL.search(folded[match.end():m.start()])), None)
    span = text[match.end():end.start() if end else len(text)]
    pieces = re.split(r";\s*(?![^()]*\))", span) if ";" in span else re.split(r",\s*(?![^()]*\))", span)
    parts = []
    for piece in pieces:
        piece = re.sub(r"^\s*(?:[IVX]+|\d+)[.)]\s*", "", piece, flags=re.IGNORECASE)
        piece = re.split(r"\s+[–—-]\s+|\s*\(|:", piece)[0].strip(" .")
        if piece:
            parts.append(piece)
    return parts if len(parts) <= _MAX_PARTS else []
