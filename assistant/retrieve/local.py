"""The documents a province issued: a question that names the province is asked of them too."""

from __future__ import annotations

from ..index.search_index import SearchIndex
from ..vietnamese.places import provinces_in


def local_sources(index: SearchIndex, text: str) -> list[str]:
    """The documents whose issuer is a body of a province the text names (`UBND thành phố Hồ Chí Minh`)."""
    named = provinces_in(text)
    if not named:
        return []
    return [card.source for card in index.cards()
            if named & provinces_in(" ".join(line.text for line in card.fields.get("issuer", [])))]
