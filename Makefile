# sphinx-versus: `make html` builds the site, `make test` runs every test.
# Both create .venv on first use (uv when it is on PATH, else pip), so a fresh
# clone needs nothing but python3 and make.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp
SPHINX  := $(BIN)/python -m sphinx
DOCS    := docs
BUILD   := $(DOCS)/_build
SPHINXOPTS ?= -n -W --keep-going
PYTEST_ARGS ?=

.PHONY: help venv html check test lint format snippet snippets matrix locale pdf epub epubcheck live bench measure measure-report mutate fuzz shots lighthouse clean

help:
	@echo "make html      build the site into $(BUILD)/html (warnings are errors)"
	@echo "make check     the fast loop (under a minute): lint, unit tests, one small build"
	@echo "make test      lint, then every test (snippets, PDF, browser included)"
	@echo "make live      rebuild and reload the site in a browser while you write"
	@echo "make epub      build the guide as an epub into $(BUILD)/epub"
	@echo "make epubcheck the epub, checked by EPUBCheck (fetched once with Maven; needs Java)"
	@echo "make pdf       build the guide's and the writer's guide's PDFs (needs TeX Live, see README)"
	@echo "make snippets  compile, lint and run only the Go and Rust samples"
	@echo "make snippet NAME=memory  the same for one Go + Rust pair"
	@echo "make matrix    the wheel in clean uv venvs builds tests/external (lowest and newest versions)"
	@echo "make bench     build-performance benchmark (not part of make test)"
	@echo "make mutate    mutation testing of the pure modules (slow; not in make test)"
	@echo "make fuzz      the fuzzer, long: thousands of hostile pages (make test runs a few dozen)"
	@echo "make shots     contact sheets of every page and both PDFs in $(BUILD)/shots"
	@echo "make lighthouse  Lighthouse mobile scores of every page (needs npx, chromium)"
	@echo "make lint      ruff, mypy --strict, import contracts, dead code, repository rules"
	@echo "make locale    refresh the extension's message catalog and compile its translations"
	@echo "make measure   5 rounds of the Go and Rust workloads into bench/results/, then"
	@echo "               docs/data/measured.csv (about 30 min; QUICK=1: minutes; OUT=path)"
	@echo "make measure-report  the CSV again from a run's raw files (RUN=bench/results/<dir>)"
	@echo "make format    ruff format + autofix"
	@echo "make clean     remove build output (keeps .venv)"

venv: $(STAMP)

# The package (editable, with the extras users get: charts and cli) and the
# `dev` dependency group of pyproject.toml (docs site, tests, lint). Groups
# need pip 25.1+, so the pip path upgrades pip first.
INSTALL := -e '.[charts,cli]' --group dev
$(STAMP): pyproject.toml
	@if command -v uv >/dev/null 2>&1; then \
		echo "Creating $(VENV) with uv"; \
		uv venv --quiet --allow-existing --python $(PYTHON) $(VENV) && \
		uv pip install --quiet --python $(BIN)/python $(INSTALL); \
	else \
		echo "Creating $(VENV) with pip (install uv for a faster setup)"; \
		$(PYTHON) -m venv $(VENV) && \
		$(BIN)/python -m pip install --quiet --upgrade 'pip>=25.1' && \
		$(BIN)/python -m pip install --quiet $(INSTALL); \
	fi
	@touch $@

html: $(STAMP)
	$(SPHINX) -b html $(SPHINXOPTS) $(DOCS) $(BUILD)/html
	@echo "Open $(BUILD)/html/index.html"

# Everything that needs no build: style, types, the architecture's import
# contracts ([tool.importlinter] in pyproject.toml), dead code (vulture, with
# its whitelist) and the repository's own rules (tests/lint/rules.py).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/vulture
	$(BIN)/python -m tests.lint

# The loop to run before every commit: lint, the unit layer (no Sphinx
# build) and one small build of the README's examples through every
# directive. tests/build, tests/browser and tests/toolchain run in make test.
check: lint
	$(BIN)/python -m pytest -q tests/unit tests/build/test_readme.py $(PYTEST_ARGS)

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

snippets: $(STAMP)
	$(BIN)/python -m pytest -m snippets $(PYTEST_ARGS)

# One pair: both linters (they report only this pair's files), build, run,
# compare; a pass is recorded in snippets/VERIFIED.json for sphinx-versus check.
snippet: $(STAMP)
	@test -n "$(NAME)" || { echo "usage: make snippet NAME=<example> (a folder of snippets/go)"; exit 2; }
	@test -f snippets/go/$(NAME)/main.go -a -f snippets/rust/src/bin/$(NAME).rs || { \
		echo "no example $(NAME): need snippets/go/$(NAME)/main.go and snippets/rust/src/bin/$(NAME).rs"; exit 2; }
	$(BIN)/python -m pytest -m snippets -k "test_sample and (go-$(NAME)] or rust-$(NAME)])" $(PYTEST_ARGS)

matrix: $(STAMP)
	$(BIN)/python -m tests.external.matrix $(MATRIX_ARGS)

