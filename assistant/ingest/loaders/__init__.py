"""Load a file into text: one loader per file type, registered by suffix. A file that cannot be read yields a
one-line reason (UnreadableFile), never another exception.

A new file type is a module here with a function decorated `@loader(".ext")` that returns the file's text
(or `@page_loader(".ext")` for one whose pages may need OCR); import it at the bottom of this file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...config import Settings
from ...vietnamese.folding import normalize



class UnreadableFile(Exception):
    """The file cannot become text; the message is the reason shown in the ingest summary."""


# Called with (pages read, pages to read) as OCR proceeds: the ingest progress bar and the upload job.
PageProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class Reading:
    """What a page loader read: the text, and how many of its pages came from OCR (such text goes through the
    diacritic restorer whatever marks it has: Tesseract's slips are wrong marks as often as missing ones)."""

    text: str
    ocr_pages: int = 0


# A loader reads a file into text, within the limits the settings put on what one file may cost to read
# (`load_max_*`: a 3 MB .docx can expand to 1 GB of XML; `ocr_max_pages`: a scan costs a second a page).
Loader = Callable[[Path, Settings], str]
PageLoader = Callable[[Path, Settings, PageProgress | None], Reading]
LOADERS: dict[str, PageLoader] = {}


def page_loader(*suffixes: str) -> Callable[[PageLoader], PageLoader]:
    def add(read: PageLoader) -> PageLoader:
        for suffix in suffixes:
            LOADERS[suffix] = read
        return read
    return add


def loader(*suffixes: str) -> Callable[[Loader], Loader]:
    """A loader of a file type that holds its text (nothing to OCR)."""
    def add(read: Loader) -> Loader:
        page_loader(*suffixes)(lambda path, settings, on_page: Reading(read(path, settings)))
        return read
    return add


@dataclass(frozen=True)
class LoadedFile:
    path: Path
    text: str
    sha256: str
    ocr_pages: int = 0  # pages read by OCR


def file_hash(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def supported() -> tuple[str, ...]:
    return tuple(LOADERS)


def load_file(path: Path, settings: Settings, on_page: PageProgress | None = None) -> LoadedFile:
    """Read a supported file; raise UnreadableFile with the reason otherwise. A parser that fails in a way of its
    own (a malformed file can make any of them raise anything, recursion included) is a reason too. `on_page`
    follows the pages of a scan being OCR'd."""
    suffix = path.suffix.lower()
    if suffix not in LOADERS:
        raise UnreadableFile(f"unsupported file type '{suffix or '(none)'}' (use {', '.join(LOADERS)})")
    if not path.is_file():
        raise UnreadableFile("not a regular file")
    if path.stat().st_size == 0:
        raise UnreadableFile("empty file")
    try:
        reading = LOADERS[suffix](path, settings, on_page)
        text = normalize(reading.text)
    except UnreadableFile:
        raise
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - any parser failure is this file's, not the run's
        raise UnreadableFile(f"cannot be read ({type(exc).__name__}: {str(exc)[:120]})") from None
    if not any(c.isalpha() for c in text):
        raise UnreadableFile("no text in the file")
    return LoadedFile(path=path, text=text, sha256=file_hash(path), ocr_pages=reading.ocr_pages)


# The built-in loaders register themselves on import; the order is the order suffixes are listed in.
from . import plain, word, legacy_word, pdf, image  # noqa: E402,F401
