//! The forum's pages of commitments (issue 10, parts 1, 2, 3 and 5): the cycle's list, the
//! drafting form (new and edit, the quality panel beside it, a stale save shown with both
//! texts), the commitment's staff page (comments, statuses, linked inputs), its versions and
//! the word-level comparison of two of them, and the coordinator's template form. Each handler
//! parses, calls one use case in `services::commitments`, renders; the use cases check who may.

use std::collections::HashMap;

use axum::{
    Router,
    extract::{Path, Query, State},
    response::Response,
    routing::{get, post},
};
use domain::{
    FieldError, Lang,
    commitments::{
        CommitmentDocument, CommitmentStatus, OgpValue, OwnerType,
        diff::{Segment, compare},
        drafting::{DraftError, field_name, form_values, milestone_rows},
        quality::{PlanContext, check},
        template::{Block, Template},
        vocabulary::{POLICY_AREAS, policy_area},
    },
};
use serde::Deserialize;
use services::{
    ServiceError,
    commitments::{
        comments::CommentForm,
        drafts::{Drafted, StaleFacts},
        statuses::{CommitmentStaffView, StatusOutcome},
        templates::{TemplateSaved, template_input},
    },
};
use store::commitments::drafts::{VersionDoc, VersionRow};
use views::{
    Choice, ConfirmPage, Form,
    commitments::{
        drafts::{
            AreaFamilyView, CommentView, CommitmentComparePage, CommitmentEditPage, CommitmentStaffPage,
            CommitmentTemplatePage, CommitmentVersionsPage, DiffFieldView, DraftBlockView, DraftFieldView,
            DraftFormView, ForumCommitmentLine, ForumCommitmentsPage, MilestoneGroupView, StaleFieldView, StaleView,
            StatusLine, TemplateBlockForm, TemplateFieldForm, VersionLine,
        },
        quality::QualityPanel,
    },
};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{date_time, form_again, page},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/forum/commitments", get(list))
        .route("/forum/commitments/new", get(new_form).post(create))
        .route("/forum/commitments/{id}", get(show))
        .route("/forum/commitments/{id}/edit", get(edit_form).post(save))
        .route("/forum/commitments/{id}/versions", get(versions))
        .route("/forum/commitments/{id}/compare", get(compare_page))
        .route("/forum/commitments/{id}/comments", post(comment))
        .route("/forum/commitments/{id}/comments/{comment}/resolve", post(resolve))
        .route("/forum/commitments/{id}/status", post(status))
        .route("/forum/commitments/{id}/inputs", post(link_input))
        .route("/forum/commitments/{id}/inputs/{input}/unlink", post(unlink_input))
        .route("/admin/commitments/template", get(template_form).post(template_save))
}

// ---- Words ----

fn status_label(lang: Lang, s: CommitmentStatus) -> String {
    views::t(lang, &format!("commitment-status-{}", s.key().replace('_', "-")))
}

fn value_label(lang: Lang, v: OgpValue) -> String {
    views::t(lang, &format!("ogp-value-{}", v.key().replace('_', "-")))
}

fn area_label(lang: Lang, key: &str) -> String {
    policy_area(key)
        .map(|a| a.label(lang).to_owned())
        .unwrap_or_else(|| key.to_owned())
}

fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default()
}

/// The label of a drafting form's field, by its name: a template field's label in its own
/// template version, a milestone's part with the milestone's number, or the form's own label.
fn draft_label(lang: Lang, template: &Template, name: &str) -> String {
    if let Some(key) = name.strip_prefix("field.") {
        return template
            .field(key)
            .map(|f| f.label(lang).to_owned())
            .unwrap_or_else(|| key.to_owned());
    }
    if let Some((n, part)) = name.strip_prefix("ms-").and_then(|rest| rest.split_once('-'))
        && let Ok(n) = n.parse::<usize>()
    {
        let part = views::t(lang, &format!("field-ms-{part}"));
        return views::t_args(
            lang,
            "field-milestone-part",
            &[("n", (n + 1).to_string()), ("part", part)],
        );
    }
    let key = match name {
        "title" => "field-title",
        "note" => "field-note",
        "values" => "field-ogp-values",
        "areas" => "field-policy-areas",
        "primary_area" => "field-primary-area",
        "starts_on" => "field-commitment-starts",
        "ends_on" => "field-commitment-ends",
        "milestones" => "field-milestones",
        "commitment_prefix" => "field-commitment-prefix",
        _ => return name.to_owned(),
    };
    views::t(lang, key)
}

/// The message of a drafting error. Dates are typed `dd.mm.yyyy` here, so their message says
/// so (the shared `error-date-invalid` describes another format).
fn draft_message(lang: Lang, e: &DraftError) -> String {
    match e.code {
        "date_invalid" => views::t(lang, "error-day-invalid"),
        _ => views::error_message(lang, &e.message_key()),
    }
}

fn draft_form(
    lang: Lang,
    template: &Template,
    values: HashMap<String, String>,
    errors: &[DraftError],
) -> DraftFormView {
    let mut form = DraftFormView::new(values);
    for e in errors {
        let message = draft_message(lang, e);
        form.summary.push((
            e.field.clone(),
            format!("{}: {message}", draft_label(lang, template, &e.field)),
        ));
        form.errors.push((e.field.clone(), message));
    }
    form
}

fn plan_period(plan: &PlanContext) -> String {
    match (plan.plan_starts_on, plan.plan_ends_on) {
        (Some(s), Some(e)) => format!("{} – {}", day(Some(s)), day(Some(e))),
        _ => String::new(),
    }
}

// ---- The list ----

async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let l = state.services.forum_commitments(&ctx.tenant, &ctx.actor()).await?;
    let rows = l
        .rows
        .iter()
        .map(|r| ForumCommitmentLine {
            id: r.id,
            ogp_id: r.ogp_id.clone(),
            title: r.title.clone(),
            status_key: r.status.key(),
            status: status_label(ctx.lang, r.status),
            version: r.current_version,
            changed: match &r.last_author {
                Some(who) => views::t_args(
                    ctx.lang,
                    "draft-changed-by",
                    &[("date", date_time(&ctx, r.updated_at)), ("who", who.clone())],
                ),
                None => date_time(&ctx, r.updated_at),
            },
        })
        .collect();
    let staff = ctx.actor().can(domain::Action::ManageCommitments);
    page(ForumCommitmentsPage {
        p: ctx.page(ctx.t("draft-list-title")),
        cycle_title: crate::html::common::localized(&ctx, &l.cycle.title_sq, &l.cycle.title_en).to_owned(),
        rows,
        staff,
    })
}

// ---- The form ----

/// What the drafting form is built from besides the typed values.
struct FormFacts<'a> {
    heading: String,
    ogp_id: String,
    action: String,
    cancel_href: String,
    base_version: i64,
    template_id_note: bool,
    template: &'a Template,
    plan: &'a PlanContext,
    /// The document the quality panel checks: the saved version (the typed one when it parses).
    checked: &'a CommitmentDocument,
}

