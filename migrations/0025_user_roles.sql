-- Issue 15: a user holds one or more roles (DOMAIN.md: "gives them roles that fit their
-- work"). The single `role` column becomes a set; each element is a known role, at least one.
alter table users add column roles text[];
update users set roles = array[role];
alter table users
    alter column roles set not null,
    add constraint users_roles_known check (
        cardinality(roles) >= 1
        and roles <@ array['global_admin', 'account_admin', 'user_management_admin',
                           'admin_agent', 'sales_agent', 'helpdesk_agent', 'billing_admin',
                           'business_profile_admin', 'referrals_admin']::text[]),
    drop column role;
-- "Who in the organisation holds this role" and "its global admins" read by role.
create index users_roles on users using gin (roles);
