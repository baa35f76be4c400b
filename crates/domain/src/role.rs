//! Roles a person holds inside one tenant. The anonymous public holds none and is not a role
//! that can be granted; "participant" is what every registered person is.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    PlatformAdmin,
    Coordinator,
    Reviewer,
    ForumMember,
    MonitoringBody,
    /// Hides reported inputs and comments (with a reason); a coordinator decides appeals.
    Moderator,
    Participant,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::PlatformAdmin,
        Role::Coordinator,
        Role::Reviewer,
        Role::ForumMember,
        Role::MonitoringBody,
        Role::Moderator,
        Role::Participant,
    ];

    /// Roles a coordinator may grant or revoke. Platform admin is granted only from the
    /// command line (`bashke create-admin`), and participant comes with every account.
    pub const GRANTABLE: [Role; 5] = [
        Role::Coordinator,
        Role::Reviewer,
        Role::ForumMember,
        Role::MonitoringBody,
        Role::Moderator,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::PlatformAdmin => "platform_admin",
            Role::Coordinator => "coordinator",
            Role::Reviewer => "reviewer",
            Role::ForumMember => "forum_member",
            Role::MonitoringBody => "monitoring_body",
            Role::Moderator => "moderator",
            Role::Participant => "participant",
        }
    }

    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn is_grantable(self) -> bool {
        Role::GRANTABLE.contains(&self)
    }

    /// Roles that hand over the running of the municipality: granting one takes a second,
    /// explicit step naming the person and the role, so that one tap cannot do it.
    pub fn needs_confirmation(self) -> bool {
        matches!(self, Role::Coordinator | Role::PlatformAdmin)
    }
}

/// The set of roles one person holds in one tenant (a bit set: cheap to copy and compare).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoleSet(u8);

impl RoleSet {
    pub fn empty() -> Self {
        RoleSet(0)
    }

    fn bit(role: Role) -> u8 {
        1 << (role as u8)
    }

    pub fn with(mut self, role: Role) -> Self {
        self.0 |= Self::bit(role);
        self
    }

    pub fn insert(&mut self, role: Role) {
        self.0 |= Self::bit(role);
    }

    pub fn contains(self, role: Role) -> bool {
        self.0 & Self::bit(role) != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| self.contains(*r))
    }
}

impl FromIterator<Role> for RoleSet {
    fn from_iter<I: IntoIterator<Item = Role>>(iter: I) -> Self {
        iter.into_iter().fold(RoleSet::empty(), RoleSet::with)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.key()), Some(role));
        }
        assert_eq!(Role::parse("mayor"), None);
    }

    #[test]
    fn role_set_holds_what_was_inserted() {
        let set: RoleSet = [Role::Reviewer, Role::Participant].into_iter().collect();
        assert!(set.contains(Role::Reviewer));
        assert!(!set.contains(Role::Coordinator));
        assert_eq!(set.iter().count(), 2);
    }
}
