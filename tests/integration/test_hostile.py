"""The defects an attack found (issue 17), each against the real app: bounded histories and bodies, bad keys
and the pages behind them, uploads that never lose a stored document, accepted uploads resumed after a
restart, and a lexical index mended after an interrupted ingest."""

from __future__ import annotations

import os
import time

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.index.search_index import SearchIndex
from assistant.ingest.pipeline import ingest
from assistant.retrieve.search import search
from assistant.serve.app import create_app
from assistant.serve.service import Assistant
from assistant.serve.uploads import DocumentLibrary
from conftest import CORPUS, make_settings
from test_api import NEW_DOCUMENT, _wait


@pytest.fixture(scope="module")
def library(served, tmp_path_factory):
    """An assistant on its own data folder (these tests replace and delete documents), sharing the embedder."""
    settings = make_settings(tmp_path_factory.mktemp("hostile"), llm="extractive")
    assistant = Assistant(settings, SearchIndex(settings, embedder=served.index.embedder))
    assistant.ingest([CORPUS / "002_63304fc089235397.txt"], progress=False)
    with TestClient(create_app(assistant, web=False)) as client:
        yield assistant, client
    assistant.close()


def test_a_history_cannot_carry_what_a_question_may_not(library):
    _, client = library
    long_turn = [{"role": "user", "content": "Sở Tài chính làm gì? " * 200}]
    response = client.post("/ask", json={"question": "còn Sở Nội vụ thì sao?", "history": long_turn})
    assert response.status_code == 422 and "history turn 1" in response.json()["detail"]
    answer = [{"role": "assistant", "content": "x" * 9000}]
    assert client.post("/ask", json={"question": "kinh phí?", "history": answer}).status_code == 422


def test_malformed_text_numbers_and_bodies_are_4xx_not_500(library):
    _, client = library
    surrogate = b'{"question": "h\\ud800i ngh\\u1ecb"}'
    response = client.post("/ask", content=surrogate, headers={"content-type": "application/json"})
    assert response.status_code == 422 and "surrogate" in response.json()["detail"]
    assert client.post("/search", json={"query": "kinh phí", "filters": {"year": 10**20}}).status_code == 422
    huge = client.post("/search", content=b'{"query": "' + b"a" * (2 * 2**20) + b'"}',
                       headers={"content-type": "application/json"})
    assert huge.status_code == 413


def test_junk_uploaded_under_a_stored_name_leaves_the_stored_document_alone(library):
    assistant, client = library
    done = _wait(client, client.post("/documents", files={"file": ("hoi-thao.txt", NEW_DOCUMENT.encode())}).json()["id"])
    assert done["status"] == "done"
    junk = _wait(client, client.post("/documents", files={"file": ("hoi-thao.txt", b"\x00\x01binary")}).json()["id"])
    assert junk["status"] == "failed" and "binary" in junk["message"]
    assert (assistant.settings.uploads_dir / "hoi-thao.txt").read_text("utf-8") == NEW_DOCUMENT
    assert any(c.source == "hoi-thao.txt" for c in search(assistant.index, "Hội thao bóng chuyền hơi", k=4))


def test_delete_then_reupload_at_once_never_loses_the_document(library):
    assistant, client = library
    for attempt in range(6):
        client.post("/documents", files={"file": ("lap-lai.txt", NEW_DOCUMENT.encode())})
        client.delete("/documents/lap-lai.txt")
        job = _wait(client, client.post("/documents", files={"file": ("lap-lai.txt", NEW_DOCUMENT.encode())}).json()["id"])
        assert job["status"] == "done", (attempt, job)
        assert (assistant.settings.uploads_dir / "lap-lai.txt").exists(), attempt
        assert "lap-lai.txt" in {d["source"] for d in client.get("/documents").json()}, attempt


