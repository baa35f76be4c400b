//! The kinds of entries in the audit log.
//!
//! The store writes each entry with a short code (`application.decide`); staff read it as a
//! translated sentence. This table is the one place that knows every code, which kind of action
//! it belongs to (the audit page's filter), and whether it is a read of personal data rather
//! than a change: reads are kept, as the law asks, but shown apart so they do not bury changes.

/// Every action the audit log records. A new action gets a variant here, a row in [`ALL`], and a
/// sentence in `platform.ftl` (`audit-<code with dashes>`); the tests check all three agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    TenantCreate,
    TenantUpdate,
    TenantRefPrefix,
    CycleCreate,
    TimelineUpdate,
    NewsCreate,
    NewsUpdate,
    NewsDelete,
    CallCreate,
    CallUpdate,
    CallPublish,
    CallExtendDeadline,
    CallAttach,
    CallDetach,
    CallExport,
    CallPublishOutcome,
    ApplicationStart,
    ApplicationSave,
    ApplicationSubmit,
    ApplicationWithdraw,
    ApplicationAttach,
    ApplicationDetach,
    ApplicationRead,
    ApplicationDecide,
    ApplicationErase,
    ReviewAssign,
    ReviewAssignCall,
    ReviewUnassign,
    ReviewConflict,
    ReviewSave,
    ReviewSubmit,
    UserSignUp,
    UserCreate,
    UserVerifyEmail,
    UserLogIn,
    UserLogOut,
    UserResetPassword,
    UserChangePassword,
    UserChangeEmail,
    UserSetLang,
    UserDelete,
    TokenVerifyEmail,
    TokenResetPassword,
    TokenChangeEmail,
    TokenRoleInvite,
    TokenOrgInvite,
    RoleGrant,
    RoleRevoke,
    RoleAcceptInvite,
    OrgCreate,
    OrgUpdate,
    OrgJoin,
    ForumSave,
    ForumTexts,
    ForumAttach,
    ForumMemberAdd,
    ForumMemberUpdate,
    ForumMemberAccept,
    ForumMemberDecline,
    ForumMemberLeave,
    MeetingCreate,
    MeetingUpdate,
    MeetingPublish,
    MeetingCancel,
    MeetingAgenda,
    MeetingAttach,
    MeetingDetach,
    MeetingAnswer,
    MeetingAttendance,
    MinutesSave,
    MinutesApprove,
    MinutesPublish,
    ActionItemUpdate,
    CalendarFeedCreate,
    CalendarFeedRevoke,
    // Public input: phases and inputs.
    InputPhaseCreate,
    InputPhaseUpdate,
    InputPhaseAnnounce,
    InputSettings,
    InputCreate,
    InputUpdate,
    InputWithdraw,
    InputPending,
    // Public input: discussion and moderation.
    InputCommentCreate,
    InputSupport,
    InputUnsupport,
    InputFollow,
    InputUnfollow,
    UserNotifyMode,
    InputReportCreate,
    InputReportDismiss,
    InputItemHide,
    InputAppealCreate,
    InputAppealDecide,
    // Public input: grouping and answers.
    InputProposalCompute,
    InputProposalAccept,
    InputProposalReject,
    InputClusterCreate,
    InputClusterUpdate,
    InputMerge,
    InputAnswerSave,
    InputAnswerPublish,
    // Commitments: drafting, statuses, imports and the template.
    CommitmentCreate,
    CommitmentSave,
    CommitmentStatus,
    CommitmentCommentCreate,
    CommitmentCommentResolve,
    CommitmentLinkInput,
    CommitmentUnlinkInput,
    CommitmentImport,
    CommitmentTemplateUpdate,
    CommitmentSettings,
}

/// The choices of the audit page's "kind of action" filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditKind {
    /// Sign-up, e-mail and password changes, deletion of accounts; links sent by e-mail.
    Accounts,
    SignIns,
    Roles,
    Organisations,
    Calls,
    Applications,
    Reviews,
    /// Decisions on applications and the publication of an outcome.
    Decisions,
    /// News, the timeline, cycles.
    Content,
    Settings,
    /// The forum: its texts, members, meetings, answers, attendance, minutes and action items.
    Forum,
    /// Staff reading an application or exporting a call's applications: personal data seen.
    Reads,
}

use AuditAction as A;
use AuditKind as K;

