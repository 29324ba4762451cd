# SPDX-License-Identifier: GPL-3.0-or-later
# Shell completion, run for real: bash (with the bash-completion package),
# fish and zsh load the scripts from share/completions and complete
# `painlog a<TAB>`, options, option values and diary values. All candidates
# come from `painlog _complete`, which walks the command tree of --help.
source "$(dirname "$0")/lib.sh"

COMPLETIONS="$SRC/share/completions"
mkdir -p "$WORK/bin"
ln -s "$(cd "$(dirname "$PAINLOG_BIN")" && pwd)/$(basename "$PAINLOG_BIN")" "$WORK/bin/painlog"
export PATH="$WORK/bin:$PATH"
export PAINLOG_DB="$DB"

painlog add --pain 6 --tag walk --better heat >/dev/null
painlog add --pain 7 --tag walk --tag swim --worse cold --side-effect "vivid dreams" >/dev/null
sql "INSERT INTO event (kind, label, at, zone, day, note)
     VALUES ('infusion', 'ketamine 0.5 mg/kg', '2026-11-17T10:00:00Z', 'Europe/London', '2026-11-17', '')"

lines() { printf '%s\n' "$OUT" | sort | tr '\n' ' ' | sed 's/ $//'; }
words_only() { printf '%s\n' "$OUT" | cut -f1 | sort | tr '\n' ' ' | sed 's/ $//'; }

