"""The HTTP API through FastAPI's test client, on a real index: every endpoint, and the bad requests."""

from __future__ import annotations

import io
import json
import time

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.serve.app import create_app
from assistant.index.search_index import SearchIndex
from assistant.answer.passages import contains_quote
from assistant.serve.service import Assistant
from assistant.vietnamese.folding import fold

from conftest import make_settings

NEW_DOCUMENT = """ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
SỞ Y TẾ
Số: 77/KH-SYT
Quảng Trị, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Tổ chức Hội thao ngành Y tế năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Tăng cường rèn luyện thể chất cho cán bộ, viên chức ngành Y tế.

II. THỜI GIAN, ĐỊA ĐIỂM
Hội thao diễn ra ngày 20/9/2026 tại Nhà thi đấu đa năng tỉnh Quảng Trị.

III. TỔ CHỨC THỰC HIỆN
1. Phòng Nghiệp vụ Y: chuẩn bị sân bãi và trọng tài bóng chuyền hơi trước ngày 10/9/2026.
"""


@pytest.fixture(scope="module")
def client(served):
    with TestClient(create_app(served, web=False)) as test_client:
        yield test_client


def _wait(client: TestClient, job_id: str, timeout: float = 300) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/documents/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.5)
    raise AssertionError(f"upload job {job_id} did not finish: {job}")


def test_health_reports_the_index_and_the_generator(client):
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["documents"] == 5 and health["chunks"] == health["embedded"] > 50
    assert health["llm"] == "extractive" and health["embedder"] == "embeddinggemma-onnx-int8"


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/health", "/search", "/ask", "/ask/stream", "/draft", "/draft/docx", "/tasks", "/documents",
            "/documents/jobs/{job_id}",
            "/documents/{name}"} <= set(paths)
    assert client.get("/docs").status_code == 200


def test_search_returns_the_file_text_and_its_restored_form(client):
    body = client.post("/search", json={"query": "so tai chinh phai bao cao ubnd tinh truoc ngay nao", "k": 3}).json()
    assert len(body["results"]) == 3
    top = body["results"][0]
    assert top["source"].startswith("003_") and "10/12/2025" in top["text"]
    assert top["restored"] and "Sở Tài chính" in top["restored"]


def test_search_marks_the_words_the_restorer_only_guessed(client):
    body = client.post("/search", json={"query": "Phòng Kế hoạch Tài chính dự trù kinh phí tổ chức", "k": 5}).json()
    hit = next(h for h in body["results"] if h["source"].startswith("000_") and h["restored_uncertain"])
    marks = [(hit["restored"][u["start"]:u["end"]], u["ocr"]) for u in hit["restored_uncertain"]]
    # Seed 000's OCR split `nhiệm vụ` as `n’hiém vu`: whatever the restorer reads for `hiém` is a guess, and
    # says so.
    assert any(ocr == "hiém" and word != "hiém" for word, ocr in marks), marks
    assert all(ocr in hit["text"] for _, ocr in marks)
    assert len(marks) <= len(hit["restored"].split()) / 10


def test_answers_carry_the_marks_of_the_passages_they_cite(client):
    body = client.post("/ask", json={"question": "Phòng Kế hoạch - Tài chính chuẩn bị báo cáo đánh giá gì?"}).json()
    marks = [(c["quote"][u["start"]:u["end"]], u["ocr"], c) for c in body["citations"] for u in c["quote_uncertain"]]
    assert any(ocr == "hiém" and word != "hiém" for word, ocr, _ in marks), body["citations"]
    assert all(c["restored"] and ocr in c["quote_original"] for _, ocr, c in marks)


def test_search_filters_fail_closed_and_bad_requests_say_why(client):
    assert client.post("/search", json={"query": "hội nghị", "filters": {"year": 1999}}).json()["results"] == []
    cases = [({"query": "hội nghị", "filters": {"colour": "red"}}, "colour"),
             ({"query": "   "}, "query is empty"),
             ({"query": "hội nghị", "k": 0}, "greater than or equal to 1"),
             ({"query": "hội nghị", "k": 500}, "k is larger than"),
             ({"query": "hội nghị", "mode": "magic"}, "hybrid"),
             ({}, "query")]
    for payload, message in cases:
        response = client.post("/search", json=payload)
        assert response.status_code == 422, payload
        assert message in json.dumps(response.json()["detail"], ensure_ascii=False), (payload, response.json())


def test_ask_answers_with_citations_found_in_their_sources(client, served):
    body = client.post("/ask", json={"question": "Kinh phí tổ chức hội nghị tổng kết năm 2025 lấy từ nguồn nào?"}).json()
    assert body["declined"] is False and "sự nghiệp y tế" in body["answer"]
    assert set(body["citations"][0]) >= {"n", "source", "title", "section", "quote"}
    chunks = {d.id: d for d in served.index.chunks([c["chunk_id"] for c in body["citations"]])}
    assert all(contains_quote(chunks[c["chunk_id"]], c["quote"]) for c in body["citations"])
    assert all(f"[{c['n']}]" in body["answer"] for c in body["citations"])


