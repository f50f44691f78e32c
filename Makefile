# numpy-random-ml: the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

# What would otherwise vary between runs: hash seeds, BLAS/OpenMP threads.
# (Kernels keep matplotlib's inline backend, which renders with Agg; the unit tests force
# Agg in tests/conftest.py. Setting MPLBACKEND=Agg for kernels would hide every figure.)
export PYTHONHASHSEED := 0
export OMP_NUM_THREADS := 1
export OPENBLAS_NUM_THREADS := 1
export MKL_NUM_THREADS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1
export PATH := $(CURDIR)/$(BIN):$(PATH)

# `make run SEED=7` and `make run PARAMS="-p NUM_SAMPLES 500"` pass through to every notebook.
RUN_PARAMS := $(if $(SEED),-p SEED $(SEED)) $(PARAMS)
# make test spreads test files over the machine's cores (each notebook's cells, and each
# day's property runs, stay together on one worker).
TEST_WORKERS ?= auto
PYTEST_NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: help run test test-kernels test-colab site test-site refresh pool sync lab lint bench bench-tests clean distclean lock venv student assign grade test-matrix

help:  ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

# tools/venv_setup.py says what it installs and how far it got (pip's own lines condensed;
# its warnings about index folders this machine's pip configuration names but lacks, hidden).
$(STAMP): requirements.txt requirements-torch.txt requirements-torch.in pyproject.toml
	@test -n "$(PYTHON)" || { echo "make: no python3.11 or python3 on PATH"; exit 1; }
	@$(PYTHON) tools/venv_setup.py $(VENV) requirements.txt requirements-torch.txt
	@touch $@

venv: $(STAMP)  ## Create or update .venv when it is missing or stale.

run: $(STAMP)  ## Execute every notebook headless into build/executed/ (SEED=, PARAMS=, NB=).
	@$(BIN)/python tools/course.py run $(RUN_PARAMS) $(NB)

test: $(STAMP)  ## Lint, unit/doc tests, notebook contract, nbval (strict), properties, figures.
	$(BIN)/ruff check --quiet helpers tests tools benchmarks notebooks
	$(BIN)/python -m pytest $(PYTEST_NBVAL) -n $(TEST_WORKERS) --dist loadfile \
		helpers tests notebooks $(PYTEST_ARGS)

test-kernels: $(STAMP)  ## nbval over every notebook under forced OpenBLAS kernels (KERNELS=).
	bash tools/test_kernels.sh

# `make test-colab COLAB_RUNTIMES="2026.07"` tests only the runtimes named (default: every
# requirements-colab-*.txt and the PyTorch variant; see tools/colab_runtimes.py list).
COLAB_RUNTIMES ?=
test-colab: $(STAMP)  ## What the Colab badges open (notebooks/learner/), setup cell included, in Colab's runtimes.
	COURSE_TEST_COLAB=1 COLAB_RUNTIMES="$(COLAB_RUNTIMES)" $(BIN)/python -m pytest tests/colab \
		-v $(PYTEST_ARGS)

# `make test-matrix MATRIX="oldest"` tests only the environments named (default: all; see
# `python tools/version_matrix.py list`).
MATRIX ?=
test-matrix: $(STAMP)  ## nbval (strict) and unit tests on the oldest and newest NumPy (build/matrix/).
	$(BIN)/python tools/version_matrix.py test $(MATRIX)

# The site's KaTeX and MiniSearch (its search index is built with Node) and the browser test's
# axe-core, pinned in package-lock.json. (npm's engine warning for KaTeX's command-line tool,
# unused here, is silenced with the loglevel.)
NODE_STAMP := node_modules/.installed-stamp
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "make site needs npm (Node.js): apt-get install npm"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

site: $(STAMP) $(NODE_STAMP)  ## Build the offline course site (stored outputs, local KaTeX, search) into build/site/.
	rm -rf build/site
	$(BIN)/python tools/site.py build/site

