-- Indirect-reseller enrollment: partner-network memberships, applications with their
-- timeline, contact verification links, and the partner agreement.

-- Memberships in the vendor's partner network (the "partner ID").
create table partner_memberships (
  partner_id        char(7) primary key check (partner_id ~ '^[0-9]{7}$'),
  organisation_name text not null,
  country_code      char(2) not null references markets,
  active            boolean not null default true,
  -- Set when the membership was created through this portal.
  joined_by_tenant  uuid references tenants on delete set null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create trigger partner_memberships_updated_at before update on partner_memberships
  for each row execute function set_updated_at();

create table applications (
  application_id        uuid primary key,
  tenant_id             uuid not null references tenants on delete cascade,
  program               text not null check (program in ('indirect_reseller', 'direct_bill')),
  state                 text not null default 'draft' check (state in (
                          'draft', 'awaiting_contact_verification', 'in_review', 'info_requested',
                          'approved', 'rejected', 'withdrawn')),
  -- Bumped by every change; reviewers' decisions check it (optimistic concurrency).
  version               integer not null default 0,
  -- The furthest wizard step reached, to resume a draft.
  current_step          text not null default 'partner-id',
  partner_id            char(7) references partner_memberships,
  legal_name            text,
  address_line1         text,
  address_line2         text,
  city                  text,
  state_province        text,
  postal_code           text,
  phone                 text,
  registration_id       text,
  contact_first_name    text,
  contact_last_name     text,
  contact_email         citext,
  contact_phone         text,
  support_email         citext,
  support_phone         text,
  support_website       text,
  consent_at            timestamptz,
  submitted_at          timestamptz,
  contact_verified_at   timestamptz,
  decided_at            timestamptz,
  rejection_reason      text,
  info_request          text,
  created_by            uuid references users on delete set null,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now()
);
-- At most one open application per tenant and program: drafts included, finished ones not.
create unique index applications_one_open_idx on applications (tenant_id, program)
  where state not in ('approved', 'rejected', 'withdrawn');
create index applications_state_idx on applications (state, submitted_at);
create trigger applications_updated_at before update on applications
  for each row execute function set_updated_at();

-- The state machine, enforced by the database too: no code path can make an illegal move.
create or replace function check_application_move() returns trigger
language plpgsql as $$
begin
  if new.state = old.state then
    return new;
  end if;
  if (old.state, new.state) in (
       ('draft', 'awaiting_contact_verification'),
       ('awaiting_contact_verification', 'in_review'),
       ('in_review', 'approved'),
       ('in_review', 'rejected'),
       ('in_review', 'info_requested'),
       ('info_requested', 'in_review'))
     or (new.state = 'withdrawn' and old.state not in ('approved', 'rejected', 'withdrawn')) then
    return new;
  end if;
  raise exception 'illegal application move from % to %', old.state, new.state
    using errcode = 'check_violation';
end;
$$;
create trigger applications_state_machine before update of state on applications
  for each row execute function check_application_move();

-- Everything that happened to an application, for its timeline.
create table application_events (
  application_event_id bigint generated always as identity primary key,
  application_id       uuid not null references applications on delete cascade,
  occurred_at          timestamptz not null default now(),
  actor_user_id        uuid references users on delete set null,
  -- Who acted, in words: the applicant's name, "Primary contact", a reviewer.
  actor_label          text not null,
  kind                 text not null,
  from_state           text,
  to_state             text,
  detail               text
);
create index application_events_application_idx on application_events (application_id, occurred_at);

-- Links that ask the primary contact to confirm (stored as SHA-256).
create table contact_verification_tokens (
  token_id       uuid primary key,
  application_id uuid not null references applications on delete cascade,
  token_hash     bytea not null unique,
  expires_at     timestamptz not null,
  used_at        timestamptz,
  revoked_at     timestamptz,
  created_at     timestamptz not null default now()
);
create index contact_verification_tokens_application_idx on contact_verification_tokens (application_id)
  where used_at is null and revoked_at is null;

-- The partner agreement, versioned; acceptance records who, when and which version.
create table partner_agreements (
  version      integer primary key,
  title        text not null,
  body         text not null,
  published_at timestamptz not null default now()
);

insert into partner_agreements (version, title, body) values (1, 'Partner agreement, version 1',
'1. Scope. This agreement lets your organisation resell the program''s cloud services as an indirect reseller, buying them through an authorised indirect provider.

2. Your obligations. You keep your company profile, contacts and partner ID accurate; you sell only in the markets of your program region; you follow the program''s rules and applicable law, including export and anti-corruption law.

3. Customers. You give your customers accurate information about the services and their prices, obtain their acceptance of the customer agreement before any order, and protect their data as the law and the customer agreement require.

4. Billing. Your billing currency is fixed by your work account''s country and cannot be changed for this work account.

5. Admin access. A provider you authorise may place orders for your customers and receives admin access to your work account; you may end such a partnership at any time.

6. Term and end. This agreement runs until either side ends it in writing. The operator may suspend an account that breaks these terms after telling you why.');

create table agreement_acceptances (
  tenant_id   uuid not null references tenants on delete cascade,
  version     integer not null references partner_agreements,
  accepted_by uuid references users on delete set null,
  accepted_by_name text not null,
  accepted_at timestamptz not null default now(),
  primary key (tenant_id, version)
);
