-- Every portal process caches session records and signed-in users and staff
-- (src/db/cache.rs). A change to one of them, or to a user's tenant, tells every process on
-- the channel pp_invalidate when it commits, whichever code (or person at psql) made it.
-- Sessions are named by their stored key (the id's SHA-256); deleting expired sessions
-- tells nobody (an expired record is never served from a cache either).
create function notify_session_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('pp_invalidate', 's:' || old.id);
  return null;
end $$;
create trigger session_notify_update after update on tower_sessions.session
  for each row execute function notify_session_changed();
create trigger session_notify_delete after delete on tower_sessions.session
  for each row when (old.expiry_date > now()) execute function notify_session_changed();
create function notify_user_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('pp_invalidate', 'u:' || old.user_id);
  return null;
end $$;
create trigger users_notify after update or delete on users
  for each row execute function notify_user_changed();

create function notify_tenant_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('pp_invalidate', 't:' || old.tenant_id);
  return null;
end $$;
create trigger tenants_notify after update or delete on tenants
  for each row execute function notify_tenant_changed();

create function notify_staff_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('pp_invalidate', 'st:' || old.staff_id);
  return null;
end $$;
create trigger operator_staff_notify after update or delete on operator_staff
  for each row execute function notify_staff_changed();
