//! The coordinator's pages of input phases: the list of phases with the municipality's input
//! settings (`input/admin_phases.html`) and the form of one phase (`input/admin_phase_form.html`).
//! Texts in `input.ftl`.

use askama::Template;

use crate::{Choice, Form, PageCtx};

/// A phase in the coordinator's list.
pub struct PhaseRowView {
    pub id: i64,
    pub title: String,
    pub status_key: &'static str,
    pub status: String,
    pub opens: String,
    pub closes: String,
    /// "Announced on …", empty while a draft.
    pub announced: String,
}

#[derive(Template)]
#[template(path = "input/admin_phases.html")]
pub struct AdminPhasesPage {
    pub p: PageCtx,
    pub phases: Vec<PhaseRowView>,
    /// The settings form (`input_email_only`, `input_self_support`, `input_writes_per_hour`,
    /// `input_similarity_percent`).
    pub form: Form,
}

#[derive(Template)]
#[template(path = "input/admin_phase_form.html")]
pub struct AdminPhaseFormPage {
    pub p: PageCtx,
    /// `None` for a new phase.
    pub phase_id: Option<i64>,
    pub form: Form,
    /// The tenant's administrative units, as checkboxes.
    pub units: Vec<Choice>,
    /// The municipality's time zone in words, for the time hint.
    pub zone: String,
    /// "Announced on …", empty while a draft.
    pub announced: String,
    /// The municipality allows e-mail-only participation (otherwise the box says it has no effect).
    pub email_allowed: bool,
}
