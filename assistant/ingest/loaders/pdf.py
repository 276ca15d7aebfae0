"""PDF, page by page: a page with a text layer (pypdf) keeps its text, set out as the page lays it (pdf_layout.py);
a page without one, a scan, is rendered and read by OCR. A mixed file (typed pages, a scanned signature page) is
read both ways."""

from __future__ import annotations

from pathlib import Path

from ...config import Settings
from . import PageProgress, Reading, UnreadableFile, page_loader
from .ocr import check_budget, found_text, recognise, render_pdf_page
from .pdf_layout import page_text

# A PDF page whose text layer has fewer letters than this is taken as a scan.
_MIN_LETTERS_PER_PAGE = 20
# A scan's own resolution is trusted from this up: below it the page's largest image is more likely a picture
# on the page than the page itself.
_MIN_SCAN_DPI = 100


def _scan_dpi(page, width_inches: float) -> int | None:
    """The resolution of a scanned page: its largest image's width in pixels over the page's width (a scanner
    writes one image covering the page); None when the page holds no image of its own."""
    resources = page.get("/Resources")
    images = resources.get_object().get("/XObject") if resources else None
    widths = [int(image.get_object().get("/Width", 0)) for image in (images.get_object().values() if images else ())
              if image.get_object().get("/Subtype") == "/Image"]
    dpi = round(max(widths, default=0) / max(width_inches, 1.0))
    return dpi if dpi >= _MIN_SCAN_DPI else None


def _page_text(page) -> str:
    """The page's text layer set out as the page lays it; pypdf's plain reading if its layout mode fails on the
    page (a font it cannot measure), which still has the words."""
    try:
        return page_text(page.extract_text(extraction_mode="layout") or "")
    except Exception:  # noqa: BLE001 - any failure of the layout mode leaves the plain reading
        return page.extract_text() or ""


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
        pages = [_page_text(page) for page in reader.pages]
        scanned = [n for n, text in enumerate(pages) if sum(c.isalpha() for c in text) < _MIN_LETTERS_PER_PAGE]
        check_budget(len(scanned), settings)
        inches = {n: (float(reader.pages[n].cropbox.width) / 72, float(reader.pages[n].cropbox.height) / 72)
                  for n in scanned}
        scan_dpi = {n: _scan_dpi(reader.pages[n], inches[n][0]) for n in scanned}
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise UnreadableFile(f"not a readable PDF ({type(exc).__name__})") from None
    for done, n in enumerate(scanned):
        if on_page:
            on_page(done, len(scanned))
        image, dpi = render_pdf_page(path, n + 1, inches[n], scan_dpi[n], settings)
        pages[n] = recognise(image, settings, dpi, n + 1)
    if on_page and scanned:
        on_page(len(scanned), len(scanned))
    found_text(pages, len(scanned))
    # A blank line at a page break, as between paragraphs: the parser carries a sentence the break cut in two
    # over it, and starts a new paragraph where the page ended one.
    return Reading("\n\n".join(pages), ocr_pages=len(scanned))
