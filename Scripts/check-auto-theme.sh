#!/usr/bin/env bash
# Renders an auto-theme SVG in headless Chromium twice, with the light and the dark colour-scheme
# preference, so a person can compare the two screenshots. On demand, not in CI (Chromium is large).
# Usage: Scripts/check-auto-theme.sh [Output/auto-theme.svg] [out-folder]
set -euo pipefail
svg=$(realpath "${1:-Output/auto-theme.svg}")
out=${2:-/tmp/plotline-auto-theme}
mkdir -p "$out"
command -v chromium >/dev/null || { echo "chromium is not installed (Debian: apt-get install chromium)"; exit 2; }
chromium --headless --no-sandbox --disable-gpu --window-size=800,500 --screenshot="$out/light.png" "file://$svg" >/dev/null 2>&1
# --force-dark-mode makes prefers-color-scheme: dark match.
chromium --headless --no-sandbox --disable-gpu --force-dark-mode --window-size=800,500 --screenshot="$out/dark.png" "file://$svg" >/dev/null 2>&1
echo "wrote $out/light.png and $out/dark.png"
