//! Answers: the answer part of the input page (`panel_for`), the answer forms of an input and of
//! a cluster (save a draft, or publish after a confirmation that says who is told), and the
//! public coverage page.

use std::collections::HashMap;

use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::get,
};
use domain::{
    Action,
    input::{AnswerStatus, answers::justification},
};
use services::{
    ServiceError,
    input::answers::{AnswerFields, AnswerFormPage, AnswerSaved, AnswerSource},
};
use store::input::answers::AnswerTarget;
use views::{
    Choice, ConfirmPage, Form,
    input::answers::{AnswerFormPage as AnswerFormView, AnswerPanel, CoveragePage, ThemeCoverageView},
};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{date, date_time, form_again, localized_lang, page},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/input/coverage", get(coverage))
        .route("/input/{input}/answer", get(input_answer_page).post(save_input_answer))
        .route(
            "/input/clusters/{cluster}/answer",
            get(cluster_answer_page).post(save_cluster_answer),
        )
}

fn target_href(target: AnswerTarget) -> String {
    match target {
        AnswerTarget::Input(i) => format!("/input/{i}"),
        AnswerTarget::Cluster(c) => format!("/input/clusters/{c}"),
    }
}

fn answer_action(target: AnswerTarget) -> String {
    format!("{}/answer", target_href(target))
}

fn answer_template(ctx: &Ctx, f: &AnswerFormPage, form: Form) -> AnswerFormView {
    let is_input = matches!(f.target, AnswerTarget::Input(_));
    let published_at = f.existing.as_ref().and_then(|a| a.published_at);
    let heading = ctx.t(if is_input {
        "answer-form-title-input"
    } else {
        "answer-form-title-cluster"
    });
    AnswerFormView {
        p: ctx.page(heading.clone()),
        heading,
        title: f.title.clone(),
        back_href: target_href(f.target),
        action: answer_action(f.target),
        statuses: AnswerStatus::ALL
            .iter()
            .filter(|s| is_input || **s != AnswerStatus::Merged)
            .map(|s| Choice {
                value: s.key().to_owned(),
                label: ctx.t(&format!("answer-status-{}", s.key())),
            })
            .collect(),
        publish_note: match published_at {
            Some(at) => ctx.t1("answer-published-note", "date", &date_time(ctx, at)),
            None => views::t_args(ctx.lang, "answer-publish-note", &[("count", f.covered.to_string())]),
        },
        published: published_at.is_some(),
        is_input,
        form,
    }
}

/// The form's values: as saved, or empty for a first answer.
fn answer_values(f: &AnswerFormPage) -> HashMap<String, String> {
    let mut values = HashMap::new();
    if let Some(a) = &f.existing {
        values.insert("status".to_owned(), a.status.key().to_owned());
        values.insert("body_sq".to_owned(), a.body_sq.clone());
        values.insert("body_en".to_owned(), a.body_en.clone());
        values.insert(
            "merged_into".to_owned(),
            a.merged_into_id.map(|m| m.to_string()).unwrap_or_default(),
        );
        values.insert("commitment_ref".to_owned(), a.commitment_ref.clone());
    }
    values
}

async fn answer_page(state: &AppState, ctx: &Ctx, target: AnswerTarget) -> Result<Response, AppError> {
    let f = state.services.answer_form(&ctx.tenant, &ctx.actor(), target).await?;
    let values = answer_values(&f);
    page(answer_template(ctx, &f, Form::new(values)))
}

async fn save_answer(state: &AppState, ctx: &Ctx, target: AnswerTarget, form: &FormData) -> Result<Response, AppError> {
    let actor = ctx.actor();
    let fields = AnswerFields {
        status: form.get("status").to_owned(),
        body_sq: form.get("body_sq").to_owned(),
        body_en: form.get("body_en").to_owned(),
        merged_into: form.get("merged_into").to_owned(),
        commitment_ref: form.get("commitment_ref").to_owned(),
    };
    let publish = form.get("publish") == "yes";
    let confirmed = form.get("confirmed") == "yes";
    let back = target_href(target);
    match state
        .services
        .save_answer(&ctx.tenant, &actor, target, &fields, publish, confirmed)
        .await
    {
        Ok(AnswerSaved::Draft) => Ok(ctx.redirect_with_flash(&back, "flash-answer-draft")),
        Ok(AnswerSaved::Published(_)) => Ok(ctx.redirect_with_flash(&back, "flash-answer-published")),
        Ok(AnswerSaved::Updated) => Ok(ctx.redirect_with_flash(&back, "flash-answer-updated")),
        Err(ServiceError::Invalid(errors)) if errors.iter().all(|e| e.code == "answer_confirm_required") => {
            // The answer is valid: ask once more, saying what is published and who is told.
            let f = state.services.answer_form(&ctx.tenant, &actor, target).await?;
            let status = AnswerStatus::parse(form.get("status"))
                .map(|s| ctx.t(&format!("answer-status-{}", s.key())))
                .unwrap_or_default();
            let heading = ctx.t("answer-confirm-heading");
            let fields = ["status", "body_sq", "body_en", "merged_into", "commitment_ref"]
                .iter()
                .map(|k| ((*k).to_owned(), form.get(k).to_owned()))
                .chain([("publish".to_owned(), "yes".to_owned())])
                .collect();
            page(ConfirmPage {
                p: ctx.page(heading.clone()),
                heading,
                text: views::t_args(
                    ctx.lang,
                    "answer-confirm-text",
                    &[
                        ("title", f.title.clone()),
                        ("status", status),
                        ("count", f.covered.to_string()),
                    ],
                ),
                action: answer_action(target),
                fields,
                confirm_label: ctx.t("answer-confirm-button"),
                cancel_href: back,
            })
        }
        Err(ServiceError::Invalid(errors)) => {
            let f = state.services.answer_form(&ctx.tenant, &actor, target).await?;
            form_again(answer_template(ctx, &f, Form::new(form.to_map()).with_errors(errors)))
        }
        Err(e) => Err(e.into()),
    }
}

