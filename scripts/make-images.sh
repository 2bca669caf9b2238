#!/usr/bin/env bash
# Remakes the images README.md shows, from the shipped policies, with the built command line.
#   scripts/make-images.sh [REMIT]     REMIT: the remit binary (default: build/remit)
# Each image is one command below; add new ones the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
remit="${1:-build/remit}"
mkdir -p docs/images

# The org chart of a real council's senior structure (README.md, "Org chart").
"$remit" graph policies/council-000 -o docs/images/council-000-chart.svg

# The committee report of council-000 (README.md, "Committee report"): its first screen, in
# headless Chromium (CHROMIUM=… for another) with a fresh profile and nothing fetched.
chromium="${CHROMIUM:-chromium}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$remit" report policies/council-000/ --date 2026-01-31 -o "$tmp/report.html"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --hide-scrollbars --window-size=1000,1250 \
  --screenshot="$tmp/report.png" "file://$tmp/report.html" 2>/dev/null
cp "$tmp/report.png" docs/images/report.png
