"""Split an evaluation set once, by a fixed seed, into a tuning half and a held-out half, stratified by kind (or
document type): `python eval/split.py eval/independent/questions.jsonl eval/independent/drafts.jsonl`.

Each record gets `"split": "tuning"` or `"split": "heldout"`, written back in place. A record that already has a
split keeps it, so running this again never moves an item: thresholds, weights, rules and prompts are chosen
on the tuning half only, and figures are reported on the held-out half first.
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20261129


def _stratum(record: dict) -> str:
    return record.get("kind") or record["doc_type"]


def split(path: Path) -> dict[str, int]:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    groups: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        if "split" not in record:
            groups[_stratum(record)].append(record)
    rng = random.Random(SEED)
    turn = 0  # carried across strata, so that their odd members alternate between the halves
    for stratum in sorted(groups):
        members = sorted(groups[stratum], key=lambda r: r["id"])
        rng.shuffle(members)
        for record in members:
            record["split"] = "heldout" if turn % 2 == 0 else "tuning"
            turn += 1
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    counts: dict[str, int] = defaultdict(int)
    for record in records:
        counts[record["split"]] += 1
    return dict(counts)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(name, split(Path(name)))
