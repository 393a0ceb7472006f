# E-mails: the frame, and each message.
email-footer = This message was sent by the Partner Portal. Replies to it are not read.
email-hello = Hello { $name },
email-or-paste = Or paste this link into your browser: { $link }

confirm-subject = Confirm your e-mail address for Partner Portal
confirm-heading = Confirm your e-mail address
confirm-created = You created a work account for { $organisation } on the Partner Portal. Confirm that this is your e-mail address:
confirm-created-text = You created a work account for { $organisation } on the Partner Portal. Confirm that this is your e-mail address by opening this link:
confirm-button = Confirm my e-mail address
confirm-expiry = The link works once and for 24 hours. If it has expired, sign in and ask for a new one on your dashboard.
confirm-not-you = If you did not create this account, ignore this message.

verify-subject = Confirm your e-mail address for the partner application of { $organisation }
verify-mail-heading = Confirm your e-mail address
verify-mail-applied = { $applicant } has applied for { $organisation } to become an indirect reseller in the cloud partner program, and named you as the primary contact.
verify-mail-before = Before the application can be reviewed, please confirm that you know about it and that this e-mail address belongs to the company:
verify-mail-button = Review and confirm
verify-mail-expiry = The link works once and for 72 hours. If you know nothing about this application, open the link and choose "I do not confirm".

email-hello-all = Hello,

pinv-subject = { $provider } invites you to work with them as your indirect provider
pinv-heading = An invitation from { $provider }
pinv-would-like = { $provider } would like to be your indirect provider in the cloud partner program ({ $regions }).
pinv-could = As your indirect provider, { $provider } could place orders and add subscriptions for your customers, and would get admin access to your work account.
pinv-button = Review the invitation
pinv-open-link = To review and authorise this, open this personal link and sign in with your work account:
pinv-personal = The link is personal to { $provider }: keep it in this message. It works until { $until }.

pend-subject = The partnership between { $provider } and { $reseller } has ended
pend-heading = A partnership has ended
pend-ended = { $provider } has ended its partnership with { $reseller } as indirect provider.
pend-stays = Customers linked to { $reseller } stay linked, and admin permissions that were granted stay as they are. { $provider } no longer lists { $reseller } among its indirect resellers.

cmail-subject = { $reseller } asks you to authorise its cloud services partners
cmail-resells = { $reseller } resells cloud services to you through its indirect provider { $provider }. To order services for you, { $provider } needs your organisation to authorise the relationship with both of them.
cmail-button = See what you would authorise
cmail-open-link = Open this link to see what you would authorise:
cmail-until = The link works until { $until }.

open-dashboard = Open your dashboard

exists-subject = Someone tried to create an account with your address
exists-tried = Someone tried to create a new work account on the Partner Portal with this e-mail address. It already belongs to your account, so nothing was created.
exists-if-you = If it was you, sign in instead:
exists-sign-in = Sign in
exists-forgotten = If you have forgotten your password, set a new one:
exists-reset = Set a new password
exists-not-you = If it was not you, you need not do anything: your account has not changed.

reset-subject = Reset your Partner Portal password
reset-heading = Reset your password
reset-asked = Someone asked to reset the password of your Partner Portal account. To choose a new password, open this link:
reset-asked-html = Someone asked to reset the password of your Partner Portal account.
reset-button = Choose a new password
reset-expiry = The link works once and for 1 hour. If you did not ask for this, ignore this message: your password stays as it is.

changed-subject = Your Partner Portal password was changed
changed-heading = Your password was changed
changed-text = The password of your Partner Portal account was just changed, and every other signed-in session was ended.
changed-not-you = If this was not you, reset your password now and tell your organisation's administrator:
changed-reset = Reset your password

locked-subject = Your Partner Portal account has been locked
locked-heading = Your account has been locked
locked-text = There were 10 failed attempts to sign in to your Partner Portal account, so we have locked it until { $until }.
locked-yours = If these attempts were yours, wait until then, or reset your password now:
locked-reset = Reset your password
locked-not-yours = If they were not yours, someone may be guessing your password. Resetting it also ends the lock.

status-subject = Partner application of { $organisation }: { $state }
status-text = The partner application of { $organisation } has a new status: { $state }.
status-see = See the application and its full history:

declined-subject = Your primary contact did not confirm the partner application
declined-heading = Your primary contact did not confirm
declined-text = The primary contact you named ({ $email }) said they do not confirm the partner application, so it cannot be reviewed.
declined-check = Check with them. If the contact or the address was wrong, withdraw the application and enrol again with the right details:
declined-link = Open the application

staffinv-subject = You are invited to the Partner Portal back office
staffinv-heading = You are invited
staffinv-text = { $inviter } has invited you to the Partner Portal back office as { $role }.
staffinv-choose = To accept, choose your password here:
staffinv-button = Accept the invitation
staffinv-expiry = The link works once and for 72 hours. If you did not expect this, ignore this message.

reminder-subject = { $organisation }: your yearly direct-bill reassessment is due on { $due }
reminder-heading = Your yearly direct-bill reassessment is due on { $due }
reminder-text = The yearly direct-bill reassessment of { $organisation } is due on { $due }.
reminder-how = Direct-bill partners are reassessed every year: billing, provisioning, customer support and security, by a third party. The program's team will contact you to schedule it. Keep your evidence of revenue and your support plan at hand.

notice-subject = { $organisation }: { $headline }
notice-headline = { $headline }.

transitioned-subject = { $organisation }: your organisation is now an indirect reseller again
transitioned-heading = Your organisation is now an indirect reseller again.
transitioned-by = { $by } moved { $organisation } from direct bill back to indirect reseller. Reason: { $reason }
transitioned-by-staff = { $name } of the program's team
transitioned-what = You no longer buy from the vendor directly; buy through an indirect provider. Your customers, your partner ID and your partner agreement stay as they are. You can apply for direct bill again when you meet its requirements and intake is open.
cmail-direct = { $provider } sells cloud services to you directly. To order services for you and administer your subscriptions, { $provider } needs your organisation to authorise it.
cmail-subject-direct = { $provider } asks you to authorise it as your cloud services partner

## Partnerships both ways (issue 18)
pend-ended-by-reseller = { $reseller } has ended its partnership with { $provider }, its indirect provider.
custended-text-by-reseller = { $reseller }, your reseller, has ended its partnership with { $provider }, your indirect provider.
pstart-subject = { $reseller } has authorised { $provider } as its indirect provider
pstart-text = { $reseller } accepted the invitation of { $provider }: you are now its indirect provider, with delegated admin access to its work account. It is on your list of indirect resellers.
pstart-see = See your resellers
idecl-subject = { $reseller } declined your partnership invitation
idecl-text = { $reseller } has declined the invitation of { $provider } to become its indirect reseller. The invitation link no longer works.
idecl-reason = Their reason:
idecl-next = You can send a new invitation from your resellers page if they change their mind.
ireq-subject = { $reseller } asks you for a partnership invitation
ireq-text = { $reseller } found { $provider } in the provider directory and would like to work with you as its indirect provider. If you agree, send it an invitation from your resellers page.
ireq-organisation = Organisation
ireq-person = Who asks
ireq-next = Invite it from your resellers page
status-who-accepts = Before { $organisation } can work in the program, one of its global admins must sign in and accept the partner agreement: { $names }.
