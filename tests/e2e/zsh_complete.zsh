# SPDX-License-Identifier: GPL-3.0-or-later
# zsh -f zsh_complete.zsh DIR LINE
# Starts an interactive zsh in a pseudo-terminal (zsh/zpty) with compinit and
# the completion function from DIR, types LINE and a TAB, and prints the
# candidates zsh would offer, one per line. compadd is wrapped so each match
# is printed instead of shown in a menu; used by test_completion.sh.
zmodload zsh/zpty || exit 2
dir=$1
line=$2
init=$(mktemp "${TMPDIR:-/tmp}/painlog-zsh.XXXXXX")
trap 'rm -f $init; zpty -d capture 2>/dev/null' EXIT

cat >$init <<INIT
PROMPT=''
RPROMPT=''
unsetopt zle_bracketed_paste 2>/dev/null
fpath=(${(q)dir} \$fpath)
autoload -Uz compinit && compinit -u -D
bindkey '^I' complete-word
zstyle ':completion:*' insert-tab false
compadd() {
    # Calls that only collect matches (-O, -A, -D) are left alone.
    if [[ \${@[1,(i)(-|--)]} == *-[OAD]* ]]; then
        builtin compadd "\$@"
        return
    fi
    local -a __matches
    builtin compadd -O __matches "\$@"
    local m
    for m in \$__matches; do print -r -- "CANDIDATE:\$m"; done
}
__capture_done() { print -r -- "CAPTURE""DONE"; exit; }
comppostfuncs=(__capture_done)
print -r -- "READY""NOW"
INIT

zpty capture zsh -f -i
zpty -w capture "source ${(q)init}"
# Wait for the init to finish, then type the line and a TAB.
integer tries=0
local out
while (( tries++ < 200 )); do
    zpty -rt capture out 2>/dev/null && [[ $out == *READYNOW* ]] && break
    (( tries % 10 )) || sleep 0.05
done
zpty -w -n capture "$line"$'\t'
# Collect everything zsh prints until the completion is over, then keep the
# candidate lines (the terminal ends lines with \r\n).
tries=0
local all=''
while (( tries++ < 2000 )); do
    if zpty -rt capture out 2>/dev/null; then
        all+=$out
        [[ $all == *CAPTUREDONE* ]] && break
    else
        sleep 0.01
    fi
done
if [[ $all != *CAPTUREDONE* ]]; then
    print -u2 "zsh_complete: no answer from zsh"
    exit 2
fi
local l
for l in "${(@f)all}"; do
    l=${l//$'\r'/}
    # The first may follow the echo of the typed line on the same line.
    [[ $l == *CANDIDATE:* ]] && print -r -- "${l##*CANDIDATE:}"
done
exit 0
