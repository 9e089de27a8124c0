# Two entry points, both idempotent: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
# Pango for WeasyPrint; libharfbuzz-subset0 makes font subsetting ~60x faster;
# Noto CJK for Chinese; poppler-utils, qpdf and chromium (the preview test) are used by the tests.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig \
                   fonts-noto-cjk poppler-utils qpdf chromium python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system venv demo test bench clean golden

setup: system venv

system:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "Installing system packages: $$missing"; \
	    $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi

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

# Regenerate tests/golden/ on purpose (after a template, stylesheet or WeasyPrint
# change), then look at the images before committing them.
golden: setup
	$(BIN)/python -m tests.golden

clean:
	rm -rf $(VENV) out

bench: setup
	$(BIN)/python bench/render_bench.py
