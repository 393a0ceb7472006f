-- Throttling that hurts the attacker, not the owner: failed sign-ins are counted per account
-- *and* source (a device the account signed in from before, else the client address), so
-- wrong passwords from one place lock out only that place, for 15 minutes at most.
delete from sign_in_guards;
alter table sign_in_guards add column source text not null default 'ip:unknown';
alter table sign_in_guards drop constraint sign_in_guards_pkey;
alter table sign_in_guards add primary key (realm, account_id, source);
alter table sign_in_guards alter column source drop default;

-- Devices an account has signed in from (the SHA-256 of a random id kept in a long-lived
-- cookie). A known device is its own source and is never refused by the account-wide limit.
create table trusted_devices (
  realm        text not null check (realm in ('partner', 'staff')),
  account_id   uuid not null,
  device_hash  bytea not null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  primary key (realm, account_id, device_hash)
);
