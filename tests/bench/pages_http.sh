#!/usr/bin/env bash
# Throughput of a few pages against the baseline page /healthz, in one run:
# wrk -t2 -c32 for SECONDS each on /healthz, GET /signin (anonymous visitor), and
# GET /dashboard (one signed-in session). Prints requests per second and the ratio to /healthz.
# Usage: tests/bench/pages_http.sh BASE_URL [SECONDS]
#   tests/bench/pages_http.sh http://127.0.0.1:3000 10
# Needs wrk and curl. Signs up a new work account on the portal at BASE_URL.
set -euo pipefail
base=$1 seconds=${2:-10}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
jar=$work/jar
source "$(dirname "$0")/lib.sh"
sign_up pages$RANDOM$RANDOM
cookie=$(cookies)
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/dashboard")
[ "$status" = 200 ] || { echo "GET /dashboard answered $status (signed in?)"; exit 1; }
rate() { wrk -t2 -c32 -d"${seconds}s" "$@" | awk '/Requests\/sec/ { print $2 }'; }
baseline=$(rate "$base/healthz")
printf '%-28s %10s req/s  1.00\n' "GET /healthz (baseline)" "$baseline"
for page in "/signin" "/dashboard"; do
  if [ "$page" = /dashboard ]; then r=$(rate -H "Cookie: $cookie" "$base$page"); else r=$(rate "$base$page"); fi
  printf '%-28s %10s req/s  %.2f\n' "GET $page" "$r" "$(echo "$r / $baseline" | bc -l)"
done
