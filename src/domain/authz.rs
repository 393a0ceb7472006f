//! Who may do what inside a partner organisation (issue 15): one table from role to
//! capabilities, read by the web layer's `Can<...>` extractors (never `if` chains in
//! handlers) and printed in the README. DOMAIN.md, "Roles inside a partner organisation".

use super::tenant::{Role, Roles};

/// Something a partner user may be allowed to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Capability {
    /// Enroll, withdraw or answer for the organisation's applications, accept the partner
    /// agreement, apply for and leave direct bill: the global admin's alone.
    ManageApplications,
    /// Download the evidence filed with a direct-bill application.
    DownloadEvidence,
    /// Provider tasks: the provider's resellers, partnership invitations, ending a partnership.
    ProviderTasks,
    /// Reseller tasks: the reseller's providers, shared customers, inviting customers.
    ResellerTasks,
    /// Authorise an indirect provider (which gets admin access to the work account).
    AuthoriseProvider,
    /// See the organisation's users and add colleagues (only a global admin adds a global
    /// admin).
    ManageUsers,
    /// Change the organisation profile: legal details, contacts, bank details.
    EditProfile,
    /// Remove an indirect provider's delegated admin access to the organisation.
    RevokeAdminAccess,
    /// See the customers the organisation serves (lists and customer pages), their
    /// subscriptions and orders, and the catalogue.
    SeeCustomers,
    /// Order for a customer the organisation provides for: the cart, the review, Buy.
    PlaceOrders,
    /// Change the subscriptions the organisation provides: licences, suspend, reactivate,
    /// cancel, the reseller and the support contact.
    ManageSubscriptions,
}

impl Capability {
    /// Every capability, in the README's order.
    pub const ALL: [Capability; 11] = [
        Capability::ManageApplications,
        Capability::DownloadEvidence,
        Capability::ProviderTasks,
        Capability::ResellerTasks,
        Capability::AuthoriseProvider,
        Capability::ManageUsers,
        Capability::EditProfile,
        Capability::RevokeAdminAccess,
        Capability::SeeCustomers,
        Capability::PlaceOrders,
        Capability::ManageSubscriptions,
    ];

    /// What it allows, in plain words (for the forbidden page and the README).
    pub fn label(self) -> crate::messages::Msg {
        use crate::messages::Msg;
        match self {
            Capability::ManageApplications => Msg("cap-manage-applications"),
            Capability::DownloadEvidence => Msg("cap-download-evidence"),
            Capability::ProviderTasks => Msg("cap-provider-tasks"),
            Capability::ResellerTasks => Msg("cap-reseller-tasks"),
            Capability::AuthoriseProvider => Msg("cap-authorise-provider"),
            Capability::ManageUsers => Msg("cap-manage-users"),
            Capability::EditProfile => Msg("cap-edit-profile"),
            Capability::RevokeAdminAccess => Msg("cap-revoke-admin-access"),
            Capability::SeeCustomers => Msg("cap-see-customers"),
            Capability::PlaceOrders => Msg("cap-place-orders"),
            Capability::ManageSubscriptions => Msg("cap-manage-subscriptions"),
        }
    }
}

/// The table: each role with what it may do. A global admin may do everything.
pub const TABLE: &[(Role, &[Capability])] = {
    use Capability::*;
    &[
        (
            Role::GlobalAdmin,
            &[
                ManageApplications,
                DownloadEvidence,
                ProviderTasks,
                ResellerTasks,
                AuthoriseProvider,
                ManageUsers,
                EditProfile,
                RevokeAdminAccess,
                SeeCustomers,
                PlaceOrders,
                ManageSubscriptions,
            ],
        ),
        (Role::AccountAdmin, &[DownloadEvidence, EditProfile]),
        (Role::UserManagementAdmin, &[ManageUsers]),
        (
            Role::AdminAgent,
            &[
                ProviderTasks,
                ResellerTasks,
                AuthoriseProvider,
                SeeCustomers,
                PlaceOrders,
                ManageSubscriptions,
            ],
        ),
        (
            Role::SalesAgent,
            &[ProviderTasks, ResellerTasks, SeeCustomers, PlaceOrders],
        ),
        (Role::HelpdeskAgent, &[SeeCustomers, ManageSubscriptions]),
        (Role::BillingAdmin, &[]),
        (Role::BusinessProfileAdmin, &[]),
        (Role::ReferralsAdmin, &[]),
    ]
};

