//! Grouping inputs: the forum members' board (proposals computed from text similarity, accepted
//! with a title and perhaps fewer inputs, or rejected), clusters made or changed by hand, the
//! public list and page of clusters, and merging a duplicate into another input (asked once
//! more). Each handler parses, calls one use case in `services::input::grouping`, renders.

use std::collections::HashMap;

use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::{get, post},
};
use domain::{Action, input::InputState};
use services::{
    ServiceError,
    input::grouping::{ClusterForm, GroupingBoard, Proposal},
};
use store::input::grouping::{ClusterRow, GroupedInput};
use views::{
    Choice, ConfirmPage, Form,
    input::grouping::{
        AcceptPage, ClusterAnswerView, ClusterFormPage, ClusterPage, ClusterView, ClustersPage, GroupedInputView,
        GroupingPage, InputChoice, MergePage, ProposalView,
    },
};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{date, form_again, localized_lang, page},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/forum/grouping", get(board))
        .route("/forum/grouping/propose", post(propose))
        .route("/forum/grouping/proposals/{proposal}/accept", post(accept))
        .route("/forum/grouping/proposals/{proposal}/reject", post(reject))
        .route("/forum/grouping/clusters/new", get(new_cluster).post(create_cluster))
        .route(
            "/forum/grouping/clusters/{cluster}",
            get(edit_cluster).post(update_cluster),
        )
        .route("/input/clusters", get(clusters))
        .route("/input/clusters/{cluster}", get(cluster_page))
        .route("/input/{input}/merge", get(merge_page).post(merge))
}

/// The ids ticked in a checkbox list (anything not a number is ignored).
fn ids(form: &FormData, name: &str) -> Vec<i64> {
    form.all(name).iter().filter_map(|v| v.trim().parse().ok()).collect()
}

/// An input's title as grouping shows it: never the text of a hidden input.
pub(super) fn input_title(ctx: &Ctx, i: &GroupedInput) -> String {
    if i.hidden_at.is_some() {
        ctx.t("grouping-hidden-input")
    } else {
        i.title.clone()
    }
}

/// Where an input stands, in a few words (empty when simply published and unanswered).
fn input_note(ctx: &Ctx, i: &GroupedInput) -> String {
    let mut notes = Vec::new();
    if i.state == InputState::Withdrawn {
        notes.push(ctx.t("grouping-note-withdrawn"));
    }
    if let Some(m) = i.merged_into_id {
        notes.push(ctx.t1("grouping-note-merged", "id", &m.to_string()));
    }
    if let Some(s) = i.answer_status() {
        notes.push(ctx.t(&format!("answer-status-{}", s.key())));
    }
    notes.join(" · ")
}

fn input_view(ctx: &Ctx, i: &GroupedInput) -> GroupedInputView {
    GroupedInputView {
        id: i.id,
        title: input_title(ctx, i),
        href: format!("/input/{}", i.id),
        note: input_note(ctx, i),
    }
}

fn proposal_view(ctx: &Ctx, p: &Proposal) -> ProposalView {
    ProposalView {
        id: p.row.id,
        score: ctx.t1("grouping-score", "percent", &p.row.score.to_string()),
        suggested_title: p
            .inputs
            .iter()
            .find(|i| i.hidden_at.is_none())
            .map(|i| i.title.clone())
            .unwrap_or_default(),
        inputs: p.inputs.iter().map(|i| input_view(ctx, i)).collect(),
    }
}

fn cluster_view(ctx: &Ctx, c: &ClusterRow) -> ClusterView {
    let (title, lang) = localized_lang(ctx, &c.title_sq, &c.title_en);
    let (date, date_iso) = date(ctx, c.created_at);
    ClusterView {
        id: c.id,
        title: title.to_owned(),
        lang,
        href: format!("/input/clusters/{}", c.id),
        count: views::t_args(ctx.lang, "clusters-count", &[("count", c.member_count.to_string())]),
        date,
        date_iso,
    }
}

fn board_template(ctx: &Ctx, b: &GroupingBoard, form: Form) -> GroupingPage {
    let (phase_title, phase_lang) = b
        .phase
        .as_ref()
        .map(|p| {
            let (t, l) = localized_lang(ctx, &p.title_sq, &p.title_en);
            (t.to_owned(), l)
        })
        .unwrap_or_default();
    GroupingPage {
        p: ctx.page(ctx.t("grouping-title")),
        phase_title,
        phase_lang,
        threshold: ctx.t1("grouping-threshold", "percent", &b.threshold_percent.to_string()),
        proposals: b.proposals.iter().map(|p| proposal_view(ctx, p)).collect(),
        clusters: b.clusters.iter().map(|c| cluster_view(ctx, c)).collect(),
        form,
    }
}

async fn board(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let b = state.services.grouping_board(&ctx.tenant, &ctx.actor()).await?;
    page(board_template(&ctx, &b, Form::default()))
}

