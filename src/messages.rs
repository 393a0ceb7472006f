//! User-facing messages produced by code (the rest lives in templates).
//! Each is a key of `locales/<lang>/messages.ftl`, turned into text in the language of the
//! request (or e-mail) where it becomes a `String` or is displayed.

pub use crate::i18n::Msg;

/// Organisation name missing.
pub const ORG_NAME_REQUIRED: Msg = Msg("org-name-required");
/// Organisation name too long.
pub const ORG_NAME_TOO_LONG: Msg = Msg("org-name-too-long");
/// Domain prefix missing.
pub const DOMAIN_PREFIX_REQUIRED: Msg = Msg("domain-prefix-required");
/// Domain prefix of the wrong length.
pub const DOMAIN_PREFIX_LENGTH: Msg = Msg("domain-prefix-length");
/// Domain prefix with other characters.
pub const DOMAIN_PREFIX_CHARS: Msg = Msg("domain-prefix-chars");
/// Domain prefix in use.
pub const DOMAIN_PREFIX_TAKEN: Msg = Msg("domain-prefix-taken");
/// No country chosen.
pub const COUNTRY_REQUIRED: Msg = Msg("country-required");
/// Country not in the markets table.
pub const COUNTRY_UNKNOWN: Msg = Msg("country-unknown");
/// Name missing.
pub const FULL_NAME_REQUIRED: Msg = Msg("full-name-required");
/// Name too long.
pub const FULL_NAME_TOO_LONG: Msg = Msg("full-name-too-long");
/// E-mail missing.
pub const EMAIL_REQUIRED: Msg = Msg("email-required");
/// The support e-mail address is missing.
pub const SUPPORT_EMAIL_REQUIRED: Msg = Msg("support-email-required");
/// E-mail malformed.
pub const EMAIL_INVALID: Msg = Msg("email-invalid");
/// Password missing.
pub const PASSWORD_REQUIRED: Msg = Msg("password-required");
/// Password too short.
pub const PASSWORD_TOO_SHORT: Msg = Msg("password-too-short");
/// Password absurdly long.
pub const PASSWORD_TOO_LONG: Msg = Msg("password-too-long");
/// Password too guessable.
pub const PASSWORD_TOO_WEAK: Msg = Msg("password-too-weak");
/// Current password missing on the change form.
pub const CURRENT_PASSWORD_REQUIRED: Msg = Msg("current-password-required");
/// Current password wrong on the change form.
pub const CURRENT_PASSWORD_WRONG: Msg = Msg("current-password-wrong");
/// New password equals the old one.
pub const PASSWORD_UNCHANGED: Msg = Msg("password-unchanged");
/// Sign-in failed; never says which part was wrong or whether the account exists.
pub const SIGN_IN_FAILED: Msg = Msg("sign-in-failed");
/// The queue's search field, when the term is too short to look up.
pub const SEARCH_TOO_SHORT: Msg = Msg("search-too-short");

/// Application state for applicants: draft.
pub const PLAIN_DRAFT: Msg = Msg("plain-draft");
/// Application state for applicants: approved.
pub const PLAIN_APPROVED: Msg = Msg("plain-approved");
/// Application state for applicants: rejected.
pub const PLAIN_REJECTED: Msg = Msg("plain-rejected");
/// Application state for applicants: withdrawn.
pub const PLAIN_WITHDRAWN: Msg = Msg("plain-withdrawn");
/// Direct-bill check step.
pub const CHECK_CREDIT: Msg = Msg("check-credit");
/// Direct-bill check step.
pub const CHECK_ASSESSMENT_SCHEDULED: Msg = Msg("check-assessment-scheduled");
/// Direct-bill check step.
pub const CHECK_ASSESSMENT_RESULT: Msg = Msg("check-assessment-result");
/// Requirement line label.
pub const PARTNER_ID_LABEL: Msg = Msg("partner-id-label");
/// Requirement line label.
pub const LINE_RECEIVABLES_CAPABILITIES: Msg = Msg("line-receivables-capabilities");
/// Requirement line label.
pub const LINE_MANAGED_SERVICES: Msg = Msg("line-managed-services");
/// Partner role name.
pub const ROLE_GLOBAL_ADMIN: Msg = Msg("role-global-admin");
/// Partner role name.
pub const ROLE_ACCOUNT_ADMIN: Msg = Msg("role-account-admin");
/// Partner role name.
pub const ROLE_USER_MANAGEMENT_ADMIN: Msg = Msg("role-user-management-admin");
/// Partner role name.
pub const ROLE_ADMIN_AGENT: Msg = Msg("role-admin-agent");
/// Partner role name.
pub const ROLE_SALES_AGENT: Msg = Msg("role-sales-agent");
/// Partner role name.
pub const ROLE_HELPDESK_AGENT: Msg = Msg("role-helpdesk-agent");
/// Partner role name.
pub const ROLE_BILLING_ADMIN: Msg = Msg("role-billing-admin");
/// Partner role name.
pub const ROLE_BUSINESS_PROFILE_ADMIN: Msg = Msg("role-business-profile-admin");
/// Partner role name.
pub const ROLE_REFERRALS_ADMIN: Msg = Msg("role-referrals-admin");
/// Status page check.
pub const CHECK_CONTACT_EMAIL: Msg = Msg("check-contact-email");
/// Status page check.
pub const CHECK_REVIEW: Msg = Msg("check-review");
/// Status page check.
pub const CHECK_NOT_STARTED: Msg = Msg("check-not-started");
/// Status page check.
pub const CHECK_IN_PROGRESS: Msg = Msg("check-in-progress");
/// Error page titles.
pub const PAGE_NOT_FOUND: Msg = Msg("page-not-found");
pub const TOO_MANY_REQUESTS: Msg = Msg("too-many-requests");
pub const SERVICE_UNAVAILABLE: Msg = Msg("service-unavailable");
/// The fixed page a connection over the server's cap gets (written before any router runs).
pub const PORTAL_TOO_BUSY: Msg = Msg("portal-too-busy");

/// Too many requests from one address.
pub const RATE_LIMITED: Msg = Msg("rate-limited");
/// Consent to a legal statement not given.
pub const CONFIRMATION_REQUIRED: Msg = Msg("confirmation-required");

/// Flash: signed in.
pub const FLASH_SIGNED_IN: Msg = Msg("flash-signed-in");
/// Flash: signed out.
pub const FLASH_SIGNED_OUT: Msg = Msg("flash-signed-out");
/// Flash: e-mail confirmed (signed in).
pub const FLASH_EMAIL_CONFIRMED: Msg = Msg("flash-email-confirmed");
/// Flash: e-mail confirmed, sign in next.
pub const FLASH_EMAIL_CONFIRMED_SIGN_IN: Msg = Msg("flash-email-confirmed-sign-in");
/// Flash: a new confirmation link is on its way.
pub const FLASH_CONFIRMATION_SENT: Msg = Msg("flash-confirmation-sent");
/// Flash: already confirmed.
pub const FLASH_ALREADY_CONFIRMED: Msg = Msg("flash-already-confirmed");
/// Flash: too many confirmation e-mails.
pub const FLASH_CONFIRMATION_RATE_LIMITED: Msg = Msg("flash-confirmation-rate-limited");
/// Flash: password changed.
pub const FLASH_PASSWORD_CHANGED: Msg = Msg("flash-password-changed");
/// Flash: password reset.
pub const FLASH_PASSWORD_RESET: Msg = Msg("flash-password-reset");
/// Flash: the session ended.
pub const FLASH_SESSION_ENDED: Msg = Msg("flash-session-ended");

/// Enrolling needs the user's own e-mail address confirmed first.
pub const ENROLL_EMAIL_UNCONFIRMED: Msg = Msg("enroll-email-unconfirmed");

/// The contact's answer was neither a confirmation nor a refusal.
pub const CONTACT_ANSWER_REQUIRED: Msg = Msg("contact-answer-required");

/// The one answer to a partner ID the tenant may not use (unknown, inactive, another
/// country's, or another organisation's): it names nobody else.
pub fn partner_id_unusable(own_country: &str) -> String {
    crate::i18n::t_args("partner-id-unusable", &[("country", own_country.into())])
}

/// Approval refused: the partner ID belongs to another organisation.
pub const PARTNER_ID_HELD_ELSEWHERE: Msg = Msg("partner-id-held-elsewhere");

/// A reviewer rejects without a reason.
pub const REJECT_REASON_REQUIRED: Msg = Msg("reject-reason-required");
/// The rejection reason is too long.
pub const REJECT_REASON_TOO_LONG: Msg = Msg("reject-reason-too-long");
/// A reviewer asks for information without saying what.
pub const INFO_REQUEST_REQUIRED: Msg = Msg("info-request-required");
/// The information request is too long.
pub const INFO_REQUEST_TOO_LONG: Msg = Msg("info-request-too-long");
/// An empty internal note.
pub const NOTE_REQUIRED: Msg = Msg("note-required");
/// An internal note that is too long.
pub const NOTE_TOO_LONG: Msg = Msg("note-too-long");

/// Approval refused while direct-bill requirement checks are open.
pub fn direct_bill_checks_open(missing: &[String]) -> String {
    let separator = crate::i18n::t("list-separator");
    crate::i18n::t_args(
        "direct-bill-checks-open",
        &[("missing", missing.join(&separator).into())],
    )
}

/// A reviewer's decision was recorded.
pub fn decision_made(state_label: &str) -> String {
    crate::i18n::t_args(
        "decision-made",
        &[("state_label", state_label.to_string().into())],
    )
}

/// Two reviewers at once: `still_in_review` when the application merely changed, otherwise
/// the other reviewer decided first.
pub fn decision_conflict(still_in_review: bool) -> Msg {
    if still_in_review {
        DECISION_CONFLICT_CHANGED
    } else {
        DECISION_CONFLICT_DECIDED
    }
}

/// Two reviewers at once: the application changed while the reviewer looked at it.
pub const DECISION_CONFLICT_CHANGED: Msg = Msg("decision-conflict-changed");

/// Two reviewers at once: the other one decided first.
pub const DECISION_CONFLICT_DECIDED: Msg = Msg("decision-conflict-decided");

/// The staff invitation form without a role.
pub const STAFF_ROLE_REQUIRED: Msg = Msg("staff-role-required");

/// The staff invitation goes to an existing staff member's address.
pub const STAFF_EMAIL_TAKEN: Msg = Msg("staff-email-taken");

/// A wizard step's name, for the timeline when answers change: `program/step` as stored.
pub fn answers_step_title(stored: &str) -> Option<Msg> {
    Some(Msg(match stored {
        "indirect-reseller/partner-id" => "step-title-partner-id",
        "indirect-reseller/legal-profile" => "step-title-legal-profile",
        "indirect-reseller/primary-contact" => "step-title-primary-contact",
        "indirect-reseller/support" => "step-title-support-details",
        "direct-bill/revenue" => "db-step-revenue",
        "direct-bill/support" => "db-step-support",
        "direct-bill/operations" => "db-step-operations",
        "direct-bill/services" => "db-step-services",
        _ => return None,
    }))
}

/// The flash after joining the partner network.
pub fn joined_network(partner_id: &str) -> String {
    crate::i18n::t_args(
        "joined-network",
        &[("partner_id", partner_id.to_string().into())],
    )
}

/// What happens next once an application is Draft.
pub const NEXT_STEPS_DRAFT: Msg = Msg("next-steps-draft");

/// What happens next once an application is AwaitingContactVerification.
pub const NEXT_STEPS_AWAITING_CONTACT_VERIFICATION: Msg =
    Msg("next-steps-awaiting-contact-verification");

/// What happens next once an application is InReview.
pub const NEXT_STEPS_IN_REVIEW: Msg = Msg("next-steps-in-review");

/// What happens next once an application is InfoRequested.
pub const NEXT_STEPS_INFO_REQUESTED: Msg = Msg("next-steps-info-requested");

/// What happens next once an application is Approved.
pub const NEXT_STEPS_APPROVED: Msg = Msg("next-steps-approved");

/// What happens next once an application is Rejected.
pub const NEXT_STEPS_REJECTED: Msg = Msg("next-steps-rejected");

/// What happens next once an application is Withdrawn.
pub const NEXT_STEPS_WITHDRAWN: Msg = Msg("next-steps-withdrawn");

/// An application's state in plain words, for applicants.
pub const PLAIN_AWAITING_CONTACT: Msg = Msg("plain-awaiting-contact");

/// An application's state in plain words, for applicants.
pub const PLAIN_IN_REVIEW: Msg = Msg("plain-in-review");

/// An application's state in plain words, for applicants.
pub const PLAIN_INFO_REQUESTED: Msg = Msg("plain-info-requested");

/// Formats a moment for people in the current language and the reader's time zone:
/// "22 November 2026, 06:33 CET", "22. November 2026, 06:33 CET", "2026年11月22日 13:33 CST".
pub use crate::i18n::format::date_time as when;

// Pages, flows and e-mails: sentences moved here from the code that shows them.

// src/web/admin/direct_bill.rs

