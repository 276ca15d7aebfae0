"""Scale-out on the existing engines: a Chroma server the test starts on loopback holds the vectors, and the web
app runs as two uvicorn worker processes over one data folder. Uploads and deletions go to whichever worker
takes the request; every worker then answers from the same documents, and writes take turns across processes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from conftest import CORPUS
from test_api import NEW_DOCUMENT

CHROMA = Path(sys.executable).parent / "chroma"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{process.args[:3]} exited with {process.returncode}"
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, seed_settings, seed_index):
    root = tmp_path_factory.mktemp("scale-out")
    chroma_port, app_port = _port(), _port()
    chroma = subprocess.Popen([str(CHROMA), "run", "--path", str(root / "chroma"), "--host", "127.0.0.1", "--port",
                               str(chroma_port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    data = root / "data"
    data.mkdir()
    shutil.copy(seed_settings.embed_cache_path, data / seed_settings.embed_cache_path.name)  # no re-embedding
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data), "ASSISTANT_CORPUS_DIR": str(CORPUS), "ASSISTANT_LLM":
           "extractive", "ASSISTANT_CHROMA_URL": f"http://127.0.0.1:{chroma_port}", "ASSISTANT_PORT": str(app_port)}
    app = None
    try:
        _wait_for(f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat", chroma)
        subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", "--quiet"], env=env, check=True, timeout=600)
        app = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--quiet", "--workers", "2"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{app_port}"
        _wait_for(f"{url}/health", app)
        with httpx.Client(base_url=url, timeout=120) as client:
            yield client
    finally:
        for process in (app, chroma):
            if process and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


def _done(client: httpx.Client, job_id: str) -> dict:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        reply = client.get(f"/documents/jobs/{job_id}")  # either worker: the job's record is on disk
        if reply.status_code == 200 and reply.json()["status"] in ("done", "failed"):
            return reply.json()
        time.sleep(0.5)
    raise AssertionError(f"job {job_id} did not finish")


def test_both_workers_answer_from_the_chroma_server(cluster):
    health = cluster.get("/health").json()
    assert health["chunks"] == health["embedded"] > 50
    for _ in range(6):  # requests spread over the two workers
        answer = cluster.post("/ask", json={"question": "Sở Tài chính phải báo cáo UBND tỉnh trước ngày nào?"}).json()
        assert not answer["declined"] and answer["citations"]


def test_uploads_to_either_worker_are_ingested_one_at_a_time_and_seen_by_both(cluster):
    names = [f"hoi-thao-{n}.txt" for n in range(4)]
    bodies = [NEW_DOCUMENT.replace("bóng chuyền hơi", f"môn kéo co đội {n}").encode() for n in range(4)]
    with ThreadPoolExecutor(4) as pool:
        replies = list(pool.map(lambda nb: cluster.post("/documents", files={"file": nb}), zip(names, bodies)))
    assert all(r.status_code == 202 for r in replies)
    assert all(_done(cluster, r.json()["id"])["status"] == "done" for r in replies)
    listed = {d["source"] for d in cluster.get("/documents").json()}
    assert set(names) <= listed
    for n in range(4):
        for _ in range(3):
            hits = cluster.post("/search", json={"query": f"môn kéo co đội {n}", "mode": "lexical", "k": 2}).json()
            assert hits["results"][0]["source"] == names[n]


def test_a_deletion_on_one_worker_is_seen_by_the_other(cluster):
    assert cluster.delete("/documents/hoi-thao-0.txt").status_code == 200
    for _ in range(6):
        hits = cluster.post("/search", json={"query": "môn kéo co đội 0", "k": 4}).json()["results"]
        assert all(h["source"] != "hoi-thao-0.txt" for h in hits)
