-- Operator staff (the back office), and sign-in failure counting shared by partner users
-- and staff so that both follow exactly the same lockout rules.

create table sign_in_guards (
  realm           text not null check (realm in ('partner', 'staff')),
  account_id      uuid not null,
  -- Failed sign-ins since the last success or lock; counted before verifying.
  failed_sign_ins integer not null default 0,
  -- How many times the account has been locked; each lock lasts longer.
  lockouts        integer not null default 0,
  locked_until    timestamptz,
  primary key (realm, account_id)
);

insert into sign_in_guards (realm, account_id, failed_sign_ins, lockouts, locked_until)
  select 'partner', user_id, failed_sign_ins, lockouts, locked_until from users
  where failed_sign_ins > 0 or lockouts > 0 or locked_until is not null;

alter table users drop column failed_sign_ins, drop column lockouts, drop column locked_until;

create table operator_staff (
  staff_id             uuid primary key,
  email                citext not null unique,
  full_name            text not null check (length(full_name) between 1 and 200),
  role                 text not null check (role in ('reviewer', 'operator_admin')),
  password_hash        text not null,
  -- A generated or temporary password must be replaced at the next sign-in.
  must_change_password boolean not null default false,
  disabled_at          timestamptz,
  session_epoch        integer not null default 0,
  last_sign_in_at      timestamptz,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
create trigger operator_staff_updated_at before update on operator_staff
  for each row execute function set_updated_at();

alter table audit_events add column actor_staff_id uuid references operator_staff on delete set null;
create index audit_events_staff_idx on audit_events (actor_staff_id, occurred_at);

alter table applications add column assigned_to uuid references operator_staff on delete set null;
alter table application_events
  add column actor_staff_id uuid references operator_staff on delete set null,
  -- Internal notes are for staff only and never shown to the applicant.
  add column internal boolean not null default false;

-- The review queue: keyset pagination on (submitted_at, application_id), per filter.
create extension if not exists pg_trgm;
create index applications_queue_state_idx on applications (state, submitted_at, application_id) where state <> 'draft';
create index applications_queue_all_idx on applications (submitted_at, application_id) where state <> 'draft';
create index applications_queue_assigned_idx on applications (assigned_to, submitted_at, application_id) where state <> 'draft';
create index applications_legal_name_trgm_idx on applications using gin (legal_name gin_trgm_ops);
create index applications_contact_email_idx on applications (contact_email);
create index applications_partner_id_idx on applications (partner_id);
create index tenants_country_idx on tenants (country_code);
create index audit_events_target_action_idx on audit_events (action, audit_event_id);

-- Program settings: one row.
create table program_settings (
  singleton                 boolean primary key default true check (singleton),
  direct_bill_intake_open   boolean not null default false,
  direct_bill_reopens_on    date,
  direct_bill_closed_message text,
  updated_by                uuid references operator_staff on delete set null,
  updated_at                timestamptz not null default now()
);
insert into program_settings (direct_bill_intake_open) values (false);

-- Invitations for new staff (single use, 72 hours, stored as SHA-256).
create table staff_invitations (
  invitation_id uuid primary key,
  email         citext not null,
  full_name     text not null,
  role          text not null check (role in ('reviewer', 'operator_admin')),
  token_hash    bytea not null unique,
  invited_by    uuid references operator_staff on delete set null,
  expires_at    timestamptz not null,
  accepted_at   timestamptz,
  revoked_at    timestamptz,
  created_at    timestamptz not null default now()
);
create index staff_invitations_pending_idx on staff_invitations (email) where accepted_at is null and revoked_at is null;

-- The official provider directory: which partners are indirect providers, in which regions.
create table provider_regions (
  tenant_id  uuid not null references tenants on delete cascade,
  csp_region text not null references csp_regions,
  listed_by  uuid references operator_staff on delete set null,
  listed_at  timestamptz not null default now(),
  primary key (tenant_id, csp_region)
);
create index provider_regions_region_idx on provider_regions (csp_region);
create index tenants_domain_prefix_trgm_idx on tenants using gin ((domain_prefix::text) gin_trgm_ops);

-- Per-state counts for the queue, kept by a trigger so the page does not count a million rows.
create table application_state_counts (
  state text primary key,
  count bigint not null default 0
);
insert into application_state_counts (state, count)
  select s, (select count(*) from applications where state = s)
  from unnest(array['draft', 'awaiting_contact_verification', 'in_review', 'info_requested',
                    'approved', 'rejected', 'withdrawn']) s;

-- Statement-level with transition tables: a bulk insert touches each count row once,
-- not once per inserted row.
create or replace function count_inserted_applications() returns trigger
language plpgsql as $$
begin
  update application_state_counts c set count = c.count + n.n
  from (select state, count(*) as n from new_rows group by state) n where c.state = n.state;
  return null;
end;
$$;
create or replace function count_deleted_applications() returns trigger
language plpgsql as $$
begin
  update application_state_counts c set count = c.count - o.n
  from (select state, count(*) as n from old_rows group by state) o where c.state = o.state;
  return null;
end;
$$;
create or replace function count_updated_applications() returns trigger
language plpgsql as $$
begin
  update application_state_counts c set count = c.count + d.n
  from (select state, sum(n) as n from (
          select state, count(*) as n from new_rows group by state
          union all
          select state, -count(*) from old_rows group by state) x
        group by state) d
  where c.state = d.state and d.n <> 0;
  return null;
end;
$$;
create trigger applications_counts_insert after insert on applications
  referencing new table as new_rows for each statement execute function count_inserted_applications();
create trigger applications_counts_delete after delete on applications
  referencing old table as old_rows for each statement execute function count_deleted_applications();
create trigger applications_counts_update after update on applications
  referencing old table as old_rows new table as new_rows for each statement execute function count_updated_applications();
