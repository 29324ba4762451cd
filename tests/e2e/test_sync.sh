#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# painlog sync through one plain shared directory (no sync tool: the fast
# suite that always runs): three replicas pair, edit, change the same
# records apart and converge; what the folder holds is sealed, and every
# replica writes only its own directory; every bad input is one line,
# exit 2, and changes nothing. The same scenarios run through Syncthing in
# test_sync_syncthing.sh.
source "$(dirname "$0")/lib.sh"
FOLDER_A=$WORK/folder FOLDER_B=$WORK/folder FOLDER_C=$WORK/folder
source "$(dirname "$0")/sync_lib.sh"

# Bad input first, on diaries that do not sync yet.
case_ "sync, status and conflicts before pairing"
DB=$WORK/A.db
new_diary
snapshot
run painlog sync
expect_rc 2
expect_error "this diary does not sync yet; expected painlog sync init DIR"
expect_unchanged
run painlog sync status
expect_rc 0
expect_out_has "This diary does not sync."
run painlog sync conflicts
expect_out_is "No conflicts."

case_ "join: no folder, not a sync folder, no key, a key that is not one"
mkdir -p "$WORK/plain-dir"
printf 'not a key\n' >"$WORK/bad-key.txt"
run painlog sync join "$WORK/nowhere" --key-file "$WORK/bad-key.txt"
expect_rc 2
expect_error "bad-key.txt: not a sync key; expected the PAINLOG-SYNC-KEY-1... key"
run painlog sync join "$WORK/plain-dir"
expect_rc 2
expect_error "sync join: no key; expected --key-file FILE"
run painlog sync join "$WORK/plain-dir" --key-file "$WORK/no-such-key.txt"
expect_rc 2
expect_error "--key-file $WORK/no-such-key.txt: cannot read: no such file"
printf '# nothing here\n' >"$WORK/empty-key.txt"
run painlog sync join "$WORK/plain-dir" --key-file "$WORK/empty-key.txt"
expect_rc 2
expect_error "empty-key.txt: holds no key"
expect_unchanged

case_ "init: an existing key file is never replaced, and nothing is written"
printf 'precious\n' >"$WORK/taken.txt"
run painlog sync init "$WORK/new-folder" --key-file "$WORK/taken.txt"
expect_rc 2
expect_error "--key-file $WORK/taken.txt: already exists; expected a new file name (painlog never replaces a key)"
expect_eq "$(cat "$WORK/taken.txt")" precious "the file"
[ ! -e "$WORK/new-folder" ] && pass || fail "the folder was made"
run painlog sync init "$WORK/new-folder" --key-file "$WORK/no-dir/key.txt"
expect_rc 2
expect_error "no such directory"
run painlog sync init "$WORK/bad-key.txt"
expect_rc 2
expect_error "bad-key.txt: not a directory; expected a folder to sync through"
expect_unchanged
run painlog sync dismiss
expect_rc 2
expect_error "sync dismiss: expected conflict ids"
run painlog sync dismiss 3
expect_rc 2
expect_error "conflict 3: no such conflict; see painlog sync conflicts"
run painlog sync dismiss three
expect_rc 2
expect_unchanged
rm -f "$WORK/A.db"

sync_scenarios

# The record's local id on replica $1 (the ids differ between replicas):
# $2 is the table, $3 an SQL condition that picks the one row.
local_id() { sqlite3 "$WORK/$1.db" "SELECT id FROM $2 WHERE $3"; }
# Replica $1's regions and qualities of the entry with note $2, as one line.
body_of() { at "$1" list --all --format json | jq -c --arg n "$2" '.[] | select(.note == $n) | [.regions, .qualities]'; }
# Replica $1's dose with note $2, as one line.
dose_of() {
    at "$1" export --format json | jq -c --arg n "$2" '.doses[] | select(.note == $n) | [.medicine, .amount, .unit, .as_needed]'
}
# Replica $1's pre-infusion check of the infusion labelled $2, as one line.
check_of() {
    sqlite3 "$WORK/$1.db" "SELECT quote(c.pregnant), quote(c.breastfeeding), quote(c.heart_problem), quote(c.new_symptoms),
        quote(c.sedation), quote(c.escort)
        FROM infusion_check c JOIN event e ON e.id = c.event_id WHERE e.label = '$2'"
}

