-- Partnerships both ways (issue 18): a reseller may decline an invitation (the provider is
-- told) and end a partnership from its side.
alter table partnership_invitations drop constraint partnership_invitations_state_check;
alter table partnership_invitations add constraint partnership_invitations_state_check
  check (state in ('pending', 'accepted', 'revoked', 'expired', 'declined'));
alter table partnership_invitations
  add column declined_at     timestamptz,
  add column declined_by     uuid references users on delete set null,
  add column declined_reason text;
-- Which side ended a partnership.
alter table partnerships
  add column ended_by_side text check (ended_by_side in ('provider', 'reseller'));
update partnerships set ended_by_side = 'provider' where state = 'ended';
