"""Whether the retrieved chunks speak of what is asked; if not, the assistant declines.

A Vietnamese question is judged by the IDF-weighted share of its content words and word pairs found in the
best chunk (a word or pair no chunk holds weighs most). Across languages words cannot be compared, so an
English question is judged by its dense similarity to the nearest chunk instead.
"""

from __future__ import annotations

from ..config import Settings
from ..index.records import Chunk
from ..index.search_index import SearchIndex
from ..vietnamese.tokens import lexical_terms, stopwords, token_alternatives


def coverage(index: SearchIndex, question: str, chunks: list[Chunk]) -> float:
    words = token_alternatives(question)
    pairs = [tuple(f"{a}_{b}" for a in left for b in right) for left, right in zip(words, words[1:])]
    # A word with several readings (OCR, or an abbreviation typed in lower case) is found if one reading is.
    terms = {readings for readings in words + pairs
             if any(not set(t.split("_")) & stopwords() for t in readings)}
    if not terms or not chunks:
        return 0.0
    weights = {readings: min(index.idf(t) for t in readings) for readings in terms}
    total = sum(weights.values())
    best = 0.0
    for chunk in chunks:
        have = set(lexical_terms("\n".join((chunk.title, chunk.section, chunk.page_content, chunk.readable)),
                                 bigrams=True))
        best = max(best, sum(w for readings, w in weights.items() if have.intersection(readings)) / total)
    return best


def holds_answer(index: SearchIndex, settings: Settings, question: str, chunks: list[Chunk], language: str) -> bool:
    if not chunks:
        return False
    if language == "vi":
        return coverage(index, question, chunks) >= settings.decline_coverage
    hits = index.nearest(question, k=1)
    return bool(hits) and hits[0][1] >= settings.decline_similarity
