"""The independent question set (`eval/independent/questions.jsonl`) through the answer chain, as
`assistant eval --independent` runs it (assistant/evaluation/independent.py), with a work folder of your choice,
one half, or the first questions of each half.

    python eval/independent_eval.py [--generator extractive] [--work /tmp/independent] [--report OUT.json]
    python eval/independent_eval.py --generator local --split tuning --limit 60   # LLM figures on part of a half
    python eval/independent_eval.py --ids 757-836                                 # one batch
    python eval/independent_eval.py --split tuning --typed english                # the English questions

Nothing here is tuned on: it measures. Thresholds and rules are chosen on the tuning half only.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.config import Settings, offline_environment
from assistant.evaluation.independent import HALVES, evaluate_independent, format_independent_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generator", default="extractive")
    parser.add_argument("--work", type=Path, default=Path("/tmp/independent-eval"))
    parser.add_argument("--report", type=Path)
    parser.add_argument("--split", choices=HALVES, help="ask one half only")
    parser.add_argument("--limit", type=int, help="ask the first N questions of each half (the order of the file)")
    parser.add_argument("--ids", default="", help="only questions numbered in this range, e.g. 757-836 (one batch)")
    parser.add_argument("--typed", choices=("accented", "unaccented", "english"), help="only questions typed this way")
    args = parser.parse_args()
    low, _, high = args.ids.partition("-")
    numbered = range(int(low), int(high or low) + 1) if args.ids else None
    offline_environment()
    found = evaluate_independent(Settings(), args.work, [args.generator], args.split, args.limit, numbered, args.typed)
    print(format_independent_report(found))
    if args.report:
        args.report.write_text(json.dumps({"report": found["independent"][args.generator],
                                           "rows": found["independent_rows"][args.generator]},
                                          ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
