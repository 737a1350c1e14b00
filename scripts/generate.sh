#!/usr/bin/env bash
# Regenerates the completion scripts (completions/) and the man page (man/trsh.1) from the
# command model. Usage: scripts/generate.sh — then commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT="${SWIFT:-swift}"
"$SWIFT" build --product trsh-docgen >&2
bin="$("$SWIFT" build --show-bin-path)/trsh-docgen"
"$bin" --root .
echo "generated: completions/trsh.bash completions/_trsh completions/trsh.fish man/trsh.1" >&2
