"""Restore the diacritics of a document that lost them (OCR'd, or typed without marks), chunk by chunk.

The restored text is what the embedder, people and the LLM read; the file's own text stays the chunk's
text, for lexical search and exact quotes. The words the restorer only guessed are kept with the chunk, so that
people see them marked. Title and section path are shown restored, path element by path element (a heading
in capitals is recognised on its own).
"""

from __future__ import annotations

from ..index.records import Chunk
from ..vietnamese.restorer import Restorer


def restore_chunks(chunks: list[Chunk], restorer: Restorer) -> list[Chunk]:
    for chunk in chunks:
        title = restorer.restore(chunk.title, force=True) if chunk.title else ""
        section = " > ".join(restorer.restore(part, force=True) for part in chunk.section.split(" > "))
        restored = restorer.restore_marked(chunk.page_content, force=True)
        chunk.set_restored(restored.text, title, section, restored.uncertain)
    return chunks
