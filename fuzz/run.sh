#!/usr/bin/env bash
# Builds remit's libFuzzer targets with clang-14 (ASan + UBSan) and runs each for a bounded time:
#
#   fuzz/run.sh                      # 60 s per target, all three at once on 2+ cores
#   REMIT_FUZZ_SECONDS=300 fuzz/run.sh
#   REMIT_FUZZ_SECONDS=0 fuzz/run.sh # build, and replay fuzz/regressions/ only
#   REMIT_FUZZ_BUILD=build-asan fuzz/run.sh  # the fuzzers of `make sanitize`'s build
#
# Fails when a target crashes, leaks, runs out of memory (-rss_limit_mb=2048) or hangs on one
# input (-timeout); the input is then in $REMIT_FUZZ_BUILD/fuzz-run/artifacts/. Keep it: copy it
# into fuzz/regressions/open/<target>/ (tests/robustness replays it as a [!mayfail] test) and,
# once fixed, move it to fuzz/regressions/<target>/, which must always pass.
# The corpus each run grows is kept in $REMIT_FUZZ_BUILD/fuzz-run/corpus/, so later runs go on
# from where earlier ones stopped; fuzz/corpus/ holds the seeds and is never written.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${REMIT_FUZZ_SECONDS:-60}
build=${REMIT_FUZZ_BUILD:-build-fuzz}
jobs=${JOBS:-$(nproc)}
targets=(policy csv lsp)

echo "== fuzz: building with clang-14 in $build"
# A build already configured for the fuzzers (`make sanitize`'s, which CI reuses) is kept as it
# is; any other is configured here.
if ! grep -qs '^REMIT_FUZZ:BOOL=ON$' "$build/CMakeCache.txt"; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DREMIT_FUZZ=ON -DREMIT_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j "$jobs" --target policy_fuzzer csv_fuzzer lsp_fuzzer

build=$(cd "$build" && pwd)
work=$build/fuzz-run
artifacts=$work/artifacts
rm -rf "$artifacts" "$work/cwd"
# Inputs that `use` or `import` a relative path resolve it here, never inside the repository.
mkdir -p "$artifacts" "$work/cwd"
common=(-max_len=65536 -rss_limit_mb=2048 -timeout=30 -print_final_stats=1)

failed=0
for t in "${targets[@]}"; do
  shopt -s nullglob
  kept=("$root"/fuzz/regressions/"$t"/*)
  shopt -u nullglob
  [ ${#kept[@]} -eq 0 ] && continue
  echo "== fuzz: replaying ${#kept[@]} regression input(s) of ${t}_fuzzer"
  if ! (cd "$work/cwd" && "$build/fuzz/${t}_fuzzer" "${common[@]}" \
          -artifact_prefix="$artifacts/$t-" "${kept[@]}" >"$work/$t-regressions.log" 2>&1); then
    tail -n 40 "$work/$t-regressions.log"
    failed=1
  fi
done

if [ "$seconds" -gt 0 ]; then
  echo "== fuzz: running each target for $seconds s"
  declare -A pid status
  for t in "${targets[@]}"; do
    mkdir -p "$work/corpus/$t"
    (cd "$work/cwd" && exec "$build/fuzz/${t}_fuzzer" "${common[@]}" -max_total_time="$seconds" \
       -artifact_prefix="$artifacts/$t-" "$work/corpus/$t" "$root/fuzz/corpus/$t" \
       >"$work/$t.log" 2>&1) &
    pid[$t]=$!
    # On one core, one target at a time: the budget is per target, not shared.
    if [ "$jobs" -lt 2 ]; then
      status[$t]=0
      wait "${pid[$t]}" || status[$t]=$?
    fi
  done
  for t in "${targets[@]}"; do
    if [ -z "${status[$t]:-}" ]; then
      status[$t]=0
      wait "${pid[$t]}" || status[$t]=$?
    fi
    echo "-- ${t}_fuzzer (exit ${status[$t]}):"
    grep -E '^(stat::|Done|#[0-9]+[[:space:]]+DONE|INFO: seed corpus|==[0-9]+==ERROR|SUMMARY)' "$work/$t.log" || true
    if [ "${status[$t]}" -ne 0 ]; then
      tail -n 60 "$work/$t.log"
      failed=1
    fi
  done
fi

shopt -s nullglob
found=("$artifacts"/*)
shopt -u nullglob
if [ ${#found[@]} -gt 0 ]; then
  echo "== fuzz: FAILED: inputs that crashed, leaked, ran out of memory or hung:"
  for f in "${found[@]}"; do echo "   $f"; done
  echo "   keep each in fuzz/regressions/open/<target>/ (see fuzz/README.md)"
  failed=1
fi
if [ "$failed" -ne 0 ]; then
  echo "== fuzz: FAILED"
  exit 1
fi
echo "== fuzz: clean"