test-site: site  ## Check the site in offline headless Chromium with axe-core (installs Chromium).
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
		echo "Installing Debian's chromium and chromium-driver (needs root) ..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq chromium chromium-driver >/dev/null; }
	$(BIN)/python -m pytest -m browser tests/browser
	@echo "test-site: screenshots (1920, 1280 and 390 px) in build/site/screenshots/"

# Teaching (README, "Teach with it"): NB= limits the days; ROSTER= is a CSV with a column
# id (and optionally seed); `make grade` takes TIMEOUT= (s), MEMORY= (MiB) and JOBS= too.
NB_ARGS := $(if $(NB),--nb $(NB))
GRADE_ARGS := $(NB_ARGS) $(if $(TIMEOUT),--timeout $(TIMEOUT)) $(if $(MEMORY),--memory $(MEMORY)) \
	$(if $(JOBS),--jobs $(JOBS))
student: $(STAMP)  ## The course without solutions or outputs -> build/student/ (NB=).
	rm -rf build/student
	$(BIN)/python tools/versions.py student --out build/student $(NB_ARGS)

assign: $(STAMP)  ## The student build with each student's SEED -> build/assign/<id>/ (ROSTER=).
	@test -n "$(ROSTER)" || { echo "make assign needs ROSTER=roster.csv (see README)"; exit 2; }
	rm -rf build/assign
	$(BIN)/python tools/versions.py assign "$(ROSTER)" --out build/assign $(NB_ARGS)

grade: $(STAMP)  ## Grade SUBMISSIONS= (laid out as build/assign/) -> build/grades/ (ROSTER=).
	@test -n "$(SUBMISSIONS)" -a -n "$(ROSTER)" || { \
		echo "make grade needs SUBMISSIONS=folder ROSTER=roster.csv (see README)"; exit 2; }
	$(BIN)/python tools/grade.py "$(SUBMISSIONS)" "$(ROSTER)" --out build/grades $(GRADE_ARGS)

refresh: $(STAMP)  ## Re-execute the stored notebooks in place (NB=day01_seeding for one).
	$(BIN)/python tools/course.py refresh $(NB)

# SETTING=1 reruns only that parameter setting of the pool and keeps the file's other rows.
pool: $(STAMP)  ## Rerun a notebook at many SEEDs into the data file it pools (NB=day06_dropout).
	$(BIN)/python tools/pool_seeds.py $(or $(NB),day06_dropout) $(if $(SETTING),--setting $(SETTING))

sync: $(STAMP)  ## Regenerate generated cells, the README's day table and notebooks/learner/.
	$(BIN)/python tools/course.py sync

# Your working copies live in my-notebooks/ (git-ignored), made from notebooks/learner/ the
# first time and never overwritten; LAB_ARGS= goes to jupyter lab (e.g. "--no-browser").
lab: $(STAMP)  ## Open your own working copies (my-notebooks/) in JupyterLab.
	@$(BIN)/python tools/course.py lab -- $(LAB_ARGS)

bench: $(STAMP)  ## Time vectorized course code against common loop code (not in test).
	$(BIN)/python benchmarks/bench_vectorized.py

bench-tests: $(STAMP)  ## Time `make test` next to nbval alone (the README's ratio).
	$(BIN)/python benchmarks/bench_tests.py

lint: $(STAMP)  ## Ruff over helpers, tests, tools and the notebooks (NPY002 on).
	$(BIN)/ruff check helpers tests tools benchmarks notebooks

PIP_COMPILE := build/lock-venv/bin/pip-compile -q --strip-extras --allow-unsafe \
	--no-emit-find-links --no-emit-index-url
lock:  ## Re-solve requirements*.in with pip-tools into the pinned locks (Python 3.11).
	rm -rf build/lock-venv && $(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install -q pip-tools==7.6.2
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -c requirements.txt -o requirements-torch.txt requirements-torch.in

clean:  ## Remove build output and caches (keeps .venv).
	rm -rf build .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -not -path './.venv/*' -prune -exec rm -rf {} +

distclean: clean  ## Also remove .venv and node_modules.
	rm -rf $(VENV) node_modules
