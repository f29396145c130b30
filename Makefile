# Set-up and everyday commands. `make run` and `make test` are the README's Quick start.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= dyadwatch.duckdb

.PHONY: run test lint eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dyadwatch run examples/corpus --db $(DB)
	$(BIN)/dyadwatch timeline --db $(DB) --limit 25

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest

eval: $(STAMP)
	$(BIN)/dyadwatch eval --check

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