/// Shown by `src/web/admin/direct_bill.rs`.
pub const ENTER_WHICH_REQUIREMENT_PARTNER: Msg = Msg("enter-which-requirement-partner");

/// Shown by `src/web/admin/direct_bill.rs`.
pub const REASON_MUST_1_000: Msg = Msg("reason-must-1-000");

/// Shown by `src/web/admin/direct_bill.rs`.
pub const PARTNER_WAS_ALREADY_MOVED: Msg = Msg("partner-was-already-moved");

// src/web/admin/providers.rs

/// Shown by `src/web/admin/providers.rs`.
pub const LISTING_WITHDRAWN: Msg = Msg("listing-withdrawn");

// src/web/admin/review.rs

/// Shown by `src/web/admin/review.rs`.
pub const PARTNER_ID_BELONGS_ANOTHER: Msg = Msg("partner-id-belongs-another");

/// Shown by `src/web/admin/review.rs`.
pub const MEMBERSHIP_S_ORGANISATION_NAME: Msg = Msg("membership-s-organisation-name");

/// Shown by `src/web/admin/review.rs`.
pub const ANOTHER_ORGANISATION_APPLIED_WITH: Msg = Msg("another-organisation-applied-with");

/// Shown by `src/web/admin/review.rs`.
pub const MEMBERSHIP_NOT_ACTIVE: Msg = Msg("membership-not-active");

/// Shown by `src/web/admin/review.rs`.
pub const APPLICANT_SEES_THEIR_STATUS: Msg = Msg("applicant-sees-their-status");

/// The approval confirmation page's heading and button (`src/web/admin/review.rs`).
pub const APPROVE_HEADING: Msg = Msg("approve-heading");
pub const APPROVE_BUTTON: Msg = Msg("approve-button");

/// The rejection confirmation page's heading, button and reason field.
pub const REJECT_HEADING: Msg = Msg("reject-heading");
pub const REJECT_BUTTON: Msg = Msg("reject-button");
pub const REJECT_REASON_LABEL: Msg = Msg("reject-reason-label");

/// The information request's button.
pub const SEND_REQUEST_BUTTON: Msg = Msg("send-request-button");

/// Back-office confirmations after a save.
pub const NOTE_ADDED: Msg = Msg("note-added");
pub const ASSIGNMENT_SAVED: Msg = Msg("assignment-saved");
pub const SETTINGS_SAVED: Msg = Msg("settings-saved");
pub const INVITATION_REVOKED: Msg = Msg("invitation-revoked");

/// Shown by `src/web/admin/review.rs`.
pub const ASK_APPLICANT_MORE_INFORMATION: Msg = Msg("ask-applicant-more-information");

/// Shown by `src/web/admin/review.rs`.
pub const WHAT_APPLICANT_MUST_TELL: Msg = Msg("what-applicant-must-tell");

/// Shown by `src/web/admin/review.rs`.
pub const APPLICANT_SEES_THEIR_STATUS_2: Msg = Msg("applicant-sees-their-status-2");

/// Shown by `src/web/admin/review.rs`.
pub const SOMEONE_CHANGED_APPLICATION_WHILE: Msg = Msg("someone-changed-application-while");

// src/web/admin/staff.rs

/// Shown by `src/web/admin/staff.rs`.
pub const INVITATION_SENT_AGAIN_WITH: Msg = Msg("invitation-sent-again-with");

/// Shown by `src/web/admin/staff.rs`.
pub const STAFF_MEMBER_DISABLED_THEIR: Msg = Msg("staff-member-disabled-their");

/// Shown by `src/web/admin/staff.rs`.
pub const STAFF_MEMBER_ENABLED_AGAIN: Msg = Msg("staff-member-enabled-again");

/// Shown by `src/web/admin/staff.rs`.
pub const WELCOME_BACK_OFFICE: Msg = Msg("welcome-back-office");

// src/web/agreement.rs

/// Shown by `src/web/agreement.rs`.
pub const AGREEMENT_CHANGED_SINCE_OPENED: Msg = Msg("agreement-changed-since-opened");

/// Shown by `src/web/agreement.rs`.
pub const ACCEPTED_PARTNER_AGREEMENT_ORGANISATION: Msg =
    Msg("accepted-partner-agreement-organisation");

/// Shown by `src/web/agreement.rs`.
pub const VERSION_AGREEMENT_WAS_ALREADY: Msg = Msg("version-agreement-was-already");

/// Shown by `src/web/agreement.rs`.
pub const AGREEMENT_CAN_ACCEPTED_ONCE: Msg = Msg("agreement-can-accepted-once");

// src/web/applications.rs

/// Shown by `src/web/applications.rs`.
pub const NOT_CONFIRMED_CONTACT_DECLINED: Msg = Msg("not-confirmed-contact-declined");

/// Shown by `src/web/applications.rs`.
pub const WAITING_CONTACT_CONFIRM: Msg = Msg("waiting-contact-confirm");

/// Shown by `src/web/applications.rs`.
pub const WAITING_ANSWER: Msg = Msg("waiting-answer");

/// Shown by `src/web/applications.rs`.
pub const SENT_PRIMARY_CONTACT_NEW: Msg = Msg("sent-primary-contact-new");

/// Shown by `src/web/applications.rs`.
pub const SEVERAL_LINKS_SENT_ALREADY: Msg = Msg("several-links-sent-already");

/// Shown by `src/web/applications.rs`.
pub const PRIMARY_CONTACT_ALREADY_ANSWERED: Msg = Msg("primary-contact-already-answered");

/// Shown by `src/web/applications.rs`.
pub const APPLICATION_WITHDRAWN_CAN_ENROLL: Msg = Msg("application-withdrawn-can-enroll");

/// Shown by `src/web/applications.rs`.
pub const APPLICATION_CAN_NO_LONGER: Msg = Msg("application-can-no-longer");

/// Shown by `src/web/applications.rs`.
pub const THANK_ANSWER_SENT_APPLICATION: Msg = Msg("thank-answer-sent-application");

/// Shown by `src/web/applications.rs`.
pub const APPLICATION_NOT_WAITING_ANSWER: Msg = Msg("application-not-waiting-answer");

// src/web/direct.rs

/// Shown by `src/web/direct.rs`.
pub const ORGANISATION_DOES_NOT_MEET: Msg = Msg("organisation-does-not-meet");

/// Shown by `src/web/direct.rs`.
pub const ORGANISATION_ALREADY_DIRECT_BILL: Msg = Msg("organisation-already-direct-bill");

/// Shown by `src/web/direct.rs`.
pub const FILE_REMOVED: Msg = Msg("file-removed");

