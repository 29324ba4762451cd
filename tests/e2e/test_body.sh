#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Where it hurts and how it feels (issue 17): --where and --feels on add and
# edit, show and list, bad names (exit 2, the closest names, nothing
# written), the vocabulary listings, the check-in's picks and its
# questions setting on a real pseudo-terminal.
source "$(dirname "$0")/lib.sh" "$@"

case_ "add records regions and qualities in vocabulary order, any spelling"
run painlog add --pain 6 --where "Right Foot" --where l-foot,lower-back --feels burning --feels "pins and needles" \
    --at 2026-11-20T08:00
expect_rc 0
expect_out_is "Added entry 1 for 2026-11-20: pain 6, @lower-back,feet ~burning,pins-and-needles."
expect_eq "$(sql "SELECT group_concat(region, ' ') FROM (SELECT region FROM entry_region WHERE entry_id = 1 ORDER BY region)")" \
    "left-foot lower-back right-foot" "stored regions"
expect_eq "$(sql "SELECT group_concat(quality, ' ') FROM (SELECT quality FROM entry_quality WHERE entry_id = 1 ORDER BY quality)")" \
    "burning pins-and-needles" "stored qualities"

case_ "a group alias is both sides; --where alone is an entry"
run painlog add --where knees --feels aching --at 2026-11-21T08:00
expect_rc 0
expect_out_is "Added entry 2 for 2026-11-21: @knees ~aching."
expect_eq "$(sql "SELECT count(*) FROM entry_region WHERE entry_id = 2")" "2" "left and right knee"

case_ "show lists each name; JSON has regions and qualities"
run painlog show 1
expect_out_has "Where         lower-back, left-foot, right-foot"
expect_out_has "Feels         burning, pins-and-needles"
run painlog show 1 --format json
expect_eq "$(jq -c '[.regions, .qualities]' <<<"$OUT")" '[["lower-back","left-foot","right-foot"],["burning","pins-and-needles"]]'

case_ "list is compact: @ where, ~ how it feels"
run painlog list --since 2026-11-20
expect_out_has "@lower-back,feet ~burning,pin…"
expect_out_has "@knees ~aching"
run painlog list --since 2026-11-20 --format csv
expect_out_has "note,regions,qualities"
expect_out_has ",lower-back;left-foot;right-foot,burning;pins-and-needles"

# Every bad name: exit 2, one line naming it with the closest names, and the
# diary byte for byte as it was.
bad() {
    local expected=$1
    shift
    case_ "$*"
    snapshot
    run painlog "$@"
    expect_rc 2
    expect_error "$expected"
    expect_unchanged
}
bad "--where left-fot: unknown body region; did you mean left-foot? (painlog body regions lists all 44)" \
    add --pain 5 --where left-fot
bad "--where foot: unknown body region; did you mean left-foot, right-foot or feet?" add --pain 5 --where foot
bad "--where feet,spleen (spleen): unknown body region; expected a name such as left-foot or lower-back" \
    add --pain 5 --where feet,spleen
bad "--where : expected a body region such as left-foot or lower-back" add --pain 5 --where ""
bad "--feels burnign: unknown pain quality; did you mean burning? (painlog body qualities lists all 21)" \
    add --pain 5 --where feet --feels burnign
bad "--feels electric shok (electric-shok): unknown pain quality; did you mean electric-shocks?" \
    add --pain 5 --feels "electric shok"
bad "--where lef-knee: unknown body region; did you mean left-knee?" edit 1 --where lef-knee
bad "--feels stabing: unknown pain quality; did you mean stabbing?" edit 1 --feels stabing
bad "--not-where left-knee: entry 1 has no left-knee (it has lower-back, left-foot, right-foot)" \
    edit 1 --not-where left-knee
bad "--not-where lowr-back: unknown body region; did you mean lower-back?" edit 1 --not-where lowr-back
bad "--not-feels aching: entry 1 has no aching (it has burning, pins-and-needles)" edit 1 --not-feels aching
bad "--clear: spleen not in" edit 1 --clear spleen
bad "edit 2: that would leave the entry with no values" edit 2 --clear where --clear feels

case_ "edit adds, removes one and clears all"
run painlog edit 1 --where left-knee --not-where right-foot --not-feels pins-and-needles --feels numb
expect_rc 0
expect_out_is "Updated entry 1 for 2026-11-20: pain 6, @lower-back,left-knee,left-foot ~burning,numbness."
run painlog edit 1 --clear where
expect_out_is "Updated entry 1 for 2026-11-20: pain 6, ~burning,numbness."
expect_eq "$(sql "SELECT count(*) FROM entry_region WHERE entry_id = 1")" "0" "regions cleared"
run painlog edit 1 --where feet --clear feels
expect_out_is "Updated entry 1 for 2026-11-20: pain 6, @feet."
expect_eq "$(sql "SELECT count(*) FROM entry_quality WHERE entry_id = 1")" "0" "qualities cleared"