# The visible commands, as `painlog --help` lists them (CLI11: an indented
# name under "Subcommands:").
HELP_COMMANDS=$(painlog --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && /^  [a-z]/ {print $1}' | sort | tr '\n' ' ' | sed 's/ $//')

case_ "the engine: commands are those of --help, hidden ones left out"
run painlog _values commands
expect_rc 0
expect_eq "$(words_only)" "$HELP_COMMANDS" "commands"
expect_out_lacks "_complete"
expect_out_lacks "_values"
expect_out_lacks "completions"
[[ " $HELP_COMMANDS " == *" add "* && " $HELP_COMMANDS " == *" remind "* ]] && pass || fail "--help lists no add or remind: $HELP_COMMANDS"

case_ "the engine: options of a command are those of its --help"
# Long options in `painlog add --help`, plus the global ones that fall through.
help_options=$( (painlog add --help; painlog --help) | grep -o -- '--[a-z][a-z-]*' | sort -u | tr '\n' ' ' | sed 's/ $//')
run painlog _values options add
expect_eq "$(printf '%s\n' "$OUT" | cut -f1 | grep -- '^--' | sort -u | tr '\n' ' ' | sed 's/ $//')" "$help_options" "add's long options"

case_ "the engine: a<TAB>"
run painlog _complete -- a
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "words" "directive"
expect_out_has $'add\tRecord an entry'
for word in $(printf '%s\n' "$OUT" | tail -n +2 | cut -f1); do
    [[ $word == a* ]] && pass || fail "a<TAB> offers $word"
done

# The candidates of a `painlog _complete` answer, without the directive and
# the descriptions, in the engine's order.
cands() { printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ' | sed 's/ $//'; }

case_ "the engine: values of options and positionals"
run painlog _complete -- list --format ""
expect_eq "$(cands)" "table csv json" "list --format"
run painlog _complete -- --color a
expect_eq "$(cands)" "auto always" "--color a"
run painlog _complete -- add --tag ""
expect_eq "$(cands)" "walk swim" "--tag: activity tags, most used first"
run painlog _complete -- add --better ""
expect_eq "$(cands)" "heat" "--better: better tags only"
run painlog _complete -- edit 1 --untag ""
expect_eq "$(cands)" "walk cold heat swim vivid dreams" "--untag: every tag, most used first, then by name"
run painlog _complete -- config get ""
expect_eq "$(cands)" "day-start-hour baseline-days name pathway report-days fasting-food-hours fasting-fluids-hours aftercare-hours followup-reminder-days checkin-questions" "config get KEY"
run painlog _complete -- config ""
expect_eq "$(cands)" "list get set unset" "config subcommands"
run painlog _complete -- show ""
expect_eq "$(cands)" "2 1" "show ID: recent entries first"
run painlog _complete -- show 1 ""
expect_eq "$(cands)" "--help -h --format --version --db --color" "show 1 <TAB>: the ID is given, options follow"
run painlog _complete -- rm -y ""
expect_eq "$(cands)" "2 1" "rm -y <TAB>: a flag takes no value, the ID comes next"
run painlog _complete -- list --all --l
expect_eq "$(cands)" "--last" "list --all --l<TAB>"
run painlog _complete -- list --format=j
expect_eq "$(cands)" "--format=json" "--format=j"
run painlog _complete -- --db ""
expect_eq "$OUT" "files" "--db completes file names"
run painlog _values events
expect_out_is $'1\t2026-11-17 infusion: ketamine 0.5 mg/kg'
run painlog _values metrics
expect_eq "$(printf '%s\n' "$OUT" | tr '\n' ' ')" "pain mood energy sleep_hours sleep_quality activity " "metrics"

# Commands other engineers own complete through the same rules: event ids
# for an ID below `event`, metric names for --metric, files for FILE.
case_ "the engine: other commands' values"
if painlog _values commands event 2>/dev/null | grep -q '^rm'; then
    run painlog _complete -- event rm ""
    expect_out_is $'words\n1\t2026-11-17 infusion: ketamine 0.5 mg/kg'
fi
if painlog _values options trend 2>/dev/null | grep -q '^--metric'; then
    run painlog _complete -- trend --metric s
    expect_eq "$(cands)" "sleep_hours sleep_quality" "trend --metric s"
fi
if painlog _values commands 2>/dev/null | grep -q '^import'; then
    run painlog _complete -- import ""
    expect_out_is "files"
fi

case_ "the engine: --db among the words picks the diary; a missing diary is not created"
other="$WORK/other.db"
"$PAINLOG_BIN" --db "$other" add --pain 1 --tag yoga >/dev/null
run painlog _complete -- --db "$other" add --tag ""
expect_eq "$(cands)" "yoga" "tags of the --db diary"
run env PAINLOG_DB="$WORK/absent.db" "$PAINLOG_BIN" _complete -- add --tag ""
expect_rc 0
expect_out_is "words"
[ ! -e "$WORK/absent.db" ] && pass || fail "completion created a diary"

case_ "completions SHELL prints the installed scripts byte for byte"
for pair in bash:painlog.bash zsh:_painlog fish:painlog.fish; do
    painlog completions "${pair%%:*}" >"$WORK/script" || fail "completions ${pair%%:*}"
    cmp -s "$WORK/script" "$COMPLETIONS/${pair#*:}" && pass || fail "completions ${pair%%:*} differs from share/completions/${pair#*:}"
done

# --- bash, with bash-completion, the way readline calls it -----------------
# bash_complete WORD... : COMP_WORDS as bash splits the line (= is a word of
# its own), the cursor at the end; prints COMPREPLY one per line.
bash_complete() {
    local line="$*"
    bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion
        source "$1"
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE=$LINE
        COMP_POINT=${#COMP_LINE}
        _painlog painlog "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' bash "$COMPLETIONS/painlog.bash" "$@"
}
if [ -f /usr/share/bash-completion/bash_completion ]; then
    case_ "bash: painlog a<TAB>"
    OUT=$(LINE="painlog a" bash_complete painlog a)
    expect_eq "$(lines)" "add" "painlog a<TAB>"

    case_ "bash: painlog <TAB> lists the commands"
    OUT=$(LINE="painlog " bash_complete painlog "")
    expect_eq "$(lines)" "$HELP_COMMANDS" "painlog <TAB>"

    case_ "bash: an option and its value"
    OUT=$(LINE="painlog add --sl" bash_complete painlog add --sl)
    expect_eq "$(lines)" "--sleep --sleep-quality" "add --sl<TAB>"
    OUT=$(LINE="painlog list --format " bash_complete painlog list --format "")
    expect_eq "$(lines)" "csv json table" "list --format <TAB>"
    OUT=$(LINE="painlog list --format=j" bash_complete painlog list --format = j)
    expect_eq "$(lines)" "json" "list --format=j<TAB>"

    case_ "bash: diary tags, quoted for the shell"
    OUT=$(LINE="painlog add --side-effect v" bash_complete painlog add --side-effect v)
    expect_eq "$OUT" 'vivid\ dreams' "--side-effect v<TAB>"
    OUT=$(LINE="painlog add --tag " bash_complete painlog add --tag "")
    expect_eq "$(lines)" "swim walk" "--tag <TAB>"

    case_ "bash: --db completes file names"
    OUT=$(cd "$WORK" && LINE="painlog --db oth" bash_complete painlog --db oth)
    expect_eq "$OUT" "other.db" "--db oth<TAB>"
else
    fail "bash-completion is not installed (Debian package bash-completion, listed in .ci/packages-test)"
fi

# --- fish: `complete -C` runs fish's own completion machinery ---------------
if command -v fish >/dev/null; then
    fish_complete() { fish --no-config -c "source '$COMPLETIONS/painlog.fish'; complete -C '$1'" 2>/dev/null; }
    case_ "fish: painlog a<TAB>"
    OUT=$(fish_complete "painlog a")
    expect_eq "$OUT" $'add\tRecord an entry (with no values on a terminal: a guided check-in)' "painlog a<TAB>"

    case_ "fish: an option and its value"
    OUT=$(fish_complete "painlog add --sl")
    expect_eq "$(words_only)" "--sleep --sleep-quality" "add --sl<TAB>"
    OUT=$(fish_complete "painlog list --format ")
    expect_eq "$(words_only)" "csv json table" "list --format <TAB>"
    OUT=$(fish_complete "painlog add --side-effect v")
    expect_eq "$(words_only)" "vivid dreams" "--side-effect v<TAB>"
    OUT=$(fish_complete "painlog config set ")
    expect_eq "$(words_only)" "aftercare-hours baseline-days checkin-questions day-start-hour fasting-fluids-hours fasting-food-hours followup-reminder-days name pathway report-days" "config set <TAB>"
else
    fail "fish is not installed (Debian package fish, listed in .ci/packages-test)"
fi

# --- zsh: a real interactive zsh in a pseudo-terminal (zsh/zpty) ------------
if command -v zsh >/dev/null; then
    zsh_complete() {
        ZDOTDIR="$WORK" zsh -f "$SRC/tests/e2e/zsh_complete.zsh" "$COMPLETIONS" "$1" 2>/dev/null
    }
    case_ "zsh: painlog a<TAB>"
    OUT=$(zsh_complete "painlog a")
    expect_eq "$(words_only)" "add" "painlog a<TAB>"

    case_ "zsh: an option and its value"
    OUT=$(zsh_complete "painlog add --sl")
    expect_eq "$(words_only)" "--sleep --sleep-quality" "add --sl<TAB>"
    OUT=$(zsh_complete "painlog list --format ")
    expect_eq "$(words_only)" "csv json table" "list --format <TAB>"
else
    fail "zsh is not installed (Debian package zsh, listed in .ci/packages-test)"
fi

finish
