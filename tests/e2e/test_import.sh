#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# painlog import: validation before writing, one transaction, idempotence,
# Daylio, and every class of bad file leaving the diary unchanged.
source "$(dirname "$0")/lib.sh"

FIX="$SRC/tests/fixtures/import"
HEADER="id,time,zone,day,pain,mood,energy,sleep_hours,sleep_quality,activity,tags_activity,tags_better,tags_worse,tags_side_effect,tags_medication,note"

painlog add --pain 5 --at 2026-11-01T09:00 >/dev/null
GOOD="$WORK/good.csv"
printf '%s\r\n' "$HEADER" \
    "1,2026-11-01T09:00:00+00:00,Europe/London,2026-11-01,5,,,,,,,,,,," \
    "7,2026-11-10T08:00:00+00:00,Europe/London,2026-11-10,4,6,,8.0,,,walk,,,,,first" \
    "8,2026-11-11T08:00:00+00:00,Europe/London,2026-11-11,3,,,,,,,heat,,,,\"two, lines
here\"" >"$GOOD"

case_ "--dry-run reports and writes nothing"
snapshot
run painlog import --dry-run "$GOOD"
expect_rc 0
expect_out_is "Would import 2 entries from $GOOD; would skip 1 entry already in the diary; nothing was written (--dry-run)."
expect_unchanged

case_ "--dry-run against a diary that does not exist creates none"
run "$PAINLOG_BIN" --db "$WORK/none.db" import --dry-run "$GOOD"
expect_rc 0
expect_out_is "Would import 3 entries from $GOOD; nothing was written (--dry-run)."
[ ! -e "$WORK/none.db" ] && pass || fail "a dry run created a diary"

case_ "import adds the new entries and skips the one already there"
run painlog import "$GOOD"
expect_rc 0
expect_out_is "Imported 2 entries from $GOOD; skipped 1 entry already in the diary."
expect_err_empty
expect_eq "$(sql 'SELECT count(*) FROM entry')" 3 "entries"
expect_eq "$(sql "SELECT note FROM entry WHERE day = '2026-11-11'")" $'two, lines\nhere' "note with newline"
expect_eq "$(sql "SELECT kind || ':' || name FROM entry_tag ORDER BY kind")" $'activity:walk\nbetter:heat' "tags"

case_ "importing the same file again adds nothing"
snapshot
run painlog import "$GOOD"
expect_rc 0
expect_out_is "Imported 0 entries from $GOOD; skipped 3 entries already in the diary."
expect_eq "$(sql 'SELECT count(*) FROM entry')" 3 "entries after re-import"

# Each bad file: exit 2, one line "painlog: FILE:LINE: column NAME: …", diary unchanged.
bad() {  # bad NAME CONTENT EXPECTED-MESSAGE
    local file="$WORK/$1"
    printf '%s' "$2" >"$file"
    case_ "bad file: $1"
    snapshot
    run painlog import "$file"
    expect_rc 2
    expect_error "$file:$3"
    expect_err_has "nothing was imported"
    expect_unchanged
}
bad empty.csv "" "1: empty file"
bad truncated.csv "$HEADER"$'\r\n'"9,2026-11-12T08:00:00+00:00,Europe/London,2026-11-12,3,,,,,,,,,,,\"a note cut sh" \
    "2: unterminated quoted field (the file may be truncated)"
bad header.csv $'when,zone,pain\r\n2026-11-12T08:00:00Z,Europe/London,3\r\n' "1: column when: unknown column"
bad columns.csv "$HEADER"$'\r\n'"9,2026-11-12T08:00:00+00:00,Europe/London,2026-11-12,3"$'\r\n' "2: 5 fields: expected 16 as in the header"
bad number.csv "$HEADER"$'\r\n'"9,2026-11-12T08:00:00+00:00,Europe/London,2026-11-12,7.5,,,,,,,,,,,"$'\r\n' \
    "2: column pain: 7.5: expected a whole number from 0 to 10"
bad range.csv "$HEADER"$'\r\n'"9,2026-11-12T08:00:00+00:00,Europe/London,2026-11-12,3,,,25,,,,,,,,"$'\r\n' \
    "2: column sleep_hours: 25: expected hours from 0 to 24"
