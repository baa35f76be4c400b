//! The forum's health indicators: one public page, the same for the coordinator.

use axum::{Router, extract::State, response::Response, routing::get};
use services::forum::health::{ForumHealth, MeetingRef, Verdict};
use views::{EvidenceRow, ForumHealthPage, IndicatorView};

use crate::{
    AppError, AppState, Ctx,
    html::common::{localized, page},
};

pub fn router() -> Router<AppState> {
    Router::new().route("/forum/health", get(health))
}

async fn health(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let h = state.services.forum_health(&ctx.tenant, &ctx.actor()).await?;
    let indicators = indicators(&ctx, &h);
    page(ForumHealthPage {
        p: ctx.page(ctx.t("health-title")),
        has_forum: h.forum.is_some(),
        forum_name: h
            .forum
            .as_ref()
            .map(|f| localized(&ctx, &f.name_sq, &f.name_en).to_owned())
            .unwrap_or_default(),
        computed_at: h
            .computed_at
            .with_timezone(&ctx.tz())
            .format("%d.%m.%Y %H:%M")
            .to_string(),
        indicators,
    })
}

fn verdict(ctx: &Ctx, v: Verdict) -> (&'static str, String) {
    (v.key(), ctx.t(&format!("verdict-{}", v.key())))
}

/// The meeting's title and date as a reader sees it; a members-only title withheld.
fn meeting_label(ctx: &Ctx, m: &MeetingRef) -> String {
    let day = m.starts_at.with_timezone(&ctx.tz()).format("%d.%m.%Y");
    match (&m.title_sq, &m.title_en) {
        (Some(sq), Some(en)) => format!("{} ({day})", localized(ctx, sq, en)),
        _ => format!("{} ({day})", ctx.t("health-members-only")),
    }
}

fn meeting_href(m: &MeetingRef) -> Option<String> {
    m.title_sq.as_ref().map(|_| format!("/forum/meetings/{}", m.id))
}

/// Says that only some of the judged meetings are listed (those falling short, then the latest).
fn shown(ctx: &Ctx, shown: usize, total: usize) -> Option<String> {
    (shown < total).then(|| {
        views::t_args(
            ctx.lang,
            "health-evidence-shown",
            &args(&[("shown", shown.to_string()), ("total", total.to_string())]),
        )
    })
}

fn yes_no(ctx: &Ctx, b: bool) -> String {
    ctx.t(if b { "health-yes" } else { "health-no" })
}

/// Named arguments of a sentence.
fn args<'a>(pairs: &[(&'a str, String)]) -> Vec<(&'a str, String)> {
    pairs.to_vec()
}

