#!/usr/bin/env bash
# Installs or removes trsh, its man page and its bash, zsh and fish completion scripts.
# Usage: scripts/install.sh install|uninstall PREFIX    (DESTDIR is prepended, for packaging;
# TRSH_BINARY overrides the binary, .build/release/trsh by default)
set -euo pipefail
cd "$(dirname "$0")/.."
action="${1:-}"
prefix="${2:-/usr/local}"
root="${DESTDIR:-}${prefix}"
binary="${TRSH_BINARY:-.build/release/trsh}"

# source, destination under PREFIX, mode
files=(
  "$binary|bin/trsh|0755"
  "man/trsh.1|share/man/man1/trsh.1|0644"
  "completions/trsh.bash|share/bash-completion/completions/trsh|0644"
  "completions/_trsh|share/zsh/site-functions/_trsh|0644"
  "completions/trsh.fish|share/fish/vendor_completions.d/trsh.fish|0644"
)

case "$action" in
  install)
    for entry in "${files[@]}"; do
      IFS='|' read -r source dest mode <<<"$entry"
      if [ ! -f "$source" ]; then
        echo "install.sh: $source is missing (run 'make release' for the binary)" >&2
        exit 1
      fi
    done
    for entry in "${files[@]}"; do
      IFS='|' read -r source dest mode <<<"$entry"
      install -D -m "$mode" "$source" "$root/$dest"
      echo "installed $root/$dest"
    done
    ;;
  uninstall)
    for entry in "${files[@]}"; do
      IFS='|' read -r source dest mode <<<"$entry"
      if [ -e "$root/$dest" ] || [ -L "$root/$dest" ]; then
        rm -f "$root/$dest"
        echo "removed $root/$dest"
      fi
    done
    ;;
  *)
    echo "usage: $0 install|uninstall PREFIX" >&2
    exit 2
    ;;
esac
