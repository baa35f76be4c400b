//! The public pages of commitments: the current cycle's list with filters, a commitment in the
//! layout of OGP's commitment page, and its public history with a comparison of two public
//! versions. Anonymous GETs, cached by the app's response cache. Each handler parses, calls one
//! use case in `services::commitments::public`, renders.

use axum::{
    Router,
    extract::{Path, Query, State},
    response::Response,
    routing::get,
};
use domain::{
    FieldError, Lang,
    commitments::{
        CommitmentDocument, CommitmentStatus, OgpValue,
        diff::compare,
        scales,
        template::{Template, keys},
        vocabulary::{POLICY_AREAS, policy_area},
    },
};
use services::commitments::public::{PublicHistoryQuery, PublicList, PublicListQuery};
use store::commitments::library::RatingRow;
use views::{
    Choice, Form,
    commitments::public::{
        Answer, CommitmentHistoryPage, CommitmentLine, CommitmentListPage, CommitmentShowPage, ComparedField,
        HistoryLine, InputLink, LabelledValue, MilestoneLine,
    },
};

use crate::{
    AppError, AppState, Ctx,
    ctx::urlencode,
    html::common::{date, form_again, localized, page},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/commitments", get(list))
        .route("/commitments/{ogp_id}", get(show))
        .route("/commitments/{ogp_id}/history", get(history))
}

// ---- Shared with the library ----

pub(crate) fn value_label(lang: Lang, v: OgpValue) -> String {
    views::t(lang, &format!("public-value-{}", v.key()))
}

pub(crate) fn values_text(lang: Lang, values: &[OgpValue]) -> String {
    values
        .iter()
        .map(|v| value_label(lang, *v))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn area_label(lang: Lang, key: &str) -> String {
    policy_area(key).map(|a| a.label(lang).to_owned()).unwrap_or_default()
}

pub(crate) fn value_choices(lang: Lang) -> Vec<Choice> {
    OgpValue::ALL
        .iter()
        .map(|v| Choice {
            value: v.key().to_owned(),
            label: value_label(lang, *v),
        })
        .collect()
}

pub(crate) fn area_choices(lang: Lang) -> Vec<Choice> {
    POLICY_AREAS
        .iter()
        .map(|a| Choice {
            value: a.key.to_owned(),
            label: a.label(lang).to_owned(),
        })
        .collect()
}

/// A rating in words: "Potential for Results: Substantial"; an absent one says why.
pub(crate) fn rating_words(lang: Lang, r: &RatingRow) -> LabelledValue {
    let indicator = scales::indicator(&r.indicator);
    let name = indicator
        .map(|i| i.name(lang).to_owned())
        .unwrap_or_else(|| r.indicator.clone());
    let level = match (&r.level_key, &r.absent_reason) {
        (Some(level), _) => scales::level(&r.indicator, level)
            .map(|(_, l)| l.label(lang).to_owned())
            .unwrap_or_else(|| r.raw_label.clone()),
        (None, Some(reason)) => scales::Absent::parse(reason)
            .map(|a| a.label(lang).to_owned())
            .unwrap_or_else(|| reason.clone()),
        (None, None) => r.raw_label.clone(),
    };
    LabelledValue {
        label: name,
        value: level,
    }
}

/// The template's questions with their answers as sanitised HTML, the brief description and
/// the header fields left out (the page shows those in their own places).
pub(crate) fn answers(lang: Lang, template: &Template, doc: &CommitmentDocument) -> Vec<Answer> {
    let header = [
        keys::BRIEF_DESCRIPTION,
        keys::LEAD_INSTITUTION,
        keys::SUPPORT_GOVERNMENT,
        keys::SUPPORT_CIVIL_SOCIETY,
        keys::SUPPORT_OTHER,
        keys::PRIMARY_SECTOR,
    ];
    template
        .fields
        .iter()
        .filter(|f| !header.contains(&f.key.as_str()))
        .filter(|f| !doc.field(&f.key).trim().is_empty())
        .map(|f| Answer {
            label: f.label(lang).to_owned(),
            html: views::markdown::render(doc.field(&f.key)),
        })
        .collect()
}

fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default()
}

fn status_label(lang: Lang, s: CommitmentStatus) -> String {
    views::t(lang, &format!("public-status-{}", s.key()))
}

fn filter_label(ctx: &Ctx, field: &str) -> String {
    match field {
        "value" => ctx.t("commitments-filter-value"),
        "area" => ctx.t("commitments-filter-area"),
        "status" => ctx.t("commitments-filter-status"),
        "country" => ctx.t("library-filter-country"),
        "q" => ctx.t("library-search"),
        "from" => ctx.t("commitments-compare-from"),
        "to" => ctx.t("commitments-compare-to"),
        _ => ctx.t("commitments-filter-page"),
    }
}

