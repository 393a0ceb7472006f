-- The primary contact of an application may have no account: each status e-mail carries a
-- single-purpose link to a read-only status view (issue 18). Only the token's SHA-256 is
-- kept; a link works for 30 days.
create table contact_status_links (
  token_hash     bytea primary key,
  application_id uuid not null references applications on delete cascade,
  expires_at     timestamptz not null,
  created_at     timestamptz not null default now()
);
create index contact_status_links_application on contact_status_links (application_id);
create index contact_status_links_expiry on contact_status_links (expires_at);
