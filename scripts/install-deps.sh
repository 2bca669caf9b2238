#!/usr/bin/env bash
# Installs the Debian 12 packages remit builds against, only where one is missing.
# Used by `make demo`, `make test` and .ci/run, so a fresh machine needs nothing by hand.
set -euo pipefail
packages=(cmake g++ make python3 tao-pegtl-dev libboost-graph-dev libspdlog-dev catch2
          libcli11-dev nlohmann-json3-dev pkg-config libicu-dev liborcus-dev libixion-dev
          libxlsxwriter-dev libgraphviz-dev)
# libixion-dev is only a recommendation of liborcus-dev, yet liborcus's pkg-config file requires
# it: without --no-install-recommends it came along, with it CMake stops at liborcus.
# CI's extras: clang 14 for the fuzzers and the clang build, clang-format for the layout check.
[ "${REMIT_WITH_FUZZ:-0}" = 1 ] && packages+=(clang-14 libclang-rt-14-dev clang-format)
# The browser test of the committee report (tests/browser): Chromium, and Node.js with npm for
# its two packages (playwright-core to drive Chromium, axe-core to check accessibility).
# A machine may have Node.js from elsewhere (its own package bundles npm and conflicts with
# Debian's npm), so Debian's Node.js and npm are installed only when there is no npm at all.
if [ "${REMIT_WITH_BROWSER:-0}" = 1 ]; then
  packages+=(chromium)
  command -v npm > /dev/null || packages+=(nodejs npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
