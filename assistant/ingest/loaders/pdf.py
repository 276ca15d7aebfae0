"""PDF with a text layer (pypdf). A scanned PDF has none and is refused with that reason."""

from __future__ import annotations

from pathlib import Path

from ...config import Settings
from . import UnreadableFile, loader

# A PDF page whose text layer has fewer letters than this is taken as a scan.
_MIN_LETTERS_PER_PAGE = 20


@loader(".pdf")
def read_pdf(path: Path, settings: Settings) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # A small PDF can hold a stream that inflates to gigabytes: pypdf 7 refuses to inflate one past 75 MB (its
    # Configuration), and the page count is bounded here.
    try:
        reader = PdfReader(str(path))
        if len(reader.pages) > settings.load_max_pdf_pages:
            raise UnreadableFile(f"{len(reader.pages)} pages, more than the {settings.load_max_pdf_pages} a PDF may have")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise UnreadableFile(f"not a readable PDF ({type(exc).__name__})") from None
    letters = sum(c.isalpha() for page in pages for c in page)
    if not pages or letters < _MIN_LETTERS_PER_PAGE * len(pages):
        raise UnreadableFile("PDF has no text layer (scanned?); run OCR first")
    return "\n".join(pages)
