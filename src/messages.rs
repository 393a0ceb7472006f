//! User-facing messages produced by code (the rest lives in templates).
//! Kept in one place so that translating the portal is mechanical.

/// Organisation name missing.
pub const ORG_NAME_REQUIRED: &str = "Enter your organisation's name";
/// Organisation name too long.
pub const ORG_NAME_TOO_LONG: &str = "Organisation name must be 200 characters or fewer";
/// Domain prefix missing.
pub const DOMAIN_PREFIX_REQUIRED: &str = "Enter a domain name for your work account";
/// Domain prefix of the wrong length.
pub const DOMAIN_PREFIX_LENGTH: &str = "Domain name must be between 3 and 40 characters";
/// Domain prefix with other characters.
pub const DOMAIN_PREFIX_CHARS: &str = "Domain name can only contain lowercase letters, numbers and hyphens, and cannot start or end with a hyphen";
/// Domain prefix in use.
pub const DOMAIN_PREFIX_TAKEN: &str = "That domain name is already taken: choose another";
/// No country chosen.
pub const COUNTRY_REQUIRED: &str = "Select the country your organisation is based in";
/// Country not in the markets table.
pub const COUNTRY_UNKNOWN: &str = "Select a country from the list";
/// Name missing.
pub const FULL_NAME_REQUIRED: &str = "Enter your full name";
/// Name too long.
pub const FULL_NAME_TOO_LONG: &str = "Full name must be 200 characters or fewer";
/// E-mail missing.
pub const EMAIL_REQUIRED: &str = "Enter your e-mail address";
/// The support e-mail address is missing.
pub const SUPPORT_EMAIL_REQUIRED: &str = "Enter the support e-mail address";
/// E-mail malformed.
pub const EMAIL_INVALID: &str =
    "Enter an e-mail address in the correct format, like name@example.com";
/// Password missing.
pub const PASSWORD_REQUIRED: &str = "Enter a password";
/// Password too short.
pub const PASSWORD_TOO_SHORT: &str = "Password must be at least 12 characters";
/// Password absurdly long.
pub const PASSWORD_TOO_LONG: &str = "Password must be 256 characters or fewer";
/// Password too guessable.
pub const PASSWORD_TOO_WEAK: &str =
    "Password is too easy to guess: use a longer phrase of unrelated words";
/// Current password missing on the change form.
pub const CURRENT_PASSWORD_REQUIRED: &str = "Enter your current password";
/// Current password wrong on the change form.
pub const CURRENT_PASSWORD_WRONG: &str = "Your current password is not correct";
/// New password equals the old one.
pub const PASSWORD_UNCHANGED: &str = "Your new password must be different from your current one";
/// Sign-in failed; never says which part was wrong or whether the account exists.
pub const SIGN_IN_FAILED: &str = "The e-mail address or password is not correct. After 10 failed attempts an account is locked for 15 minutes.";
/// The queue's search field, when the term is too short to look up.
pub const SEARCH_TOO_SHORT: &str = "Enter at least 3 characters to search";

/// Error page titles.
pub const PAGE_NOT_FOUND: &str = "Page not found";
pub const TOO_MANY_REQUESTS: &str = "Too many requests";
pub const SERVICE_UNAVAILABLE: &str = "Service unavailable";
/// The fixed page a connection over the server's cap gets (written before any router runs).
pub const PORTAL_TOO_BUSY: &str = "The portal is too busy. Try again in a moment.";

/// Too many requests from one address.
pub const RATE_LIMITED: &str =
    "Too many attempts from your network. Wait a few minutes and try again.";
/// Consent to a legal statement not given.
pub const CONFIRMATION_REQUIRED: &str = "Tick the box to confirm";

/// Flash: signed in.
pub const FLASH_SIGNED_IN: &str = "You are signed in.";
/// Flash: signed out.
pub const FLASH_SIGNED_OUT: &str = "You have been signed out.";
/// Flash: e-mail confirmed (signed in).
pub const FLASH_EMAIL_CONFIRMED: &str = "Your e-mail address is confirmed.";
/// Flash: e-mail confirmed, sign in next.
pub const FLASH_EMAIL_CONFIRMED_SIGN_IN: &str =
    "Your e-mail address is confirmed. Sign in with the password you chose.";
/// Flash: a new confirmation link is on its way.
pub const FLASH_CONFIRMATION_SENT: &str =
    "We have sent a new confirmation link. Links sent before it no longer work.";
/// Flash: already confirmed.
pub const FLASH_ALREADY_CONFIRMED: &str = "Your e-mail address is already confirmed.";
/// Flash: too many confirmation e-mails.
pub const FLASH_CONFIRMATION_RATE_LIMITED: &str =
    "You have asked for several links already. Wait an hour before asking for another.";
/// Flash: password changed.
pub const FLASH_PASSWORD_CHANGED: &str =
    "Your password has been changed. You have been signed out everywhere else.";
/// Flash: password reset.
pub const FLASH_PASSWORD_RESET: &str =
    "Your password has been reset. Sign in with your new password.";
/// Flash: the session ended.
pub const FLASH_SESSION_ENDED: &str = "Your session has ended. Sign in again to continue.";

/// Enrolling needs the user's own e-mail address confirmed first.
pub const ENROLL_EMAIL_UNCONFIRMED: &str =
    "Confirm your e-mail address before you enroll: open the link we sent you, or send a new one";

/// The contact's answer was neither a confirmation nor a refusal.
pub const CONTACT_ANSWER_REQUIRED: &str =
    "Choose Confirm, after ticking both statements, or I do not confirm";

/// The one answer to a partner ID the tenant may not use (unknown, inactive, another
/// country's, or another organisation's): it names nobody else.
pub fn partner_id_unusable(own_country: &str) -> String {
    format!(
        "We cannot use this partner ID for your organisation. Enter your organisation's own active partner ID for {own_country}, or join the partner network below"
    )
}

/// Approval refused: the partner ID belongs to another organisation.
pub const PARTNER_ID_HELD_ELSEWHERE: &str = "This partner ID belongs to another organisation, so the application cannot be approved with it. Ask the applicant for their own partner ID (request information)";

/// A reviewer rejects without a reason.
pub const REJECT_REASON_REQUIRED: &str =
    "Enter the reason for rejecting: the applicant will see it";
