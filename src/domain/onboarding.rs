//! The onboarding task list on a partner's dashboard (the GOV.UK "task list" pattern):
//! enrol, the contact confirms, approval, the agreement, then finding a provider or
//! inviting resellers, and adding colleagues. Each task has a status; a task links to its
//! page only while there is something to do or see there, and no two tasks link to the same
//! page at once.

use crate::domain::application::ApplicationState;
use crate::domain::authz::Capability;
use crate::domain::tenant::Roles;
use crate::messages::Msg;

/// One task of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskKind {
    /// Fill in and submit the indirect-reseller enrolment.
    Enrol,
    /// The primary contact confirms their e-mail address.
    ContactConfirmed,
    /// The operator reviews and approves the application.
    Approved,
    /// Accept the partner agreement.
    Agreement,
    /// Link up with an indirect provider.
    FindProvider,
    /// Invite resellers (listed providers only).
    InviteResellers,
    /// Add colleagues with their roles.
    AddUsers,
}

/// Where a task stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskStatus {
    /// Done.
    Completed,
    /// Can be started.
    NotStarted,
    /// Started, not finished.
    InProgress,
    /// Waiting for someone else (the primary contact).
    Waiting,
    /// With the operator's reviewers.
    InReview,
    /// The organisation must act (an information request).
    ActionNeeded,
    /// An earlier task must be done first.
    CannotStartYet,
}

/// A task with its status and, when it has one, the page to go to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    /// Which task.
    pub kind: TaskKind,
    /// Its status.
    pub status: TaskStatus,
    /// The page to open, when there is something to do or see.
    pub href: Option<String>,
}

/// What the task list is made from.
pub struct Progress {
    /// The newest indirect-reseller application and its state, if any.
    pub application: Option<(uuid::Uuid, ApplicationState)>,
    /// The current partner agreement is accepted.
    pub agreement_accepted: bool,
    /// The organisation is listed in the provider directory.
    pub listed_provider: bool,
    /// The organisation has an active partnership with a provider.
    pub has_provider: bool,
    /// The organisation has an active partnership with a reseller.
    pub has_reseller: bool,
    /// The organisation has more than one user.
    pub has_colleagues: bool,
    /// The reader's roles.
    pub roles: Roles,
}

impl TaskKind {
    /// The task's name.
    pub fn label(self) -> Msg {
        match self {
            TaskKind::Enrol => Msg("task-enrol"),
            TaskKind::ContactConfirmed => Msg("task-contact"),
            TaskKind::Approved => Msg("task-approved"),
            TaskKind::Agreement => Msg("task-agreement"),
            TaskKind::FindProvider => Msg("task-find-provider"),
            TaskKind::InviteResellers => Msg("task-invite-resellers"),
            TaskKind::AddUsers => Msg("task-add-users"),
        }
    }

    /// A sentence under the name.
    pub fn hint(self) -> Msg {
        match self {
            TaskKind::Enrol => Msg("task-enrol-hint"),
            TaskKind::ContactConfirmed => Msg("task-contact-hint"),
            TaskKind::Approved => Msg("task-approved-hint"),
            TaskKind::Agreement => Msg("task-agreement-hint"),
            TaskKind::FindProvider => Msg("task-find-provider-hint"),
            TaskKind::InviteResellers => Msg("task-invite-resellers-hint"),
            TaskKind::AddUsers => Msg("task-add-users-hint"),
        }
    }

    /// The element ids of the task and its link.
    pub fn ids(self) -> (&'static str, &'static str) {
        match self {
            TaskKind::Enrol => ("task-enrol", "enroll-link"),
            TaskKind::ContactConfirmed => ("task-contact", "contact-link"),
            TaskKind::Approved => ("task-approved", "application-link"),
            TaskKind::Agreement => ("task-agreement", "agreement-link"),
            TaskKind::FindProvider => ("task-find-provider", "my-providers"),
            TaskKind::InviteResellers => ("task-invite-resellers", "my-resellers"),
            TaskKind::AddUsers => ("task-add-users", "add-users"),
        }
    }

    /// The task's id.
    pub fn id(self) -> &'static str {
        self.ids().0
    }

    /// Its link's id.
    pub fn link_id(self) -> &'static str {
        self.ids().1
    }
}

impl TaskStatus {
    /// The status in words.
    pub fn label(self) -> Msg {
        match self {
            TaskStatus::Completed => Msg("task-status-completed"),
            TaskStatus::NotStarted => Msg("task-status-not-started"),
            TaskStatus::InProgress => Msg("task-status-in-progress"),
            TaskStatus::Waiting => Msg("task-status-waiting"),
            TaskStatus::InReview => Msg("task-status-in-review"),
            TaskStatus::ActionNeeded => Msg("task-status-action-needed"),
            TaskStatus::CannotStartYet => Msg("task-status-cannot-start"),
        }
    }

    /// The tag's style: completed plain, waiting for the organisation blue, blocked grey.
    pub fn css(self) -> &'static str {
        match self {
            TaskStatus::Completed => "task-done",
            TaskStatus::CannotStartYet => "tag tag-grey",
            TaskStatus::ActionNeeded => "tag tag-red",
            TaskStatus::Waiting | TaskStatus::InReview => "tag tag-yellow",
            TaskStatus::NotStarted | TaskStatus::InProgress => "tag tag-blue",
        }
    }

    /// True when the task is done.
    pub fn is_done(self) -> bool {
        self == TaskStatus::Completed
    }
}

/// The organisation's task list as `progress.roles` sees it.
pub fn tasks(progress: &Progress) -> Vec<Task> {
    use ApplicationState as S;
    use TaskStatus::*;
    let task = |kind, status, href: Option<String>| Task { kind, status, href };
    let application = progress
        .application
        .filter(|(_, s)| !matches!(s, S::Withdrawn | S::Rejected));
    let (enrol, contact, approved) = match application.map(|(_, s)| s) {
        None => (NotStarted, CannotStartYet, CannotStartYet),
        Some(S::Draft) => (InProgress, CannotStartYet, CannotStartYet),
        Some(S::AwaitingContactVerification) => (Completed, Waiting, CannotStartYet),
        Some(S::InReview) => (Completed, Completed, InReview),
        Some(S::InfoRequested) => (Completed, Completed, ActionNeeded),
        Some(_) => (Completed, Completed, Completed),
    };
    let application_page = application.map(|(id, _)| format!("/applications/{id}"));
    let active = approved.is_done() && progress.agreement_accepted;
    let agreement = match (approved.is_done(), progress.agreement_accepted) {
        (false, _) => CannotStartYet,
        (true, false) => NotStarted,
        (true, true) => Completed,
    };
    let can = |c| progress.roles.can(c);
    let mut list = vec![
        task(
            TaskKind::Enrol,
            enrol,
            (!enrol.is_done()).then(|| "/enroll".to_owned()),
        ),
        task(
            TaskKind::ContactConfirmed,
            contact,
            (contact == Waiting)
                .then(|| application_page.clone())
                .flatten(),
        ),
        task(
            TaskKind::Approved,
            approved,
            matches!(approved, InReview | ActionNeeded)
                .then(|| application_page.clone())
                .flatten(),
        ),
        task(
            TaskKind::Agreement,
            agreement,
            (agreement == NotStarted).then(|| "/agreement".to_owned()),
        ),
    ];
    let done_or = |done: bool| if done { Completed } else { NotStarted };
    // Partnerships start once the organisation is active.
    let once_active = |kind, done: bool, href: &str| {
        let status = if active {
            done_or(done)
        } else {
            CannotStartYet
        };
        task(kind, status, active.then(|| href.to_owned()))
    };
    if can(Capability::ResellerTasks) {
        list.push(once_active(
            TaskKind::FindProvider,
            progress.has_provider,
            "/partners/providers",
        ));
    }
    if progress.listed_provider && can(Capability::ProviderTasks) {
        list.push(once_active(
            TaskKind::InviteResellers,
            progress.has_reseller,
            "/partners/resellers",
        ));
    }
    if can(Capability::ManageUsers) {
        list.push(task(
            TaskKind::AddUsers,
            done_or(progress.has_colleagues),
            Some("/account/users".to_owned()),
        ));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tenant::Role;

    fn progress(state: Option<ApplicationState>, accepted: bool) -> Progress {
        Progress {
            application: state.map(|s| (uuid::Uuid::nil(), s)),
            agreement_accepted: accepted,
            listed_provider: false,
            has_provider: false,
            has_reseller: false,
            has_colleagues: false,
            roles: Roles::one(Role::GlobalAdmin),
        }
    }

    fn statuses(list: &[Task]) -> Vec<(TaskKind, TaskStatus)> {
        list.iter().map(|t| (t.kind, t.status)).collect()
    }

    #[test]
    fn each_step_unlocks_the_next() {
        use ApplicationState as S;
        use TaskKind::*;
        use TaskStatus::*;
        let new = tasks(&progress(None, false));
        assert_eq!(
            statuses(&new)[..4],
            [
                (Enrol, NotStarted),
                (ContactConfirmed, CannotStartYet),
                (Approved, CannotStartYet),
                (Agreement, CannotStartYet)
            ]
        );
        let waiting = tasks(&progress(Some(S::AwaitingContactVerification), false));
        assert_eq!(waiting[1].status, Waiting);
        assert_eq!(
            waiting[1].href.as_deref(),
            Some("/applications/00000000-0000-0000-0000-000000000000")
        );
        let asked = tasks(&progress(Some(S::InfoRequested), false));
        assert_eq!(asked[2].status, ActionNeeded);
        let approved = tasks(&progress(Some(S::Approved), false));
        assert_eq!(
            approved[3],
            Task {
                kind: Agreement,
                status: NotStarted,
                href: Some("/agreement".into())
            }
        );
        assert_eq!(
            approved[4].status, CannotStartYet,
            "no provider before the agreement"
        );
        let active = tasks(&progress(Some(S::Approved), true));
        assert!(
            active[..4]
                .iter()
                .all(|t| t.status == Completed && t.href.is_none())
        );
        assert_eq!(active[4].href.as_deref(), Some("/partners/providers"));
        // A rejected or withdrawn application: enrol again.
        assert_eq!(
            tasks(&progress(Some(S::Rejected), false))[0].status,
            NotStarted
        );
    }

    #[test]
    fn no_two_tasks_link_to_the_same_page_and_roles_see_their_own() {
        use ApplicationState as S;
        for state in [
            None,
            Some(S::Draft),
            Some(S::AwaitingContactVerification),
            Some(S::InReview),
            Some(S::InfoRequested),
            Some(S::Approved),
        ] {
            for accepted in [false, true] {
                let list = tasks(&progress(state, accepted));
                let links: Vec<_> = list.iter().filter_map(|t| t.href.clone()).collect();
                let unique: std::collections::BTreeSet<_> = links.iter().collect();
                assert_eq!(links.len(), unique.len(), "{state:?} {accepted}: {links:?}");
            }
        }
        let mut sales = progress(Some(S::Approved), true);
        sales.roles = Roles::one(Role::SalesAgent);
        sales.listed_provider = true;
        let kinds: Vec<_> = tasks(&sales).iter().map(|t| t.kind).collect();
        assert!(!kinds.contains(&TaskKind::AddUsers));
    }
}
