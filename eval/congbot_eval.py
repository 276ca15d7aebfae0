"""The CongBot peer set end to end: its 52 administrative documents ingested into a folder of their own, its
177 citizens' questions asked through the answer chain, and for the 172 questions with a gold document: the
share whose gold document is cited, the share declined, and how much of the gold answer's wording the answer
holds (content-word recall, and F1 against the answer's own words).

    python eval/congbot_eval.py [--generator extractive] [--work /tmp/congbot-eval] [--split tuning] [--report OUT.json]

The questions are real users'; the gold answers were written by the set's authors. The questions are split
once into a tuning and a held-out half (a hash of the id with seed 20261129): thresholds are chosen on the
tuning half only, and the held-out half is reported first.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import time
from pathlib import Path

from assistant.config import Settings, offline_environment
from assistant.evaluation import percentile
from assistant.serve.service import Assistant
from assistant.vietnamese.tokens import content_tokens
from assistant.evaluation.independent import source_name


SEED = "20261129"


def half(question_id: str) -> str:
    return "heldout" if int(hashlib.sha256(f"{question_id}{SEED}".encode()).hexdigest(), 16) % 2 else "tuning"


def summary(rows: list[dict]) -> dict:
    scored = [r for r in rows if r["has_gold"]]
    answered = [r for r in scored if not r["declined"]]
    return {
        "questions": len(rows), "with_gold_document": len(scored),
        "gold_document_cited": round(sum(r["gold_cited"] for r in scored) / len(scored), 3),
        "declined": round(sum(r["declined"] for r in scored) / len(scored), 3),
        "gold_cited_when_answered": round(sum(r["gold_cited"] for r in answered) / max(len(answered), 1), 3),
        "gold_answer_recall": round(statistics.mean(r["recall"] for r in answered), 3) if answered else None,
        "gold_answer_f1": round(statistics.mean(r["f1"] for r in answered), 3) if answered else None,
        "seconds_p50": percentile([r["seconds"] for r in rows], 0.5),
        "seconds_p95": percentile([r["seconds"] for r in rows], 0.95)}


def materialise(settings: Settings, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    with (settings.extra_corpus_dir / "congbot_documents.jsonl").open(encoding="utf-8") as records:
        for line in records:
            record = json.loads(line)
            path = folder / source_name(f"congbot/{record['id']}")
            path.write_text(record["text"], "utf-8")
            paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generator", default="extractive")
    parser.add_argument("--work", type=Path, default=Path("/tmp/congbot-eval"))
    parser.add_argument("--report", type=Path)
    parser.add_argument("--split", choices=("heldout", "tuning"), help="ask one half only")
    args = parser.parse_args()
    offline_environment()
    settings = Settings(data_dir=args.work / "data", llm=args.generator)
    assistant = Assistant(settings)
    print(assistant.ingest(materialise(settings, args.work / "documents"), progress=False).summary())
    questions = [json.loads(line) for line in
                 (settings.extra_corpus_dir / "congbot_qa.jsonl").read_text("utf-8").splitlines() if line.strip()]
    rows = []
    for q in (q for q in questions if args.split in (None, half(q["id"]))):
        began = time.perf_counter()
        answer = assistant.ask(q["question"])
        gold = {source_name(f"congbot/{d}") for d in q.get("gold_doc_ids") or []}
        said, expected = content_tokens(answer.answer), content_tokens(q["answer"])
        recall = len(said & expected) / len(expected) if expected else 0.0
        precision = len(said & expected) / len(said) if said else 0.0
        rows.append({"id": q["id"], "split": half(q["id"]), "has_gold": bool(gold), "declined": answer.declined,
                     "mode": answer.mode, "gold_cited": bool(gold & {c.source for c in answer.citations}),
                     "recall": round(recall, 3),
                     "f1": round(2 * recall * precision / (recall + precision), 3) if recall + precision else 0.0,
                     "seconds": round(time.perf_counter() - began, 3)})
    assistant.close()
    report = {split: summary([r for r in rows if r["split"] == split]) for split in ("heldout", "tuning")
              if args.split in (None, split)}
    for split, figures in report.items():
        print(f"CongBot, {split} half ({args.generator}):")
        for key, value in figures.items():
            print(f"  {key:<26} {value}")
    if args.report:
        args.report.write_text(json.dumps({"summary": report, "rows": rows}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
