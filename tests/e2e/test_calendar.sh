# SPDX-License-Identifier: GPL-3.0-or-later
# painlog calendar: a year of pain at a glance, in characters piped or
# without colour, in 256 or 24-bit colour on a terminal (a pty, as a person
# runs it), as JSON; its period flags and bad input.
source "$(dirname "$0")/lib.sh"

jf() { printf '%s' "$OUT" | jq -r "$1"; }

# Today is Sunday 2026-11-22 (lib.sh): the year at a glance is the 53 weeks from Monday 2025-11-17.
painlog add --at 2026-11-16T09:00 --pain 9 >/dev/null        # Monday, level 4
painlog add --at 2026-11-17T09:00 --pain 1 >/dev/null        # Tuesday, level 0
painlog add --at 2026-11-18T09:00 --pain 4 >/dev/null        # Wednesday: 4 and 5, mean 4.5, level 2
painlog add --at 2026-11-18T21:00 --pain 5 >/dev/null
painlog add --at 2026-11-19T09:00 --mood 6 >/dev/null        # Thursday: logged, no pain: blank
painlog add --at 2026-11-20T09:00 --pain 7 >/dev/null        # Friday, level 3, the infusion
painlog event add infusion --at 2026-11-20T10:00 >/dev/null
painlog add --at 2025-12-01T09:00 --pain 2 >/dev/null        # the first week holding a 1st: "Dec"
painlog add --at 2025-11-10T09:00 --pain 2 >/dev/null        # before the year: not shown

case_ "piped: characters for the levels, a column a week, Monday at the top"
run painlog calendar
expect_rc 0
expect_out_has "Pain by day, 2025-11-17 to 2026-11-22: a column a week, Monday at the top."
last_column() { printf '%s\n' "$OUT" | grep "^$1 " | sed 's/.*\(.\)$/\1/'; }
expect_eq "$(last_column Mon)" "█" "Monday 11-16 at 9"
expect_eq "$(last_column Tue)" "·" "Tuesday at 1"
expect_eq "$(last_column Wed)" "▒" "Wednesday at 4.5"
expect_eq "$(printf '%s\n' "$OUT" | grep '^Thu')" "Thu" "Thursday 11-19 was logged without pain: blank, as every Thursday"
expect_eq "$(last_column Fri)" "◆" "the infusion on Friday"
expect_out_has "· 0-1.9  ░ 2-3.9  ▒ 4-5.9  ▓ 6-7.9  █ 8-10  ◆ infusion  blank: no pain rating"
# Monday 2025-12-01 is the third column (after the weeks of 11-17 and 11-24), named Dec.
expect_eq "$(printf '%s\n' "$OUT" | grep '^Mon' | sed 's/░.*/░/')" "Mon   ░" "the first of December in its column"
expect_eq "$(printf '%s\n' "$OUT" | grep 'Dec' | cut -c1-9)" "      Dec" "Dec above its week"
expect_out_lacks $'\033'
expect_eq "$(printf '%s\n' "$OUT" | LC_ALL=C.UTF-8 wc -L)" "77" "width"

case_ "on a terminal: 256 colours, 24-bit where COLORTERM says so, characters with NO_COLOR or --color never"
if command -v script >/dev/null; then
    on_tty() { script -qec "$*" /dev/null | tr -d '\r'; }
    cmd="$PAINLOG_BIN --db $DB calendar"
    out=$(unset COLORTERM; on_tty "$cmd")
    [[ "$out" == *$'\033[38;5;53m█\033[0m'* ]] && pass || fail "no 256-colour level 4 (#440154 -> 53)"
    # #fde725 is 253, 231, 37: the cube's steps 255, 215, 0 -> 16 + 5 x 36 + 4 x 6 + 0 = 220.
    [[ "$out" == *$'\033[38;5;220m█\033[0m'* ]] && pass || fail "no 256-colour level 0 (#fde725 -> 220)"
    out=$(COLORTERM=truecolor on_tty "$cmd")
    [[ "$out" == *$'\033[38;2;68;1;84m█\033[0m'* ]] && pass || fail "no 24-bit level 4"
    [[ "$out" == *$'\033[38;2;59;82;139m◆\033[0m'* ]] && pass || fail "no 24-bit infusion mark at level 3"
    out=$(NO_COLOR=1 on_tty "$cmd")
    [[ "$out" != *$'\033'* && "$out" == *"◆"* ]] && pass || fail "NO_COLOR still coloured"
    out=$(on_tty "$PAINLOG_BIN --db $DB --color never calendar")
    [[ "$out" != *$'\033'* && "$out" == *"▒"* ]] && pass || fail "--color never still coloured"
else
    fail "script (util-linux) is needed to run painlog on a pty"
fi

case_ "JSON: every day with its level"
run painlog calendar --format json
expect_rc 0
expect_eq "$(jf '[.from, .to, (.days | length), (.levels | length)] | join(" ")')" "2025-11-17 2026-11-22 371 5" "span"
expect_eq "$(jf '.days[] | select(.date == "2026-11-18") | [.pain, .level, .infusion] | join(" ")')" "4.5 2 false" "Wednesday"
expect_eq "$(jf '.days[] | select(.date == "2026-11-19") | [(.pain | tostring), (.level | tostring)] | join(" ")')" \
    "null null" "Thursday, no pain"
expect_eq "$(jf '.days[] | select(.date == "2026-11-20") | .infusion')" "true" "the infusion"
expect_eq "$(jf '.levels[4] | [.from, .below, .color, .character] | join(" ")')" "8 10 #440154 █" "the last level"

case_ "--since and --until: any period, blocks of 53 weeks"
run painlog calendar --since 2024-11-18 --until 2026-11-22
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | grep -c '^Mon')" "2" "two blocks for two years"
run painlog calendar --since 2026-11-16 --format json
expect_eq "$(jf '[.from, (.days | length)] | join(" ")')" "2026-11-16 7" "one week"
run painlog calendar --until 2026-11-15 --format json
expect_eq "$(jf '[.from, .to] | join(" ")')" "2025-11-10 2026-11-15" "a year to --until"
expect_eq "$(jf '.days[0].pain')" "2" "11-10 is in that year"

case_ "completion offers the command and its formats"
run "$PAINLOG_BIN" _complete -- calendar --format ""
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | tr '\n' ' ')" "text json " "formats"

case_ "bad input: exit 2, one line, nothing written"
snapshot
run painlog calendar --since someday
expect_rc 2
expect_error "--since someday"
run painlog calendar --since 2026-11-23 --until 2026-11-22
expect_rc 2
expect_error "2026-11-23"
run painlog calendar --format html
expect_rc 2
expect_error "--format"
expect_unchanged
DB="$WORK/none.db"
run painlog calendar --format json
expect_rc 0
expect_eq "$(jf '[.days[].pain] | map(select(. != null)) | length')" "0" "an empty diary: no pain"
[ ! -e "$DB" ] && pass || fail "a read created the diary"

finish
