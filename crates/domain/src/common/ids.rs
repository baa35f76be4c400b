//! Typed identifiers, so that a user id can never be passed where a tenant id is expected.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A municipality (tenant) of the deployment.
    TenantId
);
id_type!(
    /// A person's account inside one tenant.
    UserId
);
id_type!(
    /// An organisation profile (registered CSO or informal group).
    OrgId
);
id_type!(
    /// A news item written by a coordinator.
    NewsId
);
id_type!(
    /// An open call for applications.
    CallId
);
id_type!(
    /// An application to an open call.
    ApplicationId
);
id_type!(
    /// The forum (working group) of a co-creation cycle.
    ForumId
);
id_type!(
    /// One person's seat in a forum.
    MemberId
);
id_type!(
    /// A meeting of a forum.
    MeetingId
);
