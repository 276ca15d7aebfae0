"""The FastAPI app: one router per resource (routers/), the web page (Gradio, web/) mounted at `/`, and the
running assistant built once per process (service.py)."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from ..config import get_settings, offline_environment
from .dependencies import SECURED
from .limits import BodyLimit
from .routers import drafting, health, questions, tasks
from .routers.documents import documents_router
from .service import Assistant


# Uploads are bounded by their own routes (the API's and the web page's), not by the JSON body limit.
_UPLOAD_PATHS = ("/documents", "/gradio_api/upload")


def _guarded_docs(app: FastAPI) -> None:
    @app.get("/openapi.json", include_in_schema=False, dependencies=SECURED)
    def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False, dependencies=SECURED)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=app.title)


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

    keyed = assistant.settings.api_key is not None
    # With a key, the API's description is the key holder's too: its pages are served below, behind the key.
    app = FastAPI(title="Trợ lý kế hoạch y tế — API", version="1", lifespan=lifespan,
                  description="Search, answers with verified citations, tasks per unit and the document "
                              "collection of the health-plan assistant. Send `X-API-Key` when the server has one.",
                  **({"docs_url": None, "redoc_url": None, "openapi_url": None} if keyed else {}))
    app.state.assistant = assistant
    app.add_middleware(BodyLimit, max_bytes=assistant.settings.body_max_bytes, exempt=_UPLOAD_PATHS)
    if keyed:
        _guarded_docs(app)
    for router in (health.router, questions.router, drafting.router, tasks.router,
                   documents_router(assistant.settings)):
        app.include_router(router)
    if web:
        from .web import mount

        mount(app, assistant)
    return app
