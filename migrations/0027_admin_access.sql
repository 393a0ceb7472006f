-- Issue 15: authorising an indirect provider grants it delegated admin access to the
-- reseller's organisation. The grant is recorded (who, when, which provider), outlives the
-- partnership (the program's rules: ending a partnership does not withdraw it) and is
-- withdrawn only by the organisation that gave it. Customers grant it too (issue 16).
create table admin_access_grants (
  grant_id          uuid primary key,
  grantor_tenant_id uuid not null references tenants on delete cascade,
  grantee_tenant_id uuid not null references tenants on delete cascade,
  partnership_id    uuid references partnerships on delete set null,
  granted_by        uuid references users on delete set null,
  granted_by_name   text not null,
  granted_at        timestamptz not null default now(),
  removed_at        timestamptz,
  removed_by        uuid references users on delete set null,
  removed_by_name   text,
  check (grantor_tenant_id <> grantee_tenant_id),
  check ((removed_at is null) = (removed_by_name is null))
);
-- At most one grant in force per organisation and grantee.
create unique index admin_access_grants_one_idx on admin_access_grants (grantor_tenant_id, grantee_tenant_id)
  where removed_at is null;
create index admin_access_grants_grantee_idx on admin_access_grants (grantee_tenant_id)
  where removed_at is null;

-- Partnerships authorised before grants were recorded granted access when authorised.
insert into admin_access_grants (grant_id, grantor_tenant_id, grantee_tenant_id, partnership_id,
                                 granted_by, granted_by_name, granted_at)
select distinct on (p.reseller_tenant_id, p.provider_tenant_id)
       gen_random_uuid(), p.reseller_tenant_id, p.provider_tenant_id, p.partnership_id,
       u.user_id, coalesce(u.full_name, t.name), p.created_at
from partnerships p
join tenants t on t.tenant_id = p.reseller_tenant_id
left join partnership_invitations i on i.invitation_id = p.invitation_id
left join users u on u.user_id = i.accepted_by
order by p.reseller_tenant_id, p.provider_tenant_id, p.created_at desc;
