-- Seeds a portal database with :n submitted applications (and a tenant each) to measure
-- the review queue at scale. Run against a migrated database, e.g.:
--   psql postgres://postgres@127.0.0.1:5432/pp_bench -v n=1000000 -f tests/bench/queue_seed.sql
-- Not part of the test suite.
\timing on
insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency)
select gen_random_uuid(), 'Bench ' || i, 'bench-' || i, (array['DE','US','FR','BR','JP','IN','AU'])[1 + i % 7], 'USD'
from generate_series(1, :n) i;

insert into applications (application_id, tenant_id, program, state, legal_name, contact_email, contact_first_name, submitted_at, version)
select gen_random_uuid(), tenant_id, 'indirect_reseller',
       (array['in_review','approved','rejected','awaiting_contact_verification','info_requested','withdrawn'])[1 + (abs(hashtext(name)) % 6)],
       name || ' GmbH', 'contact@' || domain_prefix || '.example.com', 'Pat',
       now() - (abs(hashtext(domain_prefix)) % 31536000) * interval '1 second', 0
from tenants where name like 'Bench %';
analyze;
