//! View-model helpers shared by pages: timeline lines and the like, built from loaded rows.

use crate::db::applications::{ActorKind, Application};
use crate::db::direct_bill::{Answers, Check};
use crate::domain::application::ApplicationState;
use crate::domain::direct_bill::{self as rules, CheckStep};
use crate::messages;

/// A timeline entry in words.
pub fn describe_event(
    kind: &str,
    from: Option<ApplicationState>,
    to: Option<ApplicationState>,
) -> String {
    use ApplicationState::*;
    match (kind, from, to) {
        ("state_changed", Some(Draft), Some(InReview)) => {
            messages::APPLICATION_SUBMITTED_REVIEW_STARTED.into()
        }
        ("state_changed", Some(Draft), _) => messages::APPLICATION_SUBMITTED_VERIFICATION_E.into(),
        ("state_changed", Some(AwaitingContactVerification), Some(InReview)) => {
            messages::PRIMARY_CONTACT_CONFIRMED_APPLICATION.into()
        }
        ("state_changed", Some(InfoRequested), Some(InReview)) => {
            messages::APPLICATION_RESUBMITTED_REVIEW.into()
        }
        ("state_changed", _, Some(s)) => crate::i18n::t_args(
            "timeline-status-changed",
            &[("state", s.plain().to_string().into())],
        ),
        ("contact_declined", _, _) => messages::PRIMARY_CONTACT_DID_NOT.into(),
        ("verification_resent", _, _) => messages::VERIFICATION_E_MAIL_SENT.into(),
        ("info_provided", _, _) => messages::APPLICANT_ANSWERED_TEAM_S.into(),
        (kind, _, _) if kind.starts_with("check_") => {
            let step = CheckStep::parse(&kind["check_".len()..]);
            messages::requirement_check_recorded(
                step.map(|s| s.label().to_string())
                    .unwrap_or_else(|| crate::i18n::t("timeline-unknown-step")),
            )
        }
        ("answers_changed", _, _) => crate::i18n::t("timeline-answers-changed"),
        ("authority_confirmed", _, _) => crate::i18n::t("timeline-authority-confirmed"),
        (other, _, _) => other.replace('_', " "),
    }
}

/// Who made a timeline entry, in the reader's language. Applicants see "the program's
/// team" where staff see the reviewer's name: staff names are not the partners' business.
pub fn describe_actor(kind: ActorKind, label: &str, reader_is_staff: bool) -> String {
    match kind {
        ActorKind::Partner => label.to_owned(),
        ActorKind::Staff if !reader_is_staff => crate::i18n::t("actor-program-team"),
        ActorKind::Staff => crate::i18n::t_args("actor-reviewer", &[("name", label.into())]),
        ActorKind::Contact => {
            crate::i18n::t_args("actor-primary-contact", &[("email", label.into())])
        }
    }
}

/// A timeline entry's detail in the reader's language: what people wrote stays as written;
/// what the portal recorded (a wizard step, an assignee) is put into words here.
pub fn describe_detail(kind: &str, detail: Option<&str>) -> Option<String> {
    let detail = detail?;
    Some(match kind {
        "answers_changed" => messages::answers_step_title(detail)
            .map_or_else(|| detail.to_owned(), |m| m.to_string()),
        "assigned" => crate::i18n::t_args("assigned-to", &[("name", detail.into())]),
        "authority_confirmed" => messages::authority_accept_legal_agreements(detail),
        _ => detail.to_owned(),
    })
}

/// Where one requirement stands on the applicant's status page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineStatus {
    /// Confirmed.
    Verified,
    /// Not known yet.
    Pending,
    /// Not met.
    Failed,
}

impl LineStatus {
    /// The page's `data-status` spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            LineStatus::Verified => "verified",
            LineStatus::Pending => "pending",
            LineStatus::Failed => "failed",
        }
    }

    /// In words.
    pub fn label(self) -> messages::Msg {
        match self {
            LineStatus::Verified => messages::Msg("line-verified"),
            LineStatus::Pending => messages::Msg("line-pending"),
            LineStatus::Failed => messages::Msg("line-failed"),
        }
    }

    /// The colour of its tag.
    pub fn tag_colour(self) -> &'static str {
        match self {
            LineStatus::Verified => "green",
            LineStatus::Pending => "blue",
            LineStatus::Failed => "red",
        }
    }
}

/// One requirement line on the applicant's status page.
pub struct RequirementLine {
    /// The requirement.
    pub label: messages::Msg,
    /// Where it stands.
    pub status: LineStatus,
    /// How it was checked, in words.
    pub detail: String,
}

