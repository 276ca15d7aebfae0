"""The running assistant, wired in this one place: one index, one generator (started on first use), the
answer chain, the drafter and the document library, shared by the HTTP API, the web page and the CLI.

Answers are CPU work: a few at a time, first come first served. Many at once only thrash the two cores
(50 users: p95 33 s unbounded, benchmarks/README.md), and a queue keeps waiting times fair.
"""

from __future__ import annotations

import queue
import secrets
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from ..answer.chain import Answer, AnswerChain
from ..config import Settings
from ..draft.document import DraftDocument, DraftResult
from ..draft.drafter import Drafter
from ..draft.skeletons import skeletons
from ..draft.word import to_docx
from ..index.records import Chunk, Task
from ..index.search_index import SearchIndex
from ..ingest.loaders import supported
from ..ingest.pipeline import IngestReport, Progress, ingest
from ..models.generators import Generator, get_generator, stop_local_servers
from ..retrieve.search import Mode, search
from ..retrieve.tasks import tasks_for
from ..vietnamese.units import unit_table
from .schemas import Health, UploadJob
from .uploads import DocumentLibrary


_SCRATCH_SECONDS = 3600
_FAILURE_WINDOW = 60.0


class FailedAttempts:
    """Wrong keys per client: after `limit` within `window` seconds, the client waits out the window (429)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> list[float]:
        recent = [t for t in self._failures.get(client, []) if now - t < self.window]
        self._failures[client] = recent
        return recent

    def blocked_for(self, client: str) -> float:
        """Seconds left before this client may try again; 0 when it may."""
        with self._lock:
            now = time.monotonic()
            recent = self._recent(client, now)
            return self.window - (now - recent[0]) if len(recent) >= self.limit else 0.0

    def failed(self, client: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._recent(client, now).append(now)
            if len(self._failures) > 10_000:  # many clients: forget the ones whose failures are old
                self._failures = {c: ts for c, ts in self._failures.items() if ts and now - ts[-1] < self.window}



class Assistant:
    def __init__(self, settings: Settings, index: SearchIndex | None = None,
                 generator: Generator | None = None) -> None:
        """`index` and `generator`: already built ones to use (tests share one embedder across indexes)."""
        self.settings = settings
        self.index = index or SearchIndex(settings)
        self._generator = generator
        self._generator_lock = threading.Lock()
        self.chain = AnswerChain(self.index, self.generator)
        self.drafter = Drafter(self.index, self.generator)
        self.library = DocumentLibrary(self.index, settings)
        self._answers = ThreadPoolExecutor(max_workers=settings.answer_workers, thread_name_prefix="answer")
        # Wrong keys, from the API (per client address) and the web page's login (one count for the page).
        self.failed_attempts = FailedAttempts(settings.key_max_failures, _FAILURE_WINDOW)

    # -- generator ------------------------------------------------------------------------------------

    def generator(self) -> Generator:
        """The configured generator, started on first use (the local LLM takes seconds to load)."""
        with self._generator_lock:
            if self._generator is None:
                self._generator = get_generator(self.settings)
            return self._generator

    @property
    def loaded_generator(self) -> Generator | None:
        """The generator if one has been started: asking for `generator()` may start the local LLM."""
        return self._generator

    def warm_up(self) -> None:
        """Load the embedder, start the generator, have a local LLM read its prompt and train the drafter's scope
        model now, so the first question or draft does not wait for them."""
        self.index.warm_up()
        self.chain.warm_up()
        self.drafter.warm_up()

    # -- questions ------------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self.index.count()

    def search(self, query: str, k: int | None = None, filters: dict | None = None,
               mode: Mode = "hybrid") -> list[Chunk]:
        return search(self.index, query, k, filters, mode)

    def ask(self, question: str, history: list[dict] | None = None, filters: dict | None = None) -> Answer:
        return self.submit_ask(question, history, filters).result()

    def submit_ask(self, question: str, history: list[dict] | None = None, filters: dict | None = None) -> Future:
        """The answer, computed in the answer pool: a future the API awaits without holding one of its threads."""
        return self._answers.submit(self.chain.ask, question, history, filters, time.perf_counter())

    def stream(self, question: str, history: list[dict] | None = None,
               filters: dict | None = None) -> Iterator[str | Answer]:
        """The answer chain's events, computed in the answer pool and passed on as they come. The answer's
        deadline counts from now: the time spent waiting for a free worker is part of it."""
        events: queue.Queue = queue.Queue()
        done = object()
        arrived = time.perf_counter()

        def produce() -> None:
            try:
                for event in self.chain.stream(question, history, filters, arrived):
                    events.put(event)
            except Exception as exc:  # raised again in the caller's thread
                events.put(exc)
            events.put(done)

        self._answers.submit(produce)
        while (event := events.get()) is not done:
            if isinstance(event, Exception):
                raise event
            yield event

    def chunks(self, ids: list[str]) -> list[Chunk]:
        """The chunks citations point to, for showing the passage in its section."""
        return self.index.chunks(ids)

    # -- tasks ----------------------------------------------------------------------------------------

    def tasks(self, unit: str | None) -> dict[str, list[Task]]:
        return tasks_for(self.index.tasks(), unit)

    def units(self) -> list[str]:
        """Units with tasks in the index, then the other canonical units of the alias table."""
        with_tasks = sorted({t.unit for t in self.index.tasks()})
        known = sorted({u for _, units in unit_table().aliases for u in units} - set(with_tasks))
        return with_tasks + known

    # -- drafting -------------------------------------------------------------------------------------

    def draft_types(self) -> dict[str, str]:
        """The document types the drafter knows: skeleton name → its label in Vietnamese."""
        return {name: sk["label"] for name, sk in skeletons(self.settings.prompts_dir).items()}

    def draft(self, instruction: str) -> tuple[DraftResult, DraftDocument]:
        """The checked draft and the document it renders (ValueError for an empty instruction)."""
        return self.drafter.build(instruction)

    @staticmethod
    def word(document: DraftDocument) -> bytes:
        """The draft as a Word file in the Decree 30/2020 layout."""
        return to_docx(document)

    # -- documents ------------------------------------------------------------------------------------

    def ingest(self, paths: list[Path], embed: bool = True, progress: bool = True,
               on_progress: Progress | None = None) -> IngestReport:
        return ingest(paths, self.index, embed=embed, progress=progress, on_progress=on_progress)

    def documents(self) -> list[dict]:
        return self.library.documents()

    def add_document(self, name: str, data: bytes) -> UploadJob:
        return self.library.add(name, data)

    @staticmethod
    def file_types() -> tuple[str, ...]:
        """The suffixes a document may have (the loaders')."""
        return supported()

    def job(self, job_id: str) -> UploadJob | None:
        return self.library.job(job_id)

    def delete_document(self, name: str) -> dict | None:
        return self.library.delete(name)

    def admit(self, given: str | None, client: str) -> tuple[bool, float]:
        """(accepted, seconds to wait) for a key a client sends: a client that sent too many wrong keys waits out
        the window, even with the right one; a wrong key counts against it."""
        if wait := self.failed_attempts.blocked_for(client):
            return False, wait
        if self.accepts_key(given):
            return True, 0.0
        self.failed_attempts.failed(client)
        return False, 0.0

    def page_login(self, password: str) -> bool:
        """The web page's login: the key as password, with the API's back-off (one count for the page)."""
        return self.admit(password, "web page")[0]

    def accepts_key(self, given: str | None) -> bool:
        """Whether a key (from the X-API-Key header or the web page's password) is the configured one: compared
        in constant time as bytes, so that any text, non-ASCII included, is simply a wrong key."""
        expected = self.settings.api_key
        return expected is None or (given is not None and secrets.compare_digest(
            given.encode("utf-8", "replace"), expected.get_secret_value().encode("utf-8")))

    def scratch_file(self, prefix: str, suffix: str) -> Path:
        """A new file for a download the web page hands out; files older than an hour are removed first, so that
        task views and drafts do not pile up."""
        folder = self.settings.downloads_dir
        folder.mkdir(parents=True, exist_ok=True)
        cutoff = time.time() - _SCRATCH_SECONDS
        for old in folder.iterdir():
            if old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
        return folder / f"{prefix}{uuid.uuid4().hex[:8]}{suffix}"

    def health(self) -> Health:
        generator = self.loaded_generator
        return Health(documents=len(self.index.files()), chunks=self.index.count(),
                      embedded=self.index.count(embedded_only=True), embedder=self.settings.embedder,
                      llm=generator.mode if generator else self.settings.llm,
                      llm_model=generator.model if generator else self.settings.llm_model,
                      llm_note=generator.note if generator else "",
                      ingest_jobs_running=sum(j.status in ("queued", "running") for j in self.library.jobs.values()))

    def close(self) -> None:
        """Stop taking work: queued answers are cancelled, the local LLM server is stopped (which ends the
        generations in flight), and the upload being ingested finishes; queued uploads resume on the next start."""
        self._answers.shutdown(wait=False, cancel_futures=True)
        stop_local_servers()
        self.library.close()
