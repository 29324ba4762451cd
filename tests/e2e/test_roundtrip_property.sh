#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Property: whatever diary the commands build, every format painlog exports
# imports into an empty diary and exports again byte for byte. Random
# sequences of add, edit, rm, event add/edit/rm, check and config, from fixed
# seeds so that a failure can be replayed (ROUNDTRIP_SEEDS="7 8").
source "$(dirname "$0")/lib.sh" "$@"
source "$(dirname "$0")/random_lib.sh"

TAGS=(walk swim 'a;b' 'back\slash' 'x,y' '"quoted"' 'café' 'sun 🌞' '=sum(a1)' 'trailing\' 'e\;f')
NOTES=('' 'plain' $'two\nlines' $'tab\there' 'comma, and "quotes"' '=HYPERLINK("x")' '😀 emoji' $'\r\nwindows' '-1+2')
KINDS=(infusion appointment medication-change other)
CLEARABLE=(note tags pain mood sleep where feels)
REGIONS=(feet left-foot 'Lower Back' neck l-knee soles 'right_thigh_back,head')
QUALITIES=(burning electric numb aching 'pins and needles' 'tingling,stabbing')


# Regions and qualities from a generator of their own, so that the diaries
# the seeds made before they existed stay the same otherwise.
body_values() {
    local saved=$SEED
    SEED=$BODY_SEED
    rnd 3; [ "$R" -eq 0 ] && { pick REGIONS; ARGS+=(--where "$PICKED"); }
    rnd 3; [ "$R" -eq 0 ] && { pick QUALITIES; ARGS+=(--feels "$PICKED"); }
    BODY_SEED=$SEED
    SEED=$saved
}

random_values() {
    ARGS=()
    local flag kind
    for flag in --pain --mood --energy --sleep-quality --activity; do
        rnd 2; [ "$R" -eq 1 ] && { rnd 11; ARGS+=("$flag" "$R"); }
    done
    rnd 3; [ "$R" -eq 0 ] && { rnd 13; local hours=$R; rnd 10; ARGS+=(--sleep "$hours.$R"); }
    for kind in --tag --better --worse --side-effect --med; do
        rnd 4; [ "$R" -eq 0 ] && { pick TAGS; ARGS+=("$kind" "$PICKED"); }
    done
    body_values
    pick NOTES
    [ -n "$PICKED" ] && ARGS+=(--note "$PICKED")
    [ ${#ARGS[@]} -eq 0 ] && { rnd 11; ARGS=(--pain "$R"); }
}

random_command() {
    local id event
    id=$(sql "SELECT id FROM entry ORDER BY id")
    rnd 1000; id=$(printf '%s\n' $id | sed -n "$((R % ($(printf '%s\n' $id | wc -l) + 1) + 1))p")
    event=$(sql "SELECT id FROM event ORDER BY id")
    rnd 1000; event=$(printf '%s\n' $event | sed -n "$((R % ($(printf '%s\n' $event | wc -l) + 1) + 1))p")
    rnd 10
    case $R in
        0 | 1 | 2) random_values; past_time; painlog add "${ARGS[@]}" --at "$WHEN" ;;
        3) [ -n "$id" ] && { random_values; painlog edit "$id" "${ARGS[@]}"; } ;;
        4) [ -n "$id" ] && { pick CLEARABLE; painlog edit "$id" --clear "$PICKED"; } ;;
        5) rnd 3; [ -n "$id" ] && [ "$R" -eq 0 ] && painlog rm --yes "$id" ;;
        6) pick KINDS; local kind=$PICKED; past_time; pick TAGS; local label=$PICKED; pick NOTES
           # A booked infusion now and then: the future is part of the diary too.
           [ "$kind" = infusion ] && { rnd 4; [ "$R" -eq 0 ] && WHEN=2027-01-1${R}T10:00; }
           painlog event add "$kind" --at "$WHEN" --label "$label" --note "$PICKED" ;;
        7) [ -n "$event" ] && { rnd 5; local choice=$R; pick TAGS
               case $choice in
                   0 | 1) painlog event edit "$event" --label "$PICKED" ;;
                   2) painlog event rm --yes "$event" ;;
                   3) painlog event edit "$event" --not-given cancelled ;;
                   4) painlog event edit "$event" --given ;;
               esac; } ;;
        8) past_time; rnd 4
           case $R in
               0) answers 9 4; painlog check phq9 --at "$WHEN" --answers "$ANSWERS" ;;
               1) answers 7 4; painlog check gad7 --at "$WHEN" --answers "$ANSWERS" ;;
               2) answers 3 11; painlog check peg --at "$WHEN" --answers "$ANSWERS" ;;
               3) rnd 7; painlog check pgic --at "$WHEN" --answers "$((R + 1))" ;;
           esac ;;
        9) pick TAGS; painlog config set name "$PICKED" ;;
    esac
}

