#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Faults around painlog sync, through one shared directory: a change file
# cut short, changed, or sealed with another key; a replica whose clock is
# hours ahead; a replica offline for a year of entries; a diary restored
# from an old backup. Each ends with every replica's diary checking clean,
# the replicas converged, and nothing lost. (kill -9 during sync:
# test_sync_kill.sh.)
source "$(dirname "$0")/lib.sh"
FOLDER_A=$WORK/folder FOLDER_B=$WORK/folder FOLDER_C=$WORK/folder
source "$(dirname "$0")/sync_lib.sh"

# notes R: replica R's entry notes, sorted, one line.
notes() { at "$1" list --all --format json | jq -r 'map(.note) | sort | join("|")'; }
# newest_file R: the path of replica R's latest change file.
newest_file() {
    local id
    id=$(at "$1" sync status --format json | jq -r .replica)
    find "$WORK/folder/$id" -name '*.plsync' | sort | tail -1
}

at A add --pain 4 --note "first" >/dev/null
at A sync init "$WORK/folder" --key-file "$WORK/key.txt" >/dev/null
at B sync join "$WORK/folder" --key-file "$WORK/key.txt" >/dev/null
at C sync join "$WORK/folder" --key-file "$WORK/key.txt" >/dev/null
converge

case_ "a change file cut short: the others wait for it, its replica replaces it, nothing is lost"
at A add --pain 5 --note "in the cut file" >/dev/null
at A sync >/dev/null
cut=$(newest_file A)
truncate -s -20 "$cut"
run at B sync
expect_rc 1
expect_error "$cut: does not authenticate (damaged, cut short, or moved from its place in the folder); skipped"
run at A sync
expect_rc 0
expect_out_has "Replaced 1 damaged change file of this machine"
converge
expect_converged "after a cut file"
expect_eq "$(notes C)" "first|in the cut file" "C's entries"

case_ "a change file with one byte changed (same size): the same"
at B add --pain 6 --note "in the changed file" >/dev/null
at B sync >/dev/null
changed=$(newest_file B)
size=$(stat -c %s "$changed")
printf '\x00' | dd of="$changed" bs=1 seek=$((size / 2)) conv=notrunc status=none
run at C sync
expect_rc 1
expect_error "does not authenticate"
converge
expect_converged "after a changed byte"
expect_eq "$(notes A)" "first|in the changed file|in the cut file" "A's entries"

