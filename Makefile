# The two commands README promises: `make run` (set up, ingest the bundled corpus, sample searches)
# and `make test` (the whole suite). Everything installs from this repository's own files.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test setup

$(BIN)/assistant: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first and pinned: the CPU build on local disk, never the multi-GB CUDA one.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[test]"
	touch $@

setup: $(BIN)/assistant
	$(BIN)/assistant setup

run: setup
	$(BIN)/assistant run

test: setup
	$(BIN)/python -m pytest -q
