#!/usr/bin/env bash
# Installs everything and runs the whole test suite: lint, the pure layers without Qt installed,
# then every test (model, io, and the UI on Qt's offscreen platform),
# and last what a screen reader hears under a real AT-SPI session (scripts/atspi_test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== lint: ruff, import contracts, mypy (strict on the whole package)"
.venv/bin/ruff check timeline_app tests benchmarks
.venv/bin/lint-imports --config pyproject.toml
.venv/bin/mypy

echo "== pure layers with PySide6 and pyqtgraph not installed"
if [ ! -x .venv-pure/bin/python ]; then python3 -m venv .venv-pure; fi
stamp=.venv-pure/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [ ! -f "$stamp" ]; then
  .venv-pure/bin/python -m pip install -q --upgrade pip
  .venv-pure/bin/python -m pip install -q numpy pyyaml rapidyaml icalendar defusedxml openpyxl pytest hypothesis jsonschema
  .venv-pure/bin/python -m pip install -q --no-deps -e .
  rm -f .venv-pure/.installed-*; touch "$stamp"
fi
.venv-pure/bin/python - <<'PY'
import importlib.util, sys
for mod in ("PySide6", "pyqtgraph"):
    if importlib.util.find_spec(mod) is not None:
        sys.exit(f"the pure-layer environment must not have {mod}")
PY
# pytest-qt is absent here, so its ini options are unknown: that warning alone is let through
.venv-pure/bin/python -m pytest -q -p no:cacheprovider -W "ignore::pytest.PytestConfigWarning" tests/model tests/geometry tests/io tests/test_runtime.py tests/test_text.py

echo "== the whole suite"
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q "$@"

echo "== screen reader: the app under Xvfb and AT-SPI, driven by keys (tests/atspi)"
bash scripts/atspi_test.sh
