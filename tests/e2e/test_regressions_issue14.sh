#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regressions found by an adversarial test (issue 14): each case is named
# after the defect it pins, and failed before the fix.
source "$(dirname "$0")/lib.sh" "$@"

# Peak memory in KB. AddressSanitizer keeps freed memory in quarantine and
# shadows all of it, so a sanitized build's figure says nothing: 0 there.
if grep -qa AddressSanitizer "$PAINLOG_BIN"; then
    echo "sanitized build: memory bounds not measured"
    peak_kb() { "$@" >/dev/null 2>&1; echo 0; }
else
    peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
fi

case_ "1. a backup that cannot be restored: an entry without values exports and imports"
painlog add --pain 5 >/dev/null
run painlog edit 1 --clear pain
expect_rc 2
expect_error "edit 1: that would leave the entry with no values; expected at least one to remain, or painlog rm 1"
expect_eq "$(sql 'SELECT pain FROM entry WHERE id = 1')" "5" "the refused edit kept the value"
# A diary from before 0.2, where an edit could clear every value.
sql "UPDATE entry SET pain = NULL WHERE id = 1"
painlog add --mood 6 --tag walk >/dev/null
for format in json csv; do
    painlog export --format "$format" -o "$WORK/empty.$format"
    rm -f "$WORK/restored.db"
    run "$PAINLOG_BIN" --db "$WORK/restored.db" import "$WORK/empty.$format"
    expect_rc 0
    run "$PAINLOG_BIN" --db "$WORK/restored.db" export --format "$format"
    expect_eq "$OUT" "$(cat "$WORK/empty.$format")" "$format export -> import -> export"
done

case_ "2. the diary overwritten by its own export: -o and db backup refuse the diary by identity"
snapshot
ln -sf "$DB" "$WORK/alias.db"
mkdir -p "$WORK/sub"
for target in "$DB" "$WORK/alias.db" "$WORK/sub/../diary.db"; do
    run painlog export -o "$target"
    expect_rc 2
    expect_error "is the diary itself; expected another file name"
    run painlog report --format html -o "$target"
    expect_rc 2
    run painlog db backup --force "$target"
    expect_rc 2
    expect_error "is the diary itself"
done
for companion in "$DB-journal" "$WORK/sub/../diary.db-wal" "$WORK/sub/../diary.db-shm"; do
    run painlog export -o "$companion"
    expect_rc 2
    expect_error "is the diary's SQLite"
done
expect_unchanged
[ ! -e "$DB-journal" ] && [ ! -e "$DB-wal" ] && pass || fail "a journal-named file was written"

case_ "3. -o and db backup --force never replace a device or FIFO"
run painlog export -o /dev/null
expect_rc 0
[ -c /dev/null ] && pass || fail "/dev/null is no longer a device"
run painlog db backup --force /dev/null
expect_rc 2
expect_error "/dev/null: is not a regular file"
[ -c /dev/null ] && pass || fail "/dev/null replaced by db backup"
mkfifo "$WORK/fifo"
timeout 20 cat "$WORK/fifo" >"$WORK/from-fifo" &
run painlog export --format json -o "$WORK/fifo"
wait
expect_rc 0
[ -p "$WORK/fifo" ] && pass || fail "the FIFO was replaced"
expect_eq "$(tr -d '\n ' <"$WORK/from-fifo" | head -c 30)" '{"format":"painlog","format_ve' "what the FIFO carried"
run painlog db backup --force "$WORK/fifo"
expect_rc 2
run painlog export -o "$WORK/sub"
expect_rc 2
expect_error "is not a regular file, pipe or terminal"

case_ "4. entries with the same id in one file are renumbered, not 'database table is locked'"
rm -f "$WORK/dup.db"
printf 'id,time,zone,pain\n1,2026-11-20T08:00:00+00:00,Europe/London,3\n1,2026-11-21T08:00:00+00:00,Europe/London,4\n' \
    >"$WORK/dup.csv"
