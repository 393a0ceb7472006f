//! The life of an enrollment application: its states and the moves between them.

use std::fmt;

/// Which partner program an application is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum Program {
    /// Indirect reseller: buys through an indirect provider.
    IndirectReseller,
    /// Direct bill: buys from the vendor directly.
    DirectBill,
}

impl Program {
    /// Both programs.
    pub const ALL: [Program; 2] = [Program::IndirectReseller, Program::DirectBill];

    /// The database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Program::IndirectReseller => "indirect_reseller",
            Program::DirectBill => "direct_bill",
        }
    }

    /// Reads the database spelling (a filter's value, say).
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == code)
    }

    /// The program in words.
    pub fn label(self) -> crate::messages::Msg {
        use crate::i18n::Msg;
        match self {
            Program::IndirectReseller => Msg("program-indirect-reseller"),
            Program::DirectBill => Msg("program-direct-bill"),
        }
    }

    /// True for direct bill.
    pub fn is_direct_bill(self) -> bool {
        self == Program::DirectBill
    }
}

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum ApplicationState {
    /// Being filled in; not yet submitted.
    Draft,
    /// Submitted; waiting for the primary contact to confirm their e-mail address.
    AwaitingContactVerification,
    /// With the operator's reviewers.
    InReview,
    /// The reviewers asked the applicant for more information.
    InfoRequested,
    /// Accepted into the program (final).
    Approved,
    /// Turned down, with a reason (final).
    Rejected,
    /// Withdrawn by the applicant (final).
    Withdrawn,
}

/// What can happen to an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// The applicant presses "Enroll now".
    Submit,
    /// A direct-bill applicant submits: straight to review (the contact was confirmed when
    /// the tenant enrolled as an indirect reseller).
    SubmitForReview,
    /// The primary contact confirms their address.
    VerifyContact,
    /// A reviewer approves.
    Approve,
    /// A reviewer rejects.
    Reject,
    /// A reviewer asks for more information.
    RequestInfo,
    /// The applicant answers an information request.
    Resubmit,
    /// The applicant withdraws.
    Withdraw,
}

/// A move that the current state does not allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("an application that is {from} cannot {attempted}")]
pub struct IllegalMove {
    /// The state the application was in.
    pub from: ApplicationState,
    /// What was tried.
    pub attempted: Move,
}

impl ApplicationState {
    /// Every state, for listings and tests.
    pub const ALL: [ApplicationState; 7] = [
        ApplicationState::Draft,
        ApplicationState::AwaitingContactVerification,
        ApplicationState::InReview,
        ApplicationState::InfoRequested,
        ApplicationState::Approved,
        ApplicationState::Rejected,
        ApplicationState::Withdrawn,
    ];

    /// The database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationState::Draft => "draft",
            ApplicationState::AwaitingContactVerification => "awaiting_contact_verification",
            ApplicationState::InReview => "in_review",
            ApplicationState::InfoRequested => "info_requested",
            ApplicationState::Approved => "approved",
            ApplicationState::Rejected => "rejected",
            ApplicationState::Withdrawn => "withdrawn",
        }
    }

    /// Reads the database spelling.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == code)
    }

    /// Being filled in.
    pub fn is_draft(self) -> bool {
        self == ApplicationState::Draft
    }

    /// Waiting for the primary contact.
    pub fn is_awaiting_contact(self) -> bool {
        self == ApplicationState::AwaitingContactVerification
    }

    /// With the reviewers.
    pub fn is_in_review(self) -> bool {
        self == ApplicationState::InReview
    }

    /// The reviewers asked the applicant something.
    pub fn is_info_requested(self) -> bool {
        self == ApplicationState::InfoRequested
    }

    /// Approved.
    pub fn is_approved(self) -> bool {
        self == ApplicationState::Approved
    }

    /// Rejected.
    pub fn is_rejected(self) -> bool {
        self == ApplicationState::Rejected
    }

    /// Withdrawn.
    pub fn is_withdrawn(self) -> bool {
        self == ApplicationState::Withdrawn
    }

    /// No move leads out of a final state.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ApplicationState::Approved | ApplicationState::Rejected | ApplicationState::Withdrawn
        )
    }

    /// The state in plain words, for applicants.
    pub fn plain(self) -> crate::messages::Msg {
        match self {
            ApplicationState::Draft => crate::messages::PLAIN_DRAFT,
            ApplicationState::AwaitingContactVerification => {
                crate::messages::PLAIN_AWAITING_CONTACT
            }
            ApplicationState::InReview => crate::messages::PLAIN_IN_REVIEW,
            ApplicationState::InfoRequested => crate::messages::PLAIN_INFO_REQUESTED,
            ApplicationState::Approved => crate::messages::PLAIN_APPROVED,
            ApplicationState::Rejected => crate::messages::PLAIN_REJECTED,
            ApplicationState::Withdrawn => crate::messages::PLAIN_WITHDRAWN,
        }
    }

    /// What happens next once an application is in this state, for the e-mail and the
    /// status page.
    pub fn next_steps(self) -> crate::messages::Msg {
        match self {
            ApplicationState::Draft => crate::messages::NEXT_STEPS_DRAFT,
            ApplicationState::AwaitingContactVerification => {
                crate::messages::NEXT_STEPS_AWAITING_CONTACT_VERIFICATION
            }
            ApplicationState::InReview => crate::messages::NEXT_STEPS_IN_REVIEW,
            ApplicationState::InfoRequested => crate::messages::NEXT_STEPS_INFO_REQUESTED,
            ApplicationState::Approved => crate::messages::NEXT_STEPS_APPROVED,
            ApplicationState::Rejected => crate::messages::NEXT_STEPS_REJECTED,
            ApplicationState::Withdrawn => crate::messages::NEXT_STEPS_WITHDRAWN,
        }
    }

    /// The state as reviewers call it.
    pub fn staff_label(self) -> crate::messages::Msg {
        use crate::i18n::Msg;
        match self {
            ApplicationState::Draft => Msg("state-draft"),
            ApplicationState::AwaitingContactVerification => Msg("state-awaiting-contact"),
            ApplicationState::InReview => Msg("state-in-review"),
            ApplicationState::InfoRequested => Msg("state-info-requested"),
            ApplicationState::Approved => Msg("state-approved"),
            ApplicationState::Rejected => Msg("state-rejected"),
            ApplicationState::Withdrawn => Msg("state-withdrawn"),
        }
    }

    /// The state a move leads to, or why it is refused.
    pub fn apply(self, attempted: Move) -> Result<ApplicationState, IllegalMove> {
        use ApplicationState::*;
        let next = match (self, attempted) {
            (Draft, Move::Submit) => AwaitingContactVerification,
            (Draft, Move::SubmitForReview) => InReview,
            (AwaitingContactVerification, Move::VerifyContact) => InReview,
            (InReview, Move::Approve) => Approved,
            (InReview, Move::Reject) => Rejected,
            (InReview, Move::RequestInfo) => InfoRequested,
            (InfoRequested, Move::Resubmit) => InReview,
            (s, Move::Withdraw) if !s.is_final() => Withdrawn,
            _ => {
                return Err(IllegalMove {
                    from: self,
                    attempted,
                });
            }
        };
        Ok(next)
    }
}