/// The rejection reason is too long.
pub const REJECT_REASON_TOO_LONG: &str = "The reason must be 2,000 characters or fewer";
/// A reviewer asks for information without saying what.
pub const INFO_REQUEST_REQUIRED: &str = "Enter what the applicant must tell you";
/// The information request is too long.
pub const INFO_REQUEST_TOO_LONG: &str = "The message must be 2,000 characters or fewer";
/// An empty internal note.
pub const NOTE_REQUIRED: &str = "Enter the note";
/// An internal note that is too long.
pub const NOTE_TOO_LONG: &str = "The note must be 5,000 characters or fewer";

/// The timeline line when an application is assigned.
pub fn assigned_to(name: &str) -> String {
    format!("Assigned to {name}")
}

/// Approval refused while direct-bill requirement checks are open.
pub fn direct_bill_checks_open(missing: &[&str]) -> String {
    format!(
        "A direct-bill application can be approved only after every requirement check has passed. Still open: {}.",
        missing.join(", ")
    )
}

/// A reviewer's decision was recorded.
pub fn decision_made(state_label: &str) -> String {
    format!(
        "Done: the application is now “{state_label}”. The applicant's primary contact has been e-mailed."
    )
}

/// Two reviewers at once: `still_in_review` when the application merely changed, otherwise
/// the other reviewer decided first.
pub fn decision_conflict(still_in_review: bool) -> &'static str {
    if still_in_review {
        DECISION_CONFLICT_CHANGED
    } else {
        DECISION_CONFLICT_DECIDED
    }
}

/// Two reviewers at once: the application changed while the reviewer looked at it.
pub const DECISION_CONFLICT_CHANGED: &str = "Someone changed this application while you were looking at it. Nothing was done: check the latest details below, then decide again.";

/// Two reviewers at once: the other one decided first.
pub const DECISION_CONFLICT_DECIDED: &str = "Someone else has already acted on this application. Nothing was done: see its current state below.";

/// The staff invitation form without a role.
pub const STAFF_ROLE_REQUIRED: &str = "Select a role";

/// The staff invitation goes to an existing staff member's address.
pub const STAFF_EMAIL_TAKEN: &str = "This address already belongs to a staff member";

/// A reseller wizard step's name, for the timeline when answers change.
pub fn enrollment_step_title(step: &str) -> &'static str {
    match step {
        "partner-id" => "Partner ID",
        "legal-profile" => "Legal details",
        "primary-contact" => "Primary contact",
        "support" => "Customer support details",
        _ => "Answers",
    }
}

/// The flash after joining the partner network.
pub fn joined_network(partner_id: &str) -> String {
    format!(
        "You have joined the partner network. Your new partner ID is {partner_id}. Keep it: you will need it to work with providers."
    )
}

/// A direct-bill wizard step's name, for the timeline when answers change.
pub fn direct_bill_step_title(step: &str) -> &'static str {
    match step {
        "revenue" => "Revenue",
        "support" => "Support",
        "operations" => "Operations",
        "services" => "Managed services",
        _ => "Answers",
    }
}

/// What happens next once an application is Draft.
pub const NEXT_STEPS_DRAFT: &str = "Finish the enrollment wizard and choose Enroll now.";

/// What happens next once an application is AwaitingContactVerification.
pub const NEXT_STEPS_AWAITING_CONTACT_VERIFICATION: &str =
    "The primary contact has an e-mail with a link to confirm. Review starts once they confirm.";

/// What happens next once an application is InReview.
pub const NEXT_STEPS_IN_REVIEW: &str = "The program's team is reviewing the application. This can take several days; we will e-mail the primary contact when it changes.";

/// What happens next once an application is InfoRequested.
pub const NEXT_STEPS_INFO_REQUESTED: &str =
    "Answer the team's question on the application's status page and resubmit.";

/// What happens next once an application is Approved.
pub const NEXT_STEPS_APPROVED: &str = "The account is ready. A global admin must accept the partner agreement before the partner can transact.";

/// What happens next once an application is Rejected.
pub const NEXT_STEPS_REJECTED: &str =
    "The application was not approved. The reason is on the status page.";

/// What happens next once an application is Withdrawn.
pub const NEXT_STEPS_WITHDRAWN: &str =
    "The application was withdrawn. You can enroll again at any time.";

/// An application's state in plain words, for applicants.
pub const PLAIN_AWAITING_CONTACT: &str =
    "Waiting for your primary contact to confirm their e-mail address";

/// An application's state in plain words, for applicants.
pub const PLAIN_IN_REVIEW: &str = "Your application is being reviewed";

/// An application's state in plain words, for applicants.
pub const PLAIN_INFO_REQUESTED: &str = "We need more information from you";

/// Formats a time for people: "22 Nov 2026, 05:33 UTC".
pub fn when(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let format = time::macros::format_description!(
        "[day padding:none] [month repr:short] [year], [hour]:[minute] UTC"
    );
    t.format(&format).unwrap_or_else(|_| t.to_string())
}

// Pages, flows and e-mails: sentences moved here from the code that shows them.

// src/web/admin/direct_bill.rs

/// Shown by `src/web/admin/direct_bill.rs`.
pub const ENTER_WHICH_REQUIREMENT_PARTNER: &str =
    "Enter which requirement the partner no longer meets: the partner will see this";

/// Shown by `src/web/admin/direct_bill.rs`.
pub const REASON_MUST_1_000: &str = "The reason must be 1,000 characters or fewer";

/// Shown by `src/web/admin/direct_bill.rs`.
pub const PARTNER_WAS_ALREADY_MOVED: &str = "That partner was already moved.";

// src/web/admin/providers.rs

/// Shown by `src/web/admin/providers.rs`.
pub const LISTING_WITHDRAWN: &str = "The listing has been withdrawn.";

// src/web/admin/review.rs

/// Shown by `src/web/admin/review.rs`.
pub const PARTNER_ID_BELONGS_ANOTHER: &str = "This partner ID belongs to another organisation. It cannot be approved with it: ask the applicant for their own partner ID.";

/// Shown by `src/web/admin/review.rs`.
pub const MEMBERSHIP_S_ORGANISATION_NAME: &str = "The membership's organisation name does not match the legal name given. Check that this partner ID is the applicant's own before approving.";

