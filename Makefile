# Dossier: `make run` opens the demo case; `make test` runs every check CI runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

TS  := $(wildcard resources/translations/*.ts)
QM  := $(TS:.ts=.qm)

.PHONY: run test test-deep translations ts screenshots bench package clean

run: $(VENV)/.runtime $(QM)
	$(BIN)/python main.py --demo

test: $(VENV)/.test $(QM)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not deep"

test-deep: $(VENV)/.test $(QM)
	QT_QPA_PLATFORM=offscreen HYPOTHESIS_PROFILE=deep $(BIN)/python -m pytest -q -m deep

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts | $(VENV)/.runtime
	$(BIN)/pyside6-lrelease -silent $< -qm $@

screenshots: $(VENV)/.runtime $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

bench: $(VENV)/.test
	$(BIN)/python bench/store.py
	$(BIN)/python bench/brief.py
	$(BIN)/python bench/sync.py
	$(BIN)/python bench/sheet.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/startup.py

$(VENV)/.runtime: pyproject.toml
	tools/apt-deps.sh run
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime
	tools/apt-deps.sh test
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

package: $(VENV)/.runtime $(QM)
	tools/apt-deps.sh package
	packaging/build.sh

ts: $(VENV)/.runtime
	$(BIN)/pyside6-lupdate $$(find desktop/ui -name '*.py' | sort) desktop/app.py \
		-no-obsolete -ts resources/translations/dossier_ru.ts -source-language en -target-language ru

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache resources/translations/*.qm
