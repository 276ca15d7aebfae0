"""How the drafter's scope model (assistant/draft/scope_model.py) was chosen: 5-fold cross-validation over the
requests it learns from (the tuning half of the independent drafting set and `assistant/draft/data/
scope_requests.jsonl`, written to teach it), never the held-out half. The model is asked only where the rules read
a request whole, so it is scored there: pieces it catches against whole requests it flags. The rules were written
on the tuning half and never saw the written requests, on which they miss a quarter of the pieces.

    python eval/scope_model_cv.py
"""

from __future__ import annotations

import numpy as np
from sklearn.model_selection import StratifiedKFold

from assistant.config import Settings, offline_environment
from assistant.draft.scope_model import labelled, untrained
from assistant.draft.skeletons import skeletons
from assistant.draft.understanding import understand
from assistant.vietnamese.folding import fold
from assistant.vietnamese.restorer import get_restorer

STRENGTHS = (1.0, 4.0, 16.0)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def main() -> None:
    offline_environment()
    settings = Settings()
    rows = labelled(settings.draft_scope_examples, settings.draft_scope_requests)
    restorer, kinds = get_restorer(settings.restorer_params), skeletons(settings.prompts_dir)
    texts = [fold(row["instruction"]) for row in rows]
    piece = np.array([row["scope"] != "whole" for row in rows])
    written = np.array(["split" not in row for row in rows])
    whole = np.array([understand(row["instruction"], restorer, kinds).scope == "whole" for row in rows])
    print(f"{len(rows)} labelled requests; the rules alone read whole {int((whole & piece & written).sum())} of the "
          f"{int((piece & written).sum())} pieces written to teach the model, {int((whole & piece & ~written).sum())} of the "
          f"{int((piece & ~written).sum())} of the tuning half")
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    for strength in STRENGTHS:
        chance = np.zeros(len(rows))
        for train, test in folds.split(texts, piece * 2 + written):
            model = untrained(strength).fit([texts[i] for i in train], piece[train])
            chance[test] = model.predict_proba([texts[i] for i in test])[:, 1]
        for threshold in THRESHOLDS:
            flagged = whole & (chance >= threshold)
            print(f"strength {strength:>4}  threshold {threshold}  pieces the rules read whole caught "
                  f"{int((flagged & piece).sum())}/{int((whole & piece).sum())}  whole requests flagged "
                  f"{int((flagged & ~piece).sum())}/{int((whole & ~piece).sum())}")


if __name__ == "__main__":
    main()
