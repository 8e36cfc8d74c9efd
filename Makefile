# The claim registry's commands. `make run` and `make test` do all set-up on a fresh machine
# that has python3 (3.11+) and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# `make test` runs the suite in parallel (pytest-xdist), one test process per core; TEST_WORKERS=0 runs
# it in this one process, TEST_WORKERS=4 in four.
TEST_WORKERS ?= auto

.PHONY: help install run test lint typecheck format lock bench bench-robustness bench-api bench-admin bench-recheck bench-match bench-match-registry clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

install: $(VENV)/.installed  ## create or update .venv from requirements-dev.lock (runtime + test tools)

$(VENV)/.installed: requirements-bootstrap.lock requirements.lock requirements-dev.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	@# A venv left broken by an interrupted or failed creation (no pip) is made again.
	@$(PY) -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create the virtualenv: on Debian/Ubuntu install python3-venv first." >&2; rm -rf $(VENV); exit 1; }; }
	@# First the pinned, hash-checked installer, then everything else with it.
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-bootstrap.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	@# A .venv made from an older lock may hold packages the lock no longer has: remove them, so that
	@# what imports here is exactly what a fresh clone gets.
	$(VENV)/bin/pip-sync --quiet --pip-args "--disable-pip-version-check" requirements-dev.lock
	@touch $@

run: install  ## start the service on SQLite with a sample article and a demo login
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo --url http://$(HOST):$(PORT)/admin/
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install  ## run the whole test suite in parallel (PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: typecheck  ## ruff, mypy and the migrations check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

typecheck: install  ## mypy with the Django and DRF plugins over claims/, api/, registry/ and webhooks/ (pyproject.toml)
	$(VENV)/bin/mypy

format:  ## apply ruff's formatting and safe fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

LOCK_FLAGS := --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links

# pip-tools comes from requirements-dev.lock, so it runs with the pinned pip (an unpinned pip-tools may
# require, and silently install, a newer pip). The dev lock also pins the installer's own dependencies
# (pip, setuptools: --allow-unsafe), so that installing it never asks for an unpinned package.
lock: install  ## re-pin requirements.lock (runtime) and requirements-dev.lock (runtime + tools) from the .in files
	$(VENV)/bin/pip-compile $(LOCK_FLAGS) -o requirements.lock requirements.in
	$(VENV)/bin/pip-compile $(LOCK_FLAGS) --allow-unsafe -o requirements-dev.lock requirements-dev.in

bench: install  ## the extraction benchmark (bench-api and bench-recheck need PostgreSQL and Redis)
	$(PY) bench/extract.py

bench-robustness: install  ## seconds of the extraction stages on hostile and oversized input (5 MB article)
	$(PY) bench/robustness.py

bench-api: install  ## the API benchmark: gunicorn on PostgreSQL against a bare Django view
	$(PY) bench/api.py

bench-admin: install  ## the review admin's pages at 1,000,000 claims next to 10,000 (PostgreSQL; loads once, ~25 min)
	$(PY) bench/admin.py

bench-match: install  ## the matching benchmark: queries/s over 10,375 synthetic claims next to plain BM25
	$(PY) bench/match.py

bench-match-registry: install  ## claims/search/ over 1,000,000 claims in PostgreSQL next to plain full-text queries
	$(PY) bench/match.py --registry

bench-recheck: install  ## the re-check benchmark: 2,000 links on 20 local hosts, real workers on Redis
	$(PY) bench/recheck.py

clean:  ## remove the virtualenv and local state (the SQLite database is kept)
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis
