#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The treatment pathway around a booked infusion (issue 18), walked with a
# fixed clock: booking, the pre-infusion check and its sheet, the reminders
# of the evening before and the morning, after-care, the side-effect picks
# of the check-in, the follow-up prompt, the PGIC and the report; cancelled
# and postponed infusions; bad answers (exit 2, nothing stored).
#
# Times by hand (Europe/London; the clocks go forward at 01:00 UTC on
# Sunday 2026-03-29): the infusion is at 06:00 BST = 05:00 UTC. Six hours
# of fasting end at 23:00 UTC on the 28th, still GMT, so "no food after
# 2026-03-28 23:00" (naive clock arithmetic would say midnight); clear
# fluids until 03:00 UTC = 04:00 BST. The reminders start at 18:00 GMT on
# the 28th; after-care (24 h) ends 2026-03-30 06:00 BST = 05:00 UTC.
source "$(dirname "$0")/lib.sh" "$@"

at() { PAINLOG_NOW=$1 "$PAINLOG_BIN" --db "$DB" "${@:2}"; }
run_at() {
    local now=$1
    shift
    OUT=$(PAINLOG_NOW=$now "$PAINLOG_BIN" --db "$DB" "$@" 2>"$WORK/.stderr" </dev/null)
    RC=$?
    ERR=$(cat "$WORK/.stderr")
}

case_ "an infusion may be booked ahead; it is planned, not given"
at 2026-03-20T12:00:00Z config set day-start-hour 4 >/dev/null
for d in 15 16 17 18 19 20; do at 2026-03-20T12:00:00Z add --pain 6 --at 2026-03-${d}T09:00 >/dev/null; done
run_at 2026-03-20T12:00:00Z event add infusion --at 2026-03-29T06:00 --label ketamine
expect_rc 0
expect_out_is "Added event 1: infusion (ketamine) on 2026-03-29 06:00."
at 2026-03-20T12:00:00Z event add appointment --at 2026-04-14T14:30 --label follow-up >/dev/null
run_at 2026-03-20T12:00:00Z status --format json
expect_eq "$(jq -c '[.next_infusion.id, .days_until_infusion, .next_check_complete, .last_infusion]' <<<"$OUT")" "[1,9,null,null]"
run_at 2026-03-20T12:00:00Z status
expect_out_has "Next infusion:    2026-03-29 06:00 (in 9 days, event 1): ketamine; check not answered yet: painlog prepare"
run_at 2026-03-20T12:00:00Z response --format json
expect_eq "$(jq '.events | length' <<<"$OUT")" "0" "a planned infusion is not analysed"
run_at 2026-03-20T12:00:00Z event list
expect_out_has "(planned; check not answered) ketamine"

case_ "prepare without a terminal or answers prints the sheet and writes nothing"
snapshot
run_at 2026-03-20T12:00:00Z prepare
expect_rc 0
expect_out_has "Before your infusion (ketamine) on 2026-03-29 06:00"
expect_out_has "answer: is sedation planned for the infusion?"
expect_out_has "painlog repeats your clinic's instructions; it gives no medical advice."
expect_unchanged

case_ "bad answers: exit 2, one line, nothing stored"
for bad in "--pregnant maybe" "--sedation 1" "--escort" "--event 2" "--event 99" "--event x"; do
    run_at 2026-03-20T12:00:00Z prepare $bad
    expect_rc 2
    expect_error ""
    expect_unchanged
done
run_at 2026-03-20T12:00:00Z prepare --pregnant maybe
expect_error "--pregnant maybe: expected yes or no"
run_at 2026-03-20T12:00:00Z prepare --new-symptoms ""
expect_rc 2
expect_error "--new-symptoms: expected what it is, or none"
run_at 2026-03-20T12:00:00Z prepare --event 2
expect_error "--event 2: event 2 is appointment; expected an infusion"
run_at 2026-03-20T12:00:00Z prepare --pregnant no --escort perhaps
expect_rc 2
expect_unchanged
run_at 2026-03-20T12:00:00Z prepare --new-symptoms "$(printf 'bad\033]0;x\007')"
expect_rc 2
expect_unchanged

case_ "answers from flags are stored; what is open is said plainly"
at 2026-03-20T12:00:00Z med take pregabalin 75mg --at 2026-03-19T08:00 >/dev/null
at 2026-03-20T12:00:00Z med take paracetamol 1g --at 2026-03-19T08:00 >/dev/null
run_at 2026-03-27T12:00:00Z prepare --pregnant no --breastfeeding no --new-symptoms none --heart-problem no \
    --new-medicines "sertraline 50 mg" --sedation yes --escort no
