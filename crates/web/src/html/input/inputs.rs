//! The public pages of inputs: the list (filters, counts, keyset pager, search), the input page
//! (with the discussion and the answer, see `discussion::thread_for` and `answers::panel_for`),
//! the form to submit (a plain multipart form, no script) and to edit within the edit window,
//! withdrawing with a note (a confirmation step), the attachment, and the e-mailed link that
//! publishes an input sent without an account. Each handler parses, calls one use case in
//! `services::input::inputs`, renders.

use std::collections::HashMap;

use axum::{
    Router,
    extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Query, Request, State},
    http::{StatusCode, header},
    response::{Html, IntoResponse, Response},
    routing::get,
};
use domain::{
    FieldError,
    input::{InputKind, InputSort, submission::StatusFilter},
};
use services::{
    ServiceError,
    input::{
        inputs::{EditContext, InputList, ListQuery, NewInputContext, Submitted, Upload, Visitor, WithdrawOutcome},
        phases::PhaseView,
    },
};
use store::input::search::InputCard;
use views::{
    Choice, Form, MessagePage,
    input::inputs::{
        CountedChoice, InputCardView, InputConfirmPage, InputFormPage, InputListPage, InputPage, WithdrawPage,
    },
};

use crate::{
    AppError, AppState, Ctx,
    ctx::urlencode,
    forms::FormData,
    html::common::{TokenQuery, attachment_response, date, date_time, form_again, localized, page},
};

/// Largest body the submit and edit routes read: the file plus the form. The use case holds the
/// file to the configured attachment limit; the site's own limit is sized for forms.
const UPLOAD_BODY_LIMIT: usize = 10 * 1024 * 1024 + 64 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/input", get(list))
        .route(
            "/input/new",
            get(new_form)
                .post(submit)
                .layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route("/input/confirm", get(confirm_page).post(confirm))
        .route("/input/{input}", get(show))
        .route(
            "/input/{input}/edit",
            get(edit_form)
                .post(save_edit)
                .layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route("/input/{input}/withdraw", get(withdraw_form).post(withdraw))
        .route("/input/{input}/attachment", get(attachment))
}

// ---- Shared pieces ----

fn kind_label(ctx: &Ctx, kind: InputKind) -> String {
    ctx.t(&format!("input-kind-{}", kind.key()))
}

/// The answer badge: its key and words (`unanswered` while there is none).
fn answer_badge(ctx: &Ctx, status: Option<&str>) -> (&'static str, String) {
    match status.and_then(domain::input::AnswerStatus::parse) {
        Some(s) => (s.key(), ctx.t(&format!("answer-status-{}", s.key()))),
        None => ("unanswered", ctx.t("input-status-unanswered")),
    }
}

fn theme_label(ctx: &Ctx, sq: Option<&str>, en: Option<&str>) -> String {
    localized(ctx, sq.unwrap_or(""), en.unwrap_or("")).to_owned()
}

fn phase_title(ctx: &Ctx, v: &PhaseView) -> String {
    localized(ctx, &v.phase.title_sq, &v.phase.title_en).to_owned()
}

fn questions_html(ctx: &Ctx, v: &PhaseView) -> String {
    let q = localized(ctx, &v.phase.questions_sq, &v.phase.questions_en);
    if q.trim().is_empty() {
        String::new()
    } else {
        views::markdown::render(q)
    }
}

fn card_view(ctx: &Ctx, c: &InputCard) -> InputCardView {
    let (answer_key, answer) = answer_badge(ctx, c.answer_status.as_deref());
    let (date, date_iso) = date(ctx, c.created_at);
    InputCardView {
        id: c.id,
        title: c.title.clone(),
        hidden: c.hidden_at.is_some(),
        hidden_reason: c.hidden_reason.clone(),
        withdrawn: c.state == domain::input::InputState::Withdrawn,
        kind: kind_label(ctx, c.kind),
        theme: theme_label(ctx, c.theme_sq.as_deref(), c.theme_en.as_deref()),
        unit: c.admin_unit.clone(),
        supports: c.support_count,
        comments: c.comment_count,
        answer_key,
        answer,
        date,
        date_iso,
    }
}

/// Reads the submit and edit forms: a multipart body (with the optional file) as browsers send
/// it, or a plain urlencoded one (no file).
async fn read_input_form(
    state: &AppState,
    req: Request,
) -> Result<(HashMap<String, String>, String, Vec<u8>), AppError> {
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        let form = FormData::from_request(req, state).await?;
        return Ok((form.to_map(), String::new(), Vec::new()));
    }
    let mut multipart = Multipart::from_request(req, state)
        .await
        .map_err(|_| AppError::BadRequest)?;
    let too_large = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::PayloadTooLarge
        } else {
            AppError::BadRequest
        }
    };
    let mut values: HashMap<String, String> = HashMap::new();
    let (mut name, mut bytes) = (String::new(), Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(too_large)? {
        let Some(key) = field.name().map(str::to_owned) else {
            continue;
        };
        if key == "file" {
            name = field.file_name().unwrap_or("file").to_owned();
            bytes = field.bytes().await.map_err(too_large)?.to_vec();
        } else {
            let text = field.text().await.map_err(too_large)?;
            values.insert(key, text);
        }
    }
    Ok((values, name, bytes))
}

