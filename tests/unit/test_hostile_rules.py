"""Hostile input against the pure parts: patterns that must stay linear-time on any text (random and
adversarial, under a deadline), loaders that read any bytes, and what a document's text may not do to a reader's browser or spreadsheet."""

from __future__ import annotations

import time

from hypothesis import given, settings, strategies as st

from assistant.answer.followup import carry_over, is_follow_up
from assistant.config import Settings
from assistant.ingest.header import trailing_caps
from assistant.ingest.loaders import UnreadableFile, load_file
from assistant.ingest.structure import parse_document
from assistant.serve.web.chat import safe_markdown
from assistant.serve.schemas import UncertainWord
from assistant.serve.web.documents import sent_by_browser
from assistant.serve.web.sources import _passage_html
from assistant.serve.web.tasks import spreadsheet_safe
from assistant.vietnamese.restorer import get_restorer

SETTINGS = Settings()
RESTORER = get_restorer(SETTINGS.restorer_params)
# Text made of what the patterns care about: whitespace runs, capitals, cue words, list marks, digits, symbols.
PIECES = st.sampled_from(["\n", " ", "\t", "A ", "Đ", "a", "?", "còn ", " thì sao", "Nơi nhận:", "- ", "+ ", "1. ",
                          "I. ", "KT. GIÁM ĐỐC", "ngày 12/3/2025", "Sở Y tế", "S&", "¢6", "...", "|", ":", "./."])
TEXTS = st.lists(PIECES, max_size=400).map("".join) | st.text(max_size=2000)


def _quick(call, *args, limit: float = 2.0) -> None:
    began = time.perf_counter()
    call(*args)
    assert time.perf_counter() - began < limit, f"{call.__name__} took {time.perf_counter() - began:.1f} s"


def test_adversarial_inputs_that_froze_the_server_now_take_milliseconds():
    _quick(carry_over, "\n" * 2000 + "a", "Sở Tài chính được giao nhiệm vụ gì?")  # 300 took 3.8 s before
    _quick(is_follow_up, " \t" * 1000 + "?")
    _quick(trailing_caps, "- Sở Y tế " + "A " * 25000 + "a")
    _quick(parse_document, "KẾ HOẠCH\nTổ chức\nNơi nhận:\n- " + "A " * 25000 + "a\n", limit=5.0)


@settings(max_examples=60, deadline=2000)
@given(TEXTS, TEXTS)
def test_follow_up_rewriting_is_quick_on_any_text(question, previous):
    carry_over(question, previous or "Sở Tài chính được giao nhiệm vụ gì?")
    is_follow_up(question)


@settings(max_examples=40, deadline=5000)
@given(TEXTS)
def test_the_parser_and_the_restorer_are_quick_on_any_text(text):
    parse_document(text)
    restored = RESTORER.restore_marked(text[:2000], force=True)
    assert restored.text == RESTORER.restore(text[:2000], force=True)
    assert all(0 <= u.start < u.end <= len(restored.text) and u.original for u in restored.uncertain)


def test_document_text_cannot_make_the_browser_fetch_or_run_anything():
    shown = safe_markdown('Xem <img src="http://evil.example/x.png"> và ![ảnh](http://evil.example/y.png) '
                          "tại [trang ngoài](https://evil.example) hoặc [mục 2](#muc-2) **rõ ràng**")
    assert "<img" not in shown and "](http" not in shown and "&lt;img" in shown  # shown as text, never fetched
    assert "ảnh" in shown and "trang ngoài" in shown and "[mục 2](#muc-2)" in shown and "**rõ ràng**" in shown


def test_a_guessed_word_s_ocr_original_cannot_leave_its_title():
    text = "- Do trả <b>kinh phí</b> tổ chức."
    guessed = [UncertainWord(start=2, end=4, ocr='Dy"><script>alert(1)</script>'),
               UncertainWord(start=text.index("kinh"), end=text.index("kinh") + 4, ocr="k&nh")]
    shown = _passage_html(text, "Do trả <b>kinh phí</b>", guessed)
    assert "<script>" not in shown and "<b>" not in shown
    assert shown.startswith('- <mark><span class="uncertain" title="OCR: Dy&quot;&gt;&lt;script&gt;')
    assert '<span class="uncertain" title="OCR: k&amp;nh">kinh</span>' in shown


def test_spreadsheet_cells_never_start_a_formula():
    assert [spreadsheet_safe(v) for v in ("=1+1", "+SUM(A1)", "-2", "@cmd", "Sở Y tế", 3)] == [
        "'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "Sở Y tế", 3]


def test_the_page_ingests_only_files_the_browser_sent(tmp_path):
    import gradio as gr

    sent = tmp_path / "x.txt"
    assert not sent_by_browser("/etc/hostname") and not sent_by_browser(str(sent))
    assert sent_by_browser(f"{gr.utils.get_upload_folder()}/abc/ke-hoach.txt")


@settings(max_examples=60, deadline=5000)
@given(st.sampled_from([".txt", ".md", ".docx", ".pdf", ".png", ".jpg", ".tif"]),
       st.binary(max_size=3000) | st.sampled_from([b"%PDF-1.4\n" + b"(" * 2000, b"PK\x03\x04" + b"\x00" * 200,
                                                   "KẾ HOẠCH\n".encode("utf-16"), b"\xef\xbb\xbf" + b"\n" * 3000]))
def test_loaders_give_text_or_a_reason_for_any_bytes(tmp_path_factory, suffix, data):
    path = tmp_path_factory.mktemp("hostile") / f"x{suffix}"
    path.write_bytes(data)
    try:
        load_file(path, SETTINGS)
    except UnreadableFile:
        pass
