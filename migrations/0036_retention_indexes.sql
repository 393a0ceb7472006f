-- Retention (src/db/retention.rs) deletes what has served its purpose in bounded batches;
-- each batch finds its rows through an index instead of scanning the table.
create index if not exists rate_limit_hits_window_idx on rate_limit_hits (window_start);
create index if not exists email_outbox_sent_idx on email_outbox (sent_at) where status = 'sent';
create index if not exists user_tokens_expiry_idx on user_tokens (expires_at);
create index if not exists contact_verification_tokens_expiry_idx on contact_verification_tokens (expires_at);
create index if not exists staff_tokens_expiry_idx on staff_tokens (expires_at);
