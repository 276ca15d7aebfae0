"""Restore Vietnamese diacritics lost by OCR or by typing without them.

A syllable trigram model (interpolated absolute discounting; trained by restore_training.py, `assistant
train-restorer`, from the Pháp điển corpus, the Official Gazette texts and the clean seeds) scores every
accented form that a token may stand for; Viterbi picks the best sequence per run of words. OCR confusions
seen in the seeds (`Hyi` = Hội, `vy` = vụ, `céc` = các, `nim` = năm, `S&` = Sở, …) are extra readings at a
cost, considered only in text that is visibly damaged. Each input token yields exactly one output token in
place, so offsets and quotes map back to the original. Numbers, codes (243/KH-SYT), words in capitals (unless
the whole line is a heading) and words that cannot be Vietnamese syllables are left alone, and text that
already carries its marks comes back unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from .folding import fold
from .language import JOINER, WORD, apply_case, damaged_share, has_marks, is_code, marked_share, tone_of
from .patterns import OCR_LEFTOVER
from .tokens import token_alternatives

MODEL_PATH = Path(__file__).resolve().parent / "data" / "restorer.npz"
BOUNDARY = "<s>"

# A word as OCR may break it: letters only, an apostrophe inside (n’hiếm).
_SLIP_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Letters OCR reads in place of others in the seeds (folded): observed -> what it may stand for.
# `nim` = năm, `Hyi` = Hội, `vy` = vụ, `céc` = các, `huéng` = hướng, `ltc` = lúc, `thue` = thực,
# `nhiing` = những, `dbc` = đốc, `nadm` = năm, `nhur` = như.
_CONFUSIONS = {"i": ("a", "u", ""), "y": ("u", "o", ""), "e": ("a", "o", "c"), "t": ("u",), "d": ("o", "", "a"),
               "b": ("o", "d"), "r": ("",), "c": ("e",), "j": ("i",)}
_MAX_EDITS = 2


@dataclass(frozen=True)
class RestorerParams:
    """The restorer's knobs; their values and meaning are declared once, in the project's Settings."""

    marked_share: float  # below it a text has lost its marks
    discount: float  # absolute discounting of n-gram counts
    ocr_penalty: float  # cost of reading a token through an OCR confusion
    ocr_share: float  # share of visibly damaged words from which OCR confusions are considered
    vietnamese_share: float  # below this share of readable syllables a text is not Vietnamese


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    raw: str
    candidates: np.ndarray  # form ids
    costs: np.ndarray  # channel cost (negative log weight) of each candidate


class Restorer:
    def __init__(self, params: RestorerParams, path: Path = MODEL_PATH) -> None:
        self.params = params
        with np.load(path) as model:
            self.forms: list[str] = str(model["forms"]).split("\n")
            unigram = model["unigram"].astype(np.float64)
            self.pair_keys = model["pair_keys"]
            self.pair_counts = model["pair_counts"].astype(np.float64)
            left_total = model["left_total"].astype(np.float64)
            left_types = model["left_types"].astype(np.float64)
            self.triple_keys = model["triple_keys"]
            self.triple_counts = model["triple_counts"].astype(np.float64)
            pair_total = model["pair_total"].astype(np.float64)
            pair_types = model["pair_types"].astype(np.float64)
        self.size = np.uint64(len(self.forms))
        self.unigram = (unigram + 0.5) / (unigram.sum() + 0.5 * len(self.forms))
        self.discount = self.params.discount
        # Per context (a word, or a pair of words): its total count and the weight left for backing off.
        self.left_total, self.left_backoff = left_total, self._backoff(left_total, left_types)
        self.pair_total, self.pair_backoff = pair_total, self._backoff(pair_total, pair_types)
        self.known = frozenset(self.forms)
        self.ids = {form: i for i, form in enumerate(self.forms)}
        self.by_key: dict[str, list[int]] = {}
        for i, form in enumerate(self.forms[1:], 1):
            self.by_key.setdefault(fold(form), []).append(i)

    def _backoff(self, total: np.ndarray, types: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(total > 0, self.discount * types / total, 1.0)

    # --- scoring: interpolated absolute discounting, trigram -> bigram -> unigram ---------------
    @staticmethod
    def _lookup(table: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        pos = np.minimum(np.searchsorted(table, keys), len(table) - 1)
        return pos, table[pos] == keys

    def _bigram(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """P(right | left) for every pair: a len(left) x len(right) matrix."""
        keys = (left.astype(np.uint64)[:, None] * self.size + right.astype(np.uint64)[None, :])
        pos, found = self._lookup(self.pair_keys, keys)
        counts = np.where(found, self.pair_counts[pos], 0.0)
        total = self.left_total[left][:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            seen = np.where(total > 0, np.maximum(counts - self.discount, 0.0) / total, 0.0)
        return seen + self.left_backoff[left][:, None] * self.unigram[right][None, :]

    def _trigram(self, first: np.ndarray, second: np.ndarray, right: np.ndarray) -> np.ndarray:
        """log P(right | first, second): a len(first) x len(second) x len(right) array."""
        contexts = first.astype(np.uint64)[:, None] * self.size + second.astype(np.uint64)[None, :]
        cpos, cfound = self._lookup(self.pair_keys, contexts)
        keys = contexts[:, :, None] * self.size + right.astype(np.uint64)[None, None, :]
        pos, found = self._lookup(self.triple_keys, keys)
        counts = np.where(found, self.triple_counts[pos], 0.0)
        total = np.where(cfound, self.pair_total[cpos], 0.0)[:, :, None]
        backoff = np.where(cfound, self.pair_backoff[cpos], 1.0)[:, :, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            seen = np.where(total > 0, np.maximum(counts - self.discount, 0.0) / total, 0.0)
        backoff = np.where(total > 0, backoff, 1.0)
        return np.log(seen + backoff * self._bigram(second, right)[None, :, :])

    # --- candidates ----------------------------------------------------------------------------
    def _readings(self, raw: str, ocr: bool) -> list[tuple[str, float]]:
        """Folded readings of a token with their channel cost: as written, then through OCR confusions."""
        penalty = self.params.ocr_penalty
        base = fold(raw)
        readings = [(base, 0.0)] if base.isalpha() else []
        if not ocr:
            return readings
        pieces = token_alternatives(raw)
        if len(pieces) == 1:
            readings += [(r, penalty) for r in pieces[0] if r != base]
        frontier = dict(readings)
        seen = dict(readings)
        for _ in range(_MAX_EDITS):
            edited: dict[str, float] = {}
            for reading, cost in frontier.items():
                for i, char in enumerate(reading):
                    for repl in _CONFUSIONS.get(char, ()):
                        variant = reading[:i] + repl + reading[i + 1:]
                        if variant and variant not in seen:
                            edited[variant] = min(edited.get(variant, np.inf), cost + penalty)
            seen.update(edited)
            frontier = edited
        if not any(reading in self.by_key for reading in seen):
            # No reading is a Vietnamese syllable (`céac`, `moén`, `K¢ét`): OCR added a letter; try each one out.
            for reading, cost in list(seen.items()):
                for i in range(len(reading)):
                    variant = reading[:i] + reading[i + 1:]
                    if variant in self.by_key and variant not in seen:
                        seen[variant] = cost + penalty
        return list(seen.items())

    def _mark_cost(self, written: str | None, form: str) -> float:
        """What a form costs beside the marks OCR kept: nothing when it has them all; less when only the tone
        matches (OCR reads `ế` as `é` far more often than it invents an acute)."""
        if written is None or form == written:
            return 0.0
        half = self.params.ocr_penalty / 2
        return half / 2 if tone_of(form) == tone_of(written) else half

    def _candidates(self, raw: str, ocr: bool) -> tuple[np.ndarray, np.ndarray] | None:
        best: dict[int, float] = {}
        written = raw.lower() if has_marks(raw) else None
        for reading, cost in self._readings(raw, ocr):
            for i in self.by_key.get(reading, ()):
                # Marks OCR did keep are evidence: a form that matches them costs nothing extra.
                c = cost + self._mark_cost(written, self.forms[i])
                best[i] = min(best.get(i, np.inf), c)
        if not best:
            return None
        ids = np.fromiter(best, dtype=np.int64)
        return ids, np.fromiter(best.values(), dtype=np.float64)

    # --- decoding ------------------------------------------------------------------------------
    def _runs(self, text: str) -> Iterator[list[_Token]]:
        ocr = damaged_share(text) >= self.params.ocr_share
        run: list[_Token] = []
        last_end = None
        for line_start, line in _lines(text):
            heading = _is_heading(line)
            for match in WORD.finditer(line):
                raw = match.group()
                start, end = line_start + match.start(), line_start + match.end()
                joined = last_end is not None and JOINER.fullmatch(text[last_end:start]) is not None
                if run and not joined:
                    yield run
                    run = []
                last_end = end
                # In a line of capitals, or in OCR'd text (`SO Y té` is `SỞ Y TẾ` read badly), a word in capitals
                # that is a syllable is restored; a code that is none (UBND, VT, KHTC) is kept as written.
                keep_caps = is_code(raw) and not ((heading or ocr) and raw.isupper() and fold(raw) in self.by_key)
                found = None if keep_caps or raw.isdigit() else self._candidates(raw, ocr)
                if found is None:
                    if run:
                        yield run
                    run = []
                    continue
                run.append(_Token(start, end, raw, *found))
        if run:
            yield run

    def _decode(self, run: list[_Token]) -> list[int]:
        """Viterbi over states (previous form, current form), from a boundary to a boundary."""
        boundary = np.array([0])
        cands = [boundary, *(t.candidates for t in run), boundary]
        costs = [np.zeros(1), *(t.costs for t in run), np.zeros(1)]
        # score[i, j]: best log-probability of a path ending in (cands[t-1][i], cands[t][j]).
        score = np.log(self._bigram(boundary, cands[1])) - costs[1][None, :]
        back: list[np.ndarray] = []
        for t in range(2, len(cands)):
            total = score[:, :, None] + self._trigram(cands[t - 2], cands[t - 1], cands[t])
            best = total.argmax(axis=0)
            back.append(best)
            score = np.take_along_axis(total, best[None], axis=0)[0] - costs[t][None, :]
        # The final state is (last word, boundary); walk back from it.
        path = [0, int(score[:, 0].argmax())]
        for best in reversed(back):
            path.append(int(best[path[-1], path[-2]]))
        path.reverse()
        return [int(tok.candidates[i]) for tok, i in zip(run, path[1:-1])]

    def rare_pairs(self, words: list[str], min_count: int = 1) -> list[tuple[str, str]]:
        """Adjacent words (lower case, with marks) that the training texts wrote together fewer than `min_count`
        times, or a word they never wrote: a restored OCR line's misreadings ("bố cáo", "nhiệm vụ nom") are real
        syllables, but rare or unseen pairs."""
        ids = [self.ids.get(w) for w in words]
        rare = []
        for (a, b), (i, j) in zip(zip(words, words[1:]), zip(ids, ids[1:])):
            pos, found = self._lookup(self.pair_keys, np.array([np.uint64(i or 0) * self.size + np.uint64(j or 0)]))
            if i is None or j is None or not found[0] or self.pair_counts[pos[0]] < min_count:
                rare.append((a, b))
        return rare

    def needs_restoring(self, text: str) -> bool:
        """Vietnamese that lost its marks: few marked words, and most words readable as Vietnamese syllables
        (an English question or a code list is left alone)."""
        if marked_share(text) >= self.params.marked_share:
            return False
        words = [w for w in WORD.findall(text) if w.isalpha() and not is_code(w)]
        readable = sum(any(r in self.by_key for piece in token_alternatives(w) for r in (fold(w), *piece)) for w in words)
        return bool(words) and readable / len(words) >= self.params.vietnamese_share

    def restore_spans(self, text: str, force: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, restored) for each token whose restored form differs from the original.
        `force` skips the check that the text lost its marks (a chunk of a document known to be OCR'd)."""
        if not force and not self.needs_restoring(text):
            return []
        changes = []
        for run in self._runs(text):
            for tok, form_id in zip(run, self._decode(run)):
                restored = apply_case(self.forms[form_id], tok.raw)
                if restored != tok.raw:
                    changes.append((tok.start, tok.end, restored))
        return changes

    def restore(self, text: str, force: bool = False) -> str:
        """The most likely accented text; text that already carries its marks comes back unchanged."""
        text = unicodedata.normalize("NFC", text)
        out, pos = [], 0
        for start, end, restored in self.restore_spans(text, force):
            out += [text[pos:start], restored]
            pos = end
        out.append(text[pos:])
        return "".join(out)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _is_heading(line: str) -> bool:
    """A line written in capitals (KE HOACH, TO CHUC THUC HIEN): its words are restored, not kept as names."""
    words = [w for w in WORD.findall(line) if w.isalpha()]
    return len(words) >= 2 and sum(w.isupper() for w in words) / len(words) >= 0.6


@lru_cache(maxsize=2)
def get_restorer(params: RestorerParams) -> Restorer:
    """One loaded model per process (5 MB, about a second to load)."""
    return Restorer(params)


def ocr_slips(text: str, restorer: Restorer) -> list[str]:
    """What in a (restored) text still reads as OCR damage: leftover symbols (`¢6`, `S&`), letters mixed with
    digits (`cé4c`), and marked words that no training text ever wrote (`céac`, `tuyeén`, `n’hiếm`): the
    restorer keeps a word that carries marks, right or wrong. The clean seeds give one, a typo of the source.
    """
    known = restorer.known
    slips = [m.group() for m in OCR_LEFTOVER.finditer(text)]
    # Not abbreviations in capitals (HĐND, QĐ): they are marked by their Đ alone.
    slips += [w for w in _SLIP_WORD.findall(text)
              if len(w) > 1 and not w.isupper() and has_marks(w) and w.lower() not in known]
    return list(dict.fromkeys(slips))
