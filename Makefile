# Candor: two commands on a fresh machine.
#   make build   set up .venv from the lock and build the sample site into output/
#   make test    set up .venv (with test tools) and run the whole test suite
# Also: make serve (live-reloading preview), make bench, make lock, make clean.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PELICAN_ARGS := --log-handler plain

.PHONY: build serve test bench lint lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

$(VENV)/.build-installed: requirements/build.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/build.lock
	$(BIN)/python -m candor_tools.vnu >/dev/null  # the Nu HTML checker, pinned and verified
	@rm -f $(VENV)/.test-installed
	touch $@

$(VENV)/.test-installed: requirements/test.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/test.lock
	$(BIN)/python -m candor_tools.vnu >/dev/null
	touch $(VENV)/.build-installed $@

# Candor's own modules, compiled once (Python would compile them again in every build
# where PYTHONDONTWRITEBYTECODE is set, as in many containers and CI images; ~0.1 s).
# Python checks each compiled file against its source, so a stale one is never used.
CODE := $(shell find plugins candor_tools -name '*.py') tasks.py pelicanconf.py publishconf.py

$(VENV)/.compiled: $(CODE) | $(BIN)/python
	$(BIN)/python -m compileall -q plugins candor_tools tasks.py pelicanconf.py \
		publishconf.py >/dev/null
	touch $@

build: $(VENV)/.build-installed $(VENV)/.compiled
	$(BIN)/invoke build

serve: $(VENV)/.build-installed $(VENV)/.compiled
	$(BIN)/invoke serve

test: $(VENV)/.test-installed $(VENV)/.compiled
	$(BIN)/ruff check plugins candor_tools tasks.py tests benchmarks
	$(BIN)/mypy plugins candor_tools tasks.py
	$(BIN)/python -m pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check plugins candor_tools tasks.py tests benchmarks
	$(BIN)/mypy plugins candor_tools tasks.py

# Candor vs plain Pelican, quick sizes; BENCH_ARGS="--size full" for issue #7's sizes.
bench: $(VENV)/.test-installed $(VENV)/.compiled
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# Re-pin every dependency (needs network access to PyPI and uv in the venv).
lock: $(VENV)/.test-installed
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes \
		--quiet -o requirements/build.lock
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes \
		--quiet --extra test -o requirements/test.lock

clean:
	rm -rf output cache .pytest_cache
