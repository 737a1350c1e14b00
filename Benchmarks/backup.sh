#!/usr/bin/env bash
# Times `backup create` and the restore side of the upgrade (secret upload, backup upload,
# restore into a fresh 5.x instance) on an instance of about 1,000,000 alerts, then, in the
# same run and on the very same database file, the baseline of off-the-shelf tools
# (`sqlite3 .backup` then `zstd -1`: ../shared/bench/backup_baseline.sh).
# Run on demand (not part of the tests): it needs a release build and several minutes.
#
# Usage: Benchmarks/backup.sh [WORKDIR]          (default: a new temporary folder)
# Env:   SAMPLE (200000 incidents, about 1,000,000 alerts)   SCRATCH (release build path)
#        BENCH_DIR (../shared/bench)   RUNS (3) COLD_RUNS (1): baseline repetitions
#        SKIP_BASELINE=1 times trsh only.   TMPFS (/dev/shm): where the 5.x restore and
#        `zstd -d` are timed again without a disk (skipped when it lacks room).
#        RESTORE_RUNS (3): runs of the 5.x restore and of `zstd -d`, one row each.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${1:-$(mktemp -d)}
SAMPLE=${SAMPLE:-200000}
SCRATCH=${SCRATCH:-$ROOT/.build-release}
BENCH_DIR=${BENCH_DIR:-$ROOT/../shared/bench}
[ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) not installed" >&2; exit 1; }

swift build -c release --static-swift-stdlib -Xlinker -no-pie -Xlinker --no-export-dynamic \
  --product trsh --scratch-path "$SCRATCH" >&2
TRSH=$SCRATCH/release/trsh
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
export HOME=$WORK XDG_STATE_HOME=$WORK/state XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config
OLD=$WORK/old
NEW=$WORK/new

if [ ! -s "$OLD/appliance.sqlite" ]; then
  echo "creating $OLD ($SAMPLE incidents)..." >&2
  rm -rf "$OLD"
  "$TRSH" instance create "$OLD" --version 4.6 --sample-data "$SAMPLE" --seed 1 --hostname oldbox >&2
fi
"$TRSH" --instance "$OLD" alert-source disable --all > /dev/null
DB_BYTES=$(stat -c %s "$OLD/appliance.sqlite")
ALERTS=$("$TRSH" --instance "$OLD" show status --json | python3 -c 'import json,sys; print(json.load(sys.stdin).get("alerts", "?"))')

# timed LABEL BYTES COMMAND...: one run with a warm page cache, GNU time's wall and peak RSS.
RESULTS=()
timed() {
  local label=$1 bytes=$2
  shift 2
  sync
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" > /dev/null
  local wall rss
  read -r wall rss < "$WORK/time.txt"
  local mbs=-
  [ "$bytes" -gt 0 ] && mbs=$(awk -v b="$bytes" -v w="$wall" 'BEGIN{printf "%.0f", b/(w>0?w:0.01)/1e6}')
  RESULTS+=("| $label | $wall | $mbs | $(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}') |")
  echo "$label: ${wall}s ${mbs} MB/s, peak RSS ${rss} KiB" >&2
}

cat "$OLD/appliance.sqlite" > /dev/null  # warm the page cache like the baseline does
rm -f "$WORK/old.trbk" "$WORK/old.key"
timed "trsh backup create" "$DB_BYTES" \
  "$TRSH" --instance "$OLD" backup create --output "$WORK/old.trbk"
"$TRSH" --instance "$OLD" secret export --output "$WORK/old.key" > /dev/null
ARCHIVE_BYTES=$(stat -c %s "$WORK/old.trbk")

rm -rf "$NEW"
"$TRSH" instance create "$NEW" --version 5.1 --seed 2 --hostname newbox > /dev/null
timed "trsh secret upload" 0 "$TRSH" --instance "$NEW" secret upload "$WORK/old.key" --yes
timed "trsh backup upload (verifies)" "$DB_BYTES" \
  "$TRSH" --instance "$NEW" backup upload "$WORK/old.trbk"
sleep 4  # the services a secret upload restarts are back: restore would wait for them
timed "trsh restore (extract, migrate, check, swap)" "$DB_BYTES" \
  "$TRSH" --instance "$NEW" restore --yes