def test_an_upload_accepted_before_a_stop_is_ingested_after_the_restart(library):
    assistant, _ = library
    folder = assistant.settings.uploads_dir
    # What `add` leaves on disk when the server stops before the worker reaches the job.
    (folder / ".resume01.txt").write_bytes(NEW_DOCUMENT.replace("Hội thao", "Giải chạy").encode())
    (folder / ".resume01.job.json").write_text('{"id": "resume01", "name": "giai-chay.txt", "created": 1.0}', "utf-8")
    restarted = DocumentLibrary(assistant.index, assistant.settings)
    deadline = time.monotonic() + 120
    while restarted.job("resume01").status not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.3)
    restarted.close()
    assert restarted.job("resume01").status == "done"
    assert "giai-chay.txt" in assistant.index.files() and not (folder / ".resume01.txt").exists()
    assert '"status":"done"' in (folder / ".resume01.job.json").read_text("utf-8")


def test_bad_keys_are_refused_the_docs_are_guarded_and_guessing_is_slowed(served):
    guarded = Assistant(served.settings.model_copy(update={"api_key": SecretStr("s3cret"), "key_max_failures": 5}),
                        served.index)
    with TestClient(create_app(guarded, web=False)) as c:
        assert c.post("/ask", json={"question": "x"}, headers={"X-API-Key": "khoá-sai".encode()}).status_code == 401
        for page in ("/docs", "/openapi.json"):
            assert c.get(page).status_code == 401
            assert c.get(page, headers={"X-API-Key": "s3cret"}).status_code == 200
        assert c.get("/redoc").status_code == 404
        statuses = [c.get("/documents", headers={"X-API-Key": f"wrong{n}"}).status_code for n in range(8)]
        assert 429 in statuses and c.get("/documents", headers={"X-API-Key": "s3cret"}).status_code == 429


def test_an_interrupted_ingest_leaves_no_stale_lexical_index(tmp_path, served):
    settings = make_settings(tmp_path / "data")
    index = SearchIndex(settings, embedder=served.index.embedder)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(NEW_DOCUMENT, "utf-8")
    ingest([docs], index, embed=False, progress=False)
    # A run that died after cataloguing a file but before rebuilding the lexical index.
    (docs / "b.txt").write_text(NEW_DOCUMENT.replace("Hội thao", "Hội diễn văn nghệ"), "utf-8")
    saved = (settings.lexical_dir / "current").read_text()
    ingest([docs], index, embed=False, progress=False)
    (settings.lexical_dir / "current").write_text(saved)  # pointing at the index saved before that file
    reopened = SearchIndex(settings, embedder=served.index.embedder)
    assert not reopened.lexical_in_step()
    report = ingest([docs], reopened, embed=False, progress=False)
    assert report.unchanged == ["a.txt", "b.txt"] and reopened.lexical_in_step()
    assert any(c.source == "b.txt" for c in search(reopened, "Hội diễn văn nghệ", k=2, mode="lexical"))


HOSTILE = [
    ("post", "/ask", {"question": "\n" * 1999 + "a", "history": [{"role": "user", "content": "Sở Tài chính làm gì?"}]}),
    ("post", "/ask", {"question": "còn " + " \t" * 900 + "thì sao?", "history": [{"role": "user", "content": "a"}]}),
    ("post", "/ask", {"question": "x", "history": [{"role": "system", "content": "a"}]}),
    ("post", "/ask", {"question": "x", "history": "not a list"}),
    ("post", "/ask", {"question": ["a"]}),
    ("post", "/ask", {"question": None}),
    ("post", "/ask", {"question": "a", "filters": {"year": "2025; DROP TABLE chunks"}}),
    ("post", "/ask", {"question": "a", "filters": {"year": -1}}),
    ("post", "/ask", {"question": "a", "filters": {"doc_type": ["KH"] * 10000}}),
    ("post", "/ask", {"question": "a", "filters": {"issuer": "%' OR 1=1 --"}}),
    ("post", "/ask", {"question": "' OR 1=1; --", "history": []}),
    ("post", "/ask", {"question": "<script>alert(1)</script>"}),
    ("post", "/ask", {"question": "\u0000\u0001\u0002"}),
    ("post", "/ask", {"question": "a" * 2001}),
    ("post", "/ask", {"question": "🙂" * 1000}),
    ("post", "/ask", {"question": "a", "unknown": 1}),
    ("post", "/search", {"query": "a", "k": 10**9}),
    ("post", "/search", {"query": "a", "k": -5}),
    ("post", "/search", {"query": "a", "mode": "sql"}),
    ("post", "/search", {"query": "(" * 1500}),
    ("post", "/search", {"query": "*" * 1500 + "?" * 400}),
    ("post", "/search", {"query": "a", "filters": {"year": 1.5e300}}),
    ("post", "/draft", {"instruction": "Kinh phí: " + "a: 1.000.000.000.000.000.000 đồng; " * 50}),
    ("post", "/draft", {"instruction": "Soạn kế hoạch ngày 99/99/9999 lúc 99h99 tại " + "x" * 1900}),
    ("post", "/draft", {"instruction": "Soạn thông báo " + "thì sao " * 200}),
    ("post", "/draft/docx", {"instruction": "Soạn phần Tổ chức thực hiện " + "\n" * 1500}),
    ("get", "/tasks?unit=" + "%25" * 500, None),
    ("get", "/tasks?unit=%00%0a%0d", None),
    ("get", "/documents/jobs/../../etc/passwd", None),
    ("get", "/documents/jobs/" + "a" * 5000, None),
    ("delete", "/documents/..%2F..%2Fetc%2Fpasswd", None),
    ("delete", "/documents/" + "é" * 300, None),
]


