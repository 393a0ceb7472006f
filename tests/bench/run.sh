#!/usr/bin/env bash
# The portal's pages against a minimal page of the same stack, in one run (issue 13).
#
#   tests/bench/run.sh [SECONDS]        # default 8 s per page; needs wrk, curl, psql
#   BENCH_QUICK=1 tests/bench/run.sh 4  # only the 10k pages: a quick comparison
#
# Builds release, starts the baseline page (tests/bench/baseline: one query, 12 rows,
# askama) and the portal on a database with 10,000 applications, then on one with
# 1,000,000 (seeded once and kept: pp_bench_10k, pp_bench_1m), signs in a partner (an
# indirect provider with 25 resellers) and the operator admin, and drives each page with
# `wrk -t2 -c32`. Prints: page, req/s, p50, p99, ratio to the baseline, the portal's RSS,
# and CPU time per request of the server (portal or baseline) and of PostgreSQL.
# Then floods POST /signin with wrong passwords from many client addresses (8 connections)
# while measuring /dashboard, and prints the RSS after the flood.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-8}
flood_seconds=${FLOOD_SECONDS:-60}
server=${BENCH_DB_SERVER:-postgres://postgres@127.0.0.1:5432}
portal_port=3101 baseline_port=3199
staff_password='granite harbour violet engine 9'
for tool in wrk curl psql; do command -v $tool >/dev/null || { echo "needs $tool (apt-get install wrk curl postgresql-client)"; exit 1; }; done

cargo build --release --quiet --bin partner-portal --example bench_baseline ${BENCH_FEATURES:+--features $BENCH_FEATURES}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

wait_for() { for _ in $(seq 1 6000); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1"; exit 1; }
# CPU time in clock ticks: of one process, and of every PostgreSQL server process.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
db_ticks() { local t=0 p; for p in $(pgrep -u postgres postgres); do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
per_request() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.0f", t / hz * 1e6 / n; else print "-" }'; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.2f", v }'; }

start_portal() { # $1 database name
  DATABASE_URL="$server/$1" PORT=$portal_port OPERATOR_ADMIN_PASSWORD="$staff_password" \
    RUST_LOG=warn LOG_FORMAT=json TRUSTED_PROXIES=127.0.0.1/32 \
    target/release/partner-portal >"$work/portal-$1.log" 2>&1 &
  portal_pid=$!; pids+=("$portal_pid")
  wait_for "http://127.0.0.1:$portal_port/healthz"
}
stop_portal() { kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true; }

seed() { # $1 database, $2 applications
  local have
  have=$(psql -Atq "$server/$1" -c "select count(*) from tenants where name like 'Bench %' and name not like 'Bench Reseller%'")
  if [ "$have" -lt "$2" ]; then
    echo "seeding $1 with $2 applications (once; kept for the next run)" >&2
    psql -q "$server/$1" -v n="$2" -f tests/bench/queue_seed.sql >/dev/null
  fi
}

base=http://127.0.0.1:$portal_port
jar=$work/partner.jar
source tests/bench/lib.sh

sign_in_partner() { # signs up a new provider with resellers; sets partner_cookie, app_id
  local prefix=bench$RANDOM$RANDOM
  # Earlier runs' sign-ups and floods from 127.0.0.1 count against this run's limits.
  psql -q "$server/$1" -c "delete from rate_limit_hits; delete from sign_in_guards"
  rm -f "$jar"; sign_up "$prefix"
  psql -q "$server/$1" -v email="admin@$prefix.example.com" -f tests/bench/partner_seed.sql >/dev/null
  # Statistics as autovacuum would have them by now: with the seed's rows unanalyzed the
  # resellers query's generic plan hashed every tenant (1.2 ms instead of 0.14 ms).
  psql -q "$server/$1" -c analyze
  partner_cookie=$(cookies)
  app_id=$(psql -Atq "$server/$1" -c "select a.application_id from applications a join users u using (tenant_id) where u.email = 'admin@$prefix.example.com'")
}
sign_in_staff() { # sets staff_cookie
  local sjar=$work/staff.jar t
  psql -q "$server/$db" -c "delete from sign_in_guards"
  rm -f "$sjar"
  t=$(curl -s -c "$sjar" -b "$sjar" "$base/admin/signin" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$sjar" -b "$sjar" --data-urlencode "csrf_token=$t" \
    --data-urlencode "email=admin@localhost" --data-urlencode "password=$staff_password" "$base/admin/signin"
  staff_cookie=$(jar=$sjar cookies)
}

results=$work/results
baseline_rps=""
measure() { # label, url, [cookie]
  local label=$1 url=$2 cookie=${3:-} out status
  status=$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "Cookie: $cookie"} "$url")
  [ "$status" = 200 ] || { echo "GET $url answered $status"; exit 1; }
  local server_pid=$portal_pid
  [ -n "$baseline_rps" ] || server_pid=$baseline_pid
  local app0 db0 app1 db1
  app0=$(cpu_ticks "$server_pid"); db0=$(db_ticks)
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency ${cookie:+-H "Cookie: $cookie"} "$url")
  app1=$(cpu_ticks "$server_pid"); db1=$(db_ticks)
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out" | ms)
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out" | ms)
  errors=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
  [ -z "$errors" ] || label="$label ($errors answers not 2xx)"
  timeouts=$( (grep -o 'timeout [0-9]*' <<<"$out" || true) | awk '{ print $2 }')
  if [ -n "$timeouts" ] && [ "$timeouts" != 0 ]; then label="$label ($timeouts requests over wrk's 2 s timeout)"; fi
  [ -n "$baseline_rps" ] || baseline_rps=$rps
  local requests; requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  printf '| %s | %s | %s | %s | %.2f | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" \
    "$(echo "$rps / $baseline_rps" | bc -l)" "$(rss_mb "$portal_pid")" \
    "$(per_request $((app1 - app0)) "$requests")" "$(per_request $((db1 - db0)) "$requests")" | tee -a "$results" >&2
}

