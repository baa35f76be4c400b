//! The library across municipalities (issue 10, part 9): search over every tenant's imported and
//! public commitments (the one deliberate cross-tenant read: public data only), one entry, and
//! "start from this", which copies an entry into a new draft of this municipality's current
//! cycle with a link to its source (`Action::DraftCommitments` and the drafting object rule,
//! checked by `create_commitment`).

use domain::{
    Action, FieldError, TenantId,
    commitments::{
        CommitmentDocument, OgpValue,
        template::{Template, keys},
    },
    input::submission::search_words,
};
use serde::Deserialize;
use store::{
    TenantRow,
    commitments::library::{LibraryEntry, LibraryFilter, LibraryRow},
};

use super::public::{parse_page, parse_value_area};
use crate::{Actor, ServiceError, Services, common::error::Result};

/// A library entry as its page shows it.
#[derive(Debug, Clone)]
pub struct LibraryEntryView {
    pub entry: LibraryEntry,
    /// The template version the entry was written in.
    pub template: Template,
    /// The visitor may "start from this" (drafts in this municipality).
    pub can_start: bool,
}

/// Results per page.
pub const PAGE_SIZE: i64 = 20;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct LibraryQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub page: String,
}

#[derive(Debug, Clone)]
pub struct LibraryResults {
    pub rows: Vec<LibraryRow>,
    pub more: bool,
    pub page: i64,
    pub places: Vec<String>,
    pub value: Option<OgpValue>,
    pub area: Option<String>,
    pub place: Option<String>,
    pub searched: bool,
    pub errors: Vec<FieldError>,
    /// The visitor may start a draft from a result (the button is shown).
    pub can_start: bool,
}

impl Services {
    pub async fn search_library(&self, _tenant: &TenantRow, actor: &Actor, q: &LibraryQuery) -> Result<LibraryResults> {
        actor.require(Action::ViewPublic)?;
        let mut errors = Vec::new();
        let (value, area) = parse_value_area(&q.value, &q.area, &mut errors);
        let places = self.store.library_places().await?;
        let place = match q.country.trim() {
            "" => None,
            raw if places.iter().any(|p| p == raw) => Some(raw.to_owned()),
            _ => {
                errors.push(FieldError::new("country", "choice_invalid"));
                None
            }
        };
        let words = search_words(&q.q).unwrap_or_else(|r| {
            errors.push(FieldError::new("q", r.code()));
            Vec::new()
        });
        let page = parse_page(&q.page, &mut errors);
        let searched = !words.is_empty() || value.is_some() || area.is_some() || place.is_some();
        // An invalid filter: the library unfiltered, the message beside the field.
        let filter = if errors.is_empty() {
            LibraryFilter {
                words,
                value,
                area: area.clone(),
                place: place.clone(),
                page,
                limit: PAGE_SIZE,
            }
        } else {
            LibraryFilter {
                limit: PAGE_SIZE,
                ..Default::default()
            }
        };
        let found = self.store.library_search(&filter).await?;
        Ok(LibraryResults {
            rows: found.rows,
            more: found.more,
            page: filter.page,
            places,
            value,
            area,
            place,
            searched,
            errors,
            can_start: actor.can(Action::DraftCommitments),
        })
    }

    /// One library entry, whichever municipality holds it, with the template version it was
    /// written in (that municipality's labels; OGP's first version for an imported row or one
    /// whose template cannot be read) and whether this visitor may start a draft from it.
    pub async fn library_entry(&self, _tenant: &TenantRow, actor: &Actor, id: i64) -> Result<LibraryEntryView> {
        actor.require(Action::ViewPublic)?;
        let entry = self.store.library_entry(id).await?.ok_or(ServiceError::NotFound)?;
        // The template is read with the entry's own tenant: labels of another municipality's
        // template are as public as the commitment written in it.
        let template = match entry.template_id {
            Some(template_id) => self
                .store
                .template_by_id(TenantId(entry.row.tenant_id), template_id)
                .await?
                .map(|t| t.template),
            None => None,
        }
        .unwrap_or_else(Template::default_v1);
        Ok(LibraryEntryView {
            entry,
            template,
            can_start: actor.can(Action::DraftCommitments),
        })
    }

    /// Starts a draft of this municipality's current cycle from a library entry: its title,
    /// texts, lead institution, values and areas; dates and milestones are dropped (they belong
    /// to the other plan). Returns the new commitment's id.
    pub async fn start_from_library(&self, tenant: &TenantRow, actor: &Actor, id: i64) -> Result<i64> {
        actor.require_user(Action::DraftCommitments)?;
        let entry = self.store.library_entry(id).await?.ok_or(ServiceError::NotFound)?;
        let document = copy_for_draft(&entry);
        self.create_commitment(tenant, actor, document, Some(entry.row.id))
            .await
    }
}

/// What "start from this" copies: the texts and classifications, never the dates or milestones.
/// An imported entry's full text is its brief description and also the start of the proposed
/// solution (question 4), which the drafters then rewrite for their municipality.
pub fn copy_for_draft(entry: &LibraryEntry) -> CommitmentDocument {
    let src = &entry.document;
    let mut doc = CommitmentDocument {
        title: src.title.clone(),
        fields: src.fields.clone(),
        values: src.values.clone(),
        policy_areas: src.policy_areas.clone(),
        primary_policy_area: src.primary_policy_area.clone(),
        ..Default::default()
    };
    if doc.field(keys::BRIEF_DESCRIPTION).is_empty() && !entry.row.brief_description.is_empty() {
        doc.fields
            .insert(keys::BRIEF_DESCRIPTION.to_owned(), entry.row.brief_description.clone());
    }
    // The limits of the form are above OGP's longest title and text, so the copy saves whole.
    doc
}
