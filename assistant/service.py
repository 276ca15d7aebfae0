"""The running assistant shared by the HTTP API and the web page: one index, one answer chain, one
document library, loaded once per process."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from .answer import Answer, AnswerChain
from .config import Settings
from .drafting import Drafter
from .index import SearchIndex
from .llm import Generator
from .schemas import Health
from .tasks import Task, tasks_for
from .uploads import DocumentLibrary
from .units import unit_table


class Assistant:
    def __init__(self, settings: Settings, index: SearchIndex | None = None,
                 generator: Generator | None = None) -> None:
        self.settings = settings
        self.index = index or SearchIndex(settings)
        self.chain = AnswerChain(self.index, generator)
        self.library = DocumentLibrary(self.index, settings)
        self.drafter = Drafter(self.index, lambda: self.chain.generator)
        # Answers are CPU work: a few at a time, first come first served. Many at once only thrash the two
        # cores (50 users: p95 33 s unbounded, see README), and a queue keeps waiting times fair.
        self._answers = ThreadPoolExecutor(max_workers=settings.answer_workers, thread_name_prefix="answer")

    def ask(self, question: str, history: list[dict] | None = None, filters: dict | None = None) -> Answer:
        return self._answers.submit(self.chain.ask, question, history, filters).result()

    def stream(self, question: str, history: list[dict] | None = None,
               filters: dict | None = None) -> Iterator[str | Answer]:
        """The answer chain's events, computed in the answer pool and passed on as they come."""
        events: queue.Queue = queue.Queue()
        done = object()

        def produce() -> None:
            try:
                for event in self.chain.stream(question, history, filters):
                    events.put(event)
            except Exception as exc:  # raised again in the caller's thread
                events.put(exc)
            events.put(done)

        self._answers.submit(produce)
        while (event := events.get()) is not done:
            if isinstance(event, Exception):
                raise event
            yield event

    def warm_up(self) -> None:
        """Load the embedder and start the generator now, so the first question does not wait for them."""
        self.index.embedder.embed_query("khởi động")
        if self.index.catalog.count(embedded_only=True):
            self.index.vectorstore
        self.chain.generator

    def health(self) -> Health:
        generator = self.chain.loaded_generator
        return Health(documents=len(self.index.catalog.files()), chunks=self.index.catalog.count(),
                      embedded=self.index.catalog.count(embedded_only=True), embedder=self.settings.embedder,
                      llm=generator.mode if generator else self.settings.llm,
                      llm_model=generator.model if generator else self.settings.llm_model,
                      llm_note=generator.note if generator else "",
                      ingest_jobs_running=sum(j.status in ("queued", "running") for j in self.library.jobs.values()))

    def tasks(self, unit: str | None) -> dict[str, list[Task]]:
        return tasks_for(self.index.catalog.tasks(), unit)

    def units(self) -> list[str]:
        """Units with tasks in the index, then the other canonical units of the alias table."""
        with_tasks = sorted({t.unit for t in self.index.catalog.tasks()})
        known = sorted({u for _, units in unit_table().aliases for u in units} - set(with_tasks))
        return with_tasks + known

    def close(self) -> None:
        self.library.close()
        self._answers.shutdown(wait=False, cancel_futures=True)
