"""The answer chain on the independent question set (`eval/independent/questions.jsonl`, written from the
documents by someone who never saw the code): its 51 documents (the seeds, files of
`../shared/corpus-extra/health_docs/` and CongBot records written out as text) are ingested into an index of
their own, every question is asked, and facts, gold documents cited and declines are reported per half
(held-out first) and per kind of question, per generator.

Nothing here is tuned on: it measures. Thresholds and rules are chosen on the tuning half only.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from pathlib import Path

from ..answer.chain import AnswerChain
from ..config import PROJECT_ROOT, Settings
from ..index.search_index import SearchIndex
from ..ingest.pipeline import ingest
from ..models.generators import get_generator
from ..vietnamese.folding import collapse_ws, fold
from .common import load_questions, percentile

QUESTIONS = PROJECT_ROOT / "eval" / "independent" / "questions.jsonl"
HALVES = ("heldout", "tuning")


def source_name(gold: str) -> str:
    """The file name a gold document is ingested under."""
    group, _, name = gold.partition("/")
    return f"congbot_{re.sub(r'[^0-9A-Za-z_-]+', '_', name)}.txt" if group == "congbot" else name


def materialise(questions: list[dict], settings: Settings, folder: Path) -> list[Path]:
    """The gold documents as files: seeds and health_docs where they lie, CongBot records written out."""
    wanted = {g for q in questions for g in q["documents"]}
    congbot = {}
    with (settings.extra_corpus_dir / "congbot_documents.jsonl").open(encoding="utf-8") as records:
        for line in records:
            record = json.loads(line)
            if f"congbot/{record['id']}" in wanted:
                congbot[record["id"]] = record["text"]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for gold in sorted(wanted):
        group, _, name = gold.partition("/")
        if group == "corpus":
            paths.append(settings.corpus_dir / name)
        elif group == "health_docs":
            paths.append(settings.extra_corpus_dir / "health_docs" / name)
        else:
            path = folder / source_name(gold)
            path.write_text(congbot[name], "utf-8")
            paths.append(path)
    return paths


def score(questions: list[dict], chain: AnswerChain, max_tokens: int) -> list[dict]:
    rows = []
    for q in questions:
        began = time.perf_counter()
        answer = chain.ask(q["question"])
        text = collapse_ws(fold(answer.answer))
        cited = {c.source for c in answer.citations}
        rows.append({"id": q["id"], "split": q["split"], "kind": q["kind"], "typed": q["typed"],
                     "answerable": q["answerable"], "declined": answer.declined,
                     "facts": [collapse_ws(fold(f)) in text for f in q["facts"]],
                     "gold_cited": bool(cited & {source_name(g) for g in q["documents"]}),
                     "seconds": round(time.perf_counter() - began, 3),
                     "first_token": answer.stats.get("first_token_seconds"),
                     "at_token_limit": answer.stats.get("tokens", 0) >= max_tokens})
    return rows


def summary(rows: list[dict]) -> dict:
    answerable = [r for r in rows if r["answerable"]]
    facts = [f for r in answerable for f in r["facts"]]
    return {"n": len(rows),
            "facts": round(sum(facts) / len(facts), 3) if facts else None,
            "gold_cited": round(sum(r["gold_cited"] for r in answerable) / len(answerable), 3) if answerable else None,
            "declines": round(sum(r["declined"] != r["answerable"] for r in rows) / len(rows), 3) if rows else None}


def by_half(rows: list[dict]) -> dict:
    """Per half, held-out first: all questions, then each kind; and the LLM's first tokens where it wrote."""
    report: dict = {}
    for half in HALVES:
        part = [r for r in rows if r["split"] == half]
        if not part:
            continue
        kinds = defaultdict(list)
        for r in part:
            kinds[r["kind"]].append(r)
        report[half] = {"all": summary(part), **{k: summary(v) for k, v in sorted(kinds.items())}}
        firsts = [r["first_token"] for r in part if r["first_token"] is not None]
        if firsts:
            report[half]["llm"] = {"first_token_p50": percentile(firsts, 0.5), "first_token_p95": percentile(firsts, 0.95),
                                   "answers": len(firsts), "at_token_limit": sum(r["at_token_limit"] for r in part)}
    return report


def evaluate_independent(settings: Settings, work: Path, generators: list[str], half: str | None = None,
                         limit: int | None = None, numbered: range | None = None, typed: str | None = None) -> dict:
    """Ingest the set's documents into `work` (kept between runs: only changed files are redone), ask each
    half (or `half`; its first `limit` questions; those `numbered` in a range, one batch; those `typed` one way:
    accented, unaccented, english) with each generator.
    {"independent": {generator: report}, "independent_rows": {generator: rows}}."""
    questions = load_questions(QUESTIONS)
    batch = [q for q in questions if (numbered is None or int(q["id"][2:]) in numbered) and typed in (None, q["typed"])]
    asked = [q for h in HALVES if half in (None, h) for q in [q for q in batch if q["split"] == h][:limit]]
    index = SearchIndex(settings.model_copy(update={"data_dir": work / "data"}))
    ingest(materialise(questions, index.settings, work / "congbot"), index, progress=False)
    index.warm_up()  # as the web app does at startup: the first question is timed like the others
    reports, rows = {}, {}
    for name in generators:
        generator = get_generator(index.settings.model_copy(update={"llm": name}))
        chain = AnswerChain(index, lambda g=generator: g)
        chain.warm_up()
        rows[name] = score(asked, chain, settings.llm_max_tokens)
        reports[name] = by_half(rows[name])
    return {"independent": reports, "independent_rows": rows}


def format_independent_report(report: dict) -> str:
    lines = ["Independent question set (answers), held-out half first:"]
    for generator, halves in report["independent"].items():
        for half, kinds in halves.items():
            lines.append(f"{half} ({generator})")
            for name, s in kinds.items():
                if name == "llm":
                    lines.append(f"  LLM first token p50 {s['first_token_p50']:.2f} s, p95 {s['first_token_p95']:.2f} s "
                                 f"over {s['answers']} answers; {s['at_token_limit']} at the token limit")
                else:
                    lines.append(f"  {name:<15} n {s['n']:>3}  facts {s['facts']}  gold cited {s['gold_cited']}  "
                                 f"declines {s['declines']}")
    return "\n".join(lines)
