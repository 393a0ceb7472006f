-- Issue 15: an admin can disable a colleague (their sessions end at once: the epoch moves)
-- and enable them again.
alter table users add column disabled_at timestamptz;
