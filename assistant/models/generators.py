"""The generators, registered by mode like plugins: `ASSISTANT_LLM` picks one.

- `extractive` needs no model: answers quote the retrieved passages, drafts keep their adapted exemplars.
- `local` runs the packaged Qwen2.5-Coder GGUF through llama.cpp's OpenAI-compatible server on loopback, and
  falls back to `extractive` (saying why in `note`) when it cannot start.
- `openai` calls any OpenAI-compatible endpoint (vLLM, llama.cpp's server, Ollama, a hosted model).

A new generator is a factory decorated with `@register(Mode.X)` that returns a `ChatGenerator`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from langchain_core.language_models import BaseChatModel

from ..config import GeneratorMode as Mode
from ..config import Settings
from .local_server import LlmUnavailable, LocalServer


@dataclass(frozen=True)
class ExtractiveGenerator:
    """No model: the answer chain quotes, the drafter adapts. `note` says why, when another was configured."""

    note: str = ""
    mode: Mode = Mode.EXTRACTIVE
    model: str = ""


@dataclass(frozen=True)
class ChatGenerator:
    """An LLM behind LangChain's chat-model interface. `turn` lets one generation at a time reach it: the local
    server has one slot, and a request queued behind others there would wait out its deadline for nothing."""

    mode: Mode
    chat: BaseChatModel
    model: str
    note: str = ""
    turn: threading.Semaphore = field(default_factory=threading.Semaphore, compare=False)


Generator = ExtractiveGenerator | ChatGenerator
_FACTORIES: dict[Mode, Callable[[Settings], Generator]] = {}


def register(mode: Mode) -> Callable[[Callable[[Settings], Generator]], Callable[[Settings], Generator]]:
    def add(factory: Callable[[Settings], Generator]) -> Callable[[Settings], Generator]:
        _FACTORIES[mode] = factory
        return factory
    return add


def get_generator(settings: Settings) -> Generator:
    """The configured generator; an unknown mode is an error that lists the valid ones."""
    try:
        mode = Mode(settings.llm)
    except ValueError:
        raise ValueError(f"unknown generator {settings.llm!r}: ASSISTANT_LLM must be one of "
                         f"{', '.join(m.value for m in Mode)}") from None
    return _FACTORIES[mode](settings)


def _chat_model(settings: Settings, base_url: str) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    # Greedy decoding: the small model invents less and answers the same way twice.
    return ChatOpenAI(base_url=base_url, model=settings.llm_model, api_key=key, temperature=0.0,
                      max_tokens=settings.llm_max_tokens, timeout=settings.llm_timeout, max_retries=1)


@register(Mode.EXTRACTIVE)
def _extractive(settings: Settings) -> Generator:
    return ExtractiveGenerator()


@register(Mode.OPENAI)
def _openai(settings: Settings) -> Generator:
    if not settings.llm_base_url:
        raise LlmUnavailable("ASSISTANT_LLM=openai needs ASSISTANT_LLM_BASE_URL")
    return ChatGenerator(Mode.OPENAI, _chat_model(settings, settings.llm_base_url), settings.llm_model)


_servers: dict[str, LocalServer] = {}
_lock = threading.Lock()


@register(Mode.LOCAL)
def _local(settings: Settings) -> Generator:
    with _lock:
        server = _servers.setdefault(str(settings.llm_model_path or settings.models_dir), LocalServer(settings))
        try:
            base_url = server.start()
        except LlmUnavailable as exc:
            return ExtractiveGenerator(note=f"local LLM unavailable ({exc}); answering extractively")
    return ChatGenerator(Mode.LOCAL, _chat_model(settings, base_url), settings.llm_model)


def stop_local_servers() -> None:
    """Stop the local LLM servers this process started (the web server's shutdown; atexit does it otherwise)."""
    with _lock:
        for server in _servers.values():
            server.stop()
