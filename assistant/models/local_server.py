"""The local LLM: llama.cpp's own OpenAI-compatible server (llama_server.py, from the prebuilt xllamacpp wheel)
in a process of its own on a free loopback port, started on first use and stopped at exit. The local and the
scale-out paths are then the same client (`langchain-openai`), streaming included, and one server process
serves every request instead of one model per worker. What the server prints goes to `settings.llm_log`."""

from __future__ import annotations

import atexit
import socket
import subprocess
import sys
import time

import httpx

from ..config import Settings
from .setup import LLAMA_RUNTIME, QWEN_CODER, installed_version


_STOP_SECONDS = 2  # the server exits at once on SIGTERM; a stuck one is killed after this


class LlmUnavailable(RuntimeError):
    pass


class LocalServer:
    """llama_server.py on a free loopback port, started on first use and stopped at exit."""

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
        if installed_version(LLAMA_RUNTIME.name) is None:
            raise LlmUnavailable(f"the llama.cpp runtime ({LLAMA_RUNTIME.name}) is not installed: run `assistant setup`")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        s = self.settings
        s.llm_log.parent.mkdir(parents=True, exist_ok=True)
        with s.llm_log.open("a", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "assistant.models.llama_server", "--model", str(model_path), "--alias",
                 s.llm_model, "--ctx", str(s.llm_context), "--threads", str(s.llm_threads), "--port", str(port)],
                stdout=log, stderr=subprocess.STDOUT)
        atexit.register(self.stop)
        self.base_url = f"http://127.0.0.1:{port}/v1"
        deadline = time.monotonic() + s.llm_start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = s.llm_log.read_text("utf-8", errors="replace")[-500:]
                raise LlmUnavailable(f"the local LLM server exited ({s.llm_log}): {tail}")
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
                self.process.wait(timeout=_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None


def check_answers(settings: Settings) -> str:
    """Start the local server, ask it one short question and stop it: what setup runs before saying ready."""
    server = LocalServer(settings)
    try:
        reply = httpx.post(f"{server.start()}/chat/completions", timeout=settings.llm_timeout, json={
            "model": settings.llm_model, "max_tokens": 8, "temperature": 0,
            "messages": [{"role": "user", "content": "1 + 1 = ? Trả lời bằng một chữ số."}]})
        reply.raise_for_status()
        text = reply.json()["choices"][0]["message"]["content"].strip()
    except (httpx.HTTPError, KeyError, IndexError) as exc:
        raise LlmUnavailable(f"the local LLM server did not answer: {exc}") from None
    finally:
        server.stop()
    if not text:
        raise LlmUnavailable("the local LLM server answered with nothing")
    return text
