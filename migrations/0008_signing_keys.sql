-- Keys every portal process shares, made once by the first process that starts (from the
-- OS random number generator, in Rust). 'csrf' signs the form-token cookie of anonymous
-- pages, so that viewing a page writes no session row.
create table signing_keys (
  name       text primary key,
  key        bytea not null check (octet_length(key) >= 32),
  created_at timestamptz not null default now()
);
