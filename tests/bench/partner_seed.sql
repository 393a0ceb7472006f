-- Makes the work account of :'email' an approved indirect reseller that has accepted the
-- partner agreement and is listed as an indirect provider in Europe, with 25 active
-- partnerships (one reseller tenant each) and one open invitation. Run by tests/bench/run.sh.
\set ON_ERROR_STOP on
begin;
create temporary table me on commit drop as
  select u.user_id, u.tenant_id from users u where u.email = :'email';

insert into applications (application_id, tenant_id, program, state, legal_name, address_line1,
  city, postal_code, contact_first_name, contact_last_name, contact_email, submitted_at,
  contact_verified_at, decided_at, version)
select gen_random_uuid(), tenant_id, 'indirect_reseller', 'approved', 'Bench Provider GmbH',
  'Hauptstrasse 1', 'Berlin', '10115', 'Pat', 'Bench', 'contact@bench.example.com',
  now() - interval '400 days', now() - interval '399 days', now() - interval '398 days', 3
from me;

insert into agreement_acceptances (tenant_id, version, accepted_by, accepted_by_name)
select tenant_id, (select max(version) from partner_agreements), user_id, 'Bench Admin' from me;

insert into provider_regions (tenant_id, csp_region)
select tenant_id, 'europe' from me;

create temporary table resellers on commit drop as
  select gen_random_uuid() as tenant_id, i from generate_series(1, 25) i;
insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency)
select r.tenant_id, 'Bench Reseller ' || r.i || ' ' || me.tenant_id,
       'res' || r.i || '-' || left(me.tenant_id::text, 8), 'DE', 'EUR'
from resellers r, me;
insert into partnerships (partnership_id, provider_tenant_id, reseller_tenant_id, created_at)
select gen_random_uuid(), me.tenant_id, r.tenant_id, now() - r.i * interval '1 day'
from resellers r, me;

insert into partnership_invitations (invitation_id, provider_tenant_id, email, token_hash, expires_at)
select gen_random_uuid(), tenant_id, 'open@reseller.example.com', sha256(gen_random_uuid()::text::bytea),
       now() + interval '30 days'
from me;
commit;
