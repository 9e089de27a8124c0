# Two entry points, both idempotent: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
# Pango for WeasyPrint; libharfbuzz-subset0 makes font subsetting ~60x faster;
# Noto CJK for Chinese; poppler-utils, qpdf, chromium (the preview and site tests) and zbar-tools
# (reading a poster's QR back) are used by the tests.
# Alternatives: Debian's name first, then Ubuntu's (scripts/system-packages.sh picks).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig \
                   fonts-noto-cjk poppler-utils qpdf chromium,chromium-browser zbar-tools python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The exact versions the suite passed with; `make upgrade-check` tries the newest.
CONSTRAINTS := constraints.txt
UPGRADE_VENV := .venv-upgrade

.PHONY: setup system venv launcher demo test bench bench-speed clean constraints upgrade-check golden floors

# Where `noticeboard` is put on PATH: a link to the venv's script (its first line names the
# venv's Python, so it runs from any folder without activating anything). Root: /usr/local/bin;
# anyone else: ~/.local/bin, which Debian's and Ubuntu's ~/.profile put on PATH at login.
LAUNCHER_DIR ?= $(if $(filter 0,$(shell id -u)),/usr/local/bin,$(HOME)/.local/bin)

setup: system venv launcher

system:
	@SUDO="$(SUDO)" sh scripts/system-packages.sh $(SYSTEM_PACKAGES)

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e '.[test,cluster]'
	touch $@

launcher: venv
	@sh scripts/launcher.sh "$(abspath $(BIN))/noticeboard" "$(LAUNCHER_DIR)"

# Record the versions installed now as the tested ones (after upgrade-check passed).
constraints: venv
	{ sed -n '1,2p' $(CONSTRAINTS); $(BIN)/pip freeze --exclude-editable | grep -iv '^noticeboard'; } \
	    > $(CONSTRAINTS).new && mv $(CONSTRAINTS).new $(CONSTRAINTS)

# The suite against the newest release of every dependency, past the pinned majors:
# the engine contract tests first, since they name what an upgrade broke.
upgrade-check: system
	rm -rf $(UPGRADE_VENV)
	$(PYTHON) -m venv $(UPGRADE_VENV)
	$(UPGRADE_VENV)/bin/pip install --quiet --upgrade pip
	$(UPGRADE_VENV)/bin/pip install --quiet --no-deps -e .
	$(UPGRADE_VENV)/bin/pip install --quiet --upgrade $$($(PYTHON) -c 'import re, tomllib; \
	    p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
	    print(" ".join(re.split(r"[<>=!~; \[]", d)[0] for d in p["dependencies"] + p["optional-dependencies"]["test"]))')
	$(UPGRADE_VENV)/bin/pip freeze --exclude-editable | diff $(CONSTRAINTS) - | grep '^[<>]' || true
	$(UPGRADE_VENV)/bin/pytest -q tests/poster/test_engine_contract.py
	$(UPGRADE_VENV)/bin/pytest -q -x

demo: setup
	$(BIN)/noticeboard check examples
	$(BIN)/noticeboard render examples -o out

test: system venv
	$(BIN)/ruff check noticeboard tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

# Regenerate tests/golden/ on purpose (after a template, stylesheet or WeasyPrint
# change), then look at the images before committing them.
golden: system venv
	$(BIN)/python -m tests.golden

clean:
	rm -rf $(VENV) $(UPGRADE_VENV) $(FLOOR_VENV) out

bench: system venv
	$(BIN)/python bench/render_bench.py

# Issue 16's five measures against Typst (installs Typst's PyPI package, benchmark only).
bench-speed: system venv
	$(BIN)/pip install --quiet typst
	$(BIN)/python bench/speed_report.py

# The suite against the floor of every dependency (the oldest release pyproject.toml
# allows): proves the floors are true. Linters stay at the tested versions.
FLOOR_VENV := .venv-floor
floors: system
	rm -rf $(FLOOR_VENV)
	$(PYTHON) -m venv $(FLOOR_VENV)
	$(FLOOR_VENV)/bin/pip install --quiet --upgrade pip
	$(FLOOR_VENV)/bin/pip install --quiet $$($(PYTHON) scripts/floor_versions.py) -e .
	$(FLOOR_VENV)/bin/pip list --format=freeze | grep -iE "^($$($(PYTHON) scripts/floor_versions.py | sed 's/==.*//' | paste -sd'|'))=="
	$(FLOOR_VENV)/bin/pytest -q -p no:cacheprovider
