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