/// The error summary's lines of refused filters.
pub(crate) fn error_lines(ctx: &Ctx, errors: &[FieldError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| {
            (
                e.field.to_owned(),
                format!("{}: {}", filter_label(ctx, e.field), views::error_message(ctx.lang, e)),
            )
        })
        .collect()
}

// ---- The list ----

async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PublicListQuery>) -> Result<Response, AppError> {
    let l = state
        .services
        .public_commitment_list(&ctx.tenant, &ctx.actor(), &q)
        .await?;
    let failed = !l.errors.is_empty();
    let template = list_page(&ctx, &q, l);
    if failed { form_again(template) } else { page(template) }
}

fn list_href(l: &PublicList, page: i64) -> String {
    let mut parts = Vec::new();
    if let Some(v) = l.value {
        parts.push(format!("value={}", v.key()));
    }
    if let Some(a) = &l.area {
        parts.push(format!("area={}", urlencode(a)));
    }
    if let Some(s) = l.status {
        parts.push(format!("status={}", s.key()));
    }
    if page > 0 {
        parts.push(format!("page={}", page + 1));
    }
    if parts.is_empty() {
        "/commitments".to_owned()
    } else {
        format!("/commitments?{}", parts.join("&"))
    }
}

fn list_page(ctx: &Ctx, q: &PublicListQuery, l: PublicList) -> CommitmentListPage {
    let form = Form::new(
        [("value", &q.value), ("area", &q.area), ("status", &q.status)]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.trim().to_owned()))
            .collect(),
    )
    .with_errors(l.errors.clone());
    let filtered = l.errors.is_empty() && (l.value.is_some() || l.area.is_some() || l.status.is_some());
    let rows = l
        .rows
        .iter()
        .map(|r| CommitmentLine {
            ogp_id: r.ogp_id.clone(),
            title: r.document.title.clone(),
            status_key: r.status.key(),
            status: status_label(ctx.lang, r.status),
            values: values_text(ctx.lang, &r.document.values),
            area: r
                .document
                .primary_policy_area
                .as_deref()
                .map(|a| area_label(ctx.lang, a))
                .unwrap_or_default(),
        })
        .collect();
    CommitmentListPage {
        p: ctx.page(ctx.t("commitments-list-title")),
        plan_title: l
            .plan
            .as_ref()
            .map(|p| localized(ctx, &p.title_sq, &p.title_en).to_owned()),
        error_lines: error_lines(ctx, &l.errors),
        form,
        values: value_choices(ctx.lang),
        areas: area_choices(ctx.lang),
        statuses: CommitmentStatus::ALL
            .iter()
            .filter(|s| s.is_public())
            .map(|s| Choice {
                value: s.key().to_owned(),
                label: status_label(ctx.lang, *s),
            })
            .collect(),
        rows,
        prev_href: (l.page > 0).then(|| list_href(&l, l.page - 1)),
        next_href: l.more.then(|| list_href(&l, l.page + 1)),
        filtered,
    }
}

// ---- The page ----

