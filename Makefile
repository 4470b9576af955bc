# The two commands of the README: `make ingest` (the main job) and `make test`.
# Both create the virtual environment at .venv/ first when it is missing or stale.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The main job (and demo, serve, bench) installs the runtime dependencies only; `make test` and
# `make lint` add the `dev` extra (pytest, mypy, ruff, playwright).
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: ingest test lint demo serve bench clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[dev]'
	touch $(DEV_STAMP)

ingest: $(STAMP)
	$(BIN)/jbz ingest

demo: $(STAMP)
	$(BIN)/jbz demo

serve: $(STAMP)
	$(BIN)/jbz serve

# headless Chromium for the browser test (Debian packages; needs root or sudo once)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# a fresh PREFECT_HOME per run (no stale task caches), removed afterwards
test: $(DEV_STAMP) chromium lint
	home=$(CURDIR)/.prefect/test-$$$$; mkdir -p $$home; \
	env -u PREFECT_API_URL PREFECT_SERVER_ANALYTICS_ENABLED=false PREFECT_HOME=$$home \
	  $(BIN)/pytest; rc=$$?; rm -rf $$home; exit $$rc

bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/sync.py
	$(BIN)/python bench/search.py

clean:
	rm -rf .prefect data out test-output
