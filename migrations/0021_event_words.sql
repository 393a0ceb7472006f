-- Issue 14: timeline entries are shown in the reader's language, so they keep facts, not
-- English sentences. `actor_kind` says who acted (the page writes "Reviewer Kim" or "Prüfer
-- Kim"); `actor_label` keeps only the name (or, for a primary contact, the address); the
-- system-written details keep a code or a name: `answers_changed` the wizard step
-- ("indirect-reseller/support"), `assigned` the assignee's name.
alter table application_events add column actor_kind text not null default 'partner'
    check (actor_kind in ('partner', 'staff', 'contact'));

update application_events set actor_kind = 'staff',
       actor_label = regexp_replace(actor_label, '^Reviewer ', '')
 where actor_staff_id is not null or actor_label like 'Reviewer %';

update application_events set actor_kind = 'contact',
       actor_label = regexp_replace(actor_label, '^Primary contact \((.*)\)$', '\1')
 where actor_user_id is null and actor_staff_id is null and actor_label like 'Primary contact (%)';

update application_events set detail = regexp_replace(detail, '^Assigned to ', '')
 where kind = 'assigned';

update application_events set detail = case detail
        when 'Partner ID' then 'indirect-reseller/partner-id'
        when 'Legal details' then 'indirect-reseller/legal-profile'
        when 'Primary contact' then 'indirect-reseller/primary-contact'
        when 'Customer support details' then 'indirect-reseller/support'
        when 'Revenue' then 'direct-bill/revenue'
        when 'Support' then 'direct-bill/support'
        when 'Operations' then 'direct-bill/operations'
        when 'Managed services' then 'direct-bill/services'
        else detail end
 where kind = 'answers_changed';

alter table application_events alter column actor_kind drop default;