/// Each action with its stored code and its kind.
pub const ALL: &[(AuditAction, &str, AuditKind)] = &[
    (A::TenantCreate, "tenant.create", K::Settings),
    (A::TenantUpdate, "tenant.update", K::Settings),
    (A::TenantRefPrefix, "tenant.ref_prefix", K::Settings),
    (A::CycleCreate, "cycle.create", K::Content),
    (A::TimelineUpdate, "timeline.update", K::Content),
    (A::NewsCreate, "news.create", K::Content),
    (A::NewsUpdate, "news.update", K::Content),
    (A::NewsDelete, "news.delete", K::Content),
    (A::CallCreate, "call.create", K::Calls),
    (A::CallUpdate, "call.update", K::Calls),
    (A::CallPublish, "call.publish", K::Calls),
    (A::CallExtendDeadline, "call.extend_deadline", K::Calls),
    (A::CallAttach, "call.attach", K::Calls),
    (A::CallDetach, "call.detach", K::Calls),
    (A::CallExport, "call.export", K::Reads),
    (A::CallPublishOutcome, "call.publish_outcome", K::Decisions),
    (A::ApplicationStart, "application.start", K::Applications),
    (A::ApplicationSave, "application.save", K::Applications),
    (A::ApplicationSubmit, "application.submit", K::Applications),
    (A::ApplicationWithdraw, "application.withdraw", K::Applications),
    (A::ApplicationAttach, "application.attach", K::Applications),
    (A::ApplicationDetach, "application.detach", K::Applications),
    (A::ApplicationRead, "application.read", K::Reads),
    (A::ApplicationDecide, "application.decide", K::Decisions),
    (A::ApplicationErase, "application.erase", K::Applications),
    (A::ReviewAssign, "review.assign", K::Reviews),
    (A::ReviewAssignCall, "review.assign_call", K::Reviews),
    (A::ReviewUnassign, "review.unassign", K::Reviews),
    (A::ReviewConflict, "review.conflict", K::Reviews),
    (A::ReviewSave, "review.save", K::Reviews),
    (A::ReviewSubmit, "review.submit", K::Reviews),
    (A::UserSignUp, "user.sign_up", K::Accounts),
    (A::UserCreate, "user.create", K::Accounts),
    (A::UserVerifyEmail, "user.verify_email", K::Accounts),
    (A::UserLogIn, "user.log_in", K::SignIns),
    (A::UserLogOut, "user.log_out", K::SignIns),
    (A::UserResetPassword, "user.reset_password", K::Accounts),
    (A::UserChangePassword, "user.change_password", K::Accounts),
    (A::UserChangeEmail, "user.change_email", K::Accounts),
    (A::UserSetLang, "user.set_lang", K::Accounts),
    (A::UserDelete, "user.delete", K::Accounts),
    (A::TokenVerifyEmail, "token.issue.verify_email", K::Accounts),
    (A::TokenResetPassword, "token.issue.reset_password", K::Accounts),
    (A::TokenChangeEmail, "token.issue.change_email", K::Accounts),
    (A::TokenRoleInvite, "token.issue.role_invite", K::Roles),
    (A::TokenOrgInvite, "token.issue.org_invite", K::Organisations),
    (A::RoleGrant, "role.grant", K::Roles),
    (A::RoleRevoke, "role.revoke", K::Roles),
    (A::RoleAcceptInvite, "role.accept_invite", K::Roles),
    (A::OrgCreate, "org.create", K::Organisations),
    (A::OrgUpdate, "org.update", K::Organisations),
    (A::OrgJoin, "org.join", K::Organisations),
    (A::ForumSave, "forum.save", K::Forum),
    (A::ForumTexts, "forum.texts", K::Forum),
    (A::ForumAttach, "forum.attach", K::Forum),
    (A::ForumMemberAdd, "forum_member.add", K::Forum),
    (A::ForumMemberUpdate, "forum_member.update", K::Forum),
    (A::ForumMemberAccept, "forum_member.accept", K::Forum),
    (A::ForumMemberDecline, "forum_member.decline", K::Forum),
    (A::ForumMemberLeave, "forum_member.leave", K::Forum),
    (A::MeetingCreate, "meeting.create", K::Forum),
    (A::MeetingUpdate, "meeting.update", K::Forum),
    (A::MeetingPublish, "meeting.publish", K::Forum),
    (A::MeetingCancel, "meeting.cancel", K::Forum),
    (A::MeetingAgenda, "meeting.agenda", K::Forum),
    (A::MeetingAttach, "meeting.attach", K::Forum),
    (A::MeetingDetach, "meeting.detach", K::Forum),
    (A::MeetingAnswer, "meeting.answer", K::Forum),
    (A::MeetingAttendance, "meeting.attendance", K::Forum),
    (A::MinutesSave, "minutes.save", K::Forum),
    (A::MinutesApprove, "minutes.approve", K::Forum),
    (A::MinutesPublish, "minutes.publish", K::Forum),
    (A::ActionItemUpdate, "action_item.update", K::Forum),
    (A::CalendarFeedCreate, "calendar_feed.create", K::Forum),
    (A::CalendarFeedRevoke, "calendar_feed.revoke", K::Forum),
    (A::InputPhaseCreate, "input_phase.create", K::Content),
    (A::InputPhaseUpdate, "input_phase.update", K::Content),
    (A::InputPhaseAnnounce, "input_phase.announce", K::Content),
    (A::InputSettings, "input.settings", K::Settings),
    (A::InputCreate, "input.create", K::Content),
    (A::InputUpdate, "input.update", K::Content),
    (A::InputWithdraw, "input.withdraw", K::Content),
    (A::InputPending, "input.pending", K::Content),
    (A::InputCommentCreate, "input_comment.create", K::Content),
    (A::InputSupport, "input.support", K::Content),
    (A::InputUnsupport, "input.unsupport", K::Content),
    (A::InputFollow, "input.follow", K::Content),
    (A::InputUnfollow, "input.unfollow", K::Content),
    (A::UserNotifyMode, "user.notify_mode", K::Accounts),
    (A::InputReportCreate, "input_report.create", K::Content),
    (A::InputReportDismiss, "input_report.dismiss", K::Content),
    (A::InputItemHide, "input_item.hide", K::Content),
    (A::InputAppealCreate, "input_appeal.create", K::Content),
    (A::InputAppealDecide, "input_appeal.decide", K::Content),
    (A::InputProposalCompute, "input_proposal.compute", K::Content),
    (A::InputProposalAccept, "input_proposal.accept", K::Content),
    (A::InputProposalReject, "input_proposal.reject", K::Content),
    (A::InputClusterCreate, "input_cluster.create", K::Content),
    (A::InputClusterUpdate, "input_cluster.update", K::Content),
    (A::InputMerge, "input.merge", K::Content),
    (A::InputAnswerSave, "input_answer.save", K::Content),
    (A::InputAnswerPublish, "input_answer.publish", K::Content),
    (A::CommitmentCreate, "commitment.create", K::Content),
    (A::CommitmentSave, "commitment.save", K::Content),
    (A::CommitmentStatus, "commitment.status", K::Content),
    (A::CommitmentCommentCreate, "commitment_comment.create", K::Content),
    (A::CommitmentCommentResolve, "commitment_comment.resolve", K::Content),
    (A::CommitmentLinkInput, "commitment.link_input", K::Content),
    (A::CommitmentUnlinkInput, "commitment.unlink_input", K::Content),
    (A::CommitmentImport, "commitment.import", K::Content),
    (A::CommitmentTemplateUpdate, "commitment_template.update", K::Settings),
    (A::CommitmentSettings, "commitment.settings", K::Settings),
];

