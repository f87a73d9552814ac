# The two set-up commands of README.md: `make run` and `make test`. Both create the venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install compile run test lint lock bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## Compile the screening modules again after editing them (until then they run as plain Python).
compile: install
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .

## Embedded SQLite under CLEARWAY_DATA_DIR (default .clearway/), demo data, then serve.
run: install
	$(BIN)/clearway demo
	$(BIN)/clearway serve

## The whole suite (SQLite; set CLEARWAY_TEST_DATABASE_URL to run it on PostgreSQL).
test: install
	$(BIN)/pytest -q -n 2

lint: install
	$(BIN)/ruff check src tests bench setup.py
	$(BIN)/ruff format --check src tests bench setup.py
	$(BIN)/mypy src

## Regenerate the lock of exact versions from the ranges in pyproject.toml.
lock:
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/pip install --quiet --disable-pip-version-check '.[dev]'
	.lockvenv/bin/pip freeze --exclude-editable | grep -v '^clearway' > requirements.lock
	rm -rf .lockvenv

clean:
	rm -rf $(VENV) .clearway .pytest_cache .mypy_cache .ruff_cache build src/clearway/screening/*.so
