"""The indexes: a chunk catalogue (SQLite), a lexical BM25 index (bm25s) and the dense index (Chroma).

The catalogue holds every parsed chunk with its metadata and whether it is embedded yet. The lexical
index is derived from it at the end of parsing, so a large corpus is searchable lexically at once while
dense embedding (about 1 chunk/s on 2 cores) goes on, resumably, in the background of the same run.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import bm25s
import numpy as np
from langchain_core.documents import Document

from .chunking import index_text, lexical_text
from .config import Settings
from .tasks import Task
from .text import lexical_terms


class ChunkCatalog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # One connection per thread: the web server answers from many threads while an upload is ingested.
        self._local = threading.local()
        self.db.execute("PRAGMA journal_mode=WAL")  # readers never wait for the ingesting writer
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS files (source TEXT PRIMARY KEY, path TEXT, file_hash TEXT, n_chunks INTEGER);
            CREATE TABLE IF NOT EXISTS chunks (id TEXT PRIMARY KEY, source TEXT, position INTEGER, text TEXT,
                                               metadata TEXT, embedded INTEGER DEFAULT 0);
            CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source);
            CREATE INDEX IF NOT EXISTS chunks_embedded ON chunks(embedded);
            CREATE TABLE IF NOT EXISTS tasks (source TEXT, position INTEGER, unit TEXT, task TEXT);
            CREATE INDEX IF NOT EXISTS tasks_source ON tasks(source);
            CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT);
        """)

    def use_embedder(self, name: str) -> None:
        """The `embedded` flags belong to one embedder: another one (or an unrecorded one, in a folder made
        before this was kept) finds every chunk waiting for it. Its vectors go to a collection of its own,
        and the embedding cache makes a return to an earlier embedder cheap.
        """
        row = self.db.execute("SELECT value FROM state WHERE key = 'embedder'").fetchone()
        if row and row[0] == name:
            return
        with self.db:
            self.db.execute("UPDATE chunks SET embedded = 0")
            self.db.execute("INSERT OR REPLACE INTO state VALUES ('embedder', ?)", (name,))

    @property
    def db(self) -> sqlite3.Connection:
        connection = getattr(self._local, "db", None)
        if connection is None:
            connection = self._local.db = sqlite3.connect(self.path, timeout=30)
        return connection

    def files(self) -> dict[str, tuple[str, str]]:
        """source → (path, file hash) of every file fully catalogued."""
        return {s: (p, h) for s, p, h in self.db.execute("SELECT source, path, file_hash FROM files")}

    def listing(self) -> list[dict]:
        """One row per ingested file: its metadata (from its first chunk), chunks and embedded chunks."""
        rows = self.db.execute("""
            SELECT f.source, f.n_chunks, c.metadata,
                   (SELECT COUNT(*) FROM chunks e WHERE e.source = f.source AND e.embedded = 1)
            FROM files f LEFT JOIN chunks c ON c.source = f.source AND c.position = 0 ORDER BY f.source""").fetchall()
        listed = []
        for source, n_chunks, metadata, embedded in rows:
            meta = json.loads(metadata) if metadata else {}
            listed.append({"source": source, "title": meta.get("title", source), "doc_type": meta.get("doc_type_name"),
                           "number": meta.get("number"), "date": meta.get("date"), "issuer": meta.get("issuer"),
                           "chunks": n_chunks, "embedded": embedded, "restored": "restored" in meta})
        return listed

    def ids_of(self, source: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM chunks WHERE source = ?", (source,))}

    def replace_file(self, source: str, path: str, file_hash: str, chunks: list[Document]) -> set[str]:
        """Store a file's chunks; return the ids of its old chunks that are gone."""
        old = self.ids_of(source)
        new = {c.id for c in chunks}
        with self.db:
            self.db.execute("DELETE FROM files WHERE source = ?", (source,))
            self.db.executemany("DELETE FROM chunks WHERE id = ?", [(i,) for i in old - new])
            # Kept chunks stay embedded only if their text is unchanged, which their content-derived id says.
            self.db.executemany(
                "INSERT INTO chunks (id, source, position, text, metadata, embedded) VALUES (?, ?, ?, ?, ?, 0) "
                "ON CONFLICT(id) DO UPDATE SET position = excluded.position, metadata = excluded.metadata, embedded = 0",
                [(c.id, source, c.metadata["chunk_index"], c.page_content, json.dumps(c.metadata, ensure_ascii=False))
                 for c in chunks])
            self.db.execute("INSERT INTO files VALUES (?, ?, ?, ?)", (source, path, file_hash, len(chunks)))
        return old - new

    def replace_tasks(self, source: str, tasks: list[Task]) -> None:
        with self.db:
            self.db.execute("DELETE FROM tasks WHERE source = ?", (source,))
            self.db.executemany("INSERT INTO tasks VALUES (?, ?, ?, ?)", [
                (source, n, t.unit, json.dumps(t.as_dict(), ensure_ascii=False)) for n, t in enumerate(tasks)])

    def tasks(self) -> list[Task]:
        rows = self.db.execute("SELECT task FROM tasks ORDER BY source, position").fetchall()
        return [Task(**json.loads(r[0])) for r in rows]

    def remove_file(self, source: str) -> set[str]:
        ids = self.ids_of(source)
        with self.db:
            self.db.execute("DELETE FROM tasks WHERE source = ?", (source,))
            self.db.execute("DELETE FROM chunks WHERE source = ?", (source,))
            self.db.execute("DELETE FROM files WHERE source = ?", (source,))
        return ids

    def documents(self, ids: Iterable[str] | None = None) -> list[Document]:
        if ids is None:
            rows = self.db.execute("SELECT id, text, metadata FROM chunks ORDER BY source, position").fetchall()
        else:
            wanted = list(ids)
            rows = []
            for start in range(0, len(wanted), 500):
                part = wanted[start:start + 500]
                rows += self.db.execute(
                    f"SELECT id, text, metadata FROM chunks WHERE id IN ({','.join('?' * len(part))})", part).fetchall()
            order = {i: n for n, i in enumerate(wanted)}
            rows.sort(key=lambda r: order[r[0]])
        return [Document(id=i, page_content=t, metadata=json.loads(m)) for i, t, m in rows]

    def unembedded(self, batch: int, window: int = 0) -> Iterator[list[Document]]:
        """Chunks not embedded yet, `batch` at a time, taken in reading order `window` at a time and sorted
        by length within it: the embedder pads each of its batches to the longest text, so neighbours of
        like length waste less."""
        while True:
            ids = [r[0] for r in self.db.execute(
                "SELECT id FROM chunks WHERE embedded = 0 ORDER BY source, position LIMIT ?", (max(batch, window),))]
            if not ids:
                return
            docs = sorted(self.documents(ids), key=lambda d: len(d.page_content))
            for start in range(0, len(docs), batch):
                yield docs[start:start + batch]

    def mark_embedded(self, ids: list[str]) -> None:
        with self.db:
            self.db.executemany("UPDATE chunks SET embedded = 1 WHERE id = ?", [(i,) for i in ids])

    def count(self, embedded_only: bool = False) -> int:
        query = "SELECT COUNT(*) FROM chunks" + (" WHERE embedded = 1" if embedded_only else "")
        return self.db.execute(query).fetchone()[0]

    def ids_where(self, conditions: list[tuple[str, list]]) -> set[str]:
        """Ids of chunks whose metadata field takes one of the given values, for every condition."""
        sql = " AND ".join(f"json_extract(metadata, ?) IN ({','.join('?' * len(values))})" for _, values in conditions)
        params = [p for field, values in conditions for p in (f"$.{field}", *values)]
        return {r[0] for r in self.db.execute(f"SELECT id FROM chunks WHERE {sql or '1'}", params)}

    def distinct(self, field: str) -> list:
        rows = self.db.execute(
            "SELECT DISTINCT json_extract(metadata, ?) FROM chunks", (f"$.{field}",)).fetchall()
        return [r[0] for r in rows if r[0] is not None]


class LexicalIndex:
    """BM25 over folded, OCR-repaired tokens of each chunk's title, section path and text."""

    def __init__(self, retriever: bm25s.BM25, ids: list[str], bigrams: bool) -> None:
        self.retriever = retriever
        self.ids = ids
        self.position = {i: n for n, i in enumerate(ids)}
        self.bigrams = bigrams

    @classmethod
    def build(cls, chunks: list[Document], bigrams: bool) -> LexicalIndex:
        retriever = bm25s.BM25()
        corpus = [lexical_terms(lexical_text(c), bigrams) for c in chunks]
        if chunks:
            retriever.index(corpus, show_progress=False)
        return cls(retriever, [c.id for c in chunks], bigrams)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        if self.ids:
            self.retriever.save(str(directory), show_progress=False)
        (directory / "ids.json").write_text(json.dumps({"ids": self.ids, "bigrams": self.bigrams}))

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex | None:
        meta_path = directory / "ids.json"
        if not meta_path.exists():
            return None
        meta = json.loads(meta_path.read_text())
        retriever = bm25s.BM25.load(str(directory)) if meta["ids"] else bm25s.BM25()
        return cls(retriever, meta["ids"], meta["bigrams"])

    def idf(self, token: str) -> float:
        """Inverse document frequency of a folded token; a token no chunk holds weighs most."""
        column = self.retriever.vocab_dict.get(token) if self.ids else None
        indptr = self.retriever.scores["indptr"] if self.ids else None
        df = int(indptr[column + 1] - indptr[column]) if column is not None and column + 1 < len(indptr) else 0
        return math.log((len(self.ids) + 1) / (df + 0.5))

    def search(self, query: str, k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        vocab = self.retriever.vocab_dict
        tokens = [t for t in lexical_terms(query, self.bigrams) if t in vocab]
        if not tokens:
            return []
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self.ids), dtype=np.float32)
            for chunk_id in allowed:
                if chunk_id in self.position:
                    mask[self.position[chunk_id]] = 1.0
            if not mask.any():
                return []
        scores = self.retriever.get_scores(tokens)
        if mask is not None:
            scores = scores * mask
        k = min(k, len(self.ids))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]


