"""Generators behind one interface: a LangChain chat model for the local LLM or any OpenAI-compatible
endpoint, or None for the extractive mode that needs no LLM.

The local LLM is served by llama-cpp-python's own OpenAI-compatible server on loopback, so the local and the
scale-out paths are the same client (`langchain-openai`), streaming included, and one server process is
shared by every request instead of one model per worker.
"""

from __future__ import annotations

import atexit
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

import httpx
from langchain_core.language_models import BaseChatModel

from .config import Settings


class LlmUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class Generator:
    """What answers: `chat` is None in extractive mode; `mode` says which generator is in use, and `note`
    why it differs from the configured one."""

    mode: str
    chat: BaseChatModel | None
    model: str
    note: str = ""


class LocalServer:
    """`python -m llama_cpp.server` on a free loopback port, started on first use and stopped at exit."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.process: subprocess.Popen | None = None
        self.base_url = ""

    def start(self) -> str:
        if self.process and self.process.poll() is None:
            return self.base_url
        from .model_setup import QWEN_CODER

        model_path = self.settings.llm_model_path or self.settings.models_dir / QWEN_CODER.target
        if not model_path.exists():
            raise LlmUnavailable(f"no local model at {model_path}: run `assistant setup`")
        try:
            import llama_cpp  # noqa: F401  (only checks that the runtime is installed)
        except ImportError:
            raise LlmUnavailable("llama-cpp-python is not installed: run `assistant setup`") from None
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        s = self.settings
        self.process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path), "--model_alias", s.llm_model,
             "--n_ctx", str(s.llm_context), "--n_threads", str(s.llm_threads), "--host", "127.0.0.1",
             "--port", str(port), "--verbose", "False"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        atexit.register(self.stop)
        self.base_url = f"http://127.0.0.1:{port}/v1"
        deadline = time.monotonic() + s.llm_start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LlmUnavailable(f"the local LLM server exited: {self.process.stderr.read()[-500:]}")
            try:
                if httpx.get(f"{self.base_url}/models", timeout=1.0).status_code == 200:
                    return self.base_url
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise LlmUnavailable(f"the local LLM server did not start within {s.llm_start_timeout} s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None


_servers: dict[str, LocalServer] = {}
_lock = threading.Lock()


def _chat_model(settings: Settings, base_url: str) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    # Greedy decoding: the small model invents less and answers the same way twice.
    return ChatOpenAI(base_url=base_url, model=settings.llm_model, api_key=key, temperature=0.0,
                      max_tokens=settings.llm_max_tokens, timeout=settings.llm_timeout, max_retries=1)


def get_generator(settings: Settings) -> Generator:
    """The configured generator; the local LLM falls back to extractive (with a note) when it cannot run."""
    if settings.llm == "extractive":
        return Generator("extractive", None, "")
    if settings.llm == "openai":
        if not settings.llm_base_url:
            raise LlmUnavailable("ASSISTANT_LLM=openai needs ASSISTANT_LLM_BASE_URL")
        return Generator("openai", _chat_model(settings, settings.llm_base_url), settings.llm_model)
    with _lock:
        server = _servers.setdefault(str(settings.llm_model_path or settings.models_dir), LocalServer(settings))
        try:
            base_url = server.start()
        except LlmUnavailable as exc:
            return Generator("extractive", None, "", note=f"local LLM unavailable ({exc}); answering extractively")
    return Generator("local", _chat_model(settings, base_url), settings.llm_model)
