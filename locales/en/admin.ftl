# The back office: staff sign-in, the queue, an application, direct bill, staff, settings, audit.
col-organisation = Organisation
col-name = Name
col-email = E-mail
col-role = Role
col-status = Status
admin-audit-any = Any
admin-apply-filters = Apply filters
admin-note-optional = Note (optional)

admin-signin-heading = Sign in to the back office
admin-signin-intro = For the program operator's staff. Partners sign in elsewhere:
admin-signin-partners = the partner sign-in page.
admin-forgot-link = Forgotten your password, or locked out?
admin-forgot-title = Reset your staff password
admin-forgot-intro = Enter the e-mail address you sign in to the back office with. If it belongs to an enabled staff account, we will send it a link to choose a new password. Choosing one also lifts any sign-in lock.
admin-reset-sent = If <strong>{ $email }</strong> belongs to an enabled staff account, we have sent it a link to choose a new password. The link works once and for 1 hour.
admin-reset-intro = At least 12 characters, hard to guess: a few unrelated words work well. Every session of your account ends, and you sign in again with the new password.
admin-ask-new-link = Ask for a new link
admin-must-change = You signed in with a generated or temporary password. Choose your own password before you continue.
admin-join-title = Join the back office
admin-invited-as = You have been invited as <strong>{ $role }</strong>. You will sign in with <strong>{ $email }</strong>.
admin-choose-password = Choose a password
admin-join = Join
admin-invitation-broken = This invitation does not work
admin-invitation-broken-why = It has already been used, was replaced by a newer one or revoked, or is more than 72 hours old. Ask an operator admin to send you a new invitation.

admin-queue-all = All
admin-queue-search = Search
admin-queue-search-hint = Legal name, work-account domain, partner ID or contact e-mail
admin-queue-program = Program
admin-queue-assigned = Assigned
admin-queue-anyone = Anyone
admin-queue-mine = Assigned to me
admin-queue-unassigned = Unassigned
admin-queue-empty = No applications match.
admin-queue-submitted = Submitted
admin-queue-age = Age
admin-queue-business-days = { $count ->
        [one] { $count } business day
       *[other] { $count } business days
    }
admin-queue-over-5 = Over 5 days
admin-queue-next = Next { $count } applications

admin-application = Application
admin-back-to-queue = Back to the queue
admin-submitted-on = Submitted { $date }
admin-request-info = Request more information
admin-approve-blocked = Approve becomes possible once every requirement check below has passed.
admin-assigned-to = Assigned to { $name }.
admin-not-assigned = Not assigned.
admin-assign-to = Assign to
admin-assign = Assign
admin-assign-me = Assign to me
admin-work-account = Work account
admin-domain = Domain
admin-billing-currency = Billing currency
admin-membership = Partner network membership
admin-check-partner-id = Check the partner ID before approving
admin-active = Active
admin-none-given = None given.
admin-address = Address
admin-telephone = Telephone
admin-registration-id = Registration ID
admin-not-given = Not given
admin-email-confirmed = E-mail confirmed
admin-yes-on = Yes, { $date }
admin-not-yet = Not yet
admin-website = Web site
admin-timeline = Timeline
admin-staff-only = staff only
admin-add-note-heading = Add an internal note
admin-note = Note
admin-note-hint = Only staff see notes. The applicant never does.
admin-add-note = Add note

admin-back-to-application = Back to the application
admin-it-is-now = It is now:
admin-primary-contact-is = primary contact { $email }
admin-approve-direct = The organisation becomes a direct-bill partner. Its reassessment falls due in one year, and a reminder e-mail is queued for 30 days before. The primary contact will be e-mailed.
admin-approve-reseller = The applicant's primary contact will be e-mailed, and the partner's global admin will be asked to accept the partner agreement.

