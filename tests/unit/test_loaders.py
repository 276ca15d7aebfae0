import unicodedata
from pathlib import Path

import docx
import pytest

from assistant.config import Settings
from assistant.ingest.loaders import UnreadableFile, load_file
from scans import typed_pdf

SETTINGS = Settings()


def test_txt_and_md_load_as_nfc_text(tmp_path: Path):
    (tmp_path / "a.txt").write_text("KẾ HOẠCH\r\nTổ chức Hội nghị\n", encoding="utf-8")
    (tmp_path / "b.md").write_bytes("\ufeff# Thông báo".encode("utf-8"))
    assert load_file(tmp_path / "a.txt", SETTINGS).text == "KẾ HOẠCH\nTổ chức Hội nghị\n"
    assert load_file(tmp_path / "b.md", SETTINGS).text == "# Thông báo"


def test_docx_keeps_paragraphs_and_tables_as_markdown(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("DỰ TRÙ KINH PHÍ")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Nội dung", "Thành tiền"
    table.cell(1, 0).text, table.cell(1, 1).text = "Nước uống", "2.670.000"
    document.add_paragraph("Tổng cộng")
    document.save(tmp_path / "plan.docx")
    text = load_file(tmp_path / "plan.docx", SETTINGS).text
    assert "| Nội dung | Thành tiền |" in text
    assert "| Nước uống | 2.670.000 |" in text
    assert text.index("DỰ TRÙ") < text.index("| Nội dung") < text.index("Tổng cộng")


def test_pdf_text_layer_is_read(tmp_path: Path):
    (tmp_path / "plan.pdf").write_bytes(typed_pdf("Ke hoach to chuc Hoi nghi tong ket nam 2025"))
    assert "Hoi nghi tong ket" in load_file(tmp_path / "plan.pdf", SETTINGS).text


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x00\x01\x02PK\x00", "binary"),
    ("legacy.txt", "Hội nghị".encode("utf-8")[:-1] + b"\xe0 \xc3\xa9x\xff", "not UTF-8"),
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
    ("broken.docx", b"PK\x03\x04 not a zip", "Word"),
    ("sheet.xlsx", b"whatever", "unsupported file type '.xlsx'"),
])
def test_unreadable_files_give_a_reason(tmp_path: Path, name: str, content: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=reason):
        load_file(path, SETTINGS)


TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Vietnamese in Windows-1258: the tone mark as a combining character after its letter."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            letters = unicodedata.normalize("NFD", char)
            tone = next(c for c in letters if c in TONES)
            out += unicodedata.normalize("NFC", letters.replace(tone, "")).encode("cp1258") + tone.encode("cp1258")
    return out


def test_windows_1258_text_is_decoded(tmp_path: Path):
    (tmp_path / "old.txt").write_bytes(_cp1258("KẾ HOẠCH\nTổ chức Hội nghị tổng kết công tác y tế năm 2025"))
    assert load_file(tmp_path / "old.txt", SETTINGS).text == "KẾ HOẠCH\nTổ chức Hội nghị tổng kết công tác y tế năm 2025"


def test_a_word_file_that_expands_past_the_limit_is_refused_before_parsing(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("Kế hoạch " * 20000)  # 180 KB of text, a few KB compressed
    document.save(tmp_path / "big.docx")
    tight = Settings(load_max_xml_bytes=100_000)
    with pytest.raises(UnreadableFile, match="expands to"):
        load_file(tmp_path / "big.docx", tight)
    assert load_file(tmp_path / "big.docx", SETTINGS).text.startswith("Kế hoạch")


def test_any_parser_failure_is_a_reason_not_a_crash(tmp_path: Path, monkeypatch):
    from assistant.ingest import loaders

    def explode(path, settings, on_page):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(loaders.LOADERS, ".pdf", explode)
    (tmp_path / "deep.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(UnreadableFile, match="RecursionError"):
        load_file(tmp_path / "deep.pdf", SETTINGS)


def test_a_scan_without_tesseract_says_what_to_install(tmp_path: Path):
    (tmp_path / "scan.pdf").write_bytes(typed_pdf(None))
    without = Settings(ocr_tesseract=str(tmp_path / "no-such-tesseract"))
    with pytest.raises(UnreadableFile, match="not installed: install tesseract-ocr-vie"):
        load_file(tmp_path / "scan.pdf", without)


def test_a_scan_over_the_page_budget_is_refused_before_any_ocr(tmp_path: Path):
    (tmp_path / "scan.pdf").write_bytes(typed_pdf(None))
    (tmp_path / "typed.pdf").write_bytes(typed_pdf("Ke hoach to chuc Hoi nghi tong ket nam 2025"))
    no_ocr = Settings(ocr_max_pages=0, ocr_tesseract=str(tmp_path / "no-such-tesseract"))
    with pytest.raises(UnreadableFile, match="1 scanned pages to OCR, more than the 0 a file may have"):
        load_file(tmp_path / "scan.pdf", no_ocr)
    assert load_file(tmp_path / "typed.pdf", no_ocr).ocr_pages == 0


def test_a_scanned_page_too_large_to_render_is_refused(tmp_path: Path):
    (tmp_path / "huge.pdf").write_bytes(typed_pdf(None, points=(1_000_000, 792)))
    with pytest.raises(UnreadableFile, match="page 1 is 13889 x 11 inches, too large to OCR"):
        load_file(tmp_path / "huge.pdf", SETTINGS)


def test_an_image_that_is_no_image_gives_a_reason(tmp_path: Path):
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    with pytest.raises(UnreadableFile, match="not a readable image"):
        load_file(tmp_path / "scan.png", SETTINGS)


def test_setup_says_when_tesseract_is_missing_even_when_quiet(tmp_path: Path, capsys):
    from assistant.models.prepare import check_ocr_tools
    from assistant.models.stages import Stages

    stages = Stages(tmp_path / "setup.log", quiet=True)
    check_ocr_tools(Settings(ocr_tesseract=str(tmp_path / "no-such-tesseract")), stages)
    said = capsys.readouterr().err
    assert "not installed: install tesseract-ocr-vie (apt-get install" in said and "refused" in said
    assert "tesseract-ocr-vie" in (tmp_path / "setup.log").read_text("utf-8")
