"""Parse a document into its header metadata (header.py) and a section tree, following house-style.md.

Every pattern is matched on a folded copy of the line (no diacritics, lower case), so the OCR'd seeds
parse like the clean ones; the text kept in sections is the source line itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vietnamese.folding import clip, fold
from ..vietnamese.units import issuer_for_code
from .header import (DOC_TYPES, DocMetadata, clean_line, doc_type_at, header_lines, is_upper_line, majority_year,
                     parse_header, parse_tail)

ANNEX_TITLES = ("chuong trinh", "du tru kinh phi", "du toan kinh phi", "phu luc")
# The titles of texts issued with a decision (ban hành kèm theo Quyết định …).
_ATTACHED = tuple(DOC_TYPES) + ("quy dinh", "quy che", "danh muc", "huong dan", "de an")
PREAMBLE = "Phần mở đầu"
CLOSING = "Phần kết"
SIGNATURE = "Nơi nhận, người ký"
_MAX_LABEL = 90

_ROMAN_VALUES = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_ROMAN = re.compile(r"^([IVX][IVX1l]{0,3})\s*[.)]\s*(?=\S)")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\s*[.)](?=\s*[^\d\s])\s*")
# A legal text's article: `Điều 14. Trách nhiệm của Bảo hiểm xã hội` (folded).
_ARTICLE = re.compile(r"^dieu\s+(\d{1,3})\s*[.:]\s*(?=\S)")
_LETTERED = re.compile(r"^([a-zđ])\)\s*(?=\S)")
_BULLET = re.compile(r"^[-–—•]\s*")
_SUB_BULLET = re.compile(r"^\+\s*")
_ARTEFACT = re.compile(r"^\s*(\d{1,3}|\d{4}-\d\d-\d\dT[\d:+]+|https?://\S+)\s*$")
_RECIPIENTS = re.compile(r"^noi nh\S*\s*:")
# A registry's record of a legal text (corpus-extra): its title on the first line, then `Số hiệu: … | Loại: …`
# or where it was taken from (`Nguồn: …`).
_REGISTRY_LINE = re.compile(r"^(so hieu|nguon)\s*:")
_SENTENCE_END = (".", ";", ":", "!", "?")


@dataclass
class Block:
    """A paragraph, bullet (with its continuation lines) or table, as source lines joined by newlines."""

    text: str
    kind: str = "para"


@dataclass
class Section:
    label: str
    level: int
    path: list[str]
    blocks: list[Block] = field(default_factory=list)
    annex: bool = False

    @property
    def path_text(self) -> str:
        return " > ".join(self.path)


@dataclass
class ParsedDocument:
    metadata: DocMetadata
    sections: list[Section]


def _roman(token: str) -> str | None:
    candidate = token.replace("1", "I").replace("l", "I")
    return candidate if candidate in _ROMAN_VALUES else None


def _heading(line: str) -> tuple[int, str] | None:
    """Level and label when the line opens a section (I. → 1, 1. → 2, 1.1. → 3, a) → 5)."""
    text = clean_line(line)
    m = _ARTICLE.match(fold(text))
    if m:
        return 1, _label(text)
    m = _ROMAN.match(text)
    if m and _roman(m.group(1)):
        return 1, _label(_roman(m.group(1)) + ". " + text[m.end():])
    m = _NUMBERED.match(text)
    if m:
        return 1 + m.group(1).count(".") + 1, _label(m.group(1) + ". " + text[m.end():])
    m = _LETTERED.match(text)
    if m:
        return 5, _label(m.group(1) + ") " + text[m.end():])
    return None


def _label(text: str) -> str:
    """A heading as shown in a section path: up to its colon, trimmed to a readable length."""
    return clip(text.split(":")[0].strip().rstrip(".;"), _MAX_LABEL)


def _title_end(lines: list[str], start: int) -> int:
    """Index after the title: it wraps with no blank line, or on lower-case continuation lines."""
    i = start + 1
    last = start
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        contiguous = i == last + 1
        if _heading(line) or not (contiguous or line[0].islower()):
            break
        last = i
        i += 1
    return last + 1


class _SectionBuilder:
    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.stack: list[Section] = []
        # The preamble is no parent: numbered directives of a notice sit at the top of the tree.
        self.current = Section(label=PREAMBLE, level=0, path=[PREAMBLE])
        self.sections.append(self.current)
        self.group: Section | None = None

    def _open(self, label: str, level: int, annex: bool, root: bool = False) -> Section:
        if root:
            self.stack = []
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        section = Section(label=label, level=level, path=[s.label for s in self.stack] + [label], annex=annex)
        self.stack.append(section)
        self.sections.append(section)
        return section

    def heading(self, level: int, label: str, line: str, annex: bool = False) -> None:
        self.group = None
        self.current = self._open(label, level, annex=annex, root=annex)
        self.current.blocks.append(Block(line, "heading"))

    def bullet_group(self, label: str, line: str) -> None:
        """A `- Unit:` bullet followed by `+` bullets: the `+` bullets are that unit's, as a sub-section."""
        parent = self.group_parent()
        self.group = Section(label=label, level=6, path=parent.path + [label], annex=parent.annex)
        self.sections.append(self.group)
        self.group.blocks.append(Block(line, "heading"))

    def group_parent(self) -> Section:
        # A "- Unit:" bullet before any heading belongs to the preamble (hypothesis found "- :").
        return self.stack[-1] if self.stack else self.current

    def target(self) -> Section:
        return self.group or self.current

    def add(self, line: str, kind: str) -> None:
        self.target().blocks.append(Block(line, kind))

    def extend(self, line: str) -> None:
        blocks = self.target().blocks
        if blocks and blocks[-1].kind != "heading":
            blocks[-1].text += "\n" + line
        else:
            blocks.append(Block(line))


