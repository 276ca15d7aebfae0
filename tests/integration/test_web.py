"""The web page end to end: the real server on loopback, driven in headless Debian Chromium by Playwright.
A screenshot of the chat is saved in tests/artifacts/ for people to look at."""

from __future__ import annotations

import csv
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect

from assistant.serve.app import create_app

from test_api import NEW_DOCUMENT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
# Without these, Chromium keeps trying to reach Google's hosts, which this closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(served):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(create_app(served), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not instance.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is required: apt-get install chromium (.ci/run installs it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True, locale="vi-VN")
        tab = context.new_page()
        tab.set_default_timeout(120_000)
        expect.set_options(timeout=120_000)
        started = time.perf_counter()
        tab.goto(server + "/")
        tab.locator("#question textarea").wait_for(state="visible")
        print(f"\npage interactive {time.perf_counter() - started:.2f} s after the server reported ready")
        yield tab
        browser.close()


def _ask(page, question: str) -> None:
    page.get_by_role("tab", name="Hỏi đáp").click()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")


def test_a_question_is_answered_with_a_cited_source_shown(page):
    _ask(page, "Kinh phí tổ chức hội nghị tổng kết năm 2025 lấy từ nguồn nào?")
    source = page.locator("#sources .source").first
    source.wait_for(state="visible")
    assert "sự nghiệp y tế" in page.locator("#chat").inner_text()
    assert "[1]" in source.inner_text() and "000_" in source.inner_text()
    assert "sự nghiệp y tế" in source.locator("mark").first.inner_text()
    assert "đã khôi phục dấu" in source.inner_text()  # the OCR'd original is one click away
    source.locator("summary").click()
    assert source.locator("details .passage").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)


def test_a_word_the_restorer_guessed_is_underlined_with_the_ocr_original_on_hover(page):
    previous = page.locator("#sources").inner_text()
    _ask(page, "Phòng Kế hoạch - Tài chính chuẩn bị báo cáo đánh giá gì?")
    # This answer's sources, not the last answer's (which may show the same mark).
    page.wait_for_function("previous => document.querySelector('#sources').innerText !== previous", arg=previous,
                           timeout=120_000)
    # Seed 000's OCR split `nhiệm vụ` as `n’hiém vu`; what the restorer reads for `hiém` is shown as a guess.
    marked = page.locator('.uncertain[title="OCR: hiém"]')
    guessed = page.locator("#sources").locator(marked).first
    word = guessed.inner_text()
    assert word and word != "hiém"
    assert "dotted" in guessed.evaluate("e => getComputedStyle(e).textDecorationStyle")
    source = page.locator("#sources .source", has=marked).first
    assert f"{word} " in source.inner_text() and "gạch chân chấm" in source.inner_text()
    guessed.hover()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "uncertain.png"), full_page=True)


def test_a_follow_up_keeps_the_conversation(page):
    page.reload()  # a conversation of its own, whatever the tests before it left in the chat
    _ask(page, "Sở Tài chính được giao nhiệm vụ gì?")
    page.locator("#chat").get_by_text("Sở Tài chính", exact=False).last.wait_for()
    before = page.locator("#chat [data-testid='bot']").count()
    _ask(page, "còn Sở Nội vụ thì sao?")
    page.wait_for_function(f"document.querySelectorAll(\"#chat [data-testid='bot']\").length > {before}")
    page.wait_for_function("!document.querySelector('#chat').innerText.includes('Đang tìm')")
    assert "Nội vụ" in page.locator("#chat [data-testid='bot']").last.inner_text()


