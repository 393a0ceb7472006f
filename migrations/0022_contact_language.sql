-- Issue 14: the language a primary contact reads. They have no account, so it is the
-- language the application was submitted in until the contact answers their link, and the
-- language of the page they answered on after that. Status and direct-bill e-mails, often
-- caused by a reviewer who reads another language, are written in it.
alter table applications add column contact_language text
    check (contact_language in ('en', 'de', 'zh-CN'));
