"""The evaluation (`assistant eval`): retrieval metrics on the dev set (evidence@k, source@k, MRR per configuration
and way of typing), answer metrics per generator, and draft scores per generator and half (drafts.py).
Figures: eval/RESULTS.md."""

from __future__ import annotations

import time
from pathlib import Path

from ..answer.chain import AnswerChain
from ..answer.passages import contains_quote
from ..index.search_index import SearchIndex
from ..models.generators import get_generator
from ..retrieve.search import search
from ..vietnamese.folding import collapse_ws, fold, strip_marks
from .common import load_questions, percentile, timed
from .drafts import DRAFT_SETS, evaluate_drafts, format_draft_report
from .independent import evaluate_independent, format_independent_report

EVAL_K = 4
# `hybrid-rrf` is the hybrid with reciprocal-rank fusion, measured beside the default weighted fusion.
CONFIGS = {"dense": ("dense", None), "lexical": ("lexical", None), "hybrid": ("hybrid", "weighted"),
           "hybrid-rrf": ("hybrid", "rrf")}


# The accented questions again with every mark stripped: the same questions typed without diacritics.
STRIPPED = "stripped"
SUBSETS = ("accented", STRIPPED, "unaccented", "english")


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
                         "source": any(d.source == q["source"] for d in docs),
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
            "dense_weight_foreign": index.settings.dense_weight_foreign,
            "configs": {name: _score(questions, index, *CONFIGS[name]) for name in modes}}


def format_report(report: dict) -> str:
    k = report["k"]
    lines = [f"retrieval on the dev set (k={k}, embedder {report['embedder']}, dense weight {report['dense_weight']}, "
             f"{report['dense_weight_foreign']} for English)",
             f"{'config':<12} {'subset':<11} {'n':>3} {'evidence@' + str(k):>11} {'source@' + str(k):>9} {'MRR':>6}"]
    for name, result in report["configs"].items():
        for subset in ("all", *SUBSETS):
            s = result[subset]
            if s["n"]:
                lines.append(f"{name:<12} {subset:<11} {s['n']:>3} {s[f'evidence@{k}']:>11.3f} "
                             f"{s[f'source@{k}']:>9.3f} {s['mrr']:>6.3f}")
        lines.append(f"{name:<12} {result['ms_per_query']:.0f} ms/query; misses: {', '.join(result['misses']) or '-'}")
    return "\n".join(lines)


def evaluate_answers(index: SearchIndex, path: Path, generators: list[str]) -> dict:
    """Answer metrics per generator: fact recall (facts found in the answer, compared without diacritics),
    source recall, decline accuracy, share of citations whose quote is in the cited chunk, latency."""
    questions = load_questions(path)
    results = {}
    for name in generators:
        settings = index.settings.model_copy(update={"llm": name})
        generator = get_generator(settings)
        chain = AnswerChain(index, lambda: generator)
        chain.ask(questions[0]["question"])  # warm-up: the embedder and the LLM load once
        rows = []
        for q in questions:
            answer, seconds = timed(chain.ask, q["question"])
            text = collapse_ws(fold(answer.answer))
            cited = index.chunks([c.chunk_id for c in answer.citations if c.chunk_id])
            by_id = {d.id: d for d in cited}
            verified = [c.chunk_id in by_id and contains_quote(by_id[c.chunk_id], c.quote)
                        and contains_quote(by_id[c.chunk_id], c.quote_original) for c in answer.citations]
            rows.append({"id": q["id"], "answerable": q["answerable"], "declined": answer.declined,
                         "facts": [collapse_ws(fold(f)) in text for f in q["facts"]],
                         "source": q["source"] in {c.source for c in answer.citations},
                         "verified": verified, "seconds": seconds, "mode": answer.mode,
                         "first_token": answer.stats.get("first_token_seconds"), "tokens": answer.stats.get("tokens", 0),
                         "stopped_looping": bool(answer.stats.get("stopped_looping")),
                         "tokens_per_second": answer.stats.get("tokens_per_second")})
        answerable = [r for r in rows if r["answerable"]]
        facts = [f for r in answerable for f in r["facts"]]
        citations = [v for r in rows for v in r["verified"]]
        first = [r["first_token"] for r in rows if r["first_token"] is not None]
        speeds = [r["tokens_per_second"] for r in rows if r["tokens_per_second"]]
        results[name] = {
            "mode": generator.mode, "note": generator.note, "n": len(rows),
            "fact_recall": sum(facts) / len(facts) if facts else None,
            "source_recall": sum(r["source"] for r in answerable) / len(answerable) if answerable else None,
            "decline_accuracy": sum(r["declined"] != r["answerable"] for r in rows) / len(rows),
            "citations_verified": sum(citations) / len(citations) if citations else None,
            "citations": len(citations),
            "p50_seconds": percentile([r["seconds"] for r in rows], 0.5), "p95_seconds": percentile([r["seconds"] for r in rows], 0.95),
            "first_token_p50": percentile(first, 0.5) if first else None,
            "first_token_p95": percentile(first, 0.95) if first else None,
            "tokens_per_second": sum(speeds) / len(speeds) if speeds else None,
            "missed_facts": [r["id"] for r in answerable if not all(r["facts"])],
            "wrong_declines": [r["id"] for r in rows if r["declined"] == r["answerable"]],
            "from_task_table": [r["id"] for r in rows if r["mode"] == "tasks"],
            "at_token_limit": [r["id"] for r in rows if r["tokens"] >= settings.llm_max_tokens],
            "stopped_looping": [r["id"] for r in rows if r["stopped_looping"]],
        }
    return {"answers": results}