/// Shown by `src/web/direct.rs`.
pub const FILE_WAS_ALREADY_REMOVED: Msg = Msg("file-was-already-removed");

/// Shown by `src/web/direct.rs`.
pub const HOW_INVOICE_CUSTOMERS_COLLECT: Msg = Msg("how-invoice-customers-collect");

/// Shown by `src/web/direct.rs`.
pub const HOW_SET_UP_CHANGE: Msg = Msg("how-set-up-change");

/// Shown by `src/web/direct.rs`.
pub const HOW_CUSTOMERS_REACH_HOW: Msg = Msg("how-customers-reach-how");

/// Shown by `src/web/direct.rs`.
pub const HOW_PROTECT_CUSTOMERS_DATA: Msg = Msg("how-protect-customers-data");

/// Shown by `src/web/direct.rs`.
pub const DIRECT_BILL_APPLICATION_SUBMITTED: Msg = Msg("direct-bill-application-submitted");

/// Shown by `src/web/direct.rs`.
pub const SOME_ANSWERS_MISSING_COMPLETE: Msg = Msg("some-answers-missing-complete");

/// Shown by `src/web/direct.rs`.
pub const CONFIRM_MAY_ACCEPT_LEGAL: Msg = Msg("confirm-may-accept-legal");

/// Shown by `src/web/direct.rs`.
pub const ASKED_PARTNER: Msg = Msg("asked-partner");

/// Shown by `src/web/direct.rs`.
pub const ORGANISATION_INDIRECT_RESELLER_AGAIN: Msg = Msg("organisation-indirect-reseller-again");

/// Shown by `src/web/direct.rs`.
pub const ORGANISATION_NOT_DIRECT_BILL: Msg = Msg("organisation-not-direct-bill");

// src/web/enroll.rs

/// Shown by `src/web/enroll.rs`.
pub const APPLICATION_SUBMITTED_E_MAILED: Msg = Msg("application-submitted-e-mailed");

/// Shown by `src/web/enroll.rs`.
pub const TICK_BOX_CONFIRM_ANSWERS: Msg = Msg("tick-box-confirm-answers");

// src/web/middleware.rs

/// Shown by `src/web/middleware.rs`.
pub const FORM_WAS_SENT_FROM: Msg = Msg("form-was-sent-from");

/// Shown by `src/web/middleware.rs`.
pub const IF_TYPED_WEB_ADDRESS: Msg = Msg("if-typed-web-address");

/// Shown by `src/web/middleware.rs`.
pub const CANNOT_DO: Msg = Msg("cannot-do");

/// Shown by `src/web/middleware.rs`.
pub const ACCOUNT_DOES_NOT_ALLOW: Msg = Msg("account-does-not-allow");

/// Shown by `src/web/middleware.rs`.
pub const ADDRESS_DOES_NOT_ACCEPT: Msg = Msg("address-does-not-accept");

/// Shown by `src/web/middleware.rs`.
pub const WHAT_SENT_TOO_LARGE: Msg = Msg("what-sent-too-large");

/// Shown by `src/web/middleware.rs`.
pub const GO_BACK_SEND_LESS: Msg = Msg("go-back-send-less");

/// Shown by `src/web/middleware.rs`.
pub const TOOK_TOO_LONG: Msg = Msg("took-too-long");

/// Shown by `src/web/middleware.rs`.
pub const REQUEST_TOOK_TOO_LONG: Msg = Msg("request-took-too-long");

/// Shown by `src/web/middleware.rs`.
pub const WAIT_FEW_MINUTES_TRY: Msg = Msg("wait-few-minutes-try");

/// Shown by `src/web/middleware.rs`.
pub const PORTAL_CANNOT_SERVE_REQUEST: Msg = Msg("portal-cannot-serve-request");

/// Shown by `src/web/middleware.rs`.
pub const PROBLEM_OUR_SIDE_LOGGED: Msg = Msg("problem-our-side-logged");

/// Shown by `src/web/middleware.rs`.
pub const REQUEST_COULD_NOT_HANDLED: Msg = Msg("request-could-not-handled");

/// Shown by `src/web/middleware.rs`.
pub const GO_BACK_CHECK_WHAT: Msg = Msg("go-back-check-what");

// src/web/partners.rs

/// Shown by `src/web/partners.rs`.
pub const INVITATION_REVOKED_LINK_NO: Msg = Msg("invitation-revoked-link-no");

/// Shown by `src/web/partners.rs`.
pub const TICK_BOX_CONFIRM_WHY: Msg = Msg("tick-box-confirm-why");

/// Shown by `src/web/partners.rs`.
pub const TICK_BOX_CONFIRM_WHAT: Msg = Msg("tick-box-confirm-what");

/// Shown by `src/web/partners.rs`.
pub const INVITATION_ALREADY_USED: Msg = Msg("invitation-already-used");

// src/web/view.rs

/// Shown by `src/web/view.rs`.
pub const APPLICATION_SUBMITTED_REVIEW_STARTED: Msg = Msg("application-submitted-review-started");

/// Shown by `src/web/view.rs`.
pub const APPLICATION_SUBMITTED_VERIFICATION_E: Msg = Msg("application-submitted-verification-e");

/// Shown by `src/web/view.rs`.
pub const PRIMARY_CONTACT_CONFIRMED_APPLICATION: Msg = Msg("primary-contact-confirmed-application");

/// Shown by `src/web/view.rs`.
pub const APPLICATION_RESUBMITTED_REVIEW: Msg = Msg("application-resubmitted-review");

/// Shown by `src/web/view.rs`.
pub const PRIMARY_CONTACT_DID_NOT: Msg = Msg("primary-contact-did-not");

/// Shown by `src/web/view.rs`.
pub const VERIFICATION_E_MAIL_SENT: Msg = Msg("verification-e-mail-sent");

/// Shown by `src/web/view.rs`.
pub const APPLICANT_ANSWERED_TEAM_S: Msg = Msg("applicant-answered-team-s");

/// Shown by `src/web/view.rs`.
pub const COMPUTED_FROM_APPROVAL_DATE: Msg = Msg("computed-from-approval-date");

/// Shown by `src/web/view.rs`.
pub const AFTER_REVENUE_TENURE_CONFIRMED: Msg = Msg("after-revenue-tenure-confirmed");

/// Shown by `src/web/view.rs`.
pub const THIRD_PARTY_ASSESSMENT_SCHEDULED: Msg = Msg("third-party-assessment-scheduled");

/// Shown by `src/web/view.rs`.
pub const NOT_ACTIVE_NOT_COUNTRY: Msg = Msg("not-active-not-country");

