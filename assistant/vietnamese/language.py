"""What a word or a text is: a Vietnamese syllable or not, an abbreviation, marked or not, damaged by OCR,
Vietnamese or English; and the case helpers that put a restored form in the case of the word it replaces."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from .folding import fold
from .patterns import OCR_SYMBOLS
from .tokens import token_alternatives

# A word: letters, digits and the symbols OCR put in place of hooked or marked vowels (S& = Sở, ¥ = ý).
WORD = re.compile(rf"(?:[^\W_]|[{OCR_SYMBOLS}])+")
# Spaces and a single line break (OCR keeps the page's hard line breaks) join two words into one
# context run; punctuation and blank lines end it.
JOINER = re.compile(r"[ \t]*'?[ \t]*\n?[ \t]*")
# A comma before a space or a line break also keeps the context (`xã, phường`, `vùng, miền`): the model sees it
# as a word of its own, COMMA. A comma inside a number (12,5) does not.
COMMA_JOINER = re.compile(r"[ \t]*,(?:[ \t]+|[ \t]*\n)[ \t]*")
COMMA = "<,>"
# The shape of a Vietnamese syllable, folded: onset, vowels, coda. Foreign words (who, online) fail it.
# The model's stand-in for any number: `ngày 11`, `năm 2025`, `đạt 97%` are contexts.
NUMBER = "<num>"
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?")


def is_syllable(word: str) -> bool:
    return _SYLLABLE.fullmatch(fold(word)) is not None


# The five tone marks, combining (NFD).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Vowel pairs no syllable has without a mark (tiên, muốn, yêu) or at all (`aaa` in a code written in capitals).
_NO_NUCLEUS = ("ie", "ye", "uo", "aa", "ee", "ii", "uu", "yy")


def well_formed(form: str) -> bool:
    """A syllable Vietnamese can have, marks included: a stop coda (c, ch, p, t) takes only the sắc or nặng tone,
    ă, â, iê, yê, uô, ươ never end a syllable and ie, uo never stand unmarked (`liê`, `tăt`, `truong` are OCR or
    typing slips)."""
    shape = _SYLLABLE.fullmatch(fold(form))
    if shape is None:
        return False
    if shape.group(2) in {"c", "ch", "p", "t"} and tone_of(form) not in {"\u0301", "\u0323"}:
        return False
    vowels = strip_tone(form)
    if any(pair in vowels for pair in _NO_NUCLEUS):
        return False
    return shape.group(2) is not None or not vowels.endswith(("ă", "â", "iê", "yê", "uô", "ươ"))


def has_marks(word: str) -> bool:
    return fold(word) != word.lower()


def is_code(word: str) -> bool:
    """Capitals after the first letter: an abbreviation or a name in capitals (HĐND, QĐ-TTg, UBND)."""
    return any(c.isupper() for c in word[1:])


def strip_tone(word: str) -> str:
    """A word in lower case without its tone mark, keeping ă, â, ê, ô, ơ, ư, đ (khỏe and khoẻ give `khoe`)."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", word.lower())
                                                if c not in _TONES))


def tone_of(word: str) -> str:
    """The tone mark of a syllable (combining), empty for the level tone."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if c in _TONES)


def marked_share(text: str) -> float:
    """Share of alphabetic words carrying a Vietnamese mark: about 0.85 in clean text, 0.2 in the OCR'd seeds."""
    words = [w for w in WORD.findall(text) if w.isalpha()]
    return sum(map(has_marks, words)) / len(words) if words else 1.0


def _damaged(word: str) -> bool:
    return token_alternatives(word) != [(fold(word),)]


def damaged_share(text: str) -> float:
    """Share of words that only make sense through an OCR repair (S&, ngudi, 1y, phwong)."""
    words = [w for w in WORD.findall(text) if not w.isdigit()]
    return sum(map(_damaged, words)) / len(words) if words else 0.0


def _runs(text: str, as_token: Callable[[str], str | None], commas: bool = False) -> Iterator[list[str]]:
    """Runs of words joined only by spaces (JOINER), or with `commas` by a comma too (COMMA, in the run); each
    word as `as_token` gives it; a word it gives None for ends the run."""
    run: list[str] = []
    last_end = None
    for match in WORD.finditer(text):
        word = match.group()
        gap = text[last_end:match.start()] if last_end is not None else ""
        comma = commas and COMMA_JOINER.fullmatch(gap) is not None
        joined = last_end is not None and (comma or JOINER.fullmatch(gap) is not None)
        if run and not joined:
            yield run
            run = []
        if run and comma:
            run.append(COMMA)
        token = as_token(word)
        if token is not None:
            run.append(token)
        elif run:
            yield run
            run = []
        last_end = match.end()
    if run:
        yield run


def segments(text: str) -> Iterator[list[str]]:
    """Runs of alphabetic words separated only by spaces: the units the language model sees."""
    return _runs(text, lambda w: w if w.isalpha() and not is_code(w) and is_syllable(w) else None)


def _context_token(word: str) -> str | None:
    if word.isdigit():
        return NUMBER
    if word.isalpha() and (word.isupper() and len(word) > 1 or not is_code(word) and is_syllable(word)):
        return word.lower()
    return None


def context_runs(text: str) -> Iterator[list[str]]:
    """Runs of words as the restorer's model sees them: syllables as written; a number as `NUMBER`, a word in
    capitals as itself in lower case (UBND, SỞ) and a comma as COMMA, so that `UBND tỉnh`, `năm 2025 và`,
    `đạt 97%` and `xã, phường` keep their context; anything else ends a run."""
    return _runs(text, _context_token, commas=True)


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
