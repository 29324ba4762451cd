#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang (ASan and UBSan on) and runs each
# for a bounded time. New interesting inputs go to a work corpus in the
# build directory; the seeds in tests/fuzz/corpus/<target>/ are only read.
#
#   tests/fuzz/run.sh [TARGET...]        (default: every target)
#
#   FUZZ_SECONDS    seconds per target (default 60)
#   FUZZ_SEED       libFuzzer's -seed (default 0: a new one each run). CI
#                   fixes it so that a run explores the same inputs as the
#                   longer run with that seed made before landing; other
#                   seeds are for finding new bugs.
#   FUZZ_BUILD_DIR  build directory (default build-fuzz at the top)
#   FUZZ_CXX        the compiler (default clang++-14)
#
# Exit status 1 when a target crashed, leaked, hung or broke an invariant:
# the input is saved as BUILD/fuzz-artifacts/<target>-crash-<sha1> (or
# leak-, timeout-, oom-). Reproduce it with
#   BUILD/tests/fuzz/fuzz_<target> FILE
# fix the bug, and add the file to tests/fuzz/corpus/<target>/ so that
# ctest's fuzz_corpus_<target> replays it from then on.
set -uo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${FUZZ_BUILD_DIR:-$SRC/build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
SEED=${FUZZ_SEED:-0}
CXX_COMPILER=${FUZZ_CXX:-clang++-14}
ALL_TARGETS=(dates answers import_csv import_json daylio terminal_safe age)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${ALL_TARGETS[@]}"); fi

cmake -S "$SRC" -B "$BUILD" -DCMAKE_CXX_COMPILER="$CXX_COMPILER" -DPAINLOG_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 1
cmake --build "$BUILD" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" || exit 1

mkdir -p "$BUILD/fuzz-artifacts"
failed=()
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for target in "${targets[@]}"; do
    work="$BUILD/fuzz-corpus/$target"
    mkdir -p "$work"
    echo "== fuzz_$target: ${SECONDS_EACH} s, seed $SEED"
    # -timeout: an input taking over 10 s is a hang; -max_len keeps inputs
    # the size of real files' first few records; the log keeps the noise
    # out of CI output unless something is found.
    if "$BUILD/tests/fuzz/fuzz_$target" "$work" "$SRC/tests/fuzz/corpus/$target" \
        -max_total_time="$SECONDS_EACH" -seed="$SEED" -timeout=10 -max_len=4096 -rss_limit_mb=2048 \
        -artifact_prefix="$BUILD/fuzz-artifacts/$target-" -print_final_stats=1 \
        >"$BUILD/fuzz-$target.log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$BUILD/fuzz-$target.log" | tr '\n' ' '
        grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$BUILD/fuzz-$target.log" | tail -1
    else
        echo "fuzz_$target FAILED; its log ($BUILD/fuzz-$target.log) ends:"
        tail -40 "$BUILD/fuzz-$target.log"
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]} (inputs in $BUILD/fuzz-artifacts/)"
    exit 1
fi
echo "fuzzing: ${#targets[@]} targets, ${SECONDS_EACH} s each, nothing found"
