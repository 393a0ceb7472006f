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
