"""Crash safety: an ingest killed with SIGKILL at random moments, twenty times, over a folder that mixes good and
bad files, then resumed, ends exactly where an uninterrupted ingest of the same files ends: the same chunks and
texts, the same search results, no vector or lexical entry without its chunk."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

from assistant.index.search_index import SearchIndex
from assistant.ingest.pipeline import ingest
from assistant.retrieve.search import search
from conftest import CORPUS, make_settings
from test_api import NEW_DOCUMENT

KILLS = 20
QUERIES = ["Sở Tài chính phải báo cáo trước ngày nào?", "kinh phi hoi nghi tong ket", "Hội thao bóng chuyền hơi",
           "thành phần tham dự hội nghị sơ kết"]


def _folder(root):
    docs = root / "docs"
    shutil.copytree(CORPUS, docs)
    for n in range(6):
        (docs / f"hoi-thao-{n}.txt").write_text(NEW_DOCUMENT.replace("77/KH-SYT", f"{70 + n}/KH-SYT")
                                                .replace("bóng chuyền hơi", f"môn thi số {n}"), "utf-8")
    (docs / "rong.txt").write_bytes(b"")
    (docs / "nhi-phan.txt").write_bytes(b"\x00\x01\x02")
    (docs / "hong.docx").write_bytes(b"PK\x03\x04 not a zip")
    return docs


def _state(index: SearchIndex) -> tuple[dict, set]:
    chunks = {c.id: c.page_content for c in index.chunks()}
    return chunks, set(index.dense.collection.get(include=[])["ids"])


def test_twenty_kills_during_ingest_lose_and_duplicate_nothing(tmp_path, seed_index):
    docs = _folder(tmp_path)
    clean = SearchIndex(make_settings(tmp_path / "clean"), embedder=seed_index.embedder)
    ingest([docs], clean, progress=False)

    data = tmp_path / "killed"
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data), "ASSISTANT_CORPUS_DIR": str(CORPUS)}
    rng = random.Random(17)
    for _ in range(KILLS):
        run = subprocess.Popen([sys.executable, "-m", "assistant.cli", "ingest", "--quiet", str(docs)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 8.0))
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
    resumed = subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", "--quiet", str(docs)], env=env,
                             capture_output=True, text=True, timeout=900)
    assert resumed.returncode == 0, resumed.stderr

    index = SearchIndex(make_settings(data), embedder=seed_index.embedder)
    chunks, vectors = _state(index)
    expected, _ = _state(clean)
    assert chunks == expected  # same ids, same texts: nothing lost, nothing twice
    assert vectors == set(chunks) and index.lexical_in_step()  # no orphan vectors or lexical entries
    assert index.count(embedded_only=True) == index.count()
    for query in QUERIES:
        assert [c.id for c in search(index, query)] == [c.id for c in search(clean, query)], query