def test_hostile_requests_get_answers_or_4xx_never_5xx(library):
    """Every kind of malformed or adversarial request the attack tried (and more), against every endpoint."""
    _, client = library
    statuses = {}
    for method, path, body in HOSTILE:
        response = client.request(method.upper(), path, json=body) if body is not None else client.request(
            method.upper(), path)
        statuses[(method, path[:40])] = response.status_code
    assert all(status < 500 for status in statuses.values()), statuses
    uploads = [("../../evil.txt", b"KE HOACH\nabc"), ("con.txt\x00.pdf", b"x"), ("a.txt", b"\xff\xfe" + b"\x00" * 9),
               ("bomb.docx", b"PK\x05\x06" + b"\x00" * 18), ("x.exe", b"MZ"), ("", b"a"), ("ok.md", b"")]
    for name, data in uploads:
        response = client.post("/documents", files={"file": (name, data)})
        assert response.status_code < 500, (name, response.status_code)
        if response.status_code == 202:
            assert _wait(client, response.json()["id"])["status"] in ("done", "failed")


def test_downloads_and_finished_jobs_do_not_pile_up(library):
    assistant, client = library
    old = assistant.scratch_file("nhiem-vu-", ".csv")
    old.write_text("x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    fresh = assistant.scratch_file("du-thao-", ".docx")
    assert not old.exists() and fresh.parent == old.parent
    done = _wait(client, client.post("/documents", files={"file": ("cu.txt", NEW_DOCUMENT.encode())}).json()["id"])
    assistant.library.jobs[done["id"]].created -= 2 * assistant.settings.upload_jobs_keep_seconds
    folder = assistant.settings.uploads_dir
    old_times = (time.time() - 3 * assistant.settings.upload_jobs_keep_seconds,) * 2
    for job_id, status in (("cu01", "done"), ("cho01", "queued")):  # records left by an earlier run
        (folder / f".{job_id}.job.json").write_text(f'{{"id": "{job_id}", "name": "x.txt", "status": "{status}"}}')
        os.utime(folder / f".{job_id}.job.json", old_times)
    client.post("/documents", files={"file": ("moi.txt", NEW_DOCUMENT.encode())})
    assert done["id"] not in assistant.library.jobs
    assert not (folder / ".cu01.job.json").exists() and (folder / ".cho01.job.json").exists()  # still to resume


def test_the_page_login_backs_off_after_wrong_passwords(served):
    guarded = Assistant(served.settings.model_copy(update={"api_key": SecretStr("s3cret"), "key_max_failures": 3}),
                        served.index)
    assert guarded.page_login("s3cret")
    assert not any(guarded.page_login(f"sai{n}") for n in range(3))
    assert not guarded.page_login("s3cret")  # the right key waits out the minute too
    assert not guarded.page_login("khoá có dấu")  # any text is just a wrong key
