# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers for the sync suites (test_sync*.sh), sourced after lib.sh: three
# replicas A, B and C of one diary, each its own file, syncing through a
# folder. How the folder reaches each replica is the suite's: one shared
# directory (FOLDER_A = FOLDER_B = FOLDER_C), or one directory per replica
# kept in step by a real sync tool, whose suite defines `propagate` to wait
# for it.
#
#   at A add --pain 5          # painlog on replica A's diary
#   converge                   # sync every replica until none has news
#   expect_converged "why"     # every replica exports the same diary

REPLICAS=(A B C)

# painlog on replica $1's diary.
at() {
    local r=$1
    shift
    "$PAINLOG_BIN" --db "$WORK/$r.db" "$@"
}

folder_of() {
    local var="FOLDER_$1"
    printf '%s' "${!var}"
}

# Waits until every replica's folder holds what the others wrote; the
# shared-directory suites have nothing to wait for.
if ! declare -F propagate >/dev/null; then propagate() { :; }; fi

# Syncs every replica, in the order given (default A B C), and passes on
# the files of each that wrote any; SYNC_STATUS collects the exit statuses.
sync_round() {
    local r order=("${@:-${REPLICAS[@]}}")
    SYNC_STATUS=""
    for r in "${order[@]}"; do
        at "$r" sync "$(folder_of "$r")" --format json >"$WORK/.sync-$r.json" 2>"$WORK/.sync-$r.err"
        SYNC_STATUS+="$?"
        [ "$(jq '.sent + .repaired > 0 or .new_replica_id' "$WORK/.sync-$r.json" 2>/dev/null)" = false ] || propagate
    done
}

# Rounds of sync until a round in which no replica had anything to read
# or write (at most $1 rounds, default 5); fails the case otherwise.
converge() {
    local rounds=${1:-5} i r quiet
    for i in $(seq "$rounds"); do
        sync_round
        quiet=1
        for r in "${REPLICAS[@]}"; do
            [ "$(jq -r .up_to_date "$WORK/.sync-$r.json" 2>/dev/null)" = true ] || quiet=0
        done
        [ "$quiet" = 1 ] && return 0
    done
    fail "no quiet round after $rounds rounds of sync (statuses $SYNC_STATUS)"
    return 1
}

# Everything a replica holds, as JSON, without what is only local: ids
# differ between replicas (and so does the order of records at the same
# instant, which goes by id). The export, the settings, the pre-infusion
# checks (kept with their infusion) and the conflicts kept.
canonical() {
    local r=$1
    {
        at "$r" export --format json |
            jq -S 'walk(if type == "object" then del(.id) else . end)
                   | .entries |= sort | .events |= sort | .questionnaires |= sort | .doses |= sort'
        at "$r" config list --format json | jq -S .
        sqlite3 -json "$WORK/$r.db" "SELECT e.kind, e.at, e.label, c.at AS checked, c.pregnant, c.breastfeeding,
                c.new_symptoms, c.heart_problem, c.new_medicines, c.medicines, c.medicines_confirmed, c.sedation,
                c.escort FROM infusion_check c JOIN event e ON e.id = c.event_id ORDER BY 1, 2, 3, 4" | jq -S .
        at "$r" sync conflicts --format json | jq -S 'map(del(.id, .local, .origin_name)) | sort'
    }
}

# Every replica's canonical diary is the first one's, byte for byte, and
# every diary checks clean.
expect_converged() {
    local what=$1 r first
    canonical "${REPLICAS[0]}" >"$WORK/.canonical-${REPLICAS[0]}"
    for r in "${REPLICAS[@]}"; do
        at "$r" db check >/dev/null 2>&1 && pass || fail "$what: db check of $r"
        [ "$r" = "${REPLICAS[0]}" ] && continue
        canonical "$r" >"$WORK/.canonical-$r"
        if cmp -s "$WORK/.canonical-${REPLICAS[0]}" "$WORK/.canonical-$r"; then
            pass
        else
            fail "$what: $r differs from ${REPLICAS[0]}"
            diff "$WORK/.canonical-${REPLICAS[0]}" "$WORK/.canonical-$r" | head -20
        fi
    done
}

