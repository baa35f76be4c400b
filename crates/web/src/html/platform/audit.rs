//! The audit log and the outbox (delivery state of e-mails) of the municipality.

use axum::{
    Router,
    extract::{Query, State},
    response::Response,
    routing::get,
};
use domain::{Action, AuditKind};
use serde::Deserialize;
use services::{
    ServiceError,
    platform::audit::{AuditEntry, AuditObject, AuditQuery, ChangeValue, ObjectKind},
};
use views::{
    AuditChangeView, AuditPage as AuditPageView, AuditView, Choice, Form, OutboxPage, OutboxView, SentencePart,
};

use crate::{
    AppError, AppState, Ctx,
    html::common::{form_again, localized, page},
};

const AUDIT_PER_PAGE: i64 = 50;
/// Values longer than this are folded under "show the whole text" so a call's body does not
/// fill the page.
const LONG_VALUE: usize = 160;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/audit", get(audit))
        .route("/admin/outbox", get(outbox))
}

#[derive(Deserialize)]
pub struct AuditParams {
    #[serde(default)]
    action_kind: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    after: Option<i64>,
}

async fn audit(State(state): State<AppState>, ctx: Ctx, Query(q): Query<AuditParams>) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ViewAuditLog)?;
    let typed = [
        ("action_kind", q.action_kind.clone()),
        ("person", q.person.clone()),
        ("from", q.from.clone()),
        ("to", q.to.clone()),
    ];
    let form = Form::new(typed.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect());
    let (query, form) = match AuditQuery::parse(&q.action_kind, &q.person, &q.from, &q.to, q.after) {
        Ok(query) => (query, form),
        // The entries are shown unfiltered by what could not be read, the message beside it.
        // The tab (reads or changes) and the page are kept.
        Err(errors) => (
            AuditQuery {
                kind: AuditKind::parse(q.action_kind.trim()),
                after: q.after,
                ..AuditQuery::default()
            },
            form.with_errors(errors),
        ),
    };
    let page_data = match state.services.audit_log(&actor, &query, ctx.tz(), AUDIT_PER_PAGE).await {
        Ok(p) => p,
        Err(ServiceError::Invalid(errors)) => {
            let again = AuditQuery {
                person: None,
                ..query.clone()
            };
            let form = Form::new(typed.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()).with_errors(errors);
            let page_data = state
                .services
                .audit_log(&actor, &again, ctx.tz(), AUDIT_PER_PAGE)
                .await?;
            return render(&ctx, page_data, form, &q);
        }
        Err(e) => return Err(e.into()),
    };
    render(&ctx, page_data, form, &q)
}

