//! The commitment template's labels (issue 10, part 1): a coordinator rewords a field's label
//! or hint in either language, or whether it is required; saving makes the next version. Keys,
//! blocks and kinds never change: code branches on them.

use std::collections::HashMap;

use domain::{
    Action, FieldError,
    commitments::{NOTE_MAX, TITLE_MAX, template::Template},
};
use store::TenantRow;

use crate::{Actor, ServiceError, Services, common::error::Result};

/// The form's name of a field's part (`label_sq`, `label_en`, `hint_sq`, `hint_en`, `required`).
pub fn template_input(part: &str, key: &str) -> String {
    format!("{part}.{key}")
}

/// What a template save did.
#[derive(Debug, Clone)]
pub enum TemplateSaved {
    Saved(i64),
    /// Errors keyed by the form's field name.
    Invalid(Vec<(String, FieldError)>),
}

impl Services {
    /// The newest version of the template, for the coordinator's form.
    pub async fn commitment_template(&self, tenant: &TenantRow, actor: &Actor) -> Result<Template> {
        actor.require_user(Action::ManageCommitments)?;
        Ok(self.store.current_template(tenant.id()).await?.1)
    }

    /// Saves the form as the next version of the template; refused as a conflict when another
    /// version was saved since `base_version` was read.
    pub async fn save_commitment_template(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        values: &HashMap<String, String>,
    ) -> Result<TemplateSaved> {
        let user = actor.require_user(Action::ManageCommitments)?;
        let current = self.store.current_template(tenant.id()).await?.1;
        let base = values
            .get("base_version")
            .and_then(|v| v.trim().parse::<i64>().ok())
            .ok_or_else(|| ServiceError::field("base_version", "choice_invalid"))?;
        if base != current.version {
            return Err(ServiceError::Conflict("version".into()));
        }
        let mut next = current.clone();
        let mut errors = Vec::new();
        for f in &mut next.fields {
            let mut text = |part: &str, required: bool, max: usize| -> String {
                let name = template_input(part, &f.key);
                let raw = values.get(&name).map(String::as_str).unwrap_or("");
                match domain::Text::parse("", raw, required, max) {
                    Ok(t) => t.into_string(),
                    Err(e) => {
                        errors.push((name, e));
                        String::new()
                    }
                }
            };
            f.label_sq = text("label_sq", true, TITLE_MAX);
            f.label_en = text("label_en", true, TITLE_MAX);
            f.hint_sq = text("hint_sq", false, NOTE_MAX);
            f.hint_en = text("hint_en", false, NOTE_MAX);
            f.required = values.get(&template_input("required", &f.key)).map(String::as_str) == Some("yes");
        }
        if !errors.is_empty() {
            return Ok(TemplateSaved::Invalid(errors));
        }
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        match self
            .store
            .save_template_version(tenant.id(), base, &next, user, &ctx)
            .await
        {
            Ok((_, version)) => Ok(TemplateSaved::Saved(version)),
            Err(store::StoreError::Conflict { .. }) => Err(ServiceError::Conflict("version".into())),
            Err(e) => Err(e.into()),
        }
    }
}
