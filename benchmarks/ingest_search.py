"""Ingest and search benchmark: prints seed ingest time, re-ingest time, lexical build time and search
latency at corpus-extra scale, embedding throughput (raw encode vs. the ingest pipeline) and peak RSS.

    python benchmarks/ingest_search.py                   # seeds + 300 phapdien documents
    python benchmarks/ingest_search.py --extra-docs 3628 # the whole phapdien corpus (lexical only)
    python benchmarks/ingest_search.py --scale-embedder embeddinggemma-onnx-int8 --work DIR  # + all embedded

At 54k chunks only a sample is embedded by default (pipeline vs raw encode speed); `--scale-embedder` embeds
them all (with the default EmbeddingGemma int8, about 1.5 hours on 2 cores; keep `--work` to resume an
interrupted run; a resumed run's seed ingest reads the embedding cache, so only a fresh folder's seed line
counts) to time hybrid search over a full dense index.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.config import PROJECT_ROOT, Settings, offline_environment
from assistant.evaluation import load_questions
from assistant.index.search_index import SearchIndex
from assistant.ingest.pipeline import embed_pending, ingest
from assistant.retrieve.search import search

PHAPDIEN = PROJECT_ROOT.parent / "shared" / "corpus-extra" / "phapdien_documents.jsonl"
QUERIES = ["nhiệm vụ của Sở Tài chính", "thoi han bao cao ket qua thuc hien", "quyền và nghĩa vụ của người lao động",
           "xu phat vi pham hanh chinh trong linh vuc y te", "Hội nghị tổng kết năm 2025", "kinh phí tổ chức hội nghị"]


def _write_extra(folder: Path, limit: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    with PHAPDIEN.open(encoding="utf-8") as f:
        for line in f:
            if n >= limit:
                break
            doc = json.loads(line)
            (folder / f"{doc['id']}.txt").write_text(f"{doc['title']}\n\n{doc['text']}", encoding="utf-8")
            n += 1
    return n


def _encode_speed(embedder: Embeddings, texts: list[str]) -> float:
    started = time.perf_counter()
    embedder.embed_documents(texts)
    return len(texts) / (time.perf_counter() - started)


def _latency(index: SearchIndex, mode: str, rounds: int, queries: list[str] = QUERIES) -> tuple[float, float]:
    """Query embeddings are cached in memory, so hybrid latency is honest only with rounds=1."""
    if mode != "lexical":
        index.embedder.embed_query("khởi động")  # model load is start-up, not query latency
    times = []
    for _ in range(rounds):
        for q in queries:
            started = time.perf_counter()
            search(index, q, k=4, mode=mode)
            times.append(1000 * (time.perf_counter() - started))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra-docs", type=int, default=300)
    parser.add_argument("--embed-sample", type=int, default=240, help="chunks embedded to measure throughput")
    parser.add_argument("--scale-embedder", help="embed every chunk with this embedder and time hybrid search")
    parser.add_argument("--work", type=Path, help="folder to keep: a run over it again resumes the embedding")
    args = parser.parse_args()
    offline_environment()
    if not PHAPDIEN.exists():  # say so before minutes of seed work, not in a traceback after them
        parser.error(f"{PHAPDIEN} not found: the benchmark reads ../shared/corpus-extra beside the checkout")
    work = args.work or Path(tempfile.mkdtemp(prefix="assistant-bench-"))

    seeds = SearchIndex(Settings(data_dir=work / "seeds"))
    started = time.perf_counter()
    report = ingest([PROJECT_ROOT / "corpus"], seeds, progress=False)
    seconds = time.perf_counter() - started
    print(f"seeds: {report.chunks_total} chunks, full ingest {seconds:.1f} s "
          f"({report.chunks_embedded / max(report.embed_seconds, 1e-9):.2f} chunks/s embedding; 0 on a resumed run)")
    started = time.perf_counter()
    again = ingest([PROJECT_ROOT / "corpus"], seeds, progress=False)
    print(f"seeds: re-ingest with nothing changed {time.perf_counter() - started:.2f} s, "
          f"{again.chunks_embedded} chunks embedded")
    p50, p95 = _latency(seeds, "hybrid", rounds=1)
    print(f"seeds: hybrid search p50 {p50:.1f} ms, p95 {p95:.1f} ms")

    texts = [c.index_text() for c in seeds.chunks()][:args.embed_sample]
    inner = seeds.embedder.inner
    started = time.perf_counter()
    inner.embed_documents(texts)
    raw = len(texts) / (time.perf_counter() - started)
    print(f"embedder {seeds.settings.embedder}: raw encode {raw:.2f} chunks/s on {len(texts)} seed chunks")

    extra = work / "extra"
    n_docs = _write_extra(extra, args.extra_docs)
    big_settings = Settings(data_dir=work / "big")
    # The sample's vectors from an earlier run over this folder would make the pipeline read them, not embed.
    big_settings.embed_cache_path.unlink(missing_ok=True)
    big = SearchIndex(big_settings)
    big_report = ingest([extra, PROJECT_ROOT / "corpus"], big, embed=False, progress=True)
    print(f"phapdien {n_docs} docs + seeds: {big_report.chunks_total} chunks; parse {big_report.parse_seconds:.1f} s, "
          f"lexical index {big_report.lexical_seconds:.1f} s")
    p50, p95 = _latency(big, "lexical", rounds=5)
    print(f"phapdien: lexical search p50 {p50:.1f} ms, p95 {p95:.1f} ms (searchable before any embedding)")

    # The sample is spread over the whole corpus (chunk lengths vary between documents) and only it is
    # embedded, by the pipeline's loop. Its first Chroma write, which creates the collection's files, is made
    # before timing: a one-off that 54k chunks do not notice.
    ids = [c.id for c in big.chunks()]  # reading order
    step = max(1, len(ids) // (args.embed_sample + 1))
    sample = ids[step::step][:args.embed_sample + 1]
    big.upsert_dense(big.chunks(sample[:1]))
    sample = sample[1:]
    sample_texts = [c.index_text() for c in big.chunks(sample)]
    # Raw encode is timed before and after the pipeline: two runs of the same texts differ by up to 10 %.
    raw_before = _encode_speed(inner, sample_texts)
    done, embed_seconds = embed_pending(big, progress=False, only=sample)
    raw_after = _encode_speed(inner, sample_texts)
    pipeline = done / embed_seconds
    raw_big = (raw_before + raw_after) / 2
    print(f"phapdien: pipeline embedding {pipeline:.2f} chunks/s vs raw encode {raw_big:.2f} chunks/s "
          f"({raw_before:.2f} before, {raw_after:.2f} after) on the same {done} chunks: {pipeline / raw_big:.0%}")
    p50, p95 = _latency(big, "hybrid", rounds=1)
    print(f"phapdien: hybrid search p50 {p50:.1f} ms, p95 {p95:.1f} ms (query embedding included)")
    if args.scale_embedder:
        full = SearchIndex(Settings(data_dir=work / "big-full", embedder=args.scale_embedder))
        full_report = ingest([extra, PROJECT_ROOT / "corpus"], full, progress=True)
        print(f"phapdien with {args.scale_embedder}: {full_report.chunks_embedded} chunks embedded in "
              f"{full_report.embed_seconds:.0f} s ({full_report.chunks_embedded / max(full_report.embed_seconds, 1e-9):.0f} "
              "chunks/s)")
        questions = QUERIES + [q["question"] for q in load_questions(PROJECT_ROOT / "eval" / "questions.jsonl")]
        p50, p95 = _latency(full, "hybrid", rounds=1, queries=questions)
        print(f"phapdien with {args.scale_embedder}: hybrid search over {full.count(embedded_only=True)} "
              f"vectors p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(questions)} queries, query embedding included)")
        # A trailing space makes each query a new key for the in-memory query cache: embedded again.
        p50, p95 = _latency(full, "dense", rounds=1, queries=[q + " " for q in questions])
        print(f"phapdien with {args.scale_embedder}: dense search alone p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
