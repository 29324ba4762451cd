# SPDX-License-Identifier: GPL-3.0-or-later
# painlog event add|list|edit|rm: storage, the future rule, bad input.
source "$(dirname "$0")/lib.sh"

jf() { printf '%s' "$OUT" | jq -r "$1"; }

case_ "add an infusion in the past"
run painlog event add infusion --at 2026-11-10T10:00 --label ketamine --note "0.5 mg/kg over 2 h"
expect_rc 0
expect_out_is "Added event 1: infusion (ketamine) on 2026-11-10 10:00."
expect_eq "$(sql "SELECT kind, label, at, zone, day, note FROM event")" \
    "infusion|ketamine|2026-11-10T10:00:00Z|Europe/London|2026-11-10|0.5 mg/kg over 2 h" "stored row"

case_ "add defaults to now; JSON output"
run painlog event add medication-change --label "pregabalin 150 mg" --format json
expect_rc 0
expect_eq "$(jf .id)" 2 id
expect_eq "$(jf .kind)" medication-change kind
expect_eq "$(jf .time)" "2026-11-22T20:00:00+00:00" time
expect_eq "$(jf .day)" 2026-11-22 day
expect_eq "$(jf '[keys_unsorted[]] | join(",")')" "id,kind,label,time,zone,day,note,not_given" keys

case_ "an upcoming appointment may be in the future"
run painlog event add appointment --at 2026-12-01 --label "pain clinic"
expect_rc 0
expect_out_is "Added event 3: appointment (pain clinic) on 2026-12-01 12:00."
expect_eq "$(sql "SELECT at FROM event WHERE id = 3")" "2026-12-01T12:00:00Z" "a bare future date is local noon"

case_ "no other kind may be in the future"
snapshot
run painlog event add other --at 2026-11-23T09:00
expect_rc 2
expect_error "--at 2026-11-23T09:00: 2026-11-23 09:00 is in the future and only appointments and infusions may be booked ahead"
expect_unchanged
run painlog event add other --at tomorrow
expect_rc 2
expect_error "--at tomorrow: expected a date or time"
expect_unchanged

case_ "bad kind, time, label and note write nothing"
run painlog event add surgery
expect_rc 2
expect_error "KIND surgery: expected one of infusion, appointment, medication-change, other"
expect_unchanged
run painlog event add infusion --at 2026-03-29T01:30
expect_rc 2
expect_error "that time does not exist in Europe/London"
expect_unchanged
run painlog event add other --label "$(printf 'two\nlines')"
expect_rc 2
expect_error "--label"
expect_unchanged
run painlog event add other --label "$(printf 'x%.0s' $(seq 101))"
expect_rc 2
expect_error "expected UTF-8 text of at most 100 bytes on one line without control characters; got 101 bytes"
expect_unchanged
run painlog event add other --note "$(printf 'bell\a')"
expect_rc 2
expect_error "--note"
expect_unchanged
run painlog event add
expect_rc 2
expect_unchanged

case_ "user text is stored verbatim, never interpreted as SQL"
run painlog event add other --at yesterday --label "it's'); DROP TABLE event; --" --note 'ü "quoted", comma'
expect_rc 0
expect_eq "$(sql "SELECT label || '|' || note FROM event WHERE id = 4")" "it's'); DROP TABLE event; --|ü \"quoted\", comma" text

case_ "list: time order, upcoming marked, kind filter"
run painlog event list
expect_rc 0
expect_golden event_list.txt
run painlog event list --kind infusion --format json
expect_rc 0
expect_eq "$(jf 'map(.id) | join(",")')" "1" "only infusions"
run painlog event list --format json
expect_eq "$(jf 'map(.id) | join(",")')" "1,4,2,3" "time order"
run painlog event list --kind nerve-block
expect_rc 2
expect_error "--kind nerve-block: expected one of infusion, appointment, medication-change, other"

