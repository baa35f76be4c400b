#!/usr/bin/env bash
# How fast is bashke next to nginx serving the very same bytes as static
# files? nginx is the practical ceiling on this machine, so the ratio says
# how much the app costs on top of writing bytes to a socket.
#
#   bench/run.sh            (prints a Markdown table, also bench/out/latest.md)
#
# The server and nginx are pinned to CPU 1 and wrk to CPU 0, so the load
# generator does not steal the server's core (the machine has 2 cores).
# Loopback only; every wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Short runs: 40 routes x 2 connection counts x (bashke, nginx, bashke without its cache).
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-1s}

for tool in wrk nginx taskset curl python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: $tool is missing (apt-get install -y wrk nginx-light util-linux curl python3)" >&2
    exit 1
  fi
done

# BASHKE_BINARY=path measures a binary built before (while the tree has moved on).
if [[ -n ${BASHKE_BINARY:-} ]]; then
  binary=$BASHKE_BINARY
else
  cargo build --release --locked --bin bashke
  binary="${CARGO_TARGET_DIR:-target}/release/bashke"
fi

tmp=$(mktemp -d -t bashke-bench.XXXXXX)
www="$tmp/www"
mkdir -p "$www"
# nginx workers drop root for nobody, who must be able to read the files.
chmod 755 "$tmp" "$www"

bashke_pid=""
nginx_pid=""
cleanup() {
  local pid
  for pid in $nginx_pid $bashke_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# --- bashke: start-up time and idle memory -------------------------------
bport=$(free_port)
B="http://127.0.0.1:$bport"
mkdir -p "$tmp/data"
# A first run creates and seeds the demo database; the measured start is a
# restart on that existing database, as after a deployment.
BASHKE_DATA_DIR="$tmp/data" BASHKE_LISTEN="127.0.0.1:$bport" BASHKE_BASE_URL="$B" "$binary" demo >"$tmp/seed.log" 2>&1 &
seed_pid=$!
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "$B/healthz" && break
  sleep 0.1
done
kill "$seed_pid"
wait "$seed_pid" 2>/dev/null || true
# Issue 3: a call with $APPLICATIONS submitted applications, each reviewed three times.
APPLICATIONS=${APPLICATIONS:-10000}
gen_start=$(now_ms)
call_id=$(BASHKE_DATA_DIR="$tmp/data" "$binary" generate-load --applications "$APPLICATIONS" 2>"$tmp/generate.log")
gen_s=$(awk -v ms="$(($(now_ms) - gen_start))" 'BEGIN { printf "%.0f", ms / 1000 }')
# Issue 8: the forum with 200 members, 1,000 meetings and 5,000 decisions in published minutes.
forum_start=$(now_ms)
meeting_id=$(BASHKE_DATA_DIR="$tmp/data" "$binary" generate-forum-load --members 200 --meetings 1000 --decisions 5000 2>"$tmp/generate-forum.log")
forum_gen_s=$(awk -v ms="$(($(now_ms) - forum_start))" 'BEGIN { printf "%.0f", ms / 1000 }')
# Issue 9: public input with $INPUTS inputs, $SUPPORTS supports and $COMMENTS comments in the
# demo's input phase; prints an input with 200 comments.
INPUTS=${INPUTS:-100000}
SUPPORTS=${SUPPORTS:-1000000}
COMMENTS=${COMMENTS:-300000}
input_start=$(now_ms)
discussed_id=$(BASHKE_DATA_DIR="$tmp/data" "$binary" generate-input-load --inputs "$INPUTS" --supports "$SUPPORTS" --comments "$COMMENTS" 2>"$tmp/generate-input.log")
input_gen_s=$(awk -v ms="$(($(now_ms) - input_start))" 'BEGIN { printf "%.0f", ms / 1000 }')
# Issue 10: OGP's 558 commitments imported again by the command (replacing the demo's copy, in
# one transaction), then 10,000 more commitments for the library and the export; the load
# prints a word its titles share, for the searches.
import_start=$(now_ms)
BASHKE_DATA_DIR="$tmp/data" "$binary" import-commitments seed/ogp/ogp-commitments-open-parliament.csv >"$tmp/import.log" 2>&1
import_ms=$(($(now_ms) - import_start))
commitments_start=$(now_ms)
BASHKE_DATA_DIR="$tmp/data" "$binary" generate-commitments-load --commitments 10000 >"$tmp/commitments-load.txt" 2>"$tmp/generate-commitments.log"
commitments_gen_s=$(awk -v ms="$(($(now_ms) - commitments_start))" 'BEGIN { printf "%.0f", ms / 1000 }')
# A word in 1 % of the titles, and one in many.
library_word=$(sed -n 's/^rare_word=//p' "$tmp/commitments-load.txt" | python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read().strip()))')
common_word=$(sed -n 's/^common_word=//p' "$tmp/commitments-load.txt")
diff_line=$(BASHKE_DATA_DIR="$tmp/data" "$binary" measure-diff --words 5000 2>&1 | tail -n 1)
start_ms=$(now_ms)
BASHKE_DATA_DIR="$tmp/data" BASHKE_LISTEN="127.0.0.1:$bport" BASHKE_BASE_URL="$B" \
  taskset -c 1 "$binary" demo >"$tmp/bashke.log" 2>&1 &
bashke_pid=$! # taskset execs the binary: same PID
startup_ms=""
for _ in $(seq 1 3000); do # polls every ~10 ms, 30 s at most
  if [[ $(curl -s -o /dev/null -w '%{http_code}' "$B/healthz" || true) == 200 ]]; then
    startup_ms=$(($(now_ms) - start_ms))
    break
  fi
  kill -0 "$bashke_pid" 2>/dev/null || break
  sleep 0.01
done
if [[ -z $startup_ms ]]; then
  echo "bench: bashke did not become healthy; log:" >&2
  cat "$tmp/bashke.log" >&2
  exit 1
fi

# Every public answer of the demo, anonymous: pages, feeds, API reads. nginx
# serves exactly the bytes bashke answered, one file per route.
ROUTES=(
  "/" "/news" "/news/1" "/privacy" "/signup" "/login" "/password/forgot"
  "/calls" "/calls/$call_id" "/calls/1" "/calls/2/outcome" "/calls/feed.atom"
  "/calls/$call_id/deadline.ics" "/orgs/1" "/forum/health"
  "/forum" "/forum/texts" "/forum/texts/compare?from=1&to=2" "/forum/meetings" "/forum/meetings?past=40"
  "/forum/meetings/$meeting_id" "/forum/meetings/$meeting_id/minutes" "/forum/decisions"
  "/forum/decisions?q=keshilli+ujit" "/forum/calendar.ics"
  "/input" "/input?sort=supported" "/input?sort=discussed" "/input?sort=answered" "/input/$discussed_id"
  "/input?q=ceshtje" "/input?q=shushice&sort=supported" "/input/clusters" "/input/coverage"
  "/input/feed.atom" "/input/answers.atom"
  "/api/v1/tenant" "/api/v1/timeline" "/api/v1/news" "/api/v1/calls"
  "/api/v1/calls/$call_id" "/api/v1/calls/2/outcome" "/api/openapi.json" "/api/v1/forum/health"
  "/api/v1/forum" "/api/v1/forum/members" "/api/v1/forum/meetings" "/api/v1/forum/meetings/$meeting_id"
  "/api/v1/forum/meetings/$meeting_id/minutes" "/api/v1/forum/decisions?q=keshilli"
  "/api/v1/input/inputs" "/api/v1/input/inputs/$discussed_id" "/api/v1/input/coverage"
  "/commitments" "/commitments?value=civic_participation" "/commitments/ALBSN0001" "/commitments/ALBSN0001/history"
  "/library" "/library?q=$library_word" "/library?q=parliament&value=civic_participation" "/library?country=Albania"
  "/api/v1/commitments" "/api/v1/commitments/ALBSN0001"
  "/static/site.css"
)
# ROUTE_FILTER=forum measures only the routes whose path matches (a grep -E pattern).
if [[ -n ${ROUTE_FILTER:-} ]]; then
  mapfile -t ROUTES < <(printf '%s\n' "${ROUTES[@]}" | grep -E -- "$ROUTE_FILTER")
fi
i=0
for route in "${ROUTES[@]}"; do
  curl -fsS -H 'Accept-Language: sq' "$B$route" -o "$www/r$i"
  i=$((i + 1))
done
chmod 644 "$www"/*
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$bashke_pid/status")

# --- nginx, on its own throw-away config ---------------------------------
nport=$(free_port)
N="http://127.0.0.1:$nport"
cat >"$tmp/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  # nginx closes a keep-alive connection after 1000 requests by default;
  # bashke does not, so without this nginx alone would pay for reconnects.
  keepalive_requests 1000000;
  client_body_temp_path $tmp/nginx-body;
  server {
    listen 127.0.0.1:$nport;
    root $www;
  }
}
EOF
# -e: the error log before the config is read, else /var/log/nginx is used.
taskset -c 1 nginx -e "$tmp/nginx-error.log" -p "$tmp" -c "$tmp/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "$N/r0" && break
  sleep 0.1
done
curl -fs -o /dev/null "$N/r0" || {
  echo "bench: nginx did not start:" >&2
  cat "$tmp/nginx-error.log" >&2
  exit 1
}

# --- load ------------------------------------------------------------------
# run_wrk NAME URL [extra wrk args]: a short warm-up (caches, lazy init,
# connection pools), then the measured run into $tmp/NAME.txt.
run_wrk() {
  local name=$1 url=$2
  shift 2
  echo "bench: $name ($url)" >&2
  taskset -c 0 wrk -t1 "-d$WARMUP" "$@" "$url" >/dev/null
  taskset -c 0 wrk -t1 "-d$DURATION" --latency "$@" "$url" >"$tmp/$name.txt"
}
# bashke negotiates the language, so ask for the same Albanian answer that
# nginx serves. Each route at 16 and at 64 connections, bashke then nginx.
measure_all() { # measure_all LABEL
  local label=$1 i=0 route c
  for route in "${ROUTES[@]}"; do
    for c in 16 64; do
      run_wrk "$label-r$i-c$c" "$B$route" "-c$c" -H 'Accept-Language: sq'
      [[ $label == bashke ]] && run_wrk "nginx-r$i-c$c" "$N/r$i" "-c$c"
    done
    i=$((i + 1))
  done
}
measure_all bashke

# The coordinator's ranked table (first page of 50) and the CSV export, signed in.
curl -fsS -c "$tmp/cookies" -o /dev/null -d 'email=koordinatori@demo.bashke.al&password=Elbasan-demo-2026&next=/account' "$B/login"
session=$(awk '$6 == "session" { print $7 }' "$tmp/cookies")
table_url="$B/admin/calls/$call_id/applications"
taskset -c 0 wrk -t1 -c1 -d5s --latency -H "Cookie: session=$session" "$table_url" >"$tmp/table-c1.txt"
taskset -c 0 wrk -t1 -c8 -d5s --latency -H "Cookie: session=$session" "$table_url" >"$tmp/table-c8.txt"
rss_before_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$bashke_pid/status")
peak_kb=$rss_before_kb
export_start=$(now_ms)
curl -fsS -H "Cookie: session=$session" -o "$tmp/export.csv" "$B/admin/calls/$call_id/export.csv" &
curl_pid=$!
while kill -0 "$curl_pid" 2>/dev/null; do
  kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$bashke_pid/status")
  ((kb > peak_kb)) && peak_kb=$kb
  sleep 0.02
done
wait "$curl_pid"
export_ms=$(($(now_ms) - export_start))
export_rows=$(($(wc -l <"$tmp/export.csv") - 1))

# --- the same routes with the response cache off ---------------------------
# What every visit costs when nothing is reused: the uncached path.
kill "$bashke_pid"
wait "$bashke_pid" 2>/dev/null || true
BASHKE_PAGE_CACHE_SECONDS=0 BASHKE_DATA_DIR="$tmp/data" BASHKE_LISTEN="127.0.0.1:$bport" BASHKE_BASE_URL="$B" \
  taskset -c 1 "$binary" serve >"$tmp/bashke-nocache.log" 2>&1 &
bashke_pid=$!
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "$B/healthz" && break
  sleep 0.1
done
measure_all nocache
# A search's own latency at $INPUTS inputs: one connection, nothing cached.
SEARCHES=("/input?q=ceshtje" "/input?q=shushice&sort=supported" "/input?q=transport+publik&sort=discussed" "/api/v1/input/inputs?q=ceshtje")
for j in "${!SEARCHES[@]}"; do
  run_wrk "search-s$j" "$B${SEARCHES[$j]}" -c1 -H 'Accept-Language: sq'
done
# A library search's own latency over the 10,000 commitments (and OGP's 558): one connection.
# "the" is in every commitment and "e" in nearly every one: the worst a one-word search can do.
LIBRARY_SEARCHES=("/library?q=$library_word" "/library?q=$common_word" "/library?q=parliament+transparency" "/library?q=pjesemarrje&value=civic_participation" "/library?q=the" "/library?q=e")
for j in "${!LIBRARY_SEARCHES[@]}"; do
  run_wrk "library-s$j" "$B${LIBRARY_SEARCHES[$j]}" -c1 -H 'Accept-Language: sq'
done
# The CSV export of every commitment of the tenant, streamed: its time and the server's memory.
rss_before_commitments_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$bashke_pid/status")
peak_commitments_kb=$rss_before_commitments_kb
commitments_start=$(now_ms)
curl -fsS -o "$tmp/commitments.csv" "$B/commitments.csv" &
curl_pid=$!
while kill -0 "$curl_pid" 2>/dev/null; do
  kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$bashke_pid/status")
  ((kb > peak_commitments_kb)) && peak_commitments_kb=$kb
  sleep 0.02
done
wait "$curl_pid"
commitments_export_ms=$(($(now_ms) - commitments_start))
commitments_rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8"))) - 1)' "$tmp/commitments.csv")
kill "$bashke_pid"
wait "$bashke_pid" 2>/dev/null || true

# --- issue 9: the list at 1,000 inputs, and the similarity of 5,000 ----------
# The same list routes, uncached, on a demo with 1,000 inputs (10,000 supports, 3,000 comments),
# to compare with the figures above at $INPUTS; then "propose groups" over a phase of 5,000.
small_dir="$tmp/small"
BASHKE_DATA_DIR="$small_dir" BASHKE_LISTEN="127.0.0.1:$bport" BASHKE_BASE_URL="$B" "$binary" demo >"$tmp/seed-small.log" 2>&1 &
seed_pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "$B/healthz" && break; sleep 0.1; done
kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true
BASHKE_DATA_DIR="$small_dir" "$binary" generate-input-load --inputs 1000 --supports 10000 --comments 3000 >/dev/null 2>&1
BASHKE_PAGE_CACHE_SECONDS=0 BASHKE_DATA_DIR="$small_dir" BASHKE_LISTEN="127.0.0.1:$bport" BASHKE_BASE_URL="$B" \
  taskset -c 1 "$binary" serve >"$tmp/bashke-small.log" 2>&1 &
bashke_pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "$B/healthz" && break; sleep 0.1; done
SMALL_ROUTES=("/input" "/input?sort=supported" "/input?sort=discussed" "/input?sort=answered" "/input?q=ceshtje")
for j in "${!SMALL_ROUTES[@]}"; do
  run_wrk "small-s$j" "$B${SMALL_ROUTES[$j]}" -c16 -H 'Accept-Language: sq'
done
kill "$bashke_pid"; wait "$bashke_pid" 2>/dev/null || true
group_dir="$tmp/group"
BASHKE_DATA_DIR="$group_dir" BASHKE_LISTEN="127.0.0.1:$bport" BASHKE_BASE_URL="$B" "$binary" demo >"$tmp/seed-group.log" 2>&1 &
seed_pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "$B/healthz" && break; sleep 0.1; done
kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true
BASHKE_DATA_DIR="$group_dir" "$binary" generate-input-load --inputs 4960 --supports 0 --comments 0 >/dev/null 2>&1
grouping_line=$(BASHKE_DATA_DIR="$group_dir" "$binary" measure-grouping 2>&1 | tail -n 1)

# --- report ---------------------------------------------------------------
rps() { awk '/^Requests\/sec:/ { print $2 }' "$tmp/$1.txt"; }
# p99 from the --latency distribution, in ms whatever unit wrk chose.
p99_ms() {
  awk '$1 == "99%" {
    v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    f = (unit == "us") ? 0.001 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : 1
    printf "%.2f", v * f
  }' "$tmp/$1.txt"
}
# Non-2xx answers and socket errors make the req/s figure meaningless.
errors() {
  awk '/Non-2xx or 3xx responses:/ { n += $NF }
       /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
       END { print n + 0 }' "$tmp/$1.txt"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
row() { # row LABEL NAME RATIO
  printf '| %s | %.0f | %s ms | %s | %s |\n' "$1" "$(rps "$2")" "$(p99_ms "$2")" "$(errors "$2")" "$3"
}

rev=$(git rev-parse --short HEAD 2>/dev/null || echo "no commit")
git diff --quiet HEAD 2>/dev/null || rev="$rev (+ uncommitted changes)"
mkdir -p bench/out
{
  echo "## Every public answer of the demo, anonymous, bashke vs nginx (same bytes)"
  echo
  echo "req/s and p99 at 16 and at 64 connections; ratio = bashke req/s / nginx req/s; \"no cache\" = \`BASHKE_PAGE_CACHE_SECONDS=0\`."
  echo
  echo "| route | bytes | c | bashke req/s | p99 | nginx req/s | p99 | ratio | no cache req/s | p99 | ratio | errors |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  i=0
  for route in "${ROUTES[@]}"; do
    for c in 16 64; do
      b="bashke-r$i-c$c" n="nginx-r$i-c$c" u="nocache-r$i-c$c"
      printf '| `%s` | %s | %s | %.0f | %s | %.0f | %s | %s | %.0f | %s | %s | %s |\n' "$route" "$(wc -c <"$www/r$i")" "$c" \
        "$(rps "$b")" "$(p99_ms "$b")" "$(rps "$n")" "$(p99_ms "$n")" "$(ratio "$(rps "$b")" "$(rps "$n")")" \
        "$(rps "$u")" "$(p99_ms "$u")" "$(ratio "$(rps "$u")" "$(rps "$n")")" "$(($(errors "$b") + $(errors "$u")))"
    done
    i=$((i + 1))
  done
  echo
  echo "| list route, uncached, 16 connections | p99 at 1,000 inputs | p99 at $INPUTS | ratio |"
  echo "| --- | ---: | ---: | ---: |"
  for j in "${!SMALL_ROUTES[@]}"; do
    big=""
    for k in "${!ROUTES[@]}"; do [[ ${ROUTES[$k]} == "${SMALL_ROUTES[$j]}" ]] && big="nocache-r$k-c16"; done
    [[ -z $big ]] && continue
    printf '| `%s` | %s ms | %s ms | %s |\n' "${SMALL_ROUTES[$j]}" "$(p99_ms "small-s$j")" "$(p99_ms "$big")" \
      "$(ratio "$(p99_ms "$big")" "$(p99_ms "small-s$j")")"
  done
  echo
  echo "| search at $INPUTS inputs, uncached, 1 connection | mean | p99 |"
  echo "| --- | ---: | ---: |"
  for j in "${!SEARCHES[@]}"; do
    printf '| `%s` | %s | %s ms |\n' "${SEARCHES[$j]}" "$(awk '$1 == "Latency" && $2 != "Distribution" { print $2; exit }' "$tmp/search-s$j.txt")" "$(p99_ms "search-s$j")"
  done
  echo
  echo "- similarity proposals (\`bashke measure-grouping\`, phase of 5,000 inputs): $grouping_line"
  echo
  echo "| library search over 10,000 commitments and OGP's 558, uncached, 1 connection | mean | p99 |"
  echo "| --- | ---: | ---: |"
  for j in "${!LIBRARY_SEARCHES[@]}"; do
    printf '| `%s` | %s | %s ms |\n' "${LIBRARY_SEARCHES[$j]}" "$(awk '$1 == "Latency" && $2 != "Distribution" { print $2; exit }' "$tmp/library-s$j.txt")" "$(p99_ms "library-s$j")"
  done
  echo
  echo "- generating 10,000 commitments for the library (\`bashke generate-commitments-load\`, through the import's own store function): ${commitments_gen_s} s"
  echo "- import of OGP's 558 commitments (\`bashke import-commitments\`, the whole command, replacing the demo's copy): ${import_ms} ms"
  echo "- CSV export of $commitments_rows commitments (\`/commitments.csv\`, streamed): ${commitments_export_ms} ms; server RSS before $((rss_before_commitments_kb / 1024)) MB, peak during the export $((peak_commitments_kb / 1024)) MB"
  echo "- word diff of two versions of 5,000 words (\`bashke measure-diff\`): $diff_line"
  echo
  echo "| coordinator's ranked table, first page of 50 of $APPLICATIONS | req/s | p99 |"
  echo "| --- | ---: | ---: |"
  printf '| 1 connection | %.0f | %s ms |\n' "$(rps table-c1)" "$(p99_ms table-c1)"
  printf '| 8 connections | %.0f | %s ms |\n' "$(rps table-c8)" "$(p99_ms table-c8)"
  echo
  echo "- CSV export of $export_rows applications: ${export_ms} ms; server RSS before $((rss_before_kb / 1024)) MB, peak during the export $((peak_kb / 1024)) MB"
  echo "- generating $APPLICATIONS applications with three reviews each (\`bashke generate-load\`): ${gen_s} s"
  echo "- generating the forum's 200 members, 1,000 meetings and 5,000 decisions (\`bashke generate-forum-load\`): ${forum_gen_s} s"
  echo "- generating $INPUTS inputs, $SUPPORTS supports and $COMMENTS comments (\`bashke generate-input-load\`): ${input_gen_s} s"
  echo
  echo "- start-up on an existing database (process start to first 200 from /healthz): ${startup_ms} ms"
  echo "- idle RSS after start-up, before load: $(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }') MB"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $rev; $(nproc) cores; $(wrk --version 2>&1 | head -n 1 | awk '{ print $1, $2 }'); $(nginx -v 2>&1 | sed 's/^nginx version: //')"
  echo "- command: \`bench/run.sh\` → each target: \`taskset -c 0 wrk -t1 -cC -d$DURATION --latency URL\` after a $WARMUP warm-up; servers on \`taskset -c 1\`"
} | tee bench/out/latest.md