def test_ask_declines_what_the_documents_do_not_hold(client):
    body = client.post("/ask", json={"question": "Kế hoạch tiêm vắc xin cúm mùa năm 2027 của tỉnh Cà Mau là gì?"}).json()
    assert body["declined"] is True and body["citations"] == []


def test_ask_follows_up_from_history(client):
    history = [{"role": "user", "content": "Sở Tài chính được giao nhiệm vụ gì?"},
               {"role": "assistant", "content": "Sở Tài chính phối hợp thẩm định kinh phí [1]."}]
    body = client.post("/ask", json={"question": "còn Sở Nội vụ thì sao?", "history": history}).json()
    assert "noi vu" in fold(body["standalone_question"]) and "tai chinh" not in fold(body["standalone_question"])
    assert not body["declined"] and body["citations"]


def test_ask_rejects_bad_requests_with_a_message(client, served):
    too_long = "a" * (served.settings.question_max_chars + 1)
    cases = [({"question": ""}, "question is empty"),
             ({"question": too_long}, "longer than"),
             ({"question": "x", "history": [{"role": "system", "content": "hi"}]}, "user"),
             ({"question": "x", "history": [{"role": "user", "content": "hi"}] * 50}, "more than"),
             ({"question": "x", "extra": 1}, "extra"),
             ({"query": "x"}, "question")]
    for payload, message in cases:
        response = client.post("/ask", json=payload)
        assert response.status_code == 422, payload
        assert message in json.dumps(response.json()["detail"], ensure_ascii=False), (payload, response.json())
    broken = client.post("/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    assert broken.status_code == 422 and "JSON" in json.dumps(broken.json())


def test_ask_stream_events_carry_text_and_the_final_object(client):
    response = client.post("/ask/stream", json={"question": "kinh phi hoi nghi tong ket lay tu nguon nao"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    blocks = [b for b in response.text.split("\n\n") if b.strip()]
    parsed = [(b.split("\n")[0].removeprefix("event: "), json.loads(b.split("\n")[1].removeprefix("data: ")))
              for b in blocks]
    tokens = "".join(d["text"] for e, d in parsed if e == "token")
    kind, final = parsed[-1]
    assert kind == "answer" and final["citations"] and not final["declined"]
    assert "sự nghiệp y tế" in tokens and "sự nghiệp y tế" in final["answer"]


def test_tasks_resolve_aliases_and_split_a_vague_name(client):
    khtc = client.get("/tasks", params={"unit": "phong KHTC"}).json()
    assert list(khtc["units"]) == ["Phòng Kế hoạch - Tài chính"] and len(khtc["units"]["Phòng Kế hoạch - Tài chính"]) >= 3
    vague = client.get("/tasks", params={"unit": "Finance department"}).json()
    assert {"Phòng Kế hoạch - Tài chính", "Sở Tài chính"} <= set(vague["units"])
    assert client.get("/tasks", params={"unit": "Sở Du lịch"}).json()["units"] == {}
    everything = client.get("/tasks").json()["units"]
    assert len(everything) > 3


def test_documents_list_the_corpus_with_metadata(client):
    docs = {d["source"]: d for d in client.get("/documents").json()}
    assert len(docs) == 5
    ocr = next(d for name, d in docs.items() if name.startswith("000_"))
    assert ocr["restored"] and ocr["chunks"] == ocr["embedded"] > 0 and ocr["title"]


def test_an_upload_is_ingested_in_the_background_becomes_searchable_and_can_be_deleted(client, served):
    response = client.post("/documents", files={"file": ("hoi-thao 2026.txt", NEW_DOCUMENT.encode(), "text/plain")})
    assert response.status_code == 202
    job = _wait(client, response.json()["id"])
    assert job["status"] == "done" and job["chunks"] >= 2, job
    docs = {d["source"]: d for d in client.get("/documents").json()}
    assert docs["hoi-thao 2026.txt"]["number"] == "77/KH-SYT"
    answer = client.post("/ask", json={"question": "Hội thao ngành Y tế năm 2026 tổ chức ở đâu?"}).json()
    assert "Nhà thi đấu" in answer["answer"] and answer["citations"][0]["source"] == "hoi-thao 2026.txt"

    deleted = client.delete("/documents/hoi-thao 2026.txt")
    assert deleted.status_code == 200 and deleted.json()["file_deleted"] is True
    assert not (served.settings.uploads_dir / "hoi-thao 2026.txt").exists()
    assert "hoi-thao 2026.txt" not in {d["source"] for d in client.get("/documents").json()}
    hits = client.post("/search", json={"query": "Hội thao Nhà thi đấu đa năng", "k": 5}).json()["results"]
    assert all(h["source"] != "hoi-thao 2026.txt" for h in hits)
    assert client.delete("/documents/hoi-thao 2026.txt").status_code == 404


def test_uploads_are_refused_or_reported_with_a_reason(client, served):
    traversal = client.post("/documents", files={"file": ("../../etc/evil.txt", b"Ke hoach kiem tra", "text/plain")})
    assert traversal.status_code == 202 and traversal.json()["name"] == "evil.txt"
    _wait(client, traversal.json()["id"])
    assert (served.settings.uploads_dir / "evil.txt").exists()
    client.delete("/documents/evil.txt")

    refused = [(("run.exe", b"MZ\x00\x00", "application/octet-stream"), 422, "unsupported file type"),
               (("empty.txt", b"", "text/plain"), 422, "empty"),
               (("..", b"abc", "text/plain"), 422, "invalid file name")]
    for file, status, message in refused:
        response = client.post("/documents", files={"file": file})
        assert response.status_code == status and message in response.json()["detail"], (file, response.json())
    assert client.post("/documents").status_code == 422  # no file at all

    scan = client.post("/documents", files={"file": ("scan.pdf", b"%PDF-1.4 not really a pdf", "application/pdf")})
    job = _wait(client, scan.json()["id"])
    assert job["status"] == "failed" and job["message"]
    assert "scan.pdf" not in {d["source"] for d in client.get("/documents").json()}
    assert client.get("/documents/jobs/nope").status_code == 404


def test_an_upload_over_the_size_limit_is_refused(served, tmp_path):
    settings = served.settings.model_copy(update={"upload_max_bytes": 1000})
    small = Assistant(settings, served.index)
    with TestClient(create_app(small, web=False)) as limited:
        response = limited.post("/documents", files={"file": ("big.txt", b"x" * 5000, "text/plain")})
    assert response.status_code == 413
    assert "big.txt" not in {d["source"] for d in served.library.documents()}


def test_the_api_key_guards_everything_but_health(served):
    settings = served.settings.model_copy(update={"api_key": SecretStr("s3cret")})
    guarded = Assistant(settings, served.index)
    with TestClient(create_app(guarded, web=False)) as c:
        assert c.get("/health").status_code == 200
        for key in (None, "wrong"):
            headers = {"X-API-Key": key} if key else {}
            response = c.post("/ask", json={"question": "hội nghị tổng kết"}, headers=headers)
            assert response.status_code == 401 and "X-API-Key" in response.json()["detail"]
            assert c.get("/documents", headers=headers).status_code == 401
        assert c.get("/documents", headers={"X-API-Key": "s3cret"}).status_code == 200


def test_an_empty_index_is_a_clear_error(served, tmp_path):
    settings = make_settings(tmp_path, llm="extractive")
    empty = Assistant(settings, SearchIndex(settings, embedder=served.index.embedder))
    with TestClient(create_app(empty, web=False)) as c:
        response = c.post("/ask", json={"question": "Hội nghị tổng kết khi nào?"})
        assert response.status_code == 503 and "empty" in response.json()["detail"]
        assert c.get("/documents").json() == [] and c.get("/health").json()["chunks"] == 0


DRAFT = ("Soạn kế hoạch tổ chức Hội nghị tổng kết năm 2026 của Sở Y tế tỉnh Hà Tĩnh, họp trực tiếp ngày 22/12/2026 "
         "lúc 14h00 tại Hội trường Sở Y tế. Kinh phí: hội trường: 4.000.000 đồng; tài liệu: 2.000.000 đồng; "
         "tổng: 6.000.000 đồng.")


def test_draft_returns_markdown_citations_and_warnings(client):
    body = client.post("/draft", json={"instruction": DRAFT}).json()
    assert set(body) >= {"draft", "citations", "warnings"} and body["mode"] == "extractive"
    assert "UBND TỈNH HÀ TĨNH" in body["draft"] and "14h00, ngày 22/12/2026" in body["draft"]
    assert body["citations"] and not any("không khớp" in w or "chi tiết cũ" in w for w in body["warnings"])
    assert client.post("/draft", json={"instruction": " "}).status_code == 422
    assert client.post("/draft", json={}).status_code == 422


def test_draft_docx_is_a_word_file(client):
    from docx import Document as WordDocument

    response = client.post("/draft/docx", json={"instruction": DRAFT})
    assert response.status_code == 200 and response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    assert "attachment" in response.headers["content-disposition"]
    word = WordDocument(io.BytesIO(response.content))
    assert "SỞ Y TẾ" in word.tables[0].cell(0, 0).text and "KẾ HOẠCH" in [p.text for p in word.paragraphs]
