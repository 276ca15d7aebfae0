"""Everything the configured models need before the first question: the embedder's files (and its ONNX export),
the local LLM's GGUF and runtime, and a first answer from that runtime; and a word when Tesseract's Vietnamese
model is missing. `assistant setup` runs it."""

from __future__ import annotations

from ..config import GeneratorMode, Settings
from .local_server import check_answers
from .ocr_tools import missing_ocr_tools
from .onnx_export import ensure_onnx_embedder
from .setup import EMBEDDINGGEMMA, QWEN_CODER, ensure_llama_runtime, ensure_model
from .stages import Stages


def prepare_models(settings: Settings, stages: Stages) -> None:
    """Raises StageFailed, ModelSetupError or LlmUnavailable with the reason."""
    ensure_model(EMBEDDINGGEMMA, settings, stages)
    if settings.embedder == "embeddinggemma-onnx-int8":
        ensure_onnx_embedder(settings, stages)
    if settings.llm == GeneratorMode.LOCAL:
        ensure_model(QWEN_CODER, settings, stages)
        runtime = ensure_llama_runtime(settings, stages)
        with stages.stage("runtime", f"{runtime}: start the local LLM and ask it one question"):
            check_answers(settings)
    check_ocr_tools(settings, stages)


def check_ocr_tools(settings: Settings, stages: Stages) -> None:
    """Scanned files need Debian's packages: their absence is said, not failed, since typed files need none."""
    missing = missing_ocr_tools(settings)
    if missing:
        stages.warn("ocr", f"{missing}; until then scanned PDFs and images are refused")
