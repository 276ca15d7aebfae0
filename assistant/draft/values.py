"""The values a skeleton's placeholders ($province, $event, $period, $addressees …) take from the request, with
the house style's words where the request gives none, and a bracketed gap where nothing can stand."""

from __future__ import annotations

import re

from ..vietnamese.english_order import vietnamese_summary
from ..vietnamese.folding import fold
from ..vietnamese.glossary import province_level
from .document import vnd
from .periods import periods, review_event
from .request import DraftRequest


def _in_sentence(name: str) -> str:
    """An addressee inside a sentence: "các bệnh viện", but "Sở Tài chính" keeps its capital."""
    return name[:1].lower() + name[1:] if re.match(r"(?:Các|Những)\s", name) else name


def _date_line(date: str) -> list[str] | None:
    """Day, month and year as the date line writes them (Decree 30/2020): a day below 10 and months 1 and 2 with a
    leading zero ("ngày 05 tháng 02", "ngày 20 tháng 7"), however the request typed them."""
    parts = date.split("/")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return None
    day, month, year = (int(part) for part in parts)
    return [f"{day:02d}", f"{month:02d}" if month < 3 else str(month), str(year)]


def values(request: DraftRequest, sk: dict) -> dict[str, str]:
    period, next_period = periods(request)
    signed = _date_line(request.signed) if request.signed else None
    total = request.budget_total or (sum(b.amount for b in request.budget) if request.budget else None)
    level = province_level(request.province)
    issuer = ("VĂN PHÒNG", "VP", f"Văn phòng UBND {level}", "Văn phòng") if request.office else \
        (f"{level.upper()} {(request.province or '[tỉnh]').upper()}", "UBND", f"UBND {level}", f"UBND {level}") \
        if request.provincial else \
        ("SỞ Y TẾ", "SYT", "Sở Y tế", "Sở")
    # A review named by its kind alone ("Hội nghị tổng kết") is named as the house style does, with its periods; an
    # invitation's subject may be the request's own words, English ones too.
    reviewed = review_event(request.kind, period, next_period)
    named = request.event if request.event and fold(request.event) != fold(f"Hội nghị {request.kind}") else None
    # An English summary line the glossary reads, up to a comma, is said in Vietnamese order (english_order.py).
    subject = (request.english and request.subject and vietnamese_summary(request.subject)) or request.subject or named \
        or reviewed or "[trích yếu nội dung]"
    # A review report whose summary line says only its kind ("Tổng kết năm") says its periods, as the house style does.
    if sk["name"] == "report" and request.kind and request.year and re.fullmatch(r"(?:Tổng|Sơ) kết(?: năm)?", subject):
        subject = f"{request.kind.capitalize()} công tác y tế {period} và phương hướng, nhiệm vụ {next_period}"
    event = named or reviewed or (request.subject if sk["name"] == "invitation" else None) or "Hội nghị [tên hội nghị]"
    return {
        "province": request.province or "[tỉnh]", "PROVINCE": (request.province or "[tỉnh]").upper(),
        "level": level, "LEVEL": level.upper(),
        # The event follows a verb or a preposition ("Dự họp giao ban", "tại buổi làm việc"); a named one keeps its
        # capital ("Dự Hội nghị tổng kết").
        "year": str(request.year) if request.year else "[năm]",
        "event": re.sub(r"^(?:Họp|Buổi|Cuộc)\b", lambda m: m.group().lower(), event),
        # The date line: the document's own date when the request gives it (written as dates.py writes them).
        "day": signed[0] if signed else "[ngày]", "month": signed[1] if signed else "[tháng]",
        "signed_year": signed[2] if signed else str(request.year) if request.year else "[năm]",
        "date": request.date or "[ngày/tháng/năm]", "date_typed": request.date_typed or request.date or "[ngày/tháng/năm]",
        "time": request.time or "[giờ]",
        "form": request.form or "[trực tiếp / trực tuyến]", "venue": request.venue or "[địa điểm]",
        "budget_total": vnd(total) if total else "[tổng kinh phí]", "period": period, "next_period": next_period,
        "NEXT_PERIOD": next_period.upper(), "ISSUER": issuer[0], "code": issuer[1], "issuer_name": issuer[2],
        "issuer_short": issuer[3], "subject": subject, "subject_lower": subject[:1].lower() + subject[1:],
        "chair": request.chair or "[người chủ trì]", "participants": "",
        "participants_inline": ", ".join(request.participants) or "[thành phần]",
        "addressees": "; ".join(request.addressees) + ";" if request.addressees else "[Nơi nhận báo cáo];",
        "addressees_inline": "; ".join(request.addressees) + "." if request.addressees else "[cơ quan, đơn vị nhận].",
        # Unnamed, the addressees are "các đơn vị" as the closing line has them: the lead line, which may cite
        # what the letter follows up, stays.
        "addressees_lead": ", ".join(_in_sentence(a) for a in request.addressees) if request.addressees else "các đơn vị",
        "recipients_line": "Kính gửi: " + ", ".join(request.addressees) + ". " if request.addressees else "",
        "basis_inline": "Thực hiện " + "; ".join(request.basis) + ", " if request.basis else "",
    }
