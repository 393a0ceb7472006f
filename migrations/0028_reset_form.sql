-- Issue 15: an admin's "reset password" form, sent again (a reload), must not make and show
-- another temporary password: the form that made the current one is remembered.
alter table users add column password_reset_form uuid;
