//! The demo's library of commitments (issue 10, part 10): Elbasan's values for OGP's CSV export
//! ("Elbasan, Albania", `elbasan-albania`, Europe, Local), and OGP's shared commitments file
//! (558 open-parliament commitments, 171 columns) imported through the import use case, so that
//! the library has commitments to search with their IRM ratings and the import page a report.

use domain::TenantId;
use services::{Services, commitments::ogp::ImportOutcome};
use store::AuditCtx;

/// OGP's commitments data as the repository keeps it (`seed/ogp/`).
const SHARED: &[u8] = include_bytes!("../../../../seed/ogp/ogp-commitments-open-parliament.csv");

pub async fn seed(services: &Services, tenant: TenantId, ctx: &AuditCtx) -> anyhow::Result<()> {
    let store = &services.store;
    // Only the export's values: the prefix, range and plan period are the drafting demo's.
    let mut settings = store.commitment_settings(tenant).await?;
    settings.ogp_locality = "Elbasan, Albania".into();
    settings.ogp_slug = "elbasan-albania".into();
    settings.ogp_region = "Europe".into();
    settings.ogp_national_or_local = "Local".into();
    store.save_commitment_settings(tenant, &settings, ctx).await?;
    let row = store
        .list_tenants()
        .await?
        .into_iter()
        .find(|t| t.id() == tenant)
        .ok_or_else(|| anyhow::anyhow!("the demo tenant is gone"))?;
    let started = std::time::Instant::now();
    match services
        .import_commitments_as(
            &row,
            None,
            Some("demo-seed"),
            "ogp-commitments-open-parliament.csv",
            SHARED,
        )
        .await?
    {
        ImportOutcome::Imported { report, .. } => {
            tracing::info!(
                imported = report.imported,
                mismatches = report.mismatches.len(),
                ms = started.elapsed().as_millis() as u64,
                "demo: OGP's commitments imported into the library"
            );
            Ok(())
        }
        ImportOutcome::Refused(r) => anyhow::bail!("the demo's OGP file was refused: {}", r.code),
    }
}
