#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders a painlog HTML report to a PNG screenshot and an A4 PDF with
# headless Chromium, as a person would see and print it.
#
#   share/report/render.sh report.html OUTDIR
#
# Writes OUTDIR/report.png (a phone-to-desktop width page, full length) and
# OUTDIR/report.pdf, and prints their paths. Needs `chromium` (Debian).
set -euo pipefail
html=${1:?usage: render.sh REPORT.html OUTDIR}
out=${2:?usage: render.sh REPORT.html OUTDIR}
width=${RENDER_WIDTH:-1000}
height=${RENDER_HEIGHT:-2900}
mkdir -p "$out"
html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
out=$(cd "$out" && pwd)
profile=$(mktemp -d "${TMPDIR:-/tmp}/painlog-chromium.XXXXXX")
trap 'rm -rf "$profile"' EXIT
chrome() {
    # Offline and quiet: no network, no updates, no first-run, a throwaway profile.
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile" "$@" 2>/dev/null
}
chrome --window-size="$width,$height" --screenshot="$out/report.png" "file://$html" >/dev/null
chrome --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$html" >/dev/null
echo "$out/report.png"
echo "$out/report.pdf"
