"""Scanned PDFs and images read by the real Tesseract (tesseract-ocr-vie) and pdftoppm: pages typeset from the
clean seeds, scanned as images, then ingested and uploaded as a person would."""

import io
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter

from assistant.config import Settings
from assistant.index.search_index import SearchIndex
from assistant.ingest.loaders import UnreadableFile, load_file
from assistant.ingest.loaders.ocr import recognise
from assistant.ingest.pipeline import ingest
from conftest import make_settings
from scans import degrade, render_pages, scanned_pdf, syllable_accuracy, typed_pdf

SEED = Path(__file__).resolve().parents[2] / "corpus" / "004_403f78e958e18f73.txt"
SETTINGS = Settings()


@pytest.fixture(scope="module")
def typeset():
    """The first two pages of a clean seed (a notice of conclusions) typeset at 200 dpi, and their text."""
    return render_pages(SEED.read_text("utf-8"), 200, max_pages=2)


@pytest.fixture(scope="module")
def pages(typeset):
    return typeset[0]


def test_a_scanned_pdf_is_read_by_ocr_page_by_page(typeset, tmp_path):
    pages, text = typeset
    path = scanned_pdf(pages, tmp_path / "thong-bao.pdf", 200)
    seen: list[tuple[int, int]] = []
    loaded = load_file(path, SETTINGS, lambda done, total: seen.append((done, total)))
    assert loaded.ocr_pages == 2 and seen == [(0, 2), (1, 2), (2, 2)]
    assert "Kết luận của Lãnh đạo Sở Y tế tại Hội nghị trực tuyến" in loaded.text
    assert syllable_accuracy(text, loaded.text) >= 0.95


def test_a_poor_150_dpi_scan_is_read_at_its_own_resolution(tmp_path):
    """Rendered at 300 dpi, this page read 0.74 of its syllables: enlarged speckle misleads Tesseract."""
    images, text = render_pages(SEED.read_text("utf-8"), 150, max_pages=1)
    path = scanned_pdf([degrade(images[0], seed=0)], tmp_path / "ban-fax.pdf", 150)
    assert syllable_accuracy(text, load_file(path, SETTINGS).text) >= 0.93


def test_a_mixed_pdf_keeps_its_text_layer_and_reads_its_scanned_page(pages, tmp_path):
    typed = "Ke hoach to chuc Hoi nghi tong ket nam 2025 cua So Y te"
    writer = PdfWriter()
    writer.append(io.BytesIO(typed_pdf(typed)))
    writer.append(scanned_pdf(pages[:1], tmp_path / "scan.pdf", 200))
    writer.write(tmp_path / "mixed.pdf")
    loaded = load_file(tmp_path / "mixed.pdf", SETTINGS)
    assert loaded.ocr_pages == 1
    assert loaded.text.startswith(typed)
    assert "Kết luận của Lãnh đạo Sở Y tế" in loaded.text


def test_images_are_read_a_noisy_skewed_one_and_a_multi_page_tiff_too(pages, tmp_path):
    noisy = degrade(pages[0], seed=1)
    noisy.save(tmp_path / "anh-chup.png", dpi=(200, 200))
    loaded = load_file(tmp_path / "anh-chup.png", SETTINGS)
    assert loaded.ocr_pages == 1 and "Hội nghị trực tuyến" in loaded.text
    pages[0].save(tmp_path / "ban-quet.tif", dpi=(200, 200), save_all=True, append_images=pages[1:])
    assert load_file(tmp_path / "ban-quet.tif", SETTINGS).ocr_pages == 2


def test_an_oversized_image_is_shrunk_and_read(pages, tmp_path):
    """A photo of 9,000 pixels a side, declared at 1,090 dpi: read at 7,000 pixels, resolution alike."""
    pages[0].resize((6808, 9000)).save(tmp_path / "anh-lon.jpg", dpi=(1090, 1090))
    assert "Hội nghị trực tuyến" in load_file(tmp_path / "anh-lon.jpg", SETTINGS).text


def test_a_blank_scan_is_refused_with_a_reason(tmp_path):
    (tmp_path / "blank.pdf").write_bytes(typed_pdf(None))
    with pytest.raises(UnreadableFile, match="OCR found no text on the 1 scanned page"):
        load_file(tmp_path / "blank.pdf", SETTINGS)


def test_an_ingested_scan_is_restored_with_page_progress(pages, tmp_path):
    path = scanned_pdf(pages, tmp_path / "thong-bao.pdf", 200)
    index = SearchIndex(make_settings(tmp_path / "data"))
    stages: list[tuple[str, int, int]] = []
    report = ingest([path], index, embed=False, progress=False, on_progress=lambda *step: stages.append(step))
    assert report.added == ["thong-bao.pdf"] and report.restored == ["thong-bao.pdf"], report.summary()
    assert ("ocr", 0, 2) in stages and ("ocr", 2, 2) in stages
    assert [d["restored"] for d in index.listing()] == [True]


def test_an_uploaded_scan_shows_its_ocr_pages_and_is_read_once(served, pages, tmp_path, monkeypatch):
    from assistant.ingest.loaders import pdf

    read: list[int] = []
    monkeypatch.setattr(pdf, "recognise", lambda image, settings, dpi, page: read.append(page) or recognise(
        image, settings, dpi, page))
    data = scanned_pdf(pages, tmp_path / "scan.pdf", 200).read_bytes()
    job = served.add_document("thong-bao-quet.pdf", data)
    seen = set()
    while (state := served.job(job.id)).status in ("queued", "running"):
        seen.add((state.stage, state.done, state.total))
        time.sleep(0.05)
    assert state.status == "done", state.message
    assert any(stage == "ocr" and total == 2 for stage, _, total in seen), seen
    assert read == [1, 2]  # the check that the file is readable and the ingest share one OCR
    assert "thong-bao-quet.pdf" in {d["source"] for d in served.documents()}
    served.delete_document("thong-bao-quet.pdf")
