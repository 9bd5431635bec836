# Two entry points for newcomers: `make demo` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= demo.duckdb
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install browser demo test eval bench lock clean

install: $(STAMP)

# Installs exactly what requirements.lock pins, checked against its hashes; the project itself goes in editable.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: install
	rm -f $(DB)
	$(BIN)/tacitus ingest examples/articles --db $(DB)
	$(BIN)/tacitus summary --db $(DB)

test: install browser
	$(BIN)/python -m pytest -q

# The web UI tests drive Debian's Chromium through Playwright (no browser download); install it when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

eval: install
	$(BIN)/tacitus eval report --out docs/accuracy.md

bench: install
	$(BIN)/python bench/run.py --out bench/results.json

# Regenerates the lock from pyproject.toml against PyPI alone (needs pip-tools).
lock:
	PIP_CONFIG_FILE=/dev/null pip-compile -q --generate-hashes --extra dev --strip-extras --allow-unsafe \
		--index-url https://pypi.org/simple -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info $(DB)