impl AuditAction {
    /// The action stored under `code`, or `None` for a code this version does not know (an
    /// entry written by a newer version, or by a test); the page still shows it, in general words.
    pub fn from_code(code: &str) -> Option<AuditAction> {
        ALL.iter().find(|(_, c, _)| *c == code).map(|(a, _, _)| *a)
    }

    pub fn code(self) -> &'static str {
        ALL.iter()
            .find(|(a, _, _)| *a == self)
            .map(|(_, c, _)| *c)
            .unwrap_or("")
    }

    pub fn kind(self) -> AuditKind {
        ALL.iter()
            .find(|(a, _, _)| *a == self)
            .map(|(_, _, k)| *k)
            .unwrap_or(AuditKind::Settings)
    }

    /// The key of the translated sentence: `application.decide` → `audit-application-decide`.
    pub fn sentence_key(self) -> String {
        format!("audit-{}", self.code().replace(['.', '_'], "-"))
    }
}

impl AuditKind {
    pub const ALL: [AuditKind; 12] = [
        K::Accounts,
        K::SignIns,
        K::Roles,
        K::Organisations,
        K::Calls,
        K::Applications,
        K::Reviews,
        K::Decisions,
        K::Content,
        K::Settings,
        K::Forum,
        K::Reads,
    ];

    pub fn key(self) -> &'static str {
        match self {
            K::Accounts => "accounts",
            K::SignIns => "sign_ins",
            K::Roles => "roles",
            K::Organisations => "organisations",
            K::Calls => "calls",
            K::Applications => "applications",
            K::Reviews => "reviews",
            K::Decisions => "decisions",
            K::Content => "content",
            K::Settings => "settings",
            K::Forum => "forum",
            K::Reads => "reads",
        }
    }

    pub fn parse(key: &str) -> Option<AuditKind> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The stored codes of this kind's actions.
    pub fn codes(self) -> Vec<&'static str> {
        ALL.iter().filter(|(_, _, k)| *k == self).map(|(_, c, _)| *c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_code_and_every_kind_has_an_action() {
        let mut codes: Vec<&str> = ALL.iter().map(|(_, c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ALL.len(), "a code is listed twice");
        for (action, code, _) in ALL {
            assert_eq!(AuditAction::from_code(code), Some(*action));
            assert_eq!(action.code(), *code);
        }
        for kind in AuditKind::ALL {
            assert!(!kind.codes().is_empty(), "{kind:?} has no action");
            assert_eq!(AuditKind::parse(kind.key()), Some(kind));
        }
    }
}