fn edit_page(
    ctx: &Ctx,
    facts: FormFacts<'_>,
    form: DraftFormView,
    extra_milestone: bool,
    stale: Option<StaleView>,
) -> CommitmentEditPage {
    let lang = ctx.lang;
    let template = facts.template;
    let blocks = Block::ALL
        .iter()
        .map(|b| DraftBlockView {
            heading: ctx.t(&format!("template-block-{}", b.key().replace('_', "-"))),
            fields: template
                .block(*b)
                .map(|f| DraftFieldView {
                    name: field_name(&f.key),
                    label: f.label(lang).to_owned(),
                    hint: f.hint(lang).to_owned(),
                    kind: f.kind.key(),
                    required: f.required,
                })
                .collect(),
        })
        .filter(|b| !b.fields.is_empty())
        .collect();
    let values = OgpValue::ALL
        .iter()
        .map(|v| Choice {
            value: v.key().to_owned(),
            label: value_label(lang, *v),
        })
        .collect();
    let mut families: Vec<AreaFamilyView> = Vec::new();
    for a in POLICY_AREAS.iter() {
        let key = a.family.unwrap_or("other");
        let chosen = form.checked("areas", a.key);
        let at = match families.iter().position(|f| f.key == key) {
            Some(at) => at,
            None => {
                let heading = match a.family.and_then(policy_area) {
                    Some(fam) => fam.label(lang).to_owned(),
                    None => ctx.t("draft-areas-other"),
                };
                families.push(AreaFamilyView {
                    key: key.to_owned(),
                    heading,
                    areas: Vec::new(),
                    open: false,
                    chosen: String::new(),
                });
                families.len() - 1
            }
        };
        let fam = &mut families[at];
        fam.areas.push(Choice {
            value: a.key.to_owned(),
            label: a.label(lang).to_owned(),
        });
        if chosen {
            fam.open = true;
            let n = fam.areas.iter().filter(|c| form.checked("areas", &c.value)).count();
            fam.chosen = views::t_args(lang, "draft-areas-chosen", &[("count", n.to_string())]);
        }
    }
    // A forged or refused area sits in its fieldset open as well: the error is there.
    let areas = POLICY_AREAS
        .iter()
        .map(|a| Choice {
            value: a.key.to_owned(),
            label: a.label(lang).to_owned(),
        })
        .collect();
    // The groups the form had, one more when asked, and always one empty group to write in.
    let typed = milestone_rows(&form.values);
    let last_empty = typed > 0 && {
        let n = typed - 1;
        ["description", "output", "starts", "due", "government", "cso"]
            .iter()
            .all(|p| form.v(&format!("ms-{n}-{p}")).trim().is_empty())
    };
    let mut rows = if last_empty { typed } else { typed + 1 };
    if extra_milestone {
        rows += 1;
    }
    let milestones = (0..rows)
        .map(|i| {
            MilestoneGroupView::new(
                i,
                views::t_args(lang, "draft-ms-heading", &[("n", (i + 1).to_string())]),
            )
        })
        .collect();
    let findings = check(template, facts.checked, facts.plan);
    CommitmentEditPage {
        p: ctx.page(facts.heading.clone()),
        heading: facts.heading,
        ogp_id: facts.ogp_id,
        action: facts.action,
        cancel_href: facts.cancel_href,
        base_version: facts.base_version,
        template_note: if facts.template_id_note {
            ctx.t1("draft-template-version", "version", &template.version.to_string())
        } else {
            String::new()
        },
        form,
        blocks,
        values,
        families,
        areas,
        milestones,
        quality: QualityPanel::build(lang, template, &findings, facts.plan),
        stale,
        plan_period: plan_period(facts.plan),
    }
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let c = state.services.new_commitment_context(&ctx.tenant, &ctx.actor()).await?;
    let empty = CommitmentDocument::default();
    let facts = FormFacts {
        heading: ctx.t("draft-new-title"),
        ogp_id: String::new(),
        action: "/forum/commitments/new".into(),
        cancel_href: "/forum/commitments".into(),
        base_version: 0,
        template_id_note: false,
        template: &c.template,
        plan: &c.plan,
        checked: &empty,
    };
    let form = DraftFormView::new(HashMap::new());
    page(edit_page(&ctx, facts, form, false, None))
}

async fn create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let values = form.to_map();
    let c = state.services.new_commitment_context(&ctx.tenant, &ctx.actor()).await?;
    let adding = form.get("action") == "add_milestone";
    let errors = if adding {
        Vec::new()
    } else {
        match state
            .services
            .submit_new_commitment(&ctx.tenant, &ctx.actor(), &values)
            .await?
        {
            Drafted::Saved { id, .. } => {
                return Ok(ctx.redirect_with_flash(&format!("/forum/commitments/{id}"), "flash-commitment-created"));
            }
            Drafted::Invalid(errors) => errors,
            // A new commitment has no other version to collide with.
            Drafted::Stale(_) => Vec::new(),
        }
    };
    let typed = domain::commitments::drafting::parse_form(&c.template, &values)
        .map(|f| f.document)
        .unwrap_or_default();
    let facts = FormFacts {
        heading: ctx.t("draft-new-title"),
        ogp_id: String::new(),
        action: "/forum/commitments/new".into(),
        cancel_href: "/forum/commitments".into(),
        base_version: 0,
        template_id_note: false,
        template: &c.template,
        plan: &c.plan,
        checked: &typed,
    };
    let form = draft_form(ctx.lang, &c.template, values, &errors);
    let body = edit_page(&ctx, facts, form, adding, None);
    if adding { page(body) } else { form_again(body) }
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let c = state
        .services
        .commitment_edit_context(&ctx.tenant, &ctx.actor(), id)
        .await?;
    let mut values = form_values(&c.current.document);
    values.insert("note".into(), String::new());
    let facts = FormFacts {
        heading: ctx.t1("draft-edit-title", "id", &c.row.ogp_id),
        ogp_id: c.row.ogp_id.clone(),
        action: format!("/forum/commitments/{id}/edit"),
        cancel_href: format!("/forum/commitments/{id}"),
        base_version: c.current.version.number,
        template_id_note: true,
        template: &c.template,
        plan: &c.plan,
        checked: &c.current.document,
    };
    let form = DraftFormView::new(values);
    page(edit_page(&ctx, facts, form, false, None))
}

