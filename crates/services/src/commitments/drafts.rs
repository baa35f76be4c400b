//! Drafting commitments (issue 10, parts 2 and 3): forum members of the cycle's forum and staff
//! create commitments in the current cycle, save versions (a save started from an older
//! version is refused, both texts shown, nothing lost), compare any two versions, and link the
//! inputs adopted into a commitment. Who may draft: `Action::DraftCommitments` and (staff, or
//! an accepted member of the forum of the commitment's cycle).

use std::collections::HashMap;

use domain::{
    Action, FieldError, UserId,
    commitments::{
        CommitmentDocument, TITLE_MAX,
        drafting::{DraftError, parse_form},
        quality::PlanContext,
        template::Template,
    },
};
use store::{
    CycleRow, TenantRow,
    commitments::drafts::{
        CommitmentListRow, CommitmentRow, InputCommitment, NewCommitment, PlanFacts, SaveOutcome, VersionDoc,
        VersionRow,
    },
};

use crate::{Actor, ServiceError, Services, common::error::Result};

/// Who drafts, as the object rule found them.
#[derive(Debug, Clone)]
pub struct Drafter {
    pub user: UserId,
    /// Coordinator or platform admin.
    pub staff: bool,
    /// Their position in the cycle's forum (`chair`, `member`...), if they hold a seat.
    pub seat: Option<String>,
}

impl Drafter {
    pub fn is_chair(&self) -> bool {
        self.seat.as_deref() == Some("chair")
    }
}

/// The forum's list of the current cycle's commitments.
#[derive(Debug, Clone)]
pub struct ForumCommitments {
    pub cycle: CycleRow,
    pub rows: Vec<CommitmentListRow>,
}

/// What the form of a new commitment needs.
#[derive(Debug, Clone)]
pub struct NewContext {
    pub cycle: CycleRow,
    pub template_id: i64,
    pub template: Template,
    pub plan: PlanContext,
}

/// What the edit form needs: the commitment, the template version it was written in, its
/// current version and the plan.
#[derive(Debug, Clone)]
pub struct EditContext {
    pub row: CommitmentRow,
    pub template: Template,
    pub current: VersionDoc,
    pub plan: PlanContext,
}

/// Somebody saved while the form was open: their version (`theirs`, now current) and what the
/// person typed (`yours`); the form comes back with `base_version = theirs.version.number`.
#[derive(Debug, Clone)]
pub struct StaleFacts {
    pub theirs: VersionDoc,
    pub yours: CommitmentDocument,
}

/// What sending the form did.
#[derive(Debug, Clone)]
pub enum Drafted {
    /// Saved: the commitment's id and the version's number.
    Saved {
        id: i64,
        version: i64,
    },
    Invalid(Vec<DraftError>),
    Stale(Box<StaleFacts>),
}

/// The two versions a comparison shows, and the template to label their fields.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub row: CommitmentRow,
    pub template: Template,
    pub from: VersionDoc,
    pub to: VersionDoc,
    pub versions: Vec<VersionRow>,
}

impl Services {
    /// The object rule of drafting in `cycle`: staff, or an accepted member of its forum whose
    /// position takes part in its work (not an observer).
    pub(crate) async fn drafter(&self, tenant: &TenantRow, actor: &Actor, cycle: Option<i64>) -> Result<Drafter> {
        let user = actor.require_user(Action::DraftCommitments)?;
        let staff = actor.can(Action::ManageCommitments);
        let seat = match cycle {
            Some(cycle) => self
                .store
                .commitment_drafter_seat(tenant.id(), cycle, user)
                .await?
                .filter(|pos| seat_drafts(pos)),
            None => None,
        };
        if !staff && seat.is_none() {
            return Err(ServiceError::Forbidden);
        }
        Ok(Drafter { user, staff, seat })
    }