/// Shown by `src/web/view.rs`.
pub const TENURE_12_MONTHS: Msg = Msg("tenure-12-months");

/// Shown by `src/web/view.rs`.
pub const REVENUE_USD_300_000: Msg = Msg("revenue-usd-300-000");

/// Shown by `src/web/view.rs`.
pub const AUTHORITY_ACCEPT_AGREEMENTS: Msg = Msg("authority-accept-agreements");

/// Shown by `src/web/view.rs`.
pub const CONFIRMED_APPLICANT_SUBMISSION: Msg = Msg("confirmed-applicant-submission");

/// Shown by `src/web/view.rs`.
pub const CONFIRM_LAST_STEP: Msg = Msg("confirm-last-step");

/// Shown by `src/web/view.rs`.
pub const NOT_CONFIRMED_ASSESSMENT: Msg = Msg("not-confirmed-assessment");

// Pages, flows and e-mails: sentences moved here from the code that shows them.

// src/flows/enrollment.rs

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_FIRST_LINE_ADDRESS: Msg = Msg("enter-first-line-address");

/// Shown by `src/flows/enrollment.rs`.
pub const ADDRESS_LINE_1_MUST: Msg = Msg("address-line-1-must");

/// Shown by `src/flows/enrollment.rs`.
pub const ADDRESS_LINE_2_MUST: Msg = Msg("address-line-2-must");

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_TOWN_CITY: Msg = Msg("enter-town-city");

/// Shown by `src/flows/enrollment.rs`.
pub const TOWN_CITY_MUST_100: Msg = Msg("town-city-must-100");

/// Shown by `src/flows/enrollment.rs`.
pub const STATE_PROVINCE_MUST_100: Msg = Msg("state-province-must-100");

/// Shown by `src/flows/enrollment.rs`.
pub const POSTAL_CODE_MUST_20: Msg = Msg("postal-code-must-20");

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_COMPANY_S_TELEPHONE: Msg = Msg("enter-company-s-telephone");

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_PRIMARY_CONTACT_S: Msg = Msg("enter-primary-contact-s");

/// Shown by `src/flows/enrollment.rs`.
pub const FIRST_NAME_MUST_100: Msg = Msg("first-name-must-100");

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_PRIMARY_CONTACT_S_2: Msg = Msg("enter-primary-contact-s-2");

/// Shown by `src/flows/enrollment.rs`.
pub const LAST_NAME_MUST_100: Msg = Msg("last-name-must-100");

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_PRIMARY_CONTACT_S_3: Msg = Msg("enter-primary-contact-s-3");

/// Shown by `src/flows/enrollment.rs`.
pub const ENTER_SUPPORT_TELEPHONE_NUMBER: Msg = Msg("enter-support-telephone-number");

/// Shown by `src/flows/enrollment.rs`.
pub const PRIMARY_CONTACT_DID_NOT_2: Msg = Msg("primary-contact-did-not-2");

// src/flows/partnerships.rs

/// Shown by `src/flows/partnerships.rs`.
pub const INVITATION_EXPIRED_ASK_PROVIDER: Msg = Msg("invitation-expired-ask-provider");

/// Shown by `src/flows/partnerships.rs`.
pub const PROVIDER_WITHDRAWN_INVITATION: Msg = Msg("provider-withdrawn-invitation");

/// Shown by `src/flows/partnerships.rs`.
pub const ORGANISATION_MUST_APPROVED_INDIRECT: Msg = Msg("organisation-must-approved-indirect");

/// Shown by `src/flows/partnerships.rs`.
pub const ORGANISATION_S_GLOBAL_ADMIN: Msg = Msg("organisation-s-global-admin");

/// Shown by `src/flows/partnerships.rs`.
pub const PROVIDER_DOES_NOT_SERVE: Msg = Msg("provider-does-not-serve");

/// Shown by `src/flows/partnerships.rs`.
pub const PROVIDER_ALREADY_INDIRECT_PROVIDER: Msg = Msg("provider-already-indirect-provider");

/// Shown by `src/flows/partnerships.rs`.
pub const INVITATION_COMES_FROM_OWN: Msg = Msg("invitation-comes-from-own");

/// Shown by `src/flows/partnerships.rs`.
pub const ONLY_ORGANISATION_S_GLOBAL: Msg = Msg("only-organisation-s-global");

/// Shown by `src/flows/partnerships.rs`.
pub const I_CONFIRM_ENDING_PARTNERSHIP: Msg = Msg("i-confirm-ending-partnership");

// src/flows/providers.rs

/// Shown by `src/flows/providers.rs`.
pub const ENTER_PARTNER_S_WORK: Msg = Msg("enter-partner-s-work");

/// Shown by `src/flows/providers.rs`.
pub const NO_WORK_ACCOUNT_DOMAIN: Msg = Msg("no-work-account-domain");

/// Shown by `src/flows/providers.rs`.
pub const SELECT_LEAST_ONE_PROGRAM: Msg = Msg("select-least-one-program");

// src/flows/direct_bill/checks.rs

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const NOTE_MUST_2_000: Msg = Msg("note-must-2-000");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const ASSESSMENT_DATE_CANNOT_PAST: Msg = Msg("assessment-date-cannot-past");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const ENTER_ASSESSMENT_DATE_DATE: Msg = Msg("enter-assessment-date-date");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const ENTER_ASSESSOR_THIRD_PARTY: Msg = Msg("enter-assessor-third-party");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const ASSESSOR_S_NAME_MUST: Msg = Msg("assessor-s-name-must");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const CHOOSE_OUTCOME_PASSED_NOT: Msg = Msg("choose-outcome-passed-not");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const SAY_WHY_DID_NOT: Msg = Msg("say-why-did-not");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const REVENUE_TENURE_CONFIRMED: Msg = Msg("revenue-tenure-confirmed");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const PROGRAM_S_TEAM_CONFIRMED: Msg = Msg("program-s-team-confirmed");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const REVENUE_TENURE_NOT_CONFIRMED: Msg = Msg("revenue-tenure-not-confirmed");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const PROGRAM_S_TEAM_COULD: Msg = Msg("program-s-team-could");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const CREDIT_CHECK_PASSED_MAY: Msg = Msg("credit-check-passed-may");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const CREDIT_CHECK_NOT_PASSED: Msg = Msg("credit-check-not-passed");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const CREDIT_CHECK_DID_NOT: Msg = Msg("credit-check-did-not");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const THIRD_PARTY_ASSESSMENT_CONFIRMED: Msg = Msg("third-party-assessment-confirmed");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const CAPABILITY_ASSESSMENT_NOT_PASSED: Msg = Msg("capability-assessment-not-passed");

