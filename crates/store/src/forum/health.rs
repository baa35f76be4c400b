//! The facts the forum's health indicators are computed from (checks 1, 2, 6, 7 and 18 of OGP
//! Local's standards). The store only gathers them, in a few aggregate queries whatever the
//! number of meetings; `services::forum::health` judges them against the thresholds.

use chrono::{DateTime, Utc};
use domain::{
    ForumId, TenantId,
    forum::{MeetingKind, MinutesStatus, Sector, Visibility},
};

use crate::{Result, Store, read};

/// A published (not cancelled) meeting with what its health depends on.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MeetingFacts {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: MeetingKind,
    pub title_sq: String,
    pub title_en: String,
    #[sqlx(try_from = "String")]
    pub visibility: Visibility,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// When notice was given (the meeting published and its invitations sent).
    pub notice_at: Option<DateTime<Utc>>,
    pub agenda_items: i64,
    pub documents: i64,
    /// When the last of its pre-read documents was shared, if any was.
    pub last_document_at: Option<DateTime<Utc>>,
    pub minutes_status: Option<String>,
    pub minutes_published_at: Option<DateTime<Utc>>,
    /// Rows of attendance recorded (members and guests).
    pub attendance_rows: i64,
}

impl MeetingFacts {
    pub fn minutes_status(&self) -> Option<MinutesStatus> {
        self.minutes_status.as_deref().and_then(MinutesStatus::parse)
    }
}

/// How many accepted members a sector has.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct SectorCount {
    #[sqlx(try_from = "String")]
    pub sector: Sector,
    pub count: i64,
}

/// How many people of a sector were present at a meeting.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MeetingSectorCount {
    pub meeting_id: i64,
    #[sqlx(try_from = "String")]
    pub sector: Sector,
    pub present: i64,
}

/// The latest version of the forum's texts: whether rules and terms are written.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct TextsFacts {
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub has_rules: bool,
    pub has_terms: bool,
}

impl Store {
    /// Every published (not cancelled) meeting of the forum, oldest first, with its notice,
    /// agenda, documents, minutes and attendance figures.
    pub async fn meeting_facts(&self, tenant: TenantId, forum: ForumId) -> Result<Vec<MeetingFacts>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MeetingFacts>(
                "SELECT mt.id, mt.kind, mt.title_sq, mt.title_en, mt.visibility, mt.starts_at, mt.ends_at, mt.notice_at,
                    (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = mt.id) AS agenda_items,
                    (SELECT COUNT(*) FROM meeting_documents d WHERE d.meeting_id = mt.id) AS documents,
                    (SELECT MAX(d.shared_at) FROM meeting_documents d WHERE d.meeting_id = mt.id) AS last_document_at,
                    mm.status AS minutes_status, mm.published_at AS minutes_published_at,
                    (SELECT COUNT(*) FROM meeting_attendance ma WHERE ma.meeting_id = mt.id) AS attendance_rows
                 FROM meetings mt
                 LEFT JOIN meeting_minutes mm ON mm.meeting_id = mt.id
                 WHERE mt.tenant_id = $1 AND mt.forum_id = $2 AND mt.status = 'published'
                 ORDER BY mt.starts_at, mt.id",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .fetch_all(db)
            .await?
        }))
    }

    /// Accepted members per sector.
    pub async fn member_sector_counts(&self, tenant: TenantId, forum: ForumId) -> Result<Vec<SectorCount>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, SectorCount>(
                "SELECT sector, COUNT(*) AS count FROM forum_members
                 WHERE tenant_id = $1 AND forum_id = $2 AND status = 'accepted'
                 GROUP BY sector ORDER BY sector",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .fetch_all(db)
            .await?
        }))
    }

    /// People present per meeting and sector, over the forum's meetings whose minutes are
    /// published: attendance becomes public with the minutes, not before.
    pub async fn attendance_by_sector(&self, tenant: TenantId, forum: ForumId) -> Result<Vec<MeetingSectorCount>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MeetingSectorCount>(
                "SELECT ma.meeting_id, ma.sector, COUNT(*) AS present FROM meeting_attendance ma
                 JOIN meetings mt ON mt.id = ma.meeting_id AND mt.tenant_id = ma.tenant_id
                 JOIN meeting_minutes mm ON mm.meeting_id = ma.meeting_id AND mm.tenant_id = ma.tenant_id
                     AND mm.status = 'published'
                 WHERE ma.tenant_id = $1 AND mt.forum_id = $2 AND mt.status = 'published' AND ma.presence = 'present'
                 GROUP BY ma.meeting_id, ma.sector ORDER BY ma.meeting_id, ma.sector",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .fetch_all(db)
            .await?
        }))
    }

    /// The forum's latest texts version, if any was saved.
    pub async fn texts_facts(&self, tenant: TenantId, forum: ForumId) -> Result<Option<TextsFacts>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, TextsFacts>(
                "SELECT version, created_at, rules_sq <> '' AS has_rules, terms_sq <> '' AS has_terms
                 FROM forum_text_versions WHERE tenant_id = $1 AND forum_id = $2
                 ORDER BY version DESC LIMIT 1",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .fetch_optional(db)
            .await?
        }))
    }
}
