"""The restorer's syllable trigram model, as `assistant train-restorer` writes it (restore_training.py): counts of
syllables, pairs and triples, scored by interpolated Kneser-Ney (trigram -> bigram -> unigram, the lower orders by
continuation counts), and the Viterbi search for the likeliest forms of a run of words, with how sure it is of
each."""

from __future__ import annotations

from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "data" / "restorer.npz"
BOUNDARY = "<s>"


class TrigramModel:
    def __init__(self, path: Path, discount: float) -> None:
        with np.load(path) as model:
            self.forms: list[str] = str(model["forms"]).split("\n")
            unigram = model["unigram"].astype(np.float64)
            continuation = model["unigram_cont"].astype(np.float64)
            self.pair_keys = model["pair_keys"]
            self.pair_counts = model["pair_counts"].astype(np.float64)
            self.pair_cont = model["pair_cont"].astype(np.float64)
            left_total = model["cont_total"].astype(np.float64)
            left_types = model["cont_types"].astype(np.float64)
            self.triple_keys = model["triple_keys"]
            self.triple_counts = model["triple_counts"].astype(np.float64)
            pair_total = model["pair_total"].astype(np.float64)
            pair_types = model["pair_types"].astype(np.float64)
        self.size = np.uint64(len(self.forms))
        # How common each form is (for choosing spellings and candidates) and, for the model's lowest order, in how
        # many contexts it occurs.
        self.unigram = (unigram + 0.5) / (unigram.sum() + 0.5 * len(self.forms))
        self.continuation = (continuation + 0.5) / (continuation.sum() + 0.5 * len(self.forms))
        self.discount = discount
        # Per context (a word, or a pair of words): its total (continuation) count and the weight left for backing off.
        self.left_total, self.left_backoff = left_total, self._backoff(left_total, left_types)
        self.pair_total, self.pair_backoff = pair_total, self._backoff(pair_total, pair_types)

    def _backoff(self, total: np.ndarray, types: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(total > 0, self.discount * types / total, 1.0)

    # --- scoring: interpolated Kneser-Ney, trigram -> bigram -> unigram ---------------------------
    @staticmethod
    def _lookup(table: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        pos = np.minimum(np.searchsorted(table, keys), len(table) - 1)
        return pos, table[pos] == keys

    def bigram(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """P(right | left) for every pair, by continuation counts (raw counts after the boundary): a len(left) x
        len(right) matrix."""
        keys = (left.astype(np.uint64)[:, None] * self.size + right.astype(np.uint64)[None, :])
        pos, found = self._lookup(self.pair_keys, keys)
        counts = np.where(found, self.pair_cont[pos], 0.0)
        total = self.left_total[left][:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            seen = np.where(total > 0, np.maximum(counts - self.discount, 0.0) / total, 0.0)
        return seen + self.left_backoff[left][:, None] * self.continuation[right][None, :]

    def trigram(self, first: np.ndarray, second: np.ndarray, right: np.ndarray) -> np.ndarray:
        """log P(right | first, second): a len(first) x len(second) x len(right) array."""
        lower = self.bigram(second, right)
        out = np.repeat(np.log(lower)[None, :, :], len(first), axis=0)
        contexts = first.astype(np.uint64)[:, None] * self.size + second.astype(np.uint64)[None, :]
        cpos, cfound = self._lookup(self.pair_keys, contexts)
        # Only the pairs of candidates the training texts wrote are contexts with triples; the rest back off whole.
        i, j = np.nonzero(cfound)
        if len(i) == 0:
            return out
        keys = contexts[i, j][:, None] * self.size + right.astype(np.uint64)[None, :]
        pos, found = self._lookup(self.triple_keys, keys)
        counts = np.where(found, self.triple_counts[pos], 0.0)
        total = self.pair_total[cpos[i, j]][:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            seen = np.where(total > 0, np.maximum(counts - self.discount, 0.0) / total, 0.0)
        backoff = np.where(total > 0, self.pair_backoff[cpos[i, j]][:, None], 1.0)
        out[i, j] = np.log(seen + backoff * lower[j])
        return out

    def pair_count(self, left: int, right: int) -> float:
        """How often the training texts wrote form `left` just before form `right`."""
        pos, found = self._lookup(self.pair_keys, np.array([np.uint64(left) * self.size + np.uint64(right)]))
        return float(self.pair_counts[pos[0]]) if found[0] else 0.0

    # --- decoding --------------------------------------------------------------------------------
    def _forward(self, cands: list[np.ndarray], costs: list[np.ndarray],
                 keep: bool) -> tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]]:
        """Viterbi forward: per step t, score[i, j] is the best log-probability of a path ending in the state
        (cands[t-1][i], cands[t][j]), the back pointers that reach it and, if `keep`, the trigram scores of each
        step for the backward pass."""
        boundary = cands[0]
        scores = [np.log(self.bigram(boundary, cands[1])) - costs[1][None, :]]
        back: list[np.ndarray] = []
        trigrams: list[np.ndarray] = []
        for t in range(2, len(cands)):
            step = self.trigram(cands[t - 2], cands[t - 1], cands[t])
            if keep:
                trigrams.append(step)
            total = scores[-1][:, :, None] + step
            best = total.argmax(axis=0)
            back.append(best)
            scores.append(np.take_along_axis(total, best[None], axis=0)[0] - costs[t][None, :])
        return scores, back, trigrams

    @staticmethod
    def _backward(trigrams: list[np.ndarray], costs: list[np.ndarray]) -> list[np.ndarray]:
        """Per state (cands[t-1], cands[t]), the best log-probability of the rest of the run after it, from the
        forward pass's trigram scores (trigrams[t] scores cands[t+2] after cands[t], cands[t+1])."""
        rest = [np.zeros((trigrams[-1].shape[1], 1))]
        for t in range(len(trigrams) - 1, -1, -1):
            total = trigrams[t] - costs[t + 2][None, None, :]
            rest.append((total + rest[-1][None, :, :]).max(axis=2))
        rest.reverse()
        return rest

    def decode(self, candidates: list[np.ndarray], costs: list[np.ndarray],
               margins: bool = False) -> tuple[list[int], list[float]]:
        """Viterbi over states (previous form, current form), from a boundary to a boundary, for a run of words
        given their candidate forms and each candidate's cost: the best form of each word and, when asked, its
        margin: how much less likely (natural log) the best sequence is that gives the word any other form
        (infinite when it has no other). The margins are max-marginals: forward scores plus backward ones."""
        boundary = np.array([0])
        cands = [boundary, *candidates, boundary]
        padded = [np.zeros(1), *costs, np.zeros(1)]
        scores, back, trigrams = self._forward(cands, padded, margins)
        # The final state is (last word, boundary); walk back from it.
        path = [0, int(scores[-1][:, 0].argmax())]
        for best in reversed(back):
            path.append(int(best[path[-1], path[-2]]))
        path.reverse()
        forms = [int(c[i]) for c, i in zip(candidates, path[1:-1])]
        if not margins:
            return forms, []
        rest = self._backward(trigrams, padded)
        gaps = []
        for t in range(len(candidates)):
            # The best whole-run score with token t given each of its forms, then the gap to the runner-up.
            through = (scores[t] + rest[t]).max(axis=0)
            top = np.sort(through)[::-1]
            gaps.append(float(top[0] - top[1]) if len(top) > 1 else float("inf"))
        return forms, gaps
