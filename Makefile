# filing-kg: two entry points, both self-contained on a fresh machine (Python 3.11 + make).
#   make run   - create .venv, install, build the graph from data/filings into out/
#   make test  - create .venv, install with test extras, run the whole test suite
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: run test install clean bench browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/filing-kg build data/filings --out $(OUT)

test: install browser
	$(BIN)/python -m pytest

# The explorer's browser test drives Debian's Chromium (Playwright's own download needs network).
browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
