"""Restore the diacritics of a document that lost them (OCR'd, or typed without marks), chunk by chunk.

The restored text is what the embedder, people and the LLM read; the file's own text stays the chunk's
text, for lexical search and exact quotes. The words the restorer only guessed are kept with the chunk, so that
people see them marked. Title and section path are shown restored, path element by path element (a heading
in capitals is recognised on its own); a heading is restored as its line reads inside its own section's first chunk,
where the words around it give the restorer context ("8. Chuyén dbi sé:" over its items reads "8. Chuyển đổi số:"),
and so in the path of every chunk under it. People's names are written as names are (person_names.py): the
restorer reads "Nguyén Vin Dwong" as the commoner words "Nguyễn Văn Đường".
"""

from __future__ import annotations

from ..index.records import Chunk
from ..vietnamese.person_names import restored_names
from ..vietnamese.restorer import Restoration, Restorer


def restore_chunks(chunks: list[Chunk], restorer: Restorer) -> list[Chunk]:
    in_context: dict[str, str] = {}  # a heading as the file writes it → as restored within its chunk
    for chunk in chunks:
        title = restorer.restore(chunk.title, force=True) if chunk.title else ""
        restored = restorer.restore_marked(chunk.page_content, force=True)
        restored = Restoration(restored_names(restored.text, chunk.page_content), restored.uncertain)
        for line, read in zip(chunk.page_content.split("\n"), restored.text.split("\n")):
            in_context.setdefault(line.strip().rstrip(":").strip(), read.strip().rstrip(":").strip())
        section = " > ".join(in_context.get(part.strip()) or restorer.restore(part, force=True)
                             for part in chunk.section.split(" > "))
        chunk.set_restored(restored.text, title, section, restored.uncertain)
    return chunks
