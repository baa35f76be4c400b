//! OGP's format in and out. Out: `GET /commitments.csv` (OGP's 171 columns, for OGP's explorer
//! and spreadsheets) and `GET /commitments.json`, the tenant's public commitments, streamed
//! batch by batch so memory stays flat however many there are. In (staff, `ManageCommitments`):
//! `GET|POST /admin/commitments/import`, an upload with its own body limit whose refusal is
//! shown next to the file field, and each import's report at `/admin/commitments/imports/{id}`.

use axum::{
    Router,
    body::Body,
    extract::{DefaultBodyLimit, Multipart, Path, Query, State, multipart::MultipartRejection},
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Response},
    routing::get,
};
use domain::{
    Action, FieldError,
    commitments::ogp_csv::{SkipReason, SkippedRow},
};
use serde::Deserialize;
use services::{
    Actor, Services,
    commitments::ogp::{IMPORT_MAX_BYTES, ImportOutcome, Refusal},
};
use std::sync::Arc;

use store::TenantRow;
use views::{
    Form,
    commitments::ogp::{ImportListRow, ImportPage, ImportReportPage, MismatchView, SkippedView, UndatedView},
    t_args,
};

use crate::{
    AppError, AppState, Ctx,
    html::common::{date_time, form_again, page, page_number},
};

/// Mismatches per page of a report (the shared file has a few hundred).
const MISMATCHES_PER_PAGE: usize = 100;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/commitments.csv", get(export_csv))
        .route("/commitments.json", get(export_json))
        .route("/admin/commitments/imports/{id}", get(report))
        .merge(
            Router::new()
                .route("/admin/commitments/import", get(import_form).post(import))
                // The file plus the multipart envelope; the use case refuses a larger file with
                // its own message, and a body beyond this is refused while it is read.
                .layer(DefaultBodyLimit::max(IMPORT_MAX_BYTES + 64 * 1024)),
        )
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

/// The export as a stream of batches: each is fetched as the client reads.
fn stream(services: Services, tenant: Arc<TenantRow>, actor: Actor, format: Format) -> Body {
    // `None` before the first batch, `Some(after)` between batches, ended by `Done`.
    enum Next {
        Start,
        After(i64),
        Done,
    }
    let stream = futures_util::stream::unfold(Next::Start, move |next| {
        let services = services.clone();
        let tenant = tenant.clone();
        let actor = actor.clone();
        async move {
            let after = match next {
                Next::Start => None,
                Next::After(id) => Some(id),
                Next::Done => return None,
            };
            let chunk = match format {
                Format::Csv => services.ogp_csv_chunk(&tenant, &actor, after).await,
                Format::Json => services.ogp_json_chunk(&tenant, &actor, after).await,
            };
            match chunk {
                Ok((chunk, Some(id))) => Some((Ok::<_, std::io::Error>(chunk.into_bytes()), Next::After(id))),
                Ok((chunk, None)) => Some((Ok(chunk.into_bytes()), Next::Done)),
                Err(e) => Some((Err(std::io::Error::other(e.to_string())), Next::Done)),
            }
        }
    });
    Body::from_stream(stream)
}

fn download(body: Body, content_type: &'static str, disposition: &'static str) -> Response {
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(disposition));
    response
}

/// The tenant's public commitments in OGP's CSV.
async fn export_csv(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let body = stream(state.services.clone(), ctx.tenant.clone(), ctx.actor(), Format::Csv);
    Ok(download(
        body,
        "text/csv; charset=utf-8",
        "attachment; filename=\"commitments.csv\"",
    ))
}

/// The same commitments as JSON (the API's shape).
async fn export_json(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let body = stream(state.services.clone(), ctx.tenant.clone(), ctx.actor(), Format::Json);
    Ok(download(
        body,
        "application/json",
        "inline; filename=\"commitments.json\"",
    ))
}

/// The import page: the form (with a refusal next to the file field) and the past imports.
async fn render_import(
    state: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    refusal: Option<Refusal>,
) -> Result<Response, AppError> {
    let imports = state
        .services
        .commitment_imports(&ctx.tenant, actor)
        .await?
        .into_iter()
        .map(|i| ImportListRow {
            id: i.id,
            file_name: i.file_name,
            at: date_time(ctx, i.imported_at),
            by: i.imported_by_name.unwrap_or_else(|| ctx.t("ogp-import-by-machine")),
            imported: i.rows_imported,
            skipped: i.rows_skipped,
        })
        .collect();
    let max_mb = IMPORT_MAX_BYTES / (1024 * 1024);
    let Some(refusal) = refusal else {
        return page(ImportPage {
            p: ctx.page(ctx.t("ogp-import-title")),
            form: Form::default(),
            details: Vec::new(),
            max_mb,
            imports,
        });
    };
    let mut error = FieldError::new("file", refusal.code);
    if refusal.code == "ogp_file_too_large" {
        error.limit = Some(max_mb);
    }
    let quoted = |names: &[String]| names.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>().join(", ");
    let mut details = Vec::new();
    if !refusal.missing.is_empty() {
        details.push(ctx.t1("ogp-refusal-missing", "columns", &quoted(&refusal.missing)));
    }
    if !refusal.unknown.is_empty() {
        details.push(ctx.t1("ogp-refusal-unknown", "columns", &quoted(&refusal.unknown)));
    }
    if refusal.more > 0 {
        details.push(ctx.t1("ogp-refusal-more", "count", &refusal.more.to_string()));
    }
    if let Some(line) = refusal.line {
        details.push(ctx.t1("ogp-refusal-line", "line", &line.to_string()));
    }
    form_again(ImportPage {
        p: ctx.page(ctx.t("ogp-import-title")),
        form: Form::default().with_errors(vec![error]),
        details,
        max_mb,
        imports,
    })
}

