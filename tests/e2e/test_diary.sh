#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The diary: add, list, show, edit, rm; every output format; every class of
# bad input (exit 2, one line, diary unchanged); files that are not diaries.
source "$(dirname "$0")/lib.sh" "$@"

case_ "add prints a confirmation line, and one for the doses taken with the entry"
run painlog add --pain 6 --mood 4 --tag Walk --better heat --worse cold --side-effect nausea --med pregabalin \
    --note 'Bad night, "really" 😀'
expect_rc 0
expect_out_is "Added entry 1 for 2026-11-22: pain 6, mood 4, walk +heat -cold !nausea, note.
Recorded dose 1 for 2026-11-22: pregabalin."
expect_err_empty

case_ "the stored row is readable with the sqlite3 shell"
expect_eq "$(sql "SELECT at, zone, day, pain, mood, note FROM entry WHERE id = 1")" \
    '2026-11-22T20:00:00Z|Europe/London|2026-11-22|6|4|Bad night, "really" 😀'
expect_eq "$(sql "SELECT group_concat(kind || ':' || name, ' ') FROM (SELECT * FROM entry_tag ORDER BY kind)")" \
    "activity:walk better:heat side-effect:nausea worse:cold"
expect_eq "$(sql "SELECT medicine, amount IS NULL, as_needed, at FROM dose")" "pregabalin|1|0|2026-11-22T20:00:00Z" \
    "the dose: at the entry's time, regular, no amount"

case_ "add --format json prints the stored entry"
run painlog add --sleep 7.5 --sleep-quality 6 --energy 3 --activity 2 --at 2026-11-21T23:30 --format json
expect_rc 0
expect_out_has '"id": 2'
expect_out_has '"time": "2026-11-21T23:30:00+00:00"'
expect_out_has '"day": "2026-11-21"'
expect_out_has '"sleep_hours": 7.5'
expect_out_has '"pain": null'

case_ "--at yesterday and a date are noon local time"
run painlog add --pain 3 --at yesterday
expect_out_is "Added entry 3 for 2026-11-21: pain 3."
run painlog add --pain 2 --at 2026-07-01
expect_eq "$(sql "SELECT at FROM entry WHERE id = 4")" "2026-07-01T11:00:00Z" "BST noon in UTC"

case_ "list shows a table that fits 80 columns, in time order"
painlog add --pain 5 --note "$(printf 'a long note that goes on and on %.0s' 1 2 3 4)" --at 2026-11-22T08:00 >/dev/null
run painlog list
expect_rc 0
expect_out_has "ID Day        Time  Pain Mood Enrg Sleep Qual Act Tags and note"
expect_out_has "walk +heat -cold !nausea · Ba…"
expect_out_lacks "2026-07-01"   # older than 28 days
width=$(printf '%s\n' "$OUT" | while IFS= read -r line; do printf '%s' "$line" | wc -m; done | sort -n | tail -1)
[ "$width" -le 80 ] && pass || fail "table is $width columns wide"
order=$(printf '%s\n' "$OUT" | awk 'NR > 1 {print $1}' | tr '\n' ' ')
expect_eq "$order" "3 2 5 1 " "entry order"

case_ "list fills a wide terminal; piped or redirected it stays 80 columns"
long_note=$(printf 'word%.0s ' $(seq 1 60))
widest() { printf '%s\n' "$OUT" | tr -d '\r' | wc -L; }
painlog add --pain 2 --note "$long_note" --at 2026-11-22T07:00 >/dev/null
OUT=$(COLUMNS=180 script -qec "'$PAINLOG_BIN' --db '$DB' --color never list" /dev/null)
expect_eq "$(widest)" 180 "widest line at COLUMNS=180"
OUT=$(env -u COLUMNS script -qec "stty cols 150; '$PAINLOG_BIN' --db '$DB' --color never list" /dev/null)
expect_eq "$(widest)" 150 "widest line in a 150-column terminal"
COLUMNS=180 run painlog list
expect_eq "$(widest)" 80 "widest line piped"
rm_id=$(sql "SELECT id FROM entry WHERE note LIKE 'word%'")
painlog rm --yes "$rm_id" >/dev/null

case_ "list filters: --since span, --until, --last, --all"
run painlog list --all
expect_out_has "2026-07-01"
run painlog list --since 2d --format csv
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f1 | tr -d '\r' | tr '\n' ' ')" "3 2 5 1 " "since 2d"
run painlog list --until yesterday --since 6m --format csv
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f1 | tr -d '\r' | tr '\n' ' ')" "4 3 2 " "until yesterday"
run painlog list --last 1 --format json
expect_eq "$(printf '%s' "$OUT" | grep -c '"id"')" "1" "--last 1"
expect_out_has '"id": 1'
run painlog list --since 2026-11-23
expect_out_is "No entries since 2026-11-23."
# A period that runs backwards is refused as summary, report and export refuse it.
run painlog list --since 2026-11-23 --until 2026-11-22
expect_rc 2
expect_error "--since 2026-11-23: after the last day 2026-11-22; expected a first day on or before the last"

