# SPDX-License-Identifier: GPL-3.0-or-later
# Seeded randomness for the property suites (test_*_property.sh), sourced
# after lib.sh: the same SEED gives the same diary, so a failure replays.
# A linear congruential generator of our own: bash reseeds $RANDOM in every
# subshell, so a seed alone would not replay a run.

# Sets R to a number from 0 to $1 - 1 and advances SEED (an LCG).
rnd() {
    SEED=$(((SEED * 1103515245 + 12345) % 2147483648))
    R=$((SEED / 65536 % $1))
}
# Sets PICKED to a random element of the array named $1.
pick() {
    local -n list=$1
    rnd ${#list[@]}
    PICKED=${list[R]}
}
# Sets WHEN to a past local time within the 200 days before 2026-11-22,
# around the clock changes too.
past_time() {
    local day hour minute
    rnd 200; day=$((R + 1))
    rnd 24; hour=$R
    rnd 60; minute=$R
    WHEN=$(date -u -d "2026-11-22 - $day days" +"%Y-%m-%dT$(printf '%02d:%02d' "$hour" "$minute")")
}
# Sets ANSWERS to N ($1) answers from OFFSET ($3, default 0) to OFFSET +
# MAX ($2) - 1, comma-separated.
answers() {
    ANSWERS=""
    for _ in $(seq "$1"); do rnd "$2"; ANSWERS+="${ANSWERS:+,}$((R + ${3:-0}))"; done
}
