#!/usr/bin/env bash
# Median Overcast ping round-trips: `trsh ping overcast --count 20` direct and through tinyproxy
# (basic auth), against `curl -s --cacert` of the same URL 20 times, all against one overcastd.
# trsh keeps its connection open between attempts (like any HTTP client with keep-alive); each curl
# run is a new process with a new TCP connection and TLS handshake (curl's time_total, excluding
# process start-up), so curl's figure is a cold-connection figure.
# Usage: Benchmarks/ping.sh [BIN_DIR]   (default: .build/release if built there, else .build/debug)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
if [ -z "$BIN" ]; then
  if [ -x .build/release/trsh ] && [ -x .build/release/overcastd ]; then BIN=.build/release; else BIN=.build/debug; fi
fi
COUNT=20
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) printf "%.3f", a[(NR+1)/2]; else printf "%.3f", (a[NR/2]+a[NR/2+1])/2}'; }

"$BIN/overcastd" make-ca --out "$WORK/pki" >/dev/null
echo '{"licenses":[]}' >"$WORK/catalog.json"
"$BIN/overcastd" --catalog "$WORK/catalog.json" --host 127.0.0.1 --port 0 --port-file "$WORK/port" \
  --tls-cert "$WORK/pki/server.pem" --tls-key "$WORK/pki/server-key.pem" >"$WORK/overcastd.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
URL="https://127.0.0.1:$PORT"

PROXY_PORT=$(free_port)
PASSWORD="bench-$RANDOM$RANDOM"
cat >"$WORK/tinyproxy.conf" <<CONF
Port $PROXY_PORT
Listen 127.0.0.1
Allow 127.0.0.1
BasicAuth bench $PASSWORD
ConnectPort $PORT
MaxClients 20
LogLevel Warning
CONF
/usr/bin/tinyproxy -d -c "$WORK/tinyproxy.conf" >"$WORK/tinyproxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$PROXY_PORT) 2>/dev/null && break; sleep 0.1; done

export HOME="$WORK" XDG_STATE_HOME="$WORK/state" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
INSTANCE="$WORK/instance"
"$BIN/trsh" instance create "$INSTANCE" --version 5.1 >/dev/null
"$BIN/trsh" --instance "$INSTANCE" overcast ca set "$WORK/pki/ca.pem" >/dev/null
"$BIN/trsh" --instance "$INSTANCE" overcast url set "$URL" >/dev/null

trsh_rtts() { grep -o 'time=[0-9.]*' | cut -d= -f2; }
DIRECT=$("$BIN/trsh" --instance "$INSTANCE" ping overcast --count $COUNT --interval 0 | trsh_rtts | median)
PROXIED=$(TRSH_PROXY_PASSWORD="$PASSWORD" "$BIN/trsh" --instance "$INSTANCE" ping overcast --count $COUNT \
  --interval 0 --proxy "127.0.0.1:$PROXY_PORT" --proxy-user bench | trsh_rtts | median)
CURL=$(for _ in $(seq $COUNT); do
  curl -s --cacert "$WORK/pki/ca.pem" -o /dev/null -w '%{time_total}\n' "$URL/v1/ping"
done | awk '{printf "%.3f\n", $1 * 1000}' | median)
CURL_PROXY=$(for _ in $(seq $COUNT); do
  # The proxy credentials go through curl's config on stdin, not its argv.
  printf 'proxy-user = "bench:%s"\n' "$PASSWORD" | curl -s -K - --cacert "$WORK/pki/ca.pem" \
    --proxy "http://127.0.0.1:$PROXY_PORT" -o /dev/null -w '%{time_total}\n' "$URL/v1/ping"
done | awk '{printf "%.3f\n", $1 * 1000}' | median)

echo "binaries: $BIN, $COUNT requests each, median round-trip in ms"
printf '%-40s %8s ms\n' "trsh ping overcast (direct)" "$DIRECT" \
  "trsh ping overcast (tinyproxy, auth)" "$PROXIED" \
  "curl -s --cacert (new process each)" "$CURL" \
  "curl -s --cacert via tinyproxy" "$CURL_PROXY"
