# SPDX-License-Identifier: GPL-3.0-or-later
# The manual: every man page lints clean, and every command and option that
# --help lists (all subcommands, recursively) is documented in man/. When
# this fails, the message names exactly what is missing and where it goes.
# Also: the README's two quick-start commands install exactly
# .ci/packages-build and .ci/packages-test, and the second ends with the
# test command that .ci/run runs.
source "$(dirname "$0")/lib.sh"

MAN="$SRC/man"

case_ "mandoc -T lint is clean for every man page"
pages=("$MAN"/*.1)
[ -f "${pages[0]}" ] && pass || fail "no man pages in man/"
for page in "${pages[@]}"; do
    # Cross-references to pages not installed on this machine (sqlite3(1),
    # painlog-x(1) before installation) are not faults of the page.
    lint=$(mandoc -T lint -W all "$page" 2>&1 | grep -v "referenced manual not found")
    [ -z "$lint" ] && pass || fail "mandoc -T lint ${page#"$SRC"/}: $lint"
done

case_ "groff renders every man page without a warning, as lintian checks it"
# mandoc accepts \[u25c6]; groff (what man uses) knows only upper-case
# hex and warns, which lintian reports for the Debian package.
if command -v groff >/dev/null; then
    for page in "${pages[@]}"; do
        warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)
        [ -z "$warnings" ] && pass || fail "man --warnings ${page#"$SRC"/}: $warnings"
    done
else
    fail "groff is not installed (Debian package man-db, listed in .ci/packages-test)"
fi

# A page's text with roff escapes undone: \- is -, fonts dropped.
page_text() { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(en/-/g' "$@" 2>/dev/null; }

# mentions TEXT WORD: WORD (a command or an option) stands alone in TEXT,
# not as part of a longer name (--sleep is not --sleep-quality).
mentions() { printf '%s\n' "$1" | grep -qE -- "(^|[^[:alnum:]_-])$2([^[:alnum:]_-]|\$)"; }

# The sections of --help: subcommand names and long options (not --help).
help_commands() { "$PAINLOG_BIN" "$@" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && /^  [a-z]/ {print $1}'; }
help_options() {
    "$PAINLOG_BIN" "$@" --help | sed -n '/^Options:/,/^[A-Z]/p' | awk '/^  -/ {print $1}' | tr ',' '\n' |
        grep -- '^--' | grep -vx -- '--help'
}

case_ "every command and option of --help is in man/"
top_text=$(page_text "$MAN/painlog.1")
# Global options: painlog.1.
for option in $(help_options); do
    mentions "$top_text" "$option" && pass || fail "man/painlog.1 does not document the global option $option"
done
# check_command PATH...: the command, its options and its subcommands.
check_command() {
    local top=$1 page="$MAN/painlog-$1.1" where text
    if [ -f "$page" ]; then
        where="man/painlog-$top.1"
        text=$(page_text "$page")
    else
        where="man/painlog.1 (or a page man/painlog-$top.1)"
        text=$top_text
    fi
    local name=${*: -1}
    mentions "$text" "$name" && pass || fail "$where does not document the command: painlog $*"
    local option sub
    for option in $(help_options "$@"); do
        mentions "$text" "$option" && pass || fail "$where does not document the option: painlog $* $option"
    done
    for sub in $(help_commands "$@"); do check_command "$@" "$sub"; done
}
commands=$(help_commands)
[ -n "$commands" ] && pass || fail "painlog --help lists no commands"
for command in $commands; do
    # painlog.1 points to every command, with a paragraph under COMMANDS.
    mentions "$top_text" "painlog $command" && pass ||
        fail "man/painlog.1 does not mention 'painlog $command' (add a paragraph under COMMANDS)"
    if [ -f "$MAN/painlog-$command.1" ]; then
        grep -q "^\.BR painlog\\\\-$command (1)" "$MAN/painlog.1" && pass ||
            fail "man/painlog.1 has no SEE ALSO entry '.BR painlog\\-$command (1)'"
    fi
    check_command "$command"
done

# The packages the Nth quick-start line that runs "apt-get install -y" installs.
readme_packages() {
    grep 'apt-get install -y' "$SRC/README.md" | sed -n "$1p" | sed -e 's/.*apt-get install -y //' -e 's/ &&.*//' |
        tr ' ' '\n' | grep -v '^$' | sort
}
for pair in "1 packages-build" "2 packages-test"; do
    read -r n list <<<"$pair"
    case_ "quick-start command $n installs exactly .ci/$list"
    readme=$(readme_packages "$n")
    listed=$(grep -v '^#' "$SRC/.ci/$list" | grep -v '^[[:space:]]*$' | sort)
    missing=$(comm -13 <(printf '%s\n' "$readme") <(printf '%s\n' "$listed") | tr '\n' ' ')
    extra=$(comm -23 <(printf '%s\n' "$readme") <(printf '%s\n' "$listed") | tr '\n' ' ')
    [ -n "$readme" ] && pass || fail "README.md has no apt-get install line number $n"
    [ -z "$missing" ] && pass || fail "README.md's apt-get line $n lacks packages that .ci/$list has: $missing"
    [ -z "$extra" ] && pass || fail "README.md's apt-get line $n has packages that .ci/$list lacks: $extra"
done

case_ "debian/control's Build-Depends are .ci/packages-build, less build-essential's g++ and make"
# Package names only: no version, architecture or profile, no debhelper-compat.
build_depends=$(sed -n '/^Build-Depends:/,/^[A-Z]/p' "$SRC/debian/control" | grep -v '^#' | sed -e '$d' \
    -e 's/^Build-Depends://' | tr ',' '\n' | sed -e 's/[(<[].*//' -e 's/[[:space:]]//g' | grep -v '^$' |
    grep -vx 'debhelper-compat' | sort)
listed=$(grep -v '^#' "$SRC/.ci/packages-build" | grep -v '^[[:space:]]*$' | grep -vx -e g++ -e make | sort)
expect_eq "$(printf '%s\n' "$build_depends" | tr '\n' ' ')" "$(printf '%s\n' "$listed" | tr '\n' ' ')" \
    "debian/control Build-Depends against .ci/packages-build"

case_ "the README's test command is the one .ci/run runs"
test_command=$(grep 'apt-get install -y' "$SRC/README.md" | sed -n 2p | sed 's/.* && //')
grep -qxF "$test_command" "$SRC/.ci/run" && pass || fail ".ci/run does not run the README's test command: $test_command"

finish
