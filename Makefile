# The two commands of the README: `make site` builds the site, `make test` runs the tests.
# Both create the virtual environment from the pinned requirements when needed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PYTHONPATH := scripts
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check follow-ups new import import-report test lint bench bench-search clean

# Check, generate, build beside site/, audit the result, and swap it in whole: a failed or unsafe
# build leaves site/ as it was (scripts/arkiv/publish.py). Two runs at once take turns.
site: $(VENV)/.site-installed  ## generate pages from meetings/ and build site/ (BUILDER=zensical: with Zensical)
	$(BIN)/python -m arkiv site $(if $(BUILDER),--builder $(BUILDER))

serve: $(VENV)/.site-installed  ## preview on http://127.0.0.1:8000: each save rebuilds only what changed
	$(BIN)/mkdocs serve --dirty

check: $(VENV)/.site-installed  ## check meetings/ without building (STRICT=1: warnings are errors)
	$(BIN)/python -m arkiv check $(if $(STRICT),--strict)

follow-ups: $(VENV)/.site-installed  ## list sentences of the minutes that promise something, with file and line (edits nothing)
	$(BIN)/python -m arkiv follow-ups

new: $(VENV)/.site-installed  ## start meetings/$(ID).md: make new ID=koebenhavn-2025-2 COUNCIL=koebenhavn [DATE=2025-06-23]
	$(BIN)/python -m arkiv new $(ID) --council $(COUNCIL) $(if $(DATE),--date $(DATE))

import: $(VENV)/.site-installed  ## draft a meeting from a referat: make import FILE=referat.pdf [COUNCIL=koebenhavn] [ID=…] [YEAR=…] [FORCE=1]
	$(BIN)/python -m arkiv import "$(FILE)" $(if $(COUNCIL),--council $(COUNCIL)) $(if $(ID),--id $(ID)) $(if $(YEAR),--year $(YEAR)) $(if $(FORCE),--force)

import-report: $(VENV)/.site-installed  ## the importer over the corpus of referat layouts (tests/import_corpus/), against what is expected
	$(BIN)/python scripts/import_report.py

test: $(VENV)/.dev-installed  ## run all tests
	$(BIN)/python -m pytest

lint: $(VENV)/.dev-installed  ## ruff over scripts/ and tests/ (rules in pyproject.toml)
	$(BIN)/ruff check scripts tests

$(VENV)/.site-installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

bench: $(VENV)/.site-installed  ## scale benchmark (BENCH_N="100 1000 5000"); writes bench/results.md
	$(BIN)/python scripts/bench.py

bench-search: $(VENV)/.dev-installed  ## search benchmark in chromium: right item first (bench/search_queries.yml), bytes and time (SEARCH_BENCH_N="1000 10000"); writes bench/search-results.md
	$(BIN)/python scripts/bench_search.py

clean:
	rm -rf site .site-new .site-new-* .site.lock docs/arkiv docs/.arkiv.new .pytest_cache