fn render(
    ctx: &Ctx,
    data: services::platform::audit::AuditPage,
    form: Form,
    q: &AuditParams,
) -> Result<Response, AppError> {
    let has_errors = !form.errors.is_empty();
    let entries = data.entries.iter().map(|e| entry_view(ctx, e)).collect();
    let kinds = AuditKind::ALL
        .into_iter()
        .filter(|k| *k != AuditKind::Reads)
        .map(|k| Choice {
            value: k.key().to_owned(),
            label: ctx.t(&format!("audit-kind-{}", k.key().replace('_', "-"))),
        })
        .collect();
    let people = data
        .people
        .iter()
        .map(|p| Choice {
            value: p.id.to_string(),
            label: p.label.clone(),
        })
        .collect();
    let next_href = data.next_after.map(|after| {
        let mut pairs: Vec<(&str, String)> = [
            ("action_kind", &q.action_kind),
            ("person", &q.person),
            ("from", &q.from),
            ("to", &q.to),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.clone()))
        .collect();
        pairs.push(("after", after.to_string()));
        format!(
            "/admin/audit?{}",
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    });
    let reads = q.action_kind == AuditKind::Reads.key();
    let template = AuditPageView {
        p: ctx.page(ctx.t("admin-audit")),
        entries,
        form,
        kinds,
        people,
        reads,
        next_href,
        first_page: q.after.is_none(),
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

fn entry_view(ctx: &Ctx, e: &AuditEntry) -> AuditView {
    let local = e.at.with_timezone(&ctx.tz());
    let (who, who_href) = match &e.actor {
        Some(a) if !a.label.is_empty() => (a.label.clone(), Some(format!("/admin/audit?person={}", a.id))),
        Some(a) => (ctx.t1("audit-person-number", "id", &a.id.to_string()), None),
        None => (ctx.t("audit-system"), None),
    };
    let (object_text, object_href) = match &e.object {
        Some(o) => object_words(ctx, o),
        None => (String::new(), None),
    };
    // The sentence is translated with markers where the person and the object go, then cut
    // there so that both can be links while the words around them stay the translator's.
    const WHO: &str = "\u{E000}";
    const WHAT: &str = "\u{E001}";
    let key = e
        .action
        .map(|a| a.sentence_key())
        .unwrap_or_else(|| "audit-unknown".to_owned());
    let mut args = vec![("who", WHO.to_owned()), ("what", WHAT.to_owned())];
    for name in ["status", "role"] {
        let value = e
            .changes
            .iter()
            .find(|c| c.field == name)
            .and_then(|c| match (&c.after, &c.before) {
                (ChangeValue::Choice { family, key }, _)
                | (ChangeValue::Nothing, ChangeValue::Choice { family, key }) => Some(choice(ctx, family, key)),
                _ => None,
            });
        args.push((name, value.unwrap_or_default()));
    }
    let sentence = views::i18n::t_args(ctx.lang, &key, &args);
    let mut parts = Vec::new();
    let mut rest = sentence.as_str();
    while let Some(at) = rest.find(['\u{E000}', '\u{E001}']) {
        if at > 0 {
            parts.push(SentencePart::text(&rest[..at]));
        }
        let marker = rest[at..].chars().next().unwrap_or_default();
        parts.push(if marker.to_string() == WHO {
            SentencePart {
                text: who.clone(),
                href: who_href.clone(),
            }
        } else {
            SentencePart {
                text: object_text.clone(),
                href: object_href.clone(),
            }
        });
        rest = &rest[at + marker.len_utf8()..];
    }
    if !rest.is_empty() {
        parts.push(SentencePart::text(rest));
    }
    let changes = e
        .changes
        .iter()
        .map(|c| {
            let (before, after) = (value_words(ctx, &c.before), value_words(ctx, &c.after));
            AuditChangeView {
                field: ctx
                    .t_opt(&format!("audit-field-{}", c.field.replace('_', "-")))
                    .unwrap_or_else(|| ctx.t("audit-field-other")),
                long: [&c.before, &c.after]
                    .iter()
                    .any(|v| matches!(v, ChangeValue::Text(t) if t.chars().count() > LONG_VALUE)),
                before,
                after,
            }
        })
        .collect();
    AuditView {
        id: e.id,
        at: local.format("%d.%m.%Y %H:%M").to_string(),
        at_iso: local.to_rfc3339(),
        sentence: parts,
        changes,
    }
}

/// The object of a sentence, as people know it, and where it can be seen.
fn object_words(ctx: &Ctx, o: &AuditObject) -> (String, Option<String>) {
    let id = o.id.to_string();
    let named = |label: &str, fallback: &str| {
        if label.is_empty() {
            ctx.t1(fallback, "id", &id)
        } else {
            label.to_owned()
        }
    };
    match o.kind {
        ObjectKind::Application => (
            if o.label.is_empty() {
                ctx.t1("audit-object-draft", "id", &id)
            } else {
                ctx.t1("audit-object-application", "reference", &o.label)
            },
            Some(format!("/admin/applications/{id}")),
        ),
        ObjectKind::Call => (
            named(localized(ctx, &o.label, &o.label_en), "audit-object-call"),
            Some(format!("/admin/calls/{id}")),
        ),
        ObjectKind::Person => (
            named(&o.label, "audit-person-number"),
            Some(format!("/admin/audit?person={id}")),
        ),
        ObjectKind::News => (
            named(localized(ctx, &o.label, &o.label_en), "audit-object-news"),
            (!o.label.is_empty()).then(|| format!("/news/{id}")),
        ),
        ObjectKind::Organisation => (
            named(&o.label, "audit-object-organisation"),
            Some(format!("/orgs/{id}")),
        ),
        ObjectKind::Cycle => (
            named(localized(ctx, &o.label, &o.label_en), "audit-object-cycle"),
            Some("/admin/timeline".to_owned()),
        ),
        ObjectKind::Municipality => (ctx.tenant.name_genitive(ctx.lang), Some("/admin/settings".to_owned())),
        ObjectKind::EmailLink => (ctx.t("audit-object-link"), None),
    }
}

fn choice(ctx: &Ctx, family: &str, key: &str) -> String {
    ctx.t_opt(&format!("{family}-{key}")).unwrap_or_else(|| key.to_owned())
}

fn value_words(ctx: &Ctx, value: &ChangeValue) -> String {
    match value {
        ChangeValue::Nothing => String::new(),
        ChangeValue::Text(t) => t.clone(),
        ChangeValue::Choice { family, key } => choice(ctx, family, key),
        ChangeValue::Time(t) => t.with_timezone(&ctx.tz()).format("%d.%m.%Y %H:%M").to_string(),
        ChangeValue::Number(n) => match n.parse::<f64>() {
            Ok(f) if n.contains('.') => views::decimal(ctx.lang, f, 2),
            _ => n.clone(),
        },
        ChangeValue::YesNo(yes) => ctx.t(if *yes { "audit-yes" } else { "audit-no" }),
        ChangeValue::Named(name) => name.clone(),
        ChangeValue::Choices { family, keys } => keys
            .iter()
            .map(|k| {
                // Field names are written with dashes in the `.ftl` files, list values as stored.
                let k = if *family == "audit-field" {
                    k.replace('_', "-")
                } else {
                    k.clone()
                };
                choice(ctx, family, &k)
            })
            .collect::<Vec<_>>()
            .join(", "),
        ChangeValue::Count(n) => ctx.t1("audit-count", "count", &n.to_string()),
        ChangeValue::Bytes(n) => ctx.t1("audit-size", "kb", &n.div_ceil(1024).to_string()),
        ChangeValue::FileKind(t) => match t.as_str() {
            "application/pdf" => "PDF".to_owned(),
            "image/png" => "PNG".to_owned(),
            "image/jpeg" => "JPEG".to_owned(),
            other => other.to_owned(),
        },
    }
}

#[derive(Deserialize)]
pub struct BeforeQuery {
    before: Option<i64>,
}

async fn outbox(State(state): State<AppState>, ctx: Ctx, Query(q): Query<BeforeQuery>) -> Result<Response, AppError> {
    let rows = state.services.outbox(&ctx.actor(), q.before, AUDIT_PER_PAGE).await?;
    let next_before = (rows.len() as i64 == AUDIT_PER_PAGE)
        .then(|| rows.last().map(|r| r.id))
        .flatten();
    let messages = rows
        .into_iter()
        .map(|r| OutboxView {
            id: r.id,
            created: r
                .created_at
                .with_timezone(&ctx.tz())
                .format("%d.%m.%Y %H:%M")
                .to_string(),
            recipient: r.recipient,
            subject: r.subject,
            status: ctx.t(&format!("outbox-status-{}", r.status)),
            attempts: r.attempts,
            last_error: r.last_error.unwrap_or_default(),
        })
        .collect();
    page(OutboxPage {
        p: ctx.page(ctx.t("admin-outbox")),
        messages,
        next_before,
    })
}
