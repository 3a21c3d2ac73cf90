# factlog: `make demo` and `make test` are the two commands a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/factlog check sources/ ; test $$? -le 1

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check factlog tests benchmarks tools
	$(BIN)/ruff format --check factlog tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy --strict factlog

unit: $(STAMP)
	$(BIN)/python -m pytest --cov --cov-report=term -p no:cacheprovider

test: lint typecheck unit

# Performance against the bare data structures; `make bench BENCH_ARGS=--million` adds 1M claims.
bench: $(STAMP)
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

# A long campaign: 100,000 hostile inputs; writers killed at random 300 times; 4 writers x 1,000 appends at once.
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzzing --inputs 100000
	$(BIN)/python -m tests.crash --rounds 300 --writers 4 --appends 1000

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage
