//! Staff's page of the commitment settings (`commitments/settings.html`): the identifier's
//! prefix, the range of commitments in a plan, the current cycle's plan period and the values
//! OGP's CSV export fills in. Texts in `commitments_ogp.ftl`.

use askama::Template;

use crate::{Form, PageCtx};

#[derive(Template)]
#[template(path = "commitments/settings.html")]
pub struct CommitmentSettingsPage {
    pub p: PageCtx,
    /// Fields: `commitment_prefix`, `commitments_min`, `commitments_max`, `plan_starts_on`,
    /// `plan_ends_on`, `ogp_locality`, `ogp_slug`, `ogp_region`, `ogp_code`,
    /// `ogp_action_plan_id`, `ogp_national_or_local`.
    pub form: Form,
    /// There is a current cycle whose plan period the form sets.
    pub has_cycle: bool,
}
