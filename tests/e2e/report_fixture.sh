# SPDX-License-Identifier: GPL-3.0-or-later
# A realistic ten-week diary with two infusions, for the report tests and
# for tests/e2e/report_demo.sh. Source it after lib.sh (it needs `painlog`
# and `sql`), then call make_ten_week_diary.
#
# 2026-09-14 .. 2026-11-22 (70 days; "today" is 2026-11-22 in lib.sh).
# Infusion 1 on 2026-09-28 (day 14), infusion 2 on 2026-10-26 (day 42).
# Pain sits around 7 before infusion 1, falls to about 4 for three weeks,
# climbs back to 7, then falls to about 3 after infusion 2 and stays there.
# Days 5, 33, 50 and 61 have no entry.

# Day index 0..69 -> pain.
REPORT_PAIN=(7 7 8 7 6 7 8 7 7 6 7 8 7 7
             7
             5 4 4 3 4 4 3
             4 3 4 4 5 4 4
             5 5 6 5 6 6 7 6 7 6 7 7 7
             7
             4 3 3 3 4 3 3  3 3 2 3 4 3 3  3 4 3 3 3 4 3  4 3 4 3 3 4)

report_day() { date -u -d "2026-09-14 + $1 days" +%F; }

# Where it hurts and how it feels on day $1 with pain $2, added to args:
# burning feet with electric shocks before each infusion and while the pain
# is back (days 32-41), the lower back every third of those days; a left
# foot that tingles on some days after them.
report_body_args() {
    local d=$1 pain=$2 where="" feels=""
    if [ "$d" -lt 14 ] || { [ "$d" -ge 32 ] && [ "$d" -lt 42 ]; }; then
        where=feet feels=burning
        [ $((d % 3)) -eq 0 ] && where+=,lower-back
        [ $((d % 2)) -eq 0 ] && feels+=,electric-shocks
        [ $((d % 4)) -eq 1 ] && feels+=,pins-and-needles
    elif [ "$d" -lt 42 ]; then
        if [ "$pain" -ge 4 ]; then where=feet feels=burning; else where=left-foot feels=tingling; fi
    elif [ $((d % 2)) -eq 0 ]; then
        where=left-foot feels=tingling
        [ $((d % 5)) -eq 0 ] && feels+=,numbness
    fi
    [ -n "$where" ] && args+=(--where "$where" --feels "$feels")
    return 0
}

make_ten_week_diary() {
    painlog config set name "Alex Example" >/dev/null
    local d pain mood energy sleep quality activity day args
    for d in $(seq 0 69); do
        case $d in 5 | 33 | 50 | 61) continue ;; esac
        day=$(report_day "$d")
        pain=${REPORT_PAIN[$d]}
        mood=$((9 - pain + d % 3 / 2))
        [ "$mood" -gt 10 ] && mood=10
        energy=$((8 - pain + d % 4 / 2))
        [ "$energy" -lt 1 ] && energy=1
        sleep="$((4 + (10 - pain) / 2 + d % 2)).$(((d * 7) % 10))"
        quality=$((9 - pain + d % 2))
        activity=$((8 - pain + d % 3 / 2))
        [ "$activity" -lt 1 ] && activity=1
        args=(--at "${day}T08:30" --pain "$pain" --mood "$mood" --energy "$energy" --sleep "$sleep"
              --sleep-quality "$quality" --activity "$activity")
        [ $((d % 3)) -eq 0 ] && args+=(--tag walk)
        [ $((d % 5)) -eq 1 ] && args+=(--tag swimming)
        [ $((d % 7)) -eq 2 ] && args+=(--tag gardening)
        [ "$pain" -le 4 ] && [ $((d % 2)) -eq 0 ] && args+=(--better heat)
        [ "$pain" -ge 7 ] && [ $((d % 2)) -eq 1 ] && args+=(--worse cold)
        [ "$pain" -ge 6 ] && [ $((d % 3)) -eq 1 ] && args+=(--worse "long sitting")
        [ $((d % 4)) -eq 3 ] && args+=(--better rest)
        report_body_args "$d" "$pain"
        painlog add "${args[@]}" >/dev/null || return 1
        # An evening entry every fourth day, a little worse than the morning.
        if [ $((d % 4)) -eq 0 ]; then
            painlog add --at "${day}T21:00" --pain $((pain < 10 ? pain + 1 : 10)) >/dev/null || return 1
        fi
    done
    # Side effects and notes around the infusions (entries the day after).
    painlog add --at 2026-09-28T18:00 --side-effect drowsiness --side-effect "vivid dreams" \
        --note "Infusion went fine. Very sleepy afterwards, strange dreams." >/dev/null
    painlog add --at 2026-09-29T20:00 --side-effect drowsiness --note "Still a bit floaty this morning." >/dev/null
    painlog add --at 2026-10-26T17:00 --side-effect nausea --side-effect dizziness \
        --note "Second infusion. Felt sick for an hour, dizzy standing up." >/dev/null
    painlog add --at 2026-10-09T19:00 --note "Walked to the shops and back without stopping. First time in months." >/dev/null
    painlog add --at 2026-10-20T19:00 --note "Pain creeping back, worst in the cold mornings." >/dev/null
    painlog add --at 2026-11-05T19:00 --note "Good week. Gardening for an hour on Saturday." >/dev/null
    painlog add --at 2026-11-18T19:00 --note "Slept through the night twice this week." >/dev/null
    # The event table (schema v2) as `painlog event add` writes it.
    sql "INSERT INTO event (kind, label, at, zone, day, note) VALUES
         ('infusion', 'ketamine 0.5 mg/kg over 2 h', '2026-09-28T09:00:00Z', 'Europe/London', '2026-09-28', ''),
         ('infusion', 'ketamine 0.5 mg/kg over 2 h', '2026-10-26T10:00:00Z', 'Europe/London', '2026-10-26', ''),
         ('appointment', 'pain clinic follow-up', '2026-10-14T14:00:00Z', 'Europe/London', '2026-10-14', '')"
    painlog check phq9 --answers 2,2,2,2,1,1,1,1,0 --at 2026-09-20T10:00 >/dev/null
    painlog check phq9 --answers 1,1,1,1,1,1,0,0,0 --at 2026-10-18T10:00 >/dev/null
    painlog check phq9 --answers 1,0,1,1,0,0,0,0,0 --at 2026-11-15T10:00 >/dev/null
}