/// Shown by `src/web/admin/review.rs`.
pub const ANOTHER_ORGANISATION_APPLIED_WITH: &str =
    "Another organisation has applied with this partner ID too.";

/// Shown by `src/web/admin/review.rs`.
pub const MEMBERSHIP_NOT_ACTIVE: &str = "This membership is not active.";

/// Shown by `src/web/admin/review.rs`.
pub const APPLICANT_SEES_THEIR_STATUS: &str =
    "The applicant sees this on their status page and in the e-mail we send them.";

/// The approval confirmation page's heading and button (`src/web/admin/review.rs`).
pub const APPROVE_HEADING: &str = "Approve this application?";
pub const APPROVE_BUTTON: &str = "Approve application";

/// The rejection confirmation page's heading, button and reason field.
pub const REJECT_HEADING: &str = "Reject this application?";
pub const REJECT_BUTTON: &str = "Reject application";
pub const REJECT_REASON_LABEL: &str = "Reason for rejecting";

/// The information request's button.
pub const SEND_REQUEST_BUTTON: &str = "Send request";

/// Back-office confirmations after a save.
pub const NOTE_ADDED: &str = "Note added.";
pub const ASSIGNMENT_SAVED: &str = "Assignment saved.";
pub const SETTINGS_SAVED: &str = "Settings saved.";
pub const INVITATION_REVOKED: &str = "Invitation revoked.";

/// Shown by `src/web/admin/review.rs`.
pub const ASK_APPLICANT_MORE_INFORMATION: &str = "Ask the applicant for more information";

/// Shown by `src/web/admin/review.rs`.
pub const WHAT_APPLICANT_MUST_TELL: &str = "What the applicant must tell you";

/// Shown by `src/web/admin/review.rs`.
pub const APPLICANT_SEES_THEIR_STATUS_2: &str = "The applicant sees this on their status page and in the e-mail we send them, and can answer and resubmit.";

/// Shown by `src/web/admin/review.rs`.
pub const SOMEONE_CHANGED_APPLICATION_WHILE: &str = "Someone changed this application while you were looking at it, or it is not in review. Nothing was recorded: check it below and try again.";

// src/web/admin/staff.rs

/// Shown by `src/web/admin/staff.rs`.
pub const INVITATION_SENT_AGAIN_WITH: &str =
    "Invitation sent again with a new link; the old link no longer works.";

/// Shown by `src/web/admin/staff.rs`.
pub const STAFF_MEMBER_DISABLED_THEIR: &str = "Staff member disabled; their sessions have ended.";

/// Shown by `src/web/admin/staff.rs`.
pub const STAFF_MEMBER_ENABLED_AGAIN: &str = "Staff member enabled again.";

/// Shown by `src/web/admin/staff.rs`.
pub const WELCOME_BACK_OFFICE: &str = "Welcome to the back office.";

// src/web/agreement.rs

/// Shown by `src/web/agreement.rs`.
pub const AGREEMENT_CHANGED_SINCE_OPENED: &str =
    "The agreement has changed since you opened this page: read the new version and accept it";

/// Shown by `src/web/agreement.rs`.
pub const ACCEPTED_PARTNER_AGREEMENT_ORGANISATION: &str = "You have accepted the partner agreement. Your organisation is now an active indirect reseller.";

/// Shown by `src/web/agreement.rs`.
pub const VERSION_AGREEMENT_WAS_ALREADY: &str =
    "This version of the agreement was already accepted.";

/// Shown by `src/web/agreement.rs`.
pub const AGREEMENT_CAN_ACCEPTED_ONCE: &str =
    "The agreement can be accepted once your enrollment is approved.";

// src/web/applications.rs

/// Shown by `src/web/applications.rs`.
pub const NOT_CONFIRMED_CONTACT_DECLINED: &str = "Not confirmed: the contact declined";

/// Shown by `src/web/applications.rs`.
pub const WAITING_CONTACT_CONFIRM: &str = "Waiting for the contact to confirm";

/// Shown by `src/web/applications.rs`.
pub const WAITING_ANSWER: &str = "Waiting for your answer";

/// Shown by `src/web/applications.rs`.
pub const SENT_PRIMARY_CONTACT_NEW: &str =
    "We have sent your primary contact a new link. Links sent before it no longer work.";

/// Shown by `src/web/applications.rs`.
pub const SEVERAL_LINKS_SENT_ALREADY: &str =
    "Several links have been sent already. Wait an hour before sending another.";

/// Shown by `src/web/applications.rs`.
pub const PRIMARY_CONTACT_ALREADY_ANSWERED: &str =
    "The primary contact has already answered; there is nothing to resend.";

/// Shown by `src/web/applications.rs`.
pub const APPLICATION_WITHDRAWN_CAN_ENROLL: &str =
    "Your application has been withdrawn. You can enroll again at any time.";

/// Shown by `src/web/applications.rs`.
pub const APPLICATION_CAN_NO_LONGER: &str = "This application can no longer be withdrawn.";

/// Shown by `src/web/applications.rs`.
pub const THANK_ANSWER_SENT_APPLICATION: &str =
    "Thank you. Your answer has been sent and your application is back in review.";

/// Shown by `src/web/applications.rs`.
pub const APPLICATION_NOT_WAITING_ANSWER: &str = "This application is not waiting for an answer.";

// src/web/direct.rs

/// Shown by `src/web/direct.rs`.
pub const ORGANISATION_DOES_NOT_MEET: &str =
    "Your organisation does not meet every requirement yet; the list below says which and when.";

/// Shown by `src/web/direct.rs`.
pub const ORGANISATION_ALREADY_DIRECT_BILL: &str =
    "Your organisation is already a direct-bill partner.";

/// Shown by `src/web/direct.rs`.
pub const FILE_REMOVED: &str = "The file is removed.";

/// Shown by `src/web/direct.rs`.
pub const FILE_WAS_ALREADY_REMOVED: &str = "That file was already removed.";

/// Shown by `src/web/direct.rs`.
pub const HOW_INVOICE_CUSTOMERS_COLLECT: &str = "How you invoice customers and collect payment";

/// Shown by `src/web/direct.rs`.
pub const HOW_SET_UP_CHANGE: &str = "How you set up and change customers' services";

/// Shown by `src/web/direct.rs`.
pub const HOW_CUSTOMERS_REACH_HOW: &str =
    "How customers reach you and how you resolve their problems";

