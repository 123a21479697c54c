# The two commands of the README: `make demo` and `make test`.
# Each creates its own virtual environment and installs what it needs from the
# hashed lock; `make lock` rewrites the locks after a change in pyproject.toml.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# pip-tools writes the locks. It runs from a virtualenv of its own, so that it
# and what it needs stay out of the locks.
PIP_TOOLS := pip-tools==7.6.2
LOCK_VENV := .venv-lock
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links

.PHONY: demo test lint typecheck lock chromium clean

# The lock is complete (every indirect dependency, with its hashes), so pip need
# resolve nothing (--no-deps) and pip check confirms it. The virtualenv is made
# anew whenever the lock changes, so nothing outside the lock lingers.
$(STAMP): requirements-dev.lock
	$(PYTHON) -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	$(PY) -m pip check
	touch $(STAMP)

# Pins already in the locks are kept; `make lock LOCK_ARGS=--upgrade` also moves
# the indirect dependencies to their newest versions. The runtime lock is
# compiled against the dev lock, so both hold the same version of each package.
lock:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet $(PIP_TOOLS)
	$(PIP_COMPILE) $(LOCK_ARGS) --extra dev --output-file requirements-dev.lock pyproject.toml
	$(PIP_COMPILE) --upgrade --constraint requirements-dev.lock --output-file requirements.lock pyproject.toml

# Debian's Chromium for the browser tests; Playwright cannot download one here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Chromium (Debian package) for the browser tests..."; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core; }

# The job worker and the scheduler (README, "Background work") run beside the server and stop
# with it: Ctrl+C ends runserver, and the trap then stops them (a non-interactive shell starts
# them with Ctrl+C ignored, so they get SIGTERM from here and finish their task first).
demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	@$(PY) manage.py db_worker --no-reload & worker=$$!; \
	$(PY) manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null; wait $$worker $$scheduler 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP) chromium
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# mypy with django-stubs, over the packages listed in pyproject.toml ([tool.mypy] files).
typecheck: $(STAMP)
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) $(LOCK_VENV) overdracht.sqlite3 staticfiles test-artifacts