run "$PAINLOG_BIN" --db "$WORK/dup.db" import "$WORK/dup.csv"
expect_rc 0
expect_out_has "Imported 2 entries"
expect_eq "$(sqlite3 "$WORK/dup.db" 'SELECT group_concat(id || ":" || pain) FROM entry')" "1:3,2:4" "ids"
cat >"$WORK/dup.json" <<'EOF'
{"format": "painlog", "format_version": 1, "entries": [
 {"id": 7, "time": "2026-11-20T08:00:00+00:00", "zone": "Europe/London", "pain": 3},
 {"id": 7, "time": "2026-11-21T08:00:00+00:00", "zone": "Europe/London", "pain": 4}]}
EOF
rm -f "$WORK/dup.db"
run "$PAINLOG_BIN" --db "$WORK/dup.db" import "$WORK/dup.json"
expect_rc 0
expect_eq "$(sqlite3 "$WORK/dup.db" 'SELECT count(*) FROM entry')" "2" "both JSON entries"

case_ "5. a tag holding ';' or a backslash survives a CSV round trip"
DB="$WORK/tags.db"
painlog add --pain 3 --tag 'a;b' --better 'c\d' --worse 'e\;f' >/dev/null
painlog export -o "$WORK/tags.csv"
expect_eq "$(grep -c 'a\\;b' "$WORK/tags.csv")" "1" "escaped in the file"
run painlog import "$WORK/tags.csv"
expect_out_has "skipped 1 entry already in the diary"
expect_eq "$(sql 'SELECT count(*) FROM entry')" "1" "no duplicate in the source diary"
rm -f "$WORK/tags2.db"
"$PAINLOG_BIN" --db "$WORK/tags2.db" import "$WORK/tags.csv" >/dev/null
expect_eq "$(sqlite3 "$WORK/tags2.db" "SELECT group_concat(kind || '=' || name, ' ') FROM entry_tag ORDER BY kind")" \
    'activity=a;b better=c\d worse=e\;f' "the tags themselves"
DB="$WORK/diary.db"

case_ "6. output write errors: a full stdout is exit 1 with a message"
for args in "export --format json" "list --all" "report" "summary --format json" "event list" "--help"; do
    # shellcheck disable=SC2086
    "$PAINLOG_BIN" --db "$DB" $args >/dev/full 2>"$WORK/.stderr"
    RC=$?
    ERR=$(cat "$WORK/.stderr")
    expect_rc 1
    expect_error "standard output: cannot write: No space left on device"
done

case_ "7. C1 control characters: refused on input, escaped on a terminal"
DB="$WORK/c1.db"
csi=$'\xc2\x9b'
for args in "--note" "--tag" "--side-effect"; do
    run painlog add --pain 2 "$args" "x${csi}31m"
    expect_rc 2
done
run painlog event add infusion --at 2026-11-20T10:00 --label "k${csi}2J"
expect_rc 2
run painlog config set name "Alex${csi}"
expect_rc 2
expect_error "got the control character U+009B"
printf 'time,zone,pain,note\n2026-11-20T08:00:00+00:00,Europe/London,3,x%s\n' "$csi" >"$WORK/c1.csv"
run painlog import "$WORK/c1.csv"
expect_rc 2
expect_error "control character U+009B"
[ ! -e "$DB" ] && pass || fail "a refused write created the diary"
# Text put into the file by other means is escaped on a terminal.
painlog add --pain 4 --note "plain" --tag walk >/dev/null
painlog event add infusion --at 2026-11-20T10:00 --label "ketamine" >/dev/null
sql "UPDATE entry SET note = 'a' || char(27) || ']0;pwned' || char(7) || 'b' || char(155) || 'c'"
sql "UPDATE entry_tag SET name = 'w' || char(27) || '[2J'"
sql "UPDATE event SET label = 'k' || char(27) || '[1A'"
for args in "list" "show 1" "report" "summary" "event list" "status" "list --format json"; do
    OUT=$(script -qec "'$PAINLOG_BIN' --db '$DB' --color never $args" /dev/null 2>&1)
    [[ "$OUT" != *$'\033'* && "$OUT" != *$'\xc2\x9b'* && "$OUT" != *$'\a'* ]] && pass \
        || fail "painlog $args put a raw control character on the terminal"