/// A page with a heading, a sentence and a link back.
fn message(
    ctx: &Ctx,
    status: StatusCode,
    heading: &str,
    text: String,
    link: Option<(String, String)>,
) -> Result<Response, AppError> {
    let body = MessagePage {
        p: ctx.page(ctx.t(heading)),
        heading: ctx.t(heading),
        text,
        link,
    };
    Ok((status, Html(askama::Template::render(&body)?)).into_response())
}

// ---- The list ----

async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Result<Response, AppError> {
    let l = state.services.list_inputs(&ctx.tenant, &ctx.actor(), &q).await?;
    let failed = !l.errors.is_empty();
    let template = list_page(&ctx, &q, l);
    if failed { form_again(template) } else { page(template) }
}

/// The link to the list with these filters (and, for the next page, the cursor).
fn list_href(l: &InputList, phase: i64, after: Option<&str>) -> String {
    let mut parts = vec![format!("phase={phase}")];
    if let Some(t) = l.theme {
        parts.push(format!("theme={t}"));
    }
    if let Some(u) = &l.unit {
        parts.push(format!("unit={}", urlencode(u)));
    }
    if let Some(k) = l.kind {
        parts.push(format!("kind={}", k.key()));
    }
    if let Some(s) = l.status {
        parts.push(format!("status={}", s.key()));
    }
    parts.push(format!("sort={}", l.sort.key()));
    if !l.q.is_empty() && !l.errors.iter().any(|e| e.field == "q") {
        parts.push(format!("q={}", urlencode(&l.q)));
    }
    if let Some(a) = after {
        parts.push(format!("after={}", urlencode(a)));
    }
    format!("/input?{}", parts.join("&"))
}