case_ "an entry's body regions and pain qualities travel with it, and so do their edits"
at A add --pain 7 --where left-foot --feels burning --note "A's foot" --at 2026-11-20T08:00 >/dev/null
converge
expect_converged "after an entry with a region and a quality"
for r in B C; do expect_eq "$(body_of "$r" "A's foot")" '[["left-foot"],["burning"]]' "$r's regions and qualities"; done
at B edit "$(local_id B entry "note = 'A''s foot'")" --not-where left-foot --where neck --feels electric >/dev/null
converge
expect_converged "after --not-where and --where on B"
for r in A C; do expect_eq "$(body_of "$r" "A's foot")" '[["neck"],["burning","electric-shocks"]]' "$r's after B's edit"; done
at C edit "$(local_id C entry "note = 'A''s foot'")" --not-feels burning >/dev/null
converge
expect_eq "$(body_of A "A's foot")" '[["neck"],["electric-shocks"]]' "A's after C's --not-feels"

case_ "regions changed on A and on C while apart: the later wins everywhere, the other is kept"
PAINLOG_NOW=2026-11-23T09:00:00Z at A edit "$(local_id A entry "note = 'A''s foot'")" --where feet >/dev/null
PAINLOG_NOW=2026-11-23T10:00:00Z at C edit "$(local_id C entry "note = 'A''s foot'")" --not-where neck \
    --where right-hand >/dev/null
converge
expect_converged "after regions changed apart"
for r in A B C; do expect_eq "$(body_of "$r" "A's foot")" '[["right-hand"],["electric-shocks"]]' "$r's regions"; done
expect_eq "$(at B sync conflicts --format json | jq -c '[.[] | select(.data.note == "A'"'"'s foot") | .data.entry_region]')" \
    '[[["left-foot"],["neck"],["right-foot"]]]' \
    "the regions kept as a conflict (feet is both feet)"

case_ "a dose taken on C arrives, edited on B and deleted on A: the same everywhere"
at C med take oxycodone 5mg --prn --at 2026-11-21T22:00 --note "C's dose" >/dev/null
at A med take pregabalin 75mg --at 2026-11-21T08:00 --note "A's dose" >/dev/null
converge
expect_converged "after doses on C and A"
for r in A B; do expect_eq "$(dose_of "$r" "C's dose")" '["oxycodone",5,"mg",true]' "C's dose on $r"; done
for r in B C; do expect_eq "$(dose_of "$r" "A's dose")" '["pregabalin",75,"mg",false]' "A's dose on $r"; done
at B med edit "$(local_id B dose "note = 'C''s dose'")" --amount 10mg --regular >/dev/null
converge
expect_converged "after a dose edited on B"
for r in A C; do expect_eq "$(dose_of "$r" "C's dose")" '["oxycodone",10,"mg",false]' "the edited dose on $r"; done
at A med rm --yes "$(local_id A dose "note = 'C''s dose'")" >/dev/null
converge
expect_converged "after a dose deleted on A"
for r in B C; do expect_eq "$(dose_of "$r" "C's dose")" "" "the deleted dose on $r"; done

case_ "a pre-infusion check answered on B for A's booked infusion travels with it, and changes with it"
at A event add infusion --at 2026-12-08T10:00 --label third >/dev/null
converge
run at B prepare --event "$(local_id B event "label = 'third'")" --pregnant no --breastfeeding no --heart-problem no \
    --new-symptoms none
expect_rc 0
converge
expect_converged "after a check answered on B"
for r in A C; do expect_eq "$(check_of "$r" third)" "0|0|0|''|NULL|NULL" "B's answers on $r"; done
run at C prepare --event "$(local_id C event "label = 'third'")" --sedation yes --escort yes
expect_rc 0
converge
expect_converged "after more answers on C"
for r in A B; do expect_eq "$(check_of "$r" third)" "0|0|0|''|1|1" "the answers on $r"; done
at A event edit "$(local_id A event "label = 'third'")" --label "third, moved" --at 2026-12-09T10:00 >/dev/null
converge
expect_converged "after the infusion moved on A"
for r in B C; do expect_eq "$(check_of "$r" "third, moved")" "0|0|0|''|1|1" "the check of the moved infusion on $r"; done
at B event rm --yes "$(local_id B event "label = 'third, moved'")" >/dev/null
converge
expect_converged "after the infusion deleted on B"
for r in A C; do
    expect_eq "$(sqlite3 "$WORK/$r.db" "SELECT count(*) FROM event WHERE label LIKE 'third%'")" 0 "the infusion on $r"
    # The check went with it, leaving no row behind that names it.
    expect_eq "$(sqlite3 "$WORK/$r.db" "SELECT count(*) FROM infusion_check WHERE event_id NOT IN (SELECT id FROM event)")" \
        0 "checks of no infusion on $r"
