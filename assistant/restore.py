"""Restore Vietnamese diacritics lost by OCR or by typing without them.

A syllable bigram model (trained by `assistant.restore_training`) scores every accented form that a
token may stand for; Viterbi picks the best sequence per run of words. Each input token yields exactly
one output token in place, so offsets and quotes map back to the original. Tokens that cannot be a
Vietnamese syllable (numbers, codes, foreign words) and names in capitals are left as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from langchain_core.documents import Document

from .config import Settings, get_settings
from .text import OCR_LEFTOVER, fold, token_alternatives

MODEL_PATH = Path(__file__).resolve().parent / "data" / "restorer.npz"
BOUNDARY = "<s>"

# A word: letters, digits and the symbols OCR put in place of hooked vowels (S& = Sở).
_WORD = re.compile(r"(?:[^\W_]|[&¢§€])+")
# A word as OCR may break it: letters only, an apostrophe inside (n’hiếm).
_SLIP_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Spaces and a single line break (OCR keeps the page's hard line breaks) join two words into one
# context run; punctuation and blank lines end it.
_JOINER = re.compile(r"[ \t]*\n?[ \t]*")
# Letters OCR reads in place of others in the seeds (folded): observed -> what it may stand for.
# `nim` = năm, `Hyi` = Hội, `vy` = vụ, `céc` = các, `huéng` = hướng, `ltc` = lúc, `thue` = thực,
# `nhiing` = những, `dbc` = đốc, `nadm` = năm, `nhur` = như.
_CONFUSIONS = {"i": ("a", "u", ""), "y": ("u", "o", ""), "e": ("a", "o", "c"), "t": ("u",), "d": ("o", ""),
               "b": ("o", "d"), "r": ("",), "c": ("e",), "j": ("i",)}
_MAX_EDITS = 2


# The shape of a Vietnamese syllable, folded: onset, vowels, coda. Foreign words (who, online) fail it.
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?")


def is_syllable(word: str) -> bool:
    return _SYLLABLE.fullmatch(fold(word)) is not None


def _has_marks(word: str) -> bool:
    return fold(word) != word.lower()


def marked_share(text: str) -> float:
    """Share of alphabetic words carrying a Vietnamese mark: about 0.85 in clean text, 0.2 in the OCR'd seeds."""
    words = [w for w in _WORD.findall(text) if w.isalpha()]
    return sum(map(_has_marks, words)) / len(words) if words else 1.0


def _damaged(word: str) -> bool:
    return token_alternatives(word) != [(fold(word),)]


def damaged_share(text: str) -> float:
    """Share of words that only make sense through an OCR repair (S&, ngudi, 1y, phwong)."""
    words = [w for w in _WORD.findall(text) if not w.isdigit()]
    return sum(map(_damaged, words)) / len(words) if words else 0.0


def segments(text: str) -> Iterator[list[str]]:
    """Runs of alphabetic words separated only by spaces: the units the language model sees."""
    run: list[str] = []
    last_end = None
    for match in _WORD.finditer(text):
        word = match.group()
        joined = last_end is not None and _JOINER.fullmatch(text[last_end:match.start()]) is not None
        if run and not joined:
            yield run
            run = []
        if word.isalpha() and not is_code(word) and is_syllable(word):
            run.append(word)
        elif run:
            yield run
            run = []
        last_end = match.end()
    if run:
        yield run


def is_code(word: str) -> bool:
    """Capitals after the first letter: an abbreviation or a name in capitals (HĐND, QĐ-TTg, UBND)."""
    return any(c.isupper() for c in word[1:])


