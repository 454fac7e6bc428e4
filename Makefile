# Two commands do everything on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
export FLASK_APP := app
# pip is noisy about this machine's local package mirrors; keep real errors visible.
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
SOURCES := app.py components dashboard intake data

.PHONY: run test install install-dev vendor translations compile-translations lint format \
        bench screenshot demo-remove services chromium clean

$(PY):
	python3 -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PIP) -r requirements.txt 2> >(grep -v "is ignored: it is neither" >&2)
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) -r requirements-dev.txt 2> >(grep -v "is ignored: it is neither" >&2)
	touch $@

vendor:
	scripts/fetch_vendor.sh

compile-translations: $(VENV)/.runtime
	@if ls translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel compile -d translations --statistics; fi

install: $(VENV)/.runtime vendor compile-translations

install-dev: $(VENV)/.dev vendor compile-translations
	scripts/fetch_vendor.sh --test

## make run: install, migrate, load the demo data into an empty database, serve on :8050
run: install
	$(BIN)/flask init-db
	$(BIN)/gunicorn --workers 2 --bind 127.0.0.1:8050 --control-socket $(CURDIR)/instance/gunicorn.ctl app:server

## make test: install everything the tests need (Chromium, PostgreSQL, Redis) and run them all
test: install-dev chromium services
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n auto --dist loadgroup

chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

services:
	@scripts/services.sh

## make translations: extract → update → compile (a label fixed in data/reference flows in)
translations: $(VENV)/.runtime
	PYTHONPATH=. $(BIN)/pybabel extract -F babel.cfg --sort-output --no-location --no-wrap --project="Movement Priorities" \
		--add-comments=TRANSLATORS -o translations/messages.pot $(SOURCES)
	@if ls translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel update --no-wrap --ignore-obsolete --no-fuzzy-matching \
		-i translations/messages.pot -d translations; fi
	$(MAKE) compile-translations

lint: $(VENV)/.dev
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

## make bench: datasets of 1k–100k reports on SQLite and PostgreSQL, the table, then load and faults
bench: install-dev chromium services
	$(PY) -m bench --json bench/.data/results.json

screenshot: install-dev chromium
	$(PY) scripts/screenshot.py

demo-remove: install
	$(BIN)/flask demo-data remove

clean:
	rm -rf $(VENV) assets/vendor instance/cache .pytest_cache
