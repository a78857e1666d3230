# bioregion: `make demo` builds the Belgian bioRegion report; `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo test install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	bash scripts/system-deps.sh report
	$(BIN)/python -m pip install --quiet -e '.[all,test]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/bioregion report --dataset belgium-2016 --out $(OUT)/belgium-2016
	@echo ""
	@echo "Report: $(abspath $(OUT))/belgium-2016/report.html (and report.pdf)"
	$(BIN)/bioregion stats --dataset belgium-2016

test: install
	bash scripts/system-deps.sh test
	$(BIN)/python -m pytest -q -p no:cacheprovider --timeout=600

bench: install
	for r in benchmarks/*/requirements.txt; do $(BIN)/python -m pip install --quiet -r $$r; done
	@echo "peers installed; see benchmarks/README.md for each benchmark's command"

clean:
	rm -rf $(VENV) $(OUT) build dist src/*.egg-info