async fn input_answer_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(input): Path<i64>,
) -> Result<Response, AppError> {
    answer_page(&state, &ctx, AnswerTarget::Input(input)).await
}

async fn save_input_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(input): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    save_answer(&state, &ctx, AnswerTarget::Input(input), &form).await
}

async fn cluster_answer_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(cluster): Path<i64>,
) -> Result<Response, AppError> {
    answer_page(&state, &ctx, AnswerTarget::Cluster(cluster)).await
}

async fn save_cluster_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(cluster): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    save_answer(&state, &ctx, AnswerTarget::Cluster(cluster), &form).await
}

/// The answer part of the input page (called by the input page's handler in `inputs.rs`).
pub(super) async fn panel_for(state: &AppState, ctx: &Ctx, input: i64) -> Result<AnswerPanel, AppError> {
    let data = state
        .services
        .input_answer_panel(&ctx.tenant, &ctx.actor(), input)
        .await?;
    let mut panel = AnswerPanel {
        input_id: input,
        can_answer: data.can_answer,
        text_withheld: data.text_withheld,
        ..AnswerPanel::default()
    };
    if let Some(c) = &data.cluster {
        let (title, _) = localized_lang(ctx, &c.title_sq, &c.title_en);
        panel.cluster_href = format!("/input/clusters/{}", c.id);
        panel.cluster_title = title.to_owned();
    }
    if let Some(m) = &data.merged_into {
        panel.merged_href = format!("/input/{}", m.id);
        // A hidden input's title is never shown, only its number.
        panel.merged_title = if m.hidden_at.is_some() {
            format!("#{}", m.id)
        } else {
            m.title.clone()
        };
    }
    let own_exists = matches!(data.answer, Some((_, AnswerSource::Own)));
    panel.answer_label = ctx.t(if own_exists { "answer-edit" } else { "answer-write" });
    if let Some((a, source)) = &data.answer {
        panel.has_answer = true;
        panel.draft = a.published_at.is_none();
        panel.status_key = a.status.key();
        panel.status = ctx.t(&format!("answer-status-{}", a.status.key()));
        let text = justification(ctx.lang, &a.body_sq, &a.body_en);
        panel.lang = if ctx.lang == domain::Lang::En && text == a.body_sq {
            "sq"
        } else {
            ""
        };
        panel.justification_html = views::markdown::render(text);
        if let Some(at) = a.published_at {
            (panel.date, panel.date_iso) = date(ctx, at);
        }
        panel.commitment_ref = a.commitment_ref.clone();
        panel.source = match source {
            AnswerSource::Own => String::new(),
            AnswerSource::Cluster => views::t_args(
                ctx.lang,
                "answer-from-cluster",
                &[("title", panel.cluster_title.clone())],
            ),
            AnswerSource::MergedInto => ctx.t("answer-from-merged"),
        };
    }
    Ok(panel)
}

/// `/input/coverage`: the share answered, the oldest waiting, by theme (OGP Local's check 8).
async fn coverage(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let c = state.services.input_coverage(&ctx.tenant).await?;
    let percent = |p: Option<i64>| p.map(|p| format!("{p} %")).unwrap_or_else(|| ctx.t("coverage-none"));
    let days = |d: i64| views::t_args(ctx.lang, "coverage-days", &[("days", d.to_string())]);
    let themes = c
        .by_theme
        .iter()
        .map(|t| {
            let (title, lang) = match (&t.title_sq, &t.title_en) {
                (Some(sq), en) => {
                    let (title, lang) = localized_lang(&ctx, sq, en.as_deref().unwrap_or(""));
                    (title.to_owned(), lang)
                }
                (None, _) => (ctx.t("coverage-no-theme"), ""),
            };
            ThemeCoverageView {
                title,
                lang,
                total: t.total,
                answered: t.answered,
                percent: percent(t.percent),
                oldest: t.oldest_unanswered_days.map(days).unwrap_or_default(),
            }
        })
        .collect();
    let (oldest_title, oldest_href, oldest_age) = match &c.oldest_unanswered {
        Some(o) => (o.title.clone(), format!("/input/{}", o.id), days(o.age_days)),
        None => (String::new(), String::new(), String::new()),
    };
    page(CoveragePage {
        p: ctx.page(ctx.t("coverage-title")),
        total: c.total,
        answered: c.answered,
        percent: percent(c.percent),
        oldest_title,
        oldest_href,
        oldest_age,
        themes,
    })
}
