# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for painlog.
# Every candidate comes from `painlog _complete`, which walks the same command
# tree as `painlog --help` and reads tags and event ids from the diary, so
# this file never needs to change when painlog gains a command or option.
# Installed as share/bash-completion/completions/painlog; or, for this shell
# only: source <(painlog completions bash)

_painlog() {
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null; then
        # Keep --format=json and 08:30 as one word.
        _get_comp_words_by_ref -n =: -c cur -w words -i cword
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
    fi
    local typed=$cur
    if declare -F dequote >/dev/null; then typed=$(dequote "$cur"); fi

    local IFS=$'\n' line
    local -a lines
    lines=($("${words[0]/#\~/$HOME}" _complete -- "${words[@]:1:cword-1}" "$typed" 2>/dev/null)) || return
    COMPREPLY=()
    if [[ ${lines[0]} == files ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$typed"))
        return
    fi
    for line in "${lines[@]:1}"; do
        COMPREPLY+=("$(printf '%q' "${line%%$'\t'*}")")
    done
    # bash replaces only what follows the last = or : of the word.
    if [[ $cur == *[=:]* ]]; then
        local before=${cur%"${cur##*[=:]}"}
        COMPREPLY=("${COMPREPLY[@]#"$before"}")
    fi
}
complete -F _painlog painlog
