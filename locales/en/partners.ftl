# Provider-reseller partnerships, shared customers and the provider directory.
back-to-providers = Back to your providers
back-to-resellers = Back to your resellers
col-customer = Customer
col-country = Country
col-authorised = Authorised
col-provider = Provider
col-reseller = Reseller
col-partner-id = Partner ID
col-region = Region
col-regions = Regions
col-since = Since
col-from = From
col-ended = Ended
col-to = To
col-sent = Sent
col-expires = Expires
tag-expired = Expired
resend = Resend
revoke = Revoke
create-invitation = Create invitation
invitation-broken-heading = This invitation link does not work
program-region = Program region
program-regions = Program regions
all-regions = All regions

# A customer's invitation to authorise a reseller and its provider.
cinv-title = Authorise your cloud services partners
cinv-heading = { $reseller } and { $provider } ask for your authorisation
cinv-lead = { $reseller } resells cloud services to your organisation through its indirect provider { $provider }. Authorising the relationship lets { $provider } order services for you on behalf of { $reseller }.
cinv-broken-text = Check that you copied the whole link, or ask your reseller for a new one.

# Customers a reseller shares with a provider.
shared-customers-title = Customers shared with { $provider }
shared-customers-none = No customer has authorised you and { $provider } yet.
invite-a-customer = Invite a customer.

# The invitation draft a provider sends.
draft-title = Your invitation
draft-heading = Your invitation is ready
draft-sent = We have e-mailed it to <strong>{ $email }</strong>.
draft-intro = Send this message. The link is personal to your organisation: keep it in the message. This page is the only time the link is shown.
draft-open-in-email = Open in e-mail
draft-copy = Or copy the message
draft-link = Link:

# A reseller's view of a provider's invitation.
inv-title = Authorise an indirect provider
inv-heading = { $provider } invites you to work with them
inv-would-be = { $provider } would be your <strong>indirect provider</strong>. Authorising it means:
inv-would-be-serving = { $provider } would be your <strong>indirect provider</strong> (serving { $regions }). Authorising it means:
inv-means-orders = it may place orders and add subscriptions for your customers;
inv-means-admin = it gets admin access to your work account.
inv-sign-in = Sign in to continue
inv-no-account = No work account yet?
inv-create-account = Create one;
inv-no-account-after = you will come back here. A provider can work with you once you are enrolled and approved as an indirect reseller.
inv-consent = I understand that this provider may place orders and add subscriptions for our customers and gets admin access to our work account.
inv-authorize = Authorise indirect provider
inv-broken-text = Check that you copied the whole link, or ask the provider to send you a new one.

# A reseller invites a customer.
invite-customer-title = Invite a customer
invite-customer-heading = Invite a customer to work with you and { $provider }
invite-customer-intro = The customer gets a personal link asking them to authorise the relationship with your organisation and { $provider }. { $provider } needs this relationship to order services for the customer.
invite-customer-email = Customer's e-mail address (optional)
invite-customer-email-hint = If you give it, the portal sends the invitation too.

# The reseller's providers.
providers-title = Indirect providers
providers-none = No provider works with you yet.
find-a-provider = Find a provider and ask them for an invitation.
view-customers = View customers
invite-new-customers = Invite new customers
shared-with = shared with { $name }
for-name = for { $name }

# Ending a partnership.
remove-title = Remove a partnership
remove-heading = End the partnership with { $name }?
remove-lists = { $name } leaves your list of indirect resellers, and you leave its list of providers.
remove-customers = Customers linked to { $name } stay linked.
remove-permissions = Admin permissions that were granted stay as they are.
remove-emails = Both organisations get an e-mail.
end-partnership = End partnership
remove-partnership = Remove

# The provider's resellers.
resellers-title = Indirect resellers
resellers-active = Active partnerships
resellers-none = No reseller works with you yet.
resellers-pending = Pending invitations
resellers-pending-none = None.
resellers-link-shared = Link shared by you
request-partnership = Request a partnership
request-partnership-intro = You get a personal invitation link and a ready e-mail. If you give the reseller's address, the portal sends it for you too.
reseller-email = Reseller's e-mail address (optional)
resellers-ended = Ended partnerships

# The public provider directory.
directory-title = Find an indirect provider
directory-intro = Indirect resellers buy the program's services through an indirect provider in their program region. These are the providers the program lists.
directory-show = Show providers
directory-own-first = Providers that serve your region are listed first.
directory-none = No provider is listed for this region yet. Show all regions to see providers elsewhere, or ask the program's staff when one will serve your region.
directory-serves = Serves:

# The provider directory in the back office.
admin-providers-title = Provider directory
admin-providers-none = No provider is listed yet.
withdraw-listing = Withdraw
admin-providers-edit = List or edit a provider
admin-providers-rule = Only approved partners that have accepted the partner agreement can be listed. Choosing the regions again replaces the listing.
admin-providers-domain = Partner's work-account domain
admin-providers-save = Save listing
access-heading = Admin access you have given
access-intro = Authorising an indirect provider gives it delegated admin access to your work account. The access stays when a partnership ends, until your global admin removes it here.
access-none = No provider has admin access to your work account.
col-granted-by = Given by
col-granted = Given on
access-partnership-ended = partnership ended
access-remove = Remove admin access
access-who-removes = Only a global admin can remove a provider's admin access.
access-remove-title = Remove the admin access of { $name }?
access-remove-means = { $name } can no longer administer your work account.
access-remove-partnership = Your partnership with { $name }, if there is one, stays as it is.
access-remove-emails = Both organisations' global admins are told by e-mail.
access-remove-button = Remove admin access
access-removed = { $name } no longer has admin access to your work account; both organisations have been told.
col-admin-access = Admin access
access-yes = Yes
access-withdrawn = Removed by the reseller
accessremoved-subject = { $grantee } no longer has admin access to { $organisation }
accessremoved-text = { $by } of { $organisation } has removed the delegated admin access of { $grantee } to the work account of { $organisation }.
accessremoved-stays = Any partnership between { $grantee } and { $organisation } stays as it is. { $organisation } can give the access again by authorising { $grantee } through a new invitation.

## A provider leaves the directory (issue 17)
provwd-subject = { $provider } is no longer listed as an indirect provider
provwd-text = { $provider } has been withdrawn from the provider directory.
withdrawn-by-staff = The program's staff withdrew the listing.
withdrawn-direct-bill-ended = Its direct-bill standing has ended, and only partners who buy from the vendor directly (direct bill) can be indirect providers.
provwd-to-provider = Your partnerships with resellers and your customers stay as they are. You cannot place new orders as an indirect provider until the program's staff list your organisation again.
provwd-to-reseller = Your partnership with { $provider } stays as it is, and so do your customers. { $provider } cannot place new orders for your customers until it is listed again.

## Partnerships both ways (issue 18)
end-lists = { $name } leaves your list of providers, and you leave its list of indirect resellers.
remove-courtesy = The portal's e-mail is a courtesy. It is not the formal termination notice that your agreement with { $name } may require: give that notice as your agreement says.
with-name = with { $name }
inv-provider = Indirect provider
inv-regions = Serves
inv-support = Support contact
inv-decline-heading = Not for you?
inv-decline-reason = Reason (optional)
inv-decline-hint = { $provider } reads this in the e-mail that tells it you declined.
inv-decline = Decline the invitation
draft-copy-button = Copy the message
draft-copy-link = Copy the link
draft-copied = Copied
directory-request = Request an invitation
directory-requested = Your request was e-mailed to the provider. It sends you an invitation if it agrees.
directory-already-partners = You already work with this provider: see your providers.