done
OUT=$(script -qec "'$PAINLOG_BIN' --db '$DB' --color never show 1" /dev/null 2>&1)
expect_out_has 'a\u001b]0;pwned\u0007b\u009bc'
OUT=$(script -qec "'$PAINLOG_BIN' --db '$DB' --color always list" /dev/null 2>&1)
expect_out_has $'\033[1mID'
# Piped, the bytes are the data, untouched.
run painlog list --format csv
expect_out_has $'a\033]0;pwned'
run painlog show "1$(printf '\033')[2J"
expect_rc 2
expect_error 'entry 1\u001b[2J: expected a positive whole number'

case_ "8. hostile imports are refused as soon as a field passes any valid value"
DB="$WORK/diary.db"
snapshot
head -c 3000000 /dev/zero | tr '\0' x | { printf 'time,zone,note\n2026-11-20T08:00:00+00:00,Europe/London,"'; cat; } \
    >"$WORK/long.csv"
run painlog import "$WORK/long.csv"
expect_rc 2
expect_error "a field longer than 65536 bytes"
{ printf '{"format": "painlog", "format_version": 1, "entries": [{"note": "'; head -c 3000000 /dev/zero | tr '\0' x; } \
    >"$WORK/long.json"
run painlog import "$WORK/long.json"
expect_rc 2
expect_error "a value longer than 65536 bytes"
run timeout 20 "$PAINLOG_BIN" --db "$DB" import --format csv /dev/zero
expect_rc 2
expect_error "NUL byte"
run timeout 20 "$PAINLOG_BIN" --db "$DB" import --format json /dev/zero
expect_rc 2
head -c 50000000 /dev/zero | tr '\0' ' ' >"$WORK/spaces.json"
run painlog import "$WORK/spaces.json"
expect_rc 2
expect_unchanged
kb=$(peak_kb "$PAINLOG_BIN" --db "$DB" import "$WORK/long.csv")
[ "$kb" -lt 32768 ] && pass || fail "a 3 MB field took $kb KB"
{ printf 'time,zone,note\n2026-11-20T08:00:00+00:00,Europe/London,"'; head -c 60000000 /dev/zero | tr '\0' y; } \
    >"$WORK/huge.csv"
kb=$(peak_kb "$PAINLOG_BIN" --db "$DB" import "$WORK/huge.csv")
[ "$kb" -lt 32768 ] && pass || fail "a 60 MB field took $kb KB"

case_ "9. list and report hold a bounded amount of memory, however long the diary"
DB="$WORK/long.db"
new_diary
sql "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199999)
     INSERT INTO entry (at, zone, day, pain, note)
     SELECT strftime('%Y-%m-%dT%H:%M:%SZ', '1960-01-01 09:00', '+' || (i / 10) || ' days', '+' || (i % 10) || ' hours'),
            'UTC', date('1960-01-01', '+' || (i / 10) || ' days'), i % 11, printf('note %d %.200c', i, 'x')
     FROM n"
list_kb=$(peak_kb "$PAINLOG_BIN" --db "$DB" list --all)
[ "$list_kb" -lt 32768 ] && pass || fail "list --all of 200,000 entries took $list_kb KB"
json_kb=$(peak_kb "$PAINLOG_BIN" --db "$DB" list --all --format json)
[ "$json_kb" -lt 32768 ] && pass || fail "list --all --format json took $json_kb KB"
report_kb=$(peak_kb "$PAINLOG_BIN" --db "$DB" report --since 70y)
[ "$report_kb" -lt 65536 ] && pass || fail "report --since 70y took $report_kb KB"
expect_eq "$("$PAINLOG_BIN" --db "$DB" list --all | wc -l)" "200001" "every entry listed"
run painlog report --since 70y --format json
expect_eq "$(printf '%s' "$OUT" | jq '.notes.total')" "200000" "notes counted"
expect_eq "$(printf '%s' "$OUT" | jq '.notes.shown | length')" "12" "notes shown"
[[ "$(printf '%s' "$OUT" | jq -r '.notes.shown[0].text')" == "note 199999 x"* ]] && pass || fail "newest note"

