//! Commitments drafted in OGP's template (`../shared/domain/ogp-local.md`, sections 6, 7, 8, 10).
//! Pure values and rules; the store keeps them.
//!
//! `mod.rs` holds the closed lists and the document a version stores; each concern has its own
//! file: `template.rs` (the template as data, version 1 by default), `vocabulary.rs` (OGP's
//! policy areas and their families), `quality.rs` (the checks beside the form: OGP Local's checks
//! 10, 11 and 12), `diff.rs` (word-level comparison of two versions), `scales.rs` (IRM's rating
//! scales with their exact level names and codes) and `ogp_csv/` (OGP's 171-column CSV: columns,
//! cells, dates).

pub mod diff;
pub mod drafting;
pub mod ogp_csv;
pub mod quality;
pub mod scales;
pub mod template;
pub mod vocabulary;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::forum::keyed_enum;

/// Limits of what people type, in characters. Longer text is refused, never cut. Set above the
/// longest texts of OGP's own data (titles up to 603 characters, full texts up to 27,816 in the
/// shared file), so that a commitment started from the library can always be saved.
pub const TITLE_MAX: usize = 1_000;
/// One template field (a question's answer).
pub const FIELD_MAX: usize = 30_000;
/// A milestone's description or expected output.
pub const MILESTONE_TEXT_MAX: usize = 2_000;
/// A stakeholder's name.
pub const NAME_MAX: usize = 200;
/// A version's note, a reason for a change of status, a comment.
pub const NOTE_MAX: usize = 1_000;
pub const COMMENT_MAX: usize = 3_000;
/// Milestones per commitment, stakeholders per milestone.
pub const MILESTONES_MAX: usize = 50;
pub const STAKEHOLDERS_MAX: usize = 30;

keyed_enum!(
    /// Where a commitment stands. Public from forum-endorsed on; withdrawn keeps its history.
    CommitmentStatus, "commitment status", {
        Draft => "draft",
        /// Endorsed by the forum: only the chair or the coordinator sets it.
        ForumEndorsed => "forum_endorsed",
        InConsultation => "in_consultation",
        Final => "final",
        Withdrawn => "withdrawn",
    }
);

impl CommitmentStatus {
    /// The public reads a commitment in these statuses (and only its public versions).
    pub fn is_public(self) -> bool {
        matches!(
            self,
            CommitmentStatus::ForumEndorsed | CommitmentStatus::InConsultation | CommitmentStatus::Final
        )
    }
}

keyed_enum!(
    /// Where a commitment comes from: drafted here, or imported from OGP's data.
    Origin, "commitment origin", {
        Drafted => "drafted",
        Imported => "imported",
    }
);

keyed_enum!(
    /// OGP's values (section 7), by their canonical keys. Labels differ between sources, so
    /// they live in the `.ftl` files (`ogp-value-<key>`) and in `ogp_csv` for OGP's columns.
    OgpValue, "OGP value", {
        AccessToInformation => "access_to_information",
        CivicParticipation => "civic_participation",
        PublicAccountability => "public_accountability",
        /// Counts only together with one of the three others (OGP's relevance rule).
        TechnologyInnovation => "technology_innovation",
    }
);

impl OgpValue {
    /// Access to information, civic participation and public accountability open government on
    /// their own; technology and innovation only on top of one of them.
    pub fn counts_alone(self) -> bool {
        self != OgpValue::TechnologyInnovation
    }
}

keyed_enum!(
    /// Who a milestone's stakeholder is: the government side or civil society.
    OwnerType, "owner type", {
        Government => "government",
        Cso => "cso",
    }
);

keyed_enum!(
    /// How much of a date is known: an imported "July 2014" is a month, "2019" a year.
    DatePrecision, "date precision", {
        Day => "day",
        Month => "month",
        Quarter => "quarter",
        Year => "year",
    }
);

/// A stakeholder of a milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stakeholder {
    pub name: String,
    pub owner: OwnerType,
}

/// A milestone as drafted (section 6.3). Progress, evidence and delay reasons belong to the
/// monitoring stage and live on `commitment_milestones`, not in a version.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Milestone {
    pub description: String,
    #[serde(default)]
    pub expected_output: String,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub expected_completion_date: Option<NaiveDate>,
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
}

/// Everything one version of a commitment says: what a save stores (as JSON in
/// `commitment_versions.document`), what two versions compare, what the quality checks read.
///
/// `fields` maps a template field's key (`lead_institution`, `support.government`,
/// `q1_problem`, ...) to the text as typed; a list field (`FieldKind::Lines`) holds one entry
/// per line. A key the template does not know is kept, never dropped (a newer template's field).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CommitmentDocument {
    pub title: String,
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    #[serde(default)]
    pub values: Vec<OgpValue>,
    /// Keys of `vocabulary::POLICY_AREAS`.
    #[serde(default)]
    pub policy_areas: Vec<String>,
    #[serde(default)]
    pub primary_policy_area: Option<String>,
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

impl CommitmentDocument {
    /// The text of a field, empty when absent.
    pub fn field(&self, key: &str) -> &str {
        self.fields.get(key).map(String::as_str).unwrap_or("")
    }

    /// The entries of a list field: its non-empty lines, trimmed.
    pub fn lines(&self, key: &str) -> Vec<&str> {
        self.field(key)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
}

/// OGP's identifier of a drafted commitment: the tenant's prefix and a four-digit number
/// (`ALBSN0001`).
pub fn ogp_identifier(prefix: &str, number: i64) -> String {
    format!("{prefix}{number:04}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_in_ogp_form() {
        assert_eq!(ogp_identifier("ALBSN", 1), "ALBSN0001");
        assert_eq!(ogp_identifier("ALBSN", 12345), "ALBSN12345");
    }

    #[test]
    fn technology_alone_does_not_count() {
        assert!(!OgpValue::TechnologyInnovation.counts_alone());
        assert!(OgpValue::ALL.iter().filter(|v| v.counts_alone()).count() == 3);
    }

    #[test]
    fn document_round_trips_as_json_and_keeps_unknown_fields() {
        let mut doc = CommitmentDocument {
            title: "T".into(),
            ..Default::default()
        };
        doc.fields.insert("q9_future".into(), "kept".into());
        let json = serde_json::to_string(&doc).expect("serialise");
        let back: CommitmentDocument = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, doc);
    }
}
