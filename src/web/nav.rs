//! The partner navigation: the sections a signed-in partner user may open, as the role and
//! the organisation's standing allow, with the current page's section marked.

use crate::db::users::SessionUser;
use crate::domain::authz::Capability;
use crate::messages::Msg;

/// A section of the partner pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// The dashboard.
    Home,
    /// The indirect-reseller application, its status and the agreement.
    Application,
    /// The organisation's providers (as a reseller).
    Providers,
    /// The organisation's resellers (as a provider).
    Resellers,
    /// Customers, their orders and subscriptions, and the catalogue.
    Customers,
    /// Direct bill.
    DirectBill,
    /// The organisation's users.
    Users,
    /// The organisation profile.
    Organisation,
}

impl Section {
    /// Every section, in the order of the navigation.
    pub const ALL: [Section; 8] = [
        Section::Home,
        Section::Application,
        Section::Providers,
        Section::Resellers,
        Section::Customers,
        Section::DirectBill,
        Section::Users,
        Section::Organisation,
    ];

    /// The section's first page.
    pub fn href(self) -> &'static str {
        match self {
            Section::Home => "/dashboard",
            Section::Application => "/enroll",
            Section::Providers => "/partners/providers",
            Section::Resellers => "/partners/resellers",
            Section::Customers => "/customers",
            Section::DirectBill => "/enroll/direct",
            Section::Users => "/account/users",
            Section::Organisation => "/account/profile",
        }
    }

    /// The link's id (tests and styles find it by it).
    pub fn id(self) -> &'static str {
        match self {
            Section::Home => "nav-home",
            Section::Application => "nav-application",
            Section::Providers => "nav-providers",
            Section::Resellers => "nav-resellers",
            Section::Customers => "nav-customers",
            Section::DirectBill => "nav-direct-bill",
            Section::Users => "nav-users",
            Section::Organisation => "nav-profile",
        }
    }

    /// The link's words.
    pub fn label(self) -> Msg {
        match self {
            Section::Home => Msg("nav-home"),
            Section::Application => Msg("nav-application"),
            Section::Providers => Msg("nav-providers"),
            Section::Resellers => Msg("nav-resellers"),
            Section::Customers => Msg("nav-customers"),
            Section::DirectBill => Msg("nav-direct-bill"),
            Section::Users => Msg("nav-users"),
            Section::Organisation => Msg("nav-organisation"),
        }
    }

    /// The section a partner page belongs to, by its path (with or without a query).
    pub fn of(here: &str) -> Option<Section> {
        let path = here.split(['?', '#']).next().unwrap_or(here);
        let under = |prefix: &str| {
            path == prefix
                || path
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        let section = if under("/dashboard") {
            Section::Home
        } else if under("/enroll/direct") || under("/direct-bill") {
            Section::DirectBill
        } else if under("/enroll") || under("/applications") || under("/agreement") {
            Section::Application
        } else if under("/partners/resellers") {
            Section::Resellers
        } else if under("/partners/providers") || under("/partners/admin-access") {
            Section::Providers
        } else if under("/customers")
            || under("/catalogue")
            || under("/subscriptions")
            || under("/orders")
        {
            Section::Customers
        } else if under("/account/users") {
            Section::Users
        } else if under("/account/profile") {
            Section::Organisation
        } else {
            return None;
        };
        Some(section)
    }

    /// True when `here` is a page of this section.
    pub fn is_current(self, here: &str) -> bool {
        Section::of(here) == Some(self)
    }

    /// True when `user` may open the section now (role and organisation standing), so
    /// that the navigation offers nothing its pages would refuse.
    pub fn open_to(self, user: &SessionUser) -> bool {
        let can = |c| user.roles.can(c);
        match self {
            Section::Home | Section::Application | Section::Organisation => true,
            Section::Providers => user.active_reseller && can(Capability::ResellerTasks),
            Section::Resellers => {
                user.active_reseller && user.listed_provider && can(Capability::ProviderTasks)
            }
            Section::Customers => user.active_reseller && can(Capability::SeeCustomers),
            Section::DirectBill => user.active_reseller || user.direct_partner,
            Section::Users => can(Capability::ManageUsers),
        }
    }
}

/// The sections of the partner navigation `user` sees (none for a customer's user).
pub fn partner_sections(user: &SessionUser) -> Vec<Section> {
    if user.tenant_kind.is_customer() {
        return Vec::new();
    }
    Section::ALL
        .into_iter()
        .filter(|s| s.open_to(user))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Section;

    #[test]
    fn a_page_belongs_to_one_section_by_its_path() {
        for (path, section) in [
            ("/dashboard", Some(Section::Home)),
            ("/enroll", Some(Section::Application)),
            ("/enroll/legal-profile", Some(Section::Application)),
            ("/applications/5", Some(Section::Application)),
            ("/agreement", Some(Section::Application)),
            ("/enroll/direct/revenue", Some(Section::DirectBill)),
            ("/enroll/direct", Some(Section::DirectBill)),
            ("/partners/resellers?sort=name", Some(Section::Resellers)),
            ("/partners/providers/1/customers", Some(Section::Providers)),
            ("/customers/1/cart", Some(Section::Customers)),
            ("/catalogue", Some(Section::Customers)),
            ("/subscriptions/1", Some(Section::Customers)),
            ("/orders/1", Some(Section::Customers)),
            ("/account/users/1", Some(Section::Users)),
            ("/account/profile/legal", Some(Section::Organisation)),
            ("/account/password", None),
            ("/enrollment", None),
            ("/customer/orders/1", None),
        ] {
            assert_eq!(Section::of(path), section, "{path}");
        }
    }
}
