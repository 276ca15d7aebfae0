"""Read page images with Tesseract (Debian's tesseract-ocr and its Vietnamese model, tesseract-ocr-vie) and
render PDF pages for it with poppler's pdftoppm (poppler-utils).

Both run as programs, fed through pipes: pytesseract only wraps the same program with temporary files and read
a page no faster (benchmarks/README.md, "OCR"), and a program that a hostile file crashes or hangs takes only
its own process down, within a timeout. Tesseract runs with one OpenMP thread: on 2 shared cores its default
threads made a page 4x slower (4.3 s against 0.9 s at 200 dpi).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ...config import Settings
from ...models.ocr_tools import missing_ocr_tools
from . import UnreadableFile

# The longest side a page image may have: an A3 page at 300 dpi is 4,960 pixels; a PDF can declare a page of
# 200 inches, which would render to gigabytes, and an image can be 13,000 pixels square within Pillow's limits.
MAX_SIDE_PIXELS = 7000
# A0, the largest paper, is 47 inches long; a page declared larger is no scan to read.
_MAX_PAGE_INCHES = 100


def _run(args: list[str], data: bytes, settings: Settings, what: str) -> bytes:
    try:
        done = subprocess.run(args, input=data, capture_output=True, timeout=settings.ocr_page_timeout_seconds,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except FileNotFoundError:
        raise UnreadableFile(missing_ocr_tools(settings) or f"{args[0]} is not installed") from None
    except subprocess.TimeoutExpired:
        raise UnreadableFile(f"{what} took more than {settings.ocr_page_timeout_seconds:.0f} s") from None
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip().splitlines()
        no_model = any("Failed loading language" in line for line in error)
        raise UnreadableFile(no_model and missing_ocr_tools(settings)
                             or f"{what} failed ({error[-1][:120] if error else f'exit {done.returncode}'})")
    return done.stdout


def recognise(image: bytes, settings: Settings, dpi: int | None, page: int) -> str:
    """The text Tesseract reads on one page image (any format Leptonica reads: PNM, PNG, TIFF, JPEG); `dpi`
    when the image's resolution is known, else Tesseract estimates it from the letters' height."""
    args = [settings.ocr_tesseract, "stdin", "stdout", "-l", settings.ocr_language]
    text = _run(args + (["--dpi", str(dpi)] if dpi else []), image, settings, f"OCR of page {page}")
    return text.decode("utf-8", "replace")


def render_pdf_page(path: Path, page: int, size_inches: tuple[float, float], scan_dpi: int | None,
                    settings: Settings) -> tuple[bytes, int]:
    """One PDF page (numbered from 1) as a greyscale PNM image, and the resolution it was rendered at: the
    scan's own when it is known and lower than `ocr_dpi` (a 150-dpi scan rendered at 300 dpi read 0.74 of its
    syllables, at 150 dpi 0.99: the enlarged speckle misleads Tesseract), and lower still for a large page."""
    if max(size_inches) > _MAX_PAGE_INCHES:
        raise UnreadableFile(f"page {page} is {size_inches[0]:.0f} x {size_inches[1]:.0f} inches, too large to OCR")
    dpi = min(settings.ocr_dpi, scan_dpi or settings.ocr_dpi, int(MAX_SIDE_PIXELS / max(*size_inches, 1.0)))
    args = ["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), str(path)]
    return _run(args, b"", settings, f"rendering page {page}"), dpi


def found_text(pages: list[str], scanned: int) -> None:
    """A file whose pages, scanned ones among them, all came back without a letter is refused with this reason
    (a blank or unreadable scan); a blank page among pages of text is only a blank page."""
    if scanned and not any(c.isalpha() for page in pages for c in page):
        raise UnreadableFile(f"OCR found no text on the {scanned} scanned page{'s' if scanned > 1 else ''}")


def check_budget(pages: int, settings: Settings) -> None:
    if pages > settings.ocr_max_pages:
        raise UnreadableFile(f"{pages} scanned pages to OCR, more than the {settings.ocr_max_pages} a file may have "
                             "(ASSISTANT_OCR_MAX_PAGES)")