/// Shown by `src/flows/direct_bill/checks.rs`.
pub const THIRD_PARTY_ASSESSMENT_DID: Msg = Msg("third-party-assessment-did");

// src/flows/direct_bill/partner.rs

/// Shown by `src/flows/direct_bill/partner.rs`.
pub const ASSESSMENT_DATE_CANNOT_FUTURE: Msg = Msg("assessment-date-cannot-future");

/// Shown by `src/flows/direct_bill/partner.rs`.
pub const ENTER_DAY_ASSESSMENT_LIKE: Msg = Msg("enter-day-assessment-like");

/// Shown by `src/flows/direct_bill/partner.rs`.
pub const ENTER_ASSESSOR_THIRD_PARTY_2: Msg = Msg("enter-assessor-third-party-2");

/// Shown by `src/flows/direct_bill/partner.rs`.
pub const YEARLY_REASSESSMENT_PASSED: Msg = Msg("yearly-reassessment-passed");

// src/flows/direct_bill/mod.rs

/// Shown by `src/flows/direct_bill/mod.rs`.
pub const SEE_DIRECT_BILL_APPLICATION: Msg = Msg("see-direct-bill-application");

// src/flows/direct_bill/wizard.rs

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const UPLOAD_LEAST_ONE_DOCUMENT: Msg = Msg("upload-least-one-document");

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const SAY_WHETHER_CAN_GIVE: Msg = Msg("say-whether-can-give");

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const CHOOSE_VENDOR_SUPPORT_PLAN: Msg = Msg("choose-vendor-support-plan");

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const CONFIRM_INFRASTRUCTURE_BILL_PROVISION: Msg = Msg("confirm-infrastructure-bill-provision");

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const KEEP_DESCRIPTION_1_000: Msg = Msg("keep-description-1-000");

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const ADD_LEAST_ONE_MANAGED: Msg = Msg("add-least-one-managed");

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const CHOOSE_FILE_UPLOAD: Msg = Msg("choose-file-upload");

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const FILE_MUST_10_MB: Msg = Msg("file-must-10-mb");

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const FILE_MUST_PDF_PNG: Msg = Msg("file-must-pdf-png");

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const CAN_UPLOAD_UP_5: Msg = Msg("can-upload-up-5");

// src/flows/lifecycle.rs

/// Shown by `src/flows/lifecycle.rs`.
pub const ENTER_ANSWER_TEAM_S: Msg = Msg("enter-answer-team-s");

/// Shown by `src/flows/lifecycle.rs`.
pub const ANSWER_MUST_5_000: Msg = Msg("answer-must-5-000");

// src/flows/settings.rs

/// Shown by `src/flows/settings.rs`.
pub const SELECT_WHETHER_DIRECT_BILL: Msg = Msg("select-whether-direct-bill");

/// Shown by `src/flows/settings.rs`.
pub const ENTER_DATE_INTAKE_REOPENS: Msg = Msg("enter-date-intake-reopens");

/// Shown by `src/flows/settings.rs`.
pub const REOPENING_DATE_MUST_TODAY: Msg = Msg("reopening-date-must-today");

/// Shown by `src/flows/settings.rs`.
pub const ENTER_REAL_DATE_LIKE: Msg = Msg("enter-real-date-like");

/// Shown by `src/flows/settings.rs`.
pub const MESSAGE_MUST_1_000: Msg = Msg("message-must-1-000");

/// Shown by `src/web/partners.rs`.
pub fn partnership_with_ended_both(a0: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "partnership-with-ended-both",
        &[("name", a0.to_string().into())],
    )
}

/// Shown by `src/web/agreement.rs`.
pub fn version_was_accepted(
    a0: impl std::fmt::Display,
    a1: impl std::fmt::Display,
    a2: impl std::fmt::Display,
) -> String {
    crate::i18n::t_args(
        "agreement-version-accepted",
        &[
            ("version", a0.to_string().into()),
            ("name", a1.to_string().into()),
            ("date", a2.to_string().into()),
        ],
    )
}

/// Shown by `src/web/agreement.rs`.
pub fn i_read_partner_agreement(a0: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "agreement-accept-label",
        &[("version", a0.to_string().into())],
    )
}

/// Shown by `src/flows/direct_bill/checks.rs`.
pub fn third_party_assessment_billing(
    a0: impl std::fmt::Display,
    a1: impl std::fmt::Display,
) -> String {
    crate::i18n::t_args(
        "third-party-assessment-billing",
        &[
            ("date", a0.to_string().into()),
            ("assessor", a1.to_string().into()),
        ],
    )
}

