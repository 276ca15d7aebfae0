"""Understand a drafting instruction: document type, event, issuer and province, date and time, form, venue,
participants, budget lines, deadlines. What the instruction does not give stays None and is drafted as a
visible placeholder, never taken from an old document."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from ..vietnamese.folding import fold
from ..vietnamese.glossary import MONTHS_EN, hour_24
from ..vietnamese.patterns import DATE, REQUESTED_DEADLINE, THOUSANDS, clock

# An hour as typed, its hour and minutes captured: 8h30, 8g30, 14 giờ, 7:45.
TYPED_HOUR = r"(\d{1,2})\s*(?:h|g|giờ|gio|:)\s*(\d{2})?"
_TIME = re.compile(rf"\b{TYPED_HOUR}\b(?!/)", re.IGNORECASE)
# "2 p.m.", "8.30 am": an English hour.
_TIME_EN = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m\.?(?!\w)", re.IGNORECASE)
# A year named in words: "năm 2026", "in 2026".
# A horizon ("đến năm 2030", "by 2030") is a target's year, not the document's.
_YEAR_NAMED = re.compile(r"(?<!đến )(?<!tới )\bnăm (\d{4})\b|\b(?:year|in) (\d{4})\b", re.IGNORECASE)
# The year a review is of: "tổng kết công tác y tế năm 2026".
_YEAR_REVIEWED = re.compile(r"\b(?:tong ket|so ket)\b[^.;:]{0,60}?\bnam (\d{4})\b")
# Else a year standing alone: not part of a date, a number and symbol, an amount or a range.
_YEAR_ALONE = re.compile(r"(?<![\d/.,–-])(?<!đến năm )(?<!tới năm )(?<!by )\b((?:19|20)\d\d)\b(?![/.,]\d|/[A-Z]|\s*[-–]\s*(?:19|20)\d\d)")
# `tỉnh Quảng Trị`, `thành phố Hải Phòng`: capitalised words after the word for a province.
_PROVINCE = re.compile(r"\b(?:tỉnh|thành phố|TP\.?|province of)\s+((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\wÀ-ỹ]*\s?){1,3})")
_PROVINCE_EN = re.compile(r"\b((?:[A-Z][a-z]+\s){1,2})(?:[Pp]rovince|Department of Health|DOH)\b")
# English words for the kind of review: year-end → tổng kết, mid-year → sơ kết.
_KIND_EN = (("so ket", re.compile(r"\b(mid-year|six-month|6-month|interim|half-year)\b")),
            ("tong ket", re.compile(r"\b(year-end|annual|final)\b")))
# A year reviewed and the tasks of the next ("reviewing 2026 and setting the directions and tasks for 2027", "năm 2026
# và phương hướng, nhiệm vụ năm 2027"): a year-end review.
_YEAR_AND_NEXT = re.compile(r"\b(\d{4})\b[^.;]{0,40}?\b(?:va|and)\b[^.;]{0,40}?\b(?:phuong huong|nhiem vu|directions?|tasks?)\b"
                            r"[^.;]{0,30}?\b(\d{4})\b")
# A conference on the first six months is a mid-year review (sơ kết), however the request words it.
_MID_YEAR_REVIEW = re.compile(r"\b(?:hoi nghi|conference)\b.{0,80}\b(?:6|sau) thang dau nam")
_EVENT = re.compile(r"(?<!trung tâm )(hội nghị|hội thảo|hội thao|lễ|tập huấn)\s+(.+?)(?=\s+(?:của|cho|do|tại|vào|ngày|lúc|họp|"
                    r"tổ chức|hình thức|trực|theo)\b|[,.;:](?!\s*(?:nhiệm vụ|chống))|\)|$)", re.IGNORECASE)
_PRICED_LINE = re.compile(r"\d+\s*(?:[^\W\d_]+\s+){0,2}[x×*]\s*\d|\d+\s+(?:người|lớp|học viên)\s+(?:trong\s+)?\d")
_VENUE = re.compile(r"\b(?:tại|địa điểm:?|at|in the(?= (?:hội trường|phòng họp|hall|room|centre|center|hotel|khách sạn)))\s+(?!\d)((?:\([^)]*\)|[^,.;(])+?)(?=[,.;]|\s+(?:ngày|lúc|vào|thành phần)\b|$)",
                    re.IGNORECASE)
# The parts of an address after a venue: number and street, ward or commune, district, floor.
_ADDRESS = re.compile(r",\s*((?:số\s+\d|\d+[A-Z]?\s+[A-ZĐ]|đường\s|phố\s|phường\s|xã\s|thị trấn\s|quận\s|huyện\s|tầng\s|"
                      r"No\.\s*\d|\d+\s+\w+\s+(?:Street|Road)\b|\w+\s+(?:Ward|Commune|District)\b)[^,.;]*)")
# "bảng danh sách thành phần mời" names a table, not its list; the list ends where a line of another label
# begins ("…; - chủ trì: …").
_PARTICIPANTS = re.compile(r"(?<!danh sách )(?<!bảng )\b(?:(?:thành phần(?: gồm)?|participants?)\s*:?|(?:attending|tham dự)\s*:)"
                           r"\s*(.+?)(?=\.\s|\s+(?:kinh phí|hạn)\b|;\s*-?\s*(?:chủ trì|thời gian|địa điểm|nội dung|ghi chú|lưu ý"
                           r"|đề nghị|yêu cầu|chaired|time|venue|note)\b|$)", re.IGNORECASE)
# "Kính mời: trưởng các phòng …, giám đốc …": those invited, up to the end of the sentence or clause.
# "Mời: …" opening a sentence lists them too ("mời" alone is also "mới" once folded: the colon tells).
# "mời các đồng chí: …; … đến dự Lễ mít tinh": the list ends where what they attend begins.
_INVITED = re.compile(r"(?:\b(?:kinh moi|invited?)\s*:?\s+|(?:^|[.;]\s+)moi\s*:\s+|\bmoi (?:cac )?(?:dong chi|quy vi)\s*:\s+)"
                      r"(?!cac dai bieu|dai bieu tham du)([^.]+?)(?=\s+(?:den|toi) (?:du|tham du)\b|\.|$)")
# "… inviting the directors of … and the heads of … to the training workshop"; "Giấy mời … mời đồng chí Giám đốc
# Bảo hiểm xã hội tỉnh dự Hội nghị …".
_INVITING = re.compile(r"\b(?:inviting|to invite|invites)\s+(?:the\s+)?(.+?)\s+to\s+(?=\S)"
                       r"|(?<![Gg]iấy )(?<![Kk]ính )\bmời\s+(?!các đại biểu\b|đại biểu tham dự\b)([^.;:]+?)"
                       r"\s+(?:đến\s+)?(?:tham\s+)?dự\s+(?=\S)",
                       re.IGNORECASE)
_LINKED = re.compile(r"\btrực tuyến (?:tới|đến|với) ((?:các |điểm cầu )[^;.,]+)", re.IGNORECASE)
_AMOUNT = re.compile(rf"({THOUSANDS}|\d+)\s*(?:(triệu|nghìn|đồng|đ|vnd)\b)?", re.IGNORECASE)  # not "80 đại biểu"
_BUDGET_LINE = re.compile(rf"([^:;,\n]{{3,60}}?)\s*:\s*({THOUSANDS}|\d+)\s*(?:(triệu|nghìn|đồng|đ)\b)?", re.IGNORECASE)


class BudgetLine(BaseModel):
    item: str
    amount: int  # đồng


# How the warnings say the document type was assumed: the request named no document.
ASSUMED_TYPE = "loại văn bản"
# How they say which people's names typed without marks were written with them, to be checked.
MARKED_NAMES = "dấu của tên người gõ không dấu"
# How they say a piece was read where the request's words left it unsaid where the rules look (scope_model.py).
PIECE_READ = "phạm vi (chỉ soạn phần được nêu đầu tiên)"


class DraftRequest(BaseModel):
    instruction: str
    doc_type: str = "KH"  # KH (Kế hoạch) or TB (Thông báo)
    event: str | None = None  # "Hội nghị sơ kết 6 tháng đầu năm 2026"
    kind: str | None = None  # tổng kết, sơ kết
    issuer: str = "Sở Y tế"
    province: str | None = None
    year: int | None = None
    date: str | None = None  # dd/mm/yyyy
    time: str | None = None  # HHhMM
    form: str | None = None  # trực tiếp, trực tuyến, trực tiếp kết hợp trực tuyến
    venue: str | None = None
    participants: list[str] = Field(default_factory=list)
    budget: list[BudgetLine] = Field(default_factory=list)
    budget_total: int | None = None
    deadlines: list[str] = Field(default_factory=list)
    # What reading.py and scope.py add: the skeleton, the scope, the parts listed, who issues and signs, the subject.
    name: str = "conference_plan"  # the skeleton's name
    scope: str = "whole"  # whole, part, section, table
    scope_part: str | None = None  # folded Roman numeral or part name
    scope_section: str | None = None  # "2", "3.1"
    scope_title: str = ""  # the section's name as typed
    listed: list[str] = Field(default_factory=list)  # the parts the user lists, as typed
    office: bool = False  # issued by the Office of the People's Committee, not the Department of Health
    provincial: bool = False  # issued by the provincial People's Committee itself (UBND tỉnh)
    signed: str | None = None  # the document's own date (dd/mm/yyyy), given with its number
    signature: list[str] = Field(default_factory=list)
    subject: str | None = None  # the summary line (trích yếu) read from the request
    addressees: list[str] = Field(default_factory=list)  # "gửi …", "Kính gửi"
    chair: str | None = None  # who chaired the meeting a notice concludes
    basis: list[str] = Field(default_factory=list)  # documents the request cites ("Thực hiện Kế hoạch số …")
    assumed: list[str] = Field(default_factory=list)  # what the draft assumed, said in its warnings
    text: str = ""  # the instruction as the draft may quote it (marks restored, English terms translated)
    english: bool = False  # typed in English
    reason: str | None = None  # why the document is written ("vì …", "because …"), the body's first line
    frame_content: str | None = None  # what the sentence naming the document says after it, issuer and addressees out
    date_typed: str | None = None  # the meeting's date as the user wrote it (16/7/2026), for running text
    number: str | None = None  # the document's own number and symbol when the request gives it (1288/SYT-NVY)
    typed_rows: list[list[str]] = Field(default_factory=list)  # a pasted table: [header, row, …] (pasted.py)


# A date that is not the meeting's: a cited document's ("số 315/KH-UBND ngày 12/02/2026", "dated …"), the document's
# own ("ngày ban hành …") or a deadline ("trước ngày …", "by …").
_NOT_MEETING = re.compile(r"(?:/[a-z-]+,?\s+(?:ngay|dated)|\b(?:ngay ban hanh|ban hanh ngay|ngay ky|ky ngay)\s*:?"
                          r"|\b(?:truoc|cham nhat|han|before|by)(?:\s+\d{1,2}h\d*)?(?:\s+ngay)?"
                          r"|\b(?:den|tu) ngay)\s*$")  # not "tu" alone: "thứ Tư 15/7" is the meeting's
# The date of the earlier event a request is modelled on: "làm giống năm ngoái (hội nghị 26/12/2025)".
_EARLIER_DATE = re.compile(r"\b(?:nam ngoai|last year|lan truoc|dot truoc|ky truoc|giong|theo mau|same as)\b[^.;]{0,30}$")
_UNITS_VI = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}
_ORDINALS_EN = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_WORDS_DATE_VI = re.compile(r"\bngay ((?:[a-z]+ ){1,3}?)thang ((?:[a-z]+ ){1,2}?)nam (\d{4})")
_WORDS_DATE_EN = re.compile(rf"\b(?:the )?((?:twenty|thirty)?-?(?:{'|'.join(_ORDINALS_EN)})|\d{{1,2}}(?:st|nd|rd|th)?) "
                            rf"(?:of )?({'|'.join(MONTHS_EN)}),? (\d{{4}})")
# "December 18, 2026", "18 Dec 2026" are read the same way, month first.
_MONTH_FIRST_EN = re.compile(rf"\b({'|'.join(MONTHS_EN)}) (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})")


def _number_vi(words: str) -> int | None:
    """1-31 written in Vietnamese words, folded: "hai muoi hai" = 22, "muoi tam" = 18, "mot" = 1."""
    tokens = words.split()
    if tokens[:1] == ["muoi"]:
        return 10 + (_UNITS_VI.get(tokens[1], 0) if len(tokens) > 1 else 0)
    if len(tokens) >= 2 and tokens[1] == "muoi" and tokens[0] in _UNITS_VI:
        return 10 * _UNITS_VI[tokens[0]] + (_UNITS_VI.get(tokens[2], 0) if len(tokens) > 2 else 0)
    return _UNITS_VI.get(tokens[0]) if len(tokens) == 1 else None


def words_date(folded: str) -> str | None:
    """A date written in words ("ngày hai mươi hai tháng mười hai năm 2026", "the twelfth of November 2026")
    as dd/mm/yyyy."""
    if m := _WORDS_DATE_VI.search(folded):
        day, month = _number_vi(m.group(1)), _number_vi(m.group(2))
        if day and month and day <= 31 and month <= 12:
            return f"{day:02d}/{month:02d}/{m.group(3)}"
    if m := _WORDS_DATE_EN.search(folded):
        raw = m.group(1).replace("twenty-", "twenty").replace("thirty-", "thirty")
        tens = 20 if raw.startswith("twenty") and raw != "twentieth" else 30 if raw.startswith("thirty") else 0
        raw = raw.removeprefix("twenty").removeprefix("thirty") if tens else raw
        day = tens + (int(re.sub(r"\D", "", raw)) if raw[:1].isdigit() else _ORDINALS_EN.index(raw) + 1 if raw else 0)
        return f"{day:02d}/{MONTHS_EN.index(m.group(2)) + 1:02d}/{m.group(3)}"
    if m := _MONTH_FIRST_EN.search(folded):
        return f"{int(m.group(2)):02d}/{MONTHS_EN.index(m.group(1)) + 1:02d}/{m.group(3)}"
    return None


def money(text: str, unit: str | None) -> int:
    value = int(re.sub(r"[.,]", "", text))
    unit = (unit or "").lower()
    return value * 1_000_000 if unit == "triệu" else value * 1000 if unit == "nghìn" else value


# "Hội nghị triển khai nhiệm vụ năm 2027": a meeting that sets the tasks of a year reviews the year before it.
_DEPLOYS = re.compile(r"\btrien khai (?:phuong huong,? )?nhiem vu(?: [a-z]+){0,4}? nam (\d{4})\b")


def deploys_year(request: "DraftRequest") -> bool:
    """Whether a request without a kind of review sets the tasks of its own year (so reviews the year before)."""
    found = _DEPLOYS.search(fold(request.text or request.instruction))
    return not request.kind and request.year is not None and found is not None and int(found.group(1)) == request.year


def review_kind(text: str) -> str | None:
    """The kind of review a Vietnamese text names first: tổng kết (year-end) or sơ kết (mid-term); a later
    mention is a note on it ("sơ kết giữa năm chứ không phải tổng kết năm")."""
    folded = fold(text)
    named = [(folded.find(fold(kind)), kind) for kind in ("tổng kết", "sơ kết") if fold(kind) in folded]
    return min(named)[1] if named else None


def parse_request(instruction: str) -> DraftRequest:
    text = " ".join(instruction.split())
    folded = fold(text)
    request = DraftRequest(instruction=text)
    if re.search(r"\bthong bao\b|\bnotice\b", folded):
        request.doc_type = "TB"
    # A line of the budget ("tập huấn 60 người x 1 ngày x 150.000đ") names no event: its figures are multiplied.
    if match := next((m for m in _EVENT.finditer(text) if not _PRICED_LINE.search(m.group(2))), None):
        request.event = (match.group(1) + " " + match.group(2)).strip()
        if request.event.count("(") > request.event.count(")"):  # "Tập huấn (cán bộ …": cut at the bracket left open
            request.event = request.event[:request.event.rindex("(")].strip()
        request.event = request.event[0].upper() + request.event[1:]
    request.kind = review_kind(text)
    for kind, pattern in _KIND_EN:
        if not request.kind and pattern.search(folded):
            request.kind = "sơ kết" if kind == "so ket" else "tổng kết"
    if not request.kind and _MID_YEAR_REVIEW.search(folded):
        request.kind = "sơ kết"
    if not request.kind and (match := _YEAR_AND_NEXT.search(folded)) and int(match.group(2)) == int(match.group(1)) + 1:
        request.kind = "tổng kết"
    if match := _PROVINCE.search(text) or _PROVINCE_EN.search(text):
        request.province = match.group(1).strip()
    if match := next((m for m in DATE.finditer(text) if not _NOT_MEETING.search(folded[:m.start()])
                      and not _EARLIER_DATE.search(folded[:m.start()])), None):
        day, month, year = match.groups()
        request.date = f"{int(day):02d}/{int(month):02d}/{year}"
        request.year, request.date_typed = int(year), match.group()
    if spelled := words_date(folded):  # a date in words is the meeting's: cited documents' dates are in figures
        request.date, request.date_typed, request.year = spelled, spelled, int(spelled[-4:])
    if match := _YEAR_REVIEWED.search(folded):  # "phương hướng năm 2027 cho Báo cáo tổng kết … năm 2026"
        request.year = request.year or int(match.group(1))
    if match := _YEAR_NAMED.search(text):
        request.year = request.year or int(match.group(1) or match.group(2))
    if not request.year and (match := _YEAR_ALONE.search(text)):  # "the Ha Nam DOH 2026 year-end report"
        request.year = int(match.group(1))
    if not request.year and (match := DATE.search(text)):  # only deadlines given: they are of the document's year
        request.year = int(match.group(3))
    # "2:00 p.m." is an English hour, though "2:00" alone would read as one in Vietnamese.
    vietnamese, english = _TIME.search(text), _TIME_EN.search(text)
    if vietnamese and not (english and english.start() <= vietnamese.start()):
        request.time = clock(vietnamese.group(1), vietnamese.group(2))
    elif match := english:
        request.time = clock(hour_24(match.group(1), match.group(3)), match.group(2))
    online, in_person = ("truc tuyen" in folded or "online" in folded), ("truc tiep" in folded or "in person" in folded)
    request.form = ("trực tiếp kết hợp trực tuyến" if online and in_person else "trực tuyến" if online
                    else "trực tiếp" if in_person else None)
    if request.form and (linked := _LINKED.search(text)):  # "trực tuyến tới các TTYT khu vực": where it links to
        request.form += f" tới {linked.group(1).strip()}"
    # "… tại tuyến xã 60 phút" is an agenda item's topic and length, not where the meeting is.
    if (match := _VENUE.search(text)) and not re.search(r"\d+\s*(?:phút|minutes?)\b", match.group(1)):
        request.venue = match.group(1).strip()
        # "tại Hội trường Sở Y tế, số 101 Nguyễn Trãi, phường Hạc Thành": the address goes with the place.
        while address := _ADDRESS.match(text, match.end()):
            request.venue += f", {address.group(1).strip()}"
            match = address
    # Those invited are found on the folded text: "Kính mời" restored as "Kính mới" is still an invitation.
    # A list under its label ("Thành phần: …") before the words in passing ("thành phần tham dự gồm …").
    labelled = next((m for m in _PARTICIPANTS.finditer(text) if ":" in text[m.start():m.start(1)]), None)
    if found := (labelled or _PARTICIPANTS.search(text) or _INVITED.search(folded) or _INVITING.search(text)):
        listed = text[found.start(found.lastindex):found.end(found.lastindex)]  # the alternative that matched
        if listed.startswith("(") and ")" in listed:  # "thành phần (Ban Giám đốc Sở, …), đánh giá …": the brackets' list
            listed = listed[1:listed.index(")")]
        # Listed with semicolons, a name keeps its commas ("Sở Văn hóa, Thể thao và Du lịch").
        cut = r";" if ";" in listed else r"(?:,|\s+(?:and|và)\s+(?:the\s+)?)(?![^()]*\))" if found.re is _INVITING else r",(?![^()]*\))"
        request.participants = [p.strip(" -.") for p in re.split(cut, listed) if p.strip(" -.")]
    budget_part = text[folded.find("kinh phi"):] if "kinh phi" in folded else ""
    for item, amount, unit in _BUDGET_LINE.findall(budget_part):
        if not unit and not re.fullmatch(THOUSANDS, amount):  # "Về kinh phí: mời 80 đại biểu" is no amount
            continue
        if fold(item).strip() in ("kinh phi", "tong", "tong cong", "tong kinh phi"):
            request.budget_total = money(amount, unit)
        else:
            request.budget.append(BudgetLine(item=item.strip(" -").removeprefix("gồm").strip(), amount=money(amount, unit)))
    # A total stated without lines needs its unit: "kinh phí … 10/12/2027" holds a date, not 10 đồng.
    stated = next((m for m in _AMOUNT.finditer(budget_part) if m.group(2)), None)
    if not request.budget and not request.budget_total and stated:
        request.budget_total = money(*stated.groups())
    request.deadlines = REQUESTED_DEADLINE.findall(text)
    return request


def unasked_specifics(text: str, request: DraftRequest, specifics: set[str]) -> list[str]:
    """The specifics (places, signers, years of old documents) that `text` names as whole words and the
    instruction does not, compared folded."""
    asked, folded = fold(request.instruction), fold(text)
    return [s for s in sorted(specifics) if fold(s) not in asked and re.search(rf"\b{re.escape(fold(s))}\b", folded)]
