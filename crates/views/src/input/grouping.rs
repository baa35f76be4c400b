//! Pages of grouping: the forum members' board of proposals and clusters, accepting a proposal
//! again after a mistake, the cluster form, the public list and page of clusters, and merging a
//! duplicate into another input. Templates: `input/grouping.html`, `input/grouping_accept.html`,
//! `input/grouping_cluster.html`, `input/clusters.html`, `input/cluster.html`,
//! `input/merge.html`; texts in `input_answers.ftl`.

use askama::Template;

use crate::{Choice, Form, PageCtx};

/// An input as grouping lists it: its number and title (a hidden input's title is never shown,
/// only "hidden by the moderator"), and a word on where it stands.
#[derive(Debug, Clone, Default)]
pub struct GroupedInputView {
    pub id: i64,
    pub title: String,
    pub href: String,
    /// "Hidden", "Withdrawn", "Merged into #12", the answer status…; empty when nothing to say.
    pub note: String,
}

/// One open proposal on the board.
#[derive(Debug, Clone, Default)]
pub struct ProposalView {
    pub id: i64,
    /// "Similarity 62 %".
    pub score: String,
    pub inputs: Vec<GroupedInputView>,
    /// A title to start from (the first input's).
    pub suggested_title: String,
}

/// A cluster in a list.
#[derive(Debug, Clone, Default)]
pub struct ClusterView {
    pub id: i64,
    pub title: String,
    pub lang: &'static str,
    pub href: String,
    /// "3 inputs".
    pub count: String,
    pub date: String,
    pub date_iso: String,
}

/// `/forum/grouping`.
#[derive(Template)]
#[template(path = "input/grouping.html")]
pub struct GroupingPage {
    pub p: PageCtx,
    /// The phase grouped, empty when none was announced yet.
    pub phase_title: String,
    pub phase_lang: &'static str,
    /// "Inputs are proposed together from 45 % similarity."
    pub threshold: String,
    pub proposals: Vec<ProposalView>,
    pub clusters: Vec<ClusterView>,
    /// Errors of "propose groups now" (no phase).
    pub form: Form,
}

/// One proposal's acceptance shown again with its errors next to the fields.
#[derive(Template)]
#[template(path = "input/grouping_accept.html")]
pub struct AcceptPage {
    pub p: PageCtx,
    pub proposal: ProposalView,
    pub form: Form,
}

/// A checkbox of the cluster form.
#[derive(Debug, Clone, Default)]
pub struct InputChoice {
    pub id: i64,
    pub title: String,
    pub note: String,
}

/// `/forum/grouping/clusters/new` and `/forum/grouping/clusters/{id}`.
#[derive(Template)]
#[template(path = "input/grouping_cluster.html")]
pub struct ClusterFormPage {
    pub p: PageCtx,
    pub heading: String,
    pub action: String,
    pub choices: Vec<InputChoice>,
    /// Members that can no longer be ticked (hidden or withdrawn): saving keeps them.
    pub kept: Vec<InputChoice>,
    pub form: Form,
}

/// `/input/clusters`.
#[derive(Template)]
#[template(path = "input/clusters.html")]
pub struct ClustersPage {
    pub p: PageCtx,
    pub clusters: Vec<ClusterView>,
}

/// `/input/clusters/{id}`: the cluster's inputs and its answer.
#[derive(Template)]
#[template(path = "input/cluster.html")]
pub struct ClusterPage {
    pub p: PageCtx,
    pub id: i64,
    pub title: String,
    pub lang: &'static str,
    pub members: Vec<GroupedInputView>,
    pub answer: ClusterAnswerView,
    pub can_group: bool,
}

/// The answer of a cluster as its page shows it.
#[derive(Debug, Clone, Default)]
pub struct ClusterAnswerView {
    pub has_answer: bool,
    pub draft: bool,
    pub status_key: &'static str,
    pub status: String,
    pub justification_html: String,
    pub lang: &'static str,
    pub date: String,
    pub date_iso: String,
    pub commitment_ref: String,
    pub answer_label: String,
}

/// `/input/{id}/merge`: the duplicate and the inputs it may be merged into.
#[derive(Template)]
#[template(path = "input/merge.html")]
pub struct MergePage {
    pub p: PageCtx,
    pub input: GroupedInputView,
    /// Already merged: says into which, no form.
    pub merged: Option<GroupedInputView>,
    pub targets: Vec<Choice>,
    pub form: Form,
}