case_ "10. TZ as a zone file path is honoured; anything else is an error"
DB="$WORK/tz.db"
run env TZ=:/usr/share/zoneinfo/Europe/Paris "$PAINLOG_BIN" --db "$DB" add --pain 2 --format json
expect_out_has '"zone": "Europe/Paris"'
run env TZ=/usr/share/zoneinfo/Asia/Tokyo "$PAINLOG_BIN" --db "$DB" add --pain 2 --format json
expect_out_has '"zone": "Asia/Tokyo"'
run env TZ=:Europe/Berlin "$PAINLOG_BIN" --db "$DB" add --pain 2 --format json
expect_out_has '"zone": "Europe/Berlin"'
head -c 30 /usr/share/zoneinfo/Europe/Paris >"$WORK/truncated"
snapshot
for tz in "$WORK/truncated" ":$WORK/truncated" "EST5EDT,M3.2.0,M11.1.0" "Europe/Nowhere"; do
    run env TZ="$tz" "$PAINLOG_BIN" --db "$DB" add --pain 2
    expect_rc 2
    expect_error "TZ=$tz"
done
expect_unchanged

case_ "11. a newer diary with a hot journal is refused without rolling the journal back"
DB="$WORK/hot.db"
painlog add --pain 3 >/dev/null
python3 - "$DB" <<'EOF'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA user_version = 99")
db.execute("PRAGMA cache_size = 1")
db.execute("BEGIN IMMEDIATE")
db.execute("CREATE TABLE filler (x)")
for i in range(2000):
    db.execute("INSERT INTO filler VALUES (randomblob(500))")
os._exit(0)  # no commit: the journal stays, hot
EOF
[ -s "$DB-journal" ] && pass || fail "no hot journal to test with"
cp "$DB" "$WORK/hot.orig"
cp "$DB-journal" "$WORK/hot.journal"
for args in "list" "add --pain 4" "db check"; do
    # shellcheck disable=SC2086
    run painlog $args
    [ "$RC" -ne 0 ] && pass || fail "painlog $args accepted a newer diary"
    cmp -s "$DB" "$WORK/hot.orig" && cmp -s "$DB-journal" "$WORK/hot.journal" && pass \
        || fail "painlog $args changed the file or its journal"
done
run painlog list
expect_error "diary schema version 99 is newer than this painlog understands"

case_ "12. an empty file adopted as a diary is made private"
DB="$WORK/adopted.db"
(umask 022 && : >"$DB")
painlog add --pain 3 >/dev/null
expect_eq "$(stat -c %a "$DB")" "600" "mode of the adopted file"

case_ "13. invalid input on a new path creates nothing"
DB="$WORK/fresh/sub/diary.db"
bad_input() {
    run painlog "$@"
    [ "$RC" -ne 0 ] && pass || fail "painlog $* succeeded"
    [ ! -e "$WORK/fresh" ] && pass || fail "painlog $* created $(find "$WORK/fresh" | tr '\n' ' ')"
}
bad_input add --at 2026-02-30 --pain 3
bad_input add --pain 11
bad_input import "$WORK/c1.csv"
bad_input list --since 2026-02-30
bad_input show 3
bad_input edit 3 --pain 2
bad_input event add other --at 2027-01-01
bad_input config set day-start-hour 12
bad_input db backup "$WORK/copy.db"
for args in "list" "summary" "report" "status" "event list" "export"; do
    # shellcheck disable=SC2086
    run painlog $args
    expect_rc 0
    [ ! -e "$WORK/fresh" ] && pass || fail "painlog $args created the diary"
done
OUT=$(printf '4\n\004' | script -qec "'$PAINLOG_BIN' --db '$DB' add" /dev/null 2>&1)
[ ! -e "$WORK/fresh" ] && pass || fail "a cancelled check-in created the diary"
run painlog add --pain 3
expect_rc 0
expect_eq "$(stat -c %a "$DB") $(stat -c %a "$WORK/fresh") $(stat -c %a "$WORK/fresh/sub")" "600 700 700" "modes"
expect_eq "$(find "$WORK/fresh" -name '.*' | wc -l)" "0" "no temporary left"

