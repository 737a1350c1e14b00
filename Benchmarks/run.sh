#!/usr/bin/env bash
# Prints trsh's performance figures: shells side by side, then in-process timings.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib -Xlinker -no-pie -Xlinker --no-export-dynamic \
  --product trsh >&2
swift build -c release --product trsh-bench >&2
BENCH=${BENCH_DIR:-../shared/bench}
WORK=$(mktemp -d)
export XDG_DATA_HOME=$WORK/data XDG_STATE_HOME=$WORK/state
# Only `instance create` makes an instance: give the shells benchmark its default one.
.build/release/trsh instance create "$WORK/data/trsh/default" > /dev/null
echo "## Shells (bench_shells.sh)"
if "${PY:-python3}" -c 'import cmd2' 2>/dev/null; then
  TRSH=$PWD/.build/release/trsh bash "$BENCH/bench_shells.sh" "$WORK/shells"
else
  echo "(cmd2 not installed: pip install cmd2 to compare with the peers; trsh alone below)"
  python3 "$BENCH/gen_script.py" 10000 > "$WORK/script.trsh"
  hyperfine -N --warmup 3 --runs 30 ".build/release/trsh -c 'show version'"
  hyperfine --warmup 1 --runs 7 ".build/release/trsh < $WORK/script.trsh > /dev/null"
fi
echo
echo "## In-process timings (trsh-bench)"
.build/release/trsh-bench
rm -rf "$WORK"
