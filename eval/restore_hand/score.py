"""The restorer on real OCR, scored against a hand-corrected reference written from the OCR'd seeds by a
reader who never saw the restorer's output (`reference.tsv`: seed, line number, half, corrected line).

    python eval/restore_hand/score.py [--model FILE] [--show 20]

Each OCR'd seed is restored whole, as the ingest restores it, and its lines are compared with the reference
word by word (aligned, so a word OCR split or merged costs only itself). Syllable accuracy is the share of the
reference's Vietnamese syllables that the restored line has exactly (case aside). The OCR lines are read from
`../shared/seeds/`, never copied here. Rows were split once, in blocks of ten lines, into a tuning and a
held-out half (seed 20261129); report the held-out half first.
"""

from __future__ import annotations

import argparse
import difflib
import re
from collections import defaultdict
from pathlib import Path

from assistant.config import PROJECT_ROOT, get_settings
from assistant.vietnamese.language import is_code
from assistant.vietnamese.restorer import Restorer, get_restorer

REFERENCE = Path(__file__).resolve().parent / "reference.tsv"
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
WORD = re.compile(r"[^\W\d_]+")


def rows() -> list[dict]:
    lines = REFERENCE.read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]


def matched(gold: str, output: str) -> tuple[int, int, list[tuple[str, str]]]:
    """(syllables right, syllables scored, (gold, output) pairs that differ) for one line."""
    g = [w.lower() for w in WORD.findall(gold)]
    o = [w.lower() for w in WORD.findall(output)]
    scored = {i for i, w in enumerate(WORD.findall(gold)) if not is_code(w) or w.isupper()}
    right = 0
    wrong = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=g, b=o, autojunk=False).get_opcodes():
        if op == "equal":
            right += sum(i in scored for i in range(i1, i2))
        else:
            wrong += list(zip(g[i1:i2], o[j1:j2] or ["∅"] * (i2 - i1)))
    return right, len(scored), wrong


def score(restorer: Restorer) -> dict[str, dict]:
    texts = {path.name[:3]: path.read_text("utf-8").split("\n") for path in SEEDS.glob("*.txt")}
    restored = {seed: restorer.restore("\n".join(lines), force=True).split("\n") for seed, lines in texts.items()
                if seed in {r["seed"] for r in rows()}}
    totals: dict[str, dict] = defaultdict(lambda: {"before": 0, "after": 0, "n": 0, "wrong": []})
    for row in rows():
        n = int(row["line"]) - 1
        before, total, _ = matched(row["corrected"], texts[row["seed"]][n])
        after, _, wrong = matched(row["corrected"], restored[row["seed"]][n])
        for key in (row["split"], f"{row['split']} {row['seed']}"):
            totals[key]["before"] += before
            totals[key]["after"] += after
            totals[key]["n"] += total
        totals[row["split"]]["wrong"] += wrong
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, help="another restorer model (.npz)")
    parser.add_argument("--show", type=int, default=0, help="print this many wrong words of the TUNING half")
    args = parser.parse_args()
    settings = get_settings()
    restorer = Restorer(settings.restorer_params, args.model) if args.model else get_restorer(settings.restorer_params)
    totals = score(restorer)
    for key in sorted(totals, key=lambda k: (not k.startswith("heldout"), k)):
        t = totals[key]
        print(f"{key:<12} {t['n']:>5} syllables: OCR {t['before'] / t['n']:.4f} -> restored {t['after'] / t['n']:.4f}")
    if args.show:
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for pair in totals["tuning"]["wrong"]:
            counts[pair] += 1
        for (gold, out), n in sorted(counts.items(), key=lambda kv: -kv[1])[:args.show]:
            print(f"  {n:>3}  {gold} -> {out}")


if __name__ == "__main__":
    main()