/// Shown by `src/web/direct.rs`.
pub const HOW_PROTECT_CUSTOMERS_DATA: &str = "How you protect customers' data and accounts";

/// Shown by `src/web/direct.rs`.
pub const DIRECT_BILL_APPLICATION_SUBMITTED: &str = "Your direct-bill application is submitted and in review. Do not buy the support plan until we e-mail you that the credit check has passed.";

/// Shown by `src/web/direct.rs`.
pub const SOME_ANSWERS_MISSING_COMPLETE: &str =
    "Some answers are missing. Complete this step, then submit.";

/// Shown by `src/web/direct.rs`.
pub const CONFIRM_MAY_ACCEPT_LEGAL: &str =
    "Confirm that you may accept legal agreements for your organisation";

/// Shown by `src/web/direct.rs`.
pub const ASKED_PARTNER: &str = "Asked for by the partner.";

/// Shown by `src/web/direct.rs`.
pub const ORGANISATION_INDIRECT_RESELLER_AGAIN: &str =
    "Your organisation is an indirect reseller again. We have e-mailed your global admins.";

/// Shown by `src/web/direct.rs`.
pub const ORGANISATION_NOT_DIRECT_BILL: &str = "Your organisation is not a direct-bill partner.";

// src/web/enroll.rs

/// Shown by `src/web/enroll.rs`.
pub const APPLICATION_SUBMITTED_E_MAILED: &str = "Your application has been submitted. We have e-mailed your primary contact a link to confirm their address; review starts once they do.";

/// Shown by `src/web/enroll.rs`.
pub const TICK_BOX_CONFIRM_ANSWERS: &str =
    "Tick the box to confirm your answers are correct and that you may enroll your organisation";

// src/web/middleware.rs

/// Shown by `src/web/middleware.rs`.
pub const FORM_WAS_SENT_FROM: &str =
    "This form was sent from another site or has expired. Go back, reload the page and try again.";

/// Shown by `src/web/middleware.rs`.
pub const IF_TYPED_WEB_ADDRESS: &str = "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.";

/// Shown by `src/web/middleware.rs`.
pub const CANNOT_DO: &str = "You cannot do that";

/// Shown by `src/web/middleware.rs`.
pub const ACCOUNT_DOES_NOT_ALLOW: &str = "Your account does not allow this. If you think it should, ask your organisation's global admin.";

/// Shown by `src/web/middleware.rs`.
pub const ADDRESS_DOES_NOT_ACCEPT: &str = "This address does not accept that kind of request.";

/// Shown by `src/web/middleware.rs`.
pub const WHAT_SENT_TOO_LARGE: &str = "What you sent is too large";

/// Shown by `src/web/middleware.rs`.
pub const GO_BACK_SEND_LESS: &str = "Go back and send less, or smaller files.";

/// Shown by `src/web/middleware.rs`.
pub const TOOK_TOO_LONG: &str = "That took too long";

/// Shown by `src/web/middleware.rs`.
pub const REQUEST_TOOK_TOO_LONG: &str =
    "The request took too long to finish. Try again in a moment.";

/// Shown by `src/web/middleware.rs`.
pub const WAIT_FEW_MINUTES_TRY: &str = "Wait a few minutes and try again.";

/// Shown by `src/web/middleware.rs`.
pub const PORTAL_CANNOT_SERVE_REQUEST: &str =
    "The portal cannot serve this request at the moment. Try again in a few minutes.";

/// Shown by `src/web/middleware.rs`.
pub const PROBLEM_OUR_SIDE_LOGGED: &str = "The problem is on our side and has been logged. Try again later; if it keeps happening, contact support with the reference below.";

/// Shown by `src/web/middleware.rs`.
pub const REQUEST_COULD_NOT_HANDLED: &str = "That request could not be handled";

/// Shown by `src/web/middleware.rs`.
pub const GO_BACK_CHECK_WHAT: &str = "Go back and check what you sent, then try again.";

// src/web/partners.rs

/// Shown by `src/web/partners.rs`.
pub const INVITATION_REVOKED_LINK_NO: &str = "Invitation revoked: its link no longer works.";

/// Shown by `src/web/partners.rs`.
pub const TICK_BOX_CONFIRM_WHY: &str =
    "Tick the box to confirm why you are ending this partnership";

/// Shown by `src/web/partners.rs`.
pub const TICK_BOX_CONFIRM_WHAT: &str =
    "Tick the box to confirm what authorising this provider allows";

/// Shown by `src/web/partners.rs`.
pub const INVITATION_ALREADY_USED: &str = "This invitation has already been used.";

/// Shown by `src/web/partners.rs`.
pub const INVITATION_EXPIRED_ASK_RESELLER: &str =
    "This invitation has expired. Ask your reseller for a new one.";

// src/web/view.rs

/// Shown by `src/web/view.rs`.
pub const APPLICATION_SUBMITTED_REVIEW_STARTED: &str = "Application submitted; review started";

/// Shown by `src/web/view.rs`.
pub const APPLICATION_SUBMITTED_VERIFICATION_E: &str =
    "Application submitted; verification e-mail sent to the primary contact";

/// Shown by `src/web/view.rs`.
pub const PRIMARY_CONTACT_CONFIRMED_APPLICATION: &str =
    "Primary contact confirmed the application; review started";

/// Shown by `src/web/view.rs`.
pub const APPLICATION_RESUBMITTED_REVIEW: &str = "Application resubmitted for review";

/// Shown by `src/web/view.rs`.
pub const PRIMARY_CONTACT_DID_NOT: &str = "Primary contact did not confirm the application";

/// Shown by `src/web/view.rs`.
pub const VERIFICATION_E_MAIL_SENT: &str =
    "Verification e-mail sent again; earlier links no longer work";

/// Shown by `src/web/view.rs`.
pub const APPLICANT_ANSWERED_TEAM_S: &str = "Applicant answered the team's question";

/// Shown by `src/web/view.rs`.
pub const COMPUTED_FROM_APPROVAL_DATE: &str =
    "Computed from your approval date; waiting for the team to confirm";

/// Shown by `src/web/view.rs`.
pub const AFTER_REVENUE_TENURE_CONFIRMED: &str = "After revenue and tenure are confirmed";

