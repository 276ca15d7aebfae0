"""What every route needs: the running assistant, the API key check, and the limits on a question."""

from __future__ import annotations

import secrets

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyHeader

from ..config import Settings
from .service import Assistant

_API_KEY = APIKeyHeader(name="X-API-Key", auto_error=False)


def get_assistant(request: Request) -> Assistant:
    return request.app.state.assistant


def check_key(request: Request, key: str | None = Depends(_API_KEY)) -> None:
    expected = get_assistant(request).settings.api_key
    if expected and not (key and secrets.compare_digest(key, expected.get_secret_value())):
        raise HTTPException(401, "missing or wrong API key: send it in the X-API-Key header")


def checked_text(settings: Settings, text: str, field: str = "question") -> str:
    """A question, query or instruction stripped, neither empty nor over the length limit (422 otherwise)."""
    text = text.strip()
    if not text:
        raise HTTPException(422, f"{field} is empty")
    if len(text) > settings.question_max_chars:
        raise HTTPException(422, f"{field} is longer than {settings.question_max_chars} characters")
    return text


SECURED = [Depends(check_key)]