case_ "rm takes an entry's regions and qualities with it"
painlog add --pain 2 --where neck --feels stiff --at 2026-11-21T09:00 >/dev/null
run painlog rm 3 --yes
expect_rc 0
expect_eq "$(sql "SELECT count(*) FROM entry_region WHERE entry_id = 3") $(sql "SELECT count(*) FROM entry_quality WHERE entry_id = 3")" \
    "0 0" "no orphans"

case_ "body regions and body qualities list the vocabularies"
run painlog body regions
expect_rc 0
expect_out_has "left-buttock     left hip"
expect_out_has "feet (both)"
run painlog body regions --format json
expect_eq "$(jq 'length' <<<"$OUT")" 44 "regions"
expect_eq "$(jq -c '.[] | select(.name == "left-thigh-back") | [.wpi_area, .view, .aliases, .both_sides]' <<<"$OUT")" \
    '["left-upper-leg","back",["left-hamstring"],null]'
expect_eq "$(jq '[.[] | .wpi_area | select(. != null)] | unique | length' <<<"$OUT")" 19 "all 19 WPI areas"
run painlog body qualities --format json
expect_eq "$(jq 'length' <<<"$OUT")" 21 "qualities"
expect_eq "$(jq -r '[.[0:11][] | .neuropathic] | all' <<<"$OUT")" "true" "neuropathic descriptors first"
run painlog body qualities
expect_out_has "pain-on-light-touch neuropathic allodynia, light-touch, touch"

case_ "the checkin-questions setting: all, or a list; bad names exit 2 with the closest"
run painlog config set checkin-questions "note, pain,where , feels,med"
expect_rc 0
expect_out_is "checkin-questions = pain,where,feels,med,note"
bad "setting checkin-questions pain,wher: unknown question wher; did you mean where? expected all or some of pain, where" \
    config set checkin-questions pain,wher
bad "setting checkin-questions ,: expected all or at least one of pain, where" config set checkin-questions ,
run painlog config set checkin-questions all
expect_out_is "checkin-questions = all"

if command -v script >/dev/null; then
    # Runs painlog add on a terminal, typing $1.
    checkin() {
        OUT=$(printf '%b' "$1" | script -qec "'$PAINLOG_BIN' --db '$DB' add" /dev/null 2>&1)
        RC=$?
    }
    DB="$WORK/checkin.db"
    painlog add --pain 6 --where feet --feels burning --at 2026-11-10T08:00 >/dev/null
    painlog add --pain 6 --where feet,lower-back --feels burning,tingling --at 2026-11-11T08:00 >/dev/null
    painlog add --pain 5 --where left-foot --feels burning --at 2026-11-21T08:00 >/dev/null

    case_ "the check-in offers the most frequent regions and qualities as numbered picks"
    painlog config set checkin-questions pain,where,feels >/dev/null
    checkin '5\n3 1, left knee\n2\n'
    expect_rc 0
    # left-foot: 3 entries; right-foot: 2; lower-back: 1 (then vocabulary order).
    expect_out_has "  1 left-foot  2 right-foot  3 lower-back"
    expect_out_has "Where does it hurt (numbers or names; y = as yesterday: left-foot, feeling burning)"
    expect_out_has "  1 burning  2 tingling"
    expect_out_has "Added entry 4 for 2026-11-22: pain 5, @lower-back,left-knee,left-foot ~tingling."
    expect_eq "$(sql "SELECT count(*) FROM entry WHERE id = 4 AND mood IS NULL AND note = ''")" "1" "no other question"

    case_ "y is yesterday's regions and qualities in one key"
    checkin '4\ny\n'
    expect_rc 0
    expect_out_has "Added entry 5 for 2026-11-22: pain 4, @left-foot ~burning."
    expect_out_lacks "How does it feel"

    case_ "a bad pick or name is explained and asked again; no pain, no body questions"
    checkin '6\n7\nlef-foot\n1\n\n'
    expect_out_has "7: expected a number from 1 to"
    expect_out_has "lef-foot: unknown body region; did you mean left-foot?"
    expect_out_has "Added entry 6 for 2026-11-22: pain 6, @left-foot."
    checkin '0\n'
    expect_out_has "Added entry 7 for 2026-11-22: pain 0."
    expect_out_lacks "Where does it hurt"

    case_ "a diary without regions asks with examples"
    DB="$WORK/fresh.db"
    checkin '5\nfeet\nburning, electric\n\n\n\n\n\n\n\n\n\n\n\n'
    expect_out_has "Where does it hurt (e.g. left-foot, lower-back)"
    expect_out_has "How does it feel (e.g. burning, aching)"
    expect_out_has "Added entry 1 for 2026-11-22: pain 5, @feet ~burning,electric-shocks."
fi

finish
