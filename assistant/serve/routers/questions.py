"""`POST /search`, `POST /ask` and `POST /ask/stream` (server-sent events).

Endpoints are plain `def`s, which FastAPI runs in its thread pool, except /ask, which awaits the answer pool.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

from fastapi import APIRouter, HTTPException, Request
from fastapi.sse import EventSourceResponse, ServerSentEvent

from ...retrieve.filters import FilterError
from ..dependencies import SECURED, checked_text, get_assistant
from ..schemas import AskRequest, AskResponse, SearchHit, SearchRequest, SearchResponse
from ..service import Assistant

router = APIRouter(dependencies=SECURED, tags=["questions"])


def _ask_args(assistant: Assistant, body: AskRequest) -> tuple[str, list[dict], dict | None]:
    settings = assistant.settings
    if len(body.history) > settings.history_max_turns:
        raise HTTPException(422, f"history has more than {settings.history_max_turns} turns")
    # An earlier question is held to a question's limit, an earlier answer to an answer's: the history cannot
    # carry what the question itself may not.
    history = [{"role": t.role, "content": checked_text(
        settings, t.content, f"history turn {n}", settings.question_max_chars if t.role == "user"
        else settings.history_answer_max_chars)} for n, t in enumerate(body.history, 1)]
    if assistant.is_empty():
        raise HTTPException(503, "the index is empty: add documents first")
    return checked_text(settings, body.question), history, body.filters.as_dict() if body.filters else None


@router.post("/search", response_model=SearchResponse)
def search_endpoint(body: SearchRequest, request: Request) -> SearchResponse:
    a = get_assistant(request)
    query = checked_text(a.settings, body.query, "query")
    if body.k and body.k > a.settings.search_max_k:
        raise HTTPException(422, f"k is larger than {a.settings.search_max_k}")
    try:
        chunks = a.search(query, body.k, body.filters.as_dict() if body.filters else None, body.mode)
    except FilterError as exc:
        raise HTTPException(422, str(exc)) from None
    return SearchResponse(query=query, results=[SearchHit.of(c) for c in chunks])


@router.post("/ask", response_model=AskResponse)
async def ask(body: AskRequest, request: Request) -> AskResponse:
    """Awaited, not run in the server's thread pool: fifty waiting questions must not leave /search waiting for
    a thread."""
    a = get_assistant(request)
    question, history, filters = _ask_args(a, body)
    try:
        return AskResponse.of(await asyncio.wrap_future(a.submit_ask(question, history, filters)))
    except FilterError as exc:
        raise HTTPException(422, str(exc)) from None


@router.post("/ask/stream", response_class=EventSourceResponse,
             responses={200: {"description": "`token` events with text pieces, then one `answer` event with "
                                             "the checked answer and its citations (the /ask object)"}})
def ask_stream(body: AskRequest, request: Request) -> Iterator[ServerSentEvent]:
    a = get_assistant(request)
    question, history, filters = _ask_args(a, body)
    try:
        for event in a.stream(question, history, filters):
            if isinstance(event, str):
                yield ServerSentEvent(event="token", data={"text": event})
            else:
                yield ServerSentEvent(event="answer", data=AskResponse.of(event).model_dump())
    except FilterError as exc:
        yield ServerSentEvent(event="error", data={"detail": str(exc)})
