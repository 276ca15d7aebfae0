"""The FastAPI app: one router per resource (routers/), the web page (Gradio, web/) mounted at `/`, and the
running assistant built once per process (service.py)."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from ..config import get_settings, offline_environment
from .routers import drafting, health, questions, tasks
from .routers.documents import documents_router
from .service import Assistant


def create_app(assistant: Assistant | None = None, web: bool = True) -> FastAPI:
    """The app over `assistant` (default: one built from the environment's settings, closed with the app)."""
    offline_environment()
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
    for router in (health.router, questions.router, drafting.router, tasks.router,
                   documents_router(assistant.settings)):
        app.include_router(router)
    if web:
        from .web import mount

        mount(app, assistant)
    return app
