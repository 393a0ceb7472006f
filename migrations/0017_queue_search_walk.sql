-- The queue's search walks the queue in order and tests each application against the term
-- (issue 13: bounded time at a million applications). To test a row without touching the
-- heap or the tenants table, the application carries its work account's domain prefix
-- (lower-cased), and the two queue-order indexes carry what the test and the state filter
-- read, so the walk is an index-only scan (measured: 0.27 µs a row).
alter table applications add column search_prefix text;
update applications a set search_prefix = lower(t.domain_prefix::text)
  from tenants t where t.tenant_id = a.tenant_id;
alter table applications alter column search_prefix set not null;

create function applications_search_prefix() returns trigger language plpgsql as $$
begin
  new.search_prefix := (select lower(domain_prefix::text) from tenants where tenant_id = new.tenant_id);
  return new;
end $$;
create trigger applications_search_prefix before insert or update of tenant_id on applications
  for each row execute function applications_search_prefix();

create function tenants_search_prefix() returns trigger language plpgsql as $$
begin
  update applications set search_prefix = lower(new.domain_prefix::text) where tenant_id = new.tenant_id;
  return null;
end $$;
create trigger tenants_search_prefix after update of domain_prefix on tenants
  for each row when (old.domain_prefix is distinct from new.domain_prefix)
  execute function tenants_search_prefix();

drop index applications_queue_state_idx;
drop index applications_queue_all_idx;
create index applications_queue_state_idx on applications (state, submitted_at, application_id)
  include (legal_name, search_prefix) where state <> 'draft';
create index applications_queue_all_idx on applications (submitted_at, application_id)
  include (state, legal_name, search_prefix) where state <> 'draft';
create index applications_search_prefix_idx on applications (search_prefix text_pattern_ops);
