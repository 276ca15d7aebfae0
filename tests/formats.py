"""The seeds as staff receive them, for the format-fidelity tests and benchmarks/formats.py: a Word file laid out as
Decree 30/2020/NĐ-CP lays out a document (the header a two-column borderless table, issuing body and number on
the left, national motto, place and date on the right; body paragraphs; numbered parts and items as Word's own
auto-numbering, so that "1." and "a)" are not in the paragraph text), and the PDF LibreOffice prints from it.
Built at test or benchmark time from ../shared or corpus/, never stored in the repository."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from assistant.ingest.header import clean_line, doc_type_at
from assistant.vietnamese.folding import fold

# Where the right column of a header line starts: the national motto, or a place and date after the number.
_MOTTO = re.compile(r"cong hoa|[dpb][oe]c\s*[l1i]ap")
_NUMBER = re.compile(r"^s[o6]\s*:\s*\d+\s*[/\[]?\s*[a-z]{1,4}\s*-\s*[a-z]{1,6}\s+(?=\S)")
# The header's columns as the decree's sample sets them: the motto on one line in the right one.
_HEADER_CM = (6.0, 10.0)
# Lines that are paragraphs of their own in Word: parts, numbered items, lettered items, bullets.
_ITEM = re.compile(r"^(?:([IVX]{1,4})\.|(\d{1,2})\.|\d{1,2}(?:\.\d{1,2})+\.?|([a-zđ])\)|[-+•])\s")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# Word's numbering formats for the three kinds of auto-numbered items, as `numbering.xml` defines them.
_FORMATS = {"roman": ("upperRoman", "%1."), "decimal": ("decimal", "%1."), "letter": ("lowerLetter", "%1)")}
# Word's lowerLetter runs a, b, c …; a Vietnamese list goes d, đ, e: its "đ)" stays typed.
_LETTERS = "abcdefghi"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _split_header_line(line: str) -> tuple[str, str]:
    folded = fold(line)
    number = _NUMBER.match(folded)
    motto = _MOTTO.search(folded)
    cut = motto.start() if motto else number.end() if number else None
    if cut is None:
        # A place and date alone is the right column's; anything else (issuing body) the left's.
        return ("", line.strip()) if ", ngay" in folded else (line.strip(), "")
    return line[:cut].strip(), line[cut:].strip()


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines as Word paragraphs: a blank line ends one, and so does a line that opens a part, item or bullet (an
    OCR speck before it aside); from Nơi nhận on, each line is a paragraph (recipients, signer's title, name)."""
    paragraphs: list[str] = []
    current: list[str] = []
    closing = False
    for raw in lines:
        line = raw.strip()
        closing = closing or fold(line).startswith("noi nh")
        if not line or closing or _ITEM.match(clean_line(line)):
            if current:
                paragraphs.append(" ".join(current))
            current = [line] if line else []
        elif current and re.search(r"\S-$", current[-1]):  # wrapped after a word's hyphen (5463/KH-|UBND)
            current[-1] += line
        else:
            current.append(line)
    return paragraphs + ([" ".join(current)] if current else [])


