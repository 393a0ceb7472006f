//! The operator's staff roles.

/// What a staff member may do in the back office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum StaffRole {
    /// Works the application queue.
    Reviewer,
    /// Also manages staff, providers and settings.
    OperatorAdmin,
}

impl StaffRole {
    /// Both roles.
    pub const ALL: [StaffRole; 2] = [StaffRole::Reviewer, StaffRole::OperatorAdmin];

    /// The database and form spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Reviewer => "reviewer",
            StaffRole::OperatorAdmin => "operator_admin",
        }
    }

    /// Reads the database or form spelling.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == code)
    }

    /// True for an operator admin.
    pub fn is_operator_admin(self) -> bool {
        self == StaffRole::OperatorAdmin
    }

    /// The role in words.
    pub fn label(self) -> crate::messages::Msg {
        match self {
            StaffRole::Reviewer => crate::messages::Msg("staff-role-reviewer"),
            StaffRole::OperatorAdmin => crate::messages::Msg("staff-role-operator-admin"),
        }
    }
}

impl StaffRole {
    /// What the role does, in words.
    pub fn duties(self) -> crate::messages::Msg {
        match self {
            StaffRole::Reviewer => crate::messages::WORKS_APPLICATION_QUEUE,
            StaffRole::OperatorAdmin => crate::messages::ALSO_MANAGES_STAFF_PROVIDERS,
        }
    }
}

impl std::fmt::Display for StaffRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_spelling() {
        for r in StaffRole::ALL {
            assert_eq!(StaffRole::parse(r.as_str()), Some(r));
        }
        assert_eq!(StaffRole::parse("admin"), None);
    }
}
