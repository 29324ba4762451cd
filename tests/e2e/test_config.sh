# SPDX-License-Identifier: GPL-3.0-or-later
# painlog config: settings stored in the diary file, validated, with errors
# that list what is valid and leave the diary untouched.
source "$(dirname "$0")/lib.sh"

KEYS="day-start-hour, baseline-days, name, pathway, report-days, fasting-food-hours, fasting-fluids-hours, aftercare-hours, followup-reminder-days"

case_ "list on a new diary shows every key with its default"
run painlog config list
expect_rc 0
expect_out_has "day-start-hour"
expect_out_has "baseline-days"
expect_out_has "report-days"
expect_out_has "name"
expect_eq "$(printf '%s\n' "$OUT" | awk '$1 == "baseline-days" {print $2}')" "14" "baseline-days default"
expect_eq "$(printf '%s\n' "$OUT" | awk '$1 == "report-days" {print $2}')" "28" "report-days default"

case_ "get prints the default of an unset key"
run painlog config get day-start-hour
expect_rc 0
expect_out_is "0"
run painlog config get name
expect_rc 0
expect_out_is ""

case_ "set stores the canonical value in the setting table"
run painlog config set day-start-hour 04
expect_rc 0
expect_out_is "day-start-hour = 4"
expect_eq "$(sql "SELECT value FROM setting WHERE key = 'day-start-hour'")" "4" "stored value"
run painlog config get day-start-hour
expect_out_is "4"
run painlog config set name "Alex Example"
expect_rc 0
run painlog config get name
expect_out_is "Alex Example"
run painlog config set baseline-days 7
expect_rc 0
run painlog config set report-days 365
expect_rc 0

case_ "the day-start hour moves a 01:30 entry to the previous diary day"
run painlog add --pain 5 --at 2026-11-22T01:30
expect_rc 0
expect_eq "$(sql "SELECT day FROM entry ORDER BY id DESC LIMIT 1")" "2026-11-21" "diary day of a 01:30 entry with day-start-hour 4"

case_ "list --format json: one object per setting, snake_case keys"
run painlog config list --format json
expect_rc 0
expected='[
  {
    "key": "day-start-hour",
    "value": "4",
    "default": "0",
    "is_set": true,
    "description": "hour (0-11) at which a diary day starts; entries before it count for the previous day"
  },
  {
    "key": "baseline-days",
    "value": "7",
    "default": "14",
    "is_set": true,
    "description": "diary days (7-90) before an infusion used as its baseline"
  },
  {
    "key": "name",
    "value": "Alex Example",
    "default": "",
    "is_set": true,
    "description": "name shown on reports (text, at most 100 bytes)"
  },
  {
    "key": "pathway",
    "value": "",
    "default": "",
    "is_set": false,
    "description": "treatment pathway the diary serves: pain, depression or both (unset: inferred from the diary)"
  },
  {
    "key": "report-days",
    "value": "365",
    "default": "28",
    "is_set": true,
    "description": "days (7-365) a report covers when there is no infusion to anchor it"
  },
  {
    "key": "fasting-food-hours",
    "value": "6",
    "default": "6",
    "is_set": false,
    "description": "hours (0-24) without food before an infusion under sedation, as your clinic'\''s instructions say"
  },
  {
    "key": "fasting-fluids-hours",
    "value": "2",
    "default": "2",
    "is_set": false,
    "description": "hours (0-24) before an infusion under sedation from which you drink nothing, as your clinic'\''s instructions say"
  },
  {
    "key": "aftercare-hours",
    "value": "24",
    "default": "24",
    "is_set": false,
    "description": "hours (1-72) after an infusion without driving, machinery, alcohol or important decisions, as your clinic'\''s instructions say"
  },
  {
    "key": "followup-reminder-days",
    "value": "3",
    "default": "3",
    "is_set": false,
    "description": "days (0-14) before a booked follow-up from which status and remind suggest making the report"
  },
  {
    "key": "checkin-questions",
    "value": "all",
    "default": "all",
    "is_set": false,
    "description": "what the guided check-in asks: all, or some of pain, where, feels, mood, energy, sleep, sleep-quality, activity, tag, better, worse, side-effect, med, note (comma-separated)"
  }
]'
expect_out_is "$expected"

case_ "unset returns a key to its default"
run painlog config unset report-days
expect_rc 0
expect_out_is "report-days = 28 (default)"
expect_eq "$(sql "SELECT count(*) FROM setting WHERE key = 'report-days'")" "0" "row removed"
run painlog config get report-days
expect_out_is "28"

# Every bad input: exit 2, one line naming the value and what is valid, and
# the diary byte for byte as it was.
bad() {
    local expected=$1
    shift
    case_ "config $*"
    snapshot
    run painlog config "$@"
    expect_rc 2
    expect_error "$expected"
    expect_unchanged
    expect_eq "$OUT" "" "stdout"
}

bad "setting colour: unknown; expected one of $KEYS" get colour
bad "setting colour: unknown; expected one of $KEYS" set colour blue
bad "setting colour: unknown; expected one of $KEYS" unset colour
bad "setting Day-Start-Hour: unknown; expected one of $KEYS" set Day-Start-Hour 4
bad "setting day-start-hour 12: expected a whole number from 0 to 11" set day-start-hour 12
bad "setting day-start-hour -1: expected a whole number from 0 to 11" set day-start-hour -1
bad "setting day-start-hour 4.5: expected a whole number from 0 to 11" set day-start-hour 4.5
bad "setting day-start-hour four: expected a whole number from 0 to 11" set day-start-hour four
bad "setting day-start-hour : expected a whole number from 0 to 11" set day-start-hour ""
bad "setting day-start-hour  4: expected a whole number from 0 to 11" set day-start-hour " 4"
bad "setting baseline-days 6: expected a whole number from 7 to 90" set baseline-days 6
bad "setting baseline-days 91: expected a whole number from 7 to 90" set baseline-days 91
bad "setting report-days 366: expected a whole number from 7 to 365" set report-days 366
bad "setting report-days 99999999999: expected a whole number from 7 to 365" set report-days 99999999999
bad "setting pathway Depression: expected pain, depression or both" set pathway Depression
bad "setting pathway : expected pain, depression or both" set pathway ""
bad "setting name: expected UTF-8 text of at most 100 bytes on one line without control characters; got 101 bytes" set name "$(printf 'x%.0s' $(seq 101))"
bad "setting name" set name "$(printf 'a\033b')"
bad "--format" list --format xml
bad "VALUE is required" set day-start-hour
bad "KEY is required" get

case_ "a name of exactly 100 bytes is accepted"
run painlog config set name "$(printf 'y%.0s' $(seq 100))"
expect_rc 0

case_ "config needs a subcommand"
run painlog config
expect_rc 2

finish
