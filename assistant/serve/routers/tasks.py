"""`GET /tasks?unit=`: a unit's assignments across all documents (aliases accepted)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from ..dependencies import SECURED, get_assistant
from ..schemas import TasksResponse

router = APIRouter(dependencies=SECURED, tags=["tasks"])


@router.get("/tasks", response_model=TasksResponse)
def tasks(request: Request, unit: str | None = Query(None, description="a unit; aliases accepted")) -> TasksResponse:
    grouped = get_assistant(request).tasks(unit.strip() if unit and unit.strip() else None)
    return TasksResponse(unit=unit, units={u: [t.as_dict() for t in ts] for u, ts in grouped.items()})
