"""The typed records every stage passes along: a chunk of a source file, a task given to a unit, and a
citation of a chunk's passage. The metadata keys a chunk is stored with are named here and nowhere else.

A chunk stays a LangChain `Document` (Chroma and retrievers speak it); its metadata is read through the
properties below. Chroma stores no None values, so absent fields are left out of the metadata.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from langchain_core.documents import Document
from pydantic import BaseModel, Field

from ..vietnamese.restorer import Uncertain


class Chunk(Document):
    """A section or bullet group of a source file: `page_content` is the text as the file has it."""

    @classmethod
    def create(cls, chunk_id: str, text: str, fields: dict[str, Any]) -> Chunk:
        return cls(id=chunk_id, page_content=text, metadata={k: v for k, v in fields.items() if v is not None})

    @property
    def source(self) -> str:
        """The file name: one document per name in the index."""
        return self.metadata["source"]

    @property
    def title(self) -> str:
        """The document's trích yếu (restored for an OCR'd file), or its file name."""
        return self.metadata.get("title", "")

    @property
    def section(self) -> str:
        """The section path, parts joined by ` > ` (restored for an OCR'd file)."""
        return self.metadata.get("section", "")

    @property
    def section_original(self) -> str:
        """The section path as the file writes it."""
        return self.metadata.get("section_original", self.section)

    @property
    def restored(self) -> str | None:
        """The text with its diacritics restored, for a file that lost them; None otherwise."""
        return self.metadata.get("restored")

    @property
    def uncertain(self) -> list[Uncertain]:
        """The words of the restored text that the restorer is unsure of, with their OCR originals."""
        return [Uncertain(*span) for span in json.loads(self.metadata.get("restored_uncertain", "[]"))]

    @property
    def readable(self) -> str:
        """What people, embedders and the LLM read: the restored text where there is one."""
        return self.restored or self.page_content

    @property
    def number(self) -> str | None:
        return self.metadata.get("number")

    @property
    def date(self) -> str | None:
        return self.metadata.get("date")

    @property
    def position(self) -> int:
        return self.metadata["chunk_index"]

    @property
    def score(self) -> float:
        """The search score, set on chunks that a search returned."""
        return self.metadata["score"]

    def with_score(self, score: float) -> Chunk:
        self.metadata["score"] = round(score, 6)
        return self

    def set_restored(self, text: str, title: str, section: str, uncertain: list[Uncertain]) -> None:
        """Record the restored text, its uncertain words, title and section path; the file's own title and path
        stay beside them. Chroma's metadata holds no lists of lists: the uncertain spans are kept as JSON text."""
        self.metadata["restored"] = text
        if uncertain:
            self.metadata["restored_uncertain"] = json.dumps(uncertain, ensure_ascii=False)
        for field, value in (("title", title), ("section", section)):
            if self.metadata.get(field):
                self.metadata[f"{field}_original"] = self.metadata[field]
                self.metadata[field] = value

    def index_text(self) -> str:
        """What embedders see: title and section path give a bullet its owner; OCR'd text as restored."""
        return f"{self.title}\n{self.section}\n{self.readable}"

    def lexical_text(self) -> str:
        """What the lexical index sees: the file's own text, plus the restored text where there is one
        (it repairs OCR damage that folding alone cannot, such as `nhiing` = những)."""
        return self.index_text() + (f"\n{self.page_content}" if self.restored else "")


# The metadata a chunk carries for filters and listings: its document's header.
DOCUMENT_FIELDS = ("source", "file_hash", "title", "doc_type", "doc_type_name", "number", "date", "year", "issuer",
                   "place", "signer")


@dataclass(frozen=True)
class Task:
    """An assignment: what a unit must do, with its deadline and the chunk it was read from."""

    unit: str
    task: str  # readable (restored) text of the item
    quote: str  # the item as it stands in the file, for citation checks
    deadline: str | None
    source: str
    title: str
    section: str
    chunk_id: str

    def as_dict(self) -> dict:
        return asdict(self)


# The fields of a document card, in the order an answer lists them.
CARD_FIELDS = ("number", "date", "issuer", "title", "signer", "recipients", "basis", "effect")


@dataclass(frozen=True)
class CardLine:
    """A line of a document card as the document writes it (restored where the file was OCR'd), and the chunk
    it stands in: an answer from the card cites that chunk."""

    text: str
    chunk_id: str


@dataclass
class DocumentCard:
    """A document's header and closing as a record: number, date and place, issuing body, trích yếu, signer,
    recipients, the texts it is based on or implements, and when it takes effect. A field is absent when the
    document does not print it (an OCR'd header can lose its number)."""

    source: str
    title: str
    number: str | None
    doc_type_name: str | None
    fields: dict[str, list[CardLine]]

    @property
    def printed_number(self) -> str | None:
        """The number and symbol: the header parser's, else as the card's number line prints it."""
        return self.number or next((line.text.split(":", 1)[-1].strip() for line in self.fields.get("number", [])),
                                   None)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> DocumentCard:
        fields = {name: [CardLine(**line) for line in lines] for name, lines in data.pop("fields").items()}
        return cls(**data, fields=fields)


class UncertainWord(BaseModel):
    """A word of a restored text that the restorer only guessed: where it stands in that text (end exclusive) and
    the word as OCR read it."""

    start: int
    end: int
    ocr: str

    @classmethod
    def of(cls, spans: list[Uncertain]) -> list[UncertainWord]:
        return [cls(start=u.start, end=u.end, ocr=u.original) for u in spans]


class Citation(BaseModel):
    """A passage of a chunk that an answer or a draft cites."""

    n: int
    source: str
    title: str
    section: str
    quote: str  # readable: restored text where the source was restored
    quote_original: str  # the same passage as the file writes it
    restored: bool
    quote_uncertain: list[UncertainWord] = Field(default_factory=list,
                                                 description="words of `quote` the restorer only guessed")
    number: str | None = None
    date: str | None = None
    chunk_id: str | None = None
