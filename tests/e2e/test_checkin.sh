#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The guided check-in, driven through a real pseudo-terminal by script(1).
source "$(dirname "$0")/lib.sh" "$@"
command -v script >/dev/null || { echo "script(1) not found: skipping"; exit 77; }

# Runs painlog add on a terminal, typing $1.
checkin() {
    OUT=$(printf '%b' "$1" | script -qec "'$PAINLOG_BIN' --db '$DB' add" /dev/null 2>&1)
    RC=$?
}

case_ "yesterday's values are offered as hints"
painlog add --pain 6 --mood 4 --at yesterday >/dev/null
painlog add --pain 7 --sleep 6.5 --at 2026-11-21T08:00 >/dev/null

case_ "answers are stored; Enter skips; bad answers are asked again"
checkin '5\n\n\n12\n6\n\n7.5\n\n\nwalk, Swim\nheat\n\nnausea\n\nfine day\n'
expect_rc 0
expect_out_has "Pain (0 none, 10 worst imaginable) [yesterday 6.5]"
expect_out_has "Hours slept last night (0-24, e.g. 7.5) [yesterday 6.5]"
expect_out_has "mood 12: expected a whole number from 0 to 10"
expect_out_has "Added entry 3 for 2026-11-22: pain 5, mood 6, sleep 7.5 h, swim walk +heat !nausea, note."
expect_eq "$(sql "SELECT pain, mood, energy IS NULL, sleep_hours, note FROM entry WHERE id = 3")" "5|6|1|7.5|fine day"

case_ "Ctrl-D cancels without writing"
snapshot
checkin '4\n\004'
expect_rc 1
expect_out_has "check-in cancelled; nothing was written"
expect_unchanged

case_ "skipping everything writes nothing"
snapshot
checkin '\n\n\n\n\n\n\n\n\n\n\n\n\n\n'
expect_rc 0
expect_out_has "Nothing entered; nothing was written."
expect_unchanged

case_ "rm asks on a terminal"
OUT=$(printf 'n\n' | script -qec "'$PAINLOG_BIN' --db '$DB' rm 3" /dev/null 2>&1); RC=$?
expect_out_has "Delete entry 3"
expect_out_has "Kept entry 3."
expect_eq "$(sql "SELECT count(*) FROM entry WHERE id = 3")" "1"
OUT=$(printf 'y\n' | script -qec "'$PAINLOG_BIN' --db '$DB' rm 3" /dev/null 2>&1); RC=$?
expect_out_has "Deleted entry 3."
expect_eq "$(sql "SELECT count(*) FROM entry WHERE id = 3")" "0"

finish
