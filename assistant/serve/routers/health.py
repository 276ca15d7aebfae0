"""`GET /health`: the index and the generator, without the API key (for monitoring)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ..dependencies import get_assistant
from ..schemas import Health

router = APIRouter(tags=["service"])


@router.get("/health", response_model=Health)
def health(request: Request) -> Health:
    return get_assistant(request).health()
