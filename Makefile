# Two commands matter: `make serve` (set up and preview) and `make test` (set up and check everything).
# Every target installs what it needs itself, so a fresh clone with only Python 3.11+ works.

PYTHON ?= python3
# Overridable, to keep the virtualenv outside the checkout.
VENV ?= .venv
# `make test PYTEST_ARGS="tests/guide -x"` runs part of the suite after the same setup.
PYTEST_ARGS ?=
# `make bench BENCH_ARGS=--smoke` checks the benchmark end to end in a few seconds.
BENCH_ARGS ?=
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test lint bench check-external browser java node clean help

help:
	@echo "make serve   preview with live reload on http://$(HOST)"
	@echo "make build   strict build into site/ (atomic: a failed build keeps the old site/)"
	@echo "make test    install everything and run every check"
	@echo "make bench   performance benchmark against stock Material; writes build/bench.json"
	@echo "             (BENCH_ARGS=--smoke: every step once, small, in seconds)"
	@echo "make check-external  report dead external reference links (needs internet)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps re-run the install whenever a pin or the package metadata changes.
$(VENV)/.site-stamp: requirements/build.txt requirements/site.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --no-deps -r requirements/build.txt -r requirements/site.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@# Byte-compiled once, as pip does an installed package: PYTHONDONTWRITEBYTECODE (above)
	@# keeps imports from writing it, so every build would compile the engine again.
	$(BIN)/python -m compileall -q scripts/botb
	touch $@

$(VENV)/.test-stamp: requirements/test.txt $(VENV)/.site-stamp
	$(BIN)/pip install --quiet --no-deps -r requirements/test.txt
	touch $@

serve: $(VENV)/.site-stamp
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload --watch guide --watch overrides

build: $(VENV)/.site-stamp
	$(BIN)/python -m botb.build

browser:
	@bash scripts/ensure-chromium.sh

java:
	@bash scripts/ensure-java.sh

node: node_modules/.stamp

node_modules/.stamp: package.json package-lock.json
	@bash scripts/ensure-npm.sh
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: $(VENV)/.test-stamp
	$(BIN)/ruff check scripts tests tools
	$(BIN)/ruff format --check scripts tests tools
	$(BIN)/mypy

test: $(VENV)/.test-stamp browser java node lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Lighthouse lives in its own tools/bench/package.json so `make test` does not install it.
tools/bench/node_modules/.stamp: tools/bench/package.json tools/bench/package-lock.json
	@bash scripts/ensure-npm.sh
	cd tools/bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

bench: $(VENV)/.test-stamp browser tools/bench/node_modules/.stamp
	$(BIN)/python -m tools.bench $(BENCH_ARGS)

check-external: $(VENV)/.test-stamp
	$(BIN)/python -m botb.external_links

clean:
	rm -rf site build .cache .pytest_cache .mypy_cache .ruff_cache
