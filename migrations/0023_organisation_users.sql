-- Issue 15: an organisation's admins add colleagues. A new (or reset) user signs in with a
-- temporary password that works for 7 days and must be changed before anything else; the
-- form that added a user is remembered so that sending it again (a reload) shows the
-- "not shown again" page instead of adding twice or showing the password again.
alter table users
    add column must_change_password boolean not null default false,
    add column temporary_password_expires_at timestamptz,
    add column added_by uuid references users(user_id) on delete set null,
    add column added_with_form uuid unique;
