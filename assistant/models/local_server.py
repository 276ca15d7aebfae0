"""The local LLM: llama-cpp-python's own OpenAI-compatible server (`python -m llama_cpp.server`) on a free
loopback port, started on first use and stopped at exit. The local and the scale-out paths are then the same
client (`langchain-openai`), streaming included, and one server process serves every request instead of one
model per worker."""

from __future__ import annotations

import atexit
import socket
import subprocess
import sys
import time

import httpx

from ..config import Settings
from .setup import QWEN_CODER


class LlmUnavailable(RuntimeError):
    pass


class LocalServer:
    """`python -m llama_cpp.server` on a free loopback port, started on first use and stopped at exit."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.process: subprocess.Popen | None = None
        self.base_url = ""

    def start(self) -> str:
        if self.process and self.process.poll() is None:
            return self.base_url
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
