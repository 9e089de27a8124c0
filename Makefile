# Two entry points, both idempotent: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
# Pango for WeasyPrint; libharfbuzz-subset0 makes font subsetting ~60x faster;
# Noto CJK for Chinese; poppler-utils, qpdf and chromium (the preview test) are used by the tests.
# Alternatives: Debian's name first, then Ubuntu's (scripts/system-packages.sh picks).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig \
                   fonts-noto-cjk poppler-utils qpdf chromium,chromium-browser python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system venv demo test bench clean

setup: system venv

system:
	@SUDO="$(SUDO)" sh scripts/system-packages.sh $(SYSTEM_PACKAGES)

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: setup
	$(BIN)/noticeboard check examples
	$(BIN)/noticeboard render examples -o out

test: setup
	$(BIN)/ruff check noticeboard tests bench
	$(BIN)/pytest

clean:
	rm -rf $(VENV) out

bench: setup
	$(BIN)/python bench/render_bench.py
