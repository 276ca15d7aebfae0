"""The local LLM on this machine: its CPU flags, the warm start of each packaged model on the runtime setup
installs, first-token latency and generation speed through the real answer chain on the dev questions, and
(with --cold) a newcomer's first run: a fresh clone, an empty cache, `make run` until the chat answers.

    python benchmarks/llm_runtime.py [--models 1.5b,0.5b] [--questions 47]
    python benchmarks/llm_runtime.py --cold          # about 10 minutes: downloads 2.3 GB into an empty cache

Figures: benchmarks/README.md ("Local LLM").
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from assistant.answer.chain import AnswerChain
from assistant.config import PROJECT_ROOT, Settings, offline_environment
from assistant.evaluation import load_questions, percentile
from assistant.index.search_index import SearchIndex
from assistant.ingest.pipeline import ingest
from assistant.models.generators import ChatGenerator, get_generator
from assistant.models.local_server import LocalServer
from assistant.models.setup import LLAMA_RUNTIME, QWEN_CODER, QWEN_CODER_SMALL, ensure_model, installed_version
from assistant.models.stages import Stages

MODELS = {"1.5b": QWEN_CODER, "0.5b": QWEN_CODER_SMALL}
_FLAGS = ("avx", "avx2", "fma", "f16c", "avx512f", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile")


def cpu() -> str:
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    name = next((line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("model name")), "?")
    flags = set(next((line.split(":", 1)[1].split() for line in info.splitlines() if line.startswith("flags")), []))
    return f"{name}, {os.cpu_count()} cores, {platform.machine()}; flags: {' '.join(f for f in _FLAGS if f in flags)}"


def warm(index: SearchIndex, model: Path, questions: list[str]) -> None:
    settings = index.settings.model_copy(update={"llm": "local", "llm_model_path": model})
    began = time.perf_counter()
    server = LocalServer(settings)
    server.start()
    print(f"  warm start (model loaded, server answering /models): {time.perf_counter() - began:.1f} s")
    server.stop()
    generator = get_generator(settings)
    assert isinstance(generator, ChatGenerator), generator.note
    chain = AnswerChain(index, lambda: generator)
    chain.ask(questions[0])  # the system prompt enters the server's prompt cache once
    first, speed, limit = [], [], 0
    for question in questions:
        answer = chain.ask(question)
        if "first_token_seconds" in answer.stats:
            first.append(answer.stats["first_token_seconds"])
            speed.append(answer.stats["tokens_per_second"])
            limit += answer.stats["tokens"] >= settings.llm_max_tokens
    print(f"  first token p50 {percentile(first, 0.5):.2f} s, p95 {percentile(first, 0.95):.2f} s over {len(first)} LLM answers "
          f"(retrieval included); generation {statistics.mean(speed):.1f} tokens/s; {limit} at the token limit")


def cold(port: int) -> None:
    """A fresh clone with an empty cache (pip's included), `make run`, timed until /ask answers."""
    with tempfile.TemporaryDirectory() as work:
        clone, cache = Path(work) / "clone", Path(work) / "cache"
        subprocess.run(["git", "clone", "-q", str(PROJECT_ROOT), str(clone)], check=True)
        shared = PROJECT_ROOT.parent / "shared"
        if shared.exists():
            os.symlink(shared, Path(work) / "shared")
        env = {**os.environ, "XDG_CACHE_HOME": str(cache), "ASSISTANT_PORT": str(port)}
        began = time.perf_counter()
        run = subprocess.Popen(["make", "run"], cwd=clone, env=env, start_new_session=True)
        try:
            while run.poll() is None:
                try:
                    reply = httpx.post(f"http://127.0.0.1:{port}/ask", json={"question": "Hội nghị tổng kết tổ chức ở đâu?"},
                                       timeout=120)
                    if reply.status_code == 200:
                        print(f"cold first run (fresh clone, empty cache, `make run` to the first answer): "
                              f"{(time.perf_counter() - began) / 60:.1f} min; answer mode {reply.json()['mode']}")
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(5)
            print(f"`make run` exited with {run.returncode} before answering")
        finally:
            os.killpg(run.pid, signal.SIGINT)
            try:
                run.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(run.pid, signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", default="1.5b,0.5b")
    parser.add_argument("--questions", type=int, default=47, help="dev questions asked of each model")
    parser.add_argument("--cold", action="store_true", help="time a newcomer's first run instead")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    offline_environment()
    print(cpu())
    if args.cold:
        cold(args.port)
        return
    print(f"runtime {LLAMA_RUNTIME.name} {installed_version(LLAMA_RUNTIME.name)}")
    with tempfile.TemporaryDirectory() as work:
        settings = Settings(data_dir=Path(work))
        index = SearchIndex(settings)
        ingest([settings.corpus_dir], index, progress=False)
        questions = [q["question"] for q in load_questions(PROJECT_ROOT / "eval" / "questions.jsonl")][:args.questions]
        for name in args.models.split(","):
            model = ensure_model(MODELS[name], settings, Stages(settings.setup_log))
            print(f"Qwen2.5-Coder-{name.upper()} Q4_K_M ({model.stat().st_size / 1e6:.0f} MB):")
            warm(index, model, questions)


if __name__ == "__main__":
    sys.exit(main())
