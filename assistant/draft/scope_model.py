"""Whether a request asks for less than a whole document, learned from requests labelled by people: a TF-IDF and
logistic-regression reading of the whole request (its words and their pieces), trained on the tuning half of the
independent drafting set and on requests written to teach it (data/scope_requests.jsonl). The scope rules (scope.py) read what the request says at fixed places; this reads how
it says it overall, and is asked only where the rules found no piece: a request it reads as asking for a piece
then takes the first piece it names, wherever it names it."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from ..vietnamese.folding import fold


def untrained(strength: float) -> Pipeline:
    """Words and word pairs, and pieces of words (typos, missing marks), weighed by a logistic regression."""
    return make_pipeline(
        make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
                   TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)),
        LogisticRegression(C=strength, max_iter=2000, class_weight="balanced"))


def labelled(examples: Path, requests: Path) -> list[dict]:
    """The examples' tuning half (held-out items never) and every request written to teach the model."""
    rows = [row for path in (examples, requests) if path.is_file()
            for row in (json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())]
    return [row for row in rows if row.get("split", "tuning") == "tuning" and row.get("scope")]


@lru_cache(maxsize=2)
def scope_model(examples: Path, requests: Path, strength: float) -> Pipeline | None:
    """None without labelled requests."""
    rows = labelled(examples, requests)
    if not rows:
        return None
    return untrained(strength).fit([fold(row["instruction"]) for row in rows], [row["scope"] != "whole" for row in rows])


def asks_for_a_piece(model: Pipeline | None, instruction: str, threshold: float) -> bool:
    return model is not None and model.predict_proba([fold(instruction)])[0, 1] >= threshold
