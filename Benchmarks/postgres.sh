#!/usr/bin/env bash
# The PostgreSQL engine's figures, each against its off-the-shelf baseline, in one run:
#   restore of the ~1M-alert 4.x backup into a PostgreSQL instance (extraction, migration,
#     validation and COPY included)  vs  pg_restore of a pg_dump -Fc of the same data into an
#     empty database of another fresh server (both servers new, same settings);
#   backup create from that instance  vs  pg_dump -Fc of it;
#   the 10k-line runbook (gen_script.py) on the PostgreSQL instance, commands per second;
#   peak RSS of each trsh run.
# Run on demand (not part of the tests): it needs a release build and several minutes.
#
# Usage: Benchmarks/postgres.sh [WORKDIR]     Env: SAMPLE (200000 incidents, ~1M alerts),
#        SCRATCH (release build path), BENCH_DIR (../shared/bench), BATCH_RUNS (5)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${1:-$(mktemp -d)}
SAMPLE=${SAMPLE:-200000}
SCRATCH=${SCRATCH:-$ROOT/.build-release}
BENCH_DIR=${BENCH_DIR:-$ROOT/../shared/bench}
BATCH_RUNS=${BATCH_RUNS:-5}
[ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) not installed" >&2; exit 1; }
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

swift build -c release --static-swift-stdlib -Xlinker -no-pie -Xlinker --no-export-dynamic \
  --product trsh --scratch-path "$SCRATCH" >&2
TRSH=$SCRATCH/release/trsh
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
chmod 711 "$WORK"  # the instance's server runs as postgres and must pass through
export HOME=$WORK XDG_STATE_HOME=$WORK/state XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config
OLD=$WORK/old
NEW=$WORK/new
BASE=$WORK/base  # a second fresh instance server, for pg_restore
cleanup() {
  for dir in "$NEW" "$BASE"; do
    [ -f "$dir/pgdata/postmaster.pid" ] && runuser -u postgres -- "$BIN/pg_ctl" -D "$dir/pgdata" -m fast stop >/dev/null 2>&1
  done
  true; }
trap cleanup EXIT

if [ ! -s "$OLD/appliance.sqlite" ]; then
  echo "creating $OLD ($SAMPLE incidents)..." >&2
  "$TRSH" instance create "$OLD" --version 4.6 --sample-data "$SAMPLE" --seed 1 --hostname oldbox >&2
fi
"$TRSH" --instance "$OLD" alert-source disable --all > /dev/null
rm -f "$WORK/old.trbk" "$WORK/old.key"
"$TRSH" --instance "$OLD" backup create --output "$WORK/old.trbk" > /dev/null
"$TRSH" --instance "$OLD" secret export --output "$WORK/old.key" > /dev/null

RESULTS=()
settle() {  # the server's dirty buffers and WAL of the step before written out first, for all
  [ -n "${PORT:-}" ] && "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U trsh -q -d postgres -c CHECKPOINT
  sync
}
timed() {  # timed LABEL COMMAND...: wall seconds and peak RSS of one run
  local label=$1; shift
  settle
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" > /dev/null
  local wall rss; read -r wall rss < "$WORK/time.txt"
  RESULTS+=("| $label | $wall | $(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}') |")
  echo "$label: ${wall}s, peak RSS ${rss} KiB" >&2
}

rm -rf "$NEW"
"$TRSH" instance create "$NEW" --engine postgresql --hostname newbox > /dev/null
"$TRSH" --instance "$NEW" secret upload "$WORK/old.key" --yes > /dev/null
"$TRSH" --instance "$NEW" backup upload "$WORK/old.trbk" > /dev/null
# A restore waits out the services' restart after a secret upload (3 s); that wait is not
# restore work, so it is over before the clock starts.
while "$TRSH" --instance "$NEW" show services | grep -q restarting; do sleep 0.2; done
PORT=$(python3 -c "import json;print(json.load(open('$NEW/database.json'))['port'])")
export PGPASSWORD; PGPASSWORD=$(cat "$NEW/database.password")
timed "trsh restore (4.x SQLite backup into PostgreSQL)" "$TRSH" --instance "$NEW" restore --yes

# The baseline on the very same data: pg_dump -Fc of the restored database, pg_restore of it
# into an empty database of another fresh instance server (same settings). Fresh like the
# one trsh restored into: a new server first creates (zero-fills) every WAL file a load
# writes, while a server that has loaded before recycles them; a restore timed on the one
# server that just took trsh's restore would get that for free.
PGARGS=(-h 127.0.0.1 -p "$PORT" -U trsh)
timed "pg_dump -Fc (baseline for backup create)" "$BIN/pg_dump" "${PGARGS[@]}" -Fc -f "$WORK/dump.pgc" appliance
rm -rf "$BASE"
"$TRSH" instance create "$BASE" --engine postgresql --hostname basebox > /dev/null
NEWPORT=$PORT NEWPASSWORD=$PGPASSWORD
PORT=$(python3 -c "import json;print(json.load(open('$BASE/database.json'))['port'])")
PGPASSWORD=$(cat "$BASE/database.password")
"$BIN/psql" -h 127.0.0.1 -p "$PORT" -U trsh -q -d postgres -c "CREATE DATABASE baseline"
timed "pg_restore into an empty database of a fresh server (baseline for restore)" \
  "$BIN/pg_restore" -h 127.0.0.1 -p "$PORT" -U trsh -d baseline "$WORK/dump.pgc"
runuser -u postgres -- "$BIN/pg_ctl" -D "$BASE/pgdata" -m fast stop > /dev/null
rm -rf "$BASE"
PORT=$NEWPORT PGPASSWORD=$NEWPASSWORD
rm -f "$WORK/new.trbk"
timed "trsh backup create (from PostgreSQL)" "$TRSH" --instance "$NEW" backup create --output "$WORK/new.trbk" --force

python3 "$BENCH_DIR/gen_script.py" 10000 > "$WORK/script.trsh"
timed "trsh < 10k-line runbook (PostgreSQL instance)" bash -c "\"$TRSH\" --instance \"$NEW\" < \"$WORK/script.trsh\""
BEST=999
for _ in $(seq "$BATCH_RUNS"); do
  S=$( { /usr/bin/time -f '%e' "$TRSH" --instance "$NEW" < "$WORK/script.trsh" > /dev/null; } 2>&1 | tail -1)
  BEST=$(awk -v a="$S" -v b="$BEST" 'BEGIN{print (a<b)?a:b}')
done
echo
echo "| what | wall s | peak RSS MiB |"
echo "|---|---:|---:|"
printf '%s\n' "${RESULTS[@]}"
echo
echo "10k-line runbook, best of $BATCH_RUNS: ${BEST}s = $(awk -v s="$BEST" 'BEGIN{printf "%.0f", 10000/s}') lines/s"