expect_rc 0
expect_out_has "no one to take you home yet: arrange someone before the day"
expect_out_has "answer: are the medicines listed the ones you take?"
expect_out_has "new medicines: sertraline 50 mg"
expect_out_has "pregabalin (anti-seizure)"
expect_out_lacks "paracetamol ("
expect_out_has "Sedation is planned: no food after 2026-03-28 23:00; clear fluids only"
expect_eq "$(sql "SELECT pregnant, new_symptoms, new_medicines, sedation, escort, medicines, medicines_confirmed IS NULL FROM infusion_check")" \
    "0||sertraline 50 mg|1|0|pregabalin|1"
run_at 2026-03-27T12:00:00Z event list
expect_out_has "(planned; check: 2 open) ketamine"

case_ "the check completes; the sheet in every format"
run_at 2026-03-28T12:00:00Z prepare --escort yes --medicines-confirmed yes --format json
expect_rc 0
expect_eq "$(jq -c '[.complete, .open, .fasting, .state]' <<<"$OUT")" \
    '[true,[],{"no_food_after":"2026-03-28T23:00:00+00:00","clear_fluids_until":"2026-03-29T04:00:00+01:00"},"planned"]'
expect_eq "$(jq -c '.health_changes' <<<"$OUT")" '["new medicines: sertraline 50 mg"]'
run_at 2026-03-28T12:00:00Z prepare --format markdown
expect_out_has "## Nothing is open"
expect_out_has "# Before your infusion"
run_at 2026-03-28T12:00:00Z prepare --format html -o "$WORK/sheet.html"
expect_rc 0
expect_eq "$(stat -c %a "$WORK/sheet.html")" "600" "sheet file mode"
if command -v tidy >/dev/null; then
    tidy -q -e "$WORK/sheet.html" >/dev/null 2>&1
    expect_eq "$?" "0" "tidy finds no error in the sheet"
fi
run_at 2026-03-28T12:00:00Z event show 1
expect_out_has "Event 1: infusion (ketamine) on 2026-03-29 06:00, planned."
expect_out_has "Someone will take you home: yes"
expect_out_has "Nothing is open."

case_ "the evening before and the morning of: fasting times and the journey home, one line each for cron"
at 2026-03-28T12:00:00Z add --pain 6 >/dev/null
run_at 2026-03-28T17:59:00Z remind
expect_rc 0
expect_out_is ""
run_at 2026-03-28T18:00:00Z remind
expect_rc 1
expect_out_is "Infusion tomorrow at 06:00: no food after 2026-03-28 23:00; clear fluids only until 04:00."
run_at 2026-03-29T04:30:00Z status
expect_out_has "Infusion today at 06:00: no food after 2026-03-28 23:00; clear fluids only until 04:00."
expect_out_has "Sedation is planned: no food after 2026-03-28 23:00; clear fluids only until 04:00 (as your clinic's instructions say)."
run_at 2026-03-29T04:30:00Z status --format json
expect_eq "$(jq -r '.care[0].kind' <<<"$OUT")" "before_infusion"
expect_eq "$(jq -r '.next_check_complete' <<<"$OUT")" "true"

case_ "without sedation no fasting; without someone to take them home the reminder says so"
at 2026-03-28T12:00:00Z prepare --sedation no --escort no >/dev/null
run_at 2026-03-28T19:00:00Z remind
expect_out_is "Infusion tomorrow at 06:00: arrange someone to take you home."
at 2026-03-28T12:00:00Z prepare --sedation yes --escort yes >/dev/null

case_ "after-care: the precautions for 24 hours and the diary"
run_at 2026-03-29T10:00:00Z status
expect_out_has "Last infusion:    2026-03-29 06:00 (today, event 1): ketamine"
expect_out_has "After your infusion, until 2026-03-30 06:00: no driving, machinery, alcohol or important decisions; please record today's diary entry."
expect_out_has "For 24 hours after the infusion: do not drive, operate machinery, drink alcohol or make important decisions; expect to feel tired."
run_at 2026-03-30T04:59:00Z remind
expect_rc 1
expect_out_has "After your infusion, until 2026-03-30 06:00"
run_at 2026-03-30T05:00:00Z status
expect_out_lacks "After your infusion"

case_ "the check-in asks about side effects first in the 48 hours after"
if command -v script >/dev/null; then
    OUT=$(printf '25, tingling\n3\n\n\n\n\n\n\n\n\n\n\n\n\n' |
        PAINLOG_NOW=2026-03-30T09:00:00Z script -qec "'$PAINLOG_BIN' --db '$DB' add" /dev/null 2>&1)
    expect_out_has "Since your infusion: side effects your clinic's pages name."
    expect_out_has "  25 drowsiness"
    expect_eq "$(sql "SELECT group_concat(name, ',') FROM (SELECT name FROM entry_tag WHERE kind = 'side-effect' ORDER BY name)")" "drowsiness,tingling"
    OUT=$(printf '\n\n\n\n\n\n\n\n\n\n\n\n' |
        PAINLOG_NOW=2026-03-31T06:00:00Z script -qec "'$PAINLOG_BIN' --db '$DB' add" /dev/null 2>&1)
    expect_out_lacks "Since your infusion"