async fn propose(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    match state.services.propose_input_groups(&ctx.tenant, &ctx.actor()).await {
        Ok(0) => Ok(ctx.redirect_with_flash("/forum/grouping", "flash-grouping-none-found")),
        Ok(_) => Ok(ctx.redirect_with_flash("/forum/grouping", "flash-grouping-proposed")),
        Err(ServiceError::Invalid(errors)) => {
            let b = state.services.grouping_board(&ctx.tenant, &ctx.actor()).await?;
            form_again(board_template(&ctx, &b, Form::default().with_errors(errors)))
        }
        Err(e) => Err(e.into()),
    }
}

async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(proposal): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    match state
        .services
        .accept_input_proposal(
            &ctx.tenant,
            &actor,
            proposal,
            &ids(&form, "inputs"),
            form.get("title_sq"),
            form.get("title_en"),
        )
        .await
    {
        Ok(cluster) => Ok(ctx.redirect_with_flash(&format!("/input/clusters/{cluster}"), "flash-grouping-accepted")),
        Err(ServiceError::Invalid(errors)) => {
            let b = state.services.grouping_board(&ctx.tenant, &actor).await?;
            match b.proposals.iter().find(|p| p.row.id == proposal) {
                // The proposal alone, with the ticks and the titles as typed.
                Some(p) => form_again(AcceptPage {
                    p: ctx.page(ctx.t1("grouping-proposal-heading", "id", &proposal.to_string())),
                    proposal: proposal_view(&ctx, p),
                    form: Form::new(form.to_map()).with_errors(errors),
                }),
                // Decided meanwhile: the board says where things stand.
                None => form_again(board_template(&ctx, &b, Form::default().with_errors(errors))),
            }
        }
        Err(e) => Err(e.into()),
    }
}

async fn reject(State(state): State<AppState>, ctx: Ctx, Path(proposal): Path<i64>) -> Result<Response, AppError> {
    state
        .services
        .reject_input_proposal(&ctx.tenant, &ctx.actor(), proposal)
        .await?;
    Ok(ctx.redirect_with_flash("/forum/grouping", "flash-grouping-rejected"))
}

// ---- Clusters by hand ----

fn cluster_form_template(ctx: &Ctx, f: &ClusterForm, form: Form) -> ClusterFormPage {
    let (heading, action) = match &f.cluster {
        Some(c) => (
            ctx.t1("grouping-edit-cluster", "title", &c.title_sq),
            format!("/forum/grouping/clusters/{}", c.id),
        ),
        None => (ctx.t("grouping-new-cluster"), "/forum/grouping/clusters/new".to_owned()),
    };
    ClusterFormPage {
        p: ctx.page(heading.clone()),
        heading,
        action,
        choices: f
            .choices
            .iter()
            .map(|c| InputChoice {
                id: c.id,
                title: input_title(ctx, c),
                note: input_note(ctx, c),
            })
            .collect(),
        kept: f
            .kept
            .iter()
            .map(|c| InputChoice {
                id: c.id,
                title: input_title(ctx, c),
                note: input_note(ctx, c),
            })
            .collect(),
        form,
    }
}

/// The values of an existing cluster as the form starts from them.
fn cluster_values(f: &ClusterForm) -> HashMap<String, String> {
    let mut values = HashMap::new();
    if let Some(c) = &f.cluster {
        values.insert("title_sq".to_owned(), c.title_sq.clone());
        values.insert("title_en".to_owned(), c.title_en.clone());
        let members: Vec<String> = f
            .choices
            .iter()
            .filter(|i| i.cluster_id == Some(c.id))
            .map(|i| i.id.to_string())
            .collect();
        values.insert("inputs".to_owned(), members.join(","));
    }
    values
}

async fn cluster_form_page(state: &AppState, ctx: &Ctx, cluster: Option<i64>) -> Result<Response, AppError> {
    let f = state.services.cluster_form(&ctx.tenant, &ctx.actor(), cluster).await?;
    let values = cluster_values(&f);
    page(cluster_form_template(ctx, &f, Form::new(values)))
}

