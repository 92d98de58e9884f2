# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check -q

.PHONY: run test lint format bench reliability migrate clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: requirements.txt | $(BIN)/python
	$(PIP) install -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(PIP) install -r requirements-dev.txt
	@touch $@ $(VENV)/.run-installed

# Development mode is switched on here, never by default: settings start with DEBUG off.
DEV := DEBUG=1

migrate: $(VENV)/.run-installed
	$(DEV) $(BIN)/python manage.py migrate --noinput

run: migrate
	$(DEV) $(BIN)/python manage.py seed_demo
	@echo "ResuMate on http://127.0.0.1:8000 (Ctrl-C stops web, worker and beat)"
	@echo "Own model: run Ollama on this machine (ollama serve; ollama pull llama3.2), then Admin > AI models >"
	@echo "  Local: base URL http://127.0.0.1:11434/v1, press 'Test this model', tick 'Is active' (README: Your own model)"
	$(DEV) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start -f Procfile

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	$(BIN)/pytest

# Refresh docs/screenshots/ (the README's pictures) from the layout browser test.
screenshots: $(VENV)/.dev-installed
	UPDATE_SCREENSHOTS=1 REQUIRE_BROWSER=1 $(BIN)/pytest resumate/tests/test_browser_layout.py -q

# `make bench BENCH=import` re-measures the named sections only and keeps the rest of the file.
bench: $(VENV)/.dev-installed
	$(DEV) $(BIN)/python -m resumate.bench $(BENCH)

# Load against gunicorn -w 2 on the machine's PostgreSQL and Redis; writes docs/RELIABILITY.md.
reliability: $(VENV)/.dev-installed
	$(BIN)/python -m resumate.reliability

clean:
	rm -rf $(VENV) var staticfiles
