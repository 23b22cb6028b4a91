# Chaînon: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run test lint bench install install-test messages chromium clean

help:
	@echo "make run    - install, migrate, load the demo network and serve http://$(HOST):$(PORT)"
	@echo "make test   - install the test tools (and Chromium) and run the whole suite"
	@echo "make lint   - ruff and the migrations check"
	@echo "make bench  - run the benchmarks in bench/ (prints figures)"

# --- Python ------------------------------------------------------------------
# The venv is made with the first Python >= 3.12 (see scripts/find-python).
$(PY):
	@python=$$(scripts/find-python) && echo "Creating $(VENV) with $$python" && "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed-run

# --- Front end (npm packages served as static files) -------------------------
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is required: install Node.js and npm (e.g. apt-get install nodejs npm)."; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

install: $(VENV)/.installed-run node_modules/.installed
install-test: $(VENV)/.installed-test node_modules/.installed

# Compiled catalogues are committed; recompile when gettext is available so
# an edited .po file takes effect.
messages: | $(PY)
	@if command -v msgfmt >/dev/null; then \
		for app in cms lms mediation media; do (cd $$app && $(CURDIR)/$(PY) $(CURDIR)/manage.py compilemessages -v0); done; \
	else echo "msgfmt not found: using the committed .mo files"; fi

# --- Browser for the end-to-end tests (Debian's chromium, never a download) --
chromium:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM)."; \
		echo "Install it with: sudo apt-get install chromium   (or set CHROMIUM=/path/to/chromium)"; \
		exit 1; \
	fi

# --- The two commands -------------------------------------------------------
run: install messages
	@mkdir -p var
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) seed_demo
	$(MANAGE) collectstatic --no-input -v0
	@echo "Serving Chaînon on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-test messages chromium
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(MANAGE) makemigrations --check --dry-run

bench: install-test
	@for script in bench/*.py; do echo "== $$script"; $(PY) "$$script" || exit 1; done

clean:
	rm -rf $(VENV) node_modules var/static