impl Role {
    /// True when the role may do `capability` (from [`TABLE`]).
    pub fn can(self, capability: Capability) -> bool {
        TABLE
            .iter()
            .any(|(role, caps)| *role == self && caps.contains(&capability))
    }
}

impl Roles {
    /// True when one of the roles may do `capability`.
    pub fn can(self, capability: Capability) -> bool {
        self.iter().any(|role| role.can(capability))
    }
}

/// True when a user holding `actor` may add, change, reset, disable or remove a user who
/// holds (or is to hold) `target`: only a global admin handles a global admin; a
/// user-management admin everyone else.
pub fn may_manage(actor: Roles, target: Roles) -> bool {
    actor.can(Capability::ManageUsers) && (actor.is_global_admin() || !target.is_global_admin())
}

/// The roles that may do `capability`, in the table's order (for "who can do this").
pub fn roles_that_can(capability: Capability) -> Vec<Role> {
    TABLE
        .iter()
        .filter(|(_, caps)| caps.contains(&capability))
        .map(|(role, _)| *role)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_is_in_the_table_once() {
        for role in Role::ALL {
            assert_eq!(
                TABLE.iter().filter(|(r, _)| *r == role).count(),
                1,
                "{role:?}"
            );
        }
        assert_eq!(TABLE.len(), Role::ALL.len());
    }

    #[test]
    fn the_readme_prints_the_table_as_it_is() {
        let readme = include_str!("../../README.md");
        for role in Role::ALL {
            let name = role.as_str().replace('_', " ");
            let cells: String = Capability::ALL
                .iter()
                .map(|c| if role.can(*c) { " yes |" } else { " |" })
                .collect();
            let row = format!("| {name} |{cells}");
            assert!(readme.contains(&row), "README lacks the row {row}");
        }
    }

    #[test]
    fn only_a_global_admin_manages_a_global_admin() {
        let one = Roles::one;
        assert!(may_manage(one(Role::GlobalAdmin), one(Role::GlobalAdmin)));
        assert!(!may_manage(
            one(Role::UserManagementAdmin),
            one(Role::GlobalAdmin)
        ));
        assert!(may_manage(
            one(Role::UserManagementAdmin),
            one(Role::SalesAgent)
        ));
        assert!(!may_manage(one(Role::AccountAdmin), one(Role::SalesAgent)));
        // A user holding several roles is handled as the most powerful of them.
        let both = one(Role::SalesAgent).with(Role::GlobalAdmin);
        assert!(!may_manage(one(Role::UserManagementAdmin), both));
        // And may do what any of them allows.
        let agent_and_manager = one(Role::SalesAgent).with(Role::UserManagementAdmin);
        assert!(agent_and_manager.can(Capability::ManageUsers));
        assert!(agent_and_manager.can(Capability::ProviderTasks));
        assert!(!agent_and_manager.can(Capability::ManageApplications));
    }

    #[test]
    fn a_global_admin_may_do_everything() {
        for capability in Capability::ALL {
            assert!(Role::GlobalAdmin.can(capability), "{capability:?}");
        }
    }

    #[test]
    fn only_a_global_admin_manages_applications() {
        assert_eq!(
            roles_that_can(Capability::ManageApplications),
            vec![Role::GlobalAdmin]
        );
        assert!(!Role::SalesAgent.can(Capability::AuthoriseProvider));
        assert!(Role::SalesAgent.can(Capability::ProviderTasks));
        assert!(!Role::HelpdeskAgent.can(Capability::ResellerTasks));
    }
}