case_ "files sealed with another key: refused with a warning every sync, never merged; the replicas converge"
at D add --pain 9 --note "another folder's diary" >/dev/null
at D sync init "$WORK/other-folder" --key-file "$WORK/other-key.txt" >/dev/null
cp -r "$WORK/other-folder"/*-*-*-*-* "$WORK/folder/"
at C add --pain 2 --note "while a stranger is in the folder" >/dev/null
sync_round
expect_eq "$SYNC_STATUS" 111 "exit statuses of A, B and C"
expect_eq "$(cat "$WORK"/.sync-?.err | grep -c 'sealed with another sync key')" 3 "warnings"
sync_round
expect_converged "with a stranger's files in the folder"
expect_eq "$(notes B | grep -c "another folder")" 0 "entries of the other folder merged"
# One of A's own files replaced by the stranger's file: A writes it again.
own=$(newest_file A)
cp "$(find "$WORK/other-folder" -name '00000001.plsync')" "$own"
run at A sync
expect_out_has "Replaced 1 damaged change file"
rm -r "$WORK/folder/$(at D sync status --format json | jq -r .replica)"
converge
expect_converged "once the stranger's files are gone"
expect_eq "$(notes A)" "first|in the changed file|in the cut file|while a stranger is in the folder" "A's entries"

case_ "a clock 6 hours ahead: its change made apart wins, the other is kept; a change made after seeing it wins"
id_a=$(at A list --format json | jq -r '.[] | select(.note == "first") | .id')
id_b=$(at B list --format json | jq -r '.[] | select(.note == "first") | .id')
PAINLOG_NOW=2026-11-23T02:00:00Z at B edit "$id_b" --note "B, its clock 6 h ahead" >/dev/null
PAINLOG_NOW=2026-11-22T20:30:00Z at A edit "$id_a" --note "A, later in real time" >/dev/null
converge
expect_converged "after the fast clock's change"
expect_eq "$(at C list --format json | jq -r '.[] | select(.pain == 4) | .note')" "B, its clock 6 h ahead" "the note on C"
expect_eq "$(at C sync conflicts --format json | jq -r '.[] | .data.note')" "A, later in real time" "the change kept"
PAINLOG_NOW=2026-11-22T20:45:00Z at A edit "$id_a" --note "A, after seeing B's" >/dev/null
converge
expect_converged "after a change made on a slow clock after seeing the fast one's"
expect_eq "$(at B list --format json | jq -r '.[] | select(.pain == 4) | .note')" "A, after seeing B's" "the note on B"

case_ "a replica offline for a year of entries, and busy itself: all of both arrive"
year_csv() {
    sqlite3 -batch -csv -header :memory: "
        WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < 729)
        SELECT strftime('%Y-%m-%dT%H:%M:%SZ', '2025-11-01', '+' || (n * 12) || ' hours') AS time,
               'Europe/London' AS zone, n % 11 AS pain, '$1 ' || n AS note FROM i"
}
year_csv "A year" >"$WORK/year-a.csv"
year_csv "C offline" >"$WORK/year-c.csv"
at A import "$WORK/year-a.csv" --format csv >/dev/null
at C import "$WORK/year-c.csv" --format csv >/dev/null
REPLICAS=(A B)
converge
expect_converged "while C is offline"
REPLICAS=(A B C)
converge
expect_converged "after C comes back"
expect_eq "$(at B list --all --format json | jq '[.[] | select(.note | startswith("C offline"))] | length')" 730 \
    "C's offline entries on B"
expect_eq "$(at C list --all --format json | jq '[.[] | select(.note | startswith("A year"))] | length')" 730 \
    "A's year on C"

case_ "a diary restored from an old backup syncs: a new replica id, and nothing is lost"
at A db backup "$WORK/a-backup.db" >/dev/null
old_id=$(at A sync status --format json | jq -r .replica)
at A add --pain 7 --note "after the backup" >/dev/null
converge
run at A db restore --force "$WORK/a-backup.db"
expect_rc 0
at A add --pain 8 --note "after the restore" >/dev/null
run at A sync
expect_rc 0
expect_out_has "This diary was restored from a backup or copied: it now writes as replica"
[ "$(at A sync status --format json | jq -r .replica)" != "$old_id" ] && pass || fail "the replica id did not change"
converge
expect_converged "after the restore"
for r in A B C; do
    expect_eq "$(at "$r" list --format json | jq -r '[.[] | select(.note | startswith("after the"))] | map(.note) | sort | join("|")')" \
        "after the backup|after the restore" "$r's entries since the backup"
done
expect_eq "$(at A sync conflicts --format json | jq 'map(select(.data.note // "" | startswith("after"))) | length')" 0 \
    "conflicts about the restored entries"

case_ "an own change file whose time changed (touch, a checkout) but still opens is not damaged"
touched=$(newest_file B)
touch -d "2020-01-01 00:00" "$touched"
before=$(find "$WORK/folder" -name '*.plsync' | wc -l)
run at B sync --format json
expect_rc 0
expect_eq "$(printf '%s' "$OUT" | jq -c '[.repaired, .sent]')" "[0,0]" "repaired and sent"
expect_eq "$(find "$WORK/folder" -name '*.plsync' | wc -l)" "$before" "change files"
run at B sync --format json
expect_eq "$(printf '%s' "$OUT" | jq .up_to_date)" true "up to date once the new time is recorded"
converge
expect_converged "after a touched file"

finish
