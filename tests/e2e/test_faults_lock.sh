# SPDX-License-Identifier: GPL-3.0-or-later
# Fault: the diary is locked by another process for longer than painlog's
# busy timeout (10 s, lib/painlog/store/diary.hpp). painlog must give up with a
# clear one-line error and exit 1, not hang, and write nothing; reads must
# keep working while another process merely holds the write lock.
source "$(dirname "$0")/lib.sh"

run painlog add --pain 5 --note "before the lock"
expect_rc 0

# sqlite3 takes the write lock (BEGIN IMMEDIATE) and keeps it for 14 s,
# beyond the 10 s busy timeout; it then rolls back.
hold_write_lock() {
    sqlite3 "$DB" "BEGIN IMMEDIATE;" ".system sleep $1" "ROLLBACK;" &
    HOLDER=$!
    # Wait until the lock is really held: a write with no wait fails.
    local i
    for i in $(seq 50); do
        sqlite3 -cmd ".timeout 0" "$DB" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null || return 0
        sleep 0.1
    done
    echo "the lock was never taken"
}

case_ "a write against a lock held beyond the busy timeout: clear error after ~10 s"
hold_write_lock 14
snapshot
started=$(date +%s.%N)
run painlog add --pain 7 --note "during the lock"
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
expect_rc 1
expect_error "$DB: the diary is locked by another process (waited 10 s); try again"
# It waited for the busy timeout (not failing at once) and did not hang.
awk -v e="$elapsed" 'BEGIN {exit !(e >= 9.5 && e < 15)}' && pass || fail "returned after ${elapsed} s, expected 10-15 s"

case_ "reads still work while another process holds the write lock"
started=$(date +%s.%N)
run painlog list --all --format csv
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
expect_rc 0
expect_out_has "before the lock"
awk -v e="$elapsed" 'BEGIN {exit !(e < 5)}' && pass || fail "a read took ${elapsed} s under a write lock"
wait "$HOLDER"

case_ "after the lock is gone: the diary is intact and writable"
expect_unchanged
expect_eq "$(sql "PRAGMA integrity_check")" "ok" "integrity_check"
run painlog add --pain 3 --note "after the lock"
expect_rc 0
expect_eq "$(sql "SELECT group_concat(note, '|') FROM entry ORDER BY id")" "before the lock|after the lock" "notes"

finish