def _starts_block(line: str, previous: str, blank_before: bool) -> bool:
    return blank_before and previous.rstrip().endswith(_SENTENCE_END) and line[:1].isupper()


def parse_document(text: str) -> ParsedDocument:
    lines = [line for line in text.split("\n") if not _ARTEFACT.match(line)]
    meta = DocMetadata()
    body_start = 0
    type_at = doc_type_at(lines)
    if type_at is not None:
        meta.doc_type, meta.doc_type_name = DOC_TYPES[fold(clean_line(lines[type_at])).strip()]
        parse_header(lines[:type_at], meta)
        title_start = next((i for i in range(type_at + 1, len(lines)) if lines[i].strip()), None)
        if title_start is not None:
            body_start = _title_end(lines, title_start)
            meta.title = " ".join(line.strip() for line in lines[title_start:body_start] if line.strip())
    else:
        opening = [line.strip() for line in lines if line.strip()][:2]
        if len(opening) == 2 and _REGISTRY_LINE.match(fold(opening[1])):
            meta.title = opening[0]

    builder = _SectionBuilder()
    if type_at is not None:
        # The header, type line and trích yếu open the preamble: "what is plan 243 about" and "who issued it,
        # when" are answered by them, and an answer from the document's card cites them.
        opening = header_lines(lines[:type_at]) + [line.strip() for line in lines[type_at:body_start] if line.strip()]
        builder.add("\n".join(opening), "para")
    tail: list[str] = []
    mode = "body"
    previous, blank_before = "", False
    for raw in lines[body_start:]:
        line = raw.strip()
        if not line:
            blank_before = True
            continue
        folded = fold(clean_line(line))
        if mode != "annex" and _RECIPIENTS.match(folded):
            mode = "tail"
        if is_upper_line(line) and folded.strip(" :") .startswith(ANNEX_TITLES) and mode != "body":
            mode = "annex"
            builder.heading(1, clean_line(line).strip(" :"), line, annex=True)
        elif mode == "tail" and is_upper_line(line) and folded.strip(" :").startswith(_ATTACHED):
            # A plan or regulation issued with a decision follows its signature: a document of its own, whose
            # parts sit under its title.
            mode = "body"
            builder.heading(0, clean_line(line).strip(" :"), line)
        elif mode == "tail":
            tail.append(line)
        elif mode == "annex":
            builder.extend(line)
        else:
            _body_line(builder, line, previous, blank_before)
            if "./." in line.replace(" ", ""):
                _move_closing(builder)
                mode = "tail"
        previous, blank_before = line, False

    parse_tail(tail, meta)
    if tail:
        # Recipients and signer are a section of their own: "who signed it, who receives it" cite them.
        builder.sections.append(Section(label=SIGNATURE, level=1, path=[SIGNATURE], blocks=[Block("\n".join(tail))]))
    if meta.year is None:
        meta.year = majority_year(text)
    if meta.issuer is None and meta.signer_title and "giam d" in fold(meta.signer_title):
        # In this corpus only the Department of Health is signed for by a Giám đốc.
        meta.issuer = issuer_for_code("SYT")
    return ParsedDocument(metadata=meta, sections=[s for s in builder.sections if s.blocks])


def _body_line(builder: _SectionBuilder, line: str, previous: str, blank_before: bool) -> None:
    heading = _heading(line)
    if heading:
        builder.heading(heading[0], heading[1], line)
        return
    cleaned = clean_line(line)
    if _BULLET.match(cleaned):
        text = _BULLET.sub("", cleaned)
        if text.endswith(":") and len(text) < _MAX_LABEL:
            builder.bullet_group(_label(text), line)
        else:
            builder.group = None  # a new `-` bullet ends the previous unit's `+` group
            builder.add(line, "bullet")
    elif _SUB_BULLET.match(cleaned):
        builder.add(line, "bullet")
    elif line.startswith("|"):
        if builder.target().blocks and builder.target().blocks[-1].kind == "table":
            builder.extend(line)
        else:
            builder.add(line, "table")
    elif _starts_block(cleaned, previous, blank_before) or not builder.target().blocks:
        builder.add(line, "para")
    else:
        builder.extend(line)


def _move_closing(builder: _SectionBuilder) -> None:
    """The paragraph that ends with `./.` is the closing formula: a section of its own."""
    owner = builder.target()
    block = owner.blocks.pop()
    closing = Section(label=CLOSING, level=1, path=[CLOSING], blocks=[block])
    builder.sections.append(closing)


