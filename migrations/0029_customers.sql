-- Issue 16: customers are tenants of their own kind. A tenant is a partner tenant or a
-- customer tenant, never both: a partner tenant can never be another partner's customer and
-- a customer tenant cannot enroll as a partner (the database refuses both, whatever the code).
alter table tenants add column kind text not null default 'partner'
  check (kind in ('partner', 'customer'));

-- The placeholders of the partnerships issue were never written.
drop table customer_relationships;
drop table customers;

-- A customer's address and primary contact; the partner that added it, if one did.
create table customer_profiles (
  tenant_id          uuid primary key references tenants on delete cascade,
  address_line1      text not null,
  address_line2      text,
  city               text not null,
  state_province     text,
  postal_code        text,
  contact_first_name text not null,
  contact_last_name  text not null,
  contact_email      citext not null,
  contact_phone      text not null,
  added_by_tenant    uuid references tenants on delete set null,
  added_by           uuid references users on delete set null,
  -- The form that added it (sending it again shows "not shown again", never a second customer).
  added_with_form    uuid unique,
  created_at         timestamptz not null default now()
);

-- Who may serve a customer: its provider (an indirect provider, or a direct-bill partner
-- selling one tier) and, for two tiers, the reseller.
create table customer_relationships (
  relationship_id    uuid primary key,
  customer_tenant_id uuid not null references tenants on delete cascade,
  provider_tenant_id uuid not null references tenants on delete cascade,
  reseller_tenant_id uuid references tenants on delete cascade,
  via                text not null check (via in ('added', 'invitation')),
  created_by         uuid references users on delete set null,
  created_at         timestamptz not null default now(),
  check (customer_tenant_id <> provider_tenant_id),
  check (reseller_tenant_id is null or reseller_tenant_id not in (customer_tenant_id, provider_tenant_id))
);
create unique index customer_relationships_one_idx on customer_relationships
  (customer_tenant_id, provider_tenant_id, coalesce(reseller_tenant_id, '00000000-0000-0000-0000-000000000000'));
create index customer_relationships_provider_idx on customer_relationships (provider_tenant_id, customer_tenant_id);
create index customer_relationships_reseller_idx on customer_relationships (reseller_tenant_id, provider_tenant_id);

create or replace function check_customer_relationship_kinds() returns trigger
language plpgsql as $$
begin
  if (select kind from tenants where tenant_id = new.customer_tenant_id) <> 'customer' then
    raise exception 'a partner tenant cannot be a customer' using errcode = 'check_violation';
  end if;
  if (select kind from tenants where tenant_id = new.provider_tenant_id) <> 'partner'
     or (new.reseller_tenant_id is not null
         and (select kind from tenants where tenant_id = new.reseller_tenant_id) <> 'partner') then
    raise exception 'only partner tenants serve customers' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger customer_relationships_kinds before insert or update on customer_relationships
  for each row execute function check_customer_relationship_kinds();

create or replace function check_applicant_is_partner() returns trigger
language plpgsql as $$
begin
  if (select kind from tenants where tenant_id = new.tenant_id) <> 'partner' then
    raise exception 'a customer tenant cannot enroll as a partner' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger applications_partner_only before insert on applications
  for each row execute function check_applicant_is_partner();

-- Customer invitations: a direct-bill partner's have no reseller (one tier); what became of
-- each is kept.
alter table customer_invitations
  alter column reseller_tenant_id drop not null,
  add column revoked_at timestamptz,
  add column accepted_by uuid references users on delete set null,
  add column customer_tenant_id uuid references tenants on delete set null;

-- The customer agreement, versioned; a provider records the customer's acceptance.
create table customer_agreements (
  version      integer primary key,
  title        text not null,
  published_at timestamptz not null default now()
);
insert into customer_agreements (version, title) values (1, 'Customer agreement, version 1');
create table customer_agreement_acceptances (
  customer_tenant_id uuid not null references tenants on delete cascade,
  version            integer not null references customer_agreements,
  accepted_on        date not null,
  signer_first_name  text not null,
  signer_last_name   text not null,
  signer_email       citext not null,
  signer_phone       text,
  recorded_by        uuid references users on delete set null,
  recorded_by_tenant uuid references tenants on delete set null,
  recorded_at        timestamptz not null default now(),
  primary key (customer_tenant_id, version)
);