case_ "list --format csv: the columns and quoting of export --what events"
run painlog event list --format csv
expect_rc 0
csv_list=$OUT
expect_eq "$(head -1 <<<"$csv_list")" $'id,kind,label,time,zone,day,note,not_given\r' "CSV header, CRLF as in RFC 4180"
expect_eq "$(wc -l <<<"$csv_list")" "5" "CSV lines (header and four events)"
expect_out_has ",it's'); DROP TABLE event; --,"
expect_out_has ",\"ü \"\"quoted\"\", comma\""
run painlog export --what events --format csv
expect_eq "$csv_list" "$OUT" "event list --format csv against export --what events"
run painlog event list --kind infusion --format csv
expect_eq "$(cut -d, -f1,2 <<<"$OUT" | tr '\n' ' ')" "id,kind 1,infusion " "CSV of one kind"

case_ "edit: kind, time, label, note"
run painlog event edit 1 --note "felt floaty" --label ""
expect_rc 0
expect_out_is "Updated event 1: infusion on 2026-11-10 10:00."
expect_eq "$(sql "SELECT label || '|' || note FROM event WHERE id = 1")" "|felt floaty" edited
run painlog event edit 1 --at 2026-11-09T14:15 --format json
expect_rc 0
expect_eq "$(jf .time)" "2026-11-09T14:15:00+00:00" "new time"
expect_eq "$(jf .note)" "felt floaty" "note kept"

case_ "edit refuses to make a future event anything but an appointment or an infusion"
snapshot
run painlog event edit 3 --kind other
expect_rc 2
expect_error "event 3: 2026-12-01 12:00 is in the future and only appointments and infusions may be booked ahead"
expect_unchanged
run painlog event edit 2 --at 2026-12-24
expect_rc 2
expect_error "--at 2026-12-24: 2026-12-24 12:00 is in the future"
expect_unchanged

case_ "edit: unknown id, bad id, nothing to change"
run painlog event edit 99 --note x
expect_rc 2
expect_error "event 99: no such event; see painlog event list"
expect_unchanged
run painlog event edit abc --note x
expect_rc 2
expect_error "event abc: expected a positive whole number"
expect_unchanged
run painlog event edit 1
expect_rc 2
expect_error "event edit: nothing to change; expected --kind, --at, --label, --note, --not-given or --given"
expect_unchanged
run painlog event edit 1 --kind operation
expect_rc 2
expect_error "--kind operation: expected one of"
expect_unchanged

case_ "rm: needs --yes off a terminal; unknown ids are errors"
run painlog event rm 4
expect_rc 2
expect_error "event rm 4: not on a terminal, so nothing was deleted; add --yes to confirm"
expect_unchanged
run painlog event rm 4 --yes
expect_rc 0
expect_out_is "Deleted event 4."
expect_eq "$(sql "SELECT count(*) FROM event WHERE id = 4")" 0 deleted
snapshot
run painlog event rm 4 --yes
expect_rc 2
expect_error "event 4: no such event; see painlog event list"
expect_unchanged

case_ "the day-start hour decides an event's diary day"
painlog config set day-start-hour 4 >/dev/null
run painlog event add other --at 2026-11-12T01:30 --format json
expect_rc 0
expect_eq "$(jf .day)" 2026-11-11 "01:30 belongs to the day before"

case_ "around the clock change: the local time and diary day are London's"
# 2026-10-25 01:30 happens twice in London (BST then GMT): the first, BST, is meant.
run painlog event add infusion --at 2026-10-25T01:30 --format json
expect_rc 0
expect_eq "$(jf .time)" "2026-10-25T01:30:00+01:00" "first occurrence"
expect_eq "$(jf .day)" 2026-10-24 "01:30 with a 04:00 day start is the day before"
expect_eq "$(sql "SELECT at FROM event WHERE id = $(jf .id)")" "2026-10-25T00:30:00Z" "stored in UTC"

case_ "an empty diary lists no events"
DB="$WORK/empty.db"
run painlog event list
expect_rc 0
expect_out_is "No events."
run painlog event list --kind appointment
expect_out_is "No appointment events."

finish
