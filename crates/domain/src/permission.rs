//! The one place where authorisation is decided.
//!
//! Every route names the [`Action`] it performs and asks [`Principal::can`]; nothing else in the
//! code base compares roles. The table below is exhaustive on purpose: adding an action forces
//! a decision for every role.

use crate::role::{Role, RoleSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read public pages: home, timeline, news, public profiles.
    ViewPublic,
    /// Manage one's own account, sessions and organisations.
    ManageOwnAccount,
    /// Create an organisation profile.
    CreateOrganisation,
    /// Edit the current cycle's timeline.
    EditTimeline,
    /// Write, edit and delete news items.
    EditNews,
    /// Invite people and grant or revoke roles in the tenant.
    ManageRoles,
    /// Browse the tenant's audit log.
    ViewAuditLog,
    /// See the outbox (delivery state of e-mails) of the tenant.
    ViewOutbox,
    /// Change the current municipality's names, contact, logo and privacy notice.
    EditTenantSettings,
    /// Create municipalities.
    ManageTenants,
    /// Apply to open calls (as oneself or for one's organisation).
    ApplyToCalls,
    /// Draft, publish and extend calls; assign reviewers; decide; publish outcomes; export.
    ManageCalls,
    /// Score the applications one is assigned to.
    ReviewApplications,
    /// Set up the cycle's forum: its texts, members, meetings, attendance and minutes.
    ManageForum,
    /// See what the forum keeps to itself (members-only meetings, the board of action items) and
    /// take part in it. Approving minutes also needs a position that approves them (object rule).
    TakePartInForum,
    /// Submit inputs, comment, support, follow, report and appeal (any signed-in person; the
    /// object rules, such as own input and open phase, are the use case's).
    TakePartInInput,
    /// Open and edit input phases, set the input settings, decide appeals against hidings.
    ManageInput,
    /// Hide reported inputs and comments, with a reason (moderators only: the coordinator who
    /// decides appeals does not also hide).
    ModerateInput,
    /// Group inputs (clusters, merges, similarity proposals) and answer them: the forum's work.
    GroupAndAnswerInput,
    /// Draft the cycle's commitments: create, edit (each save a version), comment, link inputs,
    /// start from a library entry. The object rule (a member of this cycle's forum, or staff) is
    /// the use case's; so is "only the chair or the coordinator endorses".
    DraftCommitments,
    /// Import OGP's data, edit the template's labels and the commitment settings, and move a
    /// commitment to consultation, final or withdrawn.
    ManageCommitments,
}

impl Action {
    pub const ALL: [Action; 21] = [
        Action::ViewPublic,
        Action::ManageOwnAccount,
        Action::CreateOrganisation,
        Action::EditTimeline,
        Action::EditNews,
        Action::ManageRoles,
        Action::ViewAuditLog,
        Action::ViewOutbox,
        Action::EditTenantSettings,
        Action::ManageTenants,
        Action::ApplyToCalls,
        Action::ManageCalls,
        Action::ReviewApplications,
        Action::ManageForum,
        Action::TakePartInForum,
        Action::TakePartInInput,
        Action::ManageInput,
        Action::ModerateInput,
        Action::GroupAndAnswerInput,
        Action::DraftCommitments,
        Action::ManageCommitments,
    ];
}

/// Who is asking: nobody (the anonymous public) or a signed-in person with their roles in the
/// tenant that serves the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Principal {
    Anonymous,
    SignedIn(RoleSet),
}

impl Principal {
    pub fn can(self, action: Action) -> bool {
        let roles = match self {
            Principal::Anonymous => return action == Action::ViewPublic,
            Principal::SignedIn(roles) => roles,
        };
        let staff = roles.contains(Role::Coordinator) || roles.contains(Role::PlatformAdmin);
        match action {
            Action::ViewPublic
            | Action::ManageOwnAccount
            | Action::CreateOrganisation
            | Action::ApplyToCalls
            | Action::TakePartInInput => true,
            Action::EditTimeline
            | Action::EditNews
            | Action::ManageRoles
            | Action::ViewAuditLog
            | Action::ViewOutbox
            | Action::EditTenantSettings
            | Action::ManageCalls
            | Action::ManageForum
            | Action::ManageInput
            | Action::ManageCommitments => staff,
            Action::TakePartInForum | Action::GroupAndAnswerInput | Action::DraftCommitments => {
                staff || roles.contains(Role::ForumMember)
            }
            Action::ModerateInput => roles.contains(Role::Moderator),
            Action::ReviewApplications => roles.contains(Role::Reviewer),
            Action::ManageTenants => roles.contains(Role::PlatformAdmin),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed_in(role: Role) -> Principal {
        Principal::SignedIn(RoleSet::empty().with(Role::Participant).with(role))
    }

    #[test]
    fn anonymous_may_only_read() {
        for action in Action::ALL {
            assert_eq!(
                Principal::Anonymous.can(action),
                action == Action::ViewPublic,
                "{action:?}"
            );
        }
    }

    #[test]
    fn only_staff_edit_content() {
        for role in [
            Role::Reviewer,
            Role::ForumMember,
            Role::MonitoringBody,
            Role::Participant,
        ] {
            assert!(!signed_in(role).can(Action::EditNews), "{role:?}");
            assert!(!signed_in(role).can(Action::ManageRoles), "{role:?}");
            assert!(signed_in(role).can(Action::ManageOwnAccount), "{role:?}");
        }
        assert!(signed_in(Role::Coordinator).can(Action::EditNews));
        assert!(!signed_in(Role::Coordinator).can(Action::ManageTenants));
        assert!(signed_in(Role::PlatformAdmin).can(Action::ManageTenants));
    }

    #[test]
    fn forum_members_take_part_but_only_staff_manage() {
        assert!(signed_in(Role::ForumMember).can(Action::TakePartInForum));
        assert!(!signed_in(Role::ForumMember).can(Action::ManageForum));
        assert!(!signed_in(Role::Participant).can(Action::TakePartInForum));
        assert!(!signed_in(Role::Reviewer).can(Action::TakePartInForum));
        assert!(signed_in(Role::Coordinator).can(Action::ManageForum));
        assert!(signed_in(Role::Coordinator).can(Action::TakePartInForum));
    }

    #[test]
    fn only_moderators_hide_and_only_the_forum_answers_inputs() {
        assert!(signed_in(Role::Moderator).can(Action::ModerateInput));
        assert!(!signed_in(Role::Coordinator).can(Action::ModerateInput));
        assert!(!signed_in(Role::ForumMember).can(Action::ModerateInput));
        assert!(signed_in(Role::ForumMember).can(Action::GroupAndAnswerInput));
        assert!(!signed_in(Role::Moderator).can(Action::GroupAndAnswerInput));
        assert!(!signed_in(Role::Participant).can(Action::GroupAndAnswerInput));
        assert!(signed_in(Role::Participant).can(Action::TakePartInInput));
        assert!(!signed_in(Role::Moderator).can(Action::ManageInput));
    }
}
