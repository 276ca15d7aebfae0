"""The HTTP API (FastAPI) with the web page (Gradio, assistant/web.py) mounted at `/`.

Endpoints are plain `def`s: FastAPI runs them in its thread pool, so a slow answer never holds up the
others, and an upload is ingested by the document library's own worker thread.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Response, UploadFile
from fastapi.security import APIKeyHeader
from fastapi.sse import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from .config import Settings, get_settings
from .retrieval import FilterError, search
from .docx_export import to_docx
from .drafting import DraftResult
from .schemas import (AskRequest, AskResponse, DeleteResponse, DocumentInfo, DraftRequestBody, Health, SearchHit,
                      SearchRequest, SearchResponse, TasksResponse)
from .service import Assistant
from .uploads import UploadError, UploadJob, UploadTooLarge

_API_KEY = APIKeyHeader(name="X-API-Key", auto_error=False)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Room for the multipart envelope around an upload of the largest allowed size.
_FORM_OVERHEAD = 64 * 1024


def _assistant(request: Request) -> Assistant:
    return request.app.state.assistant


def _check_key(request: Request, key: str | None = Depends(_API_KEY)) -> None:
    expected = _assistant(request).settings.api_key
    if expected and not (key and secrets.compare_digest(key, expected.get_secret_value())):
        raise HTTPException(401, "missing or wrong API key: send it in the X-API-Key header")


def _question(settings: Settings, text: str, field: str = "question") -> str:
    text = text.strip()
    if not text:
        raise HTTPException(422, f"{field} is empty")
    if len(text) > settings.question_max_chars:
        raise HTTPException(422, f"{field} is longer than {settings.question_max_chars} characters")
    return text


def _ask_args(assistant: Assistant, body: AskRequest) -> tuple[str, list[dict], dict | None]:
    settings = assistant.settings
    if len(body.history) > settings.history_max_turns:
        raise HTTPException(422, f"history has more than {settings.history_max_turns} turns")
    if not assistant.index.catalog.count():
        raise HTTPException(503, "the index is empty: add documents first")
    return (_question(settings, body.question), [t.model_dump() for t in body.history],
            body.filters.as_dict() if body.filters else None)


def create_app(assistant: Assistant | None = None, web: bool = True) -> FastAPI:
    """The app over `assistant` (default: one built from the environment's settings, closed with the app)."""
    owned = assistant is None
    assistant = assistant or Assistant(get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await run_in_threadpool(assistant.warm_up)
        yield
        if owned:
            assistant.close()

    app = FastAPI(title="Trợ lý kế hoạch y tế — API", version="1", lifespan=lifespan,
                  description="Search, answers with verified citations, tasks per unit and the document "
                              "collection of the health-plan assistant. Send `X-API-Key` when the server has one.")
    app.state.assistant = assistant
    secured = [Depends(_check_key)]

    @app.get("/health", response_model=Health, tags=["service"])
    def health(request: Request) -> Health:
        return _assistant(request).health()

    @app.post("/search", response_model=SearchResponse, dependencies=secured, tags=["questions"])
    def search_endpoint(body: SearchRequest, request: Request) -> SearchResponse:
        a = _assistant(request)
        query = _question(a.settings, body.query, "query")
        if body.k and body.k > a.settings.search_max_k:
            raise HTTPException(422, f"k is larger than {a.settings.search_max_k}")
        try:
            docs = search(a.index, query, body.k, body.filters.as_dict() if body.filters else None, body.mode)
        except FilterError as exc:
            raise HTTPException(422, str(exc)) from None
        return SearchResponse(query=query, results=[SearchHit(
            source=d.metadata["source"], title=d.metadata.get("title", ""), section=d.metadata.get("section", ""),
            text=d.page_content, restored=d.metadata.get("restored"), score=d.metadata["score"]) for d in docs])

    @app.post("/ask", response_model=AskResponse, dependencies=secured, tags=["questions"])
    def ask(body: AskRequest, request: Request) -> AskResponse:
        a = _assistant(request)
        question, history, filters = _ask_args(a, body)
        try:
            return AskResponse.of(a.ask(question, history, filters))
        except FilterError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.post("/ask/stream", response_class=EventSourceResponse, dependencies=secured, tags=["questions"],
              responses={200: {"description": "`token` events with text pieces, then one `answer` event with "
                                              "the checked answer and its citations (the /ask object)"}})
    def ask_stream(body: AskRequest, request: Request) -> Iterator[ServerSentEvent]:
        a = _assistant(request)
        question, history, filters = _ask_args(a, body)
        try:
            for event in a.stream(question, history, filters):
                if isinstance(event, str):
                    yield ServerSentEvent(event="token", data={"text": event})
                else:
                    yield ServerSentEvent(event="answer", data=AskResponse.of(event).model_dump())
        except FilterError as exc:
            yield ServerSentEvent(event="error", data={"detail": str(exc)})

    def _draft(body: DraftRequestBody, request: Request):
        a = _assistant(request)
        return a.drafter.build(_question(a.settings, body.instruction, "instruction"))

    @app.post("/draft", response_model=DraftResult, dependencies=secured, tags=["drafting"])
    def draft(body: DraftRequestBody, request: Request) -> DraftResult:
        """A plan in the house style: Markdown, the exemplars it cites, and what the checks found."""
        return _draft(body, request)[0]

    @app.post("/draft/docx", dependencies=secured, tags=["drafting"], response_class=Response,
              responses={200: {"content": {DOCX: {}}, "description": "the draft as a Word file"}})
    def draft_docx(body: DraftRequestBody, request: Request) -> Response:
        result, document = _draft(body, request)
        return Response(to_docx(document), media_type=DOCX, headers={
            "Content-Disposition": 'attachment; filename="du-thao-ke-hoach.docx"',
            "X-Draft-Warnings": str(len(result.warnings))})

    @app.get("/tasks", response_model=TasksResponse, dependencies=secured, tags=["tasks"])
    def tasks(request: Request, unit: str | None = Query(None, description="a unit; aliases accepted")
              ) -> TasksResponse:
        grouped = _assistant(request).tasks(unit.strip() if unit and unit.strip() else None)
        return TasksResponse(unit=unit, units={u: [t.as_dict() for t in ts] for u, ts in grouped.items()})

    @app.get("/documents", response_model=list[DocumentInfo], dependencies=secured, tags=["documents"])
    def documents(request: Request) -> list[dict]:
        return _assistant(request).library.documents()

    @app.post("/documents", response_model=UploadJob, status_code=202, dependencies=secured, tags=["documents"],
              max_body_size=assistant.settings.upload_max_bytes + _FORM_OVERHEAD)
    def upload(file: UploadFile, request: Request) -> UploadJob:
        """Store a .txt, .md, .docx or .pdf file and ingest it in the background; follow the returned job."""
        library = _assistant(request).library
        data = file.file.read(library.settings.upload_max_bytes + 1)
        try:
            return library.add(file.filename or "", data)
        except UploadError as exc:
            raise HTTPException(413 if isinstance(exc, UploadTooLarge) else 422, str(exc)) from None

    @app.get("/documents/jobs/{job_id}", response_model=UploadJob, dependencies=secured, tags=["documents"])
    def job(job_id: str, request: Request) -> UploadJob:
        found = _assistant(request).library.job(job_id)
        if found is None:
            raise HTTPException(404, f"no upload job {job_id}")
        return found

    @app.delete("/documents/{name}", response_model=DeleteResponse, dependencies=secured, tags=["documents"])
    def delete(request: Request, name: str = Path(description="the document's file name")) -> dict:
        deleted = _assistant(request).library.delete(name)
        if deleted is None:
            raise HTTPException(404, f"no document named {name!r} in the index")
        return deleted

    if web:
        from .web import mount

        mount(app, assistant)
    return app
