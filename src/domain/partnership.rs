//! The states of provider-reseller invitations and partnerships.

/// Where a partnership invitation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum InvitationState {
    /// Sent; waiting for a reseller.
    Pending,
    /// A reseller accepted it.
    Accepted,
    /// The provider took it back.
    Revoked,
    /// Its time ran out.
    Expired,
    /// The reseller said no.
    Declined,
}

impl InvitationState {
    /// The spelling used in pages' data attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationState::Pending => "pending",
            InvitationState::Accepted => "accepted",
            InvitationState::Revoked => "revoked",
            InvitationState::Expired => "expired",
            InvitationState::Declined => "declined",
        }
    }

    /// Its time ran out.
    pub fn is_expired(self) -> bool {
        self == InvitationState::Expired
    }
}

/// Whether a partnership holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum PartnershipState {
    /// In force.
    Active,
    /// Ended by the provider or the reseller.
    Ended,
}

impl PartnershipState {
    /// In force.
    pub fn is_active(self) -> bool {
        self == PartnershipState::Active
    }
}
