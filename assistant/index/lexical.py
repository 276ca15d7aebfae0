"""The lexical index: BM25 (bm25s) over folded, OCR-repaired tokens of each chunk's title, section path and
text, plus bigrams over every reading. Derived from the catalogue at the end of parsing, so a large corpus is
searchable by words at once while dense embedding goes on."""

from __future__ import annotations

import json
import math
import shutil
import time
from pathlib import Path

import bm25s
import numpy as np

from ..vietnamese.tokens import lexical_terms
from .records import Chunk

# The file naming the generation folder that holds the saved index.
CURRENT = "current"
_KEPT_GENERATIONS = 2


class LexicalIndex:
    """BM25 over folded, OCR-repaired tokens of each chunk's title, section path and text."""

    def __init__(self, retriever: bm25s.BM25, ids: list[str], bigrams: bool) -> None:
        self.retriever = retriever
        self.ids = ids
        self.position = {i: n for n, i in enumerate(ids)}
        self.bigrams = bigrams

    @classmethod
    def build(cls, chunks: list[Chunk], bigrams: bool) -> LexicalIndex:
        retriever = bm25s.BM25()
        corpus = [lexical_terms(c.lexical_text(), bigrams) for c in chunks]
        if chunks:
            retriever.index(corpus, show_progress=False)
        return cls(retriever, [c.id for c in chunks], bigrams)

    def save(self, directory: Path) -> None:
        """Into a new generation folder, then point `current` at it (an atomic rename): a reader in another
        thread or process never sees half-written files. The previous generation stays for readers still on it."""
        directory.mkdir(parents=True, exist_ok=True)
        generation = directory / f"g{time.time_ns()}"
        generation.mkdir()
        if self.ids:
            self.retriever.save(str(generation), show_progress=False)
        (generation / "ids.json").write_text(json.dumps({"ids": self.ids, "bigrams": self.bigrams}))
        pointer = directory / f".{CURRENT}.{generation.name}"
        pointer.write_text(generation.name)
        pointer.replace(directory / CURRENT)
        for old in sorted(directory.glob("g*"))[:-_KEPT_GENERATIONS]:
            shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex | None:
        pointer = directory / CURRENT
        if not pointer.exists():
            return None
        folder = directory / pointer.read_text().strip()
        meta = json.loads((folder / "ids.json").read_text())
        retriever = bm25s.BM25.load(str(folder)) if meta["ids"] else bm25s.BM25()
        return cls(retriever, meta["ids"], meta["bigrams"])

    def _df(self, token: str) -> int:
        """How many chunks hold a folded token."""
        column = self.retriever.vocab_dict.get(token) if self.ids else None
        indptr = self.retriever.scores["indptr"] if self.ids else None
        return int(indptr[column + 1] - indptr[column]) if column is not None and column + 1 < len(indptr) else 0

    def known(self, token: str) -> bool:
        """Whether some chunk holds the folded token."""
        return self._df(token) > 0

    def idf(self, token: str) -> float:
        """Inverse document frequency of a folded token; a token no chunk holds weighs most."""
        return math.log((len(self.ids) + 1) / (self._df(token) + 0.5))

    def search(self, query: str, k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        vocab = self.retriever.vocab_dict
        tokens = [t for t in lexical_terms(query, self.bigrams) if t in vocab]
        if not tokens:
            return []
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self.ids), dtype=np.float32)
            for chunk_id in allowed:
                if chunk_id in self.position:
                    mask[self.position[chunk_id]] = 1.0
            if not mask.any():
                return []
        scores = self.retriever.get_scores(tokens)
        if mask is not None:
            scores = scores * mask
        k = min(k, len(self.ids))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]