fn list_page(ctx: &Ctx, q: &ListQuery, l: InputList) -> InputListPage {
    let error_lines = l
        .errors
        .iter()
        .map(|e: &FieldError| {
            let label = match e.field {
                "q" => ctx.t("input-search"),
                "sort" => ctx.t("input-sort"),
                other => ctx.t(&format!("input-filter-{other}")),
            };
            (
                e.field.to_owned(),
                format!("{label}: {}", views::error_message(ctx.lang, e)),
            )
        })
        .collect();
    // The filters as typed, so that nothing is lost; an invalid one is shown with its message.
    let form = Form::new(
        [
            ("theme", q.theme.trim()),
            ("unit", q.unit.trim()),
            ("kind", q.kind.trim()),
            ("status", q.status.trim()),
            (
                "sort",
                if q.sort.trim().is_empty() {
                    "newest"
                } else {
                    q.sort.trim()
                },
            ),
            ("q", q.q.as_str()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
    )
    .with_errors(l.errors.clone());
    let Some(phase) = &l.phase else {
        return InputListPage {
            p: ctx.page(ctx.t("input-list-title")),
            no_phase: true,
            phase_id: 0,
            phase_title: String::new(),
            phase_when: String::new(),
            questions_html: String::new(),
            phases: Vec::new(),
            themes: Vec::new(),
            units: Vec::new(),
            kinds: Vec::new(),
            statuses: Vec::new(),
            sorts: Vec::new(),
            form,
            error_lines,
            cards: Vec::new(),
            next_href: None,
            first_href: None,
            can_submit: false,
            searched: false,
        };
    };
    use domain::input::submission::PhaseStatus as S;
    let phase_when = match phase.status {
        S::Open => ctx.t1("input-phase-when-open", "date", &date_time(ctx, phase.phase.closes_at)),
        S::Upcoming => ctx.t1(
            "input-phase-when-upcoming",
            "date",
            &date_time(ctx, phase.phase.opens_at),
        ),
        S::Closed => ctx.t1(
            "input-phase-when-closed",
            "date",
            &date_time(ctx, phase.phase.closes_at),
        ),
        S::Draft => ctx.t("input-phase-when-draft"),
    };
    let phase_id = phase.phase.id;
    InputListPage {
        p: ctx.page(ctx.t("input-list-title")),
        no_phase: false,
        phase_id,
        phase_title: phase_title(ctx, phase),
        phase_when,
        questions_html: questions_html(ctx, phase),
        phases: l
            .phases
            .iter()
            .map(|v| Choice {
                value: v.phase.id.to_string(),
                label: phase_title(ctx, v),
            })
            .collect(),
        themes: phase
            .themes
            .iter()
            .map(|t| CountedChoice {
                value: t.id.to_string(),
                label: localized(ctx, &t.title_sq, &t.title_en).to_owned(),
                count: l
                    .theme_counts
                    .iter()
                    .find(|c| c.theme_id == Some(t.id))
                    .map(|c| c.n)
                    .unwrap_or(0),
            })
            .collect(),
        units: l
            .units
            .iter()
            .map(|u| CountedChoice {
                value: u.clone(),
                label: u.clone(),
                count: l
                    .unit_counts
                    .iter()
                    .find(|c| &c.admin_unit == u)
                    .map(|c| c.n)
                    .unwrap_or(0),
            })
            .collect(),
        kinds: InputKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.key().into(),
                label: kind_label(ctx, *k),
            })
            .collect(),
        statuses: StatusFilter::all()
            .into_iter()
            .map(|s| Choice {
                value: s.key().into(),
                label: match s {
                    StatusFilter::Answer(a) => ctx.t(&format!("answer-status-{}", a.key())),
                    StatusFilter::Unanswered => ctx.t("input-status-unanswered"),
                    StatusFilter::Withdrawn => ctx.t("input-status-withdrawn"),
                },
            })
            .collect(),
        sorts: InputSort::ALL
            .iter()
            .map(|s| Choice {
                value: s.key().into(),
                label: ctx.t(&format!("input-sort-{}", s.key())),
            })
            .collect(),
        cards: l.page.cards.iter().map(|c| card_view(ctx, c)).collect(),
        next_href: l.page.next.map(|n| list_href(&l, phase_id, Some(&n.encode()))),
        first_href: l.is_later_page.then(|| list_href(&l, phase_id, None)),
        can_submit: phase.status == S::Open,
        searched: !l.q.is_empty() || l.theme.is_some() || l.unit.is_some() || l.kind.is_some() || l.status.is_some(),
        form,
        error_lines,
    }
}