def chroma_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        from urllib.parse import urlparse

        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(host=url.hostname or "localhost", port=url.port or 8000,
                                   ssl=url.scheme == "https", settings=chroma_settings)
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


class SearchIndex:
    """The catalogue, lexical and dense indexes of one data folder, opened together."""

    def __init__(self, settings: Settings, embedder=None) -> None:
        """`embedder`: an already loaded one to share (the model takes about 1 GB)."""
        self.settings = settings
        self.catalog = ChunkCatalog(settings.catalog_path)
        self.catalog.use_embedder(settings.embedder_id)
        self.lexical = LexicalIndex.load(settings.lexical_dir) or LexicalIndex.build([], settings.bigrams)
        self._embedder = embedder
        self._client = None
        self._vectorstore = None

    @property
    def embedder(self):
        if self._embedder is None:
            from .embeddings import CachedEmbeddings, build_embedder

            self._embedder = CachedEmbeddings(build_embedder(self.settings), self.settings.embedder_id,
                                              self.settings.embed_cache_path)
        return self._embedder

    @property
    def collection(self):
        """The raw Chroma collection, written with our own vectors: Chroma never embeds anything itself."""
        if self._client is None:
            self._client = chroma_client(self.settings)
        return self._client.get_or_create_collection(
            self.collection_name, embedding_function=None, metadata={"hnsw:space": "cosine"})

    @property
    def collection_name(self) -> str:
        # One collection per embedder: vectors of different models never mix.
        return f"{self.settings.collection}-{self.settings.embedder_id}"

    @property
    def vectorstore(self):
        if self._vectorstore is None:
            from langchain_chroma import Chroma

            self.collection  # create it with our settings before LangChain opens it
            self._vectorstore = Chroma(client=self._client, collection_name=self.collection_name,
                                       embedding_function=self.embedder)
        return self._vectorstore

    def rebuild_lexical(self) -> None:
        self.lexical = LexicalIndex.build(self.catalog.documents(), self.settings.bigrams)
        self.lexical.save(self.settings.lexical_dir)

    def upsert_dense(self, chunks: list[Document], step: int = 0,
                     on_embedded: Callable[[int], None] | None = None) -> None:
        """Embed `step` chunks at a time, reporting each step, then write them all to Chroma at once: most
        of a write's cost is fixed (55 ms for 8 chunks, 180 ms for 64), and the embedding cache keeps every
        finished step, so an interrupted run embeds nothing twice."""
        texts = [index_text(c) for c in chunks]
        step = step or len(texts)
        vectors: list[list[float]] = []
        for start in range(0, len(texts), step):
            part = texts[start:start + step]
            vectors.extend(self.embedder.embed_documents(part))
            if on_embedded:
                on_embedded(len(part))
        self.collection.upsert(ids=[c.id for c in chunks], embeddings=vectors,
                               documents=[c.page_content for c in chunks],
                               metadatas=[c.metadata for c in chunks])
        self.catalog.mark_embedded([c.id for c in chunks])

    def delete_dense(self, ids: set[str]) -> None:
        if ids:
            self.collection.delete(ids=list(ids))
