"""Hybrid retrieval: dense (Chroma) and lexical (BM25 on folded text) candidates, fused, with unit-alias
expansion and metadata filters that fail closed.

The lexical index reads Vietnamese words only, so an English query leans on the dense side
(`dense_weight_foreign`); a Vietnamese one, typed with marks or without, on the lexical side.
"""

from __future__ import annotations

from typing import Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from ..index.records import Chunk
from ..index.search_index import SearchIndex
from ..vietnamese.restorer import get_restorer
from .filters import allowed_ids, resolve_filters
from .fusion import fuse
from .local import local_sources
from .query import expand_query

Mode = Literal["hybrid", "dense", "lexical"]


def search(index: SearchIndex, text: str, k: int | None = None, filters: dict | None = None,
           mode: Mode = "hybrid") -> list[Chunk]:
    """Top-k chunks for a query, each with its `score`, best first."""
    settings = index.settings
    k = k or settings.top_k
    where = resolve_filters(filters, index)
    if where == {}:
        return []
    query = expand_query(text, get_restorer(settings.restorer_params))
    n = max(settings.candidates, k)
    dense: list[tuple[str, float]] = []
    lexical: list[tuple[str, float]] = []
    if mode in ("hybrid", "dense") and index.count(embedded_only=True):
        dense = index.nearest(query.dense, n, where)
    if mode in ("hybrid", "lexical"):
        lexical = index.lexical_search(query.lexical, n, allowed_ids(where, index) if where else None)
    if mode == "dense":
        ranked = dense
    elif mode == "lexical":
        ranked = lexical
    else:
        weight = settings.dense_weight if query.language == "vi" else settings.dense_weight_foreign
        ranked = fuse(dense, lexical, settings.fusion, weight, settings.rrf_k)
    top = dict(ranked[:k])
    chunks = [chunk.with_score(top[chunk.id]) for chunk in index.chunks(list(top))]
    local = [] if filters else local_sources(index, text)
    if local and not any(chunk.source in local for chunk in chunks):
        own = search(index, text, settings.local_chunks, {"source": local}, mode)
        chunks = chunks[:max(k - len(own), 0)] + own
    return chunks


class HybridRetriever(BaseRetriever):
    """LangChain retriever over the hybrid search."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    index: SearchIndex
    k: int = 4
    filters: dict | None = None
    mode: Mode = "hybrid"

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return search(self.index, query, self.k, self.filters, self.mode)