/// Each field of two documents as text in the page's language, labelled, in the form's order:
/// title, the template's fields, values, areas, the primary area, dates, milestones.
fn texts(lang: Lang, template: &Template, doc: &CommitmentDocument) -> Vec<(String, String)> {
    let mut out = vec![(views::t(lang, "field-title"), doc.title.clone())];
    for f in &template.fields {
        out.push((f.label(lang).to_owned(), doc.field(&f.key).to_owned()));
    }
    // A key of a newer template version is kept in the document: compare it too.
    for (key, text) in &doc.fields {
        if template.field(key).is_none() {
            out.push((key.clone(), text.clone()));
        }
    }
    out.push((
        views::t(lang, "field-ogp-values"),
        doc.values
            .iter()
            .map(|v| value_label(lang, *v))
            .collect::<Vec<_>>()
            .join("; "),
    ));
    out.push((
        views::t(lang, "field-policy-areas"),
        doc.policy_areas
            .iter()
            .map(|a| area_label(lang, a))
            .collect::<Vec<_>>()
            .join("; "),
    ));
    out.push((
        views::t(lang, "field-primary-area"),
        doc.primary_policy_area
            .as_deref()
            .map(|a| area_label(lang, a))
            .unwrap_or_default(),
    ));
    out.push((views::t(lang, "field-commitment-starts"), day(doc.starts_on)));
    out.push((views::t(lang, "field-commitment-ends"), day(doc.ends_on)));
    let milestones = doc
        .milestones
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let names = |owner: OwnerType| {
                m.stakeholders
                    .iter()
                    .filter(|s| s.owner == owner)
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            format!(
                "{}. {}\n{}: {}\n{}: {} · {}: {}\n{}: {}\n{}: {}",
                i + 1,
                m.description,
                views::t(lang, "field-ms-output"),
                m.expected_output,
                views::t(lang, "field-ms-starts"),
                day(m.start_date),
                views::t(lang, "field-ms-due"),
                day(m.expected_completion_date),
                views::t(lang, "field-ms-government"),
                names(OwnerType::Government),
                views::t(lang, "field-ms-cso"),
                names(OwnerType::Cso),
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push((views::t(lang, "field-milestones"), milestones));
    out
}

fn stale_view(ctx: &Ctx, template: &Template, facts: &StaleFacts) -> StaleView {
    let theirs = texts(ctx.lang, template, &facts.theirs.document);
    let yours = texts(ctx.lang, template, &facts.yours);
    let fields = theirs
        .into_iter()
        .zip(yours)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((label, theirs), (_, yours))| StaleFieldView { label, theirs, yours })
        .collect();
    let v = &facts.theirs.version;
    let time = v.created_at.with_timezone(&ctx.tz()).format("%H:%M").to_string();
    StaleView {
        message: views::t_args(
            ctx.lang,
            "draft-stale-message",
            &[
                ("who", v.author_name.clone().unwrap_or_default()),
                ("version", v.number.to_string()),
                ("time", time),
            ],
        ),
        fields,
    }
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let mut values = form.to_map();
    let c = state
        .services
        .commitment_edit_context(&ctx.tenant, &ctx.actor(), id)
        .await?;
    let adding = form.get("action") == "add_milestone";
    let mut base_version = values
        .get("base_version")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap_or(c.current.version.number);
    let mut stale = None;
    let errors = if adding {
        Vec::new()
    } else {
        match state
            .services
            .save_commitment_form(&ctx.tenant, &ctx.actor(), id, &values)
            .await?
        {
            Drafted::Saved { .. } => {
                return Ok(ctx.redirect_with_flash(&format!("/forum/commitments/{id}"), "flash-commitment-saved"));
            }
            Drafted::Invalid(errors) => errors,
            Drafted::Stale(facts) => {
                // The form comes back with the person's text and the version they have now
                // seen, so that saving again on purpose follows it.
                base_version = facts.theirs.version.number;
                values.insert("base_version".into(), base_version.to_string());
                stale = Some(stale_view(&ctx, &c.template, &facts));
                Vec::new()
            }
        }
    };
    let typed = domain::commitments::drafting::parse_form(&c.template, &values)
        .map(|f| f.document)
        .unwrap_or_else(|_| c.current.document.clone());
    let facts = FormFacts {
        heading: ctx.t1("draft-edit-title", "id", &c.row.ogp_id),
        ogp_id: c.row.ogp_id.clone(),
        action: format!("/forum/commitments/{id}/edit"),
        cancel_href: format!("/forum/commitments/{id}"),
        base_version,
        template_id_note: true,
        template: &c.template,
        plan: &c.plan,
        checked: &typed,
    };
    let form = draft_form(ctx.lang, &c.template, values, &errors);
    let body = edit_page(&ctx, facts, form, adding, stale);
    if adding { page(body) } else { form_again(body) }
}

// ---- The staff page ----

fn version_line(ctx: &Ctx, v: &VersionRow) -> VersionLine {
    VersionLine {
        number: v.number,
        author: v.author_name.clone().unwrap_or_default(),
        date: date_time(ctx, v.created_at),
        note: v.note.clone(),
        is_public: v.is_public,
    }
}

fn comment_field_label(lang: Lang, template: &Template, key: &str) -> String {
    match key {
        "" => views::t(lang, "comments-whole"),
        "title" => views::t(lang, "field-title"),
        "milestones" => views::t(lang, "field-milestones"),
        k => template
            .field(k)
            .map(|f| f.label(lang).to_owned())
            .unwrap_or_else(|| k.to_owned()),
    }
}

/// The service's field names of the staff page's forms, renamed to the page's own (each form's
/// fields carry their own names, so that one label never stands for two fields).
fn renamed(errors: Vec<FieldError>, names: &[(&str, &'static str)]) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|mut e| {
            if let Some((_, to)) = names.iter().find(|(from, _)| *from == e.field) {
                e.field = to;
            }
            e
        })
        .collect()
}

#[derive(Default)]
struct StaffForms {
    comment: Form,
    status: Form,
    link: Form,
}

fn staff_page(ctx: &Ctx, v: CommitmentStaffView, forms: StaffForms) -> CommitmentStaffPage {
    let lang = ctx.lang;
    let row = &v.row;
    let comment_view = |c: &store::commitments::comments::CommentRow| CommentView {
        id: c.id,
        author: c.author_name.clone().unwrap_or_default(),
        date: date_time(ctx, c.created_at),
        about: views::t_args(
            lang,
            "comments-about",
            &[
                ("version", c.version_number.to_string()),
                ("field", comment_field_label(lang, &v.template, &c.field_key)),
            ],
        ),
        body: c.body.clone(),
        resolved: c.resolved_at.is_some(),
        resolved_note: c
            .resolved_at
            .map(|at| {
                views::t_args(
                    lang,
                    "comments-resolved-by",
                    &[
                        ("who", c.resolved_by_name.clone().unwrap_or_default()),
                        ("date", date_time(ctx, at)),
                    ],
                )
            })
            .unwrap_or_default(),
        replies: Vec::new(),
    };
    let mut threads: Vec<CommentView> = v
        .comments
        .iter()
        .filter(|c| c.parent_id.is_none())
        .map(comment_view)
        .collect();
    for reply in v.comments.iter().filter(|c| c.parent_id.is_some()) {
        if let Some(t) = threads.iter_mut().find(|t| Some(t.id) == reply.parent_id) {
            t.replies.push(comment_view(reply));
        }
    }
    let (resolved_comments, open_comments): (Vec<_>, Vec<_>) = threads.into_iter().partition(|t| t.resolved);
    let mut comment_fields = vec![
        Choice {
            value: String::new(),
            label: views::t(lang, "comments-whole"),
        },
        Choice {
            value: "title".into(),
            label: views::t(lang, "field-title"),
        },
    ];
    comment_fields.extend(v.template.fields.iter().map(|f| Choice {
        value: f.key.clone(),
        label: f.label(lang).to_owned(),
    }));
    comment_fields.push(Choice {
        value: "milestones".into(),
        label: views::t(lang, "field-milestones"),
    });
    let mut comment_form = forms.comment;
    if comment_form.v("comment_version").is_empty() {
        comment_form
            .values
            .insert("comment_version".into(), row.current_version.to_string());
    }
    let staff = ctx.actor().can(domain::Action::ManageCommitments);
    CommitmentStaffPage {
        p: ctx.page(format!("{}: {}", row.ogp_id, row.title)),
        id: row.id,
        ogp_id: row.ogp_id.clone(),
        title: row.title.clone(),
        status_key: row.status.key(),
        status: status_label(lang, row.status),
        current_version: row.current_version,
        public_note: match row.public_version {
            Some(n) => ctx.t1("draft-public-version", "version", &n.to_string()),
            None => ctx.t("draft-not-public"),
        },
        public_href: (row.status.is_public() && row.public_version.is_some())
            .then(|| format!("/commitments/{}", row.ogp_id)),
        staff,
        versions: v.versions.iter().map(|x| version_line(ctx, x)).collect(),
        open_comments,
        resolved_comments,
        comment_versions: v
            .versions
            .iter()
            .map(|x| Choice {
                value: x.number.to_string(),
                label: ctx.t1("draft-current-version", "version", &x.number.to_string()),
            })
            .collect(),
        comment_fields,
        comment_form,
        statuses: v
            .statuses
            .iter()
            .map(|s| StatusLine {
                from: status_label(lang, s.from_status),
                to: status_label(lang, s.to_status),
                reason: s.reason.clone(),
                who: s.changed_by_name.clone().unwrap_or_default(),
                date: date_time(ctx, s.changed_at),
            })
            .collect(),
        moves: v
            .moves
            .iter()
            .map(|s| Choice {
                value: s.key().to_owned(),
                label: status_label(lang, *s),
            })
            .collect(),
        status_form: forms.status,
        inputs: v.inputs.iter().map(|i| (i.input_id, i.title.clone())).collect(),
        link_form: forms.link,
    }
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let v = state
        .services
        .commitment_staff_view(&ctx.tenant, &ctx.actor(), id)
        .await?;
    page(staff_page(&ctx, v, StaffForms::default()))
}

/// The staff page again, a form's errors beside it (422).
async fn staff_again(state: &AppState, ctx: &Ctx, id: i64, forms: StaffForms) -> Result<Response, AppError> {
    let v = state
        .services
        .commitment_staff_view(&ctx.tenant, &ctx.actor(), id)
        .await?;
    form_again(staff_page(ctx, v, forms))
}

async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let typed = CommentForm {
        version: form.get("comment_version").to_owned(),
        field: form.get("comment_field").to_owned(),
        parent: form.get("parent").to_owned(),
        body: form.get("comment_body").to_owned(),
    };
    match state
        .services
        .comment_on_commitment(&ctx.tenant, &ctx.actor(), id, &typed)
        .await
    {
        Ok(cid) => Ok(ctx.redirect_with_flash(
            &format!(
                "/forum/commitments/{id}#comment-{}",
                typed.parent.trim().parse::<i64>().unwrap_or(cid)
            ),
            "flash-commitment-comment-added",
        )),
        Err(ServiceError::Invalid(errors)) => {
            let errors = renamed(
                errors,
                &[
                    ("body", "comment_body"),
                    ("version", "comment_version"),
                    ("field", "comment_field"),
                ],
            );
            let forms = StaffForms {
                comment: Form::new(form.to_map()).with_errors(errors),
                ..Default::default()
            };
            staff_again(&state, &ctx, id, forms).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn resolve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, comment)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    state
        .services
        .resolve_commitment_comment(&ctx.tenant, &ctx.actor(), id, comment)
        .await?;
    Ok(ctx.redirect_with_flash(&format!("/forum/commitments/{id}"), "flash-commitment-comment-resolved"))
}

async fn status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let to = form.get("status_to");
    let reason = form.get("status_reason");
    let confirmed = form.get("confirmed") == "yes";
    match state
        .services
        .change_commitment_status(&ctx.tenant, &ctx.actor(), id, to, reason, confirmed)
        .await
    {
        Ok(StatusOutcome::Changed) => {
            Ok(ctx.redirect_with_flash(&format!("/forum/commitments/{id}"), "flash-commitment-status-changed"))
        }
        Ok(StatusOutcome::NeedsConfirmation) => {
            let v = state
                .services
                .commitment_staff_view(&ctx.tenant, &ctx.actor(), id)
                .await?;
            let heading = ctx.t1("status-withdraw-title", "id", &v.row.ogp_id);
            page(ConfirmPage {
                p: ctx.page(heading.clone()),
                heading,
                text: ctx.t1(
                    "status-withdraw-text",
                    "title",
                    &format!("{}: {}", v.row.ogp_id, v.row.title),
                ),
                action: format!("/forum/commitments/{id}/status"),
                fields: vec![
                    ("status_to".into(), to.to_owned()),
                    ("status_reason".into(), reason.to_owned()),
                ],
                confirm_label: ctx.t("status-withdraw-button"),
                cancel_href: format!("/forum/commitments/{id}"),
            })
        }
        Err(ServiceError::Invalid(errors)) => {
            let errors = renamed(errors, &[("to", "status_to"), ("reason", "status_reason")]);
            let forms = StaffForms {
                status: Form::new(form.to_map()).with_errors(errors),
                ..Default::default()
            };
            staff_again(&state, &ctx, id, forms).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn link_input(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    match state
        .services
        .link_commitment_input(&ctx.tenant, &ctx.actor(), id, form.get("input"))
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/forum/commitments/{id}"), "flash-commitment-input-linked")),
        Err(ServiceError::Invalid(errors)) => {
            let forms = StaffForms {
                link: Form::new(form.to_map()).with_errors(errors),
                ..Default::default()
            };
            staff_again(&state, &ctx, id, forms).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn unlink_input(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, input)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    state
        .services
        .unlink_commitment_input(&ctx.tenant, &ctx.actor(), id, input)
        .await?;
    Ok(ctx.redirect_with_flash(&format!("/forum/commitments/{id}"), "flash-commitment-input-unlinked"))
}

// ---- The input's page ----

/// One of the input page's "Adopted into ALBSN0001: title" lines.
pub(crate) struct AdoptedInto {
    pub ogp_id: String,
    pub text: String,
    /// A public commitment's public page; a draft's forum page (shown only to those who draft).
    pub href: String,
}

/// The input page's "Adopted into ALBSN0001: title" lines: a public commitment links to its
/// public page, a draft (shown only to those who draft) to the forum's page.
pub(crate) async fn adopted_into(state: &AppState, ctx: &Ctx, input: i64) -> Result<Vec<AdoptedInto>, AppError> {
    let rows = state
        .services
        .input_adopted_into(&ctx.tenant, &ctx.actor(), input)
        .await?;
    Ok(rows
        .into_iter()
        .map(|c| {
            let text = views::t_args(
                ctx.lang,
                "input-adopted-into",
                &[("id", c.ogp_id.clone()), ("title", c.title.clone())],
            );
            let href = if c.status.is_public() {
                format!("/commitments/{}", c.ogp_id)
            } else {
                format!("/forum/commitments/{}", c.id)
            };
            AdoptedInto {
                ogp_id: c.ogp_id,
                text,
                href,
            }
        })
        .collect())
}

/// Where an answer's commitment reference leads: the page of a commitment the input was adopted
/// into whose identifier it names ("ALBSN0002", "ALBSN0002 – Buxhetimi"), or the web address it
/// is; empty (shown as text) otherwise, so that a reference to a draft the visitor may not see,
/// or to nothing, is never a link to a missing page.
pub(crate) fn commitment_href(reference: &str, adopted: &[AdoptedInto]) -> String {
    let reference = reference.trim();
    if let Some(found) = adopted.iter().find(|a| {
        reference
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.eq_ignore_ascii_case(&a.ogp_id))
    }) {
        return found.href.clone();
    }
    let is_address = (reference.starts_with("https://") || reference.starts_with("http://"))
        && !reference.contains(char::is_whitespace);
    if is_address {
        reference.to_owned()
    } else {
        String::new()
    }
}

// ---- Versions and their comparison ----

async fn versions(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (row, versions) = state
        .services
        .commitment_versions(&ctx.tenant, &ctx.actor(), id)
        .await?;
    let to = row.current_version;
    page(CommitmentVersionsPage {
        p: ctx.page(ctx.t1("draft-versions-title", "title", &row.title)),
        id,
        ogp_id: row.ogp_id.clone(),
        title: row.title.clone(),
        versions: versions.iter().map(|v| version_line(&ctx, v)).collect(),
        from: (to - 1).max(1),
        to,
    })
}

#[derive(Debug, Default, Deserialize)]
struct CompareQuery {
    #[serde(default)]
    from: Option<i64>,
    #[serde(default)]
    to: Option<i64>,
}

fn version_note(ctx: &Ctx, v: &VersionDoc) -> String {
    views::t_args(
        ctx.lang,
        "draft-compare-version",
        &[
            ("version", v.version.number.to_string()),
            ("who", v.version.author_name.clone().unwrap_or_default()),
            ("date", date_time(ctx, v.version.created_at)),
        ],
    )
}

async fn compare_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<CompareQuery>,
) -> Result<Response, AppError> {
    let c = state
        .services
        .compare_commitment_versions(&ctx.tenant, &ctx.actor(), id, q.from, q.to)
        .await?;
    let old = texts(ctx.lang, &c.template, &c.from.document);
    let new = texts(ctx.lang, &c.template, &c.to.document);
    // Both lists have the same labels in the same order, except for keys only one document
    // holds (a newer template's): those are compared against nothing.
    let mut fields: Vec<(String, String, String)> = Vec::new();
    for (label, text) in &new {
        let before = old
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, t)| t.clone())
            .unwrap_or_default();
        fields.push((label.clone(), before, text.clone()));
    }
    for (label, text) in &old {
        if !new.iter().any(|(l, _)| l == label) {
            fields.push((label.clone(), text.clone(), String::new()));
        }
    }
    let (mut changed, mut unchanged) = (Vec::new(), Vec::new());
    for d in compare(fields) {
        let view = DiffFieldView {
            label: d.key.clone(),
            changed: d.changed(),
            segments: d
                .segments
                .iter()
                .map(|s| match s {
                    Segment::Same(t) => ("same", t.clone()),
                    Segment::Removed(t) => ("del", t.clone()),
                    Segment::Added(t) => ("ins", t.clone()),
                })
                .collect(),
            text: d.new.clone(),
        };
        if view.changed {
            changed.push(view);
        } else if !view.text.trim().is_empty() {
            unchanged.push(view);
        }
    }
    let title = c.row.title.clone();
    page(CommitmentComparePage {
        p: ctx.page(ctx.t1("draft-compare-title", "title", &title)),
        id,
        ogp_id: c.row.ogp_id.clone(),
        title,
        versions: c.versions.iter().map(|v| version_line(&ctx, v)).collect(),
        from: c.from.version.number,
        to: c.to.version.number,
        from_note: version_note(&ctx, &c.from),
        to_note: version_note(&ctx, &c.to),
        changed,
        unchanged,
    })
}

