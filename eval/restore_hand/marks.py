"""How well the restorer's uncertainty marks point at its errors, on the hand-corrected OCR reference.

    python eval/restore_hand/marks.py            # both halves, held-out first, at the configured margin
    python eval/restore_hand/marks.py --sweep    # the TUNING half at several margins, to choose one

Each OCR'd seed is restored whole with its marks (`Restorer.restore_marked`, as the ingest does per chunk). A
word of a restored reference line is marked when an uncertain span overlaps it, and wrong when the word-level
alignment with the reference (score.py's) does not match it. Precision: share of marked words that are wrong;
recall: share of wrong words that are marked; marked: share of all words marked.
"""

from __future__ import annotations

import argparse
import copy
import difflib
from collections import defaultdict
from dataclasses import dataclass, replace

from score import SEEDS, WORD, rows

from assistant.config import get_settings
from assistant.vietnamese.restorer import Restorer, get_restorer

SWEEP = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0)


@dataclass
class Tally:
    words: int = 0
    marked: int = 0
    wrong: int = 0
    marked_wrong: int = 0

    def line(self) -> str:
        precision = self.marked_wrong / self.marked if self.marked else 0.0
        recall = self.marked_wrong / self.wrong if self.wrong else 0.0
        return (f"{self.words:>5} words, {self.wrong:>4} wrong: marked {self.marked / self.words:.3f} of words, "
                f"precision {precision:.3f}, recall {recall:.3f}")


def _marked_lines(restorer: Restorer, text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """The restored text line by line, each with its uncertain spans (offsets into the line)."""
    restored = restorer.restore_marked(text, force=True)
    out, line_start = [], 0
    for line in restored.text.split("\n"):
        line_end = line_start + len(line)
        spans = [(u.start - line_start, u.end - line_start) for u in restored.uncertain
                 if line_start <= u.start < line_end]
        out.append((line, spans))
        line_start = line_end + 1
    return out


def tally(restorer: Restorer, splits: set[str]) -> dict[str, Tally]:
    reference = [r for r in rows() if r["split"] in splits]
    texts = {path.name[:3]: path.read_text("utf-8") for path in SEEDS.glob("*.txt")}
    lines = {seed: _marked_lines(restorer, texts[seed]) for seed in {r["seed"] for r in reference}}
    totals: dict[str, Tally] = defaultdict(Tally)
    for row in reference:
        line, spans = lines[row["seed"]][int(row["line"]) - 1]
        words = list(WORD.finditer(line))
        marked = [any(s < w.end() and w.start() < e for s, e in spans) for w in words]
        gold = [w.lower() for w in WORD.findall(row["corrected"])]
        out = [w.group().lower() for w in words]
        wrong = [True] * len(words)
        for op, _, _, j1, j2 in difflib.SequenceMatcher(a=gold, b=out, autojunk=False).get_opcodes():
            if op == "equal":
                wrong[j1:j2] = [False] * (j2 - j1)
        t = totals[row["split"]]
        t.words += len(words)
        t.marked += sum(marked)
        t.wrong += sum(wrong)
        t.marked_wrong += sum(m and w for m, w in zip(marked, wrong))
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sweep", action="store_true", help="the tuning half at several margins")
    args = parser.parse_args()
    restorer = get_restorer(get_settings().restorer_params)
    if not args.sweep:
        totals = tally(restorer, {"heldout", "tuning"})
        print(f"margin {restorer.params.uncertain_margin}")
        for split in ("heldout", "tuning"):
            print(f"{split:<8} {totals[split].line()}")
        return
    for margin in SWEEP:
        trial = copy.copy(restorer)
        trial.params = replace(restorer.params, uncertain_margin=margin)
        print(f"margin {margin:<4} tuning {tally(trial, {'tuning'})['tuning'].line()}")


if __name__ == "__main__":
    main()
