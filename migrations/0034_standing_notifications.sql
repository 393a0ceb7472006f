-- The signed-in user (cached per process, src/db/cache.rs) carries the organisation's
-- standing that the partner navigation needs: an active indirect reseller (approved, the
-- current agreement accepted) and a listed provider. A change to any of them tells every
-- process to forget the tenant's users (`t:<tenant id>`), as a change to the tenant does;
-- a new agreement version changes every tenant's standing (`t:` forgets all users).
create function notify_tenant_standing() returns trigger language plpgsql as $$
begin
  perform pg_notify('pp_invalidate',
    't:' || coalesce(to_jsonb(new) ->> 'tenant_id', to_jsonb(old) ->> 'tenant_id'));
  return null;
end $$;

create function notify_every_tenant() returns trigger language plpgsql as $$
begin
  perform pg_notify('pp_invalidate', 't:');
  return null;
end $$;

create trigger applications_standing_notify after insert or delete or update of state on applications
  for each row execute function notify_tenant_standing();
create trigger agreement_acceptances_notify after insert or update or delete on agreement_acceptances
  for each row execute function notify_tenant_standing();
create trigger provider_regions_notify after insert or update or delete on provider_regions
  for each row execute function notify_tenant_standing();
create trigger direct_bill_partners_notify after insert or update or delete on direct_bill_partners
  for each row execute function notify_tenant_standing();
create trigger partner_agreements_notify after insert or update or delete on partner_agreements
  for each statement execute function notify_every_tenant();
