"""Word (.docx): the text a reader sees, in the lines a plain-text copy of the page has. Paragraphs are separated
by a blank line (a paragraph is a block to the parser); Word's auto-numbering is written in front of its
paragraph; a layout table (the header: issuing body left, motto, place and date right; the closing: Nơi nhận
left, signature right) is set line beside line as on the page, a data table as a Markdown table, merged cells
once; a text box follows the paragraph it is anchored in; a footnote's mark stays on its word and its note
follows the paragraph it annotates."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from ...config import Settings
from . import UnreadableFile, loader
from .word_numbering import Numbering

# A table of at most this many rows with at most two cells a row lays the page out (header, closing) when it is
# one row or has a cell of several lines; any other is a table of data (agenda, budget), kept as a Markdown table
# (a data table has a row of column names above its rows).
_LAYOUT_ROWS = 3
_LAYOUT_CELLS = 2
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Inside a paragraph, text boxes (drawn after it) and the second copy of each box Word keeps for old readers.
_ASIDE = {qn("w:txbxContent"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_TEXT, _TAB, _BREAKS = qn("w:t"), qn("w:tab"), {qn("w:br"), qn("w:cr")}
_NOTE, _NO_BREAK_HYPHEN = qn("w:footnoteReference"), qn("w:noBreakHyphen")
_PARAGRAPH, _TABLE, _WRAPPERS = qn("w:p"), qn("w:tbl"), {qn("w:sdt"), qn("w:customXml")}


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


def _own(element, paragraph) -> bool:
    """Whether a node of the paragraph is its own text, not in a text box or a fallback copy inside it."""
    parent = element.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in _ASIDE:
            return False
        parent = parent.getparent()
    return True


def _content(element, parent) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables in order, those in content controls (w:sdt, as templates and forms wrap their
    fields) and custom XML blocks included: python-docx's own iteration skips them."""
    for child in element:
        if child.tag == _PARAGRAPH:
            yield Paragraph(child, parent)
        elif child.tag == _TABLE:
            yield Table(child, parent)
        elif child.tag in _WRAPPERS:
            yield from _content(child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child, parent)


def _footnotes(document) -> dict[str, str]:
    """The footnotes' texts by id (separators, ids -1 and 0, have none)."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            root = parse_xml(rel.target_part.blob)
            return {note.get(qn("w:id")): " ".join("".join(t.text or "" for t in note.iter(_TEXT)).split())
                    for note in root.iter(qn("w:footnote"))}
    return {}


class _Reader:
    def __init__(self, document) -> None:
        self.numbering = Numbering(document)
        self.notes = _footnotes(document)
        self.note_count = 0

    def paragraph(self, paragraph) -> list[str]:
        """The paragraph's line (its label first), its footnotes, then the paragraphs of its text boxes."""
        element = paragraph._p
        text, notes = self.numbering.label(paragraph), []
        for node in element.iter(_TEXT, _TAB, _NOTE, _NO_BREAK_HYPHEN, *_BREAKS):
            if not _own(node, element):
                continue
            if node.tag == _TEXT:
                text += node.text or ""
            elif node.tag == _TAB:
                text += " "
            elif node.tag == _NO_BREAK_HYPHEN:
                text += "-"
            elif node.tag == _NOTE:
                self.note_count += 1
                mark = str(self.note_count).translate(_SUPERSCRIPT)
                text += mark
                notes.append(f"{mark} {self.notes.get(node.get(qn('w:id')), '')}".rstrip())
            else:
                text += "\n"
        lines = [text + "".join(f"\n{note}" for note in notes)]
        for box in element.iter(qn("w:txbxContent")):
            if _own(box, element):
                lines += [line for p in box.iter(qn("w:p")) if _own(p, box)
                          for line in self.paragraph(Paragraph(p, paragraph._parent))]
        return [line for line in lines if line.strip()]

    def cell(self, cell) -> list[str]:
        return [line for item in _content(cell._tc, cell)
                for line in (self.table(item).split("\n") if isinstance(item, Table) else self.paragraph(item))]

    def table(self, table) -> str:
        """A merged cell is read once: python-docx repeats it in each column it spans and, a vertical merge, in
        each row; there the cell is empty, so that the columns stay aligned."""
        seen: dict[int, object] = {}  # the cells read, kept alive so that their ids stay theirs
        rows: list[list[list[str]]] = []
        for row in table.rows:
            cells: list[list[str]] = []
            for cell in row.cells:
                cells.append([] if id(cell._tc) in seen else self.cell(cell))
                seen[id(cell._tc)] = cell._tc
            rows.append(cells)
        if (len(rows) <= _LAYOUT_ROWS and all(sum(bool(c) for c in row) <= _LAYOUT_CELLS for row in rows)
                and (len(rows) == 1 or any(len(lines) > 1 for row in rows for lines in row))):
            return "\n".join(" ".join(part for part in parts if part).strip()
                                for row in rows for parts in zip_longest(*row, fillvalue=""))
        return _markdown([[" ".join(" ".join(lines).split()) for lines in row] for row in rows])


def _markdown(rows: list[list[str]]) -> str:
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows[1:]])


@loader(".docx")
def read_docx(path: Path, settings: Settings) -> str:
    import docx

    _check_package(path, settings)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise UnreadableFile(f"not a readable Word file ({type(exc).__name__})") from None
    reader = _Reader(document)
    blocks: list[str] = []
    for item in _content(document.element.body, document._body):
        blocks += [reader.table(item)] if isinstance(item, Table) else reader.paragraph(item)
    return "\n\n".join(blocks)
