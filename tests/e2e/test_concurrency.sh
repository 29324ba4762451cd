#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Two painlog processes adding 200 entries each at the same moment both
# succeed: BEGIN IMMEDIATE and the busy timeout serialise the writers.
source "$(dirname "$0")/lib.sh" "$@"

case_ "two writers, 200 entries each"
painlog add --pain 0 --note "creates the diary" >/dev/null
writer() {
    local failures=0
    for i in $(seq 1 200); do
        painlog add --pain $((i % 11)) --tag "writer$1" --note "writer $1 entry $i" >/dev/null 2>>"$WORK/errors.$1" \
            || failures=$((failures + 1))
    done
    echo "$failures" >"$WORK/failures.$1"
}
writer a & writer b &
wait
expect_eq "$(cat "$WORK/failures.a") $(cat "$WORK/failures.b")" "0 0" "failed adds"
expect_eq "$(cat "$WORK/errors.a" "$WORK/errors.b")" "" "error output"
expect_eq "$(sql "SELECT count(*) FROM entry")" "401" "entries"
expect_eq "$(sql "SELECT count(*) FROM entry_tag WHERE name IN ('writera', 'writerb')")" "400" "tags"
expect_eq "$(sql "PRAGMA integrity_check")" "ok" "integrity"

finish
