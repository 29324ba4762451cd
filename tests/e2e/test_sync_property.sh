#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Property: whatever three replicas do apart, and in whatever order they
# sync, they converge. For each seed, replicas A, B and C of one diary
# (one shared directory) make random edits of every kind that syncs
# (entries with ratings, notes, tags, regions and qualities; edits,
# clears and deletions of them; events, booked, moved, not given and
# deleted; questionnaires; doses; settings; pre-infusion checks; dismissed
# conflicts), interleaved with syncs of random replicas in random orders.
# At the end, after syncs that go round until none has news, every
# replica exports the same diary, checks clean, and shows the same
# conflicts.
#
# Each seed replays its run (SYNC_PROPERTY_SEEDS="3 7"): records are picked
# by their content, never by the local ids that differ between replicas
# and runs, and each command runs at a time of its own a minute or more
# after the last, so that no two versions share a stamp and the rule
# never falls back on the replica ids, which are random. Seeds 7 and 8
# give replica C a clock hours ahead; there two versions can share a stamp,
# and a replay may pick another winner between them.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/sync_lib.sh"
source "$(dirname "$0")/random_lib.sh"

SEEDS=${SYNC_PROPERTY_SEEDS:-1 2 3 4 5 6 7 8}
STEPS=${SYNC_PROPERTY_STEPS:-200}
ROOT=$WORK

TAGS=(walk swim 'a;b' 'café' 'x,y' '"quoted"' 'sun 🌞')
NOTES=('' plain $'two\nlines' 'comma, and "quotes"' '😀 emoji' '=sum(a1)')
KINDS=(infusion infusion appointment medication-change other)
CLEARABLE=(note tags pain mood sleep where feels)
REGIONS=(feet left-foot 'Lower Back' neck right-hand 'left-knee,head')
QUALITIES=(burning electric numb aching 'pins and needles' 'tingling,stabbing')
MEDICINES=('pregabalin 75mg' 'oxycodone 5mg' 'paracetamol 2 tablets' ibuprofen 'morphine 10mg' 'fentanyl 12mcg/h')
AMOUNTS=(5mg 10mg '1 tablet' 2ml '')
YES_NO=(yes no)


# Every command runs at its own step's time, by its replica's clock: five
# minutes a step, each replica's clock off by its skew (seconds; hours for
# C on seeds 7 and 8).
BASE=$(date -u -d 2026-11-22T20:00:00Z +%s)
now_of() {
    local var="SKEW_$1"
    TZ=UTC printf -v NOW '%(%Y-%m-%dT%H:%M:%SZ)T' $((BASE + STEP * 300 + ${!var}))
}
# painlog on replica $1 at this step's time; every command is one step.
on() {
    local r=$1
    shift
    STEP=$((STEP + 1))
    now_of "$r"
    PAINLOG_NOW=$NOW at "$r" "$@"
}

