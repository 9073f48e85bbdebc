# make demo: venv + install + the whole pipeline on the bundled example campaign.
# make test: the suite (what CI runs).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := examples/library-opening-hours

.PHONY: demo test install lint bench clean

$(BIN)/foicollate: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

install: $(BIN)/foicollate

demo: install
	@mkdir -p out
	$(BIN)/foicollate questionnaire $(EXAMPLE)/request.txt -o out/questionnaire.yaml --force
	$(BIN)/foicollate collate $(EXAMPLE)/docs -q out/questionnaire.yaml -o out/collated.json --csv out/collated.csv --no-progress
	$(BIN)/foicollate collate $(EXAMPLE)/docs -q out/questionnaire.yaml --no-progress

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src/foicollate

bench: install
	$(BIN)/python bench/collate_speed.py

clean:
	rm -rf $(VENV) out .pytest_cache
