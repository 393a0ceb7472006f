-- A tenant's applications by program: the dashboard, the status pages, the provider's
-- reseller list (each reseller's partner ID) and every "is this tenant approved?" check
-- look applications up by tenant. Without it each lookup read the whole table (issue 13:
-- /partners/resellers ran at 260 req/s with 10,000 applications).
create index applications_tenant_idx on applications (tenant_id, program);
