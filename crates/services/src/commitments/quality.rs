//! The quality checks of commitments (OGP Local's checks 10, 11, 12) as use cases: one
//! commitment's findings for the drafting form's panel, and the whole plan's for the standards
//! dashboard. The rules are `domain::commitments::quality`; this file only gathers what they
//! read (the template version, the plan's period and size, the municipality's range).

use std::collections::{HashMap, hash_map::Entry};

use domain::{
    Action,
    commitments::{
        quality::{Finding, PlanContext, PlanFindings, check, plan_findings},
        template::Template,
    },
};
use store::TenantRow;

use crate::{Actor, ServiceError, Services, common::error::Result};

impl Services {
    /// The plan context of a cycle: its period, its drafted commitments that are not withdrawn,
    /// and the municipality's configured range (the drafting form's builder, so that the panel
    /// and the plan's findings count alike).
    pub async fn quality_context(&self, tenant: &TenantRow, cycle: i64) -> Result<PlanContext> {
        self.plan_context(tenant, cycle).await
    }

    /// The findings of a commitment's current version (for the panel beside its form), with
    /// the template and context they were computed against.
    pub async fn commitment_quality(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
    ) -> Result<(Template, PlanContext, Vec<Finding>)> {
        let (row, _) = self.drafted_commitment(tenant, actor, id).await?;
        let cycle = row.cycle_id.ok_or(ServiceError::NotFound)?;
        let plan = self.quality_context(tenant, cycle).await?;
        let template = self.template_of(tenant, row.template_id).await?;
        let current = self
            .store
            .commitment_version(tenant.id(), id, row.current_version)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let findings = check(&template, &current.document, &plan);
        Ok((template, plan, findings))
    }

    /// Checks 10, 11 and 12 over the current cycle's commitments (withdrawn ones left out),
    /// for the standards dashboard; drafts are read, so only those who draft in this cycle
    /// (staff, or a member of its forum) may ask. The current versions are read in one query
    /// and each template version once.
    pub async fn plan_quality(&self, tenant: &TenantRow, actor: &Actor) -> Result<PlanFindings> {
        actor.require_user(Action::DraftCommitments)?;
        let cycle = self
            .store
            .current_cycle(tenant.id())
            .await?
            .ok_or(ServiceError::NotFound)?;
        self.drafter(tenant, actor, Some(cycle.id)).await?;
        let plan = self.quality_context(tenant, cycle.id).await?;
        let docs = self.store.cycle_current_documents(tenant.id(), cycle.id).await?;
        let mut templates: HashMap<Option<i64>, Template> = HashMap::new();
        for d in &docs {
            if let Entry::Vacant(slot) = templates.entry(d.template_id) {
                slot.insert(self.template_of(tenant, d.template_id).await?);
            }
        }
        let items = docs
            .iter()
            .filter_map(|d| templates.get(&d.template_id).map(|t| (t, &d.document)));
        Ok(plan_findings(items, &plan))
    }
}
