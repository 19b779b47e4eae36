# The two commands of the quick start: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := sample_articles/independent-assad-flee-syria.txt
# Exact versions of everything .venv holds (the tools too), so that a new release of any of
# them cannot turn CI red; pyproject keeps the ranges a user's pip chooses within.
CONSTRAINTS := constraints.txt
# The build backend (setuptools, in pip's isolated build) is pinned there too.
PIP := $(BIN)/python -m pip install --quiet --constraint $(CONSTRAINTS) \
	--build-constraint $(CONSTRAINTS)

.PHONY: run test lint typecheck pytest bench book clean constraints

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --constraint $(CONSTRAINTS) --upgrade pip

# Editable installs compile nothing: compile the packages so a first launch is not slower.
COMPILE := $(BIN)/python -m compileall -q reader widgets store

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(PIP) -e .
	$(COMPILE)
	touch $@

$(VENV)/.installed-test: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(PIP) -e '.[test]'
	$(COMPILE)
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/reader $(SAMPLE)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo --no-cache

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

pytest: $(VENV)/.installed-test
	$(BIN)/pytest

test: lint typecheck pytest

book: $(VENV)/.installed
	$(BIN)/python benchmarks/make_book.py

bench: $(VENV)/.installed-test book
	$(BIN)/python benchmarks/run_all.py

# Renews every pin to the newest version the index has (then run `make test`). To add one new
# dependency without moving the others, add its NAME==VERSION line by hand instead.
constraints:
	rm -rf .venv-constraints
	$(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/python -m pip install --quiet --upgrade pip
	.venv-constraints/bin/python -m pip install --quiet --upgrade setuptools '.[test]'
	{ sed -n '/^#/p' $(CONSTRAINTS); \
	  .venv-constraints/bin/python -m pip freeze --all | grep -v -i -E '^(reader|wheel)( @|==)'; \
	} > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	rm -rf .venv-constraints

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .pytest_cache .ruff_cache
