"""The house-style skeletons of each document type, a registry over `prompts/skeletons/*.toml`: each file
declares its `name` (conference_plan, report …), the `doc_type` symbol it carries (KH, TB …), its header and closing, its parts in order with their usual
lines, the parts it requires, and where its exemplar tasks come from. A new type is a new TOML file there.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=4)
def skeletons(prompts_dir: Path) -> dict[str, dict]:
    """name → skeleton, for every TOML file in `prompts_dir/skeletons`; two types may share a symbol (KH)."""
    found: dict[str, dict] = {}
    for path in sorted((prompts_dir / "skeletons").glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        found[data["name"]] = data
    return found


def skeleton(prompts_dir: Path, name: str) -> dict:
    known = skeletons(prompts_dir)
    if name not in known:
        raise ValueError(f"no skeleton for document type {name!r}; known: {', '.join(known)}")
    return known[name]
