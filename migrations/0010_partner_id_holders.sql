-- A partner ID is used only by the organisation that holds it: the one that joined the
-- partner network through the portal, or, for a membership the program imported, the one
-- whose application with it the program's reviewers approved (they check the membership
-- against the applicant before approving; the back office flags any mismatch).
alter table partner_memberships
  add column held_by_tenant uuid references tenants on delete set null;
update partner_memberships set held_by_tenant = joined_by_tenant where joined_by_tenant is not null;
update partner_memberships m
   set held_by_tenant = first_approved.tenant_id
  from (select distinct on (partner_id) partner_id, tenant_id
          from applications
         where state = 'approved' and partner_id is not null
         order by partner_id, decided_at) first_approved
 where m.partner_id = first_approved.partner_id and m.held_by_tenant is null;