done

case_ "what the folder holds: a marker and one directory per replica, named after it, of sealed files"
ids=$(for r in A B C; do at "$r" sync status --format json | jq -r .replica; done | sort | tr '\n' ' ')
dirs=$(cd "$WORK/folder" && find . -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | tr '\n' ' ')
expect_eq "$dirs" "$ids" "the replica directories"
expect_eq "$(cd "$WORK/folder" && find . -type f ! -name '*.plsync' ! -name painlog-sync-folder | wc -l)" 0 \
    "files that are neither change files nor the marker"
expect_eq "$(cat "$WORK"/folder/*/*.plsync "$WORK/folder/painlog-sync-folder" | grep -ac -e 'changed on' -e 'pregabalin' \
    -e 'Pat Example' -e 'ketamine' -e 'oxycodone' -e 'left-foot' -e 'third, moved')" 0 "readable diary text in the folder"
for f in "$WORK"/folder/*/*.plsync; do
    [ "$(head -c 15 "$f")" = "painlog-sync 1" ] && pass || fail "$f does not start with the magic"
done

case_ "status: the folder, each replica and the files read"
run at A sync status
expect_rc 0
expect_out_has "Sync folder: $WORK/folder"
expect_out_has "This machine,"
expect_eq "$(printf '%s\n' "$OUT" | grep -c '^Replica ')" 2 "other replicas listed"
expect_out_has "Not yet sent: 0 records"
run at A sync
expect_rc 0
expect_out_is "Up to date with $WORK/folder."

case_ "pairing twice, a folder sealed with another key, and the key of another folder"
run at A sync init "$WORK/folder2"
expect_rc 2
expect_error "this diary already syncs with $WORK/folder"
DB=$WORK/D.db
new_diary
run painlog sync init "$WORK/folder"
expect_rc 2
expect_error "already a painlog sync folder; expected painlog sync join"
run painlog sync init "$WORK/other-folder" --key-file "$WORK/other-key.txt"
expect_rc 0
snapshot
run painlog sync join "$WORK/folder" --key-file "$WORK/key.txt"
expect_rc 2
expect_error "already syncs with"
run at A sync "$WORK/other-folder"
expect_rc 2
expect_error "painlog-sync-folder: sealed with another sync key"
DB=$WORK/E.db
new_diary
snapshot
run painlog sync join "$WORK/folder" --key-file "$WORK/other-key.txt"
expect_rc 2
expect_error "sealed with another sync key"
expect_unchanged
run painlog sync join "$WORK/folder" --key-file "$WORK/key.txt" --format json
expect_rc 0
expect_eq "$(printf '%s' "$OUT" | jq -r '.sync.received > 0')" true "E received the diary"

case_ "a copy of a diary made before it was paired joins as a replica of its own, and nothing doubles"
at F add --pain 3 --note "made before the copy" >/dev/null
cp "$WORK/F.db" "$WORK/G.db"
at F sync init "$WORK/folder3" --key-file "$WORK/key3.txt" >/dev/null
run at G sync join "$WORK/folder3" --key-file "$WORK/key3.txt" --format json
expect_rc 0
[ "$(at F sync status --format json | jq -r .replica)" != "$(at G sync status --format json | jq -r .replica)" ] &&
    pass || fail "the copy kept the replica id of the diary it was copied from"
at G add --pain 4 --note "on the copy" >/dev/null
REPLICAS=(F G)
FOLDER_F=$WORK/folder3 FOLDER_G=$WORK/folder3
converge
expect_converged "a diary and its copy"
expect_eq "$(at F list --all --format json | jq -r 'map(.note) | sort | join("|")')" "made before the copy|on the copy" "F's entries"
expect_eq "$(find "$WORK/folder3" -mindepth 1 -maxdepth 1 -type d | wc -l)" 2 "replica directories"

finish
