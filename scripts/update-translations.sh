#!/usr/bin/env bash
# Refreshes the translation sources from the code: every translate("Context", "text") and
# QT_TRANSLATE_NOOP("Context", "text") under timeline_app/ lands in resources/translations/*.ts (existing
# translations kept, vanished strings dropped; no line numbers, so moving code changes nothing).
# Translate the new entries (Qt Linguist: .venv/bin/pyside6-linguist FILE.ts), then run
# scripts/setup.sh or `python -m timeline_app.translations` to compile them to .qm.
set -euo pipefail
cd "$(dirname "$0")/.."
for ts in resources/translations/timeline_app_*.ts; do
  lang=${ts#resources/translations/timeline_app_}; lang=${lang%.ts}
  .venv/bin/pyside6-lupdate -silent -no-obsolete -locations none -extensions py timeline_app \
    -target-language "$lang" -ts "$ts"
done
