"""Incremental ingest on a real Chroma folder with the real embedder: add, change, delete, bad files."""

import shutil

from assistant.index import SearchIndex
from assistant.ingest import ingest
from assistant.retrieval import search
from conftest import CORPUS, make_settings


def test_add_change_delete_and_skip(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS / "002_63304fc089235397.txt", docs / "plan.txt")
    (docs / "notes.txt").write_text("THÔNG BÁO\nHọp giao ban\n\n1. Giao Sở Nội vụ rà soát biên chế trước ngày 15/12/2025.\n")
    (docs / "empty.txt").write_text("")
    (docs / "table.xlsx").write_bytes(b"PK")
    index = SearchIndex(make_settings(tmp_path / "data"))

    first = ingest([docs], index, progress=False)
    assert sorted(first.added) == ["notes.txt", "plan.txt"]
    assert dict(first.skipped) == {"empty.txt": "empty file",
                                   "table.xlsx": "unsupported file type '.xlsx' (use .txt, .md, .docx, .pdf)"}
    assert first.chunks_embedded == first.chunks_total == index.collection.count()

    again = ingest([docs], index, progress=False)
    assert sorted(again.unchanged) == ["notes.txt", "plan.txt"] and again.chunks_embedded == 0

    (docs / "notes.txt").write_text("THÔNG BÁO\nHọp giao ban\n\n1. Giao Sở Nội vụ rà soát biên chế trước ngày 20/01/2026.\n")
    changed = ingest([docs], index, progress=False)
    assert changed.updated == ["notes.txt"]
    assert changed.chunks_embedded < first.chunks_total  # the unchanged plan is not embedded again
    hits = search(index, "Sở Nội vụ rà soát biên chế", k=1)
    assert "20/01/2026" in hits[0].page_content
    assert not any("15/12/2025" in d.page_content for d in index.catalog.documents())

    (docs / "notes.txt").unlink()
    removed = ingest([docs], index, progress=False)
    assert removed.removed == ["notes.txt"]
    assert {d.metadata["source"] for d in index.catalog.documents()} == {"plan.txt"}
    assert index.collection.count() == index.catalog.count()
    assert all(d.metadata["source"] == "plan.txt" for d in search(index, "Sở Nội vụ rà soát biên chế", k=4))


def test_interrupted_embedding_resumes(tmp_path):
    index = SearchIndex(make_settings(tmp_path / "data"))
    report = ingest([CORPUS / "004_403f78e958e18f73.txt"], index, embed=False, progress=False)
    assert report.chunks_total > 0 and index.catalog.count(embedded_only=True) == 0
    assert search(index, "sốt xuất huyết", k=1)  # lexically searchable before any embedding
    resumed = ingest([CORPUS / "004_403f78e958e18f73.txt"], index, progress=False)
    assert resumed.unchanged and resumed.chunks_embedded == report.chunks_total