impl fmt::Display for ApplicationState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Move {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = match self {
            Move::Submit => "be submitted",
            Move::SubmitForReview => "be submitted for review",
            Move::VerifyContact => "have its contact verified",
            Move::Approve => "be approved",
            Move::Reject => "be rejected",
            Move::RequestInfo => "be asked for more information",
            Move::Resubmit => "be resubmitted",
            Move::Withdraw => "be withdrawn",
        };
        f.write_str(words)
    }
}

#[cfg(test)]
mod tests {
    use super::ApplicationState::*;
    use super::*;

    const MOVES: [Move; 8] = [
        Move::Submit,
        Move::SubmitForReview,
        Move::VerifyContact,
        Move::Approve,
        Move::Reject,
        Move::RequestInfo,
        Move::Resubmit,
        Move::Withdraw,
    ];

    fn allowed() -> Vec<(ApplicationState, Move, ApplicationState)> {
        vec![
            (Draft, Move::Submit, AwaitingContactVerification),
            (Draft, Move::SubmitForReview, InReview),
            (AwaitingContactVerification, Move::VerifyContact, InReview),
            (InReview, Move::Approve, Approved),
            (InReview, Move::Reject, Rejected),
            (InReview, Move::RequestInfo, InfoRequested),
            (InfoRequested, Move::Resubmit, InReview),
            (Draft, Move::Withdraw, Withdrawn),
            (AwaitingContactVerification, Move::Withdraw, Withdrawn),
            (InReview, Move::Withdraw, Withdrawn),
            (InfoRequested, Move::Withdraw, Withdrawn),
        ]
    }

    #[test]
    fn every_allowed_move_leads_where_it_should() {
        for (from, m, to) in allowed() {
            assert_eq!(from.apply(m), Ok(to), "{from} {m:?}");
        }
    }

    #[test]
    fn every_other_move_is_refused() {
        let allowed = allowed();
        for from in ApplicationState::ALL {
            for m in MOVES {
                if allowed.iter().any(|(f, a, _)| *f == from && *a == m) {
                    continue;
                }
                assert_eq!(
                    from.apply(m),
                    Err(IllegalMove { from, attempted: m }),
                    "{from} {m:?}"
                );
            }
        }
    }

    #[test]
    fn final_states_allow_nothing() {
        for from in [Approved, Rejected, Withdrawn] {
            assert!(from.is_final());
            assert!(MOVES.iter().all(|m| from.apply(*m).is_err()));
        }
    }

    #[test]
    fn states_round_trip_through_their_database_spelling() {
        for s in ApplicationState::ALL {
            assert_eq!(ApplicationState::parse(s.as_str()), Some(s));
        }
        assert_eq!(ApplicationState::parse("nonsense"), None);
    }
}
