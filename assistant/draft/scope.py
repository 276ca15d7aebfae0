"""How much of a document an instruction asks for, by rules on the folded text: one part (a Roman numeral or a
part's name), one numbered section (or one unit's tasks), one table, or the whole document. A scope word counts
when it comes before the document word or right after a verb of writing ("Viết mục 2.", "Lập bảng", "Table of
…"), or where the request says it wants that alone, so "Parts: I. …; II. …" in a whole-plan request is a listing.
The document's type, number and listed parts are read in reading.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..vietnamese.folding import fold
from ..vietnamese.units import find_units

_UNIT_WORDS = 10  # the unit is named right after "nhiệm vụ của", "the directive to" (its name's words)
_WRITE = re.compile(r"\b(?:viet|soan|soan thao|can|chi|lap|lam|tao|ke(?=\W+$)|trinh bay|xay dung|len|thiet ke|draft|write|"
                    r"sua lai|chinh sua|revise|rewrite|redraft|tinh(?= (?:giup|gium|ho|toan)\b)|cho (?:minh|toi|em|tui|anh|chi)|"
                    r"only|prepare|make|draw up|create|produce|build|compile|give|put|fill in|need|set out|you do|"
                    r"please)\W+(?:\w+\W+){0,2}$")
# What may stand before a scope word that opens the request ("Dự trù kinh phí …", "Agenda for …").
# A verb of writing right before a part or section word asks for it wherever it stands ("nhờ viết phần III.").
_WRITE_PART = re.compile(r"\b(?:viet|soan|lam|write|draft)\s+(?:(?:giup|gium|ho|dum|them|tiep|lai|cho (?:em|minh|toi|anh|chi)|only|just|chi)\s+)*"
                         r"(?:the\s+)?$")
_LEAD_IN = re.compile(r"^\W*(?:(?:hay|xin|vui long|please|kindly)\W+)?(?:(?:the|a|an)\s+)?$")
# "… a table of …", "the budget estimate": an English object names the scope, unless it comes along ("with a table").
_ENGLISH_OBJECT = re.compile(r"(?<!with )(?<!including )(?<!and )(?<!plus )\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$")
_ROMAN = r"[ivx]+"
# ("the only part I still need is III": that "I" is the one asking)
_PART = re.compile(rf"\b(?:phan|muc|part|section|chuong)\s+({_ROMAN})\b(?!\s+(?:still|need|want|have|am|would|will|can|must|already)\b)\.?")
# "draft just the …", "chỉ viết …": what follows is all the request wants, in whichever sentence.
# "The plan is drafted except Part IV": the one part left to write.
_ONLY = re.compile(r"\b(?:just|only)\s+(?:need\s+)?(?:the\s+)?(?:[a-z-]+\s+){0,2}$"  # "only need the estimate table"
                   r"|\b(?:just|only|chi|rieng)\s+(?:(?:can|thieu|con|need|viet|soan|lam|draft|write|redo|rewrite|redraft)"
                   r"\s+){0,2}(?:(?:lai|giup|gium)\s+)?(?:the\s+|cai\s+)?(?:(?:indicator|target|budget|cost|summary|results?|comparison)\s+)?$"
                   r"|\b(?:drafted|written|done|finished|complete)\s+"
                   r"(?:except|but)\s+(?:for\s+)?(?:the\s+)?$"
                   # what is left to write: "viết xong rồi, còn thiếu phần kinh phí", "still missing the …"
                   r"|\b(?:(?:con|chi con|van con)\s+)?(?:thieu|chua (?:co|viet|lam|soan))\s+(?:cai\s+)?$|\b(?:still\s+)?missing\s+(?:the\s+)?$")
# "mục 2 'Công tác khám bệnh, chữa bệnh' thôi": the scope words, then "thôi" (only) ending the clause, maybe with
# a particle ("mục 2 thôi nhé"), before another piece is named; "mục 2 thời gian" is no "thôi".
_ONLY_AFTER = re.compile(r"(?:(?!\b(?:phan|muc|doan|bang)\b)[^.;:]){0,60}?\bthoi(?:\s+(?:nhe|nha|nhen|nhi|a|ha|nghe|do|nhe ban|nha ban))?\s*(?:[.,;:!)]|$)"
                         r"|\s+only\b")  # "Cost table only for …"
# Work given to a unit: "giao việc riêng cho", "giao nhiệm vụ cho".
_GIVEN_TO = r"giao (?:(?:nhiem vu|viec) )?(?:rieng )?cho\b"
# One unit's tasks within a part: "mục nhiệm vụ của VP Sở", "mục giao nhiệm vụ cho CDC", "the directive addressed to
# the CDC".
_UNIT_SECTION = re.compile(rf"\b(?:(?:(?:muc|phan|doan) )?nhiem vu (?:cua|giao cho|danh cho)|(?:y|(?:phan )?viec) giao (?:rieng )?cho|(?:muc|phan|doan|diem)(?: ket luan)? {_GIVEN_TO}|(?:directives?|"
                           r"tasks?|section|paragraph) (?:addressed |assigned |given )?(?:to|for)(?: the)?|(?:paragraph|part|section) assigning(?: the)?|(?:muc|phan|doan|paragraph|part|section)\s+(?:[a-z]+\s+){0,3}?"
                           r"(?:lien quan (?:den|toi)|related to|concerning|regarding)(?: the)?)\s+")
# A section's title in quotes after its number, maybe after the part it stands in.
_QUOTED_TITLE = re.compile(r"\.?\s*(?:(?:thuoc|trong|cua|of|in)\s+)?(?:(?:phan|part)\s+[ivx]+\s*)?[:–-]?\s*['\"‘“]"
                           r"([^'\"’”]{3,80})['\"’”]")
_NUMBERED_IN_BRACKETS = re.compile(r"\s*\((?:muc|section|item|diem)\s+(\d+(?:\.\d+)*)\.?\s+([^()]{3,60})\)")
_BRACKETED_TITLE = re.compile(r"[^()]{0,60}?\((?:muc\s+)?(\d+(?:\.\d+)*)\.?\s+([^()]{3,60})\)")
# A sub-section named by its title alone: "viết giúp tiểu mục Công tác khám bệnh, chữa bệnh trong báo cáo …".
_TITLED_SECTION = re.compile(r"\b(?:tieu muc|sub-?section)\s+(?!\d)(?![ivx]+\b)([a-z ,/-]{3,60}?)\s*"
                             r"(?=\btrong\b|\bcua\b|\bthuoc\b|\bof\b|\bin\b|:|\(|[.;]\s|[—–]|$)")
# The number a unit's section is given after its name: "… cho TTYT khu vực Trà Vinh (mục 4)".
_UNIT_NUMBER = re.compile(r"[^(:;]{0,60}?\(\s*(?:muc|section|item|point)\s+(\d+(?:\.\d+)*)\s*\)")
# "phân công", "phân bổ" are verbs, not parts ("phần"), unmarked; "mục Mục đích, yêu cầu" names a part, "mục tiêu",
# "mức" (`_is_part_word`) none. A name may hold its year ("… năm 2027"); one in quotes is whole ("mục 'Công tác …'").
_PART_NAMED = re.compile(r"\b(?:phan|muc|doan)\s+(?![ivx]+\b)(?!\d)(?!(?:nay|do|ay|tren|cong|bo|loai|tich|cap|luong|hoa|phoi|ky|dinh|nhiem(?! vu (?!cua\b))|biet|tieu|dich|viec giao)\b)"
                         r"([a-z0-9 ,/]{3,40}?)\s*(?=\bcho\b|\bcua\b|\btrong\b|\bthuoc\b|\bthoi\b|:|\(|[.;]\s|[—–]|$"
                         r"|\b(?:thi\s+)?(?:ban\s+)?(?:viet|soan|lam)\s+(?:giup|gium|ho|dum)\b)"
                         r"|\bthe\s+(?!(?:only|other|same)\b)['\"‘“]?([a-z ,-]{3,30}?)['\"’”]?\s+(?:part|section)\b(?!\s+\d)"
                         r"|\b(?:the )?(?:part|section|bit|paragraph) (?:on|about) ([a-z ,]{3,40}?)(?=\s*[,.;:(]|\s+(?:in|for|of)\b|$)"
                         r"|\b(?:phan|muc|doan|part|section)\s+['\"‘“]([^'\"’”]{3,60})['\"’”]")
# "chỉ viết phần các nội dung đề nghị đơn vị thực hiện, đánh số 1-4": a part asked for alone by a name of any length.
_ONLY_NAMED = re.compile(r"(?<!\bdong )(?<!\bdia )\b(?:chi|only|just)\s+(?:(?:can|viet|soan|lam|draft|write)\s+){0,2}"
                         r"(?:(?:giup|gium)\s+)?(?:the\s+)?(?P<word>phan|doan|part)\s+(?!\d)(?![ivx]+\b)(?!(?:nay|do|ay|tren)\b)([a-z ]{3,60}?)\s*(?=[,:;(]|\s[—–-]\s|$)")
# A part asked for by pointing back ("Viết giúp riêng phần đó") to one described before ("phần nói về những việc
# chưa làm được và vì sao").
_POINTING = re.compile(r"\b(?:phan|doan|muc) (?:do|nay|tren|ay)\b|\b(?:that|this) (?:part|bit|section)\b")
_DESCRIBED = re.compile(r"\b(?:phan|doan|muc) (?:noi ve|viet ve|ve) ([a-z ,]{3,60}?)(?=\s*[:;.]|$)"
                        r"|\b(?:part|bit|section) (?:that|which) ([a-z ,]{3,60}?)(?=\s*[:;.,—–-]|$)"
                        # or named before, to the clause's end ("viết phần khó khăn, hạn chế …: …— chỉ phần này thôi")
                        r"|\b(?:phan|doan|muc) (?!(?:nay|do|ay|tren)\b)([a-z][a-z ,]{2,60}?)(?=\s*[:;.]|$)")
# One point of a notice, by what it gives ("soạn giúp cái ý giao xử lý vướng mắc …:"): that point alone.
_POINT = re.compile(rf"\b(?:y|diem)(?: ket luan)? (?:(?!{_GIVEN_TO})giao|ve|lien quan den) "
                    r"([a-z ,]{3,80}?)(?=\s*[:;.]|$)")  # one given to a unit is that unit's section
# The opening paragraph of a body ("đoạn dẫn mở đầu", "the lead-in paragraph"); the last part ("the last numbered part",
# "phần còn lại" once the others are done).
_OPENING_PART = re.compile(r"\b(?:doan|phan)\s+(?:dan\s+)?mo dau\b(?!\s+(?:va|and)\b)"
                           r"|\b(?:lead-in|opening|introductory)\s+paragraph\b")
_LAST_PART = re.compile(r"\bthe last (?:numbered )?part\b|\b(?:phan|doan) (?:danh so )?cuoi(?: cung)?\b(?! (?:nam|thang|quy)\b)|\bphan con lai\b"
                        r"|\bthe remaining part\b")
LAST = "last"  # the part _LAST_PART names, whose numeral the skeleton tells
OPENING = "mo dau"
# A section asked by its number alone after a verb of writing ("Nhờ viết giúp 2.3:").
_BARE_SECTION = re.compile(r"\b(?:viet|soan|lam|write|draft|redo)\s+(?:(?:giup|gium|ho|dum|lai|tiep)\s+)*(?:(?:noi dung|doan)\s+)?(\d+\.\d+)\b"
                           r"(?!\s*(?:trieu|ty|nghin|%|h\b))")
# A section's title never runs into the next request: "Mục 1 xong rồi, viết giúp mục 2 (…)" asks for mục 2.
_SECTION = re.compile(r"\b(?:muc|tieu muc|khoan|diem|section|item|point|directive)\s+['\"‘“]?(\d+(?:\.\d+)*)\.?\s*"
                      r"((?:(?!\b(?:muc(?! tieu)|section|viet|soan|write|draft)\b)[^(:;]){0,60}?)\s*(?=\(|\bthuoc\b|\btrong\b|\bcua\b|\bcho\b|\bof\b|\bin\b|\bso y te\b|\bthoi\b|\b(?:phan|part)\s+[ivx]+\b|:|$)")
_TABLE = re.compile(r"\b(?:bang|table|phu luc|annex|agenda|schedule|rundown|chuong trinh(?= (?:dang|theo) bang| theo gio\b)|bieu (?:tong hop|chi tieu|so lieu|ket qua)|programme of the (?:conference|meeting)|"
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


@dataclass
class Scope:
    kind: str = "whole"  # whole, part, section, table
    part: str | None = None  # the Roman numeral (lower case, folded) or the part's name, folded
    section: str | None = None  # "2", "3.1"
    title: str = ""  # the section's name as typed, folded; or the unit whose tasks it holds


_CLAUSE_LEAD_WORDS = 4
# An English request asking the drafter directly, in whichever sentence: "Could you do the budget annex table …?"
_ASKED = re.compile(r"\b(?:could|can|would) you\s+(?:please\s+|pls\s+)?(?:do|draft|write|prepare|make|put together|draw up)\s+"
                    r"(?:(?:the|a|an|me|us)\s+)?(?:[\w-]+\s+){0,2}$")
_WITHIN = re.compile(r"\W*(?:trong|in)\s")
_WRITE_VERB = re.compile(r"\b(?:viet|soan|draft|write)\b")
# A piece named first and asked for after, in its sentence: "Cái đoạn nói về năm tới (…) viết giúp mình với",
# "còn phần 'đề nghị …' thì bạn viết hộ"; not one said done ("… mình có rồi") nor one before another asked for
# ("Phần I xong rồi, viết giúp phần II").
_FRONTED_CHARS = 160
_ASKED_AFTER = re.compile(r"\b(?:viet|soan|lam|draft|write)\s+(?:giup|gium|ho|dum|cho (?:minh|em|toi))\b|\bban (?:viet|soan|lam)\b"
                          r"|\b(?:please|pls)\s+(?:draft|write|do)\b|\b(?:can|could) you (?:please )?(?:draft|write|do)\b")
_SAID_DONE = re.compile(r"\b(?:roi|xong|da co|da viet|done|written|finished|ready)\b")
_ANOTHER_PIECE = re.compile(r"\W+(?:\w+\W+){0,3}?(?:phan|muc|doan|bang|part|section|table)\b")
# Something said done, its clause closed ("… mình có rồi,", "the rest is written."): a piece named soon after it is
# what is left to write ("đã có mục 1" names the piece done).
_DONE_BEFORE = re.compile(r"\b(?:roi|xong|already (?:written|done|drafted)|(?:is|are) (?:written|done|drafted|ready))\s*[,.;]\s+"
                          r"(?:\w+\W+){0,8}$")
_SENTENCE = re.compile(r"(?<!\d)[.;?!](?:\s|$)|\n")


def _asked_after(folded: str, end: int) -> bool:
    """Whether the words after a scope word, in its sentence, ask for it."""
    rest = _SENTENCE.split(folded[end:end + _FRONTED_CHARS], maxsplit=1)[0]
    asked = _ASKED_AFTER.search(rest)
    return asked is not None and not _SAID_DONE.search(rest[:asked.start()]) and \
        not _ANOTHER_PIECE.match(rest, asked.end())


def _anywhere(match: re.Match, folded: str, doc_at: int) -> bool:
    return True


def _counted(match: re.Match, folded: str, doc_at: int) -> bool:
    """A scope word counts before the document word, or after a verb of writing in the request's opening
    sentence ("Lập dự trù kinh phí" later on is a unit's task), or wherever the request says it wants that alone
    ("… Please draft just the directive to …")."""
    opening = min([len(folded)] + [m.start() for m in re.finditer(r"\.\s|:\s", folded) if m.start() > doc_at][:1])
    before = folded[max(0, match.start() - 40):match.start()]
    if _LEAD_IN.match(folded[:match.start()]) or _ONLY.search(before) or _ONLY_AFTER.match(folded, match.end()) or \
            _ASKED.search(before) or _asked_after(folded, match.end()) or _DONE_BEFORE.search(folded[:match.start()]):
        return True
    if match.re is not _TABLE and _WRITE_PART.search(before):  # "phần đầu em làm rồi; viết giúp phần nội dung chính"
        return True
    # "KH …: viết giúp mục II. MỤC TIÊU": after the document's colon, a part asked for in the clause's first words.
    after_colon = folded[:match.start()].rsplit(": ", 1)
    # A table so asked only after the colon that closes the document's name ("KH …: làm giúp bảng dự toán"), not a
    # unit's ("Phòng KHTC: lập bảng …"), nor a document asked to be written ("Soạn kế hoạch …: lập bảng … kèm theo").
    first_colon = len(after_colon) == 2 and folded.find(": ", doc_at) == len(after_colon[0]) and \
        not _WRITE_VERB.search(folded[:doc_at])
    if (match.re is not _TABLE or first_colon) and len(after_colon) == 2 and not re.search(r"[.;]\s", after_colon[1]) and \
            _WRITE.match(after_colon[1].strip() + " ") and len(after_colon[1].split()) <= _CLAUSE_LEAD_WORDS:
        return True
    # "Trong KH …, phần V, nhiệm vụ của Văn phòng Sở: …": a request opening on the document that holds it, with no
    # verb of writing, asks for what its first sentence names in it.
    within = _WITHIN.match(folded) is not None and not _WRITE_VERB.search(folded)
    return match.start() < doc_at or (match.start() < opening and (
        _WRITE.search(before) is not None or _ENGLISH_OBJECT.search(before) is not None or within))


def _is_table_word(text: str, match: re.Match) -> bool:
    """"bang" is a table (bảng) unless typed with other marks: "bằng chữ", "bằng tiếng Việt", "băng"; a request
    typed without marks whose "bang" the restorer read "bằng" still asks for a table of what a table holds
    ("chi lam bang chuong trinh"), or one counted as a thing ("chi lam cai bang thoi")."""
    typed = text[match.start():match.end()].lower()
    return match.group() != "bang" or typed in ("bảng", "bang") or (typed == "bằng" and (
        _TABLE_OF.match(match.string, match.end()) is not None or match.string.endswith("cai ", 0, match.start())))


def _is_part_word(text: str, match: re.Match) -> bool:
    """"muc" is a part (mục) unless typed as a level (mức); "doan" a paragraph (đoạn) unless a guess (chẩn đoán)
    or a delegation (đoàn); "phan" a part (phần) unless a striving (phấn đấu); "Phan" before a name's next word is a
    surname ("Phan Thị Ngọc Anh")."""
    typed = re.match(r"\w*", text[match.start():]).group()
    return typed.lower() not in ("mức", "múc", "đoán", "đoàn", "phấn") and not re.match(r"Phan\s+[A-ZĐ]", text[match.start():])


def _overlapping(regex: re.Pattern, folded: str) -> Iterator[re.Match]:
    """Every match, each from the next character on: a name that runs over the next piece's word ("phần đầu mình viết
    xong rồi, còn lại phần Thời gian") leaves that piece to be found."""
    at = 0
    while m := regex.search(folded, at):
        yield m
        at = m.start() + 1


_CONTAINER = re.compile(r"\b(?:trong|thuoc|o|within|in|inside)\s+(?:the\s+)?$")


def read_scope(folded: str, doc_at: int, text: str = "", anywhere: bool = False) -> Scope:
    """The scope the instruction asks for; whole when no scope word counts (see the module's docstring).
    `text`: the instruction as typed, whose marks tell a table (bảng) from "bằng"; `anywhere`: every scope word
    counts (a request known to ask for a piece, scope_model.py, takes the first it names)."""
    text = text or folded
    counts = _anywhere if anywhere else _counted
    found: list[tuple[int, Scope]] = []
    if (m := _PART_SECTION.search(folded)) and counts(m, folded, doc_at):
        quoted = _QUOTED_TITLE.match(folded, m.end(2))
        found.append((m.start(), Scope("section", part=m.group(1), section=m.group(2),
                                       title=quoted.group(1).strip() if quoted else m.group(3).strip(" .'\"‘’“”"))))
    # "… đã có mục 1 (Phòng NVY). Viết giúp mục 2 …": the section asked for is the one whose words count.
    elif m := next((m for m in _SECTION.finditer(folded) if counts(m, folded, doc_at)), None):
        parent = _PARENT.search(folded, m.end())
        title = m.group(2).strip(" .'\"‘’“”")
        # "section 3 (Directives)", "mục 3 phần II (địa điểm và thành phần)"
        if not title and (named := re.match(r"\s*(?:(?:phan|part)\s+[ivx]+\s*)?(?:\(([^)]{3,40})\)|[-–]\s+([^.;:(]{3,60}))",
                                            folded[m.end():])):
            title = (named.group(1) or named.group(2)).strip()
        # A title in quotes is taken whole ("điểm 2 'Về thời gian …'", "mục 2 phần I 'Công tác khám bệnh, chữa bệnh'");
        # so is one given in brackets with the number ("item 2, the one on … (2. Công tác khám bệnh, chữa bệnh)").
        if quoted := _QUOTED_TITLE.match(folded, m.end(1)):
            title = quoted.group(1).strip()
        elif (bracketed := _BRACKETED_TITLE.match(folded, m.end(1))) and bracketed.group(1) == m.group(1):
            title = bracketed.group(2).strip()
        # "mục 2 ở phần tổ chức thực hiện - nhiệm vụ của Chi cục ATVSTP": the section is that unit's tasks.
        if re.search(r"\bnhiem vu$", title) and (units := find_units(" ".join(text[m.end():].split()[:_UNIT_WORDS]))):
            title = units[0]
        elif re.match(r"nhiem vu (?:cua|giao cho)\b", title) and (units := find_units(title)):  # "mục 2 - nhiệm vụ của CDC"
            title = units[0]
        found.append((m.start(), Scope("section", part=parent.group(1) if parent else None, section=m.group(1),
                                       title=title)))
    elif (m := _TITLED_SECTION.search(folded)) and counts(m, folded, doc_at):
        found.append((m.start(), Scope("section", title=m.group(1).strip(" ,"))))
    # "gồm hai phần … Phần I đã xong, viết tiếp phần II": the part asked for is the one whose words count.
    if m := next((m for m in _PART.finditer(folded) if counts(m, folded, doc_at)
                  and not _PART_SECTION.match(folded, m.start())), None):
        found.append((m.start(), Scope("part", part=m.group(1))))
    elif m := next((m for m in _overlapping(_PART_NAMED, folded) if _is_part_word(text, m) and counts(m, folded, doc_at)),
                   None):
        # "đoạn đề nghị cụ thể (mục 2 Đề xuất, kiến nghị)": the item numbered in brackets is what the words named.
        if numbered := _NUMBERED_IN_BRACKETS.match(folded, m.end()):
            found.append((m.start(), Scope("section", section=numbered.group(1), title=numbered.group(2).strip())))
        else:
            # "the forward-looking part (the 2027 directions and tasks)": the words in brackets name it too.
            said = re.match(r"\s*\(([^()]{3,60})\)", folded[m.end():])
            name = next(g for g in m.groups() if g).strip() + (f" {said.group(1)}" if said else "")
            found.append((m.start(), Scope("part", part=name)))
    elif m := _ONLY_NAMED.search(folded):
        found.append((m.start("word"), Scope("part", part=m.group(2).strip())))
    elif (m := _POINTING.search(folded)) and counts(m, folded, doc_at) and (
            described := [d for d in _DESCRIBED.finditer(folded) if d.start() < m.start()]):
        found.append((m.start(), Scope("part", part=next(g for g in described[-1].groups() if g).strip())))
    # Ahead of a part named at the same words ("phần còn lại" is no part named "còn lại").
    if (m := _OPENING_PART.search(folded)) and counts(m, folded, doc_at):
        found.insert(0, (m.start(), Scope("part", part=OPENING)))
    if (m := _LAST_PART.search(folded)) and counts(m, folded, doc_at):
        found.insert(0, (m.start(), Scope("part", part=LAST)))
    if (m := _POINT.search(folded)) and counts(m, folded, doc_at):
        found.append((m.start(), Scope("section", title=m.group(1).strip())))
    if m := _BARE_SECTION.search(folded):
        found.append((m.start(), Scope("section", section=m.group(1))))
    if (m := _UNIT_SECTION.search(folded)) and counts(m, folded, doc_at) and (
            units := find_units(" ".join(text[m.end():].split()[:_UNIT_WORDS]))):
        # The unit as typed when it names its place too ("Trung tâm Y tế khu vực Trà Vinh (mục 4)"), and the number.
        typed = re.split(r"\s*[(:;,.]", folded[m.end():], maxsplit=1)[0].strip()
        named = typed if typed.startswith(fold(units[0])) and len(typed.split()) <= len(units[0].split()) + 3 else units[0]
        number = _UNIT_NUMBER.match(folded, m.end())
        # "phần V, nhiệm vụ của Văn phòng Sở": the unit's section within the part named just before it.
        part = next((s.part for at, s in found if s.kind == "part" and s.part and re.fullmatch(_ROMAN, s.part)
                     and re.fullmatch(r"[\w\s.,–-]{0,30}", folded[at:m.start()])), None)
        found.append((m.start(), Scope("section", part=part, section=number.group(1) if number else None, title=named)))
        # "mục giao nhiệm vụ cho CDC" is that unit's section, not a part named "giao nhiệm vụ".
        found = [f for f in found if not (part or f[0] == m.start()) or f[1].kind != "part"]
    tables = [m for m in _TABLE.finditer(folded) if _is_table_word(text, m) and (
        m.group() not in _PLAIN_BUDGET or _WRITE.search(folded[max(0, m.start() - 40):m.start()])
        or _LEAD_IN.match(folded[:m.start()]))]
    if table := next((m for m in tables if counts(m, folded, doc_at)), None):
        found.append((table.start(), Scope("table")))
    # A request known to ask for a piece that names none by its words but gives a part's heading ("… is III. Content").
    if anywhere and not found and (heading := re.search(r"(?<![\w./])([ivx]{1,4})\.\s+(?=[a-z])", folded)):
        found.append((heading.start(), Scope("part", part=heading.group(1))))
    # "Trong phần I …, viết riêng mục 2": the part named as where the piece stands holds the section asked.
    found = [(at, s) for at, s in found if not (s.kind == "part" and _CONTAINER.search(folded[:at]) and any(
        other.kind == "section" and later > at for later, other in found))]
    # "báo cáo … có mục chỉ tiêu năm 2026, cho em bảng (TT, …)": what the document has says where the piece asked stands.
    found = [(at, s) for at, s in found if not (re.search(r"\bco\s+$", folded[:at]) and any(later > at for later, _ in found))]
    return min(found, key=lambda f: f[0])[1] if found else Scope()
