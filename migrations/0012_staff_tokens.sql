-- Staff reset their own password by e-mail (single use, 1 hour), so a locked-out or
-- forgetful staff member needs no colleague. Tokens are stored as SHA-256.
create table staff_tokens (
  token_id   uuid primary key,
  staff_id   uuid not null references operator_staff on delete cascade,
  token_hash bytea not null unique,
  expires_at timestamptz not null,
  used_at    timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index staff_tokens_staff_idx on staff_tokens (staff_id) where used_at is null and revoked_at is null;