// ---- The template ----

fn template_page(ctx: &Ctx, template: &Template, form: DraftFormView) -> CommitmentTemplatePage {
    let blocks = Block::ALL
        .iter()
        .map(|b| TemplateBlockForm {
            heading: ctx.t(&format!("template-block-{}", b.key().replace('_', "-"))),
            fields: template
                .block(*b)
                .map(|f| TemplateFieldForm {
                    key: f.key.clone(),
                    heading: f.label(ctx.lang).to_owned(),
                    label_sq: template_input("label_sq", &f.key),
                    label_en: template_input("label_en", &f.key),
                    hint_sq: template_input("hint_sq", &f.key),
                    hint_en: template_input("hint_en", &f.key),
                    required: template_input("required", &f.key),
                })
                .collect(),
        })
        .filter(|b| !b.fields.is_empty())
        .collect();
    CommitmentTemplatePage {
        p: ctx.page(ctx.t("template-admin-title")),
        version: template.version,
        version_note: views::t_args(
            ctx.lang,
            "template-admin-version",
            &[
                ("version", template.version.to_string()),
                ("next", (template.version + 1).to_string()),
            ],
        ),
        form,
        blocks,
    }
}

fn template_values(template: &Template) -> HashMap<String, String> {
    let mut v = HashMap::new();
    for f in &template.fields {
        v.insert(template_input("label_sq", &f.key), f.label_sq.clone());
        v.insert(template_input("label_en", &f.key), f.label_en.clone());
        v.insert(template_input("hint_sq", &f.key), f.hint_sq.clone());
        v.insert(template_input("hint_en", &f.key), f.hint_en.clone());
        if f.required {
            v.insert(template_input("required", &f.key), "yes".into());
        }
    }
    v
}