# The extension's own words: extract _("...") messages into the template,
# merge them into each translation, compile the .mo files (committed, so the
# wheel is built from exactly what was reviewed).
LOCALE := ext/sphinx_versus/locale
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' ext/sphinx_versus/__init__.py)
locale: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output --keyword=_ \
		--project=sphinx-versus --version=$(VERSION) \
		--copyright-holder="The sphinx-versus authors" \
		--msgid-bugs-address=https://github.com/sphinx-versus/sphinx-versus/issues \
		--output-file=$(LOCALE)/sphinx_versus.pot ext/sphinx_versus
	$(BIN)/pybabel update --domain=sphinx_versus --no-fuzzy-matching \
		--input-file=$(LOCALE)/sphinx_versus.pot --output-dir=$(LOCALE)
	$(BIN)/pybabel compile --domain=sphinx_versus --directory=$(LOCALE) --statistics

live: $(STAMP)
	$(BIN)/sphinx-autobuild $(DOCS) $(BUILD)/html --watch ext --watch snippets \
		--ignore '*/target/*' -n

pdf: $(STAMP)
	@command -v xelatex >/dev/null 2>&1 && command -v latexmk >/dev/null 2>&1 && command -v xindy >/dev/null 2>&1 || { \
		echo "make pdf needs XeLaTeX, latexmk and xindy. On Debian/Ubuntu run:"; \
		echo "  sudo apt-get install texlive-xetex texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended tex-gyre fonts-freefont-otf xindy latexmk"; \
		exit 1; }
	LATEXMKOPTS="-interaction=nonstopmode -halt-on-error" \
		$(SPHINX) -M latexpdf $(DOCS) $(BUILD) $(SPHINXOPTS)
	@echo "PDFs: $(BUILD)/latex/sphinx-versus.pdf (the guide)," \
		"$(BUILD)/latex/sphinx-versus-writers-guide.pdf (the writer's guide)"

# Doctrees outside the output folder: the epub builder packs every file it
# finds there, and Sphinx's default (<outdir>/.doctrees) made 27 warnings.
epub: $(STAMP)
	$(SPHINX) -b epub -d $(BUILD)/doctrees-epub $(SPHINXOPTS) $(DOCS) $(BUILD)/epub

# EPUBCheck, the conformance checker e-readers' stores run (tests/epubcheck.py
# fetches the pinned version into ~/.cache/sphinx-versus on first use).
epubcheck: epub
	$(BIN)/python -m tests.epubcheck install
	java -jar "$$($(BIN)/python -c 'from tests.epubcheck import jar_path; print(jar_path())')" \
		$(BUILD)/epub/sphinx-versus.epub

bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks.run $(BENCH_ARGS)

# mutmut runs the unit tests of comparison/rows, benchmarks/numbers, compare,
# data and datafiles against each mutant, in a copy under build/mutate/;
# MUTATE_ARGS=--jobs 1 on a busy machine, --report-only to score again.
mutate: $(STAMP)
	@$(BIN)/python -c "import mutmut" 2>/dev/null || { \
		if command -v uv >/dev/null 2>&1; then \
			uv pip install --quiet --python $(BIN)/python --group mutate; \
		else $(BIN)/python -m pip install --quiet --group mutate; fi; }
	nice -n 19 $(BIN)/python -m tests.mutate $(MUTATE_ARGS)
fuzz: $(STAMP)
	VERSUS_FUZZ=long $(BIN)/python -m pytest tests/build/test_fuzz.py -p no:logging \
		--hypothesis-show-statistics $(PYTEST_ARGS)
# The Go-vs-Rust measurements (issues 16 and 22, bench/README.md): rounds of
# raw samples into bench/results/<date>-<commit>/ (stdlib-only Python; needs
# Go, Rust, wrk, hyperfine and taskset), then the report (scipy, from the
# venv) derives the CSV from those files only. QUICK=1: two short rounds,
# raw data under bench/build/, CSV to bench/build/measured-quick.csv.
MEASURE_QUICK = $(filter-out 0,$(QUICK))
MEASURE_RUN   := bench/build/last-run
MEASURE_OUT    = $(or $(OUT),$(if $(MEASURE_QUICK),bench/build/measured-quick.csv,docs/data/measured.csv))
measure: $(STAMP)
	PYTHONPATH=bench $(PYTHON) -m versus_bench $(if $(MEASURE_QUICK),--quick) --run-dir-file $(MEASURE_RUN) $(MEASURE_ARGS)
	PYTHONPATH=bench $(BIN)/python -m versus_bench.report "$$(cat $(MEASURE_RUN))" --out $(MEASURE_OUT)
# Re-derive the CSV from a run's raw files: make measure-report RUN=bench/results/<dir>
measure-report: $(STAMP)
	PYTHONPATH=bench $(BIN)/python -m versus_bench.report $(or $(RUN),$$(cat $(MEASURE_RUN))) --out $(or $(OUT),docs/data/measured.csv)
# Screenshots of every page at 375 and 1280 px (light and dark) and thumbnails
# of both PDFs, as contact sheets for a person to look at.
shots: html pdf
	$(BIN)/python -m tests.shots $(SHOTS_ARGS)

# Lighthouse (mobile) on every page of a locally served build: a benchmark,
# machine-dependent, not part of make test.
lighthouse: html
	$(BIN)/python -m tests.benchmarks.lighthouse $(LIGHTHOUSE_ARGS)

clean:
	rm -rf $(BUILD) .pytest_cache
