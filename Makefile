# storyline: `make demo` builds the example corpus, `make test` runs the tests. Both create .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
APT_GET := $(shell command -v apt-get)

.PHONY: install install-test demo serve test gate browser eval-deps throughput ray clean

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "storyline needs Python 3.11 or newer: set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/storyline build examples/seeds/*.txt -o out/seeds

# The demo library in the browser: examples/seeds added to out/seeds.db, served on http://127.0.0.1:8000/.
serve: install
	$(BIN)/storyline add examples/seeds/*.txt --db out/seeds.db --quiet
	$(BIN)/storyline serve --db out/seeds.db

test: install-test browser eval-deps
	$(BIN)/pytest -q

# Every eval on the development data against its floor in benchmarks/baseline.json (needs ../shared).
gate: install-test eval-deps
	$(BIN)/pytest -q -m gate tests/test_quality_gate.py

# The report and web app tests drive Debian's Chromium (Playwright uses it; nothing is downloaded);
# without it those tests are skipped.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ -n "$(APT_GET)" ] && [ "$$(id -u)" = 0 ] && \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || \
		echo "chromium could not be installed: the browser test will be skipped"

# ROUGE-1.5.5 (summary eval) is Perl and needs XML::DOM.
eval-deps:
	@perl -MXML::DOM -e1 2>/dev/null || { [ -n "$(APT_GET)" ] && [ "$$(id -u)" = 0 ] && \
		apt-get update -qq && apt-get install -y -qq libxml-dom-perl >/dev/null; } || \
		echo "libxml-dom-perl could not be installed: ROUGE-1.5.5 (eval summary) will not run"

throughput: install-test
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) out

# Ray for --ray (an optional extra, about 600 MB; make test installs it with the test extras).
ray: install
	$(BIN)/pip install --quiet -e ".[ray]"
