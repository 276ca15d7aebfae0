"""Which document an instruction asks for, by rules on the folded text (how much of it: scope.py):

- the type: the first document word that is not a cited document ("Kế hoạch số 315/KH-UBND", "Plan No.");
  the cues are each skeleton's `cues`, and a skeleton with `requires` wins over one without at the same cue
  when its words follow in the same sentence (a plan "tổ chức Hội nghị" is a conference plan); with no
  document word, a conference named, then the skeletons' `hints` (what a table is about), are assumed;
- its own number and symbol, where the request gives them;
- the parts the user lists ("Bố cục: I. …; II. …", "có các phần: …", "Parts: …");

What could not be read is said: `assumed` names the guesses, and the draft warns about them."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold

_CITED = re.compile(r"\s*(?:so|no\.?|number|\d)\s*\d")
# A document word after these is a task (gửi báo cáo) or a document referred to (thực hiện Kế hoạch của …,
# theo báo cáo của …), not the document asked for.
# "Phòng Kế hoạch" is a unit (not "Hải Phòng kế hoạch", a city's plan); "kèm theo công văn" attaches to the document asked for, so it stays a cue.
_TASK_BEFORE = re.compile(r"\b(?:gui|nop|chuan bi|hoan thien|hoan chinh|tong hop|nghe|cac|xay dung|duoc|thuc hien|trien khai|can cu|"
                          r"(?<!kem )theo|qua|tiep thu|(?<!\bhai )phong|implementing|under|pursuant to|per)\s+$")
# A document word after these names the document the request builds on, wherever it stands ("Dựa trên Thông báo
# kết luận …, soạn công văn đôn đốc …"). Not "dựa vào": folded, it is also "đưa vào" (put into a report).
_REFERRED_BEFORE = re.compile(r"\b(?:dua tren|dua theo|can cu vao|based on|further to|following up on)\s+$")
# What the Department asks of its units, in the sentence before a document word: "nhắc các Trung tâm … rà soát …, báo
# cáo số lượng" asks them for a report, and is no report itself.
_ASKED_OF_UNITS = re.compile(r"\b(?:nhac(?: nho)?|don doc|yeu cau|de nghi|remind(?:s|ing)?|ask(?:s|ing)?)\s+(?:cac|all|the)\s")
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
_SYMBOL = re.compile(r"\b(\d+/(?:([A-ZĐ]{2,3})-(?:SYT|VP)|SYT-[A-ZĐ]+))(?![\w/-])")
# A document the request is modelled on or follows up ("làm giống kế hoạch năm ngoái (KH số 318/KH-SYT)", "theo
# mẫu giấy mời quý trước (số 41/GM-SYT)"): its number is that document's, not the new one's.
_EARLIER = re.compile(r"\b(?:giong|theo mau|mau|nam ngoai|nam truoc|quy truoc|thang truoc|lan truoc|dot truoc|"
                      r"da ban hanh|last year|previous|earlier|same as|based on|modelled on)\b")
_EARLIER_REACH = 80  # characters before the number, about a clause
_OWN_NUMBER = re.compile(r"\s*(?:số|so|no\.?|number)\s*(\d+/[\w.-]*[A-ZĐa-zđ][\w.-]*)", re.IGNORECASE)
# "Bố cục: I. …; II. …", "gồm hai phần: I. …", "có 3 phần I. …", "gồm I. …; II. …", "Parts: …".
LISTED = re.compile(r"\b(?:bo cuc|(?:co|gom) (?:du )?(?:cac|hai|ba|bon|nam|sau|\d) phan|parts|sections|structure)\s*:\s*|"
                    r"\bco (?:du )?cac phan\s+(?!(?:va|and|theo|nhu|cua)\b)|\b(?:co|gom) (?:du )?(?:cac|hai|ba|bon|nam|sau|\d) phan\s+\(?(?=[ivx]+\.)"
                    r"|\bgom\s+(?=i\.\s)"
                    # "gồm: mục đích, yêu cầu; nhiệm vụ, …": a part's name after "gồm:" (split where no bracket is open)
                    r"|\bgom\s*:\s*(?=(?:muc dich|muc tieu|danh gia|ket qua|tinh hinh)\b[^;]*;)")
_MAX_PARTS = 8  # more is a list of something else than parts
_STOP = re.compile(r"\.\s+(?=\S)")
# The dot of a part's numeral in the list ("…; II. Nhiệm vụ") ends nothing; that of "quý IV." ends the list.
_LISTED_NUMERAL = re.compile(r"(?:^|[;:,]\s*|\s(?:va|and)\s)[ivx]{1,4}$")

def _cue_positions(folded: str, cues: list[str]) -> list[tuple[int, int]]:
    found = []
    for cue in cues:
        for match in re.finditer(rf"\b(?:{cue})\b", folded):
            # The request's first words name what to write: "Xây dựng Kế hoạch …" is no task of a unit.
            opening = re.fullmatch(r"\W*(?:\w+\W+){0,2}", folded[:match.start()]) is not None or \
                _WRITE_OPENING.fullmatch(folded[:match.start()]) is not None
            if folded[match.start() - 1:match.start()] in ("/", "-") or folded[match.end():match.end() + 1] in ("/", "-"):
                continue  # inside a number and symbol ("5/KH-UBND"), not a document word
            if _REFERRED_BEFORE.search(folded[:match.start()]) or (
                    not opening and _ASKED_OF_UNITS.search(_sentence_before(folded, match.start()))):
                continue
            tasked = _TASK_BEFORE.search(folded[:match.start()]) is not None
            attached = _ATTACHED_BEFORE.search(folded[:match.start()]) is not None
            # "Soạn Báo cáo số 356/BC-SYT": a number right after the document asked for is its own, not a citation.
            if not attached and ((_CITED.match(folded, match.end()) and (tasked or not opening)) or (tasked and not opening)):
                continue
            found.append((match.start(), match.end()))
    return found


# A document word spoken of, not named: "(kế hoạch viết rồi)", "the plan text is already written", "no plan text".
_BARE_CUE = re.compile(r"\s*(?:text|is|was|has|already|da|viet|xong|roi|duoc)\b|\s*\)")


# A full stop ending a sentence: the dot of "No." or "số" ends none ("Kế hoạch No. 402/KH-SYT" goes on).
_SENTENCE_END = re.compile(r"(?<!\bno)(?<!\bso)\.\s")


def _sentence_before(folded: str, start: int) -> str:
    """The words of the cue's sentence before it."""
    return _SENTENCE_END.split(folded[:start])[-1]


