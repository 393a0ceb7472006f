-- Orders and subscriptions (issue 17).

-- A provider's cart for one customer: held on the server (it survives signing out), one
-- open cart per provider and customer. Buying deletes it; the order keeps its id, so a
-- second Buy of the same cart finds the order instead of making another.
create table carts (
  cart_id             uuid primary key,
  provider_tenant_id  uuid not null references tenants on delete cascade,
  customer_tenant_id  uuid not null references tenants on delete cascade,
  created_by          uuid references users on delete set null,
  -- "I am acting as indirect provider", confirmed for this order.
  acting_as_provider  boolean not null default false,
  -- The reseller the order is for (chosen or entered and verified), if any.
  reseller_tenant_id  uuid references tenants on delete set null,
  -- Every change counts up: the review and Buy say which cart they saw.
  version             integer not null default 1,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  unique (provider_tenant_id, customer_tenant_id)
);
create trigger carts_updated_at before update on carts
  for each row execute function set_updated_at();

create table cart_lines (
  cart_id            uuid not null references carts on delete cascade,
  offer_id           text not null references offers,
  licences           integer not null check (licences > 0),
  -- The price when the line was added: a later change of the list price shows on review.
  currency           char(3) not null,
  unit_price_minor   bigint not null,
  added_at           timestamptz not null default now(),
  primary key (cart_id, offer_id)
);

create table orders (
  order_id            uuid primary key,
  order_number        bigint generated always as identity (start with 100001) unique,
  -- The cart it was bought from: one order per cart, however often Buy is pressed.
  cart_id             uuid not null unique,
  provider_tenant_id  uuid not null references tenants,
  customer_tenant_id  uuid not null references tenants,
  reseller_tenant_id  uuid references tenants,
  reseller_partner_id text,
  acting_as_provider  boolean not null,
  currency            char(3) not null,
  total_minor         bigint not null,
  placed_by           uuid references users on delete set null,
  placed_by_name      text not null,
  placed_at           timestamptz not null default now()
);
create index orders_customer on orders (customer_tenant_id, placed_at desc);

create table subscriptions (
  subscription_id     uuid primary key,
  customer_tenant_id  uuid not null references tenants,
  provider_tenant_id  uuid not null references tenants,
  offer_id            text not null references offers,
  order_id            uuid not null references orders,
  licences            integer not null check (licences > 0),
  billing_cycle       text not null check (billing_cycle in ('monthly', 'annual')),
  currency            char(3) not null,
  unit_price_minor    bigint not null,
  started_on          date not null,
  next_renewal_on     date,
  state               text not null default 'active' check (state in ('active', 'suspended', 'cancelled')),
  -- The reseller attached now (incentive credit; history in subscription_resellers).
  reseller_tenant_id  uuid references tenants,
  -- Who the customer calls for support with it: the reseller when set, else the provider.
  support_reseller    boolean not null default false,
  version             integer not null default 1,
  cancelled_at        timestamptz,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  check (not support_reseller or reseller_tenant_id is not null),
  check ((state = 'cancelled') = (cancelled_at is not null))
);
create index subscriptions_customer on subscriptions (customer_tenant_id, created_at);
create index subscriptions_provider on subscriptions (provider_tenant_id);
create index subscriptions_reseller on subscriptions (reseller_tenant_id) where reseller_tenant_id is not null;
create trigger subscriptions_updated_at before update on subscriptions
  for each row execute function set_updated_at();

create table order_lines (
  order_id          uuid not null references orders on delete cascade,
  line_no           integer not null,
  offer_id          text not null references offers,
  offer_name        text not null,
  billing_cycle     text not null,
  licences          integer not null,
  unit_price_minor  bigint not null,
  line_total_minor  bigint not null,
  subscription_id   uuid not null references subscriptions,
  primary key (order_id, line_no)
);

-- Who was attached to a subscription when: decides who earns the incentive credit.
create table subscription_resellers (
  subscription_id     uuid not null references subscriptions on delete cascade,
  reseller_tenant_id  uuid not null references tenants,
  partner_id          text not null,
  attached_at         timestamptz not null default now(),
  attached_by         uuid references users on delete set null,
  detached_at         timestamptz,
  detached_by         uuid references users on delete set null
);
create unique index subscription_resellers_current on subscription_resellers (subscription_id)
  where detached_at is null;
create index subscription_resellers_by_reseller on subscription_resellers (reseller_tenant_id);