/// Shown by `src/web/view.rs`.
pub const THIRD_PARTY_ASSESSMENT_SCHEDULED: &str =
    "A third-party assessment is scheduled after the credit check";

/// Shown by `src/web/view.rs`.
pub const NOT_ACTIVE_NOT_COUNTRY: &str = "Not active or not in your country";

/// Shown by `src/web/view.rs`.
pub const TENURE_12_MONTHS: &str = "Tenure of 12 months";

/// Shown by `src/web/view.rs`.
pub const REVENUE_USD_300_000: &str = "Revenue of USD 300,000";

/// Shown by `src/web/view.rs`.
pub const AUTHORITY_ACCEPT_AGREEMENTS: &str = "Authority to accept agreements";

/// Shown by `src/web/view.rs`.
pub const CONFIRMED_APPLICANT_SUBMISSION: &str = "Confirmed by the applicant at submission";

/// Shown by `src/web/view.rs`.
pub const CONFIRM_LAST_STEP: &str = "Confirm on the last step";

/// Shown by `src/web/view.rs`.
pub const NOT_CONFIRMED_ASSESSMENT: &str = "Not confirmed by the assessment";

// Pages, flows and e-mails: sentences moved here from the code that shows them.

// src/flows/enrollment.rs

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_FIRST_LINE_ADDRESS: &str = "Enter the first line of the address";

/// Shown by `src/flows/enrollment.rs`.
pub const ADDRESS_LINE_1_MUST: &str = "Address line 1 must be 200 characters or fewer";

/// Shown by `src/flows/enrollment.rs`.
pub const ADDRESS_LINE_2_MUST: &str = "Address line 2 must be 200 characters or fewer";

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_TOWN_CITY: &str = "Enter the town or city";

/// Shown by `src/flows/enrollment.rs`.
pub const TOWN_CITY_MUST_100: &str = "Town or city must be 100 characters or fewer";

/// Shown by `src/flows/enrollment.rs`.
pub const STATE_PROVINCE_MUST_100: &str = "State or province must be 100 characters or fewer";

/// Shown by `src/flows/enrollment.rs`.
pub const POSTAL_CODE_MUST_20: &str = "Postal code must be 20 characters or fewer";

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_COMPANY_S_TELEPHONE: &str = "Enter the company's telephone number";

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_PRIMARY_CONTACT_S: &str = "Enter the primary contact's first name";

/// Shown by `src/flows/enrollment.rs`.
pub const FIRST_NAME_MUST_100: &str = "First name must be 100 characters or fewer";

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_PRIMARY_CONTACT_S_2: &str = "Enter the primary contact's last name";

/// Shown by `src/flows/enrollment.rs`.
pub const LAST_NAME_MUST_100: &str = "Last name must be 100 characters or fewer";

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_PRIMARY_CONTACT_S_3: &str = "Enter the primary contact's telephone number";

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_SUPPORT_TELEPHONE_NUMBER: &str = "Enter the support telephone number";

/// Shown by `src/flows/enrollment.rs`.
pub const PRIMARY_CONTACT_DID_NOT_2: &str = "The primary contact did not confirm the application.";

// src/flows/partnerships.rs

/// Shown by `src/flows/partnerships.rs`.
pub const INVITATION_EXPIRED_ASK_PROVIDER: &str =
    "This invitation has expired. Ask the provider to send you a new one.";

/// Shown by `src/flows/partnerships.rs`.
pub const PROVIDER_WITHDRAWN_INVITATION: &str = "The provider has withdrawn this invitation.";

/// Shown by `src/flows/partnerships.rs`.
pub const ORGANISATION_MUST_APPROVED_INDIRECT: &str = "Your organisation must be an approved indirect reseller before a provider can work with it. Enroll first, then open this link again.";

/// Shown by `src/flows/partnerships.rs`.
pub const ORGANISATION_S_GLOBAL_ADMIN: &str = "Your organisation's global admin must accept the partner agreement before you can authorise a provider.";

/// Shown by `src/flows/partnerships.rs`.
pub const PROVIDER_DOES_NOT_SERVE: &str =
    "This provider does not serve your program region, so it cannot be your indirect provider.";

/// Shown by `src/flows/partnerships.rs`.
pub const PROVIDER_ALREADY_INDIRECT_PROVIDER: &str =
    "This provider is already your indirect provider.";

/// Shown by `src/flows/partnerships.rs`.
pub const INVITATION_COMES_FROM_OWN: &str =
    "This invitation comes from your own organisation: a provider cannot be its own reseller.";

/// Shown by `src/flows/partnerships.rs`.
pub const ONLY_ORGANISATION_S_GLOBAL: &str =
    "Only your organisation's global admin can authorise an indirect provider.";

/// Shown by `src/flows/partnerships.rs`.
pub const I_CONFIRM_ENDING_PARTNERSHIP: &str = "I confirm that ending this partnership is decided in good faith, for a legitimate business purpose, and in line with our agreement with the reseller.";

// src/flows/providers.rs

/// Shown by `src/flows/providers.rs`.
pub const ENTER_PARTNER_S_WORK: &str = "Enter the partner's work-account domain";

/// Shown by `src/flows/providers.rs`.
pub const NO_WORK_ACCOUNT_DOMAIN: &str = "No work account has this domain";

/// Shown by `src/flows/providers.rs`.
pub const SELECT_LEAST_ONE_PROGRAM: &str = "Select at least one program region";