async fn import_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCommitments)?;
    render_import(&state, &ctx, &actor, None).await
}

/// The `file` field of the upload. `Err(None)`: the body went over the route's limit while it
/// was read (shown as "too large"); `Err(Some(e))`: a broken body.
async fn file_field(multipart: Result<Multipart, MultipartRejection>) -> Result<(String, Vec<u8>), Option<AppError>> {
    // Not a multipart body (no file chosen in a browser that sent no form-data): an empty file,
    // which the use case answers with "the file is empty".
    let Ok(mut multipart) = multipart else {
        return Ok((String::new(), Vec::new()));
    };
    let fail = |e: axum::extract::multipart::MultipartError| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            None
        } else {
            Some(AppError::BadRequest)
        }
    };
    let mut upload = None;
    while let Some(field) = multipart.next_field().await.map_err(fail)? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("commitments.csv").to_owned();
            let bytes = field.bytes().await.map_err(fail)?;
            upload = Some((name, bytes.to_vec()));
        }
    }
    Ok(upload.unwrap_or_default())
}

async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    // Refused before a byte of the body is read: only staff, and no body over the limit.
    let actor = ctx.require(Action::ManageCommitments)?;
    let too_large = || Refusal {
        code: "ogp_file_too_large",
        missing: Vec::new(),
        unknown: Vec::new(),
        more: 0,
        line: None,
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > IMPORT_MAX_BYTES + 64 * 1024) {
        return render_import(&state, &ctx, &actor, Some(too_large())).await;
    }
    let (name, bytes) = match file_field(multipart).await {
        Ok(upload) => upload,
        Err(None) => return render_import(&state, &ctx, &actor, Some(too_large())).await,
        Err(Some(e)) => return Err(e),
    };
    match state
        .services
        .import_commitments(&ctx.tenant, &actor, &name, &bytes)
        .await?
    {
        ImportOutcome::Imported { id, .. } => {
            Ok(ctx.redirect_with_flash(&format!("/admin/commitments/imports/{id}"), "flash-ogp-imported"))
        }
        ImportOutcome::Refused(refusal) => render_import(&state, &ctx, &actor, Some(refusal)).await,
    }
}

#[derive(Deserialize)]
struct ReportQuery {
    page: Option<i64>,
}

/// Why a row was skipped, in words.
fn skip_reason(ctx: &Ctx, s: &SkippedRow) -> String {
    let key = format!("ogp-skip-{}", s.reason.kind());
    let args: Vec<(&str, String)> = match &s.reason {
        SkipReason::Length { found, expected } => {
            vec![("found", found.to_string()), ("expected", expected.to_string())]
        }
        SkipReason::Duplicate { first_row } => vec![("first_row", first_row.to_string())],
        SkipReason::Unreadable { message } => vec![("message", message.clone())],
        SkipReason::NoIdentifier | SkipReason::NoTitle | SkipReason::Drafted => Vec::new(),
    };
    t_args(ctx.lang, &key, &args)
}

/// One import's report: rows imported and skipped (and why), every mismatch (paged), and the
/// date cells kept as text.
async fn report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCommitments)?;
    let record = state.services.commitment_import(&ctx.tenant, &actor, id).await?;
    let report = record.report().map_err(services::ServiceError::from)?;
    let total = report.mismatches.len();
    let pages = total.div_ceil(MISMATCHES_PER_PAGE).max(1);
    let current = (page_number(q.page) as usize).min(pages);
    let first = (current - 1) * MISMATCHES_PER_PAGE;
    let mismatches: Vec<MismatchView> = report
        .mismatches
        .iter()
        .skip(first)
        .take(MISMATCHES_PER_PAGE)
        .map(|m| MismatchView {
            row: m.row,
            identifier: m.identifier.clone(),
            column: m.column.clone(),
            label: m.label.clone(),
            found: m.found.clone(),
            written: m.written.clone(),
        })
        .collect();
    let href = |n: usize| format!("/admin/commitments/imports/{id}?page={n}#mismatches-heading");
    let mismatches_range = if pages > 1 {
        t_args(
            ctx.lang,
            "ogp-mismatches-range",
            &[
                ("from", (first + 1).to_string()),
                ("to", (first + mismatches.len()).to_string()),
                ("total", total.to_string()),
            ],
        )
    } else {
        String::new()
    };
    page(ImportReportPage {
        p: ctx.page(ctx.t("ogp-report-title")),
        file_name: record.file_name.clone(),
        at: date_time(&ctx, record.imported_at),
        by: record
            .imported_by_name
            .clone()
            .unwrap_or_else(|| ctx.t("ogp-import-by-machine")),
        rows_read: report.rows_read,
        imported: report.imported,
        replaced: report.replaced,
        skipped: report
            .skipped
            .iter()
            .map(|s| SkippedView {
                row: s.row,
                identifier: s.identifier.clone(),
                reason: skip_reason(&ctx, s),
            })
            .collect(),
        mismatches,
        mismatches_total: total,
        mismatches_range,
        prev_href: (current > 1).then(|| href(current - 1)),
        next_href: (current < pages).then(|| href(current + 1)),
        undated: report
            .undated
            .iter()
            .map(|u| UndatedView {
                row: u.row,
                identifier: u.identifier.clone(),
                column: u.column.clone(),
                raw: u.raw.clone(),
            })
            .collect(),
    })
}
