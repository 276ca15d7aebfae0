"""A document's header and closing, as the house style lays them out: type, number and symbol, place and date,
issuing body, signer and title, recipients (Nơi nhận). Matched on folded lines, so the OCR'd seeds read like
the clean ones (`S6:243 [KH-SYT` is `Số: 243/KH-SYT`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..vietnamese.folding import fold
from ..vietnamese.patterns import DATE, UPPER
from ..vietnamese.units import issuer_for_code

DOC_TYPES = {"ke hoach": ("KH", "Kế hoạch"), "thong bao": ("TB", "Thông báo"), "quyet dinh": ("QD", "Quyết định"),
             "bao cao": ("BC", "Báo cáo"), "cong van": ("CV", "Công văn"), "chi thi": ("CT", "Chỉ thị")}
_HEADER_SCAN_LINES = 15
_NOISE_PREFIX = re.compile(r"^[~*#>\s]+")
_NUMBER = re.compile(r"s[o6]\s*:\s*(\d+)\s*[/\[|(]?\s*([a-z]{1,4}\s*-\s*[a-z]{1,6}(?:\s*-\s*[a-z]{1,6})?)")
_PLACE_DATE = re.compile(r"([a-z][a-z ]{1,30}?),\s*ngay\s*(\S{0,3}?)\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_SIGNER_TITLE = re.compile(r"\b((?:kt|tl|tm)\.\s*)?(?:pho\s+)?(giam d\S*c|chu tich|chanh van phong)\b")
_NAME = re.compile(rf"^[{UPPER}][^\s\d,;:()]+(?: [{UPPER}][^\s\d,;:()]+){{1,4}}$")
# A character of a title in capitals (KT. GIÁM ĐỐC); the title is found by a backward scan, not a `[…]{8,}$`
# search, which backtracks quadratically over a long line of capitals that does not end the line.
_CAPS_CHAR = re.compile(rf"[{UPPER} .]")
# The national motto and the rules under it, as OCR reads them too (`Poc lap`, `Déc 1ap`): never content.
_MOTTO = re.compile(r"cong hoa xa h\S{1,2}i|chu nghia viet nam|\b[dpb][oe]c\s*[l1i]ap\b|\btu do\s*[-—–]|hanh phuc|-{3,}")
_MIN_TITLE = 8


def trailing_caps(line: str) -> int | None:
    """Where a run of at least 8 capitals that ends the line begins after a space, if there is one."""
    start = len(line)
    while start and _CAPS_CHAR.match(line[start - 1]):
        start -= 1
    return next((p for p in range(max(start, 1), len(line) - _MIN_TITLE + 1) if line[p - 1].isspace()), None)


@dataclass
class DocMetadata:
    doc_type: str | None = None
    doc_type_name: str | None = None
    number: str | None = None
    place: str | None = None
    date: str | None = None
    year: int | None = None
    issuer: str | None = None
    title: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    recipients: list[str] = field(default_factory=list)


def clean_line(line: str) -> str:
    return _NOISE_PREFIX.sub("", line).strip()


def is_upper_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def doc_type_at(lines: list[str]) -> int | None:
    for i, line in enumerate(lines[:_HEADER_SCAN_LINES]):
        if is_upper_line(line) and fold(clean_line(line)).strip() in DOC_TYPES:
            return i
    return None


def parse_header(lines: list[str], meta: DocMetadata) -> None:
    folded = fold("\n".join(lines))
    m = _NUMBER.search(folded)
    if m:
        symbol = re.sub(r"\s+", "", m.group(2)).upper()
        meta.number = f"{m.group(1)}/{symbol}"
        meta.issuer = issuer_for_code(symbol.split("-")[-1])
    if m:
        # Blank out the symbol so that `S6:243 [KH-SYT Lai Chau, ngay ...` yields the place alone.
        folded = folded[:m.start()] + " " * (m.end() - m.start()) + folded[m.end():]
    m = _PLACE_DATE.search(folded)
    if m:
        raw_place = "\n".join(lines)[m.start(1):m.end(1)]
        meta.place = raw_place.strip().split("  ")[-1].strip() or None
        meta.year = int(m.group(4))
        day = m.group(2)
        if day.isdigit() and 1 <= int(day) <= 31:
            try:
                meta.date = date(meta.year, int(m.group(3)), int(day)).isoformat()
            except ValueError:
                meta.date = None
    if meta.issuer is None:
        # The issuing body stands in the left column of the header, above the symbol line.
        for line in lines:
            left = re.split(r"\s{2,}|CONG HOA|CỘNG HÒA|Doc lap|Độc lập|Poc lap|Déc", line)[0].strip()
            if left and is_upper_line(left) and not fold(left).startswith(("so:", "s6:")):
                meta.issuer = left


def header_lines(lines: list[str]) -> list[str]:
    """The header's lines without the national motto: the issuing body, number, place and date. A two-column
    header puts the motto on the same line as the body's name; the line is cut where the motto starts."""
    kept = []
    for line in lines:
        cleaned = clean_line(line)
        motto = _MOTTO.search(fold(cleaned))
        cleaned = (cleaned[:motto.start()] if motto else cleaned).strip(" -—–|")
        if any(c.isalnum() for c in cleaned):
            kept.append(cleaned)
    return kept


def majority_year(text: str) -> int | None:
    years = Counter(int(m.group(3)) for m in DATE.finditer(text))
    if not years:
        return None
    return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]


def parse_tail(tail: list[str], meta: DocMetadata) -> None:
    names = []
    for line in tail:
        cleaned = clean_line(line)
        folded = fold(cleaned)
        title = _SIGNER_TITLE.search(folded)
        if cleaned.startswith(("-", "–")):
            recipient = cleaned.lstrip("-– ").split("|")[0].strip()
            # Two-column layouts merge the signer's title into a recipient line: cut it off.
            trailing = trailing_caps(recipient)
            if trailing is not None and _SIGNER_TITLE.search(fold(recipient[trailing:])):
                recipient = recipient[:trailing - 1]
            recipient = recipient.strip().rstrip(";.,")
            if recipient:
                meta.recipients.append(recipient)
        elif title and meta.signer_title is None:
            meta.signer_title = cleaned[title.start():].strip(" *")
        elif _NAME.match(cleaned.strip("* ")) and not is_upper_line(cleaned):
            names.append(cleaned.strip("* "))
    if names:
        meta.signer = names[-1]