// src/flows/direct_bill/checks.rs

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const NOTE_MUST_2_000: &str = "The note must be 2,000 characters or fewer";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const ASSESSMENT_DATE_CANNOT_PAST: &str = "The assessment date cannot be in the past";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const ENTER_ASSESSMENT_DATE_DATE: &str = "Enter the assessment date as a date, like 2027-01-15";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const ENTER_ASSESSOR_THIRD_PARTY: &str =
    "Enter the assessor (the third party doing the assessment)";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const ASSESSOR_S_NAME_MUST: &str = "The assessor's name must be 200 characters or fewer";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const CHOOSE_OUTCOME_PASSED_NOT: &str = "Choose the outcome: passed or not passed";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const SAY_WHY_DID_NOT: &str = "Say why it did not pass: the applicant will see this note";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const REVENUE_TENURE_CONFIRMED: &str = "Revenue and tenure confirmed";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const PROGRAM_S_TEAM_CONFIRMED: &str = "The program's team has confirmed your revenue and your 12 months as an indirect reseller. The credit check comes next.";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const REVENUE_TENURE_NOT_CONFIRMED: &str = "Revenue and tenure not confirmed";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const PROGRAM_S_TEAM_COULD: &str =
    "The program's team could not confirm your revenue or tenure from the evidence.";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const CREDIT_CHECK_PASSED_MAY: &str = "Your credit check has passed. You may now buy the vendor support plan (advanced or premier) that you named in your application. The capability assessment will be scheduled next.";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const CREDIT_CHECK_NOT_PASSED: &str = "Credit check not passed";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const CREDIT_CHECK_DID_NOT: &str =
    "Your credit check did not pass. Do not buy the vendor support plan.";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const THIRD_PARTY_ASSESSMENT_CONFIRMED: &str = "The third-party assessment has confirmed your capabilities. The program's team will now decide on your application.";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const CAPABILITY_ASSESSMENT_NOT_PASSED: &str = "Capability assessment not passed";

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const THIRD_PARTY_ASSESSMENT_DID: &str =
    "The third-party assessment did not confirm your capabilities.";

// src/flows/direct_bill/partner.rs

/// Shown by `src/flows/direct_bill/partner.rs`.
pub const ASSESSMENT_DATE_CANNOT_FUTURE: &str = "The assessment date cannot be in the future";

/// Shown by `src/flows/direct_bill/partner.rs`.
pub const ENTER_DAY_ASSESSMENT_LIKE: &str = "Enter the day of the assessment, like 2027-11-02";

/// Shown by `src/flows/direct_bill/partner.rs`.
pub const ENTER_ASSESSOR_THIRD_PARTY_2: &str =
    "Enter the assessor (the third party that did the reassessment)";

/// Shown by `src/flows/direct_bill/partner.rs`.
pub const YEARLY_REASSESSMENT_PASSED: &str = "Your yearly reassessment has passed";

// src/flows/direct_bill/mod.rs

/// Shown by `src/flows/direct_bill/mod.rs`.
pub const SEE_DIRECT_BILL_APPLICATION: &str = "See your direct-bill application";

// src/flows/direct_bill/wizard.rs

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const UPLOAD_LEAST_ONE_DOCUMENT: &str = "Upload at least one document that shows this revenue, such as an invoice summary or a statement from your provider";

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const SAY_WHETHER_CAN_GIVE: &str = "Say whether you can give your customers first-line support";

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const CHOOSE_VENDOR_SUPPORT_PLAN: &str =
    "Choose the vendor support plan you will hold: advanced or premier";

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const CONFIRM_INFRASTRUCTURE_BILL_PROVISION: &str = "Confirm that you have the infrastructure to bill and provision customers and to collect what they owe";

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const KEEP_DESCRIPTION_1_000: &str = "Keep the description to 1,000 characters or fewer";

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const ADD_LEAST_ONE_MANAGED: &str =
    "Add at least one managed service, IP service or customer solution";

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const CHOOSE_FILE_UPLOAD: &str = "Choose a file to upload";

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const FILE_MUST_10_MB: &str = "The file must be 10 MB or smaller";

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const FILE_MUST_PDF_PNG: &str =
    "The file must be a PDF, PNG or JPEG (we check the file itself, not its name)";

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const CAN_UPLOAD_UP_5: &str = "You can upload up to 5 files. Remove one before adding another";

// src/flows/lifecycle.rs

/// Shown by `src/flows/lifecycle.rs`.
pub const ENTER_ANSWER_TEAM_S: &str = "Enter your answer to the team's question";

/// Shown by `src/flows/lifecycle.rs`.
pub const ANSWER_MUST_5_000: &str = "Your answer must be 5,000 characters or fewer";

// src/flows/settings.rs

/// Shown by `src/flows/settings.rs`.
pub const SELECT_WHETHER_DIRECT_BILL: &str = "Select whether direct-bill intake is open or closed";

/// Shown by `src/flows/settings.rs`.
pub const ENTER_DATE_INTAKE_REOPENS: &str =
    "Enter the date intake reopens, so applicants know when to come back";

/// Shown by `src/flows/settings.rs`.
pub const REOPENING_DATE_MUST_TODAY: &str = "The reopening date must be today or later";

/// Shown by `src/flows/settings.rs`.
pub const ENTER_REAL_DATE_LIKE: &str = "Enter a real date, like 2027-03-01";

/// Shown by `src/flows/settings.rs`.
pub const MESSAGE_MUST_1_000: &str = "The message must be 1,000 characters or fewer";

/// Shown by `src/web/partners.rs`.
pub fn partnership_with_ended_both(a0: impl std::fmt::Display) -> String {
    format!("The partnership with {a0} has ended. Both organisations have been e-mailed.")
}

/// Shown by `src/web/agreement.rs`.
pub fn version_was_accepted(
    a0: impl std::fmt::Display,
    a1: impl std::fmt::Display,
    a2: impl std::fmt::Display,
) -> String {
    format!("Version {a0} was accepted by {a1} on {a2}.")
}

/// Shown by `src/web/agreement.rs`.
pub fn i_read_partner_agreement(a0: impl std::fmt::Display) -> String {
    format!(
        "I have read the partner agreement (version {a0}) and accept it on behalf of my organisation."
    )
}

/// Shown by `src/flows/direct_bill/checks.rs`.
pub fn third_party_assessment_billing(
    a0: impl std::fmt::Display,
    a1: impl std::fmt::Display,
) -> String {
    format!(
        "A third-party assessment of your billing, provisioning, customer support and security capabilities is scheduled for {a0} with {a1}."
    )
}

