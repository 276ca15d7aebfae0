"""The answer chain on the independent question set (`eval/independent/questions.jsonl`): its 51 documents are
ingested into a folder of their own (the seeds, files of `../shared/corpus-extra/health_docs/` and CongBot
records written out as text), every question is asked, and facts, gold documents cited and declines are
reported per half (held-out first) and per kind.

    python eval/independent_eval.py [--generator extractive] [--work /tmp/independent] [--report OUT.json]
    python eval/independent_eval.py --generator local --split tuning --limit 60   # LLM figures on part of a half

Nothing here is tuned on: it measures. Thresholds and rules are chosen on the tuning half only.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path

from assistant.config import PROJECT_ROOT, Settings, offline_environment
from assistant.evaluation import percentile
from assistant.serve.service import Assistant
from assistant.vietnamese.folding import collapse_ws, fold

QUESTIONS = PROJECT_ROOT / "eval" / "independent" / "questions.jsonl"


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


def score(questions: list[dict], assistant: Assistant) -> list[dict]:
    rows = []
    for q in questions:
        began = time.perf_counter()
        answer = assistant.ask(q["question"])
        text = collapse_ws(fold(answer.answer))
        cited = {c.source for c in answer.citations}
        rows.append({"id": q["id"], "split": q["split"], "kind": q["kind"], "typed": q["typed"],
                     "answerable": q["answerable"], "declined": answer.declined,
                     "facts": [collapse_ws(fold(f)) in text for f in q["facts"]],
                     "gold_cited": bool(cited & {source_name(g) for g in q["documents"]}),
                     "seconds": round(time.perf_counter() - began, 3),
                     "first_token": answer.stats.get("first_token_seconds"),
                     "at_token_limit": answer.stats.get("tokens", 0) >= assistant.settings.llm_max_tokens})
    return rows


def summary(rows: list[dict]) -> dict:
    answerable = [r for r in rows if r["answerable"]]
    facts = [f for r in answerable for f in r["facts"]]
    return {"n": len(rows),
            "facts": round(sum(facts) / len(facts), 3) if facts else None,
            "gold_cited": round(sum(r["gold_cited"] for r in answerable) / len(answerable), 3) if answerable else None,
            "declines": round(sum(r["declined"] != r["answerable"] for r in rows) / len(rows), 3) if rows else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generator", default="extractive")
    parser.add_argument("--work", type=Path, default=Path("/tmp/independent-eval"))
    parser.add_argument("--report", type=Path)
    parser.add_argument("--split", choices=("heldout", "tuning"), help="ask one half only")
    parser.add_argument("--limit", type=int, help="ask the first N questions of each half (the order of the file)")
    args = parser.parse_args()
    offline_environment()
    questions = [json.loads(line) for line in QUESTIONS.read_text("utf-8").splitlines() if line.strip()]
    asked = [q for split in ("heldout", "tuning") if args.split in (None, split)
             for q in [q for q in questions if q["split"] == split][:args.limit]]
    settings = Settings(data_dir=args.work / "data", llm=args.generator)
    assistant = Assistant(settings)
    print(assistant.ingest(materialise(questions, settings, args.work / "congbot"), progress=False).summary())
    rows = score(asked, assistant)
    assistant.close()
    report: dict = {}
    for split in ("heldout", "tuning"):
        part = [r for r in rows if r["split"] == split]
        if not part:
            continue
        kinds = defaultdict(list)
        for r in part:
            kinds[r["kind"]].append(r)
        report[split] = {"all": summary(part), **{k: summary(v) for k, v in sorted(kinds.items())}}
        print(f"\n{split} ({args.generator})")
        for name, s in report[split].items():
            print(f"  {name:<15} n {s['n']:>3}  facts {s['facts']}  gold cited {s['gold_cited']}  declines {s['declines']}")
        firsts = [r["first_token"] for r in part if r["first_token"] is not None]
        if firsts:
            print(f"  LLM first token p50 {percentile(firsts, 0.5):.2f} s, p95 {percentile(firsts, 0.95):.2f} s over "
                  f"{len(firsts)} answers; {sum(r['at_token_limit'] for r in part)} at the token limit")
    if args.report:
        args.report.write_text(json.dumps({"report": report, "rows": rows}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
