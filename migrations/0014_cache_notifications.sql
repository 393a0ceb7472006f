-- Every portal process caches session records and signed-in users and staff
-- (src/db/cache.rs). A change to one of them, or to a user's tenant, tells every process on
-- the channel pp_invalidate when it commits, whichever code (or person at psql) made it:
-- the payload is the trigger's first argument, a colon, and the old row's column named by
-- its second (`s:<stored session key>`, `u:<user id>`, `t:<tenant id>`, `st:<staff id>`).
-- Deleting expired sessions tells nobody (an expired record is never served from a cache).
create function notify_cache_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('pp_invalidate', tg_argv[0] || ':' || (to_jsonb(old) ->> tg_argv[1]));
  return null;
end $$;

create trigger session_notify_update after update on tower_sessions.session
  for each row execute function notify_cache_change('s', 'id');
create trigger session_notify_delete after delete on tower_sessions.session
  for each row when (old.expiry_date > now()) execute function notify_cache_change('s', 'id');
create trigger users_notify after update or delete on users
  for each row execute function notify_cache_change('u', 'user_id');
create trigger tenants_notify after update or delete on tenants
  for each row execute function notify_cache_change('t', 'tenant_id');
create trigger operator_staff_notify after update or delete on operator_staff
  for each row execute function notify_cache_change('st', 'staff_id');
