//! The portal's e-mails. Each has a subject, a text body and an HTML body, all
//! from templates under `templates/emails/<name>/`.

use crate::db::outbox::NewEmail;
use crate::i18n::filters;
use askama::Template;

/// Renders an e-mail's three templates into a message for `recipient`.
pub trait EmailContent {
    /// Subject, text and HTML for this message.
    fn render_parts(&self) -> askama::Result<(String, String, String)>;

    /// The message in `lang`, ready for the outbox.
    fn to_email_in(&self, lang: crate::i18n::Lang, recipient: &str) -> askama::Result<NewEmail> {
        crate::i18n::sync_scope(lang, || self.to_email(recipient))
    }

    /// The message in the current language (the request's), ready for the outbox.
    fn to_email(&self, recipient: &str) -> askama::Result<NewEmail> {
        let (subject, body_text, body_html) = self.render_parts()?;
        Ok(NewEmail {
            recipient: recipient.to_owned(),
            subject: subject.trim().to_owned(),
            body_text,
            body_html,
        })
    }
}

/// `email_templates!(Name, subject, text, html)`: a message whose templates are in every
/// language; it renders in the current language (see [`EmailContent::to_email_in`]).
macro_rules! email_templates {
    ($message:ident, $subject:literal, $text:literal, $html:literal) => {
        impl EmailContent for $message {
            fn render_parts(&self) -> askama::Result<(String, String, String)> {
                #[derive(Template)]
                #[template(path = $subject)]
                #[allow(dead_code)] // a subject may not use the message's fields
                struct Subject<'a> {
                    m: &'a $message,
                }
                #[derive(Template)]
                #[template(path = $text)]
                struct Text<'a> {
                    m: &'a $message,
                }
                #[derive(Template)]
                #[template(path = $html)]
                struct Html<'a> {
                    m: &'a $message,
                }
                Ok((
                    Subject { m: self }.render()?,
                    Text { m: self }.render()?,
                    Html { m: self }.render()?,
                ))
            }
        }
    };
}

/// Asks a new user to confirm their e-mail address.
pub struct ConfirmEmail {
    /// Recipient's name.
    pub name: String,
    /// Organisation the account belongs to.
    pub organisation: String,
    /// The confirmation link.
    pub link: String,
}
email_templates!(
    ConfirmEmail,
    "emails/confirm_email/subject.txt",
    "emails/confirm_email/body.txt",
    "emails/confirm_email/body.html"
);

/// Tells an account's owner that someone tried to sign up with their address (instead of
/// telling the person signing up that the address is taken).
pub struct AccountExists {
    /// Recipient's name.
    pub name: String,
    /// The sign-in page.
    pub sign_in_link: String,
    /// The forgotten-password page.
    pub reset_link: String,
}
email_templates!(
    AccountExists,
    "emails/account_exists/subject.txt",
    "emails/account_exists/body.txt",
    "emails/account_exists/body.html"
);

/// A password-reset link.
pub struct ResetPassword {
    /// Recipient's name.
    pub name: String,
    /// The reset link.
    pub link: String,
}
email_templates!(
    ResetPassword,
    "emails/reset_password/subject.txt",
    "emails/reset_password/body.txt",
    "emails/reset_password/body.html"
);

/// Tells a user their password was changed (or reset).
pub struct PasswordChanged {
    /// Recipient's name.
    pub name: String,
    /// Where to start a reset if it was not them.
    pub reset_link: String,
}
email_templates!(
    PasswordChanged,
    "emails/password_changed/subject.txt",
    "emails/password_changed/body.txt",
    "emails/password_changed/body.html"
);

/// Tells a user their account was locked after repeated failed sign-ins.
pub struct AccountLocked {
    /// Recipient's name.
    pub name: String,
    /// When the lock ends, in plain words (UTC).
    pub until: String,
    /// Where to reset the password.
    pub reset_link: String,
}
email_templates!(
    AccountLocked,
    "emails/account_locked/subject.txt",
    "emails/account_locked/body.txt",
    "emails/account_locked/body.html"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_email_has_all_three_parts_and_escapes_html() {
        let email = ConfirmEmail {
            name: "Jane <Doe>".into(),
            organisation: "Contoso & Co".into(),
            link: "http://127.0.0.1:3000/signup/confirm/abc".into(),
        }
        .to_email("jane@contoso.com")
        .unwrap();
        assert_eq!(
            email.subject,
            "Confirm your e-mail address for Partner Portal"
        );
        assert!(email.body_text.contains("Jane <Doe>"));
        assert!(
            email
                .body_text
                .contains("http://127.0.0.1:3000/signup/confirm/abc")
        );
        assert!(
            email.body_html.contains("Jane &#60;Doe&#62;")
                || email.body_html.contains("Jane &lt;Doe&gt;")
        );
        assert!(
            email
                .body_html
                .contains("href=\"http://127.0.0.1:3000/signup/confirm/abc\"")
        );
    }
}

/// Asks an application's primary contact to confirm their address.
pub struct VerifyContact {
    /// Contact's first name.
    pub name: String,
    /// Applying organisation (legal name).
    pub organisation: String,
    /// Who submitted the application.
    pub applicant: String,
    /// The verification link.
    pub link: String,
}
email_templates!(
    VerifyContact,
    "emails/verify_contact/subject.txt",
    "emails/verify_contact/body.txt",
    "emails/verify_contact/body.html"
);

/// Tells the primary contact where the application stands now.
pub struct ApplicationStatusChanged {
    /// Contact's first name.
    pub name: String,
    /// Applying organisation (legal name).
    pub organisation: String,
    /// The new state in plain words.
    pub state_words: String,
    /// What happens next, or the reason / the question.
    pub detail: String,
    /// The status page (the contact's status link, or the application's page).
    pub link: String,
    /// Who must accept the partner agreement, for a contact who cannot.
    pub note: Option<String>,
}
email_templates!(
    ApplicationStatusChanged,
    "emails/application_status/subject.txt",
    "emails/application_status/body.txt",
    "emails/application_status/body.html"
);

/// Tells the applicant that the primary contact declined to confirm.
pub struct ContactDeclined {
    /// Applicant's name.
    pub name: String,
    /// The contact's address.
    pub contact_email: String,
    /// The status page.
    pub link: String,
}
email_templates!(
    ContactDeclined,
    "emails/contact_declined/subject.txt",
    "emails/contact_declined/body.txt",
    "emails/contact_declined/body.html"
);

/// Invites someone to join the operator's staff.
pub struct StaffInvitation {
    /// Invitee's name.
    pub name: String,
    /// Who invited them.
    pub inviter: String,
    /// Role in words.
    pub role: String,
    /// The invitation link.
    pub link: String,
}
email_templates!(
    StaffInvitation,
    "emails/staff_invitation/subject.txt",
    "emails/staff_invitation/body.txt",
    "emails/staff_invitation/body.html"
);

/// A provider's personal invitation to a reseller (also the draft the provider copies).
pub struct PartnershipInvitation {
    /// Provider's organisation name.
    pub provider: String,
    /// Regions the provider serves, in words.
    pub regions: String,
    /// The personal link.
    pub link: String,
    /// Until when it works, in words.
    pub until: String,
}
email_templates!(
    PartnershipInvitation,
    "emails/partnership_invitation/subject.txt",
    "emails/partnership_invitation/body.txt",
    "emails/partnership_invitation/body.html"
);

/// Tells both sides that a partnership has ended.
pub struct PartnershipEnded {
    /// Provider's name.
    pub provider: String,
    /// Reseller's name.
    pub reseller: String,
    /// The reseller ended it (else the provider).
    pub by_reseller: bool,
}
email_templates!(
    PartnershipEnded,
    "emails/partnership_ended/subject.txt",
    "emails/partnership_ended/body.txt",
    "emails/partnership_ended/body.html"
);

/// A reseller's request that a customer authorise it and one of its providers.
pub struct CustomerInvitation {
    /// Reseller's name.
    pub reseller: String,
    /// Provider's name.
    pub provider: String,
    /// The personal link.
    pub link: String,
    /// Until when it works, in words.
    pub until: String,
}
email_templates!(
    CustomerInvitation,
    "emails/customer_invitation/subject.txt",
    "emails/customer_invitation/body.txt",
    "emails/customer_invitation/body.html"
);

/// The yearly reassessment falls due (sent 30 days before).
pub struct DirectBillReminder {
    /// Recipient's first name.
    pub name: String,
    /// Organisation.
    pub organisation: String,
    /// The due date, in words.
    pub due: String,
    /// The dashboard.
    pub link: String,
}
email_templates!(
    DirectBillReminder,
    "emails/direct_bill_reminder/subject.txt",
    "emails/direct_bill_reminder/body.txt",
    "emails/direct_bill_reminder/body.html"
);

