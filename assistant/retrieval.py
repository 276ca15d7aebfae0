"""Hybrid retrieval: dense (Chroma) + lexical (BM25 on folded text), fused, with unit-alias expansion
and metadata filters that fail closed (a filter that matches nothing returns nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from .index import SearchIndex
from .restore import get_restorer, language_of
from .structure import DOC_TYPES
from .text import fold
from .units import find_units

Mode = Literal["hybrid", "dense", "lexical"]
FILTER_KEYS = ("doc_type", "year", "issuer")


class FilterError(ValueError):
    """A filter key or value of the wrong kind (an unknown value is not an error: it matches nothing)."""


@dataclass(frozen=True)
class Query:
    text: str
    lexical: str
    dense: str
    units: tuple[str, ...]
    language: str


def expand_query(text: str) -> Query:
    """Name the canonical units a query mentions, for both searches (`KHTC` → Phòng Kế hoạch - Tài chính).
    A query typed without marks is restored for the dense search; the lexical search folds anyway."""
    units = tuple(find_units(text))
    missing = [u for u in units if fold(u) not in fold(text)]
    suffix = f" ({'; '.join(missing)})" if missing else ""
    dense = get_restorer().restore(text) + suffix
    return Query(text=text, lexical=text + " " + " ".join(units), dense=dense, units=units, language=language_of(text))


def _resolve_doc_types(value) -> list[str]:
    wanted = {fold(str(v)).strip() for v in (value if isinstance(value, list) else [value])}
    return [code for key, (code, name) in DOC_TYPES.items() if {key, code.lower(), fold(name)} & wanted]


def resolve_filters(filters: dict | None, index: SearchIndex) -> dict | None:
    """Turn user filters into a Chroma `where`; None for no filters, {} when nothing can match."""
    if not filters:
        return None
    unknown = set(filters) - set(FILTER_KEYS)
    if unknown:
        raise FilterError(f"unknown filter {sorted(unknown)}; use {', '.join(FILTER_KEYS)}")
    clauses = []
    if filters.get("doc_type") is not None:
        clauses.append({"doc_type": {"$in": _resolve_doc_types(filters["doc_type"])}})
    if filters.get("year") is not None:
        try:
            clauses.append({"year": {"$eq": int(filters["year"])}})
        except (TypeError, ValueError):
            raise FilterError(f"year must be a number, got {filters['year']!r}") from None
    if filters.get("issuer") is not None:
        wanted = fold(str(filters["issuer"])).strip()
        issuers = [i for i in index.catalog.distinct("issuer") if wanted and wanted in fold(i)]
        clauses.append({"issuer": {"$in": issuers}})
    if any(not c[next(iter(c))].get("$in", [None]) for c in clauses):
        return {}
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _allowed_ids(where: dict, index: SearchIndex) -> set[str]:
    conditions = []
    for clause in where.get("$and", [where]):
        for field, condition in clause.items():
            conditions.append((field, condition.get("$in", [condition.get("$eq")])))
    return index.catalog.ids_where(conditions)


def _normalise(scored: list[tuple[str, float]]) -> dict[str, float]:
    if not scored:
        return {}
    values = [s for _, s in scored]
    low, high = min(values), max(values)
    span = high - low
    return {i: (s - low) / span if span > 0 else 1.0 for i, s in scored}


def fuse(dense: list[tuple[str, float]], lexical: list[tuple[str, float]], method: str, dense_weight: float,
         rrf_k: int) -> list[tuple[str, float]]:
    if method == "rrf":
        scores: dict[str, float] = {}
        for weight, ranked in ((dense_weight, dense), (1 - dense_weight, lexical)):
            for rank, (chunk_id, _) in enumerate(ranked):
                scores[chunk_id] = scores.get(chunk_id, 0.0) + 2 * weight / (rrf_k + rank + 1)
    else:
        d, lx = _normalise(dense), _normalise(lexical)
        scores = {i: dense_weight * d.get(i, 0.0) + (1 - dense_weight) * lx.get(i, 0.0) for i in {*d, *lx}}
    return sorted(scores.items(), key=lambda kv: -kv[1])


def search(index: SearchIndex, text: str, k: int | None = None, filters: dict | None = None,
           mode: Mode = "hybrid") -> list[Document]:
    """Top-k chunks for a query, each with metadata `score`, best first."""
    settings = index.settings
    k = k or settings.top_k
    where = resolve_filters(filters, index)
    if where == {}:
        return []
    query = expand_query(text)
    n = max(settings.candidates, k)
    dense: list[tuple[str, float]] = []
    lexical: list[tuple[str, float]] = []
    if mode in ("hybrid", "dense") and index.catalog.count(embedded_only=True):
        hits = index.vectorstore.similarity_search_with_score(query.dense, k=n, filter=where)
        dense = [(doc.id, 1.0 - distance) for doc, distance in hits]
    if mode in ("hybrid", "lexical"):
        allowed = _allowed_ids(where, index) if where else None
        lexical = index.lexical.search(query.lexical, n, allowed)
    if mode == "dense":
        ranked = dense
    elif mode == "lexical":
        ranked = lexical
    else:
        # The lexical index reads Vietnamese words only: an English query leans on the dense side.
        weight = settings.dense_weight if query.language == "vi" else settings.dense_weight_foreign
        ranked = fuse(dense, lexical, settings.fusion, weight, settings.rrf_k)
    top = ranked[:k]
    docs = index.catalog.documents([i for i, _ in top])
    scores = dict(top)
    for doc in docs:
        doc.metadata["score"] = round(scores[doc.id], 6)
    return docs


class HybridRetriever(BaseRetriever):
    """LangChain retriever over the hybrid search, for the answer and draft chains."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    index: SearchIndex
    k: int = 4
    filters: dict | None = None
    mode: Mode = "hybrid"

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return search(self.index, query, self.k, self.filters, self.mode)
