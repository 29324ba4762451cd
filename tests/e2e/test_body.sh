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

case_ "completion offers regions and qualities, the diary's most used first"
run painlog _complete -- --db "$DB" add --where l
# Entry 1 names both feet, entry 2 both knees: one entry each, then vocabulary order.
expect_eq "$(sed -n 2,3p <<<"$OUT")" $'left-knee\tleft knee, 1 entry\nleft-foot\tleft foot, 1 entry' "used first"
expect_out_has $'left-sole\tleft sole'
run painlog _complete -- --db "$DB" edit 1 --not-feels ""
expect_eq "$(sed -n 2p <<<"$OUT")" $'aching\taching, 1 entry' "the diary's quality first"
expect_out_has $'pain-on-light-touch\tpain on light touch'
run painlog _values regions
expect_out_has $'feet\tleft-foot and right-foot'
expect_eq "$(grep -c . <<<"$OUT")" 58 "44 regions and 14 groups"
run painlog _values qualities
expect_eq "$(grep -c . <<<"$OUT")" 21 "21 qualities"

case_ "the checkin-questions setting: all, or a list; bad names exit 2 with the closest"
run painlog config set checkin-questions "note, pain,where , feels,med"
expect_rc 0
expect_out_is "checkin-questions = pain,where,feels,med,note"
bad "setting checkin-questions pain,wher: unknown question wher; did you mean where? expected all or some of pain, where" \
    config set checkin-questions pain,wher
bad "setting checkin-questions ,: expected all or at least one of pain, where" config set checkin-questions ,
run painlog config set checkin-questions all
expect_out_is "checkin-questions = all"

case_ "summary: days, share and mean pain per region and quality, regions a day, WPI weeks (by hand)"
DB="$WORK/figures.db"
painlog add --pain 6 --where feet --feels burning --at 2026-11-01T08:00 >/dev/null
painlog add --pain 4 --where left-foot --feels burning,tingling --at 2026-11-02T08:00 >/dev/null
painlog add --mood 5 --where lower-back --at 2026-11-03T08:00 >/dev/null
painlog add --pain 8 --where left-foot,lower-back,left-buttock --feels burning --at 2026-11-05T08:00 >/dev/null
painlog add --pain 2 --at 2026-11-09T08:00 >/dev/null
painlog add --pain 5 --where neck,left-shoulder --feels aching --at 2026-11-10T08:00 >/dev/null
run painlog summary --since 2026-11-01 --until 2026-11-14 --format json
expect_rc 0
# Six logged days. left-foot on 11-01 (6), 11-02 (4) and 11-05 (8): 3 days,
# 3/6 = 0.5, pain 18/3 = 6; lower-back on 11-03 (no pain) and 11-05 (8).
expect_eq "$(jq -c '.body | [.days_logged, .days_with_regions, .days_with_qualities, .regions_per_day, .max_regions_per_day]' <<<"$OUT")" \
    '[6,5,4,1.5,3]'
expect_eq "$(jq -c '[.body.regions[] | [.region, .days, .pain_n, .mean_pain]]' <<<"$OUT")" \
    '[["left-foot",3,3,6],["lower-back",2,1,8],["neck",1,1,5],["left-shoulder",1,1,5],["left-buttock",1,1,8],["right-foot",1,1,6]]'
expect_eq "$(jq -c '[.body.qualities[] | [.quality, .days, .mean_pain]]' <<<"$OUT")" \
    '[["burning",3,6],["tingling",1,4],["aching",1,5]]'
# Weeks 11-01..07: lower back, left hip (the buttock); 11-08..14: neck, left shoulder girdle.
expect_eq "$(jq -c '[.body.wpi_weeks[] | [.from, .days_logged, .areas_reported]]' <<<"$OUT")" \
    '[["2026-11-01",4,2],["2026-11-08",2,2]]'
run painlog summary --since 2026-11-01 --until 2026-11-14
expect_out_has "Where it hurt and how it felt over 6 logged days (pain: the mean on those days)"
expect_out_has "left-foot        3  50 %  6.0 (3)"
expect_out_has "11-01 to 11-07: 2; 11-08 to 11-14: 2."

