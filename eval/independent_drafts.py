"""The drafter on the independent drafting set (`eval/independent/drafts.jsonl`), scored as `assistant eval
--drafts` scores it (assistant/evaluation/drafts.py: draft score, right type and scope, OCR residue, budget
arithmetic, time), per half, held-out first; extractive by default (no LLM).

    python eval/independent_drafts.py [--generator extractive] [--data DIR] [--split tuning] [--ids 95-134] [--report OUT.json]
                                      [--show ID,...]

It only measures. Rules and wording are chosen on the tuning half; held-out items are measured and summed up,
never listed, shown or written to the report.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.config import PROJECT_ROOT, Settings, offline_environment
from assistant.evaluation.common import load_questions
from assistant.evaluation.drafts import draft_rows, summary
from assistant.serve.service import Assistant
from assistant.vietnamese.restorer import get_restorer

ITEMS = PROJECT_ROOT / "eval" / "independent" / "drafts.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generator", default="extractive")
    parser.add_argument("--data", type=Path, help="an ingested data folder (default: the settings' one)")
    parser.add_argument("--report", type=Path, help="the summaries and the tuning rows as JSON")
    parser.add_argument("--show", default="", help="print these tuning items' drafts (held-out ones are refused)")
    parser.add_argument("--split", choices=("heldout", "tuning"), help="draft one half only (default: both)")
    parser.add_argument("--ids", default="", help="only items numbered in this range, e.g. 95-134 (one batch)")
    args = parser.parse_args()
    offline_environment()
    low, _, high = args.ids.partition("-")
    items = [item for item in load_questions(ITEMS) if item["split"] == (args.split or item["split"])
             and (not args.ids or int(low) <= int(item["id"][2:]) <= int(high or low))]
    settings = Settings(llm=args.generator, **({"data_dir": args.data} if args.data else {}))
    assistant = Assistant(settings)
    rows, drafts = draft_rows(assistant.drafter, items, get_restorer(settings.restorer_params))
    assistant.close()
    report = {half: summary(subset) for half in ("heldout", "tuning") if (subset := [r for r in rows if r["split"] == half])}
    for half, s in report.items():
        print(f"{half:<8} n {s['n']}  score {s['score']:.3f}  right type+scope {s['right_type_scope']:.3f}  "
              f"with OCR residue {s['with_residue']:.3f}  budget exact {s['budget_exact']}  "
              f"p50 {s['p50_seconds']:.2f} s  p95 {s['p95_seconds']:.2f} s  ({args.generator})")
    tuning = [r for r in rows if r["split"] == "tuning"]
    if tuning:
        print("\ntuning items (held-out items are measured, not shown):")
    for r in tuning:
        print(f"  {r['id']} {r['doc_type']}/{r['scope']} read {'/'.join(r['read'])} score {r['score']:.3f}"
              + (f"; missing {r['missing']}" if r["missing"] else "") + (f"; LEAKED {r['leaked']}" if r["leaked"] else "")
              + (f"; residue {r['residue'][:8]}" if r["residue"] else ""))
    for wanted in filter(None, args.show.split(",")):
        if any(r["id"] == wanted for r in tuning):
            print(f"\n===== {wanted}\n{drafts[wanted]}")
    if args.report:
        args.report.write_text(json.dumps({"report": report, "rows": tuning}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
