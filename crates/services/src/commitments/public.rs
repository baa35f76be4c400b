//! The public pages of commitments (issue 10, part 6): the current cycle's public commitments
//! with filters, one commitment's page (its public version only) and its public history. Open to
//! everyone (`Action::ViewPublic`); a draft or a non-public version is not found for anyone.

use domain::{
    Action, FieldError,
    commitments::{CommitmentDocument, CommitmentStatus, OgpValue, template::Template, vocabulary::policy_area},
};
use serde::Deserialize;
use store::{
    TenantRow,
    commitments::{
        library::RatingRow,
        public::{PlanRow, PublicCommitment, PublicFilter, PublicListRow, PublicVersionRow},
    },
};

use crate::{Actor, ServiceError, Services, common::error::Result};

/// Commitments per page of the public list.
pub const PAGE_SIZE: i64 = 20;
/// Pages beyond this are refused as a filter error (nobody pages that far; it bounds OFFSET).
pub const PAGE_MAX: i64 = 500;

/// The list's query as typed (every value text, checked by the use case).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PublicListQuery {
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub page: String,
}

/// A page number typed in a query: empty is the first page (0); from 1 as shown.
pub fn parse_page(raw: &str, errors: &mut Vec<FieldError>) -> i64 {
    match raw.trim() {
        "" => 0,
        raw => match raw.parse::<i64>() {
            Ok(n) if (1..=PAGE_MAX).contains(&n) => n - 1,
            _ => {
                errors.push(FieldError::new("page", "choice_invalid"));
                0
            }
        },
    }
}

/// Reads the value and area filters shared by the list and the library.
pub fn parse_value_area(value: &str, area: &str, errors: &mut Vec<FieldError>) -> (Option<OgpValue>, Option<String>) {
    let value = match value.trim() {
        "" => None,
        raw => OgpValue::parse(raw).or_else(|| {
            errors.push(FieldError::new("value", "choice_invalid"));
            None
        }),
    };
    let area = match area.trim() {
        "" => None,
        raw => match policy_area(raw) {
            Some(a) => Some(a.key.to_owned()),
            None => {
                errors.push(FieldError::new("area", "choice_invalid"));
                None
            }
        },
    };
    (value, area)
}

/// The public list: the cycle (none yet: `None`), the rows, the filters understood and the
/// errors of those that were not (the list is then shown without them).
#[derive(Debug, Clone)]
pub struct PublicList {
    pub plan: Option<PlanRow>,
    pub rows: Vec<PublicListRow>,
    pub more: bool,
    pub page: i64,
    pub value: Option<OgpValue>,
    pub area: Option<String>,
    pub status: Option<CommitmentStatus>,
    pub errors: Vec<FieldError>,
}

/// A commitment's public page.
#[derive(Debug, Clone)]
pub struct PublicPage {
    pub commitment: PublicCommitment,
    pub template: Template,
    pub plan: Option<PlanRow>,
    pub inputs: Vec<store::commitments::public::PublicInputLink>,
    pub ratings: Vec<RatingRow>,
    pub versions: Vec<PublicVersionRow>,
}

impl Services {
    pub async fn public_commitment_list(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        q: &PublicListQuery,
    ) -> Result<PublicList> {
        actor.require(Action::ViewPublic)?;
        let mut errors = Vec::new();
        let (value, area) = parse_value_area(&q.value, &q.area, &mut errors);
        let status = match q.status.trim() {
            "" => None,
            raw => match CommitmentStatus::parse(raw) {
                Some(s) if s.is_public() => Some(s),
                _ => {
                    errors.push(FieldError::new("status", "choice_invalid"));
                    None
                }
            },
        };
        let page = parse_page(&q.page, &mut errors);
        let Some(cycle) = self.store.current_cycle(tenant.id()).await? else {
            return Ok(PublicList {
                plan: None,
                rows: Vec::new(),
                more: false,
                page,
                value,
                area,
                status,
                errors,
            });
        };
        let plan = self.store.public_plan(tenant.id(), cycle.id).await?;
        // An invalid filter shows the list unfiltered (the message says which was refused).
        let filter = if errors.is_empty() {
            PublicFilter {
                cycle_id: cycle.id,
                value,
                area: area.clone(),
                status,
                page,
                limit: PAGE_SIZE,
            }
        } else {
            PublicFilter {
                cycle_id: cycle.id,
                value: None,
                area: None,
                status: None,
                page: 0,
                limit: PAGE_SIZE,
            }
        };
        let found = self.store.public_commitments(tenant.id(), &filter).await?;
        Ok(PublicList {
            plan,
            rows: found.rows,
            more: found.more,
            page: filter.page,
            value,
            area,
            status,
            errors,
        })
    }

