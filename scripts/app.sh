#!/usr/bin/env bash
# Installs everything (Debian libraries for Qt, a virtual environment, the Python packages) and opens
# timeline-app on the shipped Beijing–Tianjin–Hebei chronology. Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ "$#" -eq 0 ]; then set -- events; fi
exec .venv/bin/timeline-app "$@"
