"""Embeddings cached by (embedder, sha256 of the text) in SQLite: re-ingest and resumed runs embed only new
text, and a return to an earlier embedder is cheap."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

# Questions asked again (the web page's examples, a user retrying) are not embedded again.
_QUERY_CACHE_SIZE = 1024


class CachedEmbeddings(Embeddings):
    """Embeddings keyed by (model, sha256 of text) in SQLite: re-ingest and resumed runs embed only new text.

    Written here because LangChain's CacheBackedEmbeddings lives in the legacy langchain-classic package
    and its file store writes one file per vector, which does not scale to 60k chunks.
    """

    def __init__(self, inner: Embeddings, model_id: str, path: Path) -> None:
        self.inner = inner
        self.model_id = model_id
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, key TEXT, vector BLOB, PRIMARY KEY (model, key))")
        self._lock = threading.Lock()
        self._query = lru_cache(maxsize=_QUERY_CACHE_SIZE)(self._embed_query_uncached)

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    def cached(self, texts: list[str]) -> dict[str, list[float]]:
        keys = list({self._key(t) for t in texts})
        found: dict[str, list[float]] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                part = keys[start:start + 500]
                rows = self._db.execute(
                    f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({','.join('?' * len(part))})",
                    [self.model_id, *part]).fetchall()
                found.update((k, np.frombuffer(v, dtype=np.float32).tolist()) for k, v in rows)
        return found

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        found = self.cached(texts)
        missing = list(dict.fromkeys(t for t in texts if self._key(t) not in found))
        if missing:
            vectors = self.inner.embed_documents(missing)
            with self._lock, self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                    [(self.model_id, self._key(t), np.asarray(v, dtype=np.float32).tobytes())
                     for t, v in zip(missing, vectors)])
            found.update((self._key(t), list(v)) for t, v in zip(missing, vectors))
        return [found[self._key(t)] for t in texts]

    def _embed_query_uncached(self, text: str) -> tuple[float, ...]:
        return tuple(self.inner.embed_query(text))

    def embed_query(self, text: str) -> list[float]:
        return list(self._query(text))