# A 5.x backup restores without the 4.x migration: the like-for-like figure against `zstd -d`.
NEW5=$WORK/new5
rm -rf "$NEW5" "$WORK/new.trbk" "$WORK/new.key"
"$TRSH" --instance "$NEW" backup create --output "$WORK/new.trbk" > /dev/null
"$TRSH" --instance "$NEW" secret export --output "$WORK/new.key" > /dev/null
NEW_DB_BYTES=$(stat -c %s "$NEW/appliance.sqlite")
# fresh_restore DIR LABEL: restores new.trbk into a fresh 5.x instance at DIR, RESTORE_RUNS
# times (the disk's speed varies from run to run; each run gets its own row).
fresh_restore() {
  local dir=$1 label=$2 run
  for run in $(seq "${RESTORE_RUNS:-3}"); do
    rm -rf "$dir"
    "$TRSH" instance create "$dir" --version 5.1 --seed 3 --hostname newbox5 > /dev/null
    "$TRSH" --instance "$dir" secret upload "$WORK/new.key" --yes > /dev/null
    "$TRSH" --instance "$dir" backup upload "$WORK/new.trbk" > /dev/null
    sleep 4
    timed "$label, run $run" "$NEW_DB_BYTES" "$TRSH" --instance "$dir" restore --yes
  done
}
fresh_restore "$NEW5" "trsh restore of a 5.x backup (extract, check, swap)"
RESTORED=$("$TRSH" --instance "$NEW" show status --json | python3 -c 'import json,sys; print(json.load(sys.stdin).get("alerts", "?"))')

echo "### trsh backup and restore"
echo
echo "Instance: $SAMPLE incidents, $ALERTS alerts, database $DB_BYTES bytes"
echo "($((DB_BYTES / 1048576)) MiB); archive $ARCHIVE_BYTES bytes ($((ARCHIVE_BYTES / 1048576)) MiB);"
echo "alerts after the restore: $RESTORED. MB/s = database bytes / wall seconds; warm page cache."
echo
echo "| step | wall s | MB/s | peak RSS MiB |"
echo "|---|---:|---:|---:|"
printf '%s\n' "${RESULTS[@]}"
echo

if [ "${SKIP_BASELINE:-0}" != 1 ]; then
  cp "$OLD/appliance.sqlite" "$WORK/alerts.db"
  REUSE_DB=1 KEEP=1 RUNS=${RUNS:-3} COLD_RUNS=${COLD_RUNS:-1} \
    bash "$BENCH_DIR/backup_baseline.sh" "$WORK"
  # The restore side of the baseline, which backup_baseline.sh does not time: `zstd -d`.
  if command -v zstd > /dev/null; then
    RESULTS=()
    sqlite3 "$WORK/alerts.db" ".backup $WORK/copy.db"
    timed "baseline: sqlite3 .backup" "$DB_BYTES" sqlite3 "$WORK/alerts.db" ".backup $WORK/copy2.db"
    timed "baseline: zstd -1 of the copy" "$DB_BYTES" zstd -1 -q -f "$WORK/copy.db" -o "$WORK/copy.db.zst"
    for run in $(seq "${RESTORE_RUNS:-3}"); do
      rm -f "$WORK/copy3.db"
      timed "baseline: zstd -d (restore side), run $run" "$DB_BYTES" \
        zstd -d -q -f "$WORK/copy.db.zst" -o "$WORK/copy3.db"
    done
    # trsh's restore syncs the database before swapping it in (a restore lost to a power cut
    # is worse than none); `zstd -d` leaves it in the page cache. The like-for-like figure:
    for run in $(seq "${RESTORE_RUNS:-3}"); do
      rm -f "$WORK/copy3.db"
      sync
      timed "baseline: zstd -d, then sync the file (durable restore side), run $run" "$DB_BYTES" \
        sh -c 'zstd -d -q -f "$1" -o "$2" && sync "$2"' sh "$WORK/copy.db.zst" "$WORK/copy3.db"
    done
    echo
    echo "### Baseline pipeline in the same run (one warm run each)"
    echo
    echo "| step | wall s | MB/s | peak RSS MiB |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${RESULTS[@]}"
    rm -f "$WORK/copy.db" "$WORK/copy2.db" "$WORK/copy3.db" "$WORK/copy.db.zst"
  fi
fi

# The same 5.x restore and `zstd -d` on tmpfs, where writes cost no disk time: what is left is
# the software's own speed (decoding, hashing, checks), without the disk and the sync.
TMPFS=${TMPFS:-/dev/shm}
ROOM=$(df -Pk "$TMPFS" 2> /dev/null | awk 'NR == 2 {printf "%d", $4 * 1024}')
if command -v zstd > /dev/null && [ "${ROOM:-0}" -gt $((NEW_DB_BYTES * 3)) ]; then
  T5=$(mktemp -d "$TMPFS/trsh-bench.XXXXXX")
  trap 'rm -rf "$T5"' EXIT
  zstd -1 -q -f "$NEW/appliance.sqlite" -o "$T5/new.db.zst"
  RESULTS=()
  fresh_restore "$T5/new5" "trsh restore of a 5.x backup, on tmpfs"
  for run in $(seq "${RESTORE_RUNS:-3}"); do
    rm -f "$T5/new.db"
    timed "baseline: zstd -d, on tmpfs, run $run" "$NEW_DB_BYTES" \
      zstd -d -q -f "$T5/new.db.zst" -o "$T5/new.db"
  done
  echo
  echo "### Without a disk: the 5.x restore and \`zstd -d\` on tmpfs ($TMPFS)"
  echo
  echo "| step | wall s | MB/s | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  printf '%s\n' "${RESULTS[@]}"
fi
