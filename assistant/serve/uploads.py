"""Documents added and removed while the assistant serves: uploads are stored under the data folder and
ingested one at a time by a background worker whose progress can be read; questions go on meanwhile."""

from __future__ import annotations

import re
import threading
import time
import unicodedata
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..config import Settings
from ..index.search_index import SearchIndex
from ..ingest.loaders import supported
from ..ingest.pipeline import ingest
from .schemas import UploadError, UploadJob, UploadTooLarge

# Characters a file name keeps: letters (any script), digits, space, dot, dash, underscore, parentheses.
_UNSAFE = re.compile(r"[^\w .()\-]+")
_MAX_NAME = 150


def safe_name(name: str) -> str:
    """The file name an upload is stored under: no folders, no traversal, no control characters."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    base = _UNSAFE.sub("_", base).strip(" .")
    if not base or base.startswith("."):
        raise UploadError(f"invalid file name {name!r}")
    if len(base) > _MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        base = stem[:_MAX_NAME - len(suffix) - 1] + dot + suffix
    if Path(base).suffix.lower() not in supported():
        raise UploadError(f"unsupported file type '{Path(base).suffix or '(none)'}': use {', '.join(supported())}")
    return base


class DocumentLibrary:
    def __init__(self, index: SearchIndex, settings: Settings) -> None:
        self.index = index
        self.settings = settings
        self.jobs: dict[str, UploadJob] = {}
        # One writer at a time: ingests and deletions change the catalogue and rebuild the lexical index.
        self._write = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")

    def documents(self) -> list[dict]:
        return self.index.listing()

    def add(self, name: str, data: bytes) -> UploadJob:
        """Store an upload and queue its ingestion; a file of the same name is replaced."""
        stored = safe_name(name)
        if not data:
            raise UploadError(f"{stored} is empty")
        if len(data) > self.settings.upload_max_bytes:
            raise UploadTooLarge(f"{stored} is larger than {self.settings.upload_max_bytes // (1024 * 1024)} MB")
        folder = self.settings.uploads_dir
        folder.mkdir(parents=True, exist_ok=True)
        job = UploadJob(id=uuid.uuid4().hex[:12], name=stored, created=time.time())
        self.jobs[job.id] = job
        # Written under a temporary name and moved into place: a half-written file is never ingested.
        partial = folder / f".{job.id}.part"
        partial.write_bytes(data)
        self._worker.submit(self._run, job, partial, folder / stored)
        return job

    def _run(self, job: UploadJob, partial: Path, path: Path) -> None:
        job.status = "running"

        def progress(stage: str, done: int, total: int) -> None:
            job.stage, job.done, job.total = stage, done, total

        try:
            with self._write:
                partial.replace(path)
                report = ingest([path], self.index, progress=False, on_progress=progress)
        except Exception as exc:  # the job reports any failure; the worker must live on for the next upload
            job.status, job.message = "failed", f"{type(exc).__name__}: {exc}"
            return
        if report.skipped:
            path.unlink(missing_ok=True)
            job.status, job.message = "failed", "; ".join(reason for _, reason in report.skipped)
            return
        job.chunks = next((d["chunks"] for d in self.documents() if d["source"] == job.name), 0)
        job.status = "done"
        job.message = report.summary().splitlines()[0]

    def job(self, job_id: str) -> UploadJob | None:
        return self.jobs.get(job_id)

    def delete(self, name: str) -> dict | None:
        """Remove a document from the index; an uploaded copy is deleted, a file elsewhere is left alone."""
        with self._write:
            known = self.index.files()
            if name not in known:
                return None
            self.index.remove_file(name)
            self.index.rebuild_lexical()
        path = Path(known[name][0])
        uploaded = path.parent == self.settings.uploads_dir.resolve()
        if uploaded:
            path.unlink(missing_ok=True)
        return {"deleted": name, "file_deleted": uploaded, "file": None if uploaded else str(path)}

    def close(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)