# Exports $1's diary in $2 (json, csv, events-csv, fhir) to stdout.
export_as() {
    case $2 in
        json) "$PAINLOG_BIN" --db "$1" export --format json ;;
        csv) "$PAINLOG_BIN" --db "$1" export ;;
        events-csv) "$PAINLOG_BIN" --db "$1" export --what events ;;
        fhir) "$PAINLOG_BIN" --db "$1" export --format fhir ;;
    esac
}

for seed in ${ROUNDTRIP_SEEDS:-1 2 3 4}; do
    case_ "seed $seed: random diary, every format, export -> import into an empty diary -> export"
    SEED=$seed
    BODY_SEED=$((seed + 1000))
    DB="$WORK/seed$seed.db"
    for _ in $(seq 80); do random_command >/dev/null 2>"$WORK/.cmd-stderr" || true; done
    [ "$(sql 'SELECT count(*) FROM entry')" -gt 5 ] && [ "$(sql 'SELECT count(*) FROM event')" -gt 0 ] &&
        [ "$(sql 'SELECT count(*) FROM questionnaire')" -gt 0 ] && [ "$(sql 'SELECT count(*) FROM entry_region')" -gt 0 ] &&
        [ "$(sql 'SELECT count(*) FROM entry_quality')" -gt 0 ] && pass || fail "the random diary is too plain"
    PGIC_SEEN=$((${PGIC_SEEN:-0} + $(sql "SELECT count(*) FROM questionnaire WHERE instrument = 'pgic'")))
    NOT_GIVEN_SEEN=$((${NOT_GIVEN_SEEN:-0} + $(sql "SELECT count(*) FROM event WHERE not_given IS NOT NULL")))
    BOOKED_SEEN=$((${BOOKED_SEEN:-0} + $(sql "SELECT count(*) FROM event WHERE at > '2026-12'")))
    for format in json csv events-csv; do
        export_as "$DB" "$format" >"$WORK/first.$format"
        rm -f "$WORK/restored.db"
        run "$PAINLOG_BIN" --db "$WORK/restored.db" import "$WORK/first.$format"
        expect_rc 0
        export_as "$WORK/restored.db" "$format" >"$WORK/second.$format"
        cmp -s "$WORK/first.$format" "$WORK/second.$format" && pass \
            || { fail "$format differs after a round trip"; diff "$WORK/first.$format" "$WORK/second.$format" | head; }
        if [ "$format" = json ]; then
            # The restored diary is the same diary: its FHIR bundle too.
            cmp -s <(export_as "$DB" fhir) <(export_as "$WORK/restored.db" fhir) && pass \
                || fail "FHIR of the restored diary differs"
        fi
        # Importing into its own source adds nothing.
        run painlog import "$WORK/first.$format"
        expect_rc 0
        expect_out_has "Imported 0 "
    done
done

case_ "the seeds between them cover a PGIC, an event not given and a booked infusion"
[ "$PGIC_SEEN" -gt 0 ] && [ "$NOT_GIVEN_SEEN" -gt 0 ] && [ "$BOOKED_SEEN" -gt 0 ] && pass ||
    fail "PGIC $PGIC_SEEN, not given $NOT_GIVEN_SEEN, booked $BOOKED_SEEN"

finish