admin-db-title = Direct-bill partners
admin-db-yearly = Direct-bill partners are reassessed every year.
admin-db-all = All active direct-bill partners, soonest reassessment first.
admin-db-show-due = Show only those due or overdue
admin-db-due = These are due within 30 days or overdue.
admin-db-show-all = Show all direct-bill partners
admin-db-none = There are no direct-bill partners.
admin-db-none-due = No reassessment is due in the next 30 days.
admin-db-due-col = Reassessment due
admin-db-overdue = Overdue
admin-db-due-soon = Due soon
admin-db-record = Record reassessment
admin-db-move = Move to indirect reseller
admin-db-back = Back to direct-bill partners
admin-db-eligibility = Direct bill: eligibility today
admin-db-declared = Declared revenue and evidence
admin-db-support-ops = Support, operations and managed services
admin-db-plan = { $plan } (not to be bought before the credit check passes)
admin-db-checks = Requirement checks
admin-db-checks-intro = Recorded in this order. Each is shown to the applicant and e-mailed to the primary contact.
admin-db-assessment-date = Assessment date
admin-db-assessor = Assessor
admin-db-outcome = Outcome
admin-db-not-confirmed = Not confirmed
admin-db-note-required = Note for the applicant (required when not passed)
admin-db-note-optional = Note for the applicant (optional)
admin-db-record-check = Record: { $check }
admin-db-waiting = Waiting for “{ $check }”.
admin-reassess-heading = Record the reassessment of { $organisation }
admin-reassess-intro = Its reassessment is due on { $due }. Record it here once the third party has confirmed billing, provisioning, customer support and security. The next one falls due a year after the assessment, and its reminder is queued for 30 days before. If the partner no longer meets the requirements, move it to indirect reseller instead:
admin-reassess-instead = Move to indirect reseller
admin-reassess-day = Day of the assessment
admin-reassess-day-hint = Like 2027-11-02
admin-reassess-assessor-hint = The third party that did the reassessment
admin-reassess-button = Record reassessment passed
admin-move-heading = Move { $organisation } to indirect reseller?
admin-move-intro = Use this when the partner no longer meets the direct-bill requirements. It stops buying directly and billing under direct bill, its reassessment reminder is cancelled, and its global admins are e-mailed with your reason. Customers, partner ID and agreement stay.
admin-move-reason = Requirement no longer met

admin-staff-disabled = Disabled
admin-staff-active = Active
admin-staff-locked = { $count ->
        [one] (sign-in locked from one place)
       *[other] (sign-in locked from { $count } places)
    }
admin-staff-enable = Enable
admin-staff-disable = Disable
admin-staff-clear-locks = Clear sign-in locks
admin-staff-invitee = Invitee
admin-staff-invite = Invite a staff member
admin-staff-email-hint = The invitation goes to this address and works for 72 hours.
admin-staff-send = Send invitation

admin-settings-title = Program settings
admin-intake = Direct-bill intake
admin-intake-open = Open: global admins of eligible partners can apply
admin-intake-closed = Closed: no direct-bill application can be started or submitted
admin-reopens-on = Reopens on (when closed)
admin-reopens-on-hint = Shown to applicants, for example 2027-03-01
admin-closed-message = Message to applicants while closed (optional)
admin-closed-message-hint = For example: enrol as an indirect reseller in the meantime.
admin-save-settings = Save settings

admin-audit-actor-email = Actor's e-mail
admin-audit-application = Application id
admin-audit-action = Action
admin-audit-empty = No entries match.
admin-audit-when = When
admin-audit-actor = Actor
admin-audit-target = Target
admin-audit-change = Change
admin-audit-from = From
admin-audit-older = Older entries

# The development mailbox.
mailbox-title = Development mailbox
mailbox-intro = Every e-mail the portal has queued, newest first. This page exists only while the portal runs with
mailbox-empty = No e-mail yet.
mailbox-subject = Subject
mailbox-queued = Queued
mailbox-back = Back to the mailbox
mailbox-last-error = last error: { $error }
mailbox-html = View the HTML version
admin-org-users = Users of the organisation
admin-staff-change-role = Change role
admin-staff-role-changed = The role has been changed.
mailbox-as-html = As the recipient sees it

# E-mail delivery (operator admins).
email-nav = E-mail delivery
email-title = E-mail delivery
email-intro = Messages the portal has not delivered yet. A failed attempt is tried again later, waiting longer each time; after the retry window the message is given up. Queue a given-up message again once its cause is fixed.
email-queued = Queued
email-retrying = Retrying
email-given-up = Given up
email-none = None.
email-newest = The newest { $count } are listed.
email-recipient = Recipient
email-subject = Subject
email-attempts = Attempts
email-next-try = Next try
email-last-error = Last error
email-queued-at = Queued
email-requeue = Queue again
email-requeued = The message is queued again.
email-not-given-up = Nothing to do: the message is not given up (it was delivered or queued again meanwhile).