case_ "14. summary fails on a damaged entry page as list, report and export do"
DB="$WORK/damaged.db"
new_diary
sql "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 55)
     INSERT INTO entry (at, zone, day, pain, note)
     SELECT strftime('%Y-%m-%dT12:00:00Z', '2026-09-28', '+' || i || ' days'), 'Europe/London',
            date('2026-09-28', '+' || i || ' days'), i % 11, printf('%.300c', 'n') FROM n"
page=$(sqlite3 "$DB" "SELECT pageno FROM dbstat WHERE name = 'entry' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1")
size=$(sqlite3 "$DB" "PRAGMA page_size")
printf 'garbage%.0s' $(seq 1 200) | dd of="$DB" bs=1 seek=$(((page - 1) * size)) conv=notrunc status=none
for args in "summary" "summary --format json" "list" "report" "export"; do
    # shellcheck disable=SC2086
    run painlog $args
    expect_rc 1
    expect_error "the diary is damaged"
done

case_ "15. a temporary left by a killed backup is removed by the next one"
DB="$WORK/diary.db"
: >"$WORK/.copy.db.painlog-999999999-abcdef"
: >"$WORK/.copy.db.painlog-999999999-abcdef-journal"
: >"$WORK/.copy.db.x1Y2z3"
touch -d '3 days ago' "$WORK/.copy.db.x1Y2z3"
: >"$WORK/.copy.db.q9W8e7"
: >"$WORK/.copy.db.painlog-$$-ghijkl"
run painlog db backup "$WORK/copy.db"
expect_rc 0
expect_eq "$(cd "$WORK" && ls -A | grep '^\.copy\.db' | sort | tr '\n' ' ')" \
    ".copy.db.painlog-$$-ghijkl .copy.db.q9W8e7 " "what is left: a live process's and a fresh one"
kill_during_backup() {
    "$PAINLOG_BIN" --db "$WORK/long.db" db backup --force "$WORK/big-copy.db" >/dev/null 2>&1 &
    local pid=$!
    sleep 0.05
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}
kill_during_backup
run "$PAINLOG_BIN" --db "$WORK/long.db" db backup --force "$WORK/big-copy.db"
expect_rc 0
expect_eq "$(cd "$WORK" && ls -A | grep -c '^\.big-copy\.db')" "0" "temporaries after a kill and a new backup"

case_ "16. messages say what is wrong, and the same everywhere"
run painlog list --last 0
expect_rc 2
expect_error "--last 0: expected a whole number of entries, 1 or more"
run painlog bogus
expect_rc 2
expect_error "bogus: unknown command; expected one of add, list,"
run painlog config set name "$(printf 'a\001b')"
expect_error "setting name: expected UTF-8 text of at most 100 bytes on one line"
run painlog add --pain 1 --at 9999-12-30
expect_error "--at 9999-12-30: is in the future"
for cmd in list summary trend report export; do
    run painlog $cmd --since 2026-11-30 --until 2026-11-01
    expect_rc 2
    expect_error "--since 2026-11-30: after the last day 2026-11-01; expected a first day on or before the last"
done

case_ "notes hold newlines and tabs alike in add, edit and import"
DB="$WORK/notes.db"
run painlog add --pain 3 --note $'two\nlines\tand a tab'
expect_rc 0
run painlog edit 1 --note $'edited\nagain'
expect_rc 0
expect_eq "$(sql 'SELECT note FROM entry')" $'edited\nagain' "edited note"
painlog export -o "$WORK/notes.csv"
rm -f "$WORK/notes2.db"
"$PAINLOG_BIN" --db "$WORK/notes2.db" import "$WORK/notes.csv" >/dev/null
expect_eq "$(sqlite3 "$WORK/notes2.db" 'SELECT note FROM entry')" $'edited\nagain' "imported note"

finish