# Sets ID to a random record of replica $1's table $2, the rows ordered by
# their content ($3), or to "" when it has none.
pick_row() {
    local ids
    mapfile -t ids < <(sqlite3 "$WORK/$1.db" "SELECT id FROM $2 ${4:-} ORDER BY $3, id" 2>/dev/null)
    ID=""
    [ ${#ids[@]} -eq 0 ] && return 1
    # Half the time one of the first five: records that every replica
    # holds and changes, so that changes made apart meet.
    rnd 2
    if [ "$R" -eq 0 ] && [ ${#ids[@]} -gt 5 ]; then rnd 5; else rnd ${#ids[@]}; fi
    ID=${ids[R]}
}
# Sets PICKED to one of the values of replica $1's entry $2 in $3 (column
# $4), or to a random one of the list named $5 when it has none.
pick_own() {
    local values
    mapfile -t values < <(sqlite3 "$WORK/$1.db" "SELECT $4 FROM $3 WHERE entry_id = $2 ORDER BY 1")
    if [ ${#values[@]} -gt 0 ]; then rnd ${#values[@]}; PICKED=${values[R]}; else pick "$5"; PICKED=${PICKED%%,*}; fi
}
ENTRY_ORDER="at, note, pain, mood, energy"
EVENT_ORDER="at, label, kind, note"
DOSE_ORDER="at, medicine, note, amount"

# A unique mark for what a command writes, so that no two records are the
# same and the content order picks one.
mark() { MARK=$((MARK + 1)); MARKED="$1 #$MARK"; }

# Random values of an entry in ARGS; a note always when $1 is "note".
random_values() {
    ARGS=()
    local flag kind
    for flag in --pain --mood --energy; do rnd 2; [ "$R" -eq 1 ] && { rnd 11; ARGS+=("$flag" "$R"); }; done
    rnd 4; [ "$R" -eq 0 ] && { rnd 13; ARGS+=(--sleep "$R.5"); }
    for kind in --tag --better --worse --side-effect; do rnd 5; [ "$R" -eq 0 ] && { pick TAGS; ARGS+=("$kind" "$PICKED"); }; done
    rnd 2; [ "$R" -eq 0 ] && { pick REGIONS; ARGS+=(--where "$PICKED"); }
    rnd 2; [ "$R" -eq 0 ] && { pick QUALITIES; ARGS+=(--feels "$PICKED"); }
    rnd 3; [ "$R" -eq 0 ] || [ "${1:-}" = note ] && { pick NOTES; mark "$PICKED"; ARGS+=(--note "$MARKED"); }
    [ ${#ARGS[@]} -eq 0 ] && { rnd 11; ARGS=(--pain "$R"); }
}

random_setting() {
    rnd 6
    case $R in
        0) pick TAGS; ARGS=(name "$PICKED") ;;
        1) rnd 359; ARGS=(report-days $((R + 7))) ;;
        2) rnd 84; ARGS=(baseline-days $((R + 7))) ;;
        3) local p=(pain depression both); pick p; ARGS=(pathway "$PICKED") ;;
        4) rnd 25; ARGS=(fasting-food-hours "$R") ;;
        5) rnd 72; ARGS=(aftercare-hours $((R + 1))) ;;
    esac
}

# One random command on replica $1 (its output and errors go to the log).
random_command() {
    local r=$1 choice
    rnd 22
    choice=$R
    case $choice in
        0 | 1 | 2 | 3)
            random_values note
            past_time
            on "$r" add "${ARGS[@]}" --at "$WHEN" ;;
        4 | 5) pick_row "$r" entry "$ENTRY_ORDER" && { random_values; on "$r" edit "$ID" "${ARGS[@]}"; } ;;
        6) pick_row "$r" entry "$ENTRY_ORDER" && {
               rnd 4
               case $R in
                   0) pick CLEARABLE; on "$r" edit "$ID" --clear "$PICKED" ;;
                   1) pick_own "$r" "$ID" entry_region region REGIONS; on "$r" edit "$ID" --not-where "$PICKED" ;;
                   2) pick_own "$r" "$ID" entry_quality quality QUALITIES; on "$r" edit "$ID" --not-feels "$PICKED" ;;
                   3) pick_own "$r" "$ID" entry_tag name TAGS; on "$r" edit "$ID" --untag "$PICKED" ;;
               esac; } ;;
        7) pick_row "$r" entry "$ENTRY_ORDER" && on "$r" rm --yes "$ID" ;;
        8 | 9)
            pick KINDS; local kind=$PICKED
            past_time
            # Booked infusions now and then: the future is part of the diary too.
            [ "$kind" = infusion ] && { rnd 3; [ "$R" -eq 0 ] && { rnd 9; WHEN=2026-12-1${R}T10:00; }; }
            pick TAGS; mark "$PICKED"
            on "$r" event add "$kind" --at "$WHEN" --label "$MARKED" ;;
        10) pick_row "$r" event "$EVENT_ORDER" && {
                rnd 4
                case $R in
                    0) pick TAGS; mark "$PICKED"; on "$r" event edit "$ID" --label "$MARKED" ;;
                    1) pick NOTES; on "$r" event edit "$ID" --note "$PICKED" ;;
                    2) past_time; on "$r" event edit "$ID" --at "$WHEN" ;;
                    3) pick KINDS; on "$r" event edit "$ID" --kind "$PICKED" ;;
                esac; } ;;
        11) pick_row "$r" event "$EVENT_ORDER" && {
                rnd 3
                case $R in
                    0) on "$r" event edit "$ID" --not-given postponed ;;
                    1) on "$r" event edit "$ID" --not-given cancelled ;;
                    2) on "$r" event edit "$ID" --given ;;
                esac; } ;;
        12) pick_row "$r" event "$EVENT_ORDER" && on "$r" event rm --yes "$ID" ;;
        13) past_time; rnd 4
            case $R in
                0) answers 9 4; on "$r" check phq9 --at "$WHEN" --answers "$ANSWERS" ;;
                1) answers 7 4; on "$r" check gad7 --at "$WHEN" --answers "$ANSWERS" ;;
                2) answers 3 11; on "$r" check peg --at "$WHEN" --answers "$ANSWERS" ;;
                3) answers 1 7 1; on "$r" check pgic --at "$WHEN" --answers "$ANSWERS" ;;
            esac ;;
        14) pick MEDICINES; local dose=($PICKED) prn=(); past_time; mark "dose"
            rnd 3; [ "$R" -eq 0 ] && prn=(--prn)
            on "$r" med take "${dose[@]}" "${prn[@]}" --at "$WHEN" --note "$MARKED" ;;
        15) pick_row "$r" dose "$DOSE_ORDER" && {
                rnd 5
                case $R in
                    0) pick AMOUNTS; on "$r" med edit "$ID" --amount "$PICKED" ;;
                    1) on "$r" med edit "$ID" --prn ;;
                    2) on "$r" med edit "$ID" --regular ;;
                    3) pick NOTES; mark "$PICKED"; on "$r" med edit "$ID" --note "$MARKED" ;;
                    4) pick MEDICINES; on "$r" med edit "$ID" --medicine "${PICKED%% *}" ;;
                esac; } ;;
        16) pick_row "$r" dose "$DOSE_ORDER" && on "$r" med rm --yes "$ID" ;;
        17 | 18) random_setting
            rnd 3
            if [ "$R" -eq 0 ]; then on "$r" config unset "${ARGS[0]}"; else on "$r" config set "${ARGS[@]}"; fi ;;
        19 | 20) pick_row "$r" event "$EVENT_ORDER" "WHERE kind = 'infusion'" && {
                ARGS=()
                local question
                for question in --pregnant --breastfeeding --heart-problem --medicines-confirmed --sedation --escort; do
                    rnd 3; [ "$R" -eq 0 ] && { pick YES_NO; ARGS+=("$question" "$PICKED"); }
                done
                rnd 3; [ "$R" -eq 0 ] && { pick TAGS; ARGS+=(--new-symptoms "$PICKED"); }
                rnd 4; [ "$R" -eq 0 ] && ARGS+=(--new-medicines none)
                [ ${#ARGS[@]} -eq 0 ] && ARGS=(--pregnant no)
                on "$r" prepare --event "$ID" "${ARGS[@]}"; } ;;
        21) local ids
            mapfile -t ids < <(at "$r" sync conflicts --format json 2>/dev/null |
                jq -r 'sort_by(.made, .kind, (.data | tostring), .deleted) | .[].id')
            if [ ${#ids[@]} -gt 0 ]; then rnd ${#ids[@]}; on "$r" sync dismiss "${ids[R]}"; fi ;;
    esac
}

# Syncs 1 to 3 random replicas in a random order; a sync that fails fails the case.
random_syncs() {
    local order=(A B C) n i j t r
    for i in 2 1; do rnd $((i + 1)); j=$R; t=${order[i]}; order[i]=${order[j]}; order[j]=$t; done
    rnd 3; n=$((R + 1))
    for r in "${order[@]:0:n}"; do
        on "$r" sync >/dev/null 2>"$WORK/.sync-err" ||
            fail "step $STEP: sync of $r exited $?: $(head -3 "$WORK/.sync-err")"
    done
}

# Replica $1's conflicts as every replica must show them: without the
# local ids and names, and whether the record is there rather than its id.
shown_conflicts() {
    at "$1" sync conflicts --format json | jq -S 'map(del(.id, .origin_name) | .local |= (. != null)) | sort'
}

CONFLICTS_SEEN=0 CHECKS_SEEN=0 NOT_GIVEN_SEEN=0 DOSES_SEEN=0 REGIONS_SEEN=0 SETTINGS_SEEN=0 DISMISSED_SEEN=0
for seed in $SEEDS; do
    WORK=$ROOT/seed$seed
    mkdir -p "$WORK"
    FOLDER_A=$WORK/folder FOLDER_B=$WORK/folder FOLDER_C=$WORK/folder
    SEED=$seed STEP=0 MARK=0
    failed_before=$FAILED
    started=$SECONDS
    rnd 80; SKEW_A=$((R * 3 - 120))
    rnd 80; SKEW_B=$((R * 3 - 119))
    rnd 80; SKEW_C=$((R * 3 - 118))
    case $seed in 7 | 8) SKEW_C=$((SKEW_C + 5 * 3600 + seed * 600)) ;; esac

    case_ "seed $seed: random edits on three replicas, synced in random orders"
    # A few records on each before pairing, so that the first syncs merge diaries.
    for r in A B C; do
        on "$r" add --pain 5 --note "$r before pairing" --at 2026-11-0$((STEP + 1))T08:00 >/dev/null
        for _ in 1 2 3; do random_command "$r" >>"$WORK/commands.log" 2>&1; done
    done
    on A sync init "$WORK/folder" --key-file "$WORK/key.txt" >/dev/null || fail "sync init"
    on B sync join "$WORK/folder" --key-file "$WORK/key.txt" >/dev/null || fail "sync join on B"
    on C sync join "$WORK/folder" --key-file "$WORK/key.txt" >/dev/null || fail "sync join on C"
    for _ in $(seq "$STEPS"); do
        rnd 4
        if [ "$R" -eq 0 ]; then
            random_syncs
        else
            rnd 3
            random_command "${REPLICAS[R]}" >>"$WORK/commands.log" 2>&1
        fi
    done

    case_ "seed $seed: after syncs until none has news, the replicas are one diary"
    STEP=$((STEP + 1))
    now_of A
    PAINLOG_NOW=$NOW converge 6
    expect_converged "seed $seed"
    shown_conflicts A >"$WORK/.conflicts-A"
    for r in B C; do
        shown_conflicts "$r" >"$WORK/.conflicts-$r"
        cmp -s "$WORK/.conflicts-A" "$WORK/.conflicts-$r" && pass ||
            { fail "the conflicts on $r differ from A's"; diff "$WORK/.conflicts-A" "$WORK/.conflicts-$r" | head; }
    done
    CONFLICTS_SEEN=$((CONFLICTS_SEEN + $(jq length "$WORK/.conflicts-A")))
    CHECKS_SEEN=$((CHECKS_SEEN + $(sqlite3 "$WORK/A.db" "SELECT count(*) FROM infusion_check")))
    NOT_GIVEN_SEEN=$((NOT_GIVEN_SEEN + $(sqlite3 "$WORK/A.db" "SELECT count(*) FROM event WHERE not_given IS NOT NULL")))
    DOSES_SEEN=$((DOSES_SEEN + $(sqlite3 "$WORK/A.db" "SELECT count(*) FROM dose")))
    REGIONS_SEEN=$((REGIONS_SEEN + $(sqlite3 "$WORK/A.db" "SELECT count(*) FROM entry_region")))
    SETTINGS_SEEN=$((SETTINGS_SEEN + $(sqlite3 "$WORK/A.db" "SELECT count(*) FROM setting")))
    DISMISSED_SEEN=$((DISMISSED_SEEN + $(grep -c '^Dismissed' "$WORK/commands.log")))
    echo "seed $seed: $STEP steps in $((SECONDS - started)) s;" \
        "$(sqlite3 "$WORK/A.db" "SELECT (SELECT count(*) FROM entry) || ' entries, ' || (SELECT count(*) FROM event) ||
            ' events, ' || (SELECT count(*) FROM dose) || ' doses, ' || (SELECT count(*) FROM sync_conflict) || ' conflicts'")"
    [ "$FAILED" -eq "$failed_before" ] ||
        echo "seed $seed FAILED: replay with SYNC_PROPERTY_SEEDS=$seed bash $0 $PAINLOG_BIN (kept in $WORK)"
done
WORK=$ROOT

case_ "the seeds between them make conflicts, dismiss some, and cover checks, not given, doses, regions and settings"
for seen in CONFLICTS_SEEN CHECKS_SEEN NOT_GIVEN_SEEN DOSES_SEEN REGIONS_SEEN SETTINGS_SEEN DISMISSED_SEEN; do
    [ "${!seen}" -gt 0 ] && pass || fail "$seen is ${!seen}"
done

finish