// ---- The input page ----

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let v = state.services.input_view(&ctx.tenant, &ctx.actor(), id).await?;
    let thread = super::discussion::thread_for(&state, &ctx, id).await?;
    let mut answer = super::answers::panel_for(&state, &ctx, id).await?;
    let adopted = crate::html::commitments::drafts::adopted_into(&state, &ctx, id).await?;
    answer.commitment_href = crate::html::commitments::drafts::commitment_href(&answer.commitment_ref, &adopted);
    let i = &v.input;
    let hidden = i.is_hidden();
    let (created, created_iso) = date(&ctx, i.created_at);
    let (answer_key, answer_status) = answer_badge(&ctx, i.answer_status.as_deref());
    let title = if hidden {
        ctx.t("input-hidden-title")
    } else {
        i.title.clone()
    };
    page(InputPage {
        p: ctx.page(title.clone()),
        id: i.id,
        title,
        hidden,
        hidden_reason: i.hidden_reason.clone(),
        withdrawn: i.state == domain::input::InputState::Withdrawn,
        withdraw_note: i.withdraw_note.clone(),
        withdrawn_on: i
            .withdrawn_at
            .map(|at| ctx.t1("input-withdrawn-on", "date", &date_time(&ctx, at)))
            .unwrap_or_default(),
        // Never the text of a hidden input, not even in the page's source.
        body_html: if hidden {
            String::new()
        } else {
            views::markdown::render(&i.body)
        },
        kind: kind_label(&ctx, i.kind),
        theme: theme_label(&ctx, i.theme_sq.as_deref(), i.theme_en.as_deref()),
        unit: i.admin_unit.clone(),
        author: i.author_name.clone(),
        org: i.org_name.clone().unwrap_or_default(),
        created,
        created_iso,
        updated: if i.updated_at > i.created_at && i.withdrawn_at.is_none() {
            ctx.t1("input-updated-on", "date", &date(&ctx, i.updated_at).0)
        } else {
            String::new()
        },
        attachment: if hidden { None } else { i.file_name.clone() },
        phase_id: v.phase.phase.id,
        phase_title: phase_title(&ctx, &v.phase),
        answer_key,
        answer_status,
        is_author: v.is_author,
        can_edit: v.edit.is_ok(),
        edit_closed: match v.edit {
            Err(r) if v.is_author && r != domain::input::submission::EditRefusal::Withdrawn => {
                ctx.t(&format!("error-{}", r.code().replace('_', "-")))
            }
            _ => String::new(),
        },
        can_withdraw: v.can_withdraw,
        thread,
        answer,
        adopted_into: adopted.into_iter().map(|a| (a.text, a.href)).collect(),
    })
}

// ---- Submitting ----

fn choices_for(
    ctx: &Ctx,
    phase: &PhaseView,
    units: &[String],
    orgs: &[store::OrgRow],
) -> (Vec<Choice>, Vec<Choice>, Vec<Choice>, Vec<Choice>) {
    (
        InputKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.key().into(),
                label: kind_label(ctx, *k),
            })
            .collect(),
        phase
            .themes
            .iter()
            .map(|t| Choice {
                value: t.id.to_string(),
                label: localized(ctx, &t.title_sq, &t.title_en).to_owned(),
            })
            .collect(),
        units
            .iter()
            .map(|u| Choice {
                value: u.clone(),
                label: u.clone(),
            })
            .collect(),
        orgs.iter()
            .map(|o| Choice {
                value: o.id.to_string(),
                label: o.name.clone(),
            })
            .collect(),
    )
}

