//! The forum's public page, the history and comparison of its texts, its legal document, and
//! the coordinator's page of the forum (setup, texts, legal document, positions).

use std::collections::HashMap;

use axum::{
    Router,
    extract::{DefaultBodyLimit, Multipart, Query, State, multipart::MultipartRejection},
    response::Response,
    routing::{get, post},
};
use domain::{Action, forum::Sector};
use serde::Deserialize;
use services::{
    ServiceError,
    forum::{
        diff::{FieldDiff, Piece},
        members::position_label,
        setup::{ForumAdmin, PositionFormRow, format_day},
    },
};
use store::{FileMeta, ForumRow, MemberRow, PositionRow};
use views::{
    AdminForumPage, AdminForumPositionsPage, AdminMemberView, CandidateView, Choice, DiffSectionView, Form, ForumPage,
    ForumTextsComparePage, ForumTextsPage, ForumTextsView, PieceView, PositionRowView, PublicMemberView,
    SectorGroupView, VersionView, markdown,
};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{attachment_response, form_again, localized, localized_lang, page, page_number},
};

/// Seats per page of the coordinator's table, versions per page of the history.
const MEMBERS_PER_PAGE: i64 = 50;
const VERSIONS_PER_PAGE: i64 = 50;
/// The legal document's upload: the transport's limit; the use case applies the configured one.
const UPLOAD_LIMIT: usize = 25 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/forum", get(forum_page))
        .route("/forum/texts", get(texts))
        .route("/forum/texts/compare", get(compare))
        .route("/forum/legal-basis", get(legal_document))
        .route("/admin/forum", get(admin).post(save_forum))
        .route("/admin/forum/texts", post(save_texts))
        .route("/admin/forum/positions", get(positions).post(save_positions))
        .merge(
            Router::new()
                .route("/admin/forum/legal-basis", post(upload_legal_basis))
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT + 64 * 1024)),
        )
}

pub(super) fn human_size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

fn doc(meta: &Option<FileMeta>) -> Option<(String, String)> {
    meta.as_ref().map(|f| (f.filename.clone(), human_size(f.size_bytes)))
}

pub(super) fn sector_label(ctx: &Ctx, s: Sector) -> String {
    ctx.t(&format!("sector-{}", s.key()))
}

pub(super) fn sector_choices(ctx: &Ctx) -> Vec<Choice> {
    Sector::ALL
        .iter()
        .map(|s| Choice {
            value: s.key().into(),
            label: sector_label(ctx, *s),
        })
        .collect()
}

pub(super) fn position_choices(ctx: &Ctx, positions: &[PositionRow]) -> Vec<Choice> {
    positions
        .iter()
        .map(|p| Choice {
            value: p.pos_key.clone(),
            label: position_label(ctx.lang, positions, &p.pos_key),
        })
        .collect()
}

fn forum_name(ctx: &Ctx, f: &ForumRow) -> String {
    localized(ctx, &f.name_sq, &f.name_en).to_owned()
}

