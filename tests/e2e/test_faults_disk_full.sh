# SPDX-License-Identifier: GPL-3.0-or-later
# Fault: the disk fills up. A write that cannot be completed must fail with
# a clear one-line error (exit 1) and leave the diary intact: it still
# passes PRAGMA integrity_check and holds exactly what it held before.
#
# Two ways to run out of room:
#  - a file size limit (prlimit --fsize) on the painlog process: works
#    anywhere. SIGXFSZ is ignored (an ignored signal survives exec), so the
#    write fails with EFBIG instead of killing the process.
#  - a small tmpfs, filled up: a real ENOSPC. Needs root and mount(2); the
#    part is skipped (noted, not failed) where that is not allowed.
source "$(dirname "$0")/lib.sh"

BIG_NOTE=$(head -c 3900 /dev/zero | tr '\0' 'n')
notes() { sqlite3 -batch -noheader "$1" "SELECT count(*), coalesce(sum(length(note)), 0) FROM entry"; }

# limited BYTES CMD...: CMD with a file size limit and SIGXFSZ ignored.
limited() {
    local bytes=$1
    shift
    (
        trap '' XFSZ
        exec prlimit --fsize="$bytes" "$@"
    )
}

for i in 1 2 3; do run painlog add --pain "$i" --note "entry $i" --worse stairs; done
expect_rc 0

case_ "file size limit: adds that need a bigger file fail clearly, nothing changes"
size=$(stat -c %s "$DB")
before=$(notes "$DB")
snapshot
failures=0
for i in 1 2 3 4 5 6; do
    run limited "$size" "$PAINLOG_BIN" --db "$DB" add --pain 7 --note "$BIG_NOTE" --better rest
    if [ "$RC" -ne 0 ]; then
        failures=$((failures + 1))
        expect_rc 1
        expect_error "$DB: the system refused a write (disk full, quota or file size limit, or a failing disk); nothing was written"
    fi
done
# The 45 KiB file has some free room in its pages, but not for six notes of
# 3.9 KB: at least one add must have needed a bigger file.
[ "$failures" -ge 1 ] && pass || fail "no add hit the file size limit"
expect_eq "$(sql "PRAGMA integrity_check")" "ok" "integrity_check"
[ ! -e "$DB-journal" ] && pass || fail "a journal was left behind"
expect_eq "$(sql "SELECT count(*) FROM entry WHERE note = 'entry 1' OR note = 'entry 2' OR note = 'entry 3'")" "3" \
    "the old entries"
expect_eq "$(sql "SELECT count(*) FROM entry")" "$((3 + 6 - failures))" "entries: the old ones and the adds that fitted"

case_ "file size limit: a backup that cannot be written leaves no file"
run limited 4096 "$PAINLOG_BIN" --db "$DB" db backup "$WORK/limited-copy.db"
expect_rc 1
expect_error "$WORK/limited-copy.db: cannot write the backup"
[ -z "$(ls -A "$WORK" | grep 'limited-copy')" ] && pass || fail "a partial backup was left: $(ls -A "$WORK")"
run painlog db check
expect_rc 0

case_ "full tmpfs: ENOSPC gives 'the disk is full', the diary keeps its content"
MNT="$WORK/small-disk"
mkdir -p "$MNT"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=320k,mode=0700 tmpfs "$MNT" 2>/dev/null; then
    trap 'umount "$MNT" 2>/dev/null; cleanup' EXIT
    FULL="$MNT/diary.db"
    for i in 1 2 3; do "$PAINLOG_BIN" --db "$FULL" add --pain "$i" --note "entry $i" >/dev/null; done
    # Fill the disk, then free 16 KiB: a few adds fit, then the disk is full.
    head -c 1M /dev/zero >"$MNT/filler" 2>/dev/null
    truncate -s -16K "$MNT/filler"
    added=0 failed=0
    for i in $(seq 40); do
        run "$PAINLOG_BIN" --db "$FULL" add --pain 5 --note "$BIG_NOTE"
        if [ "$RC" -eq 0 ]; then
            added=$((added + 1))
        else
            failed=$((failed + 1))
            expect_rc 1
            expect_error "$FULL: the disk is full; nothing was written"
        fi
    done
    [ "$failed" -ge 1 ] && pass || fail "the disk never filled up"
    expect_eq "$(sqlite3 "$FULL" "PRAGMA integrity_check")" "ok" "integrity_check on the full disk"
    expect_eq "$(sqlite3 "$FULL" "SELECT count(*) FROM entry")" "$((3 + added))" "entries on the full disk"
    run "$PAINLOG_BIN" --db "$FULL" list --all --format csv
    expect_rc 0
    expect_out_has "entry 3"
    run "$PAINLOG_BIN" --db "$FULL" db backup "$MNT/copy.db"
    expect_rc 1
    expect_error "$MNT/copy.db: the disk is full; no backup was written"
    expect_eq "$(ls -A "$MNT" | tr '\n' ' ')" "diary.db filler " "files on the full disk"
    # Room again: the diary takes writes as before.
    rm "$MNT/filler"
    run "$PAINLOG_BIN" --db "$FULL" add --pain 2 --note "after"
    expect_rc 0
    run "$PAINLOG_BIN" --db "$FULL" db check
    expect_rc 0
    umount "$MNT"
else
    echo "note: cannot mount a tmpfs here (needs root and mount); only the file size limit part ran"
fi

finish
