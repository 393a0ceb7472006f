# Shared by the HTTP benchmark scripts: source it after setting base (the portal's URL) and
# jar (a curl cookie file).

# The CSRF token of the first form on page $1 (keeps the cookies curl is given).
token() { curl -s -b "$jar" -c "$jar" "$base$1" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }

# The cookies in $jar as one Cookie header value.
cookies() { awk -F'\t' 'NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"; }

# Signs up a work account with prefix $1 and signs in (the session lands in $jar; signing
# up itself signs nobody in, and signing in does not need the address confirmed).
bench_password='velvet tractor ocean brick 42'
sign_up() {
  local t; t=$(token /signup)
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf_token=$t" \
    -d organisation=Bench -d "domain_prefix=$1" -d country=DE -d "full_name=Bench Admin" \
    --data-urlencode "email=admin@$1.example.com" --data-urlencode "password=$bench_password" "$base/signup"
  t=$(token /signin)
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf_token=$t" \
    --data-urlencode "email=admin@$1.example.com" --data-urlencode "password=$bench_password" "$base/signin"
}