def format_answer_report(report: dict) -> str:
    lines = ["answers on the dev set",
             f"{'generator':<11} {'n':>3} {'facts':>6} {'sources':>8} {'declines':>9} {'cited ok':>9} {'p50 s':>6} "
             f"{'p95 s':>6} {'TTFT p50':>8} {'p95':>5} {'tok/s':>6}"]
    for name, r in report["answers"].items():
        def f(v, fmt):
            return format(v, fmt) if v is not None else "-"
        lines.append(f"{name:<11} {r['n']:>3} {f(r['fact_recall'], '6.3f')} {f(r['source_recall'], '8.3f')} "
                     f"{r['decline_accuracy']:>9.3f} {f(r['citations_verified'], '9.3f')} {r['p50_seconds']:>6.2f} "
                     f"{r['p95_seconds']:>6.2f} {f(r['first_token_p50'], '8.2f')} {f(r['first_token_p95'], '5.2f')} "
                     f"{f(r['tokens_per_second'], '6.1f')}")
        lines.append(f"{'':<11} missed facts: {', '.join(r['missed_facts']) or '-'}; wrong declines: "
                     f"{', '.join(r['wrong_declines']) or '-'}; {r['citations']} citations; at the token limit: "
                     f"{', '.join(r['at_token_limit']) or '-'}; loops stopped: {', '.join(r['stopped_looping']) or '-'}"
                     + (f"; {r['note']}" if r["note"] else ""))
    return "\n".join(lines)


def evaluate(index: SearchIndex, questions: Path, modes: str, answers: str, drafts_files: list[Path],
             drafts: str, independent: str = "") -> tuple[str, dict]:
    """The reports asked for (comma-separated retrieval configurations, answer generators, draft generators,
    generators for the independent question set; empty for none), as text and as one JSON-ready dict;
    `drafts_files` empty: the dev and independent sets. The independent set has an index of its own, kept in
    the data folder's `independent-eval/`."""
    report: dict = {}
    texts = []
    if modes:
        report = evaluate_retrieval(index, questions, modes=modes.split(","))
        texts.append(format_report(report))
    if answers:
        report.update(found := evaluate_answers(index, questions, answers.split(",")))
        texts.append(format_answer_report(found))
    if drafts:
        report.update(found := evaluate_drafts(index, drafts_files or DRAFT_SETS, drafts.split(",")))
        texts.append(format_draft_report(found))
    if independent:
        report.update(found := evaluate_independent(index.settings, index.settings.data_dir / "independent-eval",
                                                    independent.split(",")))
        texts.append(format_independent_report(found))
    return "\n\n".join(texts), report
