"""Documents added and removed while the assistant serves: uploads are stored under the data folder and
ingested one at a time by a background worker whose progress can be read; questions go on meanwhile."""

from __future__ import annotations

import re
import time
import unicodedata
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..config import Settings
from ..index.search_index import SearchIndex
from ..ingest.loaders import UnreadableFile, supported
from ..ingest.pipeline import ingest, read_chunks
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
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
        self._resume()

    def documents(self) -> list[dict]:
        return self.index.listing()

    def add(self, name: str, data: bytes) -> UploadJob:
        """Store an upload and queue its ingestion; a file of the same name is replaced once the new one is
        known to be readable."""
        stored = safe_name(name)
        if not data:
            raise UploadError(f"{stored} is empty")
        if len(data) > self.settings.upload_max_bytes:
            raise UploadTooLarge(f"{stored} is larger than {self.settings.upload_max_bytes // (1024 * 1024)} MB")
        folder = self.settings.uploads_dir
        folder.mkdir(parents=True, exist_ok=True)
        self._prune()
        job = UploadJob(id=uuid.uuid4().hex[:12], name=stored, created=time.time())
        # Written under a hidden name (ingest skips hidden files) with the job beside it: a half-written file is
        # never ingested, and an accepted upload is resumed if the server stops before ingesting it.
        partial = folder / f".{job.id}{Path(stored).suffix.lower()}"
        partial.write_bytes(data)
        self._save(job)
        self.jobs[job.id] = job
        self._worker.submit(self._run, job, partial, folder / stored)
        return job

    def _job_file(self, job_id: str) -> Path:
        return self.settings.uploads_dir / f".{job_id}.job.json"

    def _save(self, job: UploadJob) -> None:
        """A job's state on disk, where a restarted server, or another worker process, reads it."""
        staging = self._job_file(job.id).with_suffix(".tmp")
        staging.write_text(job.model_dump_json(), "utf-8")
        staging.replace(self._job_file(job.id))

    def _resume(self) -> None:
        """Queue again the uploads accepted by an earlier run that it did not ingest (whichever process takes one
        first ingests it; the others find it done)."""
        folder = self.settings.uploads_dir
        for record in sorted(folder.glob(".*.job.json")) if folder.exists() else []:
            try:
                job = UploadJob.model_validate_json(record.read_text("utf-8"))
            except ValueError:
                record.unlink(missing_ok=True)
                continue
            partial = folder / f".{job.id}{Path(job.name).suffix.lower()}"
            if job.status in ("done", "failed") or not partial.exists():
                continue
            job.status, job.message = "queued", "resumed after a restart"
            self.jobs[job.id] = job
            self._worker.submit(self._run, job, partial, folder / job.name)

    def _prune(self) -> None:
        """Finished jobs are kept for a while for the pages that follow them, not for ever."""
        cutoff = time.time() - self.settings.upload_jobs_keep_seconds
        for job_id, job in list(self.jobs.items()):
            if job.status in ("done", "failed") and job.created < cutoff:
                del self.jobs[job_id]
        for record in self.settings.uploads_dir.glob(".*.job.json"):
            if record.stat().st_mtime >= cutoff:
                continue
            # Only a finished (or unreadable) job's record goes: an unfinished one is how its upload resumes.
            job = self.job(record.name[1:-len(".job.json")])
            if job is None or job.status in ("done", "failed"):
                record.unlink(missing_ok=True)

    def _run(self, job: UploadJob, partial: Path, path: Path) -> None:
        job.status = "running"
        self._save(job)

        def progress(stage: str, done: int, total: int) -> None:
            if stage != job.stage:
                job.stage = stage
                self._save(job)
            job.done, job.total = done, total

        try:
            with self.index.writing():
                if not partial.exists():  # another worker process took this resumed upload first
                    self.jobs.pop(job.id, None)
                    return
                # The stored file is replaced only by a readable one; what was read is ingested as it is.
                read = read_chunks(partial, job.name, self.settings, lambda done, total: progress("ocr", done, total))
                partial.replace(path)
                report = ingest([path], self.index, progress=False, on_progress=progress, already_read={path: read})
            job.chunks = next((d["chunks"] for d in self.documents() if d["source"] == job.name), 0)
            job.status, job.message = "done", report.summary().splitlines()[0]
        except UnreadableFile as exc:
            job.status, job.message = "failed", str(exc)
        except Exception as exc:  # the job reports any failure; the worker must live on for the next upload
            job.status, job.message = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            partial.unlink(missing_ok=True)
        self._save(job)

    def job(self, job_id: str) -> UploadJob | None:
        """A job of this process, or of another one sharing the data folder (read from its record)."""
        if job_id in self.jobs:
            return self.jobs[job_id]
        record = self._job_file(job_id) if re.fullmatch(r"[0-9a-z]{1,32}", job_id) else None
        try:
            return UploadJob.model_validate_json(record.read_text("utf-8")) if record and record.exists() else None
        except ValueError:
            return None

    def delete(self, name: str) -> dict | None:
        """Remove a document from the index; an uploaded copy is deleted, a file elsewhere is left alone."""
        with self.index.writing():
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
        """The upload being ingested finishes; queued ones stay on disk and resume on the next start."""
        self._worker.shutdown(wait=True, cancel_futures=True)