/// A direct-bill partner was moved back to indirect reseller (to its global admins).
pub struct DirectBillTransitioned {
    /// Organisation.
    pub organisation: String,
    /// Who moved it (the partner's admin, or operator staff).
    pub by: String,
    /// Why.
    pub reason: String,
    /// The dashboard.
    pub link: String,
}
email_templates!(
    DirectBillTransitioned,
    "emails/direct_bill_transitioned/subject.txt",
    "emails/direct_bill_transitioned/body.txt",
    "emails/direct_bill_transitioned/body.html"
);

/// A direct-bill requirement check or reassessment, in the words the applicant's timeline
/// shows too.
pub struct DirectBillNotice {
    /// Recipient's first name.
    pub name: String,
    /// Organisation.
    pub organisation: String,
    /// What happened, as a short sentence without a full stop.
    pub headline: String,
    /// What it means and what to do.
    pub body: String,
    /// Where to look.
    pub link: String,
    /// The link's words.
    pub link_text: String,
}
email_templates!(
    DirectBillNotice,
    "emails/direct_bill_notice/subject.txt",
    "emails/direct_bill_notice/body.txt",
    "emails/direct_bill_notice/body.html"
);

/// Tells a colleague an admin added them (the temporary password is not in it: the admin
/// passes it on).
pub struct UserAdded {
    /// The new user's name.
    pub name: String,
    /// Who added them.
    pub by: String,
    /// Organisation.
    pub organisation: String,
    /// Their role, in words.
    pub role: String,
    /// The sign-in page.
    pub sign_in_link: String,
    /// Until when the temporary password works, in words.
    pub until: String,
    /// Confirms the address (24 hours).
    pub confirm_link: String,
}
email_templates!(
    UserAdded,
    "emails/user_added/subject.txt",
    "emails/user_added/body.txt",
    "emails/user_added/body.html"
);

/// Tells an organisation's global admins that its bank details were changed (where money
/// goes: an unexpected change must be noticed).
pub struct BankDetailsChanged {
    /// Organisation.
    pub organisation: String,
    /// Who changed them.
    pub by: String,
    /// When.
    pub when: time::OffsetDateTime,
    /// The organisation profile.
    pub link: String,
}
email_templates!(
    BankDetailsChanged,
    "emails/bank_details_changed/subject.txt",
    "emails/bank_details_changed/body.txt",
    "emails/bank_details_changed/body.html"
);

/// Tells an organisation's global admins what staff decided on its legal-name change.
pub struct LegalNameDecided {
    /// Organisation.
    pub organisation: String,
    /// The legal name asked for.
    pub requested: String,
    /// Approved (else declined).
    pub approved: bool,
    /// Why it was declined.
    pub reason: String,
    /// The organisation profile.
    pub link: String,
}
email_templates!(
    LegalNameDecided,
    "emails/legal_name_decided/subject.txt",
    "emails/legal_name_decided/body.txt",
    "emails/legal_name_decided/body.html"
);

/// Tells both organisations' global admins that delegated admin access was withdrawn.
pub struct AdminAccessRemoved {
    /// The organisation that gave the access.
    pub organisation: String,
    /// The organisation that had it.
    pub grantee: String,
    /// Who withdrew it.
    pub by: String,
}
email_templates!(
    AdminAccessRemoved,
    "emails/admin_access_removed/subject.txt",
    "emails/admin_access_removed/body.txt",
    "emails/admin_access_removed/body.html"
);

/// Tells a customer's new admin that a partner set up its work account (the temporary
/// password is not in it: the partner passes it on).
pub struct CustomerAdded {
    /// The admin's name.
    pub name: String,
    /// The customer company.
    pub company: String,
    /// The partner that added it.
    pub partner: String,
    /// The sign-in page.
    pub sign_in_link: String,
    /// Confirms the address (24 hours).
    pub confirm_link: String,
    /// Until when the temporary password works, in words.
    pub until: String,
}
email_templates!(
    CustomerAdded,
    "emails/customer_added/subject.txt",
    "emails/customer_added/body.txt",
    "emails/customer_added/body.html"
);

