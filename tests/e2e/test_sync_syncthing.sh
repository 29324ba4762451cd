#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# painlog sync through a real distributed engine: three Syncthing instances
# on 127.0.0.1 only (global and local discovery, relays, NAT, STUN, usage
# and crash reporting and upgrades all off) share one folder, each replica
# syncing its own copy of it. The scenarios of test_sync.sh run through
# them: edits made on each replica arrive on the others and every replica
# converges, within a bounded time; Syncthing never sees two writers of a
# file (no conflict copies). The daemons are stopped by this script,
# whatever happens (trap). Skipped (77) without syncthing.
source "$(dirname "$0")/lib.sh"

command -v syncthing >/dev/null || { echo "skipped: syncthing is not installed"; exit 77; }

ST=$WORK/syncthing
# Seconds the folders may take to agree after a change (loaded CI machines
# included); the slowest wait is printed.
PROPAGATE_LIMIT=60
PIDS=()
stop_syncthing() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
    PIDS=()
}
trap 'stop_syncthing; cleanup' EXIT

# Free TCP ports on 127.0.0.1, from the kernel.
read -r -a PORTS < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(6)]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))')

declare -A DEVICE GUI LISTEN APIKEY
i=0
for r in A B C; do
    GUI[$r]=127.0.0.1:${PORTS[i]}
    LISTEN[$r]=tcp://127.0.0.1:${PORTS[i + 3]}
    i=$((i + 1))
    DEVICE[$r]=$(syncthing generate --home="$ST/$r" --no-default-folder --skip-port-probing 2>&1 |
        sed -n 's/.*Device ID: *//p')
    [ -n "${DEVICE[$r]}" ] && pass || fail "syncthing generate gave no device id for $r"
    APIKEY[$r]=painlog-test-key-$r
    declare "FOLDER_$r=$WORK/sync-$r"
    mkdir -p "$WORK/sync-$r/.stfolder"
done

# config.xml: loopback only, nothing announced or reported, the two other
# devices at their addresses, and the folder shared with them (scanned when
# painlog has written, not by a watcher or a timer).
configure() {
    local r=$1
    python3 - "$ST/$r/config.xml" "$r" "${GUI[$r]}" "${LISTEN[$r]}" "${APIKEY[$r]}" "$WORK/sync-$r" \
        "A=${DEVICE[A]}" "B=${DEVICE[B]}" "C=${DEVICE[C]}" \
        "A=${LISTEN[A]}" "B=${LISTEN[B]}" "C=${LISTEN[C]}" <<'PY'
import sys, xml.etree.ElementTree as ET
path, me, gui, listen, apikey, folder = sys.argv[1:7]
devices = dict(a.split("=", 1) for a in sys.argv[7:10])
listens = dict(a.split("=", 1) for a in sys.argv[10:13])
tree = ET.parse(path)
root = tree.getroot()
options = root.find("options")
def set_option(name, value):
    node = options.find(name)
    if node is None:
        node = ET.SubElement(options, name)
    node.text = value
for name, value in [("listenAddress", listen), ("globalAnnounceEnabled", "false"),
                    ("localAnnounceEnabled", "false"), ("relaysEnabled", "false"), ("natEnabled", "false"),
                    ("urAccepted", "-1"), ("autoUpgradeIntervalH", "0"), ("crashReportingEnabled", "false"),
                    ("stunKeepaliveStartS", "0"), ("startBrowser", "false")]:
    set_option(name, value)
g = root.find("gui")
g.find("address").text = gui
g.find("apikey").text = apikey
for d in root.findall("device"):
    root.remove(d)
f = ET.SubElement(root, "folder", id="painlog", label="painlog", path=folder, type="sendreceive",
                  rescanIntervalS="3600", fsWatcherEnabled="false", ignorePerms="false", autoNormalize="true")
for name, device in devices.items():
    ET.SubElement(f, "device", id=device, introducedBy="")
    d = ET.SubElement(root, "device", id=device, name=name, compression="metadata", introducer="false",
                      skipIntroductionRemovals="false", introducedBy="")
    ET.SubElement(d, "address").text = listens[name] if name != me else "dynamic"
    ET.SubElement(d, "paused").text = "false"
    ET.SubElement(d, "autoAcceptFolders").text = "false"
tree.write(path)
PY
}