async fn template_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let template = state.services.commitment_template(&ctx.tenant, &ctx.actor()).await?;
    let form = DraftFormView::new(template_values(&template));
    page(template_page(&ctx, &template, form))
}

async fn template_save(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let values = form.to_map();
    match state
        .services
        .save_commitment_template(&ctx.tenant, &ctx.actor(), &values)
        .await?
    {
        TemplateSaved::Saved(_) => {
            Ok(ctx.redirect_with_flash("/admin/commitments/template", "flash-commitment-template-saved"))
        }
        TemplateSaved::Invalid(errors) => {
            let template = state.services.commitment_template(&ctx.tenant, &ctx.actor()).await?;
            let mut view = DraftFormView::new(values);
            for (name, e) in errors {
                let message = views::error_message(ctx.lang, &e);
                // `label_sq.q1_problem`: the part's label and the field's.
                let (part, key) = name.split_once('.').unwrap_or((name.as_str(), ""));
                let field = template
                    .field(key)
                    .map(|f| f.label(ctx.lang).to_owned())
                    .unwrap_or_default();
                let part_label = ctx.t(&format!("field-template-{}", part.replace('_', "-")));
                view.summary
                    .push((name.clone(), format!("{field} · {part_label}: {message}")));
                view.errors.push((name, message));
            }
            form_again(template_page(&ctx, &template, view))
        }
    }
}