bad date.csv "$HEADER"$'\r\n'"9,2026-11-31T08:00:00+00:00,Europe/London,2026-11-12,3,,,,,,,,,,,"$'\r\n' \
    "2: column time: 2026-11-31T08:00:00+00:00: expected a time with its offset"
bad day.csv "$HEADER"$'\r\n'"9,2026-11-12T08:00:00+00:00,Europe/London,12/11/2026,3,,,,,,,,,,,"$'\r\n' \
    "2: column day: 12/11/2026: expected a date like 2026-11-22"
bad json.json $'{\n  "format": "painlog",\n  "format_version": 1,\n  "entries": [\n    {"time": "2026-11-12T08:00:00Z", "zone": "UTC", "pain": 11}\n  ]\n}\n' \
    "5: column pain: 11: expected a whole number from 0 to 10"
bad broken.json $'{\n  "format": "painlog",\n  "entries": [\n    {"time": \n' "5: not valid JSON"

case_ "bad file: binary garbage"
head -c 4096 "$PAINLOG_BIN" >"$WORK/garbage.bin"
snapshot
run painlog import "$WORK/garbage.bin"
expect_rc 2
expect_error "$WORK/garbage.bin:1: "
expect_err_has "not a text file"
expect_unchanged

case_ "several problems: the first is shown with a count; --dry-run lists them all"
printf '%s\r\n' "$HEADER" "9,2026-11-12T08:00:00+00:00,Europe/London,,11,,,,,,,,,,," \
    "10,2026-11-13T08:00:00+00:00,Europe/London,,3,,,,,,,,,,," \
    "11,2026-11-14T08:00:00+00:00,Europe/London,,3,-1,,,,,,,,,," >"$WORK/two.csv"
snapshot
run painlog import "$WORK/two.csv"
expect_rc 2
expect_error "$WORK/two.csv:2: column pain: 11: expected a whole number from 0 to 10 (and 1 more; painlog import --dry-run lists them); nothing was imported"
run painlog import --dry-run "$WORK/two.csv"
expect_rc 2
expect_eq "$ERR" "painlog: $WORK/two.csv:2: column pain: 11: expected a whole number from 0 to 10
painlog: $WORK/two.csv:4: column mood: -1: expected a whole number from 0 to 10; nothing was imported" "dry-run problems"
expect_unchanged

case_ "a missing file, a directory, and options that do not fit"
snapshot
run painlog import "$WORK/nope.csv"
expect_rc 2
expect_error "$WORK/nope.csv: cannot read: No such file or directory"
run painlog import "$WORK"
expect_rc 2
expect_error "is a directory"
run painlog import --daylio-mood x=3 "$GOOD"
expect_rc 2
expect_error "--daylio-mood: only applies to --format daylio"
run painlog import --format xml "$GOOD"
expect_rc 2
expect_unchanged

case_ "- reads standard input, named stdin in messages"
export DB="$WORK/stdin.db"
OUT=$("$PAINLOG_BIN" --db "$DB" import - <"$GOOD" 2>"$WORK/.stderr"); RC=$?; ERR=$(cat "$WORK/.stderr")
expect_rc 0
expect_out_is "Imported 3 entries from stdin."
OUT=$(printf 'time,zone,pain\n2026-11-12T08:00:00Z,UTC,x\n' | "$PAINLOG_BIN" --db "$DB" import - 2>"$WORK/.stderr"); RC=$?; ERR=$(cat "$WORK/.stderr")
expect_rc 2
expect_error "stdin:2: column pain: x: expected a whole number from 0 to 10; nothing was imported"
export DB="$WORK/diary.db"

case_ "Daylio: moods, 12-hour times, activities, note title and note"
export DB="$WORK/daylio.db"
run painlog import "$FIX/daylio.csv"
expect_rc 0
expect_out_is "Imported 4 entries from $FIX/daylio.csv."
expect_eq "$(sql "SELECT at || ' ' || mood FROM entry ORDER BY at")" "2026-11-19T19:45:00Z 10
2026-11-20T00:15:00Z 0
2026-11-21T08:30:00Z 5
2026-11-21T21:05:00Z 8" "times (London is on UTC in November) and moods"
expect_eq "$(sql "SELECT note FROM entry WHERE mood = 8")" 'Better day
Pain eased after the walk, "finally"
slept well 😀' "note title and note"
expect_eq "$(sql "SELECT group_concat(name, ' ') FROM (SELECT name FROM entry_tag JOIN entry ON id = entry_id WHERE mood = 8 ORDER BY name)")" "friends reading walk" "activities"
expect_eq "$(sql "SELECT note FROM entry WHERE mood = 0")" "=couldn't sleep" "formula-like note"
run painlog import "$FIX/daylio.csv"
expect_out_is "Imported 0 entries from $FIX/daylio.csv; skipped 4 entries already in the diary."
run painlog import "$FIX/daylio_old.csv"
expect_rc 0
expect_eq "$(sql "SELECT mood || ' ' || note FROM entry WHERE day = '2026-11-18'")" "2 old layout without note_title" "older layout"

