# QueueCraft: `make run` starts the whole product, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

# Stamps named by the requirements' content, not their mtime (Reflex touches requirements.txt).
RUNTIME_STAMP := $(VENV)/.runtime-$(shell cat requirements.txt | sha256sum | cut -c1-16)
DEV_STAMP     := $(VENV)/.dev-$(shell cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)

.PHONY: run test install install-dev clean

run: install
	$(PY) -m queuecraft.launcher

test: install-dev
	$(PY) -m pytest

install: $(RUNTIME_STAMP)
install-dev: $(DEV_STAMP)

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "QueueCraft needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.runtime-*
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.dev-*
	touch $@

clean:
	rm -rf $(VENV) .web .reflex .pytest_cache
