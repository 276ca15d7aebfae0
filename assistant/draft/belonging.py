"""The document a piece drafted alone belongs to, named as the seeds' annexes name it: "Kế hoạch triển khai chiến
dịch tiêm bổ sung vắc xin sởi - rubella năm 2027 của Sở Y tế Gia Lai". An annexed table says it under its title
("(Kèm theo …)"); a part or a numbered section says it under its heading ("(Thuộc …)"), so that what the draft
took the piece to be part of is on the page, and a piece pasted elsewhere is seen to be out of place."""

from __future__ import annotations

import re

from ..vietnamese.english_order import vietnamese_summary
from ..vietnamese.folding import fold
from .document import Block
from .request import ASSUMED_TYPE, DraftRequest


def document_named(request: DraftRequest, document: str) -> str:
    """`document` ("Kế hoạch") with the request's summary line and whose it is; "" when the request names no
    document ("Lập bảng dự trù kinh phí: …") or gives no summary line. An English request's summary line is said in
    Vietnamese order when the glossary reads it up to a comma (english_order.py); else the document is named by its
    issuer only."""
    if not document or any(a.startswith(ASSUMED_TYPE) for a in request.assumed):
        return ""
    whose = f" của {request.issuer} {request.province}" if request.issuer and request.province else ""
    if request.english:
        subject = vietnamese_summary(request.subject or "") or ""
        if not subject:
            return f"{document}{whose}" if whose else ""
    else:
        # The summary line up to a remark typed after it ("…, các phần khác xong rồi", "… (đợt 2 làm như đợt 1)",
        # "… làm giống năm 2025"); "phòng, chống" is one phrase.
        subject = re.split(r"\s\(|,\s(?!chống\b)|\slàm (?:giống|như)\b", request.subject or "", maxsplit=1)[0].strip()
    whose = whose if fold(request.province or "") not in fold(subject) and " của " not in subject else ""
    return f"{document} {subject[:1].lower()}{subject[1:]}{whose}" if subject else ""


def belonging_line(request: DraftRequest, document: str, said: str) -> list[Block]:
    """The line under a part's or a section's heading naming its document, unless what is `said` names it."""
    named = document_named(request, document)
    subject = named.removeprefix(document).strip()
    return [Block("line", f"(Thuộc {named})")] if subject and fold(subject) not in fold(said) else []
