# SPDX-License-Identifier: GPL-3.0-or-later
# Shared helpers for the end-to-end suites. A suite is tests/e2e/test_*.sh,
# run by ctest as `bash test_x.sh PATH/TO/painlog`; it sources this file,
# makes its checks, and ends with `finish`.
#
#   run painlog add --pain 6      # runs a command: sets OUT, ERR and RC
#   expect_rc 0                   # each expect_* is one named check
#   expect_out_has "entry 1"
#   snapshot; run ...; expect_unchanged   # the diary's bytes did not change

set -u
PAINLOG_BIN=${1:?usage: bash test_x.sh PATH/TO/painlog}
SRC=${PAINLOG_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/painlog-e2e.XXXXXX")
CASE="(start)"
PASSED=0
FAILED=0

cleanup() { [ "$FAILED" -eq 0 ] && rm -rf "$WORK" || echo "kept $WORK for inspection"; }
trap cleanup EXIT

# A fixed person in a fixed place and time: nothing depends on the machine.
export HOME="$WORK/home"
mkdir -p "$HOME"
export TZ=Europe/London
export PAINLOG_NOW=2026-11-22T20:00:00Z
unset PAINLOG_DB XDG_DATA_HOME NO_COLOR
export DB="$WORK/diary.db"

# painlog against the suite's diary.
painlog() { "$PAINLOG_BIN" --db "$DB" "$@"; }

# Names the checks that follow, for failure messages.
case_() { CASE="$*"; }

run() {
    OUT=$("$@" 2>"$WORK/.stderr" </dev/null)
    RC=$?
    ERR=$(cat "$WORK/.stderr")
}

# Like run, with $1 fed to stdin.
run_with_input() {
    local input=$1
    shift
    OUT=$(printf '%s' "$input" | "$@" 2>"$WORK/.stderr")
    RC=$?
    ERR=$(cat "$WORK/.stderr")
}

pass() { PASSED=$((PASSED + 1)); }
fail() {
    FAILED=$((FAILED + 1))
    printf 'FAIL [%s] %s\n' "$CASE" "$*"
    printf '  rc=%s\n  stdout: %s\n  stderr: %s\n' "${RC-}" "${OUT-}" "${ERR-}" | head -20
}

expect_rc() { [ "$RC" -eq "$1" ] && pass || fail "exit code $RC, expected $1"; }
expect_out_has() { [[ "$OUT" == *"$1"* ]] && pass || fail "stdout lacks: $1"; }
expect_out_lacks() { [[ "$OUT" != *"$1"* ]] && pass || fail "stdout has: $1"; }
expect_err_has() { [[ "$ERR" == *"$1"* ]] && pass || fail "stderr lacks: $1"; }
expect_out_is() { [ "$OUT" == "$1" ] && pass || fail "stdout is not: $1"; }
expect_err_empty() { [ -z "$ERR" ] && pass || fail "stderr not empty"; }
expect_eq() { [ "$1" == "$2" ] && pass || fail "${3:-value}: got '$1', expected '$2'"; }

# An error is one line starting "painlog: " that contains $1.
expect_error() {
    local lines
    lines=$(printf '%s\n' "$ERR" | wc -l)
    [[ "$ERR" == "painlog: "*"$1"* && "$lines" -eq 1 ]] && pass || fail "stderr is not one 'painlog: ...$1...' line"
}

# The diary file, byte for byte, before and after a command.
snapshot() { cp "$DB" "$WORK/.snapshot" 2>/dev/null || rm -f "$WORK/.snapshot"; }
expect_unchanged() {
    if [ -f "$WORK/.snapshot" ]; then
        cmp -s "$DB" "$WORK/.snapshot" && pass || fail "the diary changed"
    else
        [ ! -e "$DB" ] && pass || fail "a diary was created"
    fi
}

# Compares stdout with tests/e2e/golden/$1; PAINLOG_UPDATE_GOLDEN=1 rewrites it.
expect_golden() {
    local file="$SRC/tests/e2e/golden/$1"
    if [ "${PAINLOG_UPDATE_GOLDEN:-0}" = 1 ]; then
        mkdir -p "$(dirname "$file")"
        printf '%s\n' "$OUT" >"$file"
    fi
    if [ -f "$file" ] && [ "$(cat "$file")" == "$OUT" ]; then
        pass
    else
        fail "stdout differs from golden/$1"
        diff <(printf '%s\n' "$OUT") "$file" | head -20
    fi
}

# An empty diary at $DB, made as a person would: reading commands create no
# file, so a setting is written and taken back.
new_diary() { painlog config set report-days 28 >/dev/null && painlog config unset report-days >/dev/null; }

# SQL against the diary through the sqlite3 shell, as a user would read it.
sql() { sqlite3 -batch -noheader "$DB" "$1"; }

finish() {
    printf '%s: %d passed, %d failed\n' "$(basename "$0" .sh)" "$PASSED" "$FAILED"
    [ "$FAILED" -eq 0 ]
}
