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

case_ "what the folder holds: a marker and one directory per replica, named after it, of sealed files"
ids=$(for r in A B C; do at "$r" sync status --format json | jq -r .replica; done | sort | tr '\n' ' ')
dirs=$(cd "$WORK/folder" && find . -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | tr '\n' ' ')
expect_eq "$dirs" "$ids" "the replica directories"
expect_eq "$(cd "$WORK/folder" && find . -type f ! -name '*.plsync' ! -name painlog-sync-folder | wc -l)" 0 \
    "files that are neither change files nor the marker"
expect_eq "$(cat "$WORK"/folder/*/*.plsync "$WORK/folder/painlog-sync-folder" | grep -ac -e 'changed on' -e 'pregabalin' \
    -e 'Pat Example' -e 'ketamine')" 0 "readable diary text in the folder"
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

finish