/// Tells a customer's admins that its provider ended the partnership with its reseller (the
/// customer stays a customer of both).
pub struct CustomerPartnershipEnded {
    /// The customer.
    pub customer: String,
    /// The provider.
    pub provider: String,
    /// The reseller.
    pub reseller: String,
    /// The reseller ended it (else the provider).
    pub by_reseller: bool,
}
email_templates!(
    CustomerPartnershipEnded,
    "emails/customer_partnership_ended/subject.txt",
    "emails/customer_partnership_ended/body.txt",
    "emails/customer_partnership_ended/body.html"
);

/// Tells the partners' global admins that a customer authorised the relationship.
pub struct CustomerAuthorised {
    /// The customer.
    pub customer: String,
    /// The provider (or direct-bill partner).
    pub provider: String,
    /// The reseller, or empty (one tier).
    pub reseller: String,
}
email_templates!(
    CustomerAuthorised,
    "emails/customer_authorised/subject.txt",
    "emails/customer_authorised/body.txt",
    "emails/customer_authorised/body.html"
);

/// Tells a provider's global admins, and its resellers' global admins, that it is no longer
/// listed in the provider directory.
pub struct ProviderWithdrawn {
    /// The provider.
    pub provider: String,
    /// Why, as a catalogue key.
    pub reason: &'static str,
    /// Written to the provider itself (else to one of its resellers).
    pub to_provider: bool,
}
email_templates!(
    ProviderWithdrawn,
    "emails/provider_withdrawn/subject.txt",
    "emails/provider_withdrawn/body.txt",
    "emails/provider_withdrawn/body.html"
);

/// Confirms an order to the customer's admins and the reseller's global admins.
pub struct OrderPlaced {
    /// Order number.
    pub number: i64,
    /// The customer.
    pub customer: String,
    /// The provider that placed it.
    pub provider: String,
    /// The reseller it was placed for, if any.
    pub reseller: Option<String>,
    /// Lines: offer, licences, price per licence, line total.
    pub lines: Vec<(
        String,
        i32,
        crate::domain::order::Money,
        crate::domain::order::Money,
    )>,
    /// Total.
    pub total: crate::domain::order::Money,
    /// The order's page.
    pub link: String,
}
email_templates!(
    OrderPlaced,
    "emails/order_placed/subject.txt",
    "emails/order_placed/body.txt",
    "emails/order_placed/body.html"
);

/// Tells a provider's global admins that a reseller authorised it.
pub struct PartnershipStarted {
    /// The provider.
    pub provider: String,
    /// The reseller.
    pub reseller: String,
    /// The provider's resellers page.
    pub link: String,
}
email_templates!(
    PartnershipStarted,
    "emails/partnership_started/subject.txt",
    "emails/partnership_started/body.txt",
    "emails/partnership_started/body.html"
);

/// Tells a provider's global admins that a reseller declined its invitation.
pub struct InvitationDeclined {
    /// The provider.
    pub provider: String,
    /// The reseller.
    pub reseller: String,
    /// Why, in the reseller's words, if it said.
    pub reason: Option<String>,
}
email_templates!(
    InvitationDeclined,
    "emails/invitation_declined/subject.txt",
    "emails/invitation_declined/body.txt",
    "emails/invitation_declined/body.html"
);

/// A reseller asks a provider (its global admins) for a partnership invitation.
pub struct InvitationRequested {
    /// The provider.
    pub provider: String,
    /// The reseller.
    pub reseller: String,
    /// The reseller's partner ID, if it has one.
    pub partner_id: Option<String>,
    /// The reseller's country in every language ([`crate::i18n::Lang::ALL`] order).
    pub country_names: [String; 3],
    /// Who asks.
    pub person: String,
    /// Their address.
    pub email: String,
    /// The provider's resellers page (where invitations are made).
    pub link: String,
}

impl InvitationRequested {
    /// The reseller's country in the reader's language.
    pub fn country(&self) -> &str {
        let lang = crate::i18n::current();
        let i = crate::i18n::Lang::ALL
            .iter()
            .position(|l| *l == lang)
            .unwrap_or(0);
        &self.country_names[i]
    }
}
email_templates!(
    InvitationRequested,
    "emails/invitation_requested/subject.txt",
    "emails/invitation_requested/body.txt",
    "emails/invitation_requested/body.html"
);