    async fn drafting_cycle(&self, tenant: &TenantRow) -> Result<CycleRow> {
        self.store
            .current_cycle(tenant.id())
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// A drafted commitment the actor may draft (another tenant's, or an imported one, is not
    /// found; the role is checked before the commitment is looked at).
    pub(crate) async fn drafted_commitment(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
    ) -> Result<(CommitmentRow, Drafter)> {
        actor.require_user(Action::DraftCommitments)?;
        let row = self
            .store
            .commitment(tenant.id(), id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if row.cycle_id.is_none() {
            return Err(ServiceError::NotFound);
        }
        let drafter = self.drafter(tenant, actor, row.cycle_id).await?;
        Ok((row, drafter))
    }

    /// The plan context of a cycle: its period, its drafted commitments that are not withdrawn,
    /// and the municipality's configured range. The one builder of [`PlanContext`]: the form's
    /// panel and the plan's findings count the same way.
    pub(crate) async fn plan_context(&self, tenant: &TenantRow, cycle: i64) -> Result<PlanContext> {
        let PlanFacts {
            starts_on,
            ends_on,
            commitments,
        } = self.store.commitment_plan(tenant.id(), cycle).await?;
        Ok(PlanContext {
            plan_starts_on: starts_on,
            plan_ends_on: ends_on,
            commitments_in_plan: usize::try_from(commitments).unwrap_or(0),
            min: usize::try_from(tenant.commitments_min).unwrap_or(0),
            max: usize::try_from(tenant.commitments_max).unwrap_or(0),
        })
    }

    /// The template a commitment was written in (its own version), or the newest.
    pub(crate) async fn template_of(&self, tenant: &TenantRow, template_id: Option<i64>) -> Result<Template> {
        if let Some(id) = template_id
            && let Some(t) = self.store.template_by_id(tenant.id(), id).await?
        {
            return Ok(t.template);
        }
        Ok(self.store.current_template(tenant.id()).await?.1)
    }

    /// Creates a commitment in the current cycle from a document (the library's "start from
    /// this", the demo, the form). Refused without the tenant's identifier prefix (the field
    /// error `commitment_prefix` tells the coordinator to set it in the commitment settings).
    pub async fn create_commitment(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        document: CommitmentDocument,
        source_id: Option<i64>,
    ) -> Result<i64> {
        self.create_commitment_with_note(tenant, actor, document, String::new(), source_id)
            .await
    }

    async fn create_commitment_with_note(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        document: CommitmentDocument,
        note: String,
        source_id: Option<i64>,
    ) -> Result<i64> {
        let cycle = self.drafting_cycle(tenant).await?;
        let drafter = self.drafter(tenant, actor, Some(cycle.id)).await?;
        if tenant.commitment_prefix.trim().is_empty() {
            return Err(ServiceError::field("commitment_prefix", "commitment_prefix_missing"));
        }
        let title = document.title.trim();
        if title.is_empty() {
            return Err(ServiceError::field("title", "required"));
        }
        if title.chars().count() > TITLE_MAX {
            return Err(ServiceError::Invalid(vec![FieldError::too_long("title", TITLE_MAX)]));
        }
        let (template_id, _) = self.store.current_template(tenant.id()).await?;
        let ctx = self.ctx(tenant.id(), Some(drafter.user), actor.request_id.as_deref());
        let new = NewCommitment {
            cycle_id: cycle.id,
            template_id,
            document,
            note,
            source_id,
            author: drafter.user,
        };
        Ok(self.store.create_commitment(tenant.id(), &new, &ctx).await?)
    }

    /// The current cycle's commitments for the forum, every status.
    pub async fn forum_commitments(&self, tenant: &TenantRow, actor: &Actor) -> Result<ForumCommitments> {
        actor.require_user(Action::DraftCommitments)?;
        let cycle = self.drafting_cycle(tenant).await?;
        self.drafter(tenant, actor, Some(cycle.id)).await?;
        let rows = self.store.cycle_commitments(tenant.id(), cycle.id).await?;
        Ok(ForumCommitments { cycle, rows })
    }

    /// The new commitment's form: the newest template and the plan.
    pub async fn new_commitment_context(&self, tenant: &TenantRow, actor: &Actor) -> Result<NewContext> {
        actor.require_user(Action::DraftCommitments)?;
        let cycle = self.drafting_cycle(tenant).await?;
        self.drafter(tenant, actor, Some(cycle.id)).await?;
        let (template_id, template) = self.store.current_template(tenant.id()).await?;
        let mut plan = self.plan_context(tenant, cycle.id).await?;
        // The panel judges the plan as it will be once this one is saved: the first
        // commitment is one, not zero.
        plan.commitments_in_plan += 1;
        Ok(NewContext {
            cycle,
            template_id,
            template,
            plan,
        })
    }

    /// Creates a commitment from the form.
    pub async fn submit_new_commitment(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        values: &HashMap<String, String>,
    ) -> Result<Drafted> {
        let c = self.new_commitment_context(tenant, actor).await?;
        let form = match parse_form(&c.template, values) {
            Ok(f) => f,
            Err(errors) => return Ok(Drafted::Invalid(errors)),
        };
        let id = match self
            .create_commitment_with_note(tenant, actor, form.document, form.note, None)
            .await
        {
            Ok(id) => id,
            Err(ServiceError::Invalid(errors)) => {
                return Ok(Drafted::Invalid(
                    errors
                        .into_iter()
                        .map(|e| DraftError {
                            field: e.field.to_owned(),
                            code: e.code,
                            limit: e.limit,
                        })
                        .collect(),
                ));
            }
            Err(e) => return Err(e),
        };
        Ok(Drafted::Saved { id, version: 1 })
    }

    /// The edit form's facts: the commitment's own template version and its current version.
    pub async fn commitment_edit_context(&self, tenant: &TenantRow, actor: &Actor, id: i64) -> Result<EditContext> {
        let (row, _) = self.drafted_commitment(tenant, actor, id).await?;
        let template = self.template_of(tenant, row.template_id).await?;
        let current = self
            .store
            .commitment_version(tenant.id(), id, row.current_version)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let plan = self.plan_context(tenant, row.cycle_id.unwrap_or_default()).await?;
        Ok(EditContext {
            row,
            template,
            current,
            plan,
        })
    }

    /// Saves the form as the next version, if nobody saved since `base_version` was read.
    pub async fn save_commitment_form(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
        values: &HashMap<String, String>,
    ) -> Result<Drafted> {
        let (row, drafter) = self.drafted_commitment(tenant, actor, id).await?;
        let template = self.template_of(tenant, row.template_id).await?;
        let Some(base) = values.get("base_version").and_then(|v| v.trim().parse::<i64>().ok()) else {
            // A form without its version is a forged one: nothing to compare with.
            return Err(ServiceError::field("base_version", "choice_invalid"));
        };
        let form = match parse_form(&template, values) {
            Ok(f) => f,
            Err(errors) => return Ok(Drafted::Invalid(errors)),
        };
        let ctx = self.ctx(tenant.id(), Some(drafter.user), actor.request_id.as_deref());
        match self
            .store
            .save_commitment_version(tenant.id(), id, base, &form.document, &form.note, drafter.user, &ctx)
            .await?
        {
            SaveOutcome::Saved(version) => Ok(Drafted::Saved { id, version }),
            SaveOutcome::Stale { current } => {
                let theirs = self
                    .store
                    .commitment_version(tenant.id(), id, current)
                    .await?
                    .ok_or(ServiceError::NotFound)?;
                Ok(Drafted::Stale(Box::new(StaleFacts {
                    theirs,
                    yours: form.document,
                })))
            }
        }
    }

    /// The versions of a commitment, newest first.
    pub async fn commitment_versions(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
    ) -> Result<(CommitmentRow, Vec<VersionRow>)> {
        let (row, _) = self.drafted_commitment(tenant, actor, id).await?;
        let versions = self.store.commitment_versions(tenant.id(), id).await?;
        Ok((row, versions))
    }

    /// Two versions to compare; `None` means the one before `to`, and the current one.
    pub async fn compare_commitment_versions(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
        from: Option<i64>,
        to: Option<i64>,
    ) -> Result<Comparison> {
        let (row, _) = self.drafted_commitment(tenant, actor, id).await?;
        let to_n = to.unwrap_or(row.current_version);
        let from_n = from.unwrap_or((to_n - 1).max(1));
        let read = |n: i64| async move {
            self.store
                .commitment_version(tenant.id(), id, n)
                .await?
                .ok_or(ServiceError::NotFound)
        };
        let from = read(from_n).await?;
        let to = read(to_n).await?;
        let template = self.template_of(tenant, row.template_id).await?;
        let versions = self.store.commitment_versions(tenant.id(), id).await?;
        Ok(Comparison {
            row,
            template,
            from,
            to,
            versions,
        })
    }

    /// Links an input to a commitment, the input named by its number or its address
    /// (`/input/12`, `https://…/input/12`).
    pub async fn link_commitment_input(&self, tenant: &TenantRow, actor: &Actor, id: i64, raw: &str) -> Result<()> {
        let (_, drafter) = self.drafted_commitment(tenant, actor, id).await?;
        let Some(input) = parse_input_ref(raw) else {
            return Err(ServiceError::field("input", "input_ref_invalid"));
        };
        let ctx = self.ctx(tenant.id(), Some(drafter.user), actor.request_id.as_deref());
        match self.store.link_commitment_input(tenant.id(), id, input, &ctx).await {
            Ok(()) => Ok(()),
            Err(store::StoreError::NotFound) => Err(ServiceError::field("input", "input_not_found")),
            Err(store::StoreError::Conflict { .. }) => Err(ServiceError::field("input", "input_already_linked")),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn unlink_commitment_input(&self, tenant: &TenantRow, actor: &Actor, id: i64, input: i64) -> Result<()> {
        let (_, drafter) = self.drafted_commitment(tenant, actor, id).await?;
        let ctx = self.ctx(tenant.id(), Some(drafter.user), actor.request_id.as_deref());
        Ok(self.store.unlink_commitment_input(tenant.id(), id, input, &ctx).await?)
    }

    /// The commitments an input was adopted into, for the input's page: public ones for
    /// everybody, drafts and withdrawn ones only for those who draft.
    pub async fn input_adopted_into(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        input: i64,
    ) -> Result<Vec<InputCommitment>> {
        let drafts_too = actor.can(Action::DraftCommitments);
        Ok(self
            .store
            .input_commitments(tenant.id(), input)
            .await?
            .into_iter()
            .filter(|c| drafts_too || c.status.is_public())
            .collect())
    }
}

/// Whether a forum position drafts commitments: an observer follows the forum's work without
/// taking part in it, so neither drafts, comments nor links inputs.
pub fn seat_drafts(pos_key: &str) -> bool {
    pos_key != "observer"
}

/// An input's number from what was typed: `12`, `#12`, `/input/12`, or a full address ending so.
pub fn parse_input_ref(raw: &str) -> Option<i64> {
    let raw = raw.trim().trim_end_matches('/');
    let tail = match raw.rfind("/input/") {
        Some(at) => &raw[at + "/input/".len()..],
        None => raw.trim_start_matches('#'),
    };
    let tail = tail.split(['?', '#']).next().unwrap_or("");
    if tail.is_empty() || !tail.chars().all(|c| c.is_ascii_digit()) || tail.len() > 15 {
        return None;
    }
    tail.parse().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::{parse_input_ref, seat_drafts};

    #[test]
    fn observers_do_not_draft() {
        assert!(!seat_drafts("observer"));
        for pos in ["chair", "co_chair", "secretary", "member"] {
            assert!(seat_drafts(pos), "{pos}");
        }
    }

    #[test]
    fn input_refs() {
        assert_eq!(parse_input_ref("12"), Some(12));
        assert_eq!(parse_input_ref(" #7 "), Some(7));
        assert_eq!(parse_input_ref("/input/33"), Some(33));
        assert_eq!(parse_input_ref("https://elbasan.example/input/33/"), Some(33));
        assert_eq!(parse_input_ref("https://x/input/33?x=1"), Some(33));
        for bad in ["", "abc", "/input/", "-1", "0", "/input/1/edit"] {
            assert_eq!(parse_input_ref(bad), None, "{bad}");
        }
    }
}
