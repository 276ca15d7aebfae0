"""Fuse a dense and a lexical ranking: weighted sum of min-max normalised scores (the default), or
reciprocal-rank fusion, measured beside it (eval/RESULTS.md)."""

from __future__ import annotations


def _normalise(scored: list[tuple[str, float]]) -> dict[str, float]:
    if not scored:
        return {}
    values = [s for _, s in scored]
    low, high = min(values), max(values)
    span = high - low
    return {i: (s - low) / span if span > 0 else 1.0 for i, s in scored}


def fuse(dense: list[tuple[str, float]], lexical: list[tuple[str, float]], method: str, dense_weight: float,
         rrf_k: int) -> list[tuple[str, float]]:
    """(id, fused score), best first."""
    if method == "rrf":
        scores: dict[str, float] = {}
        for weight, ranked in ((dense_weight, dense), (1 - dense_weight, lexical)):
            for rank, (chunk_id, _) in enumerate(ranked):
                scores[chunk_id] = scores.get(chunk_id, 0.0) + 2 * weight / (rrf_k + rank + 1)
    else:
        d, lx = _normalise(dense), _normalise(lexical)
        scores = {i: dense_weight * d.get(i, 0.0) + (1 - dense_weight) * lx.get(i, 0.0) for i in {*d, *lx}}
    return sorted(scores.items(), key=lambda kv: -kv[1])
