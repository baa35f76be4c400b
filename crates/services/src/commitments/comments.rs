//! The forum's comments on a commitment (issue 10, part 3): on a version and a field, answered
//! one level deep, resolved by anyone who drafts. Never shown in public.

use domain::commitments::COMMENT_MAX;
use store::{TenantRow, commitments::comments::NewComment};

use crate::{Actor, ServiceError, Services, common::error::Result};

/// The comment form as typed: `version`, `field` (a template key, `title`, `milestones`, or
/// empty for the whole commitment), `parent` (empty, or the comment answered), `body`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub parent: String,
    #[serde(default)]
    pub body: String,
}

impl Services {
    /// Adds a comment; returns its id.
    pub async fn comment_on_commitment(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
        form: &CommentForm,
    ) -> Result<i64> {
        let (row, drafter) = self.drafted_commitment(tenant, actor, id).await?;
        let template = self.template_of(tenant, row.template_id).await?;
        let mut errors = Vec::new();
        let version = match form.version.trim() {
            "" => row.current_version,
            v => match v.parse::<i64>() {
                Ok(n) if (1..=row.current_version).contains(&n) => n,
                _ => {
                    errors.push(domain::FieldError::new("version", "choice_invalid"));
                    row.current_version
                }
            },
        };
        let field = form.field.trim();
        let known = field.is_empty() || field == "title" || field == "milestones" || template.field(field).is_some();
        if !known {
            errors.push(domain::FieldError::new("field", "choice_invalid"));
        }
        let parent = match form.parent.trim() {
            "" => None,
            p => match p.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(domain::FieldError::new("parent", "choice_invalid"));
                    None
                }
            },
        };
        let body = match domain::Text::parse("body", &form.body, true, COMMENT_MAX) {
            Ok(b) => b.into_string(),
            Err(e) => {
                errors.push(e);
                String::new()
            }
        };
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        let ctx = self.ctx(tenant.id(), Some(drafter.user), actor.request_id.as_deref());
        let comment = NewComment {
            version_number: version,
            field_key: field.to_owned(),
            parent_id: parent,
            author: drafter.user,
            body,
        };
        match self.store.add_commitment_comment(tenant.id(), id, &comment, &ctx).await {
            Ok(cid) => Ok(cid),
            // The commitment was found above: what is not found is the comment answered (gone,
            // an answer itself, or another commitment's), a choice the form offered no more.
            Err(store::StoreError::NotFound) if parent.is_some() => {
                Err(ServiceError::Invalid(vec![domain::FieldError::new(
                    "parent",
                    "choice_invalid",
                )]))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Marks a comment resolved.
    pub async fn resolve_commitment_comment(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
        comment: i64,
    ) -> Result<()> {
        let (_, drafter) = self.drafted_commitment(tenant, actor, id).await?;
        let ctx = self.ctx(tenant.id(), Some(drafter.user), actor.request_id.as_deref());
        Ok(self
            .store
            .resolve_commitment_comment(tenant.id(), id, comment, drafter.user, &ctx)
            .await?)
    }
}
