# The two commands README promises: `make run` (set up, ingest the bundled corpus, start the web chat) and
# `make test` (the whole suite). Everything installs from this repository's own files. The console shows one
# line per stage with its time; what pip prints goes to .venv/install.log.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test setup

# torch first and pinned: the CPU build on local disk, never the multi-GB CUDA one.
$(BIN)/assistant: pyproject.toml
	@echo "install   Python packages into $(VENV) (about 3 minutes the first time) …"
	@start=$$(date +%s); $(PYTHON) -m venv $(VENV) && \
	{ $(BIN)/pip install -q --upgrade pip && $(BIN)/pip install -q torch==2.13.0 && \
	  $(BIN)/pip install -q -e ".[test]"; } > $(VENV)/install.log 2>&1 \
	|| { tail -20 $(VENV)/install.log; echo "install failed: see $(VENV)/install.log"; exit 1; }; \
	echo "install   Python packages: done in $$(( $$(date +%s) - start )) s (details: $(VENV)/install.log)"
	@touch $@

setup: $(BIN)/assistant
	@$(BIN)/assistant setup

run: $(BIN)/assistant
	@$(BIN)/assistant run

# The tests run the local LLM too: its model and runtime are set up whatever ASSISTANT_LLM says.
test: $(BIN)/assistant
	@ASSISTANT_LLM=local $(BIN)/assistant setup
	$(BIN)/python -m pytest -q