def language_of(text: str) -> str:
    """`en` when most words are not Vietnamese syllables (names such as Đồng Nai are); else `vi`."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if not is_code(w)]
    foreign = sum(not is_syllable(w) for w in words)
    return "en" if words and foreign / len(words) >= 0.3 else "vi"


def apply_case(form: str, like: str) -> str:
    """`form` in the case of `like`: all capitals, a capital first letter, or as it is."""
    letters = [c for c in like if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return form.upper()
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    raw: str
    candidates: np.ndarray  # form ids
    costs: np.ndarray  # channel cost (negative log weight) of each candidate


class Restorer:
    def __init__(self, path: Path = MODEL_PATH, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
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
        self.discount = self.settings.restore_discount
        # Per context (a word, or a pair of words): its total count and the weight left for backing off.
        self.left_total, self.left_backoff = left_total, self._backoff(left_total, left_types)
        self.pair_total, self.pair_backoff = pair_total, self._backoff(pair_total, pair_types)
        self.known = frozenset(self.forms)
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
        penalty = self.settings.restore_ocr_penalty
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
        return list(seen.items())

    def _candidates(self, raw: str, ocr: bool) -> tuple[np.ndarray, np.ndarray] | None:
        best: dict[int, float] = {}
        written = raw.lower() if _has_marks(raw) else None
        for reading, cost in self._readings(raw, ocr):
            for i in self.by_key.get(reading, ()):
                # Marks OCR did keep are evidence: a form that matches them costs nothing extra.
                c = cost + (0.0 if written is None or self.forms[i] == written else self.settings.restore_ocr_penalty / 2)
                best[i] = min(best.get(i, np.inf), c)
        if not best:
            return None
        ids = np.fromiter(best, dtype=np.int64)
        return ids, np.fromiter(best.values(), dtype=np.float64)

    # --- decoding ------------------------------------------------------------------------------
    def _runs(self, text: str) -> Iterator[list[_Token]]:
        ocr = damaged_share(text) >= self.settings.restore_ocr_share
        run: list[_Token] = []
        last_end = None
        for line_start, line in _lines(text):
            heading = _is_heading(line)
            for match in _WORD.finditer(line):
                raw = match.group()
                start, end = line_start + match.start(), line_start + match.end()
                joined = last_end is not None and _JOINER.fullmatch(text[last_end:start]) is not None
                if run and not joined:
                    yield run
                    run = []
                last_end = end
                keep_caps = is_code(raw) and not (heading and raw.isupper())
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

    def needs_restoring(self, text: str) -> bool:
        """Vietnamese that lost its marks: few marked words, and most words readable as Vietnamese syllables
        (an English question or a code list is left alone)."""
        if marked_share(text) >= self.settings.restore_marked_share:
            return False
        words = [w for w in _WORD.findall(text) if w.isalpha() and not is_code(w)]
        readable = sum(any(r in self.by_key for piece in token_alternatives(w) for r in (fold(w), *piece)) for w in words)
        return bool(words) and readable / len(words) >= self.settings.restore_vietnamese_share

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
    words = [w for w in _WORD.findall(line) if w.isalpha()]
    return len(words) >= 2 and sum(w.isupper() for w in words) / len(words) >= 0.6


@lru_cache(maxsize=1)
def get_restorer() -> Restorer:
    return Restorer()


def ocr_slips(text: str) -> list[str]:
    """What in a (restored) text still reads as OCR damage: leftover symbols (`¢6`, `S&`), letters mixed with
    digits (`cé4c`), and marked words that no training text ever wrote (`céac`, `tuyeén`, `n’hiếm`): the
    restorer keeps a word that carries marks, right or wrong. The clean seeds give one, a typo of the source.
    """
    known = get_restorer().known
    slips = [m.group() for m in OCR_LEFTOVER.finditer(text)]
    # Not abbreviations in capitals (HĐND, QĐ): they are marked by their Đ alone.
    slips += [w for w in _SLIP_WORD.findall(text)
              if len(w) > 1 and not w.isupper() and _has_marks(w) and w.lower() not in known]
    return list(dict.fromkeys(slips))


def restore_chunks(chunks: list[Document]) -> list[Document]:
    """Chunks of a document that lost its marks: the restored text goes to metadata `restored` (for
    embedding, display and the LLM); title and section path are shown restored. page_content stays as
    the file has it, for lexical search and exact quotes."""
    restorer = get_restorer()
    for chunk in chunks:
        meta = chunk.metadata
        meta["restored"] = restorer.restore(chunk.page_content, force=True)
        for field in ("title", "section"):
            if meta.get(field):
                meta[f"{field}_original"] = meta[field]
                # Path elements one by one: a heading in capitals is recognised on its own.
                meta[field] = " > ".join(restorer.restore(part, force=True) for part in meta[field].split(" > "))
    return chunks