case_ "list --format csv is RFC 4180 with a header"
run painlog list --format csv --last 1
expect_out_has "id,time,zone,day,pain,mood,energy,sleep_hours,sleep_quality,activity,tags_activity,tags_better"
expect_out_has '"Bad night, ""really"" 😀"'

case_ "show prints every field"
run painlog show 1
expect_rc 0
expect_out_has "Worse with    cold"
expect_out_has "Time          2026-11-22T20:00:00+00:00 (Europe/London)"
run painlog show 1 --format json
expect_out_has '"side_effect": ['

case_ "edit changes, clears and re-dates"
run painlog edit 1 --pain 5 --clear mood --untag cold --better rest
expect_rc 0
expect_out_is "Updated entry 1 for 2026-11-22: pain 5, walk +heat +rest !nausea, note."
expect_eq "$(sql "SELECT mood IS NULL FROM entry WHERE id = 1")" "1" "mood cleared"
run painlog edit 1 --at 2026-11-20T10:00
expect_eq "$(sql "SELECT day FROM entry WHERE id = 1")" "2026-11-20" "moved day"
run painlog edit 1 --clear note --clear tags
expect_eq "$(sql "SELECT note || '|' || (SELECT count(*) FROM entry_tag WHERE entry_id = 1) FROM entry WHERE id = 1")" "|0"

case_ "rm needs --yes without a terminal"
snapshot
run painlog rm 2
expect_rc 2
expect_error "rm 2: not on a terminal, so nothing was deleted; add --yes to confirm"
expect_unchanged
run painlog rm 2 --yes
expect_rc 0
expect_out_is "Deleted entry 2."
expect_eq "$(sql "SELECT count(*) FROM entry WHERE id = 2")" "0"

# --- bad input: exit 2, one line naming the value, nothing written --------
bad() {  # bad "expected message part" painlog args...
    local message=$1
    shift
    snapshot
    run "$@"
    expect_rc 2
    expect_error "$message"
    expect_unchanged
}
case_ "out of range";          bad "--pain 11: expected a whole number from 0 to 10" painlog add --pain 11
case_ "negative";              bad "--mood -1: expected a whole number from 0 to 10" painlog add --mood=-1
case_ "not a number";          bad "--energy high: expected a whole number" painlog add --energy high
case_ "sleep decimals";        bad "--sleep 7.25: expected hours from 0 to 24" painlog add --sleep 7.25
case_ "sleep too long";        bad "--sleep 25: expected hours from 0 to 24" painlog add --sleep 25
case_ "bad date";              bad "--at 2026-02-30: expected a date or time" painlog add --pain 3 --at 2026-02-30
case_ "future date";           bad "--at 2026-11-23: is in the future" painlog add --pain 3 --at 2026-11-23
case_ "future time";           bad "--at 2026-11-22T20:01: is in the future" painlog add --pain 3 --at 2026-11-22T20:01
case_ "skipped hour";          bad "does not exist in Europe/London" painlog add --pain 3 --at 2026-03-29T01:30
case_ "bad span";              bad "--since 3q: expected a date like 2026-11-22" painlog list --since 3q
case_ "bad tag";               bad "--worse '   ': expected a tag" painlog add --pain 3 --worse "   "
case_ "unknown id";            bad "entry 99: no such entry; see painlog list" painlog show 99
case_ "unknown id to edit";    bad "entry 99: no such entry" painlog edit 99 --pain 3
case_ "unknown id to remove";  bad "entry 99: no such entry" painlog rm 99 --yes
case_ "id not a number";       bad "entry abc: expected a positive whole number" painlog edit abc --pain 3
case_ "edit without changes";  bad "edit: nothing to change" painlog edit 1
case_ "untag a missing tag";   bad "--untag ice: entry 1 has no tag ice" painlog edit 1 --untag ice
case_ "one bad of many";       bad "--sleep-quality 12" painlog add --pain 3 --mood 4 --sleep-quality 12
case_ "unknown flag";          bad "--pian" painlog add --pian 3
case_ "unknown command";       bad "painlog --help" painlog frobnicate
case_ "bad format";            bad "--format" painlog list --format xml
case_ "bad colour";            bad "--color" painlog --color sometimes list
case_ "no values, no terminal"; bad "add: no values given" painlog add
case_ "unknown zone";          bad "TZ=Mars/Base: no readable zone file" env TZ=Mars/Base "$PAINLOG_BIN" --db "$DB" add --pain 3
case_ "bad clock override";    bad "PAINLOG_NOW=soon: expected an instant" env PAINLOG_NOW=soon "$PAINLOG_BIN" --db "$DB" add --pain 3

