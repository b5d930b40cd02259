# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
PIP := $(PYTHON) -m pip

.PHONY: install run test bench bench-memory clean

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

clean:
	rm -rf build dist *.egg-info .pytest_cache wiretrace-sample.db*