/// Shown by `src/flows/direct_bill/partner.rs`.
pub fn reassessment_confirmed_direct_bill(
    a0: impl std::fmt::Display,
    a1: impl std::fmt::Display,
    assessor: impl std::fmt::Display,
) -> String {
    format!(
        "The reassessment by {assessor} on {a0} has confirmed your direct-bill capabilities. The next one is due on {a1}."
    )
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn describe_how_handle(what: impl std::fmt::Display) -> String {
    format!("Describe how you handle {what}")
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn choose_type_offer(n: impl std::fmt::Display) -> String {
    format!("Choose the type of offer {n}")
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn enter_name_offer(n: impl std::fmt::Display) -> String {
    format!("Enter the name of offer {n}")
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn name_offer_must_200(n: impl std::fmt::Display) -> String {
    format!("The name of offer {n} must be 200 characters or fewer")
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn describe_offer_sentence_two(n: impl std::fmt::Display) -> String {
    format!("Describe offer {n} in a sentence or two")
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn description_offer_must_1(n: impl std::fmt::Display) -> String {
    format!("The description of offer {n} must be 1,000 characters or fewer")
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn authority_accept_legal_agreements(a0: impl std::fmt::Display) -> String {
    format!("Authority to accept legal agreements for the organisation confirmed by {a0}")
}

/// Shown by `src/web/admin/direct_bill.rs`.
pub fn reassessment_recorded_next_one(
    organisation: impl std::fmt::Display,
    next: impl std::fmt::Display,
) -> String {
    format!(
        "Reassessment of {organisation} recorded. The next one is due on {next}; the partner's primary contact has been e-mailed."
    )
}

/// Shown by `src/web/admin/providers.rs`.
pub fn part_before(suffix: impl std::fmt::Display) -> String {
    format!("The part before .{suffix}")
}

/// Shown by `src/web/admin/staff.rs`.
pub fn invitation_sent(email: impl std::fmt::Display) -> String {
    format!("Invitation sent to {email}.")
}

/// Shown by `src/web/enroll.rs`.
pub fn n7_digit_membership_id(country_name: impl std::fmt::Display) -> String {
    format!(
        "The 7-digit membership ID of your company profile in the partner network. It must belong to a company profile in {country_name}, your work account's country."
    )
}

/// Shown by `src/web/enroll.rs`.
pub fn required_companies_number_company(country_name: impl std::fmt::Display) -> String {
    format!("Required for companies in {country_name}: the number your company is registered under")
}

/// Shown by `src/web/view.rs`.
pub fn requirement_check_recorded(step: impl std::fmt::Display) -> String {
    format!("Requirement check recorded: {step}")
}

/// Shown by `src/web/view.rs`.
pub fn declared_with_evidence_file(
    revenue: impl std::fmt::Display,
    documents: impl std::fmt::Display,
) -> String {
    format!("Declared {revenue} with {documents} evidence file(s); waiting for the team to confirm")
}

// Pages, flows and e-mails: sentences moved here from the code that shows them.

// src/domain/direct_bill.rs

/// Shown by `src/domain/direct_bill.rs`.
pub const ENTER_PROGRAM_CLOUD_REVENUE: &str =
    "Enter your program cloud revenue of the last 12 months, in US dollars";

/// Shown by `src/domain/direct_bill.rs`.
pub const ENTER_REVENUE_AMOUNT_US: &str =
    "Enter the revenue as an amount of US dollars, like 350,000";

/// Shown by `src/domain/direct_bill.rs`.
pub const AMOUNT_TOO_LARGE_CHECK: &str = "That amount is too large; check the number of digits";

/// Shown by `src/domain/direct_bill.rs`.
pub const DIRECT_BILL_NEEDS_LEAST: &str = "Direct bill needs at least USD 300,000 of program cloud revenue in the last 12 months as an indirect reseller.";

/// Shown by `src/domain/direct_bill.rs`.
pub const APPROVED_INDIRECT_RESELLER_WITH: &str =
    "Approved indirect reseller with the partner agreement accepted";

/// Shown by `src/domain/direct_bill.rs`.
pub const ORGANISATION_NOT_APPROVED_INDIRECT: &str = "Your organisation is not an approved indirect reseller yet. Enroll as an indirect reseller first.";

/// Shown by `src/domain/direct_bill.rs`.
pub const LEAST_12_MONTHS_INDIRECT: &str = "At least 12 months as an indirect reseller";

/// Shown by `src/domain/direct_bill.rs`.
pub const COUNTS_FROM_DAY_INDIRECT: &str =
    "Counts from the day your indirect-reseller application is approved.";

/// Shown by `src/domain/direct_bill.rs`.
pub const ACTIVE_PARTNER_ID_COUNTRY: &str = "Active partner ID in your country";

/// Shown by `src/domain/direct_bill.rs`.
pub const ORGANISATION_NO_PARTNER_ID: &str = "Your organisation has no partner ID on record.";

// src/domain/enrollment.rs

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_COMPANY_S_LEGAL: &str = "Enter your company's legal name";

/// Shown by `src/domain/enrollment.rs`.
pub const LEGAL_NAME_MUST_200: &str = "Legal name must be 200 characters or fewer";

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_FULL_LEGAL_NAME: &str = "Enter the full legal name, not a single character";

/// Shown by `src/domain/enrollment.rs`.
pub const LEGAL_NAME_MUST_CONTAIN: &str =
    "Legal name must contain letters, not only digits or symbols";

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_TELEPHONE_NUMBER_LIKE: &str =
    "Enter a telephone number, like +49 30 1234567 (6 to 15 digits)";

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_COMPANY_REGISTRATION_ID: &str =
    "Enter your company registration ID: it is required in your country";

/// Shown by `src/domain/enrollment.rs`.
pub const REGISTRATION_ID_CAN_ONLY: &str = "Registration ID can only contain letters, numbers, spaces, hyphens, slashes and dots (at most 50)";

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_PARTNER_ID: &str = "Enter your partner ID";

/// Shown by `src/domain/enrollment.rs`.
pub const PARTNER_ID_7_DIGITS: &str = "A partner ID is 7 digits, like 1234567";

/// Shown by `src/domain/enrollment.rs`.
pub const USE_ADDRESS_COMPANY_S: &str = "Use an address on your company's own domain: public webmail addresses (like Gmail, Outlook.com or Yahoo Mail) are not accepted";

/// Shown by `src/domain/enrollment.rs`.
pub const USE_COMPANY_S_OWN: &str =
    "Use your company's own e-mail address: work-account domains of this portal have no mailboxes";

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_SUPPORT_WEB_SITE: &str = "Enter your support web site";

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_WEB_SITE_ADDRESS: &str =
    "Enter a web site address starting with https://, like https://support.contoso.com";

// src/domain/form.rs

/// Shown by `src/domain/form.rs`.
pub const ANSWER_CONTAINS_CHARACTERS_CANNOT: &str = "This answer contains characters that cannot be used here (control characters). Remove them and try again";

/// Shown by `src/domain/direct_bill.rs`.
pub fn approved_partner_agreement_accepted(a0: impl std::fmt::Display) -> String {
    format!("Approved on {a0}; partner agreement accepted.")
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn approved_but_partner_agreement(a0: impl std::fmt::Display) -> String {
    format!(
        "Approved on {a0}, but the partner agreement is not accepted yet. A global admin can accept it from the dashboard."
    )
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn indirect_reseller_since(a0: impl std::fmt::Display) -> String {
    format!("Indirect reseller since {a0}.")
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn indirect_reseller_since_meet(
    a0: impl std::fmt::Display,
    a1: impl std::fmt::Display,
) -> String {
    format!("Indirect reseller since {a0}: you meet this on {a1}.")
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn partner_id_active(a0: impl std::fmt::Display, id: impl std::fmt::Display) -> String {
    format!("Partner ID {id}, active, in {a0}.")
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn partner_id_not_active(id: impl std::fmt::Display) -> String {
    format!("Partner ID {id} is not active. Reactivate it in the partner network, then come back.")
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn partner_id_does_not(a0: impl std::fmt::Display, id: impl std::fmt::Display) -> String {
    format!("Partner ID {id} does not belong to a company profile in {a0}.")
}

/// A legal name that is only a legal form ("GmbH").
pub const LEGAL_NAME_WITHOUT_COMPANY_NAME: &str =
    "Enter the company's name as well as its legal form, for example \"Contoso GmbH\"";

/// Shown by `src/web/view.rs`.
pub fn third_party_assessment_scheduled(
    a0: impl std::fmt::Display,
    a1: impl std::fmt::Display,
) -> String {
    format!("Third-party assessment scheduled for {a0} with {a1}")
}

/// Shown by `src/web/view.rs`.
pub fn confirmed_assessment(plan: impl std::fmt::Display) -> String {
    format!("{plan}; confirmed by the assessment")
}

/// Shown by `src/web/view.rs`.
pub fn buy_only_after_credit(plan: impl std::fmt::Display) -> String {
    format!("{plan}; buy it only after the credit check has passed")
}

/// Shown by `src/web/view.rs`.
pub fn offer_s_confirmed_assessment(a0: impl std::fmt::Display) -> String {
    format!("{a0} offer(s); confirmed by the assessment")
}

/// Shown by `src/web/view.rs`.
pub fn offer_s_listed_verified(a0: impl std::fmt::Display) -> String {
    format!("{a0} offer(s) listed; verified by the assessment")
}

/// Shown by `src/web/direct.rs`.
pub fn uploaded_can_add_up(a0: impl std::fmt::Display, a1: impl std::fmt::Display) -> String {
    format!("{a0} is uploaded. You can add up to {a1} more.")
}

/// Shown by `src/web/partners.rs`.
pub fn now_indirect_provider(a0: impl std::fmt::Display) -> String {
    format!("{a0} is now your indirect provider.")
}

/// Shown by `src/web/admin/direct_bill.rs`.
pub fn indirect_reseller_again_global(a0: impl std::fmt::Display) -> String {
    format!("{a0} is an indirect reseller again. Its global admins have been e-mailed.")
}

/// Shown by `src/web/admin/providers.rs`.
pub fn listed_indirect_provider(name: impl std::fmt::Display) -> String {
    format!("{name} is listed as an indirect provider.")
}

/// Shown by `src/web/admin/review.rs`.
pub fn recorded_applicant_s_primary(a0: impl std::fmt::Display) -> String {
    format!("Recorded: {a0}. The applicant's primary contact has been e-mailed.")
}

/// Shown by `src/flows/providers.rs`.
pub fn cannot_listed_only_approved(name: impl std::fmt::Display) -> String {
    format!(
        "{name} cannot be listed: only approved partners that have accepted the partner agreement can be providers"
    )
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn entered_apply_again_once(a0: impl std::fmt::Display, a1: impl std::fmt::Display) -> String {
    format!("{a0} You entered {a1}. Apply again once your revenue reaches the minimum.")
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn can_only_recorded_after(a0: impl std::fmt::Display, a1: impl std::fmt::Display) -> String {
    format!("{a0} can only be recorded after “{a1}” has passed.")
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn already_recorded_passed_check(a0: impl std::fmt::Display) -> String {
    format!("{a0} is already recorded, and a passed check or a later step cannot be changed.")
}

// Pages, flows and e-mails: sentences moved here from the code that shows them.

// src/web/view.rs

/// Shown by `src/web/view.rs`.
pub const ACTIVE_COUNTRY_CHECKED_PORTAL: &str = "Active, in your country (checked by the portal)";

/// Shown by `src/web/view.rs`.
pub const FIRST_LINE_SUPPORT_SUPPORT: &str = "First-line support and support plan";

// src/web/direct.rs

/// Shown by `src/web/direct.rs`.
pub const DIRECT_BILL_INTAKE_CLOSED: &str =
    "Direct-bill intake is closed, so no application can be started or submitted now.";

// src/web/middleware.rs

/// Shown by `src/web/middleware.rs`.
pub const REQUEST_BODY_DID_NOT: &str = "the request body did not arrive in time";

/// Shown by `src/web/middleware.rs`.
pub const SORRY_SOMETHING_WENT_WRONG: &str = "Sorry, something went wrong";

// src/web/admin/staff.rs

/// Shown by `src/web/admin/staff.rs`.
pub const SIGN_LOCKS_CLEARED_STAFF: &str =
    "Sign-in locks cleared: the staff member can sign in again from anywhere.";

// src/flows/lifecycle.rs

// src/flows/direct_bill/wizard.rs

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const DIRECT_BILL_PARTNERS_MUST: &str = "Direct-bill partners must give their customers first-line support themselves. Apply once you can.";

// src/domain/staff.rs

/// Shown by `src/domain/staff.rs`.
pub const WORKS_APPLICATION_QUEUE: &str = "works the application queue";

/// Shown by `src/domain/staff.rs`.
pub const ALSO_MANAGES_STAFF_PROVIDERS: &str = "also manages staff, providers and settings";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_like_a_person_writes_them() {
        let t = time::macros::datetime!(2026-11-22 05:33:10 UTC);
        assert_eq!(when(t), "22 Nov 2026, 05:33 UTC");
    }
}
