# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
PIP := $(PYTHON) -m pip

.PHONY: install run test bench bench-text bench-memory clean

install:
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e ".[test]"

run: install
	$(PYTHON) -m wiretrace demo --db wiretrace-sample.db
	$(PYTHON) -m wiretrace serve --db wiretrace-sample.db

test: install
	$(PYTHON) -m pytest -q

bench: install
	$(PYTHON) -m wiretrace.bench extraction --check
	$(PYTHON) -m wiretrace.bench memory
	$(PYTHON) -m wiretrace.bench attribution --check
	$(PYTHON) -m wiretrace.bench stance --check
	$(PYTHON) -m wiretrace.bench syndication --check
	$(PYTHON) -m wiretrace.bench stories --check
	$(PYTHON) -m wiretrace.bench analyze
	$(PYTHON) -m wiretrace.bench ingest
	$(PYTHON) -m wiretrace.bench dask

# Text mode beyond the DEV dumps: speed on one core, then cross-validated F1 on the DEV pages as
# other renderers draw them (lynx, w3m, elinks and links if installed; html2text, markdownify, resiliparse,
# beautifulsoup4 and playwright, which drives the system Chromium, if pip-installed).
DEV ?= ../shared/bench/extraction/dev
bench-text: install
	$(PYTHON) -m wiretrace.bench extraction --text-speed
	$(PYTHON) -m wiretrace.extract.renderings $(DEV) build/renderings
	$(PYTHON) -m wiretrace.bench extraction --renderings build/renderings
	$(PYTHON) -m wiretrace.extract.train_textblocks $(DEV) --no-write \
		$$(for d in build/renderings/*/; do echo --eval $$(basename $$d)=$$d; done)

clean:
	rm -rf build dist *.egg-info .pytest_cache wiretrace-sample.db*
