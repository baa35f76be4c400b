//! News items and the timeline, written by coordinators and read by everyone.

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::{Action, FieldError, NewsId, Text};
use store::{CycleRow, NewsInput, NewsItem, PhaseInput, TimelinePhase};

use crate::{Actor, ServiceError, Services, common::error::Result};

pub fn parse_news_form(values: &HashMap<String, String>) -> Result<NewsInput, Vec<FieldError>> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let title_sq = Text::parse("title_sq", get("title_sq"), true, 200);
    let body_sq = Text::parse("body_sq", get("body_sq"), true, 20_000);
    let title_en = Text::parse("title_en", get("title_en"), false, 200);
    let body_en = Text::parse("body_en", get("body_en"), false, 20_000);
    let errors: Vec<FieldError> = [
        title_sq.clone().err(),
        body_sq.clone().err(),
        title_en.clone().err(),
        body_en.clone().err(),
    ]
    .into_iter()
    .flatten()
    .collect();
    match (title_sq, body_sq, title_en, body_en) {
        (Ok(a), Ok(b), Ok(c), Ok(d)) if errors.is_empty() => Ok(NewsInput {
            title_sq: a.into_string(),
            body_sq: b.into_string(),
            title_en: c.into_string(),
            body_en: d.into_string(),
        }),
        _ => Err(errors),
    }
}

/// One page of news, newest first.
#[derive(Debug, Clone)]
pub struct NewsList {
    pub items: Vec<NewsItem>,
    pub has_next: bool,
}

/// The current cycle and its phases in order; no cycle and no phases before one is set up.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub cycle: Option<CycleRow>,
    pub phases: Vec<TimelinePhase>,
}

/// One row of the timeline form, as typed.
#[derive(Debug, Clone, Default)]
pub struct PhaseFormRow {
    pub title_sq: String,
    pub title_en: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// Longest phase title, in characters.
pub const PHASE_TITLE_MAX: usize = 200;

/// Parses the timeline rows; rows with an empty Albanian title are dropped. Errors are returned
/// as (row number from 1, the error): a title too long or with control characters, a bad date,
/// an end before the start.
pub fn parse_timeline(rows: &[PhaseFormRow]) -> Result<Vec<PhaseInput>, Vec<(usize, FieldError)>> {
    let mut phases = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if row.title_sq.trim().is_empty() {
            continue;
        }
        let title_sq = Text::parse("title_sq", &row.title_sq, true, PHASE_TITLE_MAX);
        let title_en = Text::parse("title_en", &row.title_en, false, PHASE_TITLE_MAX);
        // Written as the municipality writes dates: 30.11.2026.
        let start = NaiveDate::parse_from_str(row.starts_on.trim(), "%d.%m.%Y");
        let end = NaiveDate::parse_from_str(row.ends_on.trim(), "%d.%m.%Y");
        match (title_sq, title_en, start, end) {
            (Err(e), _, _, _) | (_, Err(e), _, _) => errors.push((i + 1, e)),
            (Ok(title_sq), Ok(title_en), Ok(s), Ok(e)) if s <= e => phases.push(PhaseInput {
                title_sq: title_sq.into_string(),
                title_en: title_en.into_string(),
                starts_on: s,
                ends_on: e,
            }),
            (_, _, Ok(_), Ok(_)) => errors.push((i + 1, FieldError::new("ends_on", "date_order"))),
            (_, _, Err(_), _) => errors.push((i + 1, FieldError::new("starts_on", "day_format"))),
            (_, _, Ok(_), Err(_)) => errors.push((i + 1, FieldError::new("ends_on", "day_format"))),
        }
    }
    if errors.is_empty() { Ok(phases) } else { Err(errors) }
}

impl Services {
    /// Page `page` (from 1) of the news.
    pub async fn news_list(&self, actor: &Actor, page: i64, per_page: i64) -> Result<NewsList> {
        actor.require(Action::ViewPublic)?;
        // One more than shown tells whether a next page exists without counting everything.
        let mut items = self
            .store
            .list_news(actor.tenant, per_page + 1, (page - 1) * per_page)
            .await?;
        let has_next = items.len() as i64 > per_page;
        items.truncate(usize::try_from(per_page).unwrap_or(0));
        Ok(NewsList { items, has_next })
    }