class _Numbering:
    """A list (abstract list and w:num) per run of items numbered in sequence (1, 2, 3 …), starting where the
    text starts it: the way LibreOffice writes lists, which keeps them through its .doc export (lists sharing one
    abstract list with a startOverride lose their count there)."""

    def __init__(self, document) -> None:
        self.root = document.part.numbering_part.element
        self.current: dict[str, tuple[int, int]] = {}  # kind → (numId, last value)
        self.next_id = 100

    def _abstract(self, number: int, kind: str, start: int):
        fmt, text = _FORMATS[kind]
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(number))
        level = OxmlElement("w:lvl")
        level.set(qn("w:ilvl"), "0")
        for tag, value in (("w:start", str(start)), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            level.append(child)
        abstract.append(level)
        return abstract

    def number(self, kind: str, value: int) -> int:
        num_id, last = self.current.get(kind, (0, -1))
        if value != last + 1:
            num_id, self.next_id = self.next_id, self.next_id + 1
            self.root.insert(0, self._abstract(num_id, kind, value))  # abstract lists come before the w:num
            num = OxmlElement("w:num")
            num.set(qn("w:numId"), str(num_id))
            abstract = OxmlElement("w:abstractNumId")
            abstract.set(qn("w:val"), str(num_id))
            num.append(abstract)
            self.root.append(num)
        self.current[kind] = (num_id, value)
        return num_id


def _numbered(text: str) -> tuple[str, int, str] | None:
    """(kind, value, text after the label) for an item Word would number itself."""
    m = _ITEM.match(text)
    if not m or not (m.group(1) or m.group(2) or m.group(3)):
        return None
    rest = text[m.end():]
    if m.group(1):
        return ("roman", _ROMAN.index(m.group(1)) + 1, rest) if m.group(1) in _ROMAN else None
    if m.group(2):
        return "decimal", int(m.group(2)), rest
    letter = m.group(3)
    return ("letter", _LETTERS.index(letter) + 1, rest) if letter in _LETTERS else None


def _add_numbered(document, numbering: _Numbering, text: str) -> None:
    found = _numbered(text)
    if not found:
        document.add_paragraph(text)
        return
    kind, value, rest = found
    paragraph = document.add_paragraph(rest)
    properties = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", "0"), ("w:numId", str(numbering.number(kind, value)))):
        child = OxmlElement(tag)
        child.set(qn("w:val"), val)
        num_pr.append(child)
    properties.insert(0, num_pr)


def seed_to_docx(text: str, path: Path) -> None:
    lines = text.split("\n")
    type_at = doc_type_at(lines) or 0
    document = docx.Document()
    header = [_split_header_line(line) for line in lines[:type_at] if line.strip()]
    if header:
        table = document.add_table(rows=1, cols=2)
        table.autofit = False
        for cell, column, width in zip(table.rows[0].cells, zip(*header), _HEADER_CM):
            table.columns[cell._tc.grid_offset].width = cell.width = Cm(width)
            parts = [part for part in column if part]
            cell.text = parts[0] if parts else ""
            for part in parts[1:]:
                cell.add_paragraph(part)
    numbering = _Numbering(document)
    for paragraph in _paragraphs(lines[type_at:]):
        _add_numbered(document, numbering, paragraph)
    document.save(str(path))


def convert_seeds(seeds: Path, out: Path) -> dict[str, Path]:
    """The seeds as .txt (copied), .docx and .pdf, one folder per format under `out`; LibreOffice prints the PDFs."""
    folders = {suffix: out / suffix for suffix in ("txt", "docx", "pdf")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted(seeds.glob("*.txt")):
        shutil.copyfile(seed, folders["txt"] / seed.name)
        seed_to_docx(seed.read_text("utf-8"), folders["docx"] / f"{seed.stem}.docx")
    office = soffice()
    if office is None:
        raise RuntimeError("LibreOffice is required to print the seeds as PDF: apt-get install libreoffice-writer-nogui")
    subprocess.run([office, f"-env:UserInstallation=file://{out.resolve()}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folders["pdf"]),
                    *map(str, sorted(folders["docx"].glob("*.docx")))], check=True, capture_output=True, timeout=600)
    return folders


def parse_of(path: Path, settings) -> dict:
    """What the ingest keeps of a file, in a form to compare across formats: the header metadata, the chunks'
    section paths (as written, and as restored for an OCR'd file) and texts, the tasks and the document card,
    whitespace collapsed (a .txt wraps its lines where
    the scan did, Word and PDF where their page does)."""
    from assistant.ingest.cards import build_card
    from assistant.ingest.pipeline import read_chunks
    from assistant.ingest.restoring import restore_chunks
    from assistant.ingest.tasks import extract_tasks
    from assistant.vietnamese.folding import collapse_ws
    from assistant.vietnamese.language import marked_share
    from assistant.vietnamese.restorer import get_restorer

    loaded, chunks = read_chunks(path, path.stem, settings)
    if marked_share(loaded.text) < settings.restore_marked_share:
        chunks = restore_chunks(chunks, get_restorer(settings.restorer_params))
    metadata = {key: value for key, value in chunks[0].metadata.items()
                if key not in {"source", "file_hash", "section", "chunk_index", "n_chunks", "annex"}}
    card = build_card(chunks)
    return {"metadata": {k: collapse_ws(v) if isinstance(v, str) else v for k, v in metadata.items()},
            "paths": [chunk.section_original for chunk in chunks],
            "paths restored": [chunk.section for chunk in chunks],
            "chunks": [collapse_ws(chunk.page_content) for chunk in chunks],
            "tasks": [(t.unit, collapse_ws(t.task), t.deadline, t.section) for t in extract_tasks(chunks)],
            "card": {name: [collapse_ws(line.text) for line in lines] for name, lines in card.fields.items()}}
