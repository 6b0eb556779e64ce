# Quick start:  make audiobook   (render the sample book into output/)
#               make test        (install what the tests need, run the whole suite)
# Installs happen only when pyproject.toml (or the install script) changed since the last one.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: audiobook test lint bench clean

# Bytecode is compiled here because the install is editable: a Python run with
# PYTHONDONTWRITEBYTECODE (as on our build machines) would compile every module on every command.
audiobook: $(VENV)/.installed
	$(BIN)/python -m compileall -q src
	$(BIN)/audiobook build

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml scripts/install-extras.sh | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test,cluster,proof]'
	bash scripts/install-extras.sh $(BIN)/python
	touch $(VENV)/.installed $@

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

clean:
	rm -rf output .audiobook
