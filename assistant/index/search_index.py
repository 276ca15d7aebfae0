"""SearchIndex: the one door to a data folder's storage (the chunk catalogue, the lexical index, the dense
store and the embedder that fills it). Every other stage reads and writes chunks, tasks and vectors through
the methods below, never through SQLite, bm25s or Chroma directly.
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import numpy as np
from langchain_core.embeddings import Embeddings

from ..config import Settings
from ..models.embedders import build_embedder, embedder_id
from .catalog import ChunkCatalog
from .dense import DenseStore
from .embedding_cache import CachedEmbeddings
from .lexical import CURRENT, LexicalIndex
from .records import Chunk, DocumentCard, Task


class SearchIndex:
    """The catalogue, lexical and dense indexes of one data folder, opened together."""

    def __init__(self, settings: Settings, embedder: Embeddings | None = None) -> None:
        """`embedder`: an already loaded one to share (the model takes about 1 GB)."""
        self.settings = settings
        self.embedder_id = embedder_id(settings.embedder)
        self._catalog = ChunkCatalog(settings.catalog_path)
        self._catalog.use_embedder(self.embedder_id)
        self._lexical = LexicalIndex.load(settings.lexical_dir) or LexicalIndex.build([], settings.bigrams)
        self._lexical_stamp = self._lexical_saved_at()
        self._embedder = embedder
        self._cards: tuple[float, list[DocumentCard]] | None = None
        # Writers take turns, in this process (threads) and across processes (web workers, a CLI ingest) that
        # share the data folder; the lock is reentrant in a thread, so an upload's ingest can run inside it.
        self._writer = threading.RLock()
        self._writing = 0
        self._dense: DenseStore | None = None

    # -- models ---------------------------------------------------------------------------------------

    @property
    def embedder(self) -> Embeddings:
        """The embedder, loaded on first use and cached by text; share it with another index of the process."""
        if self._embedder is None:
            self._embedder = CachedEmbeddings(build_embedder(self.settings), self.embedder_id,
                                              self.settings.embed_cache_path)
        return self._embedder

    @property
    def dense(self) -> DenseStore:
        if self._dense is None:
            self._dense = DenseStore(self.settings, self.embedder_id, lambda: self.embedder)
        return self._dense

    def warm_up(self) -> None:
        """Load the embedder and open the dense store now, so the first question does not wait for them."""
        self.embedder.embed_query("khởi động")
        if self.count(embedded_only=True):
            self.dense.vectorstore

    # -- reading --------------------------------------------------------------------------------------

    def count(self, embedded_only: bool = False) -> int:
        return self._catalog.count(embedded_only)

    def files(self) -> dict[str, tuple[str, str]]:
        """source → (path, stamp) of every file fully catalogued."""
        return self._catalog.files()

    def listing(self) -> list[dict]:
        """One row per ingested file: its header metadata, chunks and embedded chunks."""
        return self._catalog.listing()

    def chunks(self, ids: Iterable[str] | None = None) -> list[Chunk]:
        """The chunks with these ids, in that order (every chunk in reading order without ids)."""
        return self._catalog.documents(ids)

    def tasks(self) -> list[Task]:
        return self._catalog.tasks()

    def distinct(self, field: str) -> list:
        """The values a chunk metadata field takes across the index (places, signers, issuers …)."""
        return self._catalog.distinct(field)

    def ids_where(self, conditions: list[tuple[str, list]]) -> set[str]:
        """Ids of chunks whose metadata field takes one of the given values, for every condition."""
        return self._catalog.ids_where(conditions)

    def _lexical_saved_at(self) -> float:
        marker = self.settings.lexical_dir / CURRENT
        return marker.stat().st_mtime if marker.exists() else 0.0

    def _current_lexical(self) -> LexicalIndex:
        """The lexical index as last saved: another process sharing the folder may have rebuilt it."""
        stamp = self._lexical_saved_at()
        if stamp != self._lexical_stamp:
            self._lexical = LexicalIndex.load(self.settings.lexical_dir) or self._lexical
            self._lexical_stamp = stamp
        return self._lexical

    def lexical_search(self, query: str, k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        return self._current_lexical().search(query, k, allowed)

    def idf(self, token: str) -> float:
        """Inverse document frequency of a folded token in the lexical index."""
        return self._current_lexical().idf(token)

    def known(self, token: str) -> bool:
        """Whether some chunk holds the folded token."""
        return self._current_lexical().known(token)

    def nearest(self, text: str, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k chunks nearest to a text, by the embedder."""
        return self.dense.nearest(text, k, where)

    def similarities(self, query: str, texts: list[str]) -> list[float]:
        """Cosine similarity of a query to each text, by the embedder (vectors are normalised)."""
        vector = np.array(self.embedder.embed_query(query))
        return [float(np.dot(vector, v)) for v in np.array(self.embedder.embed_documents(texts))]

    def cards(self) -> list[DocumentCard]:
        """Every document's card, read again when the index has changed (here or in another process)."""
        stamp = self._lexical_saved_at()
        if self._cards is None or self._cards[0] != stamp:
            self._cards = (stamp, self._catalog.cards())
        return self._cards[1]

    # -- writing --------------------------------------------------------------------------------------

    def store_file(self, source: str, path: str, stamp: str, chunks: list[Chunk], tasks: list[Task],
                   card: DocumentCard) -> None:
        """Replace a file's chunks, tasks and card; the vectors of chunks that are gone leave the dense store."""
        self._catalog.replace_tasks(source, tasks)
        self._catalog.replace_card(source, card)
        self.dense.delete(self._catalog.replace_file(source, path, stamp, chunks))

    def remove_file(self, source: str) -> None:
        self.dense.delete(self._catalog.remove_file(source))

    def lexical_in_step(self) -> bool:
        """Whether the lexical index holds exactly the catalogue's chunks (it is saved after the catalogue)."""
        return (self.settings.lexical_dir / CURRENT).exists() and set(self._current_lexical().ids) == self._catalog.ids_where([])

    def rebuild_lexical(self) -> None:
        self._lexical = LexicalIndex.build(self._catalog.documents(), self.settings.bigrams)
        self._lexical.save(self.settings.lexical_dir)
        self._lexical_stamp = self._lexical_saved_at()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the data folder's write lock: one writer at a time across threads and processes."""
        with self._writer:
            if not self._writing:
                self.settings.data_dir.mkdir(parents=True, exist_ok=True)
                self._lock_file = (self.settings.data_dir / "write.lock").open("a")
                fcntl.flock(self._lock_file, fcntl.LOCK_EX)
            self._writing += 1
            try:
                yield
            finally:
                self._writing -= 1
                if not self._writing:
                    fcntl.flock(self._lock_file, fcntl.LOCK_UN)
                    self._lock_file.close()

    def pending(self, batch: int, window: int = 0, only: list[str] | None = None) -> Iterator[list[Chunk]]:
        """Chunks not embedded yet (among `only`), `batch` at a time, sorted by length within each `window`."""
        return self._catalog.unembedded(batch, window, only)

    def count_pending(self, only: list[str] | None = None) -> int:
        return self._catalog.count_unembedded(only)

    def upsert_dense(self, chunks: list[Chunk], step: int = 0, on_embedded: Callable[[int], None] | None = None) -> None:
        """Embed `step` chunks at a time, reporting each step, then write them all to Chroma at once: most
        of a write's cost is fixed (55 ms for 8 chunks, 180 ms for 64), and the embedding cache keeps every
        finished step, so an interrupted run embeds nothing twice."""
        texts = [c.index_text() for c in chunks]
        step = step or len(texts)
        vectors: list[list[float]] = []
        for start in range(0, len(texts), step):
            part = texts[start:start + step]
            vectors.extend(self.embedder.embed_documents(part))
            if on_embedded:
                on_embedded(len(part))
        self.dense.upsert(chunks, vectors)
        self._catalog.mark_embedded([c.id for c in chunks])