/// The new-input form, or the page saying no phase is open. A form sent after its phase closed
/// (`form` with errors) comes back with the closed phase's choices, so that nothing typed is lost.
fn new_form_page(ctx: &Ctx, c: &NewInputContext, form: Form) -> Result<Response, AppError> {
    let late = if form.has_errors() { c.closed.as_ref() } else { None };
    let Some(phase) = c.phase.as_ref().or(late) else {
        return message(
            ctx,
            StatusCode::OK,
            "input-closed-title",
            ctx.t("input-closed-text"),
            Some(("/input".into(), ctx.t("input-list-title"))),
        );
    };
    let (kinds, themes, units, orgs) = choices_for(ctx, phase, &c.units, &c.orgs);
    let failed = form.has_errors();
    let template = InputFormPage {
        p: ctx.page(ctx.t("input-new-title")),
        action: "/input/new".into(),
        editing: false,
        form,
        kinds,
        themes,
        units,
        orgs,
        email_only: c.email_only,
        phase_title: phase_title(ctx, phase),
        questions_html: questions_html(ctx, phase),
        current_file: None,
        cancel_href: "/input".into(),
    };
    if failed { form_again(template) } else { page(template) }
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let c = state.services.new_input_context(&ctx.tenant, &ctx.actor()).await?;
    new_form_page(&ctx, &c, Form::default())
}