async fn forum_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let Some(f) = state.services.forum_public(&ctx.actor()).await? else {
        return page(ForumPage {
            p: ctx.page(ctx.t("forum-title")),
            has_forum: false,
            name: String::new(),
            mandate_html: String::new(),
            legal_basis: String::new(),
            legal_number: String::new(),
            legal_date: String::new(),
            legal_doc: None,
            call: None,
            groups: Vec::new(),
            total: 0,
            by_sector: Vec::new(),
            non_government: 0,
            non_government_percent: String::new(),
            by_gender: Vec::new(),
            gender_recorded: 0,
            texts: None,
        });
    };
    let forum = &f.forum;
    let name = forum_name(&ctx, forum);
    // Members by sector, in the sectors' order; only public fields leave this function.
    let groups = Sector::ALL
        .iter()
        .filter_map(|s| {
            // Within a sector, in the order of the positions (the chair first), then by name.
            let rank = |key: &str| f.positions.iter().position(|p| p.pos_key == key).unwrap_or(usize::MAX);
            let mut seats: Vec<&MemberRow> = f.members.iter().filter(|m| m.sector == *s).collect();
            seats.sort_by_key(|m| rank(&m.pos_key));
            let members: Vec<PublicMemberView> = seats
                .into_iter()
                .map(|m| PublicMemberView {
                    name: m.name.clone(),
                    organisation: m.organisation.clone(),
                    position: position_label(ctx.lang, &f.positions, &m.pos_key),
                    responsibilities: m.responsibilities.clone(),
                })
                .collect();
            (!members.is_empty()).then(|| SectorGroupView {
                key: s.key(),
                label: sector_label(&ctx, *s),
                members,
            })
        })
        .collect();
    let c = &f.composition;
    let texts = f.texts.as_ref().map(|t| {
        let (terms, lang) = localized_lang(&ctx, &t.terms_sq, &t.terms_en);
        let (rules, _) = localized_lang(&ctx, &t.rules_sq, &t.rules_en);
        ForumTextsView {
            version: t.version,
            date: t.created_at.with_timezone(&ctx.tz()).format("%d.%m.%Y").to_string(),
            terms_html: if terms.trim().is_empty() {
                String::new()
            } else {
                markdown::render(terms)
            },
            rules_html: if rules.trim().is_empty() {
                String::new()
            } else {
                markdown::render(rules)
            },
            lang_attr: lang,
        }
    });
    let mandate = localized(&ctx, &forum.mandate_sq, &forum.mandate_en);
    page(ForumPage {
        p: ctx.page(name.clone()),
        has_forum: true,
        mandate_html: if mandate.trim().is_empty() {
            String::new()
        } else {
            markdown::render(mandate)
        },
        legal_basis: localized(&ctx, &forum.legal_basis_sq, &forum.legal_basis_en).to_owned(),
        legal_number: forum.legal_number.clone(),
        legal_date: forum.legal_date.map(format_day).unwrap_or_default(),
        legal_doc: doc(&f.legal_file),
        call: f.call.as_ref().map(|call| {
            (
                call.id,
                localized(&ctx, &call.title_sq, &call.title_en).to_owned(),
                call.outcome_published_at.is_some(),
            )
        }),
        groups,
        total: c.total,
        by_sector: c.by_sector.iter().map(|(s, n)| (sector_label(&ctx, *s), *n)).collect(),
        non_government: c.non_government,
        non_government_percent: c.non_government_percent.unwrap_or(0).to_string(),
        by_gender: c
            .by_gender
            .iter()
            .map(|(g, n)| (ctx.t(&format!("gender-{}", g.key())), *n))
            .collect(),
        gender_recorded: c.gender_recorded,
        name,
        texts,
    })
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

