"""Metadata filters (document type, year, issuer, source file). They fail closed: a value that matches nothing returns
nothing, never everything; an unknown filter is an error."""

from __future__ import annotations

from ..index.search_index import SearchIndex
from ..ingest.header import DOC_TYPES
from ..vietnamese.folding import fold

FILTER_KEYS = ("doc_type", "year", "issuer", "source")


class FilterError(ValueError):
    """A filter key or value of the wrong kind (an unknown value is not an error: it matches nothing)."""


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
        issuers = [i for i in index.distinct("issuer") if wanted and wanted in fold(i)]
        clauses.append({"issuer": {"$in": issuers}})
    if filters.get("source") is not None:
        sources = filters["source"] if isinstance(filters["source"], list) else [filters["source"]]
        clauses.append({"source": {"$in": [str(s) for s in sources]}})
    if any(not c[next(iter(c))].get("$in", [None]) for c in clauses):
        return {}
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def allowed_ids(where: dict, index: SearchIndex) -> set[str]:
    """The ids of the chunks a `where` lets through, for the lexical search."""
    conditions = []
    for clause in where.get("$and", [where]):
        for field, condition in clause.items():
            conditions.append((field, condition.get("$in", [condition.get("$eq")])))
    return index.ids_where(conditions)