    pub async fn news_item(&self, actor: &Actor, id: NewsId) -> Result<NewsItem> {
        actor.require(Action::ViewPublic)?;
        self.store
            .news_item(actor.tenant, id)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// A news item as it stands, to fill the coordinator's form.
    pub async fn news_for_editing(&self, actor: &Actor, id: NewsId) -> Result<NewsItem> {
        actor.require_user(Action::EditNews)?;
        self.store
            .news_item(actor.tenant, id)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// The current cycle's timeline, for the public.
    pub async fn timeline(&self, actor: &Actor) -> Result<Timeline> {
        actor.require(Action::ViewPublic)?;
        let Some(cycle) = self.store.current_cycle(actor.tenant).await? else {
            return Ok(Timeline {
                cycle: None,
                phases: Vec::new(),
            });
        };
        let phases = self.store.timeline(actor.tenant, cycle.id).await?;
        Ok(Timeline {
            cycle: Some(cycle),
            phases,
        })
    }

    pub async fn create_news(&self, actor: &Actor, values: &HashMap<String, String>) -> Result<NewsId> {
        let user = actor.require_user(Action::EditNews)?;
        let input = parse_news_form(values).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self.store.create_news(actor.tenant, user, &input, &ctx).await?)
    }

    pub async fn update_news(&self, actor: &Actor, id: NewsId, values: &HashMap<String, String>) -> Result<()> {
        actor.require_user(Action::EditNews)?;
        let input = parse_news_form(values).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        Ok(self.store.update_news(actor.tenant, id, &input, &ctx).await?)
    }

    pub async fn delete_news(&self, actor: &Actor, id: NewsId) -> Result<()> {
        actor.require_user(Action::EditNews)?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        Ok(self.store.delete_news(actor.tenant, id, &ctx).await?)
    }

    /// The current cycle's phases, for the coordinator's form.
    pub async fn timeline_for_editing(&self, actor: &Actor) -> Result<Vec<TimelinePhase>> {
        actor.require_user(Action::EditTimeline)?;
        Ok(match self.store.current_cycle(actor.tenant).await? {
            Some(c) => self.store.timeline(actor.tenant, c.id).await?,
            None => Vec::new(),
        })
    }

    pub async fn replace_timeline(&self, actor: &Actor, phases: &[PhaseInput]) -> Result<()> {
        actor.require_user(Action::EditTimeline)?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        let cycle = match self.store.current_cycle(actor.tenant).await? {
            Some(c) => c.id,
            None => {
                return Ok(self
                    .store
                    .create_cycle(actor.tenant, "Cikli aktual", "Current cycle", phases, &ctx)
                    .await
                    .map(|_| ())?);
            }
        };
        Ok(self.store.replace_timeline(actor.tenant, cycle, phases, &ctx).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(t: &str, s: &str, e: &str) -> PhaseFormRow {
        PhaseFormRow {
            title_sq: t.into(),
            title_en: String::new(),
            starts_on: s.into(),
            ends_on: e.into(),
        }
    }

    #[test]
    fn timeline_rows_are_checked() {
        let ok = parse_timeline(&[row("Thirrja", "01.01.2026", "31.01.2026"), row("", "x", "y")]).unwrap();
        assert_eq!(ok.len(), 1);
        let err = parse_timeline(&[row("A", "01.02.2026", "01.01.2026"), row("B", "bad", "01.01.2026")]).unwrap_err();
        let codes: Vec<(usize, &str)> = err.iter().map(|(i, e)| (*i, e.code)).collect();
        assert_eq!(codes, vec![(1, "date_order"), (2, "day_format")]);
        // A title over the limit is refused with the limit, never cut to it.
        let long = "Ë".repeat(PHASE_TITLE_MAX + 1);
        let err = parse_timeline(&[row(&long, "01.01.2026", "31.01.2026")]).unwrap_err();
        assert_eq!(err[0].1, FieldError::too_long("title_sq", PHASE_TITLE_MAX));
    }

    #[test]
    fn news_needs_albanian_title_and_body() {
        let errs = parse_news_form(&HashMap::new()).unwrap_err();
        assert_eq!(
            errs.iter().map(|e| e.field).collect::<Vec<_>>(),
            vec!["title_sq", "body_sq"]
        );
    }
}
