"""Incremental ingest on a real Chroma folder with the real embedder: add, change, delete, bad files."""

import shutil

import pytest

from assistant.index.search_index import SearchIndex
from assistant.ingest.pipeline import embed_pending, ingest
from assistant.retrieve.search import search
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
                                   "table.xlsx": "unsupported file type '.xlsx' (use .txt, .md, .docx, .doc, .pdf, .png, .jpg, .jpeg, .tif, .tiff)"}
    assert first.chunks_embedded == first.chunks_total == index.dense.collection.count()

    again = ingest([docs], index, progress=False)
    assert sorted(again.unchanged) == ["notes.txt", "plan.txt"] and again.chunks_embedded == 0

    (docs / "notes.txt").write_text("THÔNG BÁO\nHọp giao ban\n\n1. Giao Sở Nội vụ rà soát biên chế trước ngày 20/01/2026.\n")
    changed = ingest([docs], index, progress=False)
    assert changed.updated == ["notes.txt"]
    assert changed.chunks_embedded < first.chunks_total  # the unchanged plan is not embedded again
    hits = search(index, "Sở Nội vụ rà soát biên chế", k=1)
    assert "20/01/2026" in hits[0].page_content
    assert not any("15/12/2025" in d.page_content for d in index.chunks())

    (docs / "notes.txt").unlink()
    removed = ingest([docs], index, progress=False)
    assert removed.removed == ["notes.txt"]
    assert {d.source for d in index.chunks()} == {"plan.txt"}
    assert index.dense.collection.count() == index.count()
    assert all(d.source == "plan.txt" for d in search(index, "Sở Nội vụ rà soát biên chế", k=4))


def test_interrupted_embedding_resumes(tmp_path):
    index = SearchIndex(make_settings(tmp_path / "data"))
    report = ingest([CORPUS / "004_403f78e958e18f73.txt"], index, embed=False, progress=False)
    assert report.chunks_total > 0 and index.count(embedded_only=True) == 0
    assert search(index, "sốt xuất huyết", k=1)  # lexically searchable before any embedding
    resumed = ingest([CORPUS / "004_403f78e958e18f73.txt"], index, progress=False)
    assert resumed.unchanged and resumed.chunks_embedded == report.chunks_total


def test_embedding_stopped_midway_resumes_without_embedding_any_chunk_twice(tmp_path, monkeypatch):
    index = SearchIndex(make_settings(tmp_path / "data"))
    total = ingest([CORPUS / "004_403f78e958e18f73.txt"], index, embed=False, progress=False).chunks_total
    seen: list[tuple[int, int]] = []

    def stop_after_first_step(stage, done, pending):
        seen.append((done, pending))
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        embed_pending(index, progress=False, on_progress=stop_after_first_step)
    assert seen == [(0, total), (8, total)]  # progress moves every 8 chunks, before the first Chroma write

    embedded_texts: list[str] = []
    real = index.embedder.inner.embed_documents

    def recording(texts):
        embedded_texts.extend(texts)
        return real(texts)

    monkeypatch.setattr(index.embedder.inner, "embed_documents", recording)
    done, _ = embed_pending(index, progress=False)
    assert done == total == index.dense.collection.count() == index.count(embedded_only=True)
    assert len(embedded_texts) == total - 8  # the first step's vectors came from the embedding cache
    assert search(index, "sốt xuất huyết", k=1, mode="dense")


def test_another_embedder_embeds_every_chunk_again_into_its_own_collection(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text("THÔNG BÁO\nSở Y tế tổ chức tập huấn phòng chống sốt xuất huyết cho các trạm y tế xã.\n",
                                   encoding="utf-8")
    first = SearchIndex(make_settings(tmp_path / "data"))
    total = ingest([docs], first, progress=False).chunks_total
    assert first.dense.collection.count() == total

    fp32 = SearchIndex(make_settings(tmp_path / "data", embedder="embeddinggemma"))
    assert fp32.count(embedded_only=True) == 0  # the flags were the int8 model's
    again = ingest([docs], fp32, progress=False)
    assert again.unchanged and again.chunks_embedded == total
    assert fp32.dense.name != first.dense.name and fp32.dense.collection.count() == total
    assert search(fp32, "tập huấn sốt xuất huyết", k=1, mode="dense")


def test_ingest_restores_ocr_seeds_and_keeps_the_original(seed_index):
    docs = seed_index.chunks()
    ocr = [d for d in docs if d.source.startswith("000_")]
    clean = [d for d in docs if d.source.startswith("002_")]
    assert ocr and all(d.restored for d in ocr)
    assert not any(d.restored for d in clean)
    intro = next(d for d in ocr if "dugc" in d.page_content)
    assert "được" in intro.restored and "được" not in intro.page_content
    assert "Hội nghị" in ocr[0].title and "Hyi nghi" in ocr[0].metadata["title_original"]
    plan_part = next(d for d in ocr if "Kế hoạch — Tài chính" in d.section)
    assert "Phong K¢ hoach" in plan_part.section_original


def test_embedding_only_some_chunks_leaves_the_rest_waiting(tmp_path):
    index = SearchIndex(make_settings(tmp_path / "data"))
    ingest([CORPUS], index, embed=False, progress=False)
    chosen = [c.id for c in index.chunks()][::20]
    done, _ = embed_pending(index, progress=False, only=chosen)
    assert done == len(chosen) == index.count(embedded_only=True) == index.dense.collection.count()
    assert index.count_pending() == index.count() - len(chosen)