# api R METHOD PATH: Syncthing's REST API of replica R's instance.
api() {
    python3 - "${GUI[$1]}" "${APIKEY[$1]}" "$2" "$3" <<'PY'
import sys, urllib.request
gui, key, method, path = sys.argv[1:5]
req = urllib.request.Request(f"http://{gui}{path}", method=method, headers={"X-API-Key": key})
with urllib.request.urlopen(req, timeout=30) as response:
    sys.stdout.write(response.read().decode())
PY
}

case_ "three Syncthing instances on 127.0.0.1 start and connect"
for r in A B C; do
    configure "$r"
    STNOUPGRADE=1 syncthing serve --home="$ST/$r" --no-browser --no-upgrade --no-restart \
        --logfile="$ST/$r.log" >/dev/null 2>&1 &
    PIDS+=($!)
done
connected=0
for _ in $(seq 120); do
    connected=0
    for r in A B C; do
        n=$(api "$r" GET /rest/system/connections 2>/dev/null | jq '[.connections[] | select(.connected)] | length' 2>/dev/null)
        [ "${n:-0}" -ge 2 ] && connected=$((connected + 1))
    done
    [ "$connected" = 3 ] && break
    sleep 0.5
done
expect_eq "$connected" 3 "instances connected to both others"
for r in A B C; do
    expect_eq "$(api "$r" GET /rest/system/connections | jq -r '[.connections[] | select(.connected) | .address] | map(startswith("127.0.0.1:")) | all')" \
        true "$r's connections are all on 127.0.0.1"
done

# A folder's files as a listing of names, sizes and hashes; a sync tool's
# own files (.stfolder, temporaries) left out.
listing() {
    (cd "$1" && find . -type f ! -path './.stfolder/*' ! -name '.syncthing.*' ! -name '*.tmp' \
        -exec sha256sum {} + | sort -k2)
}

SLOWEST=0
# Scans every copy and waits until all three hold the same files.
propagate() {
    local r started
    started=$(date +%s.%N)
    for r in A B C; do api "$r" POST "/rest/db/scan?folder=painlog" >/dev/null 2>&1; done
    for _ in $(seq $((PROPAGATE_LIMIT * 5))); do
        if [ "$(listing "$FOLDER_A")" = "$(listing "$FOLDER_B")" ] && [ "$(listing "$FOLDER_B")" = "$(listing "$FOLDER_C")" ]; then
            SLOWEST=$(awk -v s="$SLOWEST" -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {d = b - a; print (d > s ? d : s)}')
            return 0
        fi
        sleep 0.2
        # Syncthing pulls on an index update; a scan now and then covers one
        # that arrived while a pull was under way.
        for r in A B C; do api "$r" POST "/rest/db/scan?folder=painlog" >/dev/null 2>&1; done
    done
    fail "the three copies of the folder did not agree within $PROPAGATE_LIMIT s"
    return 1
}

source "$(dirname "$0")/sync_lib.sh"
started=$(date +%s)
sync_scenarios
echo "the scenarios took $(($(date +%s) - started)) s; the slowest propagation ${SLOWEST} s"

case_ "Syncthing never saw two writers of a file: no conflict copies, each directory one replica's"
expect_eq "$(find "$WORK"/sync-? -name '*sync-conflict*' | wc -l)" 0 "Syncthing conflict copies"
for r in A B C; do
    id=$(at "$r" sync status --format json | jq -r .replica)
    [ -d "$(folder_of "$r")/$id" ] && pass || fail "no directory for $r's replica $id"
done
[ "$(awk -v s="$SLOWEST" -v l="$PROPAGATE_LIMIT" 'BEGIN {print (s < l)}')" = 1 ] && pass ||
    fail "a propagation took $SLOWEST s"

stop_syncthing
finish