/// Shown by `src/flows/direct_bill/partner.rs`.
pub fn reassessment_confirmed_direct_bill(
    a0: impl std::fmt::Display,
    a1: impl std::fmt::Display,
    assessor: impl std::fmt::Display,
) -> String {
    crate::i18n::t_args(
        "reassessment-confirmed-direct-bill",
        &[
            ("date", a0.to_string().into()),
            ("next", a1.to_string().into()),
            ("assessor", assessor.to_string().into()),
        ],
    )
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn describe_how_handle(what: impl std::fmt::Display) -> String {
    crate::i18n::t_args("describe-how-handle", &[("what", what.to_string().into())])
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn choose_type_offer(n: impl std::fmt::Display) -> String {
    crate::i18n::t_args("choose-type-offer", &[("n", n.to_string().into())])
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn enter_name_offer(n: impl std::fmt::Display) -> String {
    crate::i18n::t_args("enter-name-offer", &[("n", n.to_string().into())])
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn name_offer_must_200(n: impl std::fmt::Display) -> String {
    crate::i18n::t_args("name-offer-must-200", &[("n", n.to_string().into())])
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn describe_offer_sentence_two(n: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "describe-offer-sentence-two",
        &[("n", n.to_string().into())],
    )
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn description_offer_must_1(n: impl std::fmt::Display) -> String {
    crate::i18n::t_args("description-offer-must-1", &[("n", n.to_string().into())])
}

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub fn authority_accept_legal_agreements(a0: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "authority-accept-legal-agreements",
        &[("name", a0.to_string().into())],
    )
}

/// Shown by `src/web/admin/direct_bill.rs`.
pub fn reassessment_recorded_next_one(
    organisation: impl std::fmt::Display,
    next: impl std::fmt::Display,
) -> String {
    crate::i18n::t_args(
        "reassessment-recorded-next-one",
        &[
            ("organisation", organisation.to_string().into()),
            ("next", next.to_string().into()),
        ],
    )
}

/// Shown by `src/web/admin/providers.rs`.
pub fn part_before(suffix: impl std::fmt::Display) -> String {
    crate::i18n::t_args("part-before", &[("suffix", suffix.to_string().into())])
}

/// Shown by `src/web/admin/staff.rs`.
pub fn invitation_sent(email: impl std::fmt::Display) -> String {
    crate::i18n::t_args("invitation-sent", &[("email", email.to_string().into())])
}

/// Shown by `src/web/enroll.rs`.
pub fn n7_digit_membership_id(country_name: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "partner-id-hint",
        &[("country", country_name.to_string().into())],
    )
}

/// Shown by `src/web/enroll.rs`.
pub fn required_companies_number_company(country_name: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "registration-required-hint",
        &[("country", country_name.to_string().into())],
    )
}

/// Shown by `src/web/view.rs`.
pub fn requirement_check_recorded(step: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "requirement-check-recorded",
        &[("step", step.to_string().into())],
    )
}

/// Shown by `src/web/view.rs`.
pub fn declared_with_evidence_file(revenue: impl std::fmt::Display, documents: i64) -> String {
    crate::i18n::t_args(
        "declared-with-evidence-file",
        &[
            ("revenue", revenue.to_string().into()),
            ("documents", documents.into()),
        ],
    )
}

// Pages, flows and e-mails: sentences moved here from the code that shows them.

// src/domain/direct_bill.rs

/// Shown by `src/domain/direct_bill.rs`.
pub const ENTER_PROGRAM_CLOUD_REVENUE: Msg = Msg("enter-program-cloud-revenue");

/// Shown by `src/domain/direct_bill.rs`.
pub const ENTER_REVENUE_AMOUNT_US: Msg = Msg("enter-revenue-amount-us");

/// Shown by `src/domain/direct_bill.rs`.
pub const AMOUNT_TOO_LARGE_CHECK: Msg = Msg("amount-too-large-check");

/// Shown by `src/domain/direct_bill.rs`.
pub const DIRECT_BILL_NEEDS_LEAST: Msg = Msg("direct-bill-needs-least");

/// Shown by `src/domain/direct_bill.rs`.
pub const APPROVED_INDIRECT_RESELLER_WITH: Msg = Msg("approved-indirect-reseller-with");

/// Shown by `src/domain/direct_bill.rs`.
pub const ORGANISATION_NOT_APPROVED_INDIRECT: Msg = Msg("organisation-not-approved-indirect");

/// Shown by `src/domain/direct_bill.rs`.
pub const LEAST_12_MONTHS_INDIRECT: Msg = Msg("least-12-months-indirect");

/// Shown by `src/domain/direct_bill.rs`.
pub const COUNTS_FROM_DAY_INDIRECT: Msg = Msg("counts-from-day-indirect");

/// Shown by `src/domain/direct_bill.rs`.
pub const ACTIVE_PARTNER_ID_COUNTRY: Msg = Msg("active-partner-id-country");

/// Shown by `src/domain/direct_bill.rs`.
pub const ORGANISATION_NO_PARTNER_ID: Msg = Msg("organisation-no-partner-id");

// src/domain/enrollment.rs

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_COMPANY_S_LEGAL: Msg = Msg("enter-company-s-legal");

/// Shown by `src/domain/enrollment.rs`.
pub const LEGAL_NAME_MUST_200: Msg = Msg("legal-name-must-200");

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_FULL_LEGAL_NAME: Msg = Msg("enter-full-legal-name");

/// Shown by `src/domain/enrollment.rs`.
pub const LEGAL_NAME_MUST_CONTAIN: Msg = Msg("legal-name-must-contain");

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_TELEPHONE_NUMBER_LIKE: Msg = Msg("enter-telephone-number-like");

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_COMPANY_REGISTRATION_ID: Msg = Msg("enter-company-registration-id");

/// Shown by `src/domain/enrollment.rs`.
pub const REGISTRATION_ID_CAN_ONLY: Msg = Msg("registration-id-can-only");

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_PARTNER_ID: Msg = Msg("enter-partner-id");

/// Shown by `src/domain/enrollment.rs`.
pub const PARTNER_ID_7_DIGITS: Msg = Msg("partner-id-7-digits");

/// Shown by `src/domain/enrollment.rs`.
pub const USE_ADDRESS_COMPANY_S: Msg = Msg("use-address-company-s");

/// Shown by `src/domain/enrollment.rs`.
pub const USE_COMPANY_S_OWN: Msg = Msg("use-company-s-own");

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_SUPPORT_WEB_SITE: Msg = Msg("enter-support-web-site");

/// Shown by `src/domain/enrollment.rs`.
pub const ENTER_WEB_SITE_ADDRESS: Msg = Msg("enter-web-site-address");

// src/domain/form.rs

/// Shown by `src/domain/form.rs`.
pub const ANSWER_CONTAINS_CHARACTERS_CANNOT: Msg = Msg("answer-contains-characters-cannot");

/// Shown by `src/domain/direct_bill.rs`.
pub fn approved_partner_agreement_accepted(a0: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "approved-partner-agreement-accepted",
        &[("date", a0.to_string().into())],
    )
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn approved_but_partner_agreement(a0: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "approved-but-partner-agreement",
        &[("date", a0.to_string().into())],
    )
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn indirect_reseller_since(a0: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "indirect-reseller-since",
        &[("date", a0.to_string().into())],
    )
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn indirect_reseller_since_meet(
    a0: impl std::fmt::Display,
    a1: impl std::fmt::Display,
) -> String {
    crate::i18n::t_args(
        "indirect-reseller-since-meet",
        &[
            ("date", a0.to_string().into()),
            ("met_on", a1.to_string().into()),
        ],
    )
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn partner_id_active(a0: impl std::fmt::Display, id: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "partner-id-active",
        &[
            ("country", a0.to_string().into()),
            ("id", id.to_string().into()),
        ],
    )
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn partner_id_not_active(id: impl std::fmt::Display) -> String {
    crate::i18n::t_args("partner-id-not-active", &[("id", id.to_string().into())])
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn partner_id_does_not(a0: impl std::fmt::Display, id: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "partner-id-does-not",
        &[
            ("country", a0.to_string().into()),
            ("id", id.to_string().into()),
        ],
    )
}

/// A legal name that is only a legal form ("GmbH").
pub const LEGAL_NAME_WITHOUT_COMPANY_NAME: Msg = Msg("legal-name-without-company-name");

/// Shown by `src/web/view.rs`.
pub fn third_party_assessment_scheduled(
    a0: impl std::fmt::Display,
    a1: impl std::fmt::Display,
) -> String {
    crate::i18n::t_args(
        "assessment-scheduled-for",
        &[
            ("date", a0.to_string().into()),
            ("assessor", a1.to_string().into()),
        ],
    )
}

/// Shown by `src/web/view.rs`.
pub fn confirmed_assessment(plan: impl std::fmt::Display) -> String {
    crate::i18n::t_args("confirmed-assessment", &[("plan", plan.to_string().into())])
}

/// Shown by `src/web/view.rs`.
pub fn buy_only_after_credit(plan: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "buy-only-after-credit",
        &[("plan", plan.to_string().into())],
    )
}

/// Shown by `src/web/view.rs`.
pub fn offer_s_confirmed_assessment(count: usize) -> String {
    crate::i18n::t_args("offer-s-confirmed-assessment", &[("count", count.into())])
}

/// Shown by `src/web/view.rs`.
pub fn offer_s_listed_verified(count: usize) -> String {
    crate::i18n::t_args("offer-s-listed-verified", &[("count", count.into())])
}

/// Shown by `src/web/direct.rs`.
pub fn uploaded_can_add_up(a0: impl std::fmt::Display, count: i64) -> String {
    crate::i18n::t_args(
        "uploaded-can-add-up",
        &[("file", a0.to_string().into()), ("count", count.into())],
    )
}

/// Shown by `src/web/partners.rs`.
pub fn now_indirect_provider(a0: impl std::fmt::Display) -> String {
    crate::i18n::t_args("now-indirect-provider", &[("name", a0.to_string().into())])
}

/// Shown by `src/web/admin/direct_bill.rs`.
pub fn indirect_reseller_again_global(a0: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "indirect-reseller-again-global",
        &[("name", a0.to_string().into())],
    )
}

