"""How the drafter's scope model (assistant/draft/scope_model.py) was chosen: 5-fold cross-validation on the
tuning half of the independent drafting set only, for its strength and threshold; a request it flags is one the
rules read whole, so the figure to keep near zero is the whole requests flagged.

    python eval/scope_model_cv.py
"""

from __future__ import annotations

import numpy as np
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from assistant.config import Settings
from assistant.draft.scope_model import untrained
from assistant.evaluation.common import load_questions
from assistant.vietnamese.folding import fold

STRENGTHS = (1.0, 4.0, 16.0)
THRESHOLDS = (0.5, 0.7, 0.8, 0.9)


def main() -> None:
    rows = [row for row in load_questions(Settings().draft_scope_examples) if row["split"] == "tuning"]
    texts = [fold(row["instruction"]) for row in rows]
    piece = np.array([row["scope"] != "whole" for row in rows])
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    for strength in STRENGTHS:
        chance = cross_val_predict(untrained(strength), texts, piece, cv=folds, method="predict_proba")[:, 1]
        for threshold in THRESHOLDS:
            flagged = chance >= threshold
            print(f"strength {strength:>4}  threshold {threshold}  pieces found {int((flagged & piece).sum())}/"
                  f"{int(piece.sum())}  whole requests flagged {int((flagged & ~piece).sum())}/{int((~piece).sum())}")


if __name__ == "__main__":
    main()
