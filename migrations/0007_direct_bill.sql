-- Direct-bill enrollment: the wizard's answers, evidence documents, the reviewers' requirement
-- checks in their enforced order, and the direct-bill partners with their reassessment date.

-- A direct-bill application goes from draft straight to review: its primary contact was
-- confirmed when the tenant enrolled as an indirect reseller.
create or replace function check_application_move() returns trigger
language plpgsql as $$
begin
  if new.state = old.state then
    return new;
  end if;
  if (old.state, new.state) in (
       ('draft', 'awaiting_contact_verification'),
       ('awaiting_contact_verification', 'in_review'),
       ('in_review', 'approved'),
       ('in_review', 'rejected'),
       ('in_review', 'info_requested'),
       ('info_requested', 'in_review'))
     or (old.state = 'draft' and new.state = 'in_review' and new.program = 'direct_bill')
     or (new.state = 'withdrawn' and old.state not in ('approved', 'rejected', 'withdrawn')) then
    return new;
  end if;
  raise exception 'illegal application move from % to %', old.state, new.state
    using errcode = 'check_violation';
end;
$$;

-- The direct-bill wizard's answers (one row per direct-bill application).
create table direct_bill_answers (
  application_id           uuid primary key references applications on delete cascade,
  -- Program cloud revenue of the trailing 12 months as indirect reseller, in US cents.
  revenue_usd_cents        bigint check (revenue_usd_cents >= 0),
  first_line_support       boolean,
  support_plan             text check (support_plan in ('advanced', 'premier')),
  receivables_confirmed    boolean,
  billing_description      text,
  provisioning_description text,
  support_description      text,
  security_description     text,
  -- [{"kind": "managed_service" | "ip_service" | "customer_solution", "name": .., "description": ..}]
  managed_services         jsonb not null default '[]'::jsonb,
  updated_at               timestamptz not null default now()
);
create trigger direct_bill_answers_updated_at before update on direct_bill_answers
  for each row execute function set_updated_at();

-- Evidence files (PDF, PNG, JPEG; at most 10 MB each; the count limit of 5 is kept by the
-- code under a lock on the application row).
create table application_documents (
  document_id    uuid primary key,
  application_id uuid not null references applications on delete cascade,
  file_name      text not null check (length(file_name) between 1 and 255),
  content_type   text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes     integer not null check (size_bytes between 1 and 10485760),
  sha256         bytea not null,
  content        bytea not null,
  uploaded_by    uuid references users on delete set null,
  uploaded_at    timestamptz not null default now()
);
create index application_documents_application_idx on application_documents (application_id, uploaded_at);

-- The reviewers' requirement checks. A failed check may be recorded again (after more
-- evidence) as long as no later check exists; the order is enforced below.
create table direct_bill_checks (
  application_id   uuid not null references applications on delete cascade,
  step             text not null check (step in (
                     'revenue_tenure', 'credit_check', 'assessment_scheduled', 'assessment_result')),
  outcome          text not null check (outcome in ('passed', 'failed', 'scheduled')),
  note             text,
  assessment_on    date,
  assessor         text,
  recorded_by      uuid references operator_staff on delete set null,
  recorded_by_name text not null,
  recorded_at      timestamptz not null default now(),
  primary key (application_id, step),
  check ((step = 'assessment_scheduled') = (outcome = 'scheduled')),
  check (step <> 'assessment_scheduled' or (assessment_on is not null and assessor is not null))
);

create or replace function check_direct_bill_order() returns trigger
language plpgsql as $$
declare
  needed text;
begin
  needed := case new.step
    when 'credit_check' then 'revenue_tenure'
    when 'assessment_scheduled' then 'credit_check'
    when 'assessment_result' then 'assessment_scheduled'
  end;
  if needed is not null and not exists (
       select 1 from direct_bill_checks
       where application_id = new.application_id and step = needed
         and outcome in ('passed', 'scheduled')) then
    raise exception 'direct-bill check % needs % first', new.step, needed
      using errcode = 'check_violation';
  end if;
  return new;
end;
$$;
create trigger direct_bill_checks_order before insert or update on direct_bill_checks
  for each row execute function check_direct_bill_order();

-- A direct-bill application is approved only after every requirement check has passed.
create or replace function check_direct_bill_approval() returns trigger
language plpgsql as $$
begin
  if new.state = 'approved' and old.state <> 'approved' and new.program = 'direct_bill'
     and (select count(*) from direct_bill_checks
          where application_id = new.application_id and outcome in ('passed', 'scheduled')) < 4 then
    raise exception 'direct-bill application % approved before every check passed', new.application_id
      using errcode = 'check_violation';
  end if;
  return new;
end;
$$;
create trigger applications_direct_bill_approval before update of state on applications
  for each row execute function check_direct_bill_approval();

-- A message queued for later (a reminder) counts its retry window from when it was due,
-- not from when it was queued.
alter table email_outbox add column scheduled_for timestamptz;

-- Tenants approved for direct bill. A transition back to indirect reseller keeps the row
-- (status 'transitioned'); a later approval makes it active again.
create table direct_bill_partners (
  tenant_id             uuid primary key references tenants on delete cascade,
  application_id        uuid not null references applications,
  approved_at           timestamptz not null,
  reassessment_due_on   date not null,
  reminder_email_id     uuid references email_outbox on delete set null,
  status                text not null default 'active' check (status in ('active', 'transitioned')),
  transitioned_at       timestamptz,
  transitioned_by_label text,
  transition_reason     text,
  check ((status = 'transitioned') = (transitioned_at is not null))
);
create index direct_bill_partners_due_idx on direct_bill_partners (reassessment_due_on)
  where status = 'active';

-- Yearly reassessments recorded by staff; each moves the partner's next due date.
create table direct_bill_reassessments (
  reassessment_id  uuid primary key,
  tenant_id        uuid not null references direct_bill_partners on delete cascade,
  assessed_on      date not null,
  assessor         text not null,
  note             text,
  next_due_on      date not null,
  recorded_by      uuid references operator_staff on delete set null,
  recorded_by_name text not null,
  recorded_at      timestamptz not null default now()
);
create index direct_bill_reassessments_tenant_idx on direct_bill_reassessments (tenant_id, recorded_at);
