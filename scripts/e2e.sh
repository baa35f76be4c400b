#!/usr/bin/env bash
# Runs the browser tests (e2e/) against a freshly started bashke.
#
#   scripts/e2e.sh path/to/bashke
#
# Each run gets its own empty data dir and a free port, so it never sees
# data from an earlier run and never clashes with a server already running.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 path/to/bashke" >&2
  exit 2
fi
binary=$(realpath "$1")
[[ -x $binary ]] || { echo "e2e: $binary is not an executable" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian's Chromium, never a Playwright-downloaded one (no internet here).
if ! command -v chromium >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "e2e: installing chromium (Debian package)"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  else
    echo "e2e: chromium is missing; run: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

data_dir=$(mktemp -d -t bashke-e2e.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base_url="http://127.0.0.1:$port"
server_pid=""

cleanup() {
  local status=$?
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ $status -ne 0 ]]; then
    # Keep the data dir: its log, database and mail/ are the evidence.
    echo "e2e: FAILED (exit $status); server log tail ($data_dir/server.log):" >&2
    tail -n 60 "$data_dir/server.log" >&2 2>/dev/null || true
  else
    rm -rf "$data_dir"
  fi
  exit "$status"
}
trap cleanup EXIT

echo "e2e: starting $binary demo on $base_url (data: $data_dir)"
BASHKE_DATA_DIR="$data_dir" BASHKE_LISTEN="127.0.0.1:$port" BASHKE_BASE_URL="$base_url" \
  "$binary" demo >"$data_dir/server.log" 2>&1 &
server_pid=$!

healthy=""
for _ in $(seq 1 150); do # 150 x 0.2 s = 30 s
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "e2e: the server exited during start-up" >&2
    exit 1
  fi
  if [[ $(curl -s -o /dev/null -w '%{http_code}' "$base_url/healthz" || true) == 200 ]]; then
    healthy=yes
    break
  fi
  sleep 0.2
done
if [[ -z $healthy ]]; then
  echo "e2e: $base_url/healthz did not answer 200 within 30 s" >&2
  exit 1
fi

cd "$root/e2e"
# npm ci wipes node_modules, so only pay for it when the lock file changed.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

BASHKE_URL="$base_url" BASHKE_DATA_DIR="$data_dir" CHROMIUM_PATH=$(command -v chromium) \
  E2E_ARTIFACTS_DIR="$data_dir/artifacts" npm test
