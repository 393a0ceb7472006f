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

/// What happens next after a move, in words for the e-mail and the status page.
pub fn next_steps(to: crate::domain::application::ApplicationState) -> &'static str {
    match to {
        crate::domain::application::ApplicationState::Draft => {
            "Finish the enrollment wizard and choose Enroll now."
        }
        crate::domain::application::ApplicationState::AwaitingContactVerification => {
            "The primary contact has an e-mail with a link to confirm. Review starts once they confirm."
        }
        crate::domain::application::ApplicationState::InReview => {
            "The program's team is reviewing the application. This can take several days; we will e-mail the primary contact when it changes."
        }
        crate::domain::application::ApplicationState::InfoRequested => {
            "Answer the team's question on the application's status page and resubmit."
        }
        crate::domain::application::ApplicationState::Approved => {
            "The account is ready. A global admin must accept the partner agreement before the partner can transact."
        }
        crate::domain::application::ApplicationState::Rejected => {
            "The application was not approved. The reason is on the status page."
        }
        crate::domain::application::ApplicationState::Withdrawn => {
            "The application was withdrawn. You can enroll again at any time."
        }
    }
}

/// Formats a time for people: "22 Nov 2026, 05:33 UTC".
pub fn when(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let format = time::macros::format_description!(
        "[day padding:none] [month repr:short] [year], [hour]:[minute] UTC"
    );
    t.format(&format).unwrap_or_else(|_| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_like_a_person_writes_them() {
        let t = time::macros::datetime!(2026-11-22 05:33:10 UTC);
        assert_eq!(when(t), "22 Nov 2026, 05:33 UTC");
    }
}
