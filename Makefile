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

build: $(VENV)/.build-installed
	$(BIN)/invoke build

serve: $(VENV)/.build-installed
	$(BIN)/invoke serve

test: $(VENV)/.test-installed
	$(BIN)/ruff check plugins candor_tools tasks.py tests benchmarks
	$(BIN)/mypy plugins candor_tools tasks.py
	$(BIN)/python -m pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check plugins candor_tools tasks.py tests benchmarks
	$(BIN)/mypy plugins candor_tools tasks.py

# Candor vs plain Pelican, quick sizes; BENCH_ARGS="--size full" for issue #7's sizes.
bench: $(VENV)/.test-installed
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