async fn save_cluster(
    state: &AppState,
    ctx: &Ctx,
    cluster: Option<i64>,
    form: &FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    match state
        .services
        .save_cluster(
            &ctx.tenant,
            &actor,
            cluster,
            form.get("title_sq"),
            form.get("title_en"),
            &ids(form, "inputs"),
        )
        .await
    {
        Ok(id) => Ok(ctx.redirect_with_flash(&format!("/input/clusters/{id}"), "flash-cluster-saved")),
        Err(ServiceError::Invalid(errors)) => {
            let f = state.services.cluster_form(&ctx.tenant, &actor, cluster).await?;
            form_again(cluster_form_template(
                ctx,
                &f,
                Form::new(form.to_map()).with_errors(errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn new_cluster(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    cluster_form_page(&state, &ctx, None).await
}

async fn create_cluster(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    save_cluster(&state, &ctx, None, &form).await
}

async fn edit_cluster(State(state): State<AppState>, ctx: Ctx, Path(cluster): Path<i64>) -> Result<Response, AppError> {
    cluster_form_page(&state, &ctx, Some(cluster)).await
}

async fn update_cluster(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(cluster): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    save_cluster(&state, &ctx, Some(cluster), &form).await
}

// ---- Public pages of clusters ----

async fn clusters(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let rows = state.services.public_clusters(&ctx.tenant).await?;
    page(ClustersPage {
        p: ctx.page(ctx.t("clusters-title")),
        clusters: rows.iter().map(|c| cluster_view(&ctx, c)).collect(),
    })
}

async fn cluster_page(State(state): State<AppState>, ctx: Ctx, Path(cluster): Path<i64>) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let c = state.services.cluster_page(&ctx.tenant, &ctx.actor(), cluster).await?;
    let (title, lang) = localized_lang(&ctx, &c.cluster.title_sq, &c.cluster.title_en);
    let mut answer = ClusterAnswerView {
        answer_label: ctx.t(if c.answer.is_some() {
            "answer-edit"
        } else {
            "answer-write"
        }),
        ..ClusterAnswerView::default()
    };
    if let Some(a) = &c.answer {
        let text = domain::input::answers::justification(ctx.lang, &a.body_sq, &a.body_en);
        answer.has_answer = true;
        answer.draft = a.published_at.is_none();
        answer.status_key = a.status.key();
        answer.status = ctx.t(&format!("answer-status-{}", a.status.key()));
        answer.justification_html = views::markdown::render(text);
        answer.lang = if ctx.lang == domain::Lang::En && text == a.body_sq {
            "sq"
        } else {
            ""
        };
        if let Some(at) = a.published_at {
            (answer.date, answer.date_iso) = date(&ctx, at);
        }
        answer.commitment_ref = a.commitment_ref.clone();
    }
    page(ClusterPage {
        p: ctx.page(title.to_owned()),
        id: c.cluster.id,
        title: title.to_owned(),
        lang,
        members: c.members.iter().map(|i| input_view(&ctx, i)).collect(),
        answer,
        can_group: c.can_group,
    })
}

// ---- Merging a duplicate ----

async fn merge_template(state: &AppState, ctx: &Ctx, input: i64, form: Form) -> Result<MergePage, AppError> {
    let f = state.services.merge_form(&ctx.tenant, &ctx.actor(), input).await?;
    let merged = f.input.merged_into_id.map(|m| GroupedInputView {
        id: m,
        title: f
            .targets
            .iter()
            .find(|t| t.id == m)
            .map(|t| input_title(ctx, t))
            .unwrap_or_default(),
        href: format!("/input/{m}"),
        note: String::new(),
    });
    Ok(MergePage {
        p: ctx.page(ctx.t("merge-title")),
        input: input_view(ctx, &f.input),
        merged,
        targets: f
            .targets
            .iter()
            .map(|t| Choice {
                value: t.id.to_string(),
                label: format!("#{} {}", t.id, input_title(ctx, t)),
            })
            .collect(),
        form,
    })
}

async fn merge_page(State(state): State<AppState>, ctx: Ctx, Path(input): Path<i64>) -> Result<Response, AppError> {
    page(merge_template(&state, &ctx, input, Form::default()).await?)
}

async fn merge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(input): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let into = form.get("into").trim().trim_start_matches('#').parse::<i64>().ok();
    let confirmed = form.get("confirmed") == "yes";
    match state
        .services
        .merge_input(&ctx.tenant, &ctx.actor(), input, into, confirmed)
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash(&format!("/input/{input}"), "flash-input-merged")),
        Err(ServiceError::Invalid(errors))
            if !confirmed && errors.iter().all(|e| e.code == "grouping_merge_confirm") =>
        {
            // Asked once more: which input goes into which, and that it cannot be undone here.
            let f = state.services.merge_form(&ctx.tenant, &ctx.actor(), input).await?;
            let target = f.targets.iter().find(|t| Some(t.id) == into);
            let heading = ctx.t("merge-confirm-heading");
            page(ConfirmPage {
                p: ctx.page(heading.clone()),
                heading,
                text: views::t_args(
                    ctx.lang,
                    "merge-confirm-text",
                    &[
                        ("input", format!("#{} {}", input, input_title(&ctx, &f.input))),
                        (
                            "into",
                            target
                                .map(|t| format!("#{} {}", t.id, input_title(&ctx, t)))
                                .unwrap_or_default(),
                        ),
                    ],
                ),
                action: format!("/input/{input}/merge"),
                fields: vec![("into".to_owned(), form.get("into").to_owned())],
                confirm_label: ctx.t("merge-confirm-button"),
                cancel_href: format!("/input/{input}"),
            })
        }
        Err(ServiceError::Invalid(errors)) => {
            form_again(merge_template(&state, &ctx, input, Form::new(form.to_map()).with_errors(errors)).await?)
        }
        Err(e) => Err(e.into()),
    }
}
