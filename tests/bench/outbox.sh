#!/usr/bin/env bash
# Outbox throughput (issue 13): queues N e-mails (default 10,000) in a fresh database,
# starts the release portal with MAIL_TRANSPORT=smtp against a local SMTP sink
# (smtp_sink.py, Python 3.11's smtpd), and prints e-mails per second until the outbox is
# empty, and how many the sink received.
#   tests/bench/outbox.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
server=${BENCH_DB_SERVER:-postgres://postgres@127.0.0.1:5432}
db=pp_bench_outbox port=3107 smtp_port=2526
work=$(mktemp -d)
cargo build --release --quiet --bin partner-portal
psql -q "$server/postgres" -c "drop database if exists $db with (force)"
python3 tests/bench/smtp_sink.py $smtp_port "$work/count" &
sink=$!
# Start once to create and migrate the database, then stop it to queue the mail.
DATABASE_URL="$server/$db" PORT=$port RUST_LOG=warn MAIL_TRANSPORT=smtp SMTP_URL=smtp://127.0.0.1:$smtp_port \
  target/release/partner-portal >"$work/portal.log" 2>&1 &
portal=$!
for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
kill "$portal"; wait "$portal" || true
psql -q "$server/$db" -c "insert into email_outbox (email_id, message_id, recipient, subject, body_text, body_html)
  select gen_random_uuid(), '<bench-' || i || '@partner-portal.localhost>', 'to' || i || '@example.com',
         'Bench ' || i, 'Hello ' || i, '<p>Hello ' || i || '</p>' from generate_series(1, $n) i"
start=$(date +%s.%N)
DATABASE_URL="$server/$db" PORT=$port RUST_LOG=warn MAIL_TRANSPORT=smtp SMTP_URL=smtp://127.0.0.1:$smtp_port \
  target/release/partner-portal >>"$work/portal.log" 2>&1 &
portal=$!
while [ "$(psql -Atq "$server/$db" -c "select count(*) from email_outbox where status = 'pending'")" != 0 ]; do sleep 0.2; done
end=$(date +%s.%N)
kill "$portal"; wait "$portal" || true
kill "$sink"; wait "$sink" || true
sent=$(psql -Atq "$server/$db" -c "select count(*) from email_outbox where status = 'sent'")
printf 'outbox: %d e-mails sent in %.1f s: %.0f e-mails/s; the sink received %s\n' \
  "$sent" "$(echo "$end - $start" | bc -l)" "$(echo "$sent / ($end - $start)" | bc -l)" "$(cat "$work/count")"
rm -rf "$work"
