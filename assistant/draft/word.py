"""A draft as a Word file laid out after Decree 30/2020/NĐ-CP: header table (issuing body left, national
motto right), Times New Roman, centred type and title (an official letter's V/v line under its number instead),
numbered parts, the computed tables (agenda, budget estimate with its total and amount in words, indicators;
figures right-aligned, header and total bold), Nơi nhận bottom left beside the signature block on the right."""

from __future__ import annotations

import io
import re

from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from .document import MOTTO, Block, DraftDocument

FONT = "Times New Roman"
BODY_PT, SMALL_PT = 14, 12
_MARKER = re.compile(r"\s*\[\d+\]")  # citation markers stay in the assistant, not in the filed document


def _paragraph(cell_or_doc, text: str, bold: bool = False, italic: bool = False, size: int = BODY_PT,
               align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False):
    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.space_after = Pt(3)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    return paragraph


def _table(doc, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            # Figures align right, as in the budget tables of the seeds; the header and the total row are bold.
            figure = r > 0 and bool(re.fullmatch(r"[≥≤<>]?\s*[\d.,]+", value))
            _paragraph(cell, value, bold=r == 0 or row[1:2] == ["Tổng cộng"], size=SMALL_PT,
                       align=WD_ALIGN_PARAGRAPH.RIGHT if figure else WD_ALIGN_PARAGRAPH.LEFT)
            _drop_empty_first(cell)


def _drop_empty_first(cell) -> None:
    """A new cell starts with an empty paragraph; text was added after it."""
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1:
        first._element.getparent().remove(first._element)


def to_docx(draft: DraftDocument) -> bytes:
    doc = WordDocument()
    for section in doc.sections:
        section.top_margin, section.bottom_margin = Cm(2), Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(BODY_PT)

    if draft.partial:  # one part, to paste into a document being written: its blocks only
        for block in draft.body:
            _block(doc, block)
    else:
        _whole(doc, draft)
    for block in draft.annexes:
        if block.kind == "part":
            doc.add_page_break()
            _paragraph(doc, block.text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        else:
            _block(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _whole(doc, draft: DraftDocument) -> None:
    """Header table, type and title, body, closing, then Nơi nhận beside the signature."""
    header = doc.add_table(rows=1, cols=2)
    left, right = header.cell(0, 0), header.cell(0, 1)
    _paragraph(left, draft.governing, size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(left, draft.issuer, bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(left, draft.number, size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    if not draft.doc_type_title:  # an official letter: its summary line (V/v …) under its number
        _paragraph(left, draft.title, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(right, MOTTO[0], bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(right, MOTTO[1], bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(right, draft.place_date, italic=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER)

    if draft.doc_type_title:
        _paragraph(doc, draft.doc_type_title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _paragraph(doc, draft.title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for block in [*draft.body, Block("line", draft.closing)]:
        _block(doc, block)

    footer = doc.add_table(rows=1, cols=2)
    recipients, signature = footer.cell(0, 0), footer.cell(0, 1)
    _paragraph(recipients, "Nơi nhận:", bold=True, italic=True, size=SMALL_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in draft.recipients:
        _paragraph(recipients, f"- {line}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in draft.signature:
        _paragraph(signature, line, bold=bool(line), align=WD_ALIGN_PARAGRAPH.CENTER)
    for cell in (left, right, recipients, signature):
        _drop_empty_first(cell)


def _block(doc, block: Block) -> None:
    if block.kind == "part":
        _paragraph(doc, block.text, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    elif block.kind == "section":
        _paragraph(doc, block.text, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, indent=True)
    elif block.kind == "table":
        _table(doc, block.rows)
    elif block.text:
        _paragraph(doc, _MARKER.sub("", block.text), indent=True)