# --- 10,000 applications
db=pp_bench_10k
start_portal $db
seed $db 10000
psql -q "$server/$db" -c analyze
DATABASE_URL="$server/$db" PORT=$baseline_port target/release/examples/bench_baseline >"$work/baseline.log" 2>&1 &
baseline_pid=$!; pids+=("$baseline_pid")
wait_for "http://127.0.0.1:$baseline_port/fortunes"
sign_in_partner $db
sign_in_staff
queue_id=$(psql -Atq "$server/$db" -c "select application_id from applications where state = 'in_review' order by submitted_at limit 1")
{
  echo "| page | req/s | p50 ms | p99 ms | ratio to baseline | portal RSS MB | server CPU µs/req | PostgreSQL CPU µs/req |"
  echo "|---|---|---|---|---|---|---|---|"
} >"$results"
measure "baseline: 12 rows, askama (tests/bench/baseline)" "http://127.0.0.1:$baseline_port/fortunes"
measure "GET /signin (anonymous)" "$base/signin"
measure "GET /dashboard (partner)" "$base/dashboard" "$partner_cookie"
measure "GET /applications/{id} (partner)" "$base/applications/$app_id" "$partner_cookie"
measure "GET /partners/resellers (25 resellers)" "$base/partners/resellers" "$partner_cookie"
measure "GET /admin/applications (queue, 10k)" "$base/admin/applications" "$staff_cookie"
measure "GET /admin/applications/{id} (10k)" "$base/admin/applications/$queue_id" "$staff_cookie"

if [ -n "${BENCH_QUICK:-}" ]; then echo; cat "$results"; exit 0; fi

# --- login flood: /dashboard while 8 connections post wrong passwords
idle_p99=$(wrk -t1 -c4 -d"${seconds}s" --latency -H "Cookie: $partner_cookie" "$base/dashboard" | awk '$1 == "99%" { print $2 }' | ms)
fjar=$work/flood.jar
token=$(curl -s -c "$fjar" -b "$fjar" "$base/signin" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
rss_before=$(rss_mb "$portal_pid")
COOKIE=$(jar=$fjar cookies) TOKEN=$token wrk -t1 -c8 -d"${flood_seconds}s" -s tests/bench/flood.lua "$base/signin" >"$work/flood.out" &
flood_pid=$!
sleep 2
flood_p99=$(wrk -t1 -c4 -d"${seconds}s" --latency -H "Cookie: $partner_cookie" "$base/dashboard" | awk '$1 == "99%" { print $2 }' | ms)
wait "$flood_pid"
flood_rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$work/flood.out")
rss_after=$(rss_mb "$portal_pid")
stop_portal

# --- 1,000,000 applications
db=pp_bench_1m
start_portal $db
seed $db 1000000
sign_in_staff
queue_id=$(psql -Atq "$server/$db" -c "select application_id from applications where state = 'in_review' order by submitted_at limit 1")
measure "GET /admin/applications (queue, 1M)" "$base/admin/applications" "$staff_cookie"
measure "GET /admin/applications/{id} (1M)" "$base/admin/applications/$queue_id" "$staff_cookie"
measure "GET /admin/applications?q=bench-77 (search, 1M)" "$base/admin/applications?q=bench-77" "$staff_cookie"
measure "GET /admin/applications?q=gmbh (search, 1M)" "$base/admin/applications?q=gmbh" "$staff_cookie"
# What one reviewer waits for a search: one connection, terms from common to absent.
searches=$work/searches
{
  echo "| search at 1M, 1 connection (matches) | p50 ms | p99 ms |"
  echo "|---|---|---|"
} >"$searches"
for term in "gmbh (all)" "bench-1 (111,111)" "bench-77 (11,111)" "bench-7777 (1,111)" "bench-77777 (11)" "zzzq (none)"; do
  out=$(wrk -t1 -c1 -d"${seconds}s" --latency -H "Cookie: $staff_cookie" "$base/admin/applications?state=all&q=${term%% *}")
  printf '| `%s` %s | %s | %s |\n' "${term%% *}" "${term#* }" "$(awk '$1 == "50%" { print $2 }' <<<"$out" | ms)" \
    "$(awk '$1 == "99%" { print $2 }' <<<"$out" | ms)" | tee -a "$searches" >&2
done

echo
echo "wrk -t2 -c32 -d${seconds}s per page; $(nproc) cores; $(date -u +%Y-%m-%d)"
cat "$results"
echo
cat "$searches"
echo
echo "Login flood (${flood_seconds} s, 8 connections, wrong passwords from random X-Forwarded-For addresses): $flood_rps attempts/s"
echo "/dashboard p99 at 4 connections: idle $idle_p99 ms, during the flood $flood_p99 ms ($(echo "$flood_p99 / $idle_p99" | bc -l | xargs printf '%.1f')x)"
echo "portal RSS: $rss_before MB before the flood, $rss_after MB after"
