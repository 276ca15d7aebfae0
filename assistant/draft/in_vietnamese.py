"""What an English request leaves in English in its draft, said in Vietnamese: the title, the body's lines and
tables, the closing (which names the subject) and the annexes; the header and signature are the house style's."""

from __future__ import annotations

from ..vietnamese.english_words import vietnamese_words
from .document import DraftDocument


def in_vietnamese(document: DraftDocument) -> None:
    document.title = vietnamese_words(document.title)
    document.closing = vietnamese_words(document.closing)
    for block in document.body + document.annexes:
        block.text = vietnamese_words(block.text)
        block.rows = [[vietnamese_words(cell) for cell in row] for row in block.rows]
