-- Issue 15: the organisation profile, kept by the partner's global and account admins after
-- approval. It starts as the approved indirect-reseller application's answers; bank details
-- are added on the profile. A change of legal name changes who the partner is: it waits for
-- operator staff (legal_name_pending) and the legal name stays as it was until approved.
create table organisation_profiles (
  tenant_id               uuid primary key references tenants on delete cascade,
  legal_name              text not null,
  address_line1           text not null,
  address_line2           text,
  city                    text not null,
  state_province          text,
  postal_code             text,
  phone                   text not null,
  registration_id         text,
  contact_first_name      text not null,
  contact_last_name       text not null,
  contact_email           citext not null,
  contact_phone           text not null,
  support_email           citext not null,
  support_phone           text not null,
  support_website         text not null,
  bank_account_holder     text,
  -- Either an IBAN (electronic form) with its BIC, or a local bank code and account number
  -- (with a BIC if the bank has one).
  bank_iban               text,
  bank_bic                text,
  bank_code               text,
  bank_account_number     text,
  check (bank_iban is null or (bank_code is null and bank_account_number is null)),
  check ((bank_account_holder is null) = (bank_iban is null and bank_account_number is null)),
  legal_name_pending      text,
  legal_name_requested_by uuid references users on delete set null,
  legal_name_requested_at timestamptz,
  check ((legal_name_pending is null) = (legal_name_requested_at is null)),
  -- Bumped by every change: a form sent from an older page is refused, not merged.
  version                 integer not null default 0,
  updated_by              uuid references users on delete set null,
  created_at              timestamptz not null default now(),
  updated_at              timestamptz not null default now()
);
create trigger organisation_profiles_updated_at before update on organisation_profiles
  for each row execute function set_updated_at();
-- Staff's list of legal-name changes waiting for review, oldest first.
create index organisation_profiles_pending_idx on organisation_profiles (legal_name_requested_at)
  where legal_name_pending is not null;

-- Organisations approved before profiles existed start from their newest approved
-- indirect-reseller application.
insert into organisation_profiles (
  tenant_id, legal_name, address_line1, address_line2, city, state_province, postal_code, phone,
  registration_id, contact_first_name, contact_last_name, contact_email, contact_phone,
  support_email, support_phone, support_website)
select distinct on (tenant_id)
  tenant_id, legal_name, address_line1, address_line2, city, state_province, postal_code, phone,
  registration_id, contact_first_name, contact_last_name, contact_email, contact_phone,
  support_email, support_phone, support_website
from applications
where program = 'indirect_reseller' and state = 'approved' and legal_name is not null
  and address_line1 is not null and city is not null and phone is not null
  and contact_first_name is not null and contact_last_name is not null
  and contact_email is not null and contact_phone is not null and support_email is not null
  and support_phone is not null and support_website is not null
order by tenant_id, decided_at desc;