fi

case_ "the follow-up: the report suggested from 3 days before, covering the right span"
for d in 30 31; do at 2026-04-01T12:00:00Z add --pain 3 --at 2026-03-${d}T20:00 >/dev/null; done
for d in 01 02 03 04 05 06 07 08 09 10; do at 2026-04-10T21:00:00Z add --pain 3 --at 2026-04-${d}T20:00 >/dev/null; done
run_at 2026-04-10T21:00:00Z remind
expect_out_lacks "Follow-up"
run_at 2026-04-11T09:00:00Z remind
expect_rc 1
expect_out_has "Follow-up in 3 days: make your report with: painlog report --format html -o painlog-report.html"
run_at 2026-04-14T09:00:00Z status
expect_out_has "Follow-up today: make your report with: painlog report --format html -o painlog-report.html"

case_ "the PGIC: stored as its label, beside the infusion it follows"
run_at 2026-04-13T10:00:00Z check pgic --answers "much improved"
expect_rc 0
expect_out_has "PGIC: much improved (2 of 1 to 7, 1 very much improved)."
expect_eq "$(sql "SELECT answers, score FROM questionnaire WHERE instrument = 'pgic'")" "much improved|2.0"
run_at 2026-04-13T10:00:00Z check pgic --answers 8
expect_rc 2
expect_error "expected one of 1 very much improved, 2 much improved"
run_at 2026-04-13T10:00:00Z response --format json
expect_eq "$(jq -c '.events[0].pgic | [.answer, .days_after, .score]' <<<"$OUT")" '["much improved",15,2]'
run_at 2026-04-13T10:00:00Z response
expect_out_has "PGIC on 2026-04-13 (day 15): much improved"

case_ "the report without options covers the baseline to today and says what is next"
at 2026-04-13T10:00:00Z event add infusion --at 2026-06-01T10:00 --label ketamine >/dev/null
run_at 2026-04-13T10:00:00Z report --format json
expect_eq "$(jq -c '[.period.from, .period.to, .responses[0].pgic.answer, .next_infusion.check_complete]' <<<"$OUT")" \
    '["2026-03-15","2026-04-13","much improved",null]'
run_at 2026-04-13T10:00:00Z report
expect_out_has "Next infusion: 2026-06-01 10:00 (ketamine); pre-infusion check not answered yet"
expect_out_has "PGIC on 2026-04-13 (day 15): much improved."
run_at 2026-04-13T10:00:00Z export --format fhir
expect_out_has '"system": "urn:painlog:pgic"'
expect_out_has '"code": "much-improved"'

case_ "a cancelled or postponed infusion never anchors a response"
run_at 2026-04-13T10:00:00Z event edit 3 --not-given cancelled
expect_rc 0
run_at 2026-04-13T10:00:00Z status --format json
expect_eq "$(jq -c '.next_infusion' <<<"$OUT")" "null"
run_at 2026-04-13T10:00:00Z event list
expect_out_has "(not given: cancelled) ketamine"
run_at 2026-07-01T10:00:00Z response --format json
expect_eq "$(jq -c '[.events[].id]' <<<"$OUT")" "[1]"
run_at 2026-07-01T10:00:00Z response --event 3
expect_rc 2
expect_error "--event 3: infusion 3 is not given; expected one that was given"
at 2026-04-13T10:00:00Z event edit 1 --not-given postponed >/dev/null
run_at 2026-04-13T10:00:00Z response --format json
expect_eq "$(jq -c '.events' <<<"$OUT")" "[]"
run_at 2026-04-13T10:00:00Z event edit 1 --given --not-given cancelled
expect_rc 2
run_at 2026-04-13T10:00:00Z event edit 1 --not-given skipped
expect_rc 2
expect_error "--not-given skipped: expected postponed or cancelled"
at 2026-04-13T10:00:00Z event edit 1 --given >/dev/null
run_at 2026-04-13T10:00:00Z response --format json
expect_eq "$(jq -c '[.events[].id]' <<<"$OUT")" "[1]"

case_ "the settings change the clinic's rules"
at 2026-04-13T10:00:00Z config set fasting-food-hours 8 >/dev/null
at 2026-04-13T10:00:00Z event edit 3 --given >/dev/null
at 2026-04-13T10:00:00Z prepare --event 3 --sedation yes >/dev/null
run_at 2026-04-13T10:00:00Z prepare --event 3 --format json
expect_eq "$(jq -r '.fasting.no_food_after' <<<"$OUT")" "2026-06-01T02:00:00+01:00"
run_at 2026-04-13T10:00:00Z config set aftercare-hours 100
expect_rc 2
expect_error "setting aftercare-hours 100: expected a whole number from 1 to 72"

finish
