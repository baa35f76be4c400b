//! The demo's meetings: one past meeting (with attendance and minutes, added by
//! `forum_minutes`) and one upcoming meeting with an agenda and a pre-read.

use domain::{MeetingId, TenantId};
use services::Services;
use store::AuditCtx;

use super::forum::ForumDemo;

/// What the minutes part of the demo builds on.
#[allow(dead_code)] // FOUNDATION: used by the minutes part
pub struct MeetingsDemo {
    pub past: Option<MeetingId>,
    pub upcoming: Option<MeetingId>,
}

pub async fn meetings(
    _services: &Services,
    _tenant: TenantId,
    _forum: &ForumDemo,
    _ctx: &AuditCtx,
) -> anyhow::Result<MeetingsDemo> {
    Ok(MeetingsDemo {
        past: None,
        upcoming: None,
    })
}
