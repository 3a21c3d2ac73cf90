# factlog: `make demo` and `make test` are the two commands a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_STAMP := $(VENV)/.installed-demo

.PHONY: demo test lint typecheck unit coverage browser screenshots bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The demo needs the library alone: the test toolchain (browser driver, Dask, linters) comes with `make test`.
$(DEMO_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/factlog check sources/ ; test $$? -le 1

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check factlog _factlog_cli.py tests benchmarks tools
	$(BIN)/ruff format --check factlog _factlog_cli.py tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy --strict factlog _factlog_cli.py benchmarks tools

# The report's browser tests need Debian's Chromium; install it when it is missing (sudo unless root).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $$SUDO apt-get update -q && \
	  $$SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core; \
	fi

# Two workers (pytest-xdist): the machines this runs on have two cores. Work stealing: a worker that runs out of
# tests takes the other's pending ones, so the slow tests near the end do not leave one core idle.
# Bytecode is cached even where PYTHONDONTWRITEBYTECODE is set: the tests start many interpreters (Dask workers,
# killed writers, fresh processes) that each import factlog, which would otherwise be compiled again in each.
unit: $(STAMP) browser
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --dist worksteal -p no:cacheprovider

# The same tests under coverage's tracer, which makes them two to three times slower; fails under 95 %.
coverage: $(STAMP) browser
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --dist worksteal --cov --cov-report=term -p no:cacheprovider

test: lint typecheck unit

# The report screenshots embedded in docs/report.md, regenerated from sources/.
screenshots: $(STAMP) browser
	$(BIN)/python -m tools.screenshots

# Performance against the bare data structures; `make bench BENCH_ARGS=--million` adds 1M claims.
bench: $(STAMP)
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

# A long campaign: 100,000 hostile inputs; writers killed at random 300 times; 4 writers x 1,000 appends at once.
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzzing --inputs 100000
	$(BIN)/python -m tests.crash --rounds 300 --writers 4 --appends 1000

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage
