#!/usr/bin/env bash
# A/B of two portal binaries on the same pages, in turns, on one database: req/s and the
# server's CPU time per request (what a change on the hot path costs).
#
#   tests/bench/ab.sh OLD_BINARY NEW_BINARY [PATH...]      # default paths: /signin /healthz
#
# Build the old one in a worktree: git worktree add /tmp/old <commit> && (cd /tmp/old &&
# cargo build --release --bin partner-portal). Needs wrk, curl and the database at
# BENCH_DB (default: the benchmark's pp_bench_10k; run tests/bench/run.sh once to make it).
set -euo pipefail
old_bin=$1 new_bin=$2; shift 2
if [ $# -gt 0 ]; then paths=("$@"); else paths=(/signin /healthz); fi
db=${BENCH_DB:-postgres://postgres@127.0.0.1:5432/pp_bench_10k}
rounds=${ROUNDS:-3} seconds=${SECONDS_PER_RUN:-5}
start() { DATABASE_URL=$db PORT=$2 RUST_LOG=warn LOG_FORMAT=json "$1" >/dev/null 2>&1 & echo $!; }
old=$(start "$old_bin" 3201)
new=$(start "$new_bin" 3202)
trap 'kill $old $new 2>/dev/null || true' EXIT
for p in 3201 3202; do
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$p/healthz" && break; sleep 0.1; done
done
hz=$(getconf CLK_TCK)
run() { # pid port path
  local before after rps
  before=$(awk '{print $14+$15}' "/proc/$1/stat")
  rps=$(wrk -t2 -c32 -d"${seconds}s" "http://127.0.0.1:$2$3" | awk '/^Requests\/sec/ {print $2}')
  after=$(awk '{print $14+$15}' "/proc/$1/stat")
  awk -v t=$((after - before)) -v r="$rps" -v hz="$hz" -v s="$seconds" \
    'BEGIN { printf "%.0f req/s, %.1f µs/req", r, t / hz * 1e6 / (r * s) }'
}
for path in "${paths[@]}"; do
  for _ in $(seq 1 "$rounds"); do
    echo "$path  old: $(run "$old" 3201 "$path")   new: $(run "$new" 3202 "$path")"
  done
done
