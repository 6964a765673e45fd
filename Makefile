# The two commands of the README. Each makes its own virtual environment (.venv) on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/zangraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## run: set up, then parse the corpus (report: counts, entry into force, fidelity, findings) and build the
## validated graph into data/build/dataset.trig
run: $(BIN)/zangraph
	$(BIN)/zangraph parse --all --report
	$(BIN)/zangraph build

## test: set up, then run the test suite, doctests and the linter
test: $(BIN)/zangraph
	$(BIN)/ruff check src api tests scripts
	$(BIN)/pytest

## bench: time parsing, building and validating the whole corpus (figures go in docs/benchmarks.md)
bench: $(BIN)/zangraph
	$(BIN)/python scripts/bench_parse.py
	$(BIN)/python scripts/bench_build.py

clean:
	rm -rf $(VENV) .pytest_cache