case_ "response: the share of logged days before and after an infusion (by hand)"
painlog event add infusion --at 2026-11-15T10:00 >/dev/null
painlog add --pain 3 --where left-foot --feels burning --at 2026-11-16T08:00 >/dev/null
painlog add --pain 3 --at 2026-11-17T08:00 >/dev/null
painlog add --pain 2 --where feet --at 2026-11-18T08:00 >/dev/null
painlog add --pain 2 --at 2026-11-19T08:00 >/dev/null
run painlog response --format json
expect_rc 0
# Baseline 11-01..11-14: 9 regions over 6 days = 1.5; days 1-7: (1+0+2+0)/4 = 0.75.
expect_eq "$(jq -c '.events[0].baseline | [.body_days_logged, .regions_per_day]' <<<"$OUT")" '[6,1.5]'
expect_eq "$(jq -c '.events[0].windows[0] | [.body_days_logged, .regions_per_day, .regions_per_day_change]' <<<"$OUT")" \
    '[4,0.75,-0.75]'
# right-foot: 1/6 before, 1/4 after: +0.083; burning 3/6 before, 1/4 after.
expect_eq "$(jq -c '.events[0].windows[0].regions[] | select(.region == "right-foot") | [.days, .share, .share_change]' <<<"$OUT")" \
    '[1,0.25,0.083]'
expect_eq "$(jq -c '.events[0].windows[0].qualities[] | select(.quality == "burning") | [.share, .share_change]' <<<"$OUT")" \
    '[0.25,-0.25]'
run painlog response
expect_out_has "regions a day      1.5      0.8"

case_ "the report's body maps: valid SVG, shaded as the figures say"
run painlog report --format html
expect_rc 0
grep -o '<svg[^>]*class="bodymap".*</svg>' <<<"$OUT" | sed 's#</svg>.*#</svg>#' >"$WORK/maps.svg"
expect_eq "$(wc -l <"$WORK/maps.svg")" 2 "two maps: baseline and since the infusion"
n=0
while IFS= read -r svg; do
    n=$((n + 1))
    printf '%s\n' "$svg" >"$WORK/map$n.svg"
    xmllint --noout "$WORK/map$n.svg" && pass || fail "map $n is not well-formed XML"
done <"$WORK/maps.svg"
step() { grep -o "data-region=\"$2\" data-step=\"[0-4]\"" "$WORK/map$1.svg" | head -1 | grep -o '[0-4]"$' | tr -d '"'; }
# Baseline: left-foot 3/6 (step 3: 50-74 %), lower-back 2/6 (step 2), right-foot 1/6 (step 1).
expect_eq "$(step 1 left-foot) $(step 1 lower-back) $(step 1 right-foot) $(step 1 left-calf)" "3 2 1 0" "baseline steps"
# Since the infusion: left-foot 2/4 (step 3), right-foot 1/4 (step 2), lower-back none.
expect_eq "$(step 2 left-foot) $(step 2 right-foot) $(step 2 lower-back)" "3 2 0" "since steps"
run painlog report --format json
for panel in 0 1; do
    mismatch=0
    while IFS=' ' read -r region json_step; do
        [ "$(step $((panel + 1)) "$region")" = "$json_step" ] || mismatch=1
    done < <(jq -r ".body_map.panels[$panel].regions[] | \"\(.region) \(.step)\"" <<<"$OUT")
    expect_eq "$mismatch" 0 "panel $panel: every region's shading is its JSON step"
done
expect_eq "$(jq -c '.body_map.panels | map([.label, .from, .to, .days_logged])' <<<"$OUT")" \
    '[["Baseline","2026-11-01","2026-11-14",6],["Since the infusion","2026-11-16","2026-11-22",4]]'
expect_eq "$(jq -r '.sections | index("body_map") - index("pain_response")' <<<"$OUT")" 1 "after the pain response"
run painlog report
expect_out_has "left-foot     50 % (3)           50 % (2)"

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