def test_an_uploaded_document_becomes_searchable(page, tmp_path):
    upload = tmp_path / "hoi-thao-2026.txt"
    upload.write_text(NEW_DOCUMENT, encoding="utf-8")
    page.get_by_role("tab", name="Văn bản").click()
    page.locator("#upload input[type=file]").set_input_files(str(upload))
    page.locator("#jobs [data-status=done]").wait_for()
    page.locator("#documents").get_by_text("hoi-thao-2026.txt").first.wait_for()
    _ask(page, "Hội thao ngành Y tế năm 2026 tổ chức ở đâu?")
    page.locator("#sources .source", has_text="hoi-thao-2026.txt").first.wait_for()
    assert "Nhà thi đấu" in page.locator("#chat [data-testid='bot']").last.inner_text()


def test_tasks_of_a_unit_are_listed_and_exported_as_csv(page, tmp_path):
    page.get_by_role("tab", name="Nhiệm vụ").click()
    unit = page.locator("#unit input")
    unit.fill("phong KHTC")
    unit.press("Enter")
    page.get_by_role("button", name="Xem nhiệm vụ").click()
    page.locator("#task-summary", has_text="Phòng Kế hoạch - Tài chính").wait_for()
    page.screenshot(path=str(ARTIFACTS / "tasks.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải CSV").click()
    path = tmp_path / "tasks.csv"
    download.value.save_as(path)
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0][:2] == ["Đơn vị", "Nhiệm vụ"] and len(rows) >= 4
    assert all(r[0] == "Phòng Kế hoạch - Tài chính" for r in rows[1:])


def test_a_plan_is_drafted_and_downloaded_as_word(page, tmp_path):
    from docx import Document as WordDocument

    page.get_by_role("tab", name="Soạn thảo").click()
    page.locator("#instruction textarea").fill("Soạn kế hoạch tổ chức Hội nghị tổng kết năm 2026")
    page.get_by_text("Thông tin cụ thể (không bắt buộc)").click()
    for name, value in (("Tỉnh", "Hà Tĩnh"), ("Ngày (dd/mm/yyyy)", "22/12/2026")):
        field = page.get_by_role("textbox", name=name, exact=True)
        field.fill(value)
        expect(field).to_have_value(value)  # the opened accordion holds what was typed before the click
    page.get_by_role("radio", name="trực tuyến", exact=True).check()
    page.locator("#draft-button").click()
    # expect() prints what the page shows when it fails: a draft for another province, or none at all.
    expect(page.locator("#draft")).to_contain_text("UBND TỈNH HÀ TĨNH")
    assert "ngày 22/12/2026" in page.locator("#draft").inner_text()
    assert "Tổ chức trực tuyến" in page.locator("#draft").inner_text()
    assert "còn phải điền" in page.locator("#draft-warnings").inner_text()
    page.screenshot(path=str(ARTIFACTS / "draft.png"), full_page=True)
    with page.expect_download() as download:
        page.locator("#draft-download").click()
    path = tmp_path / "draft.docx"
    download.value.save_as(path)
    assert "HÀ TĨNH" in WordDocument(str(path)).tables[0].cell(0, 0).text


def test_the_drafting_tab_offers_the_document_types(page):
    page.get_by_role("tab", name="Soạn thảo").click()
    page.locator("#draft-type input").click()
    offered = page.get_by_role("option").all_inner_texts()
    for label in ("Kế hoạch tổ chức hội nghị", "Kế hoạch triển khai thực hiện", "Thông báo kết luận", "Báo cáo",
                  "Giấy mời", "Công văn"):
        assert any(label in option for option in offered), (label, offered)
    page.get_by_role("option", name="Giấy mời").click()
    page.locator("#instruction textarea").fill("Mời dự Hội nghị tổng kết năm 2026 của Sở Y tế tỉnh Hà Tĩnh lúc 8h00 "
                                               "ngày 22/12/2026 tại Hội trường Sở Y tế.")
    page.locator("#draft-button").click()
    page.locator("#draft", has_text="GIẤY MỜI").wait_for()
    assert "trân trọng kính mời" in page.locator("#draft").inner_text()
    assert "Giấy mời" in page.locator("#draft-warnings").inner_text()  # the type it was read as
