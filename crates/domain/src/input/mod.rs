//! The rules of public input: problems and ideas submitted during an input phase, their
//! discussion (comments, supports, following), moderation, grouping into clusters and the
//! reasoned answer every input gets. Pure values and functions; the store keeps the keys.
//!
//! `mod.rs` holds the closed lists every part uses; each concern has its own file:
//! `submission.rs` (phases, the input form, the edit window, the list's sorts and search words),
//! `discussion.rs` (comments, supports, notification settings), `moderation.rs` (reports, hiding,
//! the one appeal), `similarity.rs` (proposed groups) and `answers.rs` (statuses of an answer,
//! coverage).

pub mod answers;
pub mod discussion;
pub mod moderation;
pub mod similarity;
pub mod submission;

use serde::{Deserialize, Serialize};

use crate::forum::keyed_enum;

/// Limits of the texts people type, in characters. Longer text is refused, never cut.
pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 10_000;
pub const COMMENT_MAX: usize = 3_000;
/// A moderator's or reporter's reason, an appeal, a withdrawal note.
pub const REASON_MAX: usize = 1_000;
/// An answer's justification, in each language.
pub const ANSWER_MAX: usize = 10_000;
/// A search query.
pub const QUERY_MAX: usize = 200;

keyed_enum!(
    /// What a person brings to the co-creation: a problem they see or an idea to solve one.
    InputKind, "input kind", {
        Problem => "problem",
        Idea => "idea",
    }
);

keyed_enum!(
    /// Where an input stands for its author: published (public), or withdrawn by its author (kept
    /// with the author's note, never deleted). Hiding by a moderator is separate (`hidden_at`).
    InputState, "input state", {
        Published => "published",
        Withdrawn => "withdrawn",
    }
);

keyed_enum!(
    /// The status of the reasoned answer to an input or a cluster (OGP Local's check 8).
    AnswerStatus, "answer status", {
        /// Taken into the action plan (with a link to the commitment once commitments exist).
        Adopted => "adopted",
        /// Merged into another input, which is answered instead.
        Merged => "merged",
        UnderConsideration => "under_consideration",
        /// Not taken up; the justification says why (OGP requires it).
        NotAdopted => "not_adopted",
    }
);

keyed_enum!(
    /// What a report, a hiding or an appeal is about.
    ModerationTarget, "moderation target", {
        Input => "input",
        Comment => "comment",
    }
);

keyed_enum!(
    /// How a person wants e-mails about the inputs they follow.
    NotifyMode, "notification mode", {
        Immediate => "immediate",
        DailyDigest => "daily",
    }
);

keyed_enum!(
    /// The orders of the public list of inputs. Each is a keyset order on indexed columns, ties
    /// broken by id, so that every page is found by the last row of the previous one.
    InputSort, "input sort", {
        Newest => "newest",
        MostSupported => "supported",
        MostDiscussed => "discussed",
        RecentlyAnswered => "answered",
    }
);

keyed_enum!(
    /// A group of similar inputs the system proposed: waiting, accepted (as proposed or changed)
    /// or rejected by a forum member.
    ProposalStatus, "proposal status", {
        Open => "open",
        Accepted => "accepted",
        Rejected => "rejected",
    }
);

keyed_enum!(
    /// How a coordinator decided an appeal against a hiding.
    AppealOutcome, "appeal outcome", {
        /// The hiding stands.
        Upheld => "upheld",
        /// The content is shown again.
        Reinstated => "reinstated",
    }
);
