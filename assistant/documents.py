"""Load a file into text. A file that cannot be read yields a one-line reason, never an exception."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .text import normalize

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
# A PDF page whose text layer has fewer letters than this is taken as a scan.
_MIN_LETTERS_PER_PAGE = 20


class UnreadableFile(Exception):
    """The file cannot become text; the message is the reason shown in the ingest summary."""


@dataclass(frozen=True)
class LoadedFile:
    path: Path
    text: str
    sha256: str


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise UnreadableFile("binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def _markdown_table(table) -> str:
    rows = [[" ".join(cell.text.split()) for cell in row.cells] for row in table.rows]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _read_docx(path: Path) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise UnreadableFile(f"not a readable Word file ({type(exc).__name__})") from None
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            blocks.append("\n" + _markdown_table(item) + "\n")
    return "\n".join(blocks)


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise UnreadableFile(f"not a readable PDF ({type(exc).__name__})") from None
    letters = sum(c.isalpha() for page in pages for c in page)
    if not pages or letters < _MIN_LETTERS_PER_PAGE * len(pages):
        raise UnreadableFile("PDF has no text layer (scanned?); run OCR first")
    return "\n".join(pages)


def load_file(path: Path) -> LoadedFile:
    """Read a supported file; raise UnreadableFile with the reason otherwise."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnreadableFile(f"unsupported file type '{suffix or '(none)'}' (use {', '.join(SUPPORTED)})")
    if not path.is_file():
        raise UnreadableFile("not a regular file")
    if path.stat().st_size == 0:
        raise UnreadableFile("empty file")
    if suffix == ".docx":
        text = _read_docx(path)
    elif suffix == ".pdf":
        text = _read_pdf(path)
    else:
        text = _decode(path.read_bytes())
    text = normalize(text)
    if not any(c.isalpha() for c in text):
        raise UnreadableFile("no text in the file")
    return LoadedFile(path=path, text=text, sha256=file_hash(path))
