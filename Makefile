# One obvious way to run each thing. Everything installs into .venv from PyPI.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= warehouse/articles.duckdb

.PHONY: install browser run test lint fmt clean-warehouse server server-stop serve soak eval eval-real bench-real bench-dedup bench-lang corpus bench bench-scale bench-order

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip   # pip 23 crashes resolving prefect's dependencies
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

run: install  ## ingest samples/ into $(DB) and print a summary
	$(BIN)/articles ingest samples --db $(DB)

server: install  ## a local Prefect server on 127.0.0.1:4200, state in .prefect/, waits until healthy
	$(BIN)/articles server

server-stop:
	$(BIN)/articles server --stop

serve: install  ## register the `scheduled` deployment and run its flow runs in the foreground
	$(BIN)/articles serve

browser:  ## Debian's chromium for the audit-page test, installed when it is missing and apt is available
	@command -v chromium >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install browser  ## the test suite (what CI runs)
	$(BIN)/python -m pytest -q

eval: install  ## cleaning quality on the labeled set, this pipeline vs trafilatura alone
	$(BIN)/python tests/eval/run_eval.py

bench-dedup: install  ## near-duplicate precision/recall/F1 and ms per document on generated variants
	$(BIN)/python tests/dedup_bench/run_bench.py

bench-lang: install  ## language accuracy per text length on 20+ languages, langdetect alone vs + lingua
	$(BIN)/python -m pip install --quiet -e '.[dev,lingua]'
	$(BIN)/python tests/lang_bench/run_bench.py

N ?= 2000
corpus: install  ## N synthetic documents (HTML 30-150 KB, text, JSONL, duplicates) in build/corpus, fixed seed
	$(BIN)/python tests/perf/make_corpus.py --n $(N) --out build/corpus

bench: install  ## full pipeline documents/s vs trafilatura alone on 2,000 documents, Prefect's share, stages, RSS
	$(BIN)/python tests/perf/bench.py --corpus build/corpus --n 2000

COPIES ?= 6
bench-real: install  ## throughput on the real pages of ../shared/realworld (each copied COPIES times) vs trafilatura alone, and its ceiling
	$(BIN)/python tests/perf/bench.py --real-copies $(COPIES) --corpus build/corpus-real-$(COPIES) --out build/bench-real.json

SIZES ?= 1000,10000,100000
bench-scale: install  ## time and peak RSS on 1k, 10k and 100k documents (about an hour; corpora in build/corpus-N)
	$(BIN)/python tests/perf/bench.py --scale $(SIZES)

bench-order: install  ## cost of order independence on ~10k text pages with learned chrome: one run vs three shuffled runs, identical?
	$(BIN)/python tests/perf/bench_order.py

soak: install  ## 20 scheduled-style runs over a growing inbox with duplicates and bad files (not in `make test`)
	$(BIN)/python tests/soak.py

lint: install
	$(BIN)/ruff check .

fmt: install
	$(BIN)/ruff check --fix .

clean-warehouse:
	rm -f $(DB) $(DB).wal $(DB).lock

eval-real: install  ## the real flow and trafilatura alone on ../shared/realworld (HTML and browser text), side by side
	$(BIN)/python tests/eval_real/run.py
