"""`POST /draft` (Markdown, citations, warnings) and `POST /draft/docx` (the Word file)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from ...draft.document import DraftDocument
from ..dependencies import SECURED, checked_text, get_assistant
from ..schemas import DraftRequestBody, DraftResult

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
router = APIRouter(dependencies=SECURED, tags=["drafting"])


def _draft(body: DraftRequestBody, request: Request) -> tuple[DraftResult, DraftDocument]:
    a = get_assistant(request)
    return a.draft(checked_text(a.settings, body.instruction, "instruction"))


@router.post("/draft", response_model=DraftResult)
def draft(body: DraftRequestBody, request: Request) -> DraftResult:
    """A plan in the house style: Markdown, the exemplars it cites, and what the checks found."""
    return _draft(body, request)[0]


@router.post("/draft/docx", response_class=Response,
             responses={200: {"content": {DOCX: {}}, "description": "the draft as a Word file"}})
def draft_docx(body: DraftRequestBody, request: Request) -> Response:
    result, document = _draft(body, request)
    return Response(get_assistant(request).word(document), media_type=DOCX, headers={
        "Content-Disposition": 'attachment; filename="du-thao-ke-hoach.docx"',
        "X-Draft-Warnings": str(len(result.warnings))})
