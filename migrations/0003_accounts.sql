-- Work accounts (tenants), their users, one-time tokens, the audit trail,
-- the e-mail outbox and rate-limit counters.

create table tenants (
  tenant_id        uuid primary key,
  name             text not null check (length(name) between 1 and 200),
  domain_prefix    citext not null unique check (domain_prefix ~ '^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$'),
  country_code     char(2) not null references markets,
  -- Fixed at creation: another billing currency means another tenant.
  billing_currency char(3) not null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create trigger tenants_updated_at before update on tenants
  for each row execute function set_updated_at();

create table users (
  user_id            uuid primary key,
  tenant_id          uuid not null references tenants on delete cascade,
  full_name          text not null check (length(full_name) between 1 and 200),
  email              citext not null unique,
  password_hash      text not null,
  role               text not null check (role in (
                       'global_admin', 'account_admin', 'user_management_admin', 'admin_agent',
                       'sales_agent', 'helpdesk_agent', 'billing_admin',
                       'business_profile_admin', 'referrals_admin')),
  email_confirmed_at timestamptz,
  -- Failed sign-ins since the last success or lock; counted before verifying.
  failed_sign_ins    integer not null default 0,
  -- How many times the account has been locked; each lock lasts longer.
  lockouts           integer not null default 0,
  locked_until       timestamptz,
  -- Bumped when every existing session of the user must end (password change or reset).
  session_epoch      integer not null default 0,
  last_sign_in_at    timestamptz,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index users_tenant_idx on users (tenant_id);
create trigger users_updated_at before update on users
  for each row execute function set_updated_at();

-- E-mail confirmation and password-reset links. Only the SHA-256 of a token is kept.
create table user_tokens (
  token_id   uuid primary key,
  user_id    uuid not null references users on delete cascade,
  purpose    text not null check (purpose in ('email_confirmation', 'password_reset')),
  token_hash bytea not null unique,
  expires_at timestamptz not null,
  used_at    timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index user_tokens_user_idx on user_tokens (user_id, purpose) where used_at is null and revoked_at is null;

-- Every decision and security event.
create table audit_events (
  audit_event_id bigint generated always as identity primary key,
  occurred_at    timestamptz not null default now(),
  actor_user_id  uuid references users on delete set null,
  tenant_id      uuid references tenants on delete set null,
  action         text not null,
  target_type    text not null,
  target_id      text not null,
  ip_address     text,
  before_state   jsonb,
  after_state    jsonb
);
create index audit_events_target_idx on audit_events (target_type, target_id, occurred_at);
create index audit_events_actor_idx on audit_events (actor_user_id, occurred_at);

-- Transactional outbox: written in the same transaction as the change that causes it.
create table email_outbox (
  email_id        uuid primary key,
  message_id      text not null unique,
  recipient       citext not null,
  subject         text not null,
  body_text       text not null,
  body_html       text not null,
  status          text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts        integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  claimed_at      timestamptz,
  last_error      text,
  sent_at         timestamptz,
  delivered_via   text,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index email_outbox_due_idx on email_outbox (next_attempt_at) where status = 'pending';
create index email_outbox_created_idx on email_outbox (created_at desc);
create trigger email_outbox_updated_at before update on email_outbox
  for each row execute function set_updated_at();

-- Fixed-window counters for per-IP rate limits, shared by every process.
create table rate_limit_hits (
  bucket       text not null,
  subject      text not null,
  window_start timestamptz not null,
  hits         integer not null,
  primary key (bucket, subject, window_start)
);
