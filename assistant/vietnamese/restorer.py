"""Restore Vietnamese diacritics lost by OCR or by typing without them.

A syllable trigram model (interpolated Kneser-Ney; trained by restore_training.py, `assistant train-restorer`,
from the Pháp điển corpus, the Official Gazette texts and the clean seeds) scores every accented form that a
token may stand for; Viterbi picks the best sequence per run of words. OCR confusions seen in the seeds (`Hyi` =
Hội, `vy` = vụ, `céc` = các, `nim` = năm, `S&` = Sở, …) and learned from Tesseract's reading of typeset pages
(`ngudi` = người, `14` = lá) are extra readings at a cost (channel.py), considered only in text that is visibly
damaged. Each input token yields exactly one output token in place, so offsets and quotes map back to the
original. Numbers (unless OCR'd digits read better as a word), codes (243/KH-SYT), words in capitals (unless
the whole line is a heading) and words that cannot be Vietnamese syllables are left alone, and text that
already carries its marks comes back unchanged. `restore_marked` also says which restored words are guesses:
those whose runner-up form is nearly as likely, so that a reader sees them marked, with the OCR original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .channel import mark_cost, readings, symbol_cost
from .folding import fold
from .language import (COMMA, COMMA_JOINER, JOINER, NUMBER, WORD, apply_case, damaged_share, has_marks, is_code,
                       marked_share, strip_tone, tone_of, well_formed)
from .patterns import OCR_LEFTOVER
from .tokens import token_alternatives
from .trigram import MODEL_PATH, TrigramModel


# A word as OCR may break it: letters only, an apostrophe inside (n’hiếm).
_SLIP_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_APOSTROPHES = {"'", "’"}
_NAME_COST = 2.0  # OCR confusions in a name, in confusions


@dataclass(frozen=True)
class RestorerParams:
    """The restorer's knobs; their values and meaning are declared once, in the project's Settings."""

    marked_share: float  # below it a text has lost its marks
    discount: float  # absolute discounting of n-gram counts
    ocr_penalty: float  # cost of reading a token through an OCR confusion
    ocr_share: float  # share of visibly damaged words from which OCR confusions are considered
    vietnamese_share: float  # below this share of readable syllables a text is not Vietnamese
    max_candidates: int  # forms kept per word, the likeliest first
    uncertain_margin: float  # a restored word whose runner-up form is closer than this is marked uncertain


class Uncertain(NamedTuple):
    """A restored word the restorer is unsure of: its place in the restored text (end exclusive) and the word as
    OCR read it. A tuple, so that it is stored as JSON as it is: [start, end, original]."""

    start: int
    end: int
    original: str


@dataclass(frozen=True)
class Restoration:
    text: str
    uncertain: list[Uncertain]


@dataclass(frozen=True)
class RestoredWord:
    """A token as read (start and end in the input) and as restored, with its margin: how much less likely
    (natural log) the best reading is that gives it any other form; infinite when it has none."""

    start: int
    end: int
    raw: str
    restored: str
    margin: float


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    raw: str
    candidates: np.ndarray  # form ids
    costs: np.ndarray  # channel cost (negative log weight) of each candidate
    context: bool = False  # a number or a code: context for its neighbours, never rewritten


class Restorer:
    def __init__(self, params: RestorerParams, path: Path = MODEL_PATH) -> None:
        self.params = params
        self.model = TrigramModel(path, params.discount)
        self.forms = self.model.forms
        self.known = frozenset(self.forms)
        self.ids = {form: i for i, form in enumerate(self.forms)}
        self.comma = self.ids.get(COMMA)  # None in a model trained without commas as context
        self.number = self.ids.get(NUMBER)
        # One spelling per syllable, the training texts' usual one (khỏe, not khoẻ; hóa, not hoá); slips of the
        # training texts (`liê`, `tât`) and codes (`ubnd`) are never offered as readings.
        spelling: dict[tuple[str, str], int] = {}
        for i, form in enumerate(self.forms[1:], 1):
            key = (strip_tone(form), tone_of(form))
            if well_formed(form) and (key not in spelling or self.model.unigram[i] > self.model.unigram[spelling[key]]):
                spelling[key] = i
        self.by_key: dict[str, list[int]] = {}
        for i in sorted(spelling.values()):
            self.by_key.setdefault(fold(self.forms[i]), []).append(i)

    # --- candidates ----------------------------------------------------------------------------
    def _candidates(self, raw: str, ocr: bool, whole: bool, name: bool) -> tuple[np.ndarray, np.ndarray] | None:
        best: dict[int, float] = {}
        written = raw.lower() if has_marks(raw) else None
        # The model knows names poorly: a name read through OCR confusions (`Binh Gia` as Đánh Giá) costs more.
        weight = _NAME_COST if name else 1.0
        penalty = self.params.ocr_penalty * weight
        for reading, cost in readings(raw, ocr, penalty, self.by_key, whole, weight):
            for i in self.by_key.get(reading, ()):
                # Marks OCR did keep are evidence: a form that matches them costs nothing extra.
                form = self.forms[i]
                c = cost + mark_cost(written, form, penalty) + symbol_cost(raw, form, penalty)
                best[i] = min(best.get(i, np.inf), c)
        if not best:
            return None
        ids = np.fromiter(best, dtype=np.int64)
        costs = np.fromiter(best.values(), dtype=np.float64)
        # Keep the likeliest forms alone (channel cost against unigram log-probability): decoding grows with the
        # cube of the candidates per word.
        keep = np.argsort(costs - np.log(self.model.unigram[ids]), kind="stable")[:self.params.max_candidates]
        return ids[keep], costs[keep]

    # --- decoding ------------------------------------------------------------------------------
    def _runs(self, text: str) -> Iterator[list[_Token]]:
        ocr = damaged_share(text) >= self.params.ocr_share
        run: list[_Token] = []
        last_end = None
        for line_start, line in _lines(text):
            heading = _is_heading(line)
            matches = list(WORD.finditer(line))
            names = _in_names([m.group() for m in matches])
            for match, name in zip(matches, names):
                raw = match.group()
                start, end = line_start + match.start(), line_start + match.end()
                gap = text[last_end:start] if last_end is not None else ""
                comma = self.comma is not None and COMMA_JOINER.fullmatch(gap) is not None
                joined = last_end is not None and (comma or JOINER.fullmatch(gap) is not None)
                if run and not joined:
                    yield run
                    run = []
                if run and comma:
                    run.append(_Token(start, start, ",", np.array([self.comma]), np.zeros(1), context=True))
                last_end = end
                if _not_a_word(line, match.start(), match.end()):
                    if run:
                        yield run
                    run = []
                    continue
                # In a line of capitals, or in OCR'd text (`SO Y té` is `SỞ Y TẾ` read badly), a word in capitals
                # that is a syllable is restored; a code that is none (UBND, VT, KHTC) is kept as written.
                keep_caps = is_code(raw) and not ((heading or ocr) and raw.isupper() and fold(raw) in self.by_key)
                read = self._candidates(raw, ocr, True, False) if ocr and raw.isdigit() else None
                if read is not None and self.number is not None:
                    # OCR reads some words as digits (`14` = lá, `86` = số): the number, or what it stood for.
                    run.append(_Token(start, end, raw, np.array([self.number, *read[0]]), np.array([0.0, *read[1]])))
                    continue
                fixed = self._context_form(raw, keep_caps)
                if fixed is not None:
                    run.append(_Token(start, end, raw, np.array([fixed]), np.zeros(1), context=True))
                    continue
                whole = not {line[match.start() - 1:match.start()], line[match.end():match.end() + 1]} & _APOSTROPHES
                found = None if keep_caps or raw.isdigit() else self._candidates(raw, ocr, whole, name)
                if found is None:
                    if run:
                        yield run
                    run = []
                    continue
                run.append(_Token(start, end, raw, *found))
        if run:
            yield run

    def _context_form(self, raw: str, code: bool) -> int | None:
        """The form a number or a known code in capitals stands as in the model (see `context_runs`)."""
        if raw.isdigit():
            return self.ids.get(NUMBER)
        return self.ids.get(raw.lower()) if code and raw.isupper() else None

    def rare_pairs(self, words: list[str], min_count: int = 1) -> list[tuple[str, str]]:
        """Adjacent words (lower case, with marks) that the training texts wrote together fewer than `min_count`
        times, or a word they never wrote: a restored OCR line's misreadings ("bố cáo", "nhiệm vụ nom") are real
        syllables, but rare or unseen pairs."""
        ids = [self.ids.get(w) for w in words]
        rare = []
        for (a, b), (i, j) in zip(zip(words, words[1:]), zip(ids, ids[1:])):
            if i is None or j is None or self.model.pair_count(i, j) < min_count:
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

    def words(self, text: str, force: bool = False, margins: bool = True) -> list[RestoredWord]:
        """Every token the restorer read, in order, with its restored form and (if asked) margin; text that keeps
        its marks gives none. `force` skips the check that the text lost its marks (a chunk of a document known
        to be OCR'd)."""
        if not force and not self.needs_restoring(text):
            return []
        out = []
        for run in self._runs(text):
            forms, gaps = self.model.decode([t.candidates for t in run], [t.costs for t in run], margins)
            for tok, form_id, gap in zip(run, forms, gaps or [np.inf] * len(run)):
                if tok.context or form_id == self.number:
                    continue
                out.append(RestoredWord(tok.start, tok.end, tok.raw, apply_case(self.forms[form_id], tok.raw), gap))
        return out

    def _rebuild(self, text: str, force: bool, margins: bool) -> Restoration:
        text = unicodedata.normalize("NFC", text)
        out, pos, length = [], 0, 0
        uncertain = []
        for word in self.words(text, force, margins):
            out.append(text[pos:word.start])
            length += word.start - pos
            if word.margin < self.params.uncertain_margin:
                uncertain.append(Uncertain(length, length + len(word.restored), word.raw))
            out.append(word.restored)
            length += len(word.restored)
            pos = word.end
        out.append(text[pos:])
        return Restoration("".join(out), uncertain)

    def restore(self, text: str, force: bool = False) -> str:
        """The most likely accented text; text that already carries its marks comes back unchanged."""
        return self._rebuild(text, force, margins=False).text

    def restore_marked(self, text: str, force: bool = False) -> Restoration:
        """The restored text and the words in it that the restorer is unsure of (see `Uncertain`)."""
        return self._rebuild(text, force, margins=True)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


_FIGURE_UNITS = {"d", "đ", "tr", "k"}  # a figure's unit typed as a word: "200.000 d", "0.5 tr", "150 k"


def _not_a_word(line: str, start: int, end: int) -> bool:
    """An item's letter or numeral (`b)`, `V.`), a part of a document's symbol (the `Ctr` of `02-Ctr/ĐU`, the
    `TT` of `03/2023/TT-BYT`: joined by - or / to a chunk with digits), or a figure's sign, kept as written."""
    before, after = line[start - 1:start], line[end:end + 1]
    if end - start == 1 and after in (")", "."):
        return True
    word, digit_before, digit_after = line[start:end].lower(), line[:start].rstrip()[-1:], line[end:].lstrip()[:1]
    if (word == "x" and digit_after.isdigit()) or (word in _FIGURE_UNITS and digit_before.isdigit()):  # 60 nguoi x 5
        return True
    left, right = line.rfind(" ", 0, start) + 1, line.find(" ", end)
    chunk = line[left:right if right >= 0 else len(line)]
    return bool({before, after} & {"-", "/"}) and any(c.isdigit() for c in chunk)


def _in_names(words: list[str]) -> list[bool]:
    """Per word of a line: a capitalised word after the first beside another one (Trần Thanh Nhàn, Bình Gia)."""
    title = [w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in words]
    return [k > 0 and title[k] and (title[k - 1] or k + 1 < len(words) and title[k + 1]) for k in range(len(words))]


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
