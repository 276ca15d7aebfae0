"""Retrieval metrics on the dev set: evidence@k, source@k and MRR, per configuration and per way of typing."""

from __future__ import annotations

import json
import time
from pathlib import Path

from .index import SearchIndex
from .retrieval import search
from .text import collapse_ws, fold, strip_marks

EVAL_K = 4
# `hybrid-rrf` is the hybrid with reciprocal-rank fusion, measured beside the default weighted fusion.
CONFIGS = {"dense": ("dense", None), "lexical": ("lexical", None), "hybrid": ("hybrid", "weighted"),
           "hybrid-rrf": ("hybrid", "rrf")}


# The accented questions again with every mark stripped: the same questions typed without diacritics.
STRIPPED = "stripped"
SUBSETS = ("accented", STRIPPED, "unaccented", "english")


def load_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def contains_evidence(chunk_text: str, evidence: str) -> bool:
    return collapse_ws(fold(evidence)) in collapse_ws(fold(chunk_text))


def _score(questions: list[dict], index: SearchIndex, mode: str, fusion: str | None) -> dict:
    previous = index.settings.fusion
    if fusion:
        index.settings.fusion = fusion
    rows = []
    started = time.perf_counter()
    try:
        for q in questions:
            docs = search(index, q["question"], k=EVAL_K, mode=mode)
            rank = next((n for n, d in enumerate(docs, 1) if contains_evidence(d.page_content, q["evidence"])), None)
            rows.append({"id": q["id"], "typed": q["typed"], "evidence": rank is not None,
                         "source": any(d.metadata["source"] == q["source"] for d in docs),
                         "rr": 1.0 / rank if rank else 0.0})
    finally:
        index.settings.fusion = previous
    seconds = time.perf_counter() - started

    def summary(subset: list[dict]) -> dict:
        n = len(subset)
        return {"n": n, f"evidence@{EVAL_K}": sum(r["evidence"] for r in subset) / n if n else None,
                f"source@{EVAL_K}": sum(r["source"] for r in subset) / n if n else None,
                "mrr": sum(r["rr"] for r in subset) / n if n else None}

    result = {"all": summary([r for r in rows if r["typed"] != STRIPPED]), "ms_per_query": 1000 * seconds / max(len(rows), 1)}
    for typed in SUBSETS:
        result[typed] = summary([r for r in rows if r["typed"] == typed])
    result["misses"] = [r["id"] for r in rows if not r["evidence"] and r["typed"] != STRIPPED]
    return result


def evaluate_retrieval(index: SearchIndex, path: Path, modes: list[str]) -> dict:
    questions = [q for q in load_questions(path) if q["answerable"]]
    questions += [{**q, "question": strip_marks(q["question"]), "typed": STRIPPED}
                  for q in questions if q["typed"] == "accented"]
    unknown = set(modes) - set(CONFIGS)
    if unknown:
        raise ValueError(f"unknown configuration {sorted(unknown)}; choose from {', '.join(CONFIGS)}")
    return {"k": EVAL_K, "embedder": index.settings.embedder, "dense_weight": index.settings.dense_weight,
            "configs": {name: _score(questions, index, *CONFIGS[name]) for name in modes}}


def format_report(report: dict) -> str:
    k = report["k"]
    lines = [f"retrieval on the dev set (k={k}, embedder {report['embedder']}, dense weight {report['dense_weight']})",
             f"{'config':<12} {'subset':<11} {'n':>3} {'evidence@' + str(k):>11} {'source@' + str(k):>9} {'MRR':>6}"]
    for name, result in report["configs"].items():
        for subset in ("all", *SUBSETS):
            s = result[subset]
            if s["n"]:
                lines.append(f"{name:<12} {subset:<11} {s['n']:>3} {s[f'evidence@{k}']:>11.3f} "
                             f"{s[f'source@{k}']:>9.3f} {s['mrr']:>6.3f}")
        lines.append(f"{name:<12} {result['ms_per_query']:.0f} ms/query; misses: {', '.join(result['misses']) or '-'}")
    return "\n".join(lines)