def document_type(folded: str, skeletons: dict[str, dict]) -> tuple[str, int, bool]:
    """(skeleton name, where its cue ends, assumed) for the first document word of the instruction. The
    opening sentence (up to its first full stop or colon) says what to write: a document word there wins;
    without one, a conference it names makes a conference document ("the agenda for the review conference"),
    and only then does a document word further on count."""
    found = []  # (start, 0 when the skeleton's `requires` held, -end, name)
    for name, sk in skeletons.items():
        for start, end in _cue_positions(folded, sk.get("cues", [])):
            window = _SENTENCE_END.split(folded[end:end + _WINDOW])[0]
            if not sk.get("requires"):
                found.append((start, 1, -end, name))
            elif re.search(sk["requires"], window) or re.search(rf"(?:{sk['requires']})\s+$", folded[:start]) or (
                    _BARE_CUE.match(folded, end) and re.search(sk["requires"], _sentence_before(folded, start))):
                # its words after the cue in the sentence, or right before it ("the review conference plan"), or,
                # for a plan spoken of without a name of its own, anywhere before it in the sentence ("bảng chương
                # trình Hội nghị tổng kết …, chỉ cần bảng thôi (kế hoạch viết rồi)", "…'s workshop; the plan text …")
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


# "Văn bản của Sở Y tế Sơn La, số 96, ngày 16/9/2026": a number without its symbol, dated.
_BARE_NUMBER = re.compile(r"\b(?:[Ss]ố|No\.?)\s*(\d{1,4})\s*,?\s*(?:ngày|dated)\s+\d{1,2}/\d{1,2}/\d{4}")


def _after_earlier(text: str, at: int) -> bool:
    """Whether the clause before `at` names an earlier document the request is modelled on or follows up."""
    return _EARLIER.search(fold(text[max(0, at - _EARLIER_REACH):at])) is not None


def own_symbol(text: str, doc_type: str, cited: list[str]) -> str | None:
    """A number and symbol anywhere in the request that can only be the document's own: the document's type
    code issued by the Department or its Office ("số 412/BC-SYT" in a report request; "3215/SYT-KHTC" for a
    letter), and no document the request cites; or a number typed bare with its date ("số 96, ngày 16/9/2026")."""
    for match in _SYMBOL.finditer(text):
        number, code = match.group(1), match.group(2) or "CV"
        if code.upper() == doc_type and not any(number in c for c in cited) and not _after_earlier(text, match.start()):
            return number
    # A bare number is the document's own unless an earlier document's; its symbol is the skeleton's.
    bare = _BARE_NUMBER.search(text)
    if bare and not _after_earlier(text, bare.start()):
        return bare.group(1)
    return None


def listed_parts(text: str) -> list[str]:
    """The parts a request lists for the document, as typed (numerals dropped)."""
    folded = fold(text)
    match = LISTED.search(folded)
    if not match:
        return []
    end = next((m for m in _STOP.finditer(folded, match.end())
                if not _LISTED_NUMERAL.search(folded[match.end():m.start()])), None)
    span = text[match.end():end.start() if end else len(text)]
    if folded[match.end() - 1] == "(":  # "có 3 phần (I. …; II. …; III. …)": the list is the bracket's
        span = span.split(")", 1)[0]
    pieces = re.split(r";\s*(?![^()]*\))", span) if ";" in span else re.split(r",\s*(?![^()]*\))", span)
    parts = []
    for piece in pieces:
        piece = re.sub(r"^\s*(?:[IVX]+|\d+)[.)]\s*", "", piece, flags=re.IGNORECASE)
        piece = re.split(r"\s+[–—-]\s+|\s*\(|:|\s+(?:giao|gồm)\s", piece)[0].strip(" .")  # "tổ chức thực hiện giao …"
        if piece:
            parts.append(piece)
    return parts if len(parts) <= _MAX_PARTS else []
