//! Open data of public input: the CSV of every input with its answer (made in batches so that
//! the web layer streams it with flat memory), and the newest inputs for the Atom feed. Hidden
//! inputs keep their row with the flag and the moderator's reason, never their text.

use export::csv::{BOM, line};
use store::{
    TenantRow,
    input::open_data::{ExportInputRow, FeedInputRow},
};

use crate::{Services, common::error::Result};

/// Rows fetched per batch of the CSV export.
pub const CSV_BATCH: i64 = 500;

/// The columns of the CSV export, in order.
pub const CSV_HEADER: &[&str] = &[
    "id",
    "created",
    "kind",
    "title",
    "description",
    "theme",
    "unit",
    "supports",
    "comments",
    "state",
    "hidden",
    "answer_status",
    "answered_at",
    "answer_justification_sq",
    "answer_justification_en",
    "cluster",
];

/// One CSV line of an input. A hidden input's title, description and (it may quote them) answer
/// are left out; the moderator's reason takes the description's place.
pub fn csv_line(row: &ExportInputRow) -> String {
    let hidden = row.hidden_at.is_some();
    let (title, body) = if hidden {
        (String::new(), row.hidden_reason.clone())
    } else {
        (row.title.clone(), row.body.clone())
    };
    let cells = [
        row.id.to_string(),
        row.created_at.to_rfc3339(),
        row.kind.key().to_owned(),
        title,
        body,
        row.theme_sq.clone().unwrap_or_default(),
        row.admin_unit.clone(),
        row.support_count.to_string(),
        row.comment_count.to_string(),
        row.state.key().to_owned(),
        if hidden { "yes" } else { "no" }.to_owned(),
        row.answer_status.clone().unwrap_or_default(),
        row.answered_at.map(|a| a.to_rfc3339()).unwrap_or_default(),
        // Of a hidden input's answer only its status and date (see `withhold_answer_text`).
        if hidden {
            String::new()
        } else {
            row.answer_sq.clone().unwrap_or_default()
        },
        if hidden {
            String::new()
        } else {
            row.answer_en.clone().unwrap_or_default()
        },
        row.cluster_title.clone().unwrap_or_default(),
    ];
    line(&cells)
}

impl Services {
    /// One piece of the CSV export: the inputs after id `after` (the byte-order mark and the
    /// header first when `after` is `None`), and the id to continue after, `None` at the end.
    pub async fn input_csv_chunk(&self, tenant: &TenantRow, after: Option<i64>) -> Result<(String, Option<i64>)> {
        let rows = self
            .store
            .export_inputs_batch(tenant.id(), after.unwrap_or(0), CSV_BATCH)
            .await?;
        let mut out = String::new();
        if after.is_none() {
            out.push_str(BOM);
            out.push_str(&line(CSV_HEADER));
        }
        for row in &rows {
            out.push_str(&csv_line(row));
        }
        let next = if (rows.len() as i64) < CSV_BATCH {
            None
        } else {
            rows.last().map(|r| r.id)
        };
        Ok((out, next))
    }

    /// The newest inputs for the Atom feed.
    pub async fn newest_inputs(&self, tenant: &TenantRow, limit: i64) -> Result<Vec<FeedInputRow>> {
        Ok(self.store.newest_inputs(tenant.id(), limit).await?)
    }
}