fn indicators(ctx: &Ctx, h: &ForumHealth) -> Vec<IndicatorView> {
    let e = &h.existence;
    let rules = match e.rules_version {
        Some(v) => views::t_args(ctx.lang, "health-rules-yes", &args(&[("version", v.to_string())])),
        None => ctx.t("health-rules-no"),
    };
    let (ek, el) = verdict(ctx, e.verdict);
    let existence = IndicatorView {
        check: "1",
        note: None,
        title: ctx.t("health-existence"),
        verdict: ek,
        verdict_label: el,
        summary: views::t_args(
            ctx.lang,
            "health-existence-summary",
            &args(&[
                ("government", e.government.to_string()),
                ("others", e.non_government.to_string()),
                ("rules", rules),
            ]),
        ),
        columns: Vec::new(),
        rows: Vec::new(),
    };

    let r = &h.regularity;
    let gap = r
        .largest_gap
        .as_ref()
        .map(|(d, a, b)| {
            views::t_args(
                ctx.lang,
                "health-gap",
                &args(&[
                    ("days", d.to_string()),
                    ("from", meeting_label(ctx, a)),
                    ("to", meeting_label(ctx, b)),
                ]),
            )
        })
        .unwrap_or_default();
    let since = r
        .since_last_days
        .map(|d| views::t_args(ctx.lang, "health-since", &args(&[("days", d.to_string())])))
        .unwrap_or_default();
    let (rk, rl) = verdict(ctx, r.verdict);
    let regularity = IndicatorView {
        check: "2",
        note: None,
        title: ctx.t("health-regularity"),
        verdict: rk,
        verdict_label: rl,
        summary: views::t_args(
            ctx.lang,
            "health-regularity-summary",
            &args(&[
                ("held", r.held.to_string()),
                ("threshold", r.threshold_days.to_string()),
                ("gap", gap),
                ("since", since),
            ]),
        ),
        columns: Vec::new(),
        rows: Vec::new(),
    };

    let (nk, nl) = verdict(ctx, h.notice.verdict);
    let notice = IndicatorView {
        check: "6",
        note: shown(ctx, h.notice.meetings.len(), h.notice.total),
        title: ctx.t("health-notice"),
        verdict: nk,
        verdict_label: nl,
        summary: views::t_args(
            ctx.lang,
            "health-notice-summary",
            &args(&[("days", h.notice.threshold_days.to_string())]),
        ),
        columns: vec![
            ctx.t("health-meeting"),
            ctx.t("health-notice-days"),
            ctx.t("health-agenda"),
            ctx.t("health-documents"),
        ],
        rows: h
            .notice
            .meetings
            .iter()
            .map(|row| EvidenceRow {
                meeting: meeting_label(ctx, &row.meeting),
                href: meeting_href(&row.meeting),
                cells: vec![
                    row.notice_days
                        .map_or_else(|| ctx.t("health-not-given"), |d| d.to_string()),
                    yes_no(ctx, row.agenda),
                    row.documents.to_string(),
                ],
                verdict: Some(verdict(ctx, row.verdict)),
            })
            .collect(),
    };

    let (mk, ml) = verdict(ctx, h.minutes.verdict);
    let minutes = IndicatorView {
        check: "7",
        note: shown(ctx, h.minutes.meetings.len(), h.minutes.total),
        title: ctx.t("health-minutes"),
        verdict: mk,
        verdict_label: ml,
        summary: views::t_args(
            ctx.lang,
            "health-minutes-summary",
            &args(&[("days", h.minutes.threshold_days.to_string())]),
        ),
        columns: vec![
            ctx.t("health-meeting"),
            ctx.t("health-minutes-after"),
            ctx.t("health-attendance-recorded"),
        ],
        rows: h
            .minutes
            .meetings
            .iter()
            .map(|row| EvidenceRow {
                meeting: meeting_label(ctx, &row.meeting),
                href: meeting_href(&row.meeting),
                cells: vec![
                    match row.published_after_days {
                        Some(d) => d.to_string(),
                        None if row.still_due => ctx.t("health-still-due"),
                        None => ctx.t("health-not-yet"),
                    },
                    yes_no(ctx, row.attendance),
                ],
                verdict: Some(verdict(ctx, row.verdict)),
            })
            .collect(),
    };

    let c = &h.composition;
    let composition = IndicatorView {
        check: "1",
        note: None,
        title: ctx.t("health-composition"),
        verdict: if c.total > 0 { "pass" } else { "warn" },
        verdict_label: String::new(),
        summary: views::t_args(
            ctx.lang,
            "health-composition-summary",
            &args(&[
                ("total", c.total.to_string()),
                ("percent", c.non_government_percent.unwrap_or(0).to_string()),
            ]),
        ),
        columns: vec![ctx.t("health-sector"), ctx.t("health-count")],
        rows: c
            .by_sector
            .iter()
            .map(|s| EvidenceRow {
                meeting: ctx.t(&format!("sector-{}", s.sector.key())),
                href: None,
                cells: vec![s.count.to_string()],
                verdict: None,
            })
            .collect(),
    };

    let attendance = IndicatorView {
        check: "18",
        note: shown(ctx, h.attendance.len(), h.attendance_total),
        title: ctx.t("health-attendance"),
        verdict: "pass",
        verdict_label: String::new(),
        summary: ctx.t("health-attendance-summary"),
        columns: vec![ctx.t("health-meeting"), ctx.t("health-present")],
        rows: h
            .attendance
            .iter()
            .map(|row| EvidenceRow {
                meeting: meeting_label(ctx, &row.meeting),
                href: meeting_href(&row.meeting),
                cells: vec![if row.by_sector.is_empty() {
                    ctx.t("health-not-yet")
                } else {
                    row.by_sector
                        .iter()
                        .map(|(s, n)| format!("{}: {n}", ctx.t(&format!("sector-{}", s.key()))))
                        .collect::<Vec<_>>()
                        .join("; ")
                }],
                verdict: None,
            })
            .collect(),
    };
    vec![existence, composition, regularity, notice, minutes, attendance]
}
