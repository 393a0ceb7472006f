-- Shared building blocks every later table uses.
create extension if not exists citext;

-- Keeps updated_at honest without relying on every query to set it.
create or replace function set_updated_at() returns trigger
language plpgsql as $$
begin
  new.updated_at = now();
  return new;
end;
$$;

-- Program regions (CSP regions) and the countries in them.
create table csp_regions (
  csp_region text primary key,
  name       text not null
);

insert into csp_regions (csp_region, name) values
  ('africa', 'Africa'),
  ('apac', 'Asia Pacific'),
  ('au', 'Australia'),
  ('br', 'Brazil'),
  ('ca', 'Canada'),
  ('europe', 'Europe'),
  ('in', 'India'),
  ('jp', 'Japan'),
  ('kr', 'Korea'),
  ('latam', 'Latin America and the Caribbean'),
  ('mea', 'Middle East and Africa'),
  ('nz', 'New Zealand'),
  ('ru', 'Russia'),
  ('tw', 'Taiwan'),
  ('us', 'United States');

create table markets (
  country_code     char(2) primary key check (country_code ~ '^[A-Z]{2}$'),
  country_name_en  text not null,
  country_name_de  text not null,
  csp_region       text not null references csp_regions,
  billing_currency char(3) not null check (billing_currency ~ '^[A-Z]{3}$'),
  currency_source  text not null check (currency_source in ('seed', 'inferred', 'corrected')),
  notes            text
);

-- Sessions (tower-sessions' Postgres store), so any process can serve any request.
create schema if not exists tower_sessions;
create table tower_sessions.session (
  id          text primary key not null,
  data        bytea not null,
  expiry_date timestamptz not null
);
create index session_expiry_idx on tower_sessions.session (expiry_date);
