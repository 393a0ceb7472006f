-- The program settings are cached by every portal process (src/db/cache.rs); a change
-- tells them all when it commits (payload `ps:true`), as migration 0014 does for sessions,
-- users, tenants and staff.
create trigger program_settings_notify after update on program_settings
  for each row execute function notify_cache_change('ps', 'singleton');