/// Shown by `src/web/admin/providers.rs`.
pub fn listed_indirect_provider(name: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "listed-indirect-provider",
        &[("name", name.to_string().into())],
    )
}

/// Shown by `src/web/admin/review.rs`.
pub fn recorded_applicant_s_primary(a0: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "recorded-applicant-s-primary",
        &[("decision", a0.to_string().into())],
    )
}

/// Shown by `src/flows/providers.rs`.
pub fn cannot_listed_only_approved(name: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "cannot-listed-only-approved",
        &[("name", name.to_string().into())],
    )
}

/// Shown by `src/flows/providers.rs`: not a direct-bill partner.
pub fn cannot_listed_not_direct(name: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "cannot-listed-not-direct",
        &[("name", name.to_string().into())],
    )
}

/// Shown by `src/flows/providers.rs`: the direct-bill standing ended.
pub fn cannot_listed_direct_ended(
    name: impl std::fmt::Display,
    when: impl std::fmt::Display,
) -> String {
    crate::i18n::t_args(
        "cannot-listed-direct-ended",
        &[
            ("name", name.to_string().into()),
            ("when", when.to_string().into()),
        ],
    )
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn entered_apply_again_once(a0: impl std::fmt::Display, a1: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "entered-apply-again-once",
        &[
            ("rule", a0.to_string().into()),
            ("amount", a1.to_string().into()),
        ],
    )
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn can_only_recorded_after(a0: impl std::fmt::Display, a1: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "can-only-recorded-after",
        &[
            ("step", a0.to_string().into()),
            ("earlier", a1.to_string().into()),
        ],
    )
}

/// Shown by `src/domain/direct_bill.rs`.
pub fn already_recorded_passed_check(a0: impl std::fmt::Display) -> String {
    crate::i18n::t_args(
        "already-recorded-passed-check",
        &[("step", a0.to_string().into())],
    )
}

// Pages, flows and e-mails: sentences moved here from the code that shows them.

// src/web/view.rs

/// Shown by `src/web/view.rs`.
pub const ACTIVE_COUNTRY_CHECKED_PORTAL: Msg = Msg("active-country-checked-portal");

/// Shown by `src/web/view.rs`.
pub const FIRST_LINE_SUPPORT_SUPPORT: Msg = Msg("first-line-support-support");

// src/web/direct.rs

/// Shown by `src/web/direct.rs`.
pub const DIRECT_BILL_INTAKE_CLOSED: Msg = Msg("direct-bill-intake-closed");

// src/web/middleware.rs

/// Shown by `src/web/middleware.rs`.
pub const REQUEST_BODY_DID_NOT: &str = "the request body did not arrive in time";

/// Shown by `src/web/middleware.rs`.
pub const SORRY_SOMETHING_WENT_WRONG: Msg = Msg("sorry-something-went-wrong");

// src/web/admin/staff.rs

/// Shown by `src/web/admin/staff.rs`.
pub const SIGN_LOCKS_CLEARED_STAFF: Msg = Msg("sign-locks-cleared-staff");

// src/flows/lifecycle.rs

// src/flows/direct_bill/wizard.rs

/// Shown by `src/flows/direct_bill/wizard.rs`.
pub const DIRECT_BILL_PARTNERS_MUST: Msg = Msg("direct-bill-partners-must");

// src/domain/staff.rs

/// Shown by `src/domain/staff.rs`.
pub const WORKS_APPLICATION_QUEUE: Msg = Msg("works-application-queue");

/// Shown by `src/domain/staff.rs`.
pub const ALSO_MANAGES_STAFF_PROVIDERS: Msg = Msg("also-manages-staff-providers");

/// Whole minutes of `idle` (at least one), for the sentences about signing out.
fn idle_minutes(idle: std::time::Duration) -> crate::i18n::Arg {
    crate::i18n::Arg::Number(i64::try_from(idle.as_secs().div_ceil(60).max(1)).unwrap_or(i64::MAX))
}

/// The sign-in page's line when the session expired (`kept`: a form's answers are kept).
pub fn signed_out_idle(idle: std::time::Duration, kept: bool) -> String {
    let key = if kept {
        "signin-why-expired-kept"
    } else {
        "signin-why-expired"
    };
    crate::i18n::t_args(key, &[("minutes", idle_minutes(idle))])
}

/// The flash on a form filled in again after signing in.
pub fn resumed_after_idle(idle: std::time::Duration) -> String {
    crate::i18n::t_args("flash-resumed", &[("minutes", idle_minutes(idle))])
}

/// The timeout warning's sentence.
pub fn timeout_warning(idle: &std::time::Duration) -> String {
    crate::i18n::t_args("timeout-warning-text", &[("minutes", idle_minutes(*idle))])
}

/// The sign-in page's line when a page needed signing in.
pub const SIGN_IN_TO_OPEN: Msg = Msg("signin-why-needed");