async fn show(State(state): State<AppState>, ctx: Ctx, Path(ogp_id): Path<String>) -> Result<Response, AppError> {
    let v = state
        .services
        .public_commitment_page(&ctx.tenant, &ctx.actor(), &ogp_id)
        .await?;
    let lang = ctx.lang;
    let doc = &v.commitment.document;
    let mut institutions: Vec<&str> = Vec::new();
    for key in [
        keys::LEAD_INSTITUTION,
        keys::SUPPORT_GOVERNMENT,
        keys::SUPPORT_CIVIL_SOCIETY,
        keys::SUPPORT_OTHER,
    ] {
        institutions.extend(doc.lines(key));
    }
    let glance = vec![
        (
            ctx.t("glance-action-plan"),
            v.plan
                .as_ref()
                .map(|p| localized(&ctx, &p.title_sq, &p.title_en).to_owned())
                .unwrap_or_default(),
        ),
        (ctx.t("glance-inception"), ctx.t("glance-inception-none")),
        (ctx.t("glance-start"), day(doc.starts_on)),
        (ctx.t("glance-end"), day(doc.ends_on)),
        (ctx.t("glance-institutions"), institutions.join("; ")),
        (
            ctx.t("glance-primary-area"),
            doc.primary_policy_area
                .as_deref()
                .map(|a| area_label(lang, a))
                .unwrap_or_default(),
        ),
        (
            ctx.t("glance-primary-sector"),
            doc.field(keys::PRIMARY_SECTOR).to_owned(),
        ),
        (ctx.t("glance-values"), values_text(lang, &doc.values)),
    ];
    // A line the drafters left empty says so, rather than a label with nothing after it.
    let glance = glance
        .into_iter()
        .map(|(label, value)| LabelledValue {
            value: if value.trim().is_empty() {
                ctx.t("glance-not-given")
            } else {
                value
            },
            label,
        })
        .collect();
    let milestones = doc
        .milestones
        .iter()
        .map(|m| MilestoneLine {
            description: m.description.clone(),
            output: m.expected_output.clone(),
            due: day(m.expected_completion_date),
            stakeholders: m
                .stakeholders
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect();
    let brief = doc.field(keys::BRIEF_DESCRIPTION);
    let body = CommitmentShowPage {
        p: ctx.page(doc.title.clone()),
        ogp_id: v.commitment.ogp_id.clone(),
        title: doc.title.clone(),
        status_key: v.commitment.status.key(),
        status: status_label(lang, v.commitment.status),
        glance,
        brief_html: if brief.trim().is_empty() {
            String::new()
        } else {
            views::markdown::render(brief)
        },
        answers: answers(lang, &v.template, doc),
        milestones,
        inputs: v
            .inputs
            .iter()
            .map(|i| InputLink {
                id: i.input_id,
                title: i.title.clone(),
            })
            .collect(),
        ratings: v.ratings.iter().map(|r| rating_words(lang, r)).collect(),
        version: v.commitment.public_version,
        version_date: date(&ctx, v.commitment.version_at).0,
        versions: v.versions.len(),
    };
    page(body)
}

// ---- The history ----

/// A document's fields as texts in the page's language, in the template's order, for the
/// comparison: title, every template field, values, areas, dates and milestones.
fn texts(lang: Lang, template: &Template, doc: &CommitmentDocument) -> Vec<(String, String)> {
    let mut out = vec![(views::t(lang, "commitments-commitment-title"), doc.title.clone())];
    for f in &template.fields {
        out.push((f.label(lang).to_owned(), doc.field(&f.key).to_owned()));
    }
    out.push((views::t(lang, "glance-values"), values_text(lang, &doc.values)));
    out.push((
        views::t(lang, "commitments-filter-area"),
        doc.policy_areas
            .iter()
            .map(|a| area_label(lang, a))
            .collect::<Vec<_>>()
            .join("; "),
    ));
    out.push((views::t(lang, "glance-start"), day(doc.starts_on)));
    out.push((views::t(lang, "glance-end"), day(doc.ends_on)));
    out.push((
        views::t(lang, "commitments-milestones"),
        doc.milestones
            .iter()
            .map(|m| {
                format!(
                    "{} — {} — {}",
                    m.description,
                    m.expected_output,
                    day(m.expected_completion_date)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    ));
    out
}

async fn history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(ogp_id): Path<String>,
    Query(q): Query<PublicHistoryQuery>,
) -> Result<Response, AppError> {
    let h = state
        .services
        .public_commitment_history(&ctx.tenant, &ctx.actor(), &ogp_id, &q)
        .await?;
    let lang = ctx.lang;
    let newest = h.versions.first().map(|v| v.number).unwrap_or(1);
    let (from, to, compared) = match &h.compared {
        Some(c) => {
            let old_t = texts(lang, &h.template, &c.old);
            let new_t = texts(lang, &h.template, &c.new);
            let fields = old_t
                .into_iter()
                .zip(new_t)
                .map(|((label, o), (_, n))| (label, o, n))
                .collect();
            let compared = compare(fields)
                .into_iter()
                .map(|d| ComparedField {
                    label: d.key.clone(),
                    changed: d.changed(),
                    segments: d.segments,
                })
                .collect();
            (c.from, c.to, compared)
        }
        None => ((newest - 1).max(1), newest, Vec::new()),
    };
    let title = h.commitment.document.title.clone();
    let body = CommitmentHistoryPage {
        p: ctx.page(ctx.t1("commitments-history-title", "title", &title)),
        ogp_id: h.commitment.ogp_id.clone(),
        title,
        versions: h
            .versions
            .iter()
            .map(|v| HistoryLine {
                number: v.number,
                date: date(&ctx, v.created_at).0,
                note: v.note.clone(),
            })
            .collect(),
        from,
        to,
        compared,
        error_lines: error_lines(&ctx, &h.errors),
        form: Form::new(
            [("from", &q.from), ("to", &q.to)]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.trim().to_owned()))
                .collect(),
        )
        .with_errors(h.errors.clone()),
    };
    if h.errors.is_empty() {
        page(body)
    } else {
        form_again(body)
    }
}
