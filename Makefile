# The commands of the README. Each makes its own virtual environment (.venv) on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run report test test-fast bench clean

$(BIN)/zangraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## run: set up, then serve on http://127.0.0.1:8000 (building and validating the dataset first if needed)
run: $(BIN)/zangraph
	$(BIN)/zangraph serve

## report: set up, then print the corpus report (counts, entry into force, fidelity, findings)
report: $(BIN)/zangraph
	$(BIN)/zangraph parse --all --report

## test: set up (with Debian's Chromium for the page tests), then run the linter and every test and doctest; the
## slowest 20 are listed at the end (docs/development.md)
test: $(BIN)/zangraph
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	$(BIN)/ruff check src api tests scripts
	$(BIN)/pytest --durations=20

## test-fast: set up, then run the linter and every test but the server and browser ones: the tests that use the
## session's build in one process and the others beside it in a second, whose report follows (docs/development.md)
FAST := not server and not browser
test-fast: $(BIN)/zangraph
	$(BIN)/ruff check src api tests scripts
	@echo '$(BIN)/pytest -m "$(FAST) and published", and beside it -m "$(FAST) and not published"'
	@log=$$(mktemp); \
	$(BIN)/pytest -m "$(FAST) and not published" -p no:cacheprovider --durations=10 >$$log 2>&1 & other=$$!; \
	$(BIN)/pytest -m "$(FAST) and published" --durations=20; built=$$?; \
	wait $$other; rest=$$?; \
	echo; echo "== the tests that do not use the build, run beside them:"; cat $$log; rm -f $$log; \
	exit $$((built || rest))

## bench: time parsing, building, validating, serving and the pages (figures go in docs/benchmarks.md); installs wrk
bench: $(BIN)/zangraph
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	test -f data/build/dataset.trig || $(BIN)/zangraph build
	$(BIN)/python scripts/bench_parse.py
	$(BIN)/python scripts/bench_build.py
	$(BIN)/python scripts/bench_serve.py
	$(BIN)/python scripts/bench_runaway.py
	$(BIN)/python scripts/bench_cli.py
	$(BIN)/python scripts/bench_pages.py

clean:
	rm -rf $(VENV) .pytest_cache data/build data/store