case_ "Daylio: a custom mood needs --daylio-mood"
snapshot
run painlog import "$FIX/daylio_custom.csv"
expect_rc 2
expect_error "$FIX/daylio_custom.csv:2: column mood: 'Ecstatic': not one of Daylio's default moods (rad, good, meh, bad, awful); map it to 0-10 with --daylio-mood 'ecstatic=N'"
expect_unchanged
run painlog import --daylio-mood ecstatic=9 --daylio-mood rad=10 "$FIX/daylio_custom.csv"
expect_rc 0
expect_eq "$(sql "SELECT mood FROM entry WHERE day = '2026-11-17'")" 9 "mapped custom mood"
run painlog import --daylio-mood ecstatic "$FIX/daylio_custom.csv"
expect_rc 2
expect_error "--daylio-mood ecstatic: expected LABEL=N"

case_ "100,000 entries: validated, written in one transaction, fast, no progress bar off a terminal"
export DB="$WORK/big.db"
BIG="$WORK/big.csv"
# 70 days × 1440 minutes = 100,800 ≥ 100,000 distinct minutes, all before PAINLOG_NOW.
for n in $(seq 0 69); do date -u -d "2026-09-01 + $n days" +%F; done |
    awk -v header="$HEADER" 'BEGIN { print header; n = 0 }
        { for (m = 0; m < 1440 && n < 100000; m++) {
              n++
              printf "%d,%sT%02d:%02d:00+00:00,Etc/UTC,%s,%d,%d,,7.5,,,walk,,,,,note %d\n", n, $1, m / 60, m % 60, $1, n % 11, (n * 7) % 11, n
          } }' >"$BIG"
expect_eq "$(wc -l <"$BIG")" 100001 "lines in the generated file"
run painlog import "$BIG"
expect_rc 0
expect_out_is "Imported 100000 entries from $BIG."
expect_err_empty
expect_eq "$(sql 'SELECT count(*) FROM entry')" 100000 "entries"
expect_eq "$(sql 'SELECT count(*) FROM entry_tag')" 100000 "tags"
run painlog import "$BIG"
expect_out_is "Imported 0 entries from $BIG; skipped 100000 entries already in the diary."

case_ "100,000 lines with one bad value on the last: nothing is written"
export DB="$WORK/big2.db"
painlog add --pain 1 --at 2026-11-01 >/dev/null
sed '$ s/,note 100000$/,\x27=note 100000/; $ s/Etc\/UTC/Etc\/Nowhere/' "$BIG" >"$WORK/big-bad.csv"
snapshot
run painlog import "$WORK/big-bad.csv"
expect_rc 2
expect_error "$WORK/big-bad.csv:100001: column zone: 'Etc/Nowhere': expected an IANA time zone name"
expect_unchanged
expect_eq "$(sql 'SELECT count(*) FROM entry')" 1 "entries"


case_ "on a terminal the progress bar is erased before the result is printed"
DB="$WORK/bar.db"
python3 -c '
import datetime
start = datetime.datetime(2014, 1, 1)
print("time,zone,pain")
for i in range(400000):
    print(f"{(start + datetime.timedelta(minutes=10 * i)).isoformat()}+00:00,Europe/London,{i % 11}")
' >"$WORK/bar.csv"
OUT=$(script -qec "'$PAINLOG_BIN' --db '$DB' import '$WORK/bar.csv'" /dev/null 2>&1)
expect_out_has "importing ["
expect_out_has $'\r\033[KImported 400000 entries from'
expect_out_lacks "recordsImported"
rm -f "$DB"
OUT=$(script -qec "'$PAINLOG_BIN' --db '$DB' import '$WORK/bar.csv' 2>/dev/null" /dev/null)
expect_out_lacks "importing"

finish
