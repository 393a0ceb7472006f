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
