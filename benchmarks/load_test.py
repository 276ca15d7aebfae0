"""Load test of the web server on loopback: simulated users ask dev-set questions, search and draft (every
tenth request a search, every twentieth a draft) for a fixed time while two documents are uploaded and
ingested; prints latency percentiles per endpoint, errors, the answers the deadline turned extractive, and
how ingestion affected questions. Also times the web page until it is interactive in headless Chromium,
when Chromium is installed.

    python benchmarks/load_test.py [--users 50] [--seconds 60] [--upload-at 10] [--llm extractive|local]

It builds its own data folder (the bundled corpus; the embedding cache of data/ is reused when present), so
the checkout's index is never touched, and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from assistant.config import offline_environment

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ROOT.parent / "shared" / "corpus-extra" / "phapdien_documents.jsonl"
CHROMIUM = Path("/usr/bin/chromium")
DRAFT = ("Soạn kế hoạch tổ chức Hội nghị sơ kết 6 tháng đầu năm 2026 của Sở Y tế tỉnh Quảng Trị, họp trực tuyến "
         "ngày 15/7/2026 lúc 8h00 tại Hội trường Sở Y tế.")
# How an answer the deadline turned extractive begins its note (prompts/messages.toml, `llm_late`).
LATE = ("Mô hình ngôn ngữ trả lời chậm", "The language model did not answer in time")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def upload_text(chars: int) -> str:
    """A real legal text from corpus-extra when present, else the bundled corpus repeated, cut to size."""
    if EXTRA.exists():
        with EXTRA.open(encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                if len(doc["text"]) >= chars:
                    return doc["title"] + "\n\n" + doc["text"][:chars]
    text = "\n\n".join(p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
    return (text * (chars // len(text) + 1))[:chars]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(data_dir: Path, env: dict) -> None:
    cache = ROOT / "data" / "embed_cache.sqlite"
    if cache.exists():
        shutil.copy(cache, data_dir / "embed_cache.sqlite")
    subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", "--quiet"], env=env, check=True, cwd=ROOT)


def page_interactive(url: str) -> float | None:
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=args)
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(url)
        page.locator("#question textarea").wait_for(state="visible", timeout=60_000)
        page.locator("#question textarea").fill("thử")  # typing works: the page is interactive
        elapsed = time.perf_counter() - started
        browser.close()
    return elapsed


async def run_load(url: str, questions: list[str], users: int, seconds: float, upload_at: float,
                   upload_chars: int) -> dict:
    results: list[tuple[float, float, bool, str, str, bool]] = []  # (start, seconds, ok, error, endpoint, late)
    ingest: dict = {}
    start = time.perf_counter()
    deadline = start + seconds
    limits = httpx.Limits(max_connections=users + 4)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        async def user(n: int) -> None:
            i = n
            while time.perf_counter() < deadline:
                question = questions[i % len(questions)]
                endpoint, body = (("/draft", {"instruction": DRAFT}) if i % 20 == 19 else
                                  ("/search", {"query": question}) if i % 10 == 9 else ("/ask", {"question": question}))
                i += users
                began = time.perf_counter()
                late = False
                try:
                    response = await client.post(endpoint, json=body)
                    ok = response.status_code == 200
                    late = ok and endpoint == "/ask" and response.json()["note"].startswith(LATE)
                    error = "" if ok else f"HTTP {response.status_code}"
                except httpx.HTTPError as exc:
                    ok, error = False, type(exc).__name__
                results.append((began - start, time.perf_counter() - began, ok, error, endpoint, late))

        async def uploader(at: float, name: str) -> None:
            await asyncio.sleep(at)
            body = upload_text(upload_chars).encode()
            record = ingest.setdefault(name, {"began": time.perf_counter() - start})
            response = await client.post("/documents", files={"file": (name, body, "text/plain")})
            job = response.json()
            while job.get("status") not in ("done", "failed") and time.perf_counter() < deadline + 300:
                await asyncio.sleep(0.5)
                job = (await client.get(f"/documents/jobs/{job['id']}")).json()
            record.update(ended=time.perf_counter() - start, status=job.get("status"), chunks=job.get("chunks"),
                          message=job.get("message"))

        await asyncio.gather(*(user(n) for n in range(users)), uploader(upload_at, "load-test-upload-1.txt"),
                             uploader(upload_at + 20, "load-test-upload-2.txt"))
    return {"results": results, "ingest": ingest, "wall": time.perf_counter() - start}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--upload-at", type=float, default=10.0, help="seconds into the run the upload starts")
    parser.add_argument("--upload-chars", type=int, default=20_000)
    parser.add_argument("--llm", default="extractive", help="the generator the server runs (extractive, local)")
    args = parser.parse_args()
    offline_environment()  # the ingest and server processes inherit it

    questions = [json.loads(line)["question"] for line in (ROOT / "eval" / "questions.jsonl").open(encoding="utf-8")]
    with tempfile.TemporaryDirectory(prefix="load-test-") as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        port = free_port()
        env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_LLM": args.llm,
               "ASSISTANT_PORT": str(port)}
        print("preparing a data folder with the bundled corpus …", flush=True)
        prepare(data_dir, env)
        server_log = Path(tmp) / "server.log"
        server = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--quiet"], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=server_log.open("w"), text=True)
        url = f"http://127.0.0.1:{port}"
        try:
            began = time.perf_counter()
            while True:
                if server.poll() is not None or time.perf_counter() - began > 180:
                    raise SystemExit(f"the server did not start: {server_log.read_text()[-1000:]}")
                try:
                    if httpx.get(url + "/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            print(f"server ready in {time.perf_counter() - began:.1f} s")
            interactive = page_interactive(url + "/")
            if interactive is not None:
                print(f"page interactive {interactive:.2f} s after the server reported ready")
            run = asyncio.run(run_load(url, questions, args.users, args.seconds, args.upload_at,
                                       args.upload_chars))
        finally:
            server.terminate()
            server.wait(timeout=30)
            failures = [line for line in server_log.read_text().splitlines() if "Error" in line or "Traceback" in line]
            if failures:
                print("server errors:\n" + "\n".join(failures[-20:]))

    results, ingest = run["results"], run["ingest"]
    latencies = [r[1] for r in results if r[2]]
    errors = [r[3] for r in results if not r[2]]
    windows = [(i["began"], i.get("ended", float("inf"))) for i in ingest.values()]
    ingesting = [any(a <= r[0] <= b for a, b in windows) for r in results]
    during = [r[1] for r, busy in zip(results, ingesting) if r[2] and busy]
    outside = [r[1] for r, busy in zip(results, ingesting) if r[2] and not busy]
    print(f"\n{args.users} users, {args.seconds:.0f} s of requests ({args.llm}), wall {run['wall']:.1f} s")
    print(f"requests {len(results)}, errors {len(errors)}" + (f" ({', '.join(sorted(set(errors)))})" if errors else ""))
    print(f"throughput {len(results) / run['wall']:.1f} requests/s")
    print(f"latency p50 {percentile(latencies, 0.5):.2f} s, p95 {percentile(latencies, 0.95):.2f} s, "
          f"max {max(latencies, default=float('nan')):.2f} s")
    for endpoint in ("/ask", "/search", "/draft"):
        times = [r[1] for r in results if r[2] and r[4] == endpoint]
        print(f"  {endpoint:<8} {len(times):>5} answered, p50 {percentile(times, 0.5):.2f} s, "
              f"p95 {percentile(times, 0.95):.2f} s, max {max(times, default=float('nan')):.2f} s")
    asked = [r for r in results if r[2] and r[4] == "/ask"]
    print(f"answers the deadline turned extractive: {sum(r[5] for r in asked)} of {len(asked)}")
    for name, record in ingest.items():
        print(f"upload {name} ({args.upload_chars} characters): {record.get('status')}, {record.get('chunks')} "
              f"chunks, ingested in {record.get('ended', float('nan')) - record['began']:.1f} s")
    print(f"requests answered while ingesting: {len(during)}, p95 {percentile(during, 0.95):.2f} s; "
          f"otherwise: {len(outside)}, p95 {percentile(outside, 0.95):.2f} s")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
