"""PDF, page by page: a page with a text layer (pypdf) keeps its text; a page without one, a scan, is rendered
and read by OCR. A mixed file (typed pages, a scanned signature page) is read both ways."""

from __future__ import annotations

from pathlib import Path

from ...config import Settings
from . import PageProgress, Reading, UnreadableFile, page_loader
from .ocr import check_budget, found_text, recognise, render_pdf_page

# A PDF page whose text layer has fewer letters than this is taken as a scan.
_MIN_LETTERS_PER_PAGE = 20


@page_loader(".pdf")
def read_pdf(path: Path, settings: Settings, on_page: PageProgress | None) -> Reading:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # A small PDF can hold a stream that inflates to gigabytes: pypdf 7 refuses to inflate one past 75 MB (its
    # Configuration), and the page count is bounded here.
    try:
        reader = PdfReader(str(path))
        if len(reader.pages) > settings.load_max_pdf_pages:
            raise UnreadableFile(f"{len(reader.pages)} pages, more than the {settings.load_max_pdf_pages} a PDF may have")
        pages = [page.extract_text() or "" for page in reader.pages]
        inches = [(float(page.cropbox.width) / 72, float(page.cropbox.height) / 72) for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise UnreadableFile(f"not a readable PDF ({type(exc).__name__})") from None
    scanned = [n for n, text in enumerate(pages) if sum(c.isalpha() for c in text) < _MIN_LETTERS_PER_PAGE]
    check_budget(len(scanned), settings)
    for done, n in enumerate(scanned):
        if on_page:
            on_page(done, len(scanned))
        image, dpi = render_pdf_page(path, n + 1, inches[n], settings)
        pages[n] = recognise(image, settings, dpi, n + 1)
    if on_page and scanned:
        on_page(len(scanned), len(scanned))
    found_text(pages, len(scanned))
    return Reading("\n".join(pages), ocr_pages=len(scanned))