/// The status page's requirement lines for a direct-bill application.
pub fn requirement_lines(
    app: &Application,
    answers: &Answers,
    documents: usize,
    checks: &[Check],
    partner_id_active: bool,
) -> Vec<RequirementLine> {
    let submitted = app.submitted_at.is_some();
    let check = |step: CheckStep| checks.iter().find(|c| c.step == step);
    let from_check = |step: CheckStep, pending: &dyn std::fmt::Display| -> (LineStatus, String) {
        match check(step) {
            Some(c) if c.outcome.is_failed() => (
                LineStatus::Failed,
                match c.note.as_deref() {
                    Some(note) => crate::i18n::t_args(
                        "line-not-confirmed-on-note",
                        &[
                            ("date", crate::messages::when(c.recorded_at).into()),
                            ("note", note.into()),
                        ],
                    ),
                    None => crate::i18n::t_args(
                        "line-not-confirmed-on",
                        &[("date", crate::messages::when(c.recorded_at).into())],
                    ),
                },
            ),
            Some(c) if c.outcome.is_passed() => (
                LineStatus::Verified,
                crate::i18n::t_args(
                    "check-confirmed-on",
                    &[("date", crate::messages::when(c.recorded_at).into())],
                ),
            ),
            _ => (LineStatus::Pending, pending.to_string()),
        }
    };
    let revenue = from_check(
        CheckStep::RevenueTenure,
        &messages::declared_with_evidence_file(
            answers
                .revenue_usd_cents
                .map(rules::format_usd)
                .unwrap_or_else(|| crate::i18n::t("line-nothing-yet")),
            documents as i64,
        ),
    );
    let tenure = from_check(
        CheckStep::RevenueTenure,
        &messages::COMPUTED_FROM_APPROVAL_DATE,
    );
    let credit = from_check(
        CheckStep::CreditCheck,
        &messages::AFTER_REVENUE_TENURE_CONFIRMED,
    );
    let assessment = match (
        check(CheckStep::AssessmentResult),
        check(CheckStep::AssessmentScheduled),
    ) {
        (Some(_), _) => from_check(CheckStep::AssessmentResult, &""),
        (None, Some(s)) => (
            LineStatus::Pending,
            crate::messages::third_party_assessment_scheduled(
                s.assessment_on.map(rules::day).unwrap_or_default(),
                s.assessor.clone().unwrap_or_default(),
            ),
        ),
        (None, None) => (
            LineStatus::Pending,
            messages::THIRD_PARTY_ASSESSMENT_SCHEDULED.into(),
        ),
    };
    let line = |label, (status, detail): (LineStatus, String)| RequirementLine {
        label,
        status,
        detail,
    };
    let plan = answers
        .support_plan
        .as_deref()
        .map(rules::support_plan_label)
        .unwrap_or(messages::Msg("support-plan-none"));
    vec![
        line(
            messages::PARTNER_ID_LABEL,
            if partner_id_active {
                (
                    LineStatus::Verified,
                    messages::ACTIVE_COUNTRY_CHECKED_PORTAL.into(),
                )
            } else {
                (LineStatus::Failed, messages::NOT_ACTIVE_NOT_COUNTRY.into())
            },
        ),
        line(messages::TENURE_12_MONTHS, tenure),
        line(messages::REVENUE_USD_300_000, revenue),
        line(
            messages::AUTHORITY_ACCEPT_AGREEMENTS,
            if submitted {
                (
                    LineStatus::Verified,
                    messages::CONFIRMED_APPLICANT_SUBMISSION.into(),
                )
            } else {
                (LineStatus::Pending, messages::CONFIRM_LAST_STEP.into())
            },
        ),
        line(messages::CHECK_CREDIT, credit),
        line(
            messages::FIRST_LINE_SUPPORT_SUPPORT,
            match assessment.0 {
                LineStatus::Verified => (
                    LineStatus::Verified,
                    crate::messages::confirmed_assessment(plan),
                ),
                LineStatus::Failed => (
                    LineStatus::Failed,
                    messages::NOT_CONFIRMED_ASSESSMENT.into(),
                ),
                _ => (
                    LineStatus::Pending,
                    crate::messages::buy_only_after_credit(plan),
                ),
            },
        ),
        line(
            messages::LINE_RECEIVABLES_CAPABILITIES,
            (assessment.0, assessment.1.clone()),
        ),
        line(
            messages::LINE_MANAGED_SERVICES,
            match assessment.0 {
                LineStatus::Verified => (
                    LineStatus::Verified,
                    crate::messages::offer_s_confirmed_assessment(answers.managed_services.len()),
                ),
                LineStatus::Failed => (
                    LineStatus::Failed,
                    messages::NOT_CONFIRMED_ASSESSMENT.into(),
                ),
                _ => (
                    LineStatus::Pending,
                    crate::messages::offer_s_listed_verified(answers.managed_services.len()),
                ),
            },
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_described_in_plain_words() {
        assert!(
            describe_event(
                "state_changed",
                Some(ApplicationState::Draft),
                Some(ApplicationState::AwaitingContactVerification)
            )
            .starts_with("Application submitted")
        );
        assert_eq!(
            describe_event(
                "state_changed",
                Some(ApplicationState::InReview),
                Some(ApplicationState::Approved)
            ),
            "Status changed: Approved"
        );
    }
}
