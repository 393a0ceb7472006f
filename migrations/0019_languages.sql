-- Issue 14: the language each account chose (null: not chosen yet, the browser's applies).
-- Used for its pages on every device and for the e-mails it receives.
alter table users add column language text
  constraint users_language_known check (language in ('en', 'de', 'zh-CN'));
alter table operator_staff add column language text
  constraint operator_staff_language_known check (language in ('en', 'de', 'zh-CN'));
