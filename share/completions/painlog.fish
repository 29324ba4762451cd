# SPDX-License-Identifier: GPL-3.0-or-later
# fish completion for painlog.
# Every candidate comes from `painlog _complete`, which walks the same command
# tree as `painlog --help` and reads tags and event ids from the diary, so
# this file never needs to change when painlog gains a command or option.
# Installed as share/fish/vendor_completions.d/painlog.fish; or, for this
# shell only: painlog completions fish | source

function __painlog_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l lines ($tokens[1] _complete -- $tokens[2..-1] "$current" 2>/dev/null)
    or return
    if test "$lines[1]" = files
        __fish_complete_path "$current"
    else
        printf '%s\n' $lines[2..-1]
    end
end

complete -c painlog -f -a '(__painlog_complete)'
