# Every target sets up .venv itself, so a fresh clone needs only `make demo` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= ../shared/data
# A clone of github.com/adbar/trafilatura (its evaluation pages); the web section is skipped without it.
WEB_DATA ?= ../trafilatura
EXAMPLE := examples/harbour-fire

.PHONY: install demo test lint bench train clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# The CPU wheel of torch 2.13.0 is on disk; other versions pull CUDA builds.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[all]'
	touch $(STAMP)

demo: install
	$(BIN)/crosswire brief $(EXAMPLE)
	# One bundled example per input format (see examples/README.md); analysis off to keep it quick.
	$(BIN)/crosswire brief --no-analysis --words 100 examples/web
	$(BIN)/crosswire brief --no-analysis --words 100 examples/feed/harbour-news.rss
	$(BIN)/crosswire brief --no-analysis --words 100 examples/warc/harbour-crawl.warc.gz
	$(BIN)/crosswire brief --no-analysis --words 100 examples/clusters/two-stories.jsonl
	# Mixed input: the stories are found (three unrelated events).
	$(BIN)/crosswire stories examples/mixed

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check crosswire tests
	$(BIN)/mypy

bench: install
	$(BIN)/python -m crosswire.evaluate.bench --data $(DATA) --web-data $(WEB_DATA) --out BENCHMARKS.md

train: install
	$(BIN)/crosswire train --data $(DATA)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
