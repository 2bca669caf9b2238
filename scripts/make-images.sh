#!/usr/bin/env bash
# Makes the images of README.md from the shipped policies with the built remit: run it from
# anywhere after a build (REMIT=path/to/remit to use another build, CHROMIUM=… another browser).
set -euo pipefail
cd "$(dirname "$0")/.."
remit=${REMIT:-build/remit}
chromium=${CHROMIUM:-chromium}
mkdir -p docs/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The committee report of council-000 (docs/images/report.png): its first screen, in headless
# Chromium with a fresh profile and nothing fetched.
"$remit" report policies/council-000/ --date 2026-01-31 -o "$tmp/report.html"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --hide-scrollbars --window-size=1000,1250 \
  --screenshot="$tmp/report.png" "file://$tmp/report.html" 2>/dev/null
cp "$tmp/report.png" docs/images/report.png
