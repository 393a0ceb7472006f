#!/usr/bin/env bash
# Times the back-office queue page over HTTP: signs in as the operator admin and requests
# the given page N times, printing the median and 90th percentile in milliseconds.
#   tests/bench/queue_http.sh http://127.0.0.1:3100 'granite harbour violet engine 9' '/admin/applications' 50
# The portal must be running against the database to measure (see tests/bench/README.md).
set -euo pipefail
base=$1; password=$2; path=${3:-/admin/applications}; n=${4:-50}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
token=$(curl -s -c "$jar" -b "$jar" "$base/admin/signin" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf_token=$token" --data-urlencode "email=admin@localhost" --data-urlencode "password=$password" "$base/admin/signin"
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base$path")
[ "$status" = 200 ] || { echo "GET $path answered $status (signed in?)"; exit 1; }
for _ in $(seq 1 "$n"); do
  curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$base$path"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "n=%d median=%.1f ms p90=%.1f ms\n", NR, t[int((NR + 1) / 2)], t[int(NR * 0.9)] }'