async fn render_texts(state: &AppState, ctx: &Ctx, page_no: i64, form: Form) -> Result<Response, AppError> {
    let (forum, rows, total) = state
        .services
        .forum_text_versions(&ctx.actor(), page_no, VERSIONS_PER_PAGE)
        .await?;
    let has_errors = form.has_errors();
    let numbers: Vec<i64> = (1..=total).rev().collect();
    let mut form = form;
    // Offer the two latest versions by default: the change people ask about first.
    if form.v("from").is_empty() && total > 1 {
        form.values.insert("from".into(), (total - 1).to_string());
        form.values.insert("to".into(), total.to_string());
    }
    let template = ForumTextsPage {
        p: ctx.page(ctx.t("forum-texts-history-title")),
        forum_name: forum_name(ctx, &forum),
        versions: rows
            .iter()
            .map(|v| VersionView {
                version: v.version,
                date: v
                    .created_at
                    .with_timezone(&ctx.tz())
                    .format("%d.%m.%Y %H:%M")
                    .to_string(),
                note: v.note.clone(),
            })
            .collect(),
        numbers,
        form,
        page: page_no,
        has_next: page_no * VERSIONS_PER_PAGE < total,
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn texts(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    render_texts(&state, &ctx, page_number(q.page), Form::default()).await
}

#[derive(Deserialize)]
pub struct CompareQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

fn section(ctx: &Ctx, key: &str, d: &FieldDiff) -> DiffSectionView {
    // The Albanian texts on an English page (and the reverse) are marked for screen readers.
    let lang = match (ctx.lang, key.ends_with("-sq")) {
        (domain::Lang::En, true) => "sq",
        (domain::Lang::Sq, false) => "en",
        _ => "",
    };
    DiffSectionView {
        title: ctx.t(key),
        lang,
        changed: d.pieces.iter().any(|p| !matches!(p, Piece::Same(_))),
        pieces: d
            .pieces
            .iter()
            .map(|p| match p {
                Piece::Same(t) => PieceView {
                    kind: "same",
                    text: t.clone(),
                },
                Piece::Removed(t) => PieceView {
                    kind: "del",
                    text: t.clone(),
                },
                Piece::Added(t) => PieceView {
                    kind: "ins",
                    text: t.clone(),
                },
            })
            .collect(),
    }
}

async fn compare(State(state): State<AppState>, ctx: Ctx, Query(q): Query<CompareQuery>) -> Result<Response, AppError> {
    match state.services.compare_forum_texts(&ctx.actor(), &q.from, &q.to).await {
        Ok(c) => {
            let forum = state
                .services
                .forum_public(&ctx.actor())
                .await?
                .ok_or(AppError::NotFound)?;
            let day = |v: &store::TextVersionRow| v.created_at.with_timezone(&ctx.tz()).format("%d.%m.%Y").to_string();
            page(ForumTextsComparePage {
                p: ctx.page(ctx.t("forum-compare-title")),
                forum_name: forum_name(&ctx, &forum.forum),
                from: c.from.version,
                to: c.to.version,
                from_date: day(&c.from),
                to_date: day(&c.to),
                sections: vec![
                    section(&ctx, "forum-diff-terms-sq", &c.terms_sq),
                    section(&ctx, "forum-diff-terms-en", &c.terms_en),
                    section(&ctx, "forum-diff-rules-sq", &c.rules_sq),
                    section(&ctx, "forum-diff-rules-en", &c.rules_en),
                ],
            })
        }
        // A version that does not exist: the history with the message next to the choice.
        Err(ServiceError::Invalid(errors)) => {
            let values: HashMap<String, String> = [("from".to_owned(), q.from), ("to".to_owned(), q.to)]
                .into_iter()
                .collect();
            render_texts(&state, &ctx, 1, Form::new(values).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn legal_document(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let (meta, content) = state.services.forum_legal_document(&ctx.actor()).await?;
    Ok(attachment_response(&meta.filename, &meta.content_type, content))
}

/// Forms of the coordinator's page shown again with what was typed; `None`: from the records.
#[derive(Default)]
pub(super) struct AdminForms {
    pub forum: Option<Form>,
    pub texts: Option<Form>,
    pub file: Option<Form>,
    /// The candidate's row posted with mistakes.
    pub candidate: Option<(i64, Form)>,
}

impl AdminForms {
    fn has_errors(&self) -> bool {
        [&self.forum, &self.texts, &self.file]
            .iter()
            .any(|f| f.as_ref().is_some_and(Form::has_errors))
            || self.candidate.as_ref().is_some_and(|(_, f)| f.has_errors())
    }
}

fn forum_values(f: &ForumRow) -> HashMap<String, String> {
    [
        ("name_sq", f.name_sq.clone()),
        ("name_en", f.name_en.clone()),
        ("mandate_sq", f.mandate_sq.clone()),
        ("mandate_en", f.mandate_en.clone()),
        ("legal_basis_sq", f.legal_basis_sq.clone()),
        ("legal_basis_en", f.legal_basis_en.clone()),
        ("legal_number", f.legal_number.clone()),
        ("legal_date", f.legal_date.map(format_day).unwrap_or_default()),
        ("call_id", f.call_id.map(|c| c.to_string()).unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

pub(super) fn admin_member_view(ctx: &Ctx, positions: &[PositionRow], m: &MemberRow) -> AdminMemberView {
    use domain::forum::MemberStatus;
    AdminMemberView {
        id: m.id,
        name: m.name.clone(),
        email: m.email.clone().unwrap_or_default(),
        sector: sector_label(ctx, m.sector),
        organisation: m.organisation.clone(),
        position: position_label(ctx.lang, positions, &m.pos_key),
        status_key: m.status.key(),
        status: ctx.t(&format!("member-status-{}", m.status.key())),
        starts_on: format_day(m.starts_on),
        ends_on: m.ends_on.map(format_day).unwrap_or_default(),
        open: matches!(m.status, MemberStatus::Invited | MemberStatus::Accepted),
    }
}

/// The coordinator's page with the given forms (422 when any has errors).
pub(super) async fn render_admin(
    state: &AppState,
    ctx: &Ctx,
    page_no: i64,
    forms: AdminForms,
) -> Result<Response, AppError> {
    let a: ForumAdmin = state
        .services
        .forum_admin(&ctx.actor(), page_no, MEMBERS_PER_PAGE)
        .await?;
    let has_errors = forms.has_errors();
    let today = format_day(state.services.clock.now().with_timezone(&ctx.tz()).date_naive());
    let candidates = a
        .candidates
        .iter()
        .map(|c| {
            let form = match &forms.candidate {
                Some((id, form)) if *id == c.id => form.clone(),
                _ => Form::new(
                    [
                        ("sector", Sector::of_applicant(c.applicant_type).key().to_owned()),
                        ("organisation", c.organisation.clone()),
                        ("position", "member".to_owned()),
                        ("starts_on", today.clone()),
                    ]
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
                ),
            };
            CandidateView {
                id: c.id,
                name: c.name.clone(),
                applicant: ctx.t(&format!("applicant-{}", c.applicant_type.key())),
                reference: c.reference.clone(),
                form,
            }
        })
        .collect();
    let texts_form = forms.texts.unwrap_or_else(|| {
        // A new version starts from the one in force, so that a change is an edit.
        let values = a
            .texts
            .as_ref()
            .map(|t| {
                [
                    ("terms_sq", t.terms_sq.clone()),
                    ("terms_en", t.terms_en.clone()),
                    ("rules_sq", t.rules_sq.clone()),
                    ("rules_en", t.rules_en.clone()),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect()
            })
            .unwrap_or_default();
        Form::new(values)
    });
    let template = AdminForumPage {
        p: ctx.page(ctx.t("admin-forum-title")),
        has_cycle: a.cycle.is_some() || a.forum.is_some(),
        has_forum: a.forum.is_some(),
        forum_form: forms
            .forum
            .unwrap_or_else(|| Form::new(a.forum.as_ref().map(forum_values).unwrap_or_default())),
        texts_form,
        file_form: forms.file.unwrap_or_default(),
        texts_version: a.texts.as_ref().map(|t| t.version),
        calls: a
            .calls
            .iter()
            .map(|c| Choice {
                value: c.id.to_string(),
                label: localized(ctx, &c.title_sq, &c.title_en).to_owned(),
            })
            .collect(),
        legal_doc: doc(&a.legal_file),
        members: a
            .members
            .iter()
            .map(|m| admin_member_view(ctx, &a.positions, m))
            .collect(),
        members_total: a.members_total,
        page: page_no,
        has_next: page_no * MEMBERS_PER_PAGE < a.members_total,
        candidates,
        sectors: sector_choices(ctx),
        positions: position_choices(ctx, &a.positions),
        max_mb: format!("{}", state.config.attachment_max_bytes / (1024 * 1024)),
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn admin(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    render_admin(&state, &ctx, page_number(q.page), AdminForms::default()).await
}

async fn save_forum(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageForum)?;
    match state.services.save_forum(&ctx.tenant, &actor, &form.to_map()).await {
        Ok(_) => Ok(ctx.redirect_with_flash("/admin/forum", "flash-forum-saved")),
        Err(ServiceError::Invalid(errors)) => {
            let forms = AdminForms {
                forum: Some(Form::new(form.to_map()).with_errors(errors)),
                ..AdminForms::default()
            };
            render_admin(&state, &ctx, 1, forms).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn save_texts(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageForum)?;
    match state.services.save_forum_texts(&actor, &form.to_map()).await {
        Ok(_) => Ok(ctx.redirect_with_flash("/admin/forum", "flash-forum-texts-saved")),
        Err(ServiceError::Invalid(errors)) => {
            let forms = AdminForms {
                texts: Some(Form::new(form.to_map()).with_errors(errors)),
                ..AdminForms::default()
            };
            render_admin(&state, &ctx, 1, forms).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The `file` field of a multipart form: its name and bytes (empty when none was chosen).
async fn file_field(multipart: Result<Multipart, MultipartRejection>) -> Result<(String, Vec<u8>), AppError> {
    let Ok(mut multipart) = multipart else {
        return Ok((String::new(), Vec::new()));
    };
    let too_large = |e: axum::extract::multipart::MultipartError| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            AppError::PayloadTooLarge
        } else {
            AppError::BadRequest
        }
    };
    let mut upload: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart.next_field().await.map_err(too_large)? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("file").to_owned();
            let bytes = field.bytes().await.map_err(too_large)?;
            upload = Some((name, bytes.to_vec()));
        }
    }
    Ok(upload.unwrap_or_default())
}

async fn upload_legal_basis(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    // Refuse before reading a large body; the use case checks again.
    let actor = ctx.require(Action::ManageForum)?;
    let (name, bytes) = file_field(multipart).await?;
    match state
        .services
        .attach_forum_legal_basis(&actor, &name, &bytes, state.config.attachment_max_bytes)
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash("/admin/forum", "flash-forum-file-attached")),
        Err(ServiceError::Invalid(errors)) => {
            let forms = AdminForms {
                file: Some(Form::default().with_errors(errors)),
                ..AdminForms::default()
            };
            render_admin(&state, &ctx, 1, forms).await
        }
        Err(e) => Err(e.into()),
    }
}

fn position_rows(ctx: &Ctx, rows: &[PositionFormRow]) -> Vec<PositionRowView> {
    // Two empty rows for new positions below the typed ones.
    (0..rows.len() + 2)
        .map(|index| {
            let r = rows.get(index).cloned().unwrap_or_default();
            let default_label = domain::forum::DEFAULT_POSITIONS
                .iter()
                .find(|d| d.key == r.pos_key.trim())
                .map(|d| ctx.t(&format!("position-{}", d.key)))
                .unwrap_or_default();
            PositionRowView {
                index,
                pos_key: r.pos_key,
                label_sq: r.label_sq,
                label_en: r.label_en,
                sort_order: r.sort_order,
                approves_minutes: r.approves_minutes,
                default_label,
            }
        })
        .collect()
}

async fn positions(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let rows: Vec<PositionFormRow> = state
        .services
        .forum_positions(&ctx.actor())
        .await?
        .into_iter()
        .map(|p| PositionFormRow {
            pos_key: p.pos_key,
            label_sq: p.label_sq,
            label_en: p.label_en,
            sort_order: p.sort_order.to_string(),
            approves_minutes: p.approves_minutes,
        })
        .collect();
    page(AdminForumPositionsPage {
        p: ctx.page(ctx.t("admin-forum-positions")),
        form: Form::default(),
        rows: position_rows(&ctx, &rows),
    })
}

/// The rows as posted: the boxes repeat once per row; the tick boxes carry their row's number.
fn positions_from_form(form: &FormData) -> Vec<PositionFormRow> {
    let (keys, sq, en, order) = (
        form.all("pos_key"),
        form.all("label_sq"),
        form.all("label_en"),
        form.all("sort_order"),
    );
    let ticked: Vec<usize> = form
        .all("approves_minutes")
        .iter()
        .filter_map(|v| v.parse().ok())
        .collect();
    let at = |v: &Vec<&str>, i: usize| v.get(i).copied().unwrap_or("").to_owned();
    let n = [keys.len(), sq.len(), en.len(), order.len()]
        .into_iter()
        .max()
        .unwrap_or(0);
    (0..n)
        .map(|i| PositionFormRow {
            pos_key: at(&keys, i),
            label_sq: at(&sq, i),
            label_en: at(&en, i),
            sort_order: at(&order, i),
            approves_minutes: ticked.contains(&i),
        })
        .collect()
}

async fn save_positions(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageForum)?;
    let rows = positions_from_form(&form);
    match state.services.save_forum_positions(&actor, &rows).await {
        Ok(()) => Ok(ctx.redirect_with_flash("/admin/forum/positions", "flash-forum-positions-saved")),
        Err(ServiceError::Invalid(errors)) => form_again(AdminForumPositionsPage {
            p: ctx.page(ctx.t("admin-forum-positions")),
            form: Form::default().with_errors(errors),
            rows: position_rows(&ctx, &rows),
        }),
        Err(e) => Err(e.into()),
    }
}
