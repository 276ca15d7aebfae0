"""Word (.docx): paragraphs in order, tables as Markdown tables."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ...config import Settings
from . import UnreadableFile, loader


def _markdown_table(table) -> str:
    rows = [[" ".join(cell.text.split()) for cell in row.cells] for row in table.rows]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _check_package(path: Path, settings: Settings) -> None:
    """Refuse a package whose parts expand past the limits before any of it is parsed (zipfile never reads a
    part past the size its header declares)."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableFile(f"not a readable Word file ({type(exc).__name__})") from None
    unpacked = sum(p.file_size for p in parts)
    largest = max((p.file_size for p in parts if p.filename.endswith(".xml")), default=0)
    if unpacked > settings.load_max_unpacked_bytes or largest > settings.load_max_xml_bytes:
        raise UnreadableFile(f"expands to {unpacked // 2**20} MB ({largest // 2**20} MB of XML in one part), more "
                             f"than the {settings.load_max_unpacked_bytes // 2**20} MB / {settings.load_max_xml_bytes // 2**20} MB "
                             "a Word file may take")


@loader(".docx")
def read_docx(path: Path, settings: Settings) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_package(path, settings)
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
