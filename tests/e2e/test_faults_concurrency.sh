# SPDX-License-Identifier: GPL-3.0-or-later
# Fault: several processes use the diary at once. Four writers add 200
# entries each while one reader runs 200 reads (list, and summary, trend and
# report when this build has them): 1,000 operations. Every one must
# succeed (the busy timeout and BEGIN IMMEDIATE serialise the writers) and
# no entry may be lost or duplicated.
source "$(dirname "$0")/lib.sh"

WRITERS=4
ADDS=200
READS=200

has_command() { "$PAINLOG_BIN" --help | sed -n '/^Subcommands:/,/^$/p' | grep -q "^  $1 "; }

# The reads to cycle through: whatever this build offers.
reads=("list --last 20" "list --all --format json")
has_command summary && reads+=("summary --since 28d" "summary --since 28d --format json")
has_command trend && reads+=("trend --since 28d")
has_command report && reads+=("report --since 28d --format html")
has_command status && reads+=("status")

run painlog add --pain 1 --note "seed"
expect_rc 0

writer() {
    local w=$1 i rc=0
    for i in $(seq "$ADDS"); do
        painlog add --pain $((i % 11)) --mood $(((i + w) % 11)) --note "w$w-$i" --worse "w$w" \
            >/dev/null 2>>"$WORK/errors.$w" || rc=1
    done
    return $rc
}

reader() {
    local i rc=0
    for i in $(seq "$READS"); do
        # shellcheck disable=SC2086
        painlog ${reads[$((i % ${#reads[@]}))]} >/dev/null 2>>"$WORK/errors.r" || rc=1
    done
    return $rc
}

case_ "4 writers and 1 reader at once: 1,000 operations, none fails"
pids=()
for w in $(seq "$WRITERS"); do
    writer "$w" &
    pids+=($!)
done
reader &
pids+=($!)
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
expect_eq "$failed" "0" "processes with a failed operation"
expect_eq "$(cat "$WORK"/errors.* | head -5)" "" "error output"

case_ "nothing lost, nothing duplicated, the diary is intact"
expect_eq "$(sql "SELECT count(*) FROM entry")" "$((WRITERS * ADDS + 1))" "entries"
expect_eq "$(sql "SELECT count(DISTINCT note) FROM entry")" "$((WRITERS * ADDS + 1))" "distinct notes"
for w in $(seq "$WRITERS"); do
    # Each writer's entries, in the order it added them (ids increase).
    expect_eq "$(sql "SELECT count(*) FROM entry WHERE note LIKE 'w$w-%'")" "$ADDS" "writer $w's entries"
    expect_eq "$(sql "SELECT group_concat(substr(note, length('w$w-') + 1), ',') FROM
        (SELECT note FROM entry WHERE note LIKE 'w$w-%' ORDER BY id)")" "$(seq -s, "$ADDS")" "writer $w's order"
    expect_eq "$(sql "SELECT count(*) FROM entry_tag WHERE kind = 'worse' AND name = 'w$w'")" "$ADDS" \
        "writer $w's tags"
done
expect_eq "$(sql "PRAGMA integrity_check")" "ok" "integrity_check"
run painlog db check
expect_rc 0

finish