case_ "a file that is not a SQLite database is refused untouched"
printf 'just some text, not a diary at all, long enough for a header\n' >"$WORK/notes.txt"
cp "$WORK/notes.txt" "$WORK/notes.orig"
run "$PAINLOG_BIN" --db "$WORK/notes.txt" add --pain 3
expect_rc 2
expect_error "not a painlog diary (the file is not a SQLite database)"
cmp -s "$WORK/notes.txt" "$WORK/notes.orig" && pass || fail "notes.txt changed"

case_ "a diary from a newer painlog is refused untouched"
cp "$DB" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 99"
cp "$WORK/newer.db" "$WORK/newer.orig"
run "$PAINLOG_BIN" --db "$WORK/newer.db" list
expect_rc 2
expect_error "diary schema version 99 is newer than this painlog understands"
cmp -s "$WORK/newer.db" "$WORK/newer.orig" && pass || fail "newer.db changed"

case_ "a read-only diary can be read but not written"
cp "$DB" "$WORK/ro.db"
chmod 0400 "$WORK/ro.db"
as_user() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
    # root ignores file modes: run painlog as nobody on a copy nobody can read.
    chown nobody "$WORK/ro.db"
    chmod 0755 "$WORK"
    as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
fi
cp "$WORK/ro.db" "$WORK/ro.orig"
OUT=$(as_user "$PAINLOG_BIN" --db "$WORK/ro.db" list --all 2>"$WORK/.stderr"); RC=$?; ERR=$(cat "$WORK/.stderr")
expect_rc 0
expect_out_has "Pain"
OUT=$(as_user "$PAINLOG_BIN" --db "$WORK/ro.db" add --pain 3 2>"$WORK/.stderr"); RC=$?; ERR=$(cat "$WORK/.stderr")
expect_rc 1
expect_error "the diary is read-only; nothing was written"
cmp -s "$WORK/ro.db" "$WORK/ro.orig" && pass || fail "ro.db changed"

case_ "the default diary follows XDG_DATA_HOME, then HOME; PAINLOG_DB and --db override"
OUT=$(env -u PAINLOG_DB "$PAINLOG_BIN" add --pain 1 2>&1); RC=$?
expect_rc 0
[ -f "$HOME/.local/share/painlog/diary.db" ] && pass || fail "no diary under HOME"
expect_eq "$(stat -c %a "$HOME/.local/share/painlog/diary.db")" "600" "file mode"
expect_eq "$(stat -c %a "$HOME/.local/share/painlog")" "700" "directory mode"
XDG_DATA_HOME="$WORK/xdg" "$PAINLOG_BIN" add --pain 1 >/dev/null
[ -f "$WORK/xdg/painlog/diary.db" ] && pass || fail "no diary under XDG_DATA_HOME"
PAINLOG_DB="$WORK/env.db" "$PAINLOG_BIN" add --pain 1 >/dev/null
[ -f "$WORK/env.db" ] && pass || fail "PAINLOG_DB ignored"
PAINLOG_DB="$WORK/env.db" "$PAINLOG_BIN" --db "$WORK/flag.db" add --pain 1 >/dev/null
[ -f "$WORK/flag.db" ] && [ "$(sqlite3 "$WORK/env.db" 'SELECT count(*) FROM entry')" = 1 ] && pass \
    || fail "--db did not beat PAINLOG_DB"

case_ "the day-start hour puts a 01:30 entry on the previous day"
run painlog config set day-start-hour 4
expect_rc 0
run painlog add --pain 4 --at 2026-11-22T01:30 --format json
expect_out_has '"day": "2026-11-21"'
painlog config unset day-start-hour >/dev/null

case_ "colour only when asked or on a terminal"
run painlog list --all
expect_out_lacks $'\033['
run painlog --color always list --all
expect_out_has $'\033[1m'
NO_COLOR=1 run painlog list --all
expect_out_lacks $'\033['

case_ "global options before the command, and a diary file named like a command"
# painlog sets up only the command it is asked for: the word after --db or
# --color is their value, not the command.
( cd "$WORK" && "$PAINLOG_BIN" --db list --color never add --pain 4 >/dev/null )
expect_eq "$(sqlite3 "$WORK/list" "SELECT pain FROM entry")" "4" "--db list add wrote to the file called list"
run "$PAINLOG_BIN" --color=never --db="$DB" summary --since 7d
expect_rc 0
expect_out_has "Summary 2026-11-16 to 2026-11-22"
run painlog --help
for cmd in add list show edit rm config summary trend report db export import check remind status event response; do
    [[ "$OUT" == *$'\n  '"$cmd "* ]] && pass || fail "--help lists $cmd"
done
run painlog nosuchcommand --pain 3
expect_rc 2
expect_error "nosuchcommand: unknown command; expected one of add, list, show, edit, rm, config, summary,"

# --version: test_version.sh.
case_ "--help on every command"
for cmd in add list show edit rm config; do
    run painlog "$cmd" --help
    [ "$RC" -eq 0 ] && [[ "$OUT" == *"--help"* ]] && pass || fail "$cmd --help"
done

finish
