#!/usr/bin/env bash
# Times evidence uploads (one file per request) through the whole stack: body limit, CSRF
# check of the multipart form, content sniffing, SHA-256, insert into PostgreSQL.
# Usage: tests/bench/upload_http.sh BASE_URL DATABASE_URL SIZE_MB RUNS
# The portal at BASE_URL must use DATABASE_URL (a scratch database: this script adds a tenant
# to it and opens direct-bill intake).
set -euo pipefail
base=$1 db=$2 size_mb=${3:-10} runs=${4:-11}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
jar=$work/jar
source "$(dirname "$0")/lib.sh"
prefix=bench$RANDOM$RANDOM
sign_up "$prefix"
pid=$(printf '%07d' $((RANDOM * 100 + RANDOM % 100)))
psql -q "$db" <<SQL
insert into partner_memberships (partner_id, organisation_name, country_code) values ('$pid', 'Bench', 'DE') on conflict do nothing;
insert into applications (application_id, tenant_id, program, state, partner_id, legal_name, contact_email, contact_first_name, submitted_at, decided_at)
  select gen_random_uuid(), tenant_id, 'indirect_reseller', 'approved', '$pid', 'Bench GmbH', 'pat@$prefix.example.com', 'Pat', now() - interval '14 months', now() - interval '13 months'
  from tenants where domain_prefix = '$prefix';
insert into agreement_acceptances (tenant_id, version, accepted_by_name) select tenant_id, 1, 'Bench' from tenants where domain_prefix = '$prefix';
update program_settings set direct_bill_intake_open = true, direct_bill_reopens_on = null;
SQL
t=$(token /enroll/direct)
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf_token=$t" "$base/enroll/direct/start"
{ printf '%%PDF-1.4\n'; head -c $((size_mb * 1024 * 1024 - 9)) /dev/zero; } > "$work/evidence.pdf"
for i in $(seq "$runs"); do
  t=$(token /enroll/direct/revenue)
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$jar" -c "$jar" \
    -F "csrf_token=$t" -F revenue=400000 -F action=upload -F "evidence=@$work/evidence.pdf;type=application/pdf" \
    "$base/enroll/direct/revenue" >> "$work/times"
  psql -q "$db" -c "delete from application_documents d using applications a, tenants t where d.application_id = a.application_id and a.tenant_id = t.tenant_id and t.domain_prefix = '$prefix'"
done
codes=$(cut -d' ' -f1 "$work/times" | sort -u | tr '\n' ' ')
echo "status codes: $codes(303 = stored)"
cut -d' ' -f2 "$work/times" | sort -n | awk '{a[NR]=$1} END {printf "uploads of %s MB: median %.0f ms over %d (min %.0f, max %.0f)\n", "'"$size_mb"'", a[int((NR+1)/2)]*1000, NR, a[1]*1000, a[NR]*1000}'
