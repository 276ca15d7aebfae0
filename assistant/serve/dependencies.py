"""What every route needs: the running assistant, the API key check (with a back-off on failed attempts), and
the checks on a question's text."""

from __future__ import annotations

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyHeader

from ..config import Settings
from .service import Assistant

_API_KEY = APIKeyHeader(name="X-API-Key", auto_error=False)


def get_assistant(request: Request) -> Assistant:
    return request.app.state.assistant


def check_key(request: Request, key: str | None = Depends(_API_KEY)) -> None:
    assistant = get_assistant(request)
    if assistant.settings.api_key is None:
        return
    accepted, wait = assistant.admit(key, request.client.host if request.client else "?")
    if wait:
        raise HTTPException(429, "too many wrong API keys: try again later", headers={"Retry-After": str(int(wait) + 1)})
    if not accepted:
        raise HTTPException(401, "missing or wrong API key: send it in the X-API-Key header")


def checked_text(settings: Settings, text: str, field: str = "question", limit: int | None = None) -> str:
    """A question, query, instruction or earlier turn stripped, neither empty nor over its length limit, and
    encodable (a lone surrogate cannot be): 422 otherwise."""
    text = text.strip()
    limit = limit or settings.question_max_chars
    if not text:
        raise HTTPException(422, f"{field} is empty")
    if len(text) > limit:
        raise HTTPException(422, f"{field} is longer than {limit} characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise HTTPException(422, f"{field} holds characters that are not text (a lone surrogate)") from None
    return text


SECURED = [Depends(check_key)]
