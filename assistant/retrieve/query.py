"""What a query becomes before it is searched: the canonical units it names, added for both searches, and
for the dense search its text restored when it was typed without marks."""

from __future__ import annotations

from dataclasses import dataclass

from ..vietnamese.asked_labels import event_labels
from ..vietnamese.folding import fold
from ..vietnamese.english_words import vietnamese_words
from ..vietnamese.glossary import spelled_out
from ..vietnamese.language import language_of
from ..vietnamese.places import with_province_names
from ..vietnamese.restorer import Restorer
from ..vietnamese.units import find_units


@dataclass(frozen=True)
class Query:
    text: str
    lexical: str
    dense: str
    units: tuple[str, ...]
    language: str


def expand_query(text: str, restorer: Restorer) -> Query:
    """Name the canonical units a query mentions, the full names of its abbreviations and the labels the facts it
    asks for are printed under, for both searches (`KHTC` → Phòng Kế hoạch - Tài chính, `UBND` → Ủy ban nhân dân,
    `tổ chức khi nào` → Thời gian), and for the lexical one a province by the name
    documents write in full (`TP.HCM` → Hồ Chí Minh).
    A query typed without marks is restored for the dense search; the lexical search folds anyway. An English
    query is searched lexically with its glossary terms in Vietnamese too."""
    units = tuple(find_units(text))
    missing = [u for u in units if fold(u) not in fold(text)]
    spelled = [s for s in spelled_out(text) if fold(s) not in fold(text)]
    # "Hội nghị tổ chức khi nào?" is answered by the line under `Thời gian:`, which shares no other word with it.
    spelled += [label for label in event_labels(text) if fold(label) not in fold(text)]
    suffix = f" ({'; '.join(missing + spelled)})" if missing or spelled else ""
    dense = restorer.restore(text) + suffix
    language = language_of(text)
    # An English question's words are not the documents' words: it is searched said in Vietnamese too, its terms
    # and words ("provincial CDC" → "Trung tâm Kiểm soát bệnh tật tỉnh", "who signed" → "ai ký").
    glossed = [vietnamese_words(text)] if language == "en" else []
    return Query(text=text, lexical=" ".join([with_province_names(text), *units, *spelled, *glossed]), dense=dense,
                 units=units, language=language)
