"""The package's shape, read from its imports (every import, at any depth, via `ast`): a lower layer never
imports a higher one, storage libraries are reached only inside `index/`, and the web page imports only the
service and the schemas."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "assistant"
# The pipeline's order; a module may import its own part and the parts of lower layers only.
LAYERS = [{"vietnamese"}, {"config", "prompts"}, {"models"}, {"index"}, {"ingest"}, {"retrieve"}, {"answer", "draft"},
          {"serve", "evaluation"}, {"cli"}]
STORAGE = {"chromadb", "langchain_chroma", "bm25s", "sqlite3"}
MAX_LINES = 300


def _layer(part: str) -> int:
    return next(n for n, parts in enumerate(LAYERS) if part in parts)


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _name(path: Path, root: Path = PACKAGE) -> list[str]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imports(path: Path, root: Path = PACKAGE) -> list[str]:
    """Absolute names of everything the module imports."""
    name = _name(path, root)
    package = name if path.name == "__init__.py" else name[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found += [module] if node.module else [f"{module}.{alias.name}" for alias in node.names]
    return found


def _part(name: str) -> str | None:
    """The project part an absolute name belongs to (assistant.retrieve.search → retrieve)."""
    pieces = name.split(".")
    return pieces[1] if pieces[0] == "assistant" and len(pieces) > 1 else None


def layer_violations(path: Path, root: Path = PACKAGE) -> list[str]:
    own = _part(".".join(_name(path, root)))
    if own is None:
        return []
    return [name for name in imports(path, root) if (part := _part(name)) and part != own
            and _layer(part) >= _layer(own)]


def storage_violations(path: Path, root: Path = PACKAGE) -> set[str]:
    if _part(".".join(_name(path, root))) == "index":
        return set()
    return {name.split(".")[0] for name in imports(path, root)} & STORAGE


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_higher_layer_or_a_peer(path: Path):
    wrong = layer_violations(path)
    assert not wrong, f"{path.relative_to(PACKAGE)} imports {wrong}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_storage_is_reached_only_through_the_index(path: Path):
    used = storage_violations(path)
    assert not used, f"{path.relative_to(PACKAGE)} imports {sorted(used)}: go through index.SearchIndex"


def test_the_web_page_imports_only_the_service_and_the_schemas():
    allowed = ("assistant.serve.service", "assistant.serve.schemas", "assistant.serve.web")
    for path in (PACKAGE / "serve" / "web").glob("*.py"):
        wrong = [n for n in imports(path) if n.startswith("assistant") and not n.startswith(allowed)]
        assert not wrong, f"{path.name} imports {wrong}"


def test_no_module_is_over_about_300_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in _modules() if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_the_rules_see_a_violation(tmp_path: Path):
    """A lower layer reaching up, or past the index into storage, is caught (a rule that cannot fail checks nothing)."""
    root = tmp_path / "assistant"
    (root / "vietnamese").mkdir(parents=True)
    probe = root / "vietnamese" / "probe.py"
    probe.write_text("import sqlite3\n\n\ndef f():\n    from ..index.search_index import SearchIndex\n", "utf-8")
    assert layer_violations(probe, root) == ["assistant.index.search_index"]
    assert storage_violations(probe, root) == {"sqlite3"}