async fn submit(State(state): State<AppState>, ctx: Ctx, req: Request) -> Result<Response, AppError> {
    let actor = ctx.actor();
    // Refuse before reading a large body; the use case checks again.
    let c = state.services.new_input_context(&ctx.tenant, &actor).await?;
    let (values, name, bytes) = read_input_form(&state, req).await?;
    let upload = Upload {
        filename: &name,
        content: &bytes,
    };
    match state
        .services
        .submit_input(
            &ctx.tenant,
            &actor,
            Visitor {
                lang: ctx.lang,
                client: &ctx.client_ip.to_string(),
            },
            &values,
            Some(upload),
            state.config.attachment_max_bytes,
        )
        .await
    {
        Ok(Submitted::Published(id)) => Ok(ctx.redirect_with_flash(&format!("/input/{id}"), "flash-input-submitted")),
        Ok(Submitted::Pending { email }) => message(
            &ctx,
            StatusCode::OK,
            "input-pending-title",
            ctx.t1("input-pending-text", "email", &email),
            None,
        ),
        // The phase closed while the form was being filled in: the form again with what was
        // typed and the message (below); with no phase to show it in, said in words. Status 422.
        Err(ServiceError::Invalid(_)) if c.phase.is_none() && c.closed.is_none() => message(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            "input-closed-title",
            ctx.t("error-input-phase-closed"),
            Some(("/input".into(), ctx.t("input-list-title"))),
        ),
        Err(ServiceError::Invalid(errors)) => {
            let status = errors.iter().any(|e| e.code == "file_too_large");
            let mut r = new_form_page(&ctx, &c, Form::new(values).with_errors(errors))?;
            if status {
                *r.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
            }
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

// ---- Editing ----

fn edit_values(e: &EditContext) -> HashMap<String, String> {
    let i = &e.input;
    [
        ("input_kind", i.kind.key().to_owned()),
        ("title", i.title.clone()),
        ("body", i.body.clone()),
        ("theme", i.theme_id.map(|t| t.to_string()).unwrap_or_default()),
        ("unit", i.admin_unit.clone()),
        ("org", i.org_id.map(|o| o.to_string()).unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

fn edit_page(ctx: &Ctx, e: &EditContext, form: Form) -> Result<Response, AppError> {
    let id = e.input.id;
    if let Some(refusal) = e.refusal {
        return message(
            ctx,
            StatusCode::OK,
            "input-edit-closed-title",
            ctx.t(&format!("error-{}", refusal.code().replace('_', "-"))),
            Some((format!("/input/{id}"), ctx.t("discussion-back"))),
        );
    }
    let (kinds, themes, units, orgs) = choices_for(ctx, &e.phase, &e.units, &e.orgs);
    let failed = form.has_errors();
    let template = InputFormPage {
        p: ctx.page(ctx.t("input-edit-title")),
        action: format!("/input/{id}/edit"),
        editing: true,
        form,
        kinds,
        themes,
        units,
        orgs,
        email_only: false,
        phase_title: phase_title(ctx, &e.phase),
        questions_html: String::new(),
        current_file: e.input.file_name.clone(),
        cancel_href: format!("/input/{id}"),
    };
    if failed { form_again(template) } else { page(template) }
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let e = state.services.edit_input_context(&ctx.tenant, &ctx.actor(), id).await?;
    let form = Form::new(edit_values(&e));
    edit_page(&ctx, &e, form)
}

async fn save_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    req: Request,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    // Refuse before reading a large body (only the author edits).
    state.services.edit_input_context(&ctx.tenant, &actor, id).await?;
    let (values, name, bytes) = read_input_form(&state, req).await?;
    let upload = Upload {
        filename: &name,
        content: &bytes,
    };
    match state
        .services
        .update_input(
            &ctx.tenant,
            &actor,
            id,
            &values,
            Some(upload),
            state.config.attachment_max_bytes,
        )
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/input/{id}"), "flash-input-saved")),
        Err(ServiceError::Invalid(errors)) => {
            let mut e = state.services.edit_input_context(&ctx.tenant, &actor, id).await?;
            // The window closed while typing: the form again, with the message and the text.
            e.refusal = None;
            edit_page(&ctx, &e, Form::new(values).with_errors(errors))
        }
        Err(e) => Err(e.into()),
    }
}

// ---- Withdrawing ----

fn withdraw_page(ctx: &Ctx, id: i64, title: String, form: Form) -> Result<Response, AppError> {
    let failed = form.has_errors();
    let template = WithdrawPage {
        p: ctx.page(ctx.t("input-withdraw-title")),
        id,
        title,
        form,
    };
    if failed { form_again(template) } else { page(template) }
}

async fn withdraw_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    match state
        .services
        .withdraw_input(&ctx.tenant, &ctx.actor(), id, "", false)
        .await
    {
        Ok(WithdrawOutcome::NeedsConfirmation { title }) => withdraw_page(&ctx, id, title, Form::default()),
        Ok(WithdrawOutcome::Withdrawn) => Ok(ctx.redirect_with_flash(&format!("/input/{id}"), "flash-input-withdrawn")),
        // Already withdrawn: the page says so.
        Err(ServiceError::Invalid(_)) => Ok(ctx.redirect_with_flash(&format!("/input/{id}"), "flash-input-withdrawn")),
        Err(e) => Err(e.into()),
    }
}

async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let note = form.get("withdraw_note").to_owned();
    match state
        .services
        .withdraw_input(&ctx.tenant, &ctx.actor(), id, &note, form.get("confirmed") == "yes")
        .await
    {
        Ok(WithdrawOutcome::Withdrawn) => Ok(ctx.redirect_with_flash(&format!("/input/{id}"), "flash-input-withdrawn")),
        Ok(WithdrawOutcome::NeedsConfirmation { title }) => withdraw_page(&ctx, id, title, Form::new(form.to_map())),
        Err(ServiceError::Invalid(errors)) => {
            let title = state
                .services
                .input_view(&ctx.tenant, &ctx.actor(), id)
                .await?
                .input
                .title;
            withdraw_page(&ctx, id, title, Form::new(form.to_map()).with_errors(errors))
        }
        Err(e) => Err(e.into()),
    }
}

async fn attachment(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let file = state.services.input_attachment(&ctx.tenant, &ctx.actor(), id).await?;
    Ok(attachment_response(&file.filename, &file.content_type, file.content))
}

// ---- E-mail-only confirmation ----

async fn confirm_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let title = state.services.pending_input_title(&ctx.tenant, &q.token).await?;
    page(InputConfirmPage {
        p: ctx.page(ctx.t("input-confirm-title")),
        token: q.token,
        title,
    })
}

async fn confirm(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let id = state
        .services
        .confirm_pending_input(&ctx.tenant, &ctx.actor(), form.get("token"))
        .await?;
    // Nobody is signed in here: the cache does not know the list changed.
    state.cache.drop_tenant(ctx.tenant.id);
    Ok(ctx.redirect_with_flash(&format!("/input/{id}"), "flash-input-confirmed"))
}
