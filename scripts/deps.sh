#!/usr/bin/env bash
# Installs the Debian packages trsh needs, only those missing. Usage: scripts/deps.sh run|test|bench
set -euo pipefail
case "${1:-run}" in
  run) pkgs=(libedit-dev libzstd-dev pkg-config) ;;
  test) pkgs=(libedit-dev libzstd-dev pkg-config tmux tinyproxy zsh fish bash-completion mandoc man-db sqlite3 postgresql postgresql-15-repmgr) ;;
  bench) pkgs=(libedit-dev libzstd-dev pkg-config hyperfine time sqlite3 zstd curl tinyproxy postgresql) ;;
  *) echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi
# The shells benchmark compares trsh with a peer written on Python's cmd2 (from PyPI).
if [ "${1:-run}" = bench ] && ! python3 -c 'import cmd2' 2>/dev/null; then
  python3 -m pip install --quiet cmd2 >&2 || echo "cmd2 not installed: the shells benchmark will show trsh alone" >&2
fi