# The scenarios that run against every kind of folder.
sync_scenarios() {
    case_ "pairing: A makes the folder and writes the key file, B joins with it, C reads it from stdin"
    at A add --pain 5 --note "A before pairing" --worse cold >/dev/null
    at B add --pain 3 --note "B before pairing" >/dev/null
    run at A sync init "$(folder_of A)" --key-file "$WORK/key.txt"
    expect_rc 0
    expect_out_has "--key-file $WORK/key.txt"
    [ "$(stat -c %a "$WORK/key.txt")" = 600 ] && pass || fail "the key file is not mode 0600"
    propagate
    run at B sync join "$(folder_of B)" --key-file "$WORK/key.txt"
    expect_rc 0
    expect_out_has "received 1 change in 1 file; sent 1 change"
    propagate
    OUT=$(at C sync join "$(folder_of C)" --key-file - <"$WORK/key.txt" 2>"$WORK/.stderr"); RC=$?
    expect_rc 0
    converge
    expect_converged "after pairing"
    expect_eq "$(at C list --format json | jq -r 'map(.note) | sort | join(",")')" \
        "A before pairing,B before pairing" "C holds both diaries' entries"

    case_ "edits of every kind made on each replica arrive on the others"
    at A add --pain 6 --mood 4 --tag walk --better heat --note "A's walk" --at 2026-11-21T09:00 >/dev/null
    at B event add infusion --at 2026-11-18T10:00 --label "ketamine 0.5 mg/kg" >/dev/null
    at B check phq9 --at 2026-11-19 --answers 1,2,1,0,1,2,1,0,0 >/dev/null
    at C med take pregabalin 75mg --at 2026-11-22T08:00 >/dev/null
    at C config set name "Pat Example" >/dev/null
    at C event add infusion --at 2026-12-01T10:00 --label booked >/dev/null
    at C prepare --sedation yes --escort no >/dev/null
    converge
    expect_converged "edits on each replica"
    expect_eq "$(at A export --format json | jq -r '.doses[0].medicine')" pregabalin "A has C's dose"
    expect_eq "$(at B config get name)" "Pat Example" "B has C's setting"
    expect_eq "$(sqlite3 "$WORK/A.db" "SELECT sedation FROM infusion_check")" 1 "A has C's pre-infusion check"
    expect_eq "$(at C export --format json | jq -r '.questionnaires[0].score')" 8 "C has B's PHQ-9"

    case_ "one entry changed on A and on B while apart: both converge on the later change, the other is kept"
    local id_a id_b
    id_a=$(at A list --format json | jq -r '.[] | select(.note == "A'"'"'s walk") | .id')
    id_b=$(at B list --format json | jq -r '.[] | select(.note == "A'"'"'s walk") | .id')
    at A edit "$id_a" --note "changed on A" >/dev/null
    PAINLOG_NOW=2026-11-22T21:00:00Z at B edit "$id_b" --note "changed on B, later" --pain 7 >/dev/null
    converge
    expect_converged "a change made apart on A and B"
    expect_eq "$(at C list --format json | jq -r '.[] | select(.pain == 7) | .note')" "changed on B, later" \
        "the later change won on C"
    run at C sync conflicts
    expect_out_has '"note":"changed on A"'
    expect_out_has "lost to a later one made apart from it"

    case_ "an entry deleted on A and changed later on C: the change wins, the deletion is kept as a conflict"
    local gone_a gone_c
    gone_a=$(at A list --format json | jq -r '.[] | select(.note == "B before pairing") | .id')
    gone_c=$(at C list --format json | jq -r '.[] | select(.note == "B before pairing") | .id')
    at A rm --yes "$gone_a" >/dev/null
    PAINLOG_NOW=2026-11-22T22:00:00Z at C edit "$gone_c" --note "kept on C" >/dev/null
    converge
    expect_converged "a deletion and a later change"
    expect_eq "$(at A list --format json | jq -r '.[] | select(.note == "kept on C") | .pain')" 3 \
        "A has the entry back, as C changed it"
    expect_eq "$(at B sync conflicts --format json | jq '[.[] | select(.deleted)] | length')" 1 \
        "the deletion is kept as a conflict"

    case_ "a conflict dismissed on one replica is gone from all (an id given twice counts once)"
    local first
    first=$(at C sync conflicts --format json | jq -r '.[0].id')
    run at C sync dismiss "$first" "$first"
    expect_rc 0
    expect_out_has "Dismissed 1 conflict."
    converge
    expect_converged "after a dismissal"
    expect_eq "$(at A sync conflicts --format json | jq length)" 1 "conflicts left on A"
}
