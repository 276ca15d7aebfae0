"""Shared fixtures: a real index of the seed corpus (real Chroma on disk, real EmbeddingGemma). The fast tier
(tests/unit) uses none of them; the integration tier (tests/integration) builds them once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings, offline_environment
from assistant.index.search_index import SearchIndex
from assistant.ingest.pipeline import ingest

offline_environment()
CORPUS = PROJECT_ROOT / "corpus"


def make_settings(data_dir: Path, **overrides) -> Settings:
    return Settings(data_dir=data_dir, corpus_dir=CORPUS, **overrides)


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory) -> Settings:
    return make_settings(tmp_path_factory.mktemp("seed-index"))


@pytest.fixture(scope="session")
def seed_index(seed_settings) -> SearchIndex:
    """Ingested once per session: embedding the 5 seeds takes about a minute on 2 cores."""
    index = SearchIndex(seed_settings)
    report = ingest([CORPUS], index, progress=False)
    assert not report.skipped, report.summary()
    return index


@pytest.fixture(scope="session")
def seed_env(seed_settings, seed_index) -> dict[str, str]:
    return {**os.environ, "ASSISTANT_DATA_DIR": str(seed_settings.data_dir),
            "ASSISTANT_CORPUS_DIR": str(CORPUS)}


@pytest.fixture(scope="session")
def served(seed_index, tmp_path_factory):
    """The assistant the web server runs, extractive, on its own data folder (uploads and deletions must not
    touch the shared seed index); it shares the loaded embedder, whose cache makes re-ingesting quick."""
    from assistant.serve.service import Assistant

    settings = make_settings(tmp_path_factory.mktemp("served"), llm="extractive")
    index = SearchIndex(settings, embedder=seed_index.embedder)
    ingest([CORPUS], index, progress=False)
    assistant = Assistant(settings, index)
    yield assistant
    assistant.close()
