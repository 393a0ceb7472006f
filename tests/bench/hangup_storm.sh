#!/usr/bin/env bash
# Clients that hang up mid-request (issue 10): ROUNDS one-second wrk runs against each of
# GET /signin, GET /signup, GET /dashboard (signed in) and POST /enroll/partner-id (a wizard
# step, signed in). wrk closes its connections with requests still in flight at the end of
# every run. After each target the script prints the portal's connections by state (any
# "idle in transaction" is the bug), then the session rows, and then times one sign-in.
# Finally it sends anonymous GETs until at least ANON requests have been made (fresh
# visitors: wrk keeps no cookies) and prints the session rows again.
# Usage: tests/bench/hangup_storm.sh BASE_URL DATABASE_URL [ROUNDS] [ANON]
#   tests/bench/hangup_storm.sh http://127.0.0.1:3000 postgres://postgres@127.0.0.1:5432/partner_portal 15 100000
# Needs wrk, curl and psql. The portal at BASE_URL must use DATABASE_URL.
set -euo pipefail
base=$1 db=$2 rounds=${3:-15} anon=${4:-100000}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
jar=$work/jar
source "$(dirname "$0")/lib.sh"
states() {
  psql -Atq "$db" -c "select coalesce(state, '-') || ': ' || count(*) from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() group by state order by 1" | paste -sd ' ' -
}
sessions() { psql -Atq "$db" -c "select count(*) from tower_sessions.session"; }

prefix=storm$RANDOM$RANDOM
password=$bench_password
sign_up "$prefix"
t=$(token /enroll/partner-id)
cookie=$(cookies)
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "partner_id=1234567&csrf_token=$t"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$cookie"
LUA
echo "before: $(states); sessions: $(sessions)"
for target in "GET /signin" "GET /signup" "GET /dashboard" "POST /enroll/partner-id"; do
  path=${target#* }
  args=(-t2 -c32 -d1s)
  case $target in
    "GET /dashboard") args+=(-H "Cookie: $cookie") ;;
    POST*) args+=(-s "$work/post.lua") ;;
  esac
  for _ in $(seq "$rounds"); do wrk "${args[@]}" "$base$path" > /dev/null; done
  sleep 1
  echo "after $rounds rounds of $target: $(states)"
done
echo "sessions after the storm: $(sessions)"
sign_in_jar=$work/sign_in
t=$(curl -s -b "$sign_in_jar" -c "$sign_in_jar" "$base/signin" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null --max-time 60 -b "$sign_in_jar" -c "$sign_in_jar" -w 'sign-in right afterwards: HTTP %{http_code} in %{time_total} s\n' \
  --data-urlencode "csrf_token=$t" --data-urlencode "email=admin@$prefix.example.com" \
  --data-urlencode "password=$password" "$base/signin" || echo "sign-in right afterwards: no answer within 60 s"

before=$(sessions)
total=0
while [ "$total" -lt "$anon" ]; do
  n=$(wrk -t2 -c32 -d5s "$base/signin" | awk '/requests in/ { print $1 }')
  total=$((total + n))
done
echo "$total anonymous GET /signin: session rows $before -> $(sessions); $(states)"