    /// The page of a public commitment by its OGP identifier.
    pub async fn public_commitment_page(&self, tenant: &TenantRow, actor: &Actor, ogp_id: &str) -> Result<PublicPage> {
        actor.require(Action::ViewPublic)?;
        let commitment = self
            .store
            .public_commitment(tenant.id(), ogp_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let template = self.template_of(tenant, commitment.template_id).await?;
        let plan = match commitment.cycle_id {
            Some(c) => self.store.public_plan(tenant.id(), c).await?,
            None => None,
        };
        let inputs = self.store.public_commitment_inputs(tenant.id(), commitment.id).await?;
        let ratings = self.store.commitment_ratings(tenant.id(), commitment.id).await?;
        let versions = self.store.public_versions(tenant.id(), commitment.id).await?;
        Ok(PublicPage {
            commitment,
            template,
            plan,
            inputs,
            ratings,
            versions,
        })
    }

    /// A public commitment's public versions, and two of them to compare when the query names
    /// both (`from`, `to`). A number that is not one of the public versions (text, a version that
    /// was never public, one side missing) is a message next to its field; the page is then shown
    /// without a comparison.
    pub async fn public_commitment_history(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        ogp_id: &str,
        q: &PublicHistoryQuery,
    ) -> Result<PublicHistory> {
        actor.require(Action::ViewPublic)?;
        let commitment = self
            .store
            .public_commitment(tenant.id(), ogp_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let versions = self.store.public_versions(tenant.id(), commitment.id).await?;
        let template = self.template_of(tenant, commitment.template_id).await?;
        let mut errors = Vec::new();
        let public: Vec<i64> = versions.iter().map(|v| v.number).collect();
        let pair = parse_compare(&q.from, &q.to, &public, &mut errors);
        let compared = match pair {
            None => None,
            Some((from, to)) => {
                let read = |n: i64| async move {
                    self.store
                        .public_version_document(tenant.id(), commitment.id, n)
                        .await?
                        .map(|(_, d)| d)
                        .ok_or(ServiceError::NotFound)
                };
                Some(ComparedVersions {
                    from,
                    old: read(from).await?,
                    to,
                    new: read(to).await?,
                })
            }
        };
        Ok(PublicHistory {
            commitment,
            template,
            versions,
            compared,
            errors,
        })
    }
}

/// The history's query as typed: two version numbers, both text until checked.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PublicHistoryQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

/// Reads the two version numbers of a comparison against the public ones. Both empty: no
/// comparison and no error. Each side must be one of `public` (a selected option); a side left
/// empty while the other is given is required.
pub fn parse_compare(from: &str, to: &str, public: &[i64], errors: &mut Vec<FieldError>) -> Option<(i64, i64)> {
    let (from, to) = (from.trim(), to.trim());
    if from.is_empty() && to.is_empty() {
        return None;
    }
    let mut side = |field: &'static str, raw: &str| -> Option<i64> {
        if raw.is_empty() {
            errors.push(FieldError::new(field, "required"));
            return None;
        }
        match raw.parse::<i64>() {
            Ok(n) if public.contains(&n) => Some(n),
            _ => {
                errors.push(FieldError::new(field, "choice_invalid"));
                None
            }
        }
    };
    let from = side("from", from);
    let to = side("to", to);
    from.zip(to)
}

/// Two public versions to compare: their numbers and documents.
#[derive(Debug, Clone)]
pub struct ComparedVersions {
    pub from: i64,
    pub old: CommitmentDocument,
    pub to: i64,
    pub new: CommitmentDocument,
}

/// The public history: the versions and, when asked, two of them.
#[derive(Debug, Clone)]
pub struct PublicHistory {
    pub commitment: PublicCommitment,
    pub template: Template,
    pub versions: Vec<PublicVersionRow>,
    pub compared: Option<ComparedVersions>,
    /// The refused sides of the comparison (`from`, `to`); the page is 422 with them.
    pub errors: Vec<FieldError>,
}
