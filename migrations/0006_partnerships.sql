-- Provider-reseller partnerships and the invitations that create them.

create table partnership_invitations (
  invitation_id      uuid primary key,
  provider_tenant_id uuid not null references tenants on delete cascade,
  -- Where the portal sent the invitation, when the provider asked it to.
  email              citext,
  token_hash         bytea not null unique,
  state              text not null default 'pending' check (state in ('pending', 'accepted', 'revoked', 'expired')),
  created_by         uuid references users on delete set null,
  created_at         timestamptz not null default now(),
  expires_at         timestamptz not null,
  accepted_by        uuid references users on delete set null,
  accepted_at        timestamptz,
  reseller_tenant_id uuid references tenants on delete set null
);
create index partnership_invitations_provider_idx on partnership_invitations (provider_tenant_id, created_at desc);

create table partnerships (
  partnership_id     uuid primary key,
  provider_tenant_id uuid not null references tenants on delete cascade,
  reseller_tenant_id uuid not null references tenants on delete cascade,
  state              text not null default 'active' check (state in ('active', 'ended')),
  invitation_id      uuid references partnership_invitations on delete set null,
  created_at         timestamptz not null default now(),
  ended_at           timestamptz,
  ended_by           uuid references users on delete set null,
  -- The good-faith attestation given when the partnership was ended.
  attestation        text,
  check (provider_tenant_id <> reseller_tenant_id),
  check ((state = 'ended') = (ended_at is not null))
);
-- At most one active partnership per provider and reseller.
create unique index partnerships_one_active_idx on partnerships (provider_tenant_id, reseller_tenant_id) where state = 'active';
create index partnerships_reseller_idx on partnerships (reseller_tenant_id, state);
create index partnerships_provider_idx on partnerships (provider_tenant_id, state);

-- End customers and which reseller/provider pair they have authorised. The customers
-- issue fills these; the reseller's "View customers" page reads them already.
create table customers (
  customer_id  uuid primary key,
  name         text not null,
  country_code char(2) references markets,
  created_at   timestamptz not null default now()
);
create table customer_relationships (
  customer_id        uuid not null references customers on delete cascade,
  reseller_tenant_id uuid not null references tenants on delete cascade,
  provider_tenant_id uuid not null references tenants on delete cascade,
  authorised_at      timestamptz not null default now(),
  primary key (customer_id, reseller_tenant_id, provider_tenant_id)
);
create index customer_relationships_pair_idx on customer_relationships (reseller_tenant_id, provider_tenant_id);

-- A reseller's invitation asking a customer to authorise the relationship with the
-- reseller and one of its providers (single use; accepted in the customers issue).
create table customer_invitations (
  invitation_id      uuid primary key,
  reseller_tenant_id uuid not null references tenants on delete cascade,
  provider_tenant_id uuid not null references tenants on delete cascade,
  email              citext,
  token_hash         bytea not null unique,
  created_by         uuid references users on delete set null,
  created_at         timestamptz not null default now(),
  expires_at         timestamptz not null,
  accepted_at        timestamptz
);
