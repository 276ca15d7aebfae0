"""The collection: `GET /documents`, `POST /documents` (202 with a job, ingested in the background by the
document library's own worker), `GET /documents/jobs/{id}`, `DELETE /documents/{name}`."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Path, Request, UploadFile

from ...config import Settings
from ..dependencies import SECURED, get_assistant
from ..schemas import DeleteResponse, DocumentInfo, UploadError, UploadJob, UploadTooLarge

# Room for the multipart envelope around an upload of the largest allowed size.
_FORM_OVERHEAD = 64 * 1024


def documents_router(settings: Settings) -> APIRouter:
    """The routes, with the upload's body limit taken from the settings."""
    router = APIRouter(dependencies=SECURED, tags=["documents"])

    @router.get("/documents", response_model=list[DocumentInfo])
    def documents(request: Request) -> list[dict]:
        return get_assistant(request).documents()

    @router.post("/documents", response_model=UploadJob, status_code=202,
                 max_body_size=settings.upload_max_bytes + _FORM_OVERHEAD)
    def upload(file: UploadFile, request: Request) -> UploadJob:
        """Store a .txt, .md, .docx, .doc or .pdf file or a scan and ingest it in the background; follow the job."""
        a = get_assistant(request)
        data = file.file.read(a.settings.upload_max_bytes + 1)
        try:
            return a.add_document(file.filename or "", data)
        except UploadError as exc:
            raise HTTPException(413 if isinstance(exc, UploadTooLarge) else 422, str(exc)) from None

    @router.get("/documents/jobs/{job_id}", response_model=UploadJob)
    def job(job_id: str, request: Request) -> UploadJob:
        found = get_assistant(request).job(job_id)
        if found is None:
            raise HTTPException(404, f"no upload job {job_id}")
        return found

    @router.delete("/documents/{name}", response_model=DeleteResponse)
    def delete(request: Request, name: str = Path(description="the document's file name")) -> dict:
        deleted = get_assistant(request).delete_document(name)
        if deleted is None:
            raise HTTPException(404, f"no document named {name!r} in the index")
        return deleted

    return router
