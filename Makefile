# Fact-checked briefing site. `make html` and `make test` set everything up on a fresh machine.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelican.conf.py
PUBLISHCONF := publish.conf.py
PORT ?= 8000
PELICANOPTS ?=
# STRICT=1: any warning (bad seed, bad note, unknown actor) fails the build.
ifeq ($(STRICT),1)
PELICANOPTS += --fatal warnings
endif
BUILD_STAMP := $(VENV)/.installed-build
DEV_STAMP := $(VENV)/.installed-dev
PIP := $(BIN)/pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: help html regenerate serve devserver clean test lint publish rollback bench golden freeze system-deps

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(BUILD_STAMP): requirements.txt constraints.txt | $(BIN)/python
	$(PIP) -r requirements.txt
	touch $@

$(DEV_STAMP): requirements-dev.txt requirements.txt constraints.txt $(BUILD_STAMP)
	$(PIP) -r requirements-dev.txt
	touch $@

html: $(BUILD_STAMP)  ## build the site into output/ (sets up .venv the first time)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)
	$(BIN)/python tools/search_index.py $(OUTPUTDIR)

regenerate: devserver  ## alias of devserver (Pelican quickstart name)

serve: ## serve output/ on http://127.0.0.1:$(PORT)/
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUTDIR)

devserver: $(BUILD_STAMP)  ## serve, rebuild on any change in seeds/, content/, theme/, plugins/ (one resident build process)
	$(BIN)/python tools/devserver.py --port $(PORT) -- $(PELICANOPTS)

clean:  ## remove the built site and caches (keeps .venv)
	rm -rf $(OUTPUTDIR) .$(OUTPUTDIR).lock .cache __pycache__ .pytest_cache

system-deps:  ## Debian packages the tests need (chromium, rsync, sshd, java); root only
	bash tools/system-deps.sh

test: $(DEV_STAMP)  ## run every test (installs what the browser tests need when root)
	bash tools/system-deps.sh --if-root
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(DEV_STAMP)  ## ruff over the code
	$(BIN)/ruff check plugins tools tests bench pelican.conf.py publish.conf.py

publish: $(BUILD_STAMP)  ## build with publish.conf.py, then deploy to PUBLISH_TARGET (folder or user@host:path)
	$(BIN)/python tools/deploy.py check --target "$(PUBLISH_TARGET)"
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) $(PELICANOPTS)
	$(BIN)/python tools/search_index.py $(OUTPUTDIR)
	$(BIN)/python tools/deploy.py publish --target "$(PUBLISH_TARGET)" --output $(OUTPUTDIR)

rollback: $(BUILD_STAMP)  ## point PUBLISH_TARGET/current back at the previous release
	$(BIN)/python tools/deploy.py rollback --target "$(PUBLISH_TARGET)"

BENCH_N ?= 1000
bench: $(DEV_STAMP)  ## benchmark at BENCH_N seeds; writes bench/results/latest.json
	$(BIN)/python bench/run.py --n $(BENCH_N)

golden: $(BUILD_STAMP)  ## refresh the whole-site golden copy in tests/golden/
	$(BIN)/python tools/golden.py refresh

freeze: $(DEV_STAMP)  ## re-pin every transitive dependency into constraints.txt
	( echo "# Every transitive dependency, pinned (pip freeze of a working .venv). Regenerate: make freeze"; \
	  $(BIN)/pip freeze --exclude-editable | grep -viE '^(pip|setuptools|wheel)==' | sort -f ) > constraints.txt
