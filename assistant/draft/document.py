"""A draft as blocks (parts, sections, lines, tables) with its header and closing: what the Markdown and Word
renderings both draw, and the result the API returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from ..index.records import Citation


MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@dataclass
class Block:
    kind: str  # part, section, line, table
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)  # a table's rows, header first


@dataclass
class DraftDocument:
    governing: str
    issuer: str
    number: str
    place_date: str
    doc_type_title: str
    title: str
    body: list[Block]
    closing: str
    recipients: list[str]
    signature: list[str]
    annexes: list[Block]
    partial: bool = False  # only the parts asked for: no header, closing, signature or annexes
    shifted_years: set[str] = field(default_factory=set)  # years of exemplar tasks moved to the new event's
    warnings: list[str] = field(default_factory=list)  # what composing found to warn of (a total typed wrong)


class DraftResult(BaseModel):
    draft: str  # Markdown
    citations: list[Citation]
    warnings: list[str]
    mode: str = "extractive"  # who wrote the tasks: the LLM mode, or extractive (adapted exemplars)
    doc_type: str = ""  # the document type the instruction was read as (a skeleton's `name`)
    scope: str = "whole"  # whole, part, section or table: how much of the document was drafted
    stats: dict = {}


def vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đồng"
