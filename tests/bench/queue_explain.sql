-- The review queue's main queries, as the app builds them, with their plans and times.
--   psql postgres://postgres@127.0.0.1:5432/pp_bench -f tests/bench/queue_explain.sql
\pset pager off
-- First page of the default view: in review, oldest first.
explain (analyze, buffers, costs off)
select a.application_id, a.legal_name, t.name, t.domain_prefix::text, a.program, t.country_code::text, m.country_name_en, a.state, a.submitted_at, s.full_name
from applications a join tenants t on t.tenant_id = a.tenant_id join markets m on m.country_code = t.country_code
left join operator_staff s on s.staff_id = a.assigned_to
where a.state <> 'draft' and a.submitted_at is not null and a.state = 'in_review'
order by a.submitted_at, a.application_id limit 51;
-- A deep page: the cursor half-way through the year.
explain (analyze, buffers, costs off)
select a.application_id, a.legal_name, t.name, t.domain_prefix::text, a.program, t.country_code::text, m.country_name_en, a.state, a.submitted_at, s.full_name
from applications a join tenants t on t.tenant_id = a.tenant_id join markets m on m.country_code = t.country_code
left join operator_staff s on s.staff_id = a.assigned_to
where a.state <> 'draft' and a.submitted_at is not null and a.state = 'in_review'
  and (a.submitted_at, a.application_id) > (now() - interval '180 days', '00000000-0000-0000-0000-000000000000'::uuid)
order by a.submitted_at, a.application_id limit 51;
-- Search by part of the legal name.
explain (analyze, buffers, costs off)
select a.application_id from applications a join tenants t on t.tenant_id = a.tenant_id
where a.state <> 'draft' and a.submitted_at is not null and (a.legal_name ilike '%Bench 77777 %' or t.domain_prefix::text ilike 'Bench 77777%')
order by a.submitted_at, a.application_id limit 51;
-- Counts per state.
explain (analyze, costs off) select state, count(*) from applications where state <> 'draft' group by state;
