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

.PHONY: help venv html test lint format snippets pdf epub live bench shots lighthouse clean

help:
	@echo "make html      build the site into $(BUILD)/html (warnings are errors)"
	@echo "make test      lint, then every test (snippets, PDF, browser included)"
	@echo "make live      rebuild and reload the site in a browser while you write"
	@echo "make pdf       build the guide's and the writer's guide's PDFs (needs TeX Live, see README)"
	@echo "make snippets  compile, lint and run only the Go and Rust samples"
	@echo "make bench     build-performance benchmark (not part of make test)"
	@echo "make shots     contact sheets of every page and both PDFs in $(BUILD)/shots"
	@echo "make lighthouse  Lighthouse mobile scores of every page (needs npx, chromium)"
	@echo "make lint      ruff and mypy --strict"
	@echo "make format    ruff format + autofix"
	@echo "make clean     remove build output (keeps .venv)"

venv: $(STAMP)

$(STAMP): pyproject.toml
	@if command -v uv >/dev/null 2>&1; then \
		echo "Creating $(VENV) with uv"; \
		uv venv --quiet --allow-existing --python $(PYTHON) $(VENV) && \
		uv pip install --quiet --python $(BIN)/python -e '.[docs,test]'; \
	else \
		echo "Creating $(VENV) with pip (install uv for a faster setup)"; \
		$(PYTHON) -m venv $(VENV) && \
		$(BIN)/python -m pip install --quiet --upgrade pip && \
		$(BIN)/python -m pip install --quiet -e '.[docs,test]'; \
	fi
	@touch $@

html: $(STAMP)
	$(SPHINX) -b html $(SPHINXOPTS) $(DOCS) $(BUILD)/html
	@echo "Open $(BUILD)/html/index.html"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

snippets: $(STAMP)
	$(BIN)/python -m pytest -m snippets $(PYTEST_ARGS)

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

epub: $(STAMP)
	$(SPHINX) -b epub $(SPHINXOPTS) $(DOCS) $(BUILD)/epub

bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks.run $(BENCH_ARGS)

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
