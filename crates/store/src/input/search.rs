//! The public list of a phase's inputs: filters (theme, unit, kind, status), four orders paged by
//! keyset (the last row's sort key and id, never OFFSET: each page is an index range), full-text
//! search without accents (SQLite FTS5 / PostgreSQL `tsvector`, see the table in `lib.rs`), and
//! the counts per theme and per unit shown beside the filters. A hidden input's title never
//! leaves this module: its card carries the moderator's reason instead.

use chrono::{DateTime, Utc};
use domain::{
    TenantId,
    input::{
        InputKind, InputSort, InputState,
        submission::{CursorKey, ListCursor, StatusFilter, fts5_query, is_prefix_word},
    },
};

use crate::{BackendKind, Result, Store, read};

/// What the list shows: one phase, optional filters, the search words (folded, see
/// `domain::input::submission::search_words`), an order and where the page starts.
#[derive(Debug, Clone)]
pub struct InputFilter {
    pub phase: i64,
    pub theme: Option<i64>,
    pub unit: Option<String>,
    pub kind: Option<InputKind>,
    pub status: Option<StatusFilter>,
    pub words: Vec<String>,
    pub sort: InputSort,
    pub after: Option<ListCursor>,
    /// Rows per page; one more is read to know whether another page follows.
    pub limit: i64,
}

/// A card of the list. `title` is empty for a hidden input (its `hidden_reason` is shown).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct InputCard {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: InputKind,
    pub title: String,
    pub theme_id: Option<i64>,
    pub theme_sq: Option<String>,
    pub theme_en: Option<String>,
    pub admin_unit: String,
    #[sqlx(try_from = "String")]
    pub state: InputState,
    pub hidden_at: Option<DateTime<Utc>>,
    pub hidden_reason: String,
    pub support_count: i64,
    pub comment_count: i64,
    pub answer_status: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl InputCard {
    /// Where the next page starts when this card is the last of a page.
    pub fn cursor(&self, sort: InputSort) -> ListCursor {
        let key = match sort {
            InputSort::Newest => CursorKey::Time(self.created_at),
            InputSort::RecentlyAnswered => CursorKey::Time(self.answered_at.unwrap_or(self.created_at)),
            InputSort::MostSupported => CursorKey::Count(self.support_count),
            InputSort::MostDiscussed => CursorKey::Count(self.comment_count),
        };
        ListCursor { key, id: self.id }
    }
}

/// One page of the list.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputPage {
    pub cards: Vec<InputCard>,
    /// The cursor of the next page, when there is one.
    #[serde(skip)]
    pub next: Option<ListCursor>,
}

/// How many published inputs a theme or a unit holds.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ThemeCount {
    pub theme_id: Option<i64>,
    pub n: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct UnitCount {
    pub admin_unit: String,
    pub n: i64,
}

/// A value bound to the list's statement, in order.
enum Param {
    Int(i64),
    Text(String),
    Time(DateTime<Utc>),
}

/// Binds `params` in order (expanded once per backend, so each bind is typed for its driver).
macro_rules! bind_params {
    ($q:expr, $params:expr) => {{
        let mut q = $q;
        for p in $params {
            q = match p {
                Param::Int(v) => q.bind(*v),
                Param::Text(v) => q.bind(v.clone()),
                Param::Time(v) => q.bind(*v),
            };
        }
        q
    }};
}

const CARD_COLUMNS: &str = "i.id, i.kind, CASE WHEN i.hidden_at IS NULL THEN i.title ELSE '' END AS title, i.theme_id, \
     th.title_sq AS theme_sq, th.title_en AS theme_en, i.admin_unit, i.state, i.hidden_at, i.hidden_reason, \
     i.support_count, i.comment_count, i.answer_status, i.answered_at, i.created_at";

/// Adds a parameter; evaluates to its number (`$n`).
fn push(params: &mut Vec<Param>, p: Param) -> usize {
    params.push(p);
    params.len()
}

impl Store {
    /// A page of a phase's inputs (see [`InputFilter`]).
    pub async fn list_inputs(&self, tenant: TenantId, f: &InputFilter) -> Result<InputPage> {
        let mut params = vec![Param::Int(tenant.0), Param::Int(f.phase)];
        let mut sql = format!(
            "SELECT {CARD_COLUMNS} FROM inputs i LEFT JOIN input_themes th ON th.id = i.theme_id
             WHERE i.tenant_id = $1 AND i.phase_id = $2"
        );
        if let Some(theme) = f.theme {
            let n = push(&mut params, Param::Int(theme));
            sql.push_str(&format!(" AND i.theme_id = ${n}"));
        }
        if let Some(unit) = &f.unit {
            let n = push(&mut params, Param::Text(unit.clone()));
            sql.push_str(&format!(" AND i.admin_unit = ${n}"));
        }
        if let Some(kind) = f.kind {
            let n = push(&mut params, Param::Text(kind.key().into()));
            sql.push_str(&format!(" AND i.kind = ${n}"));
        }
        match f.status {
            None => sql.push_str(" AND i.state = 'published'"),
            Some(StatusFilter::Withdrawn) => sql.push_str(" AND i.state = 'withdrawn'"),
            Some(StatusFilter::Unanswered) => sql.push_str(" AND i.state = 'published' AND i.answer_status IS NULL"),
            Some(StatusFilter::Answer(s)) => {
                let n = push(&mut params, Param::Text(s.key().into()));
                sql.push_str(&format!(" AND i.state = 'published' AND i.answer_status = ${n}"));
            }
        }
        if !f.words.is_empty() {
            // Hidden text is never searched: finding a hidden input by a word would tell the word.
            sql.push_str(" AND i.hidden_at IS NULL");
            match self.kind() {
                BackendKind::Sqlite => {
                    let n = push(&mut params, Param::Text(fts5_query(&f.words)));
                    sql.push_str(&format!(
                        " AND i.id IN (SELECT rowid FROM inputs_fts WHERE inputs_fts MATCH ${n})"
                    ));
                }
                BackendKind::Postgres => {
                    // `unaccent` runs after the words were checked, and may turn a letter into
                    // tsquery syntax ("ŉ" → "'n", "⑴" → "(1)"): each word is quoted after it,
                    // one `to_tsquery` per word, all required (`&&`), the last a prefix.
                    let mut parts = Vec::with_capacity(f.words.len());
                    for (i, word) in f.words.iter().enumerate() {
                        let n = push(&mut params, Param::Text(word.clone()));
                        let prefix = if is_prefix_word(&f.words, i) { " || ':*'" } else { "" };
                        parts.push(format!(
                            "to_tsquery('simple'::regconfig, quote_literal(bashke_unaccent(${n})){prefix})"
                        ));
                    }
                    sql.push_str(&format!(" AND i.search_tsv @@ ({})", parts.join(" && ")));
                }
            }
        }
        let column = match f.sort {
            InputSort::Newest => "i.created_at",
            InputSort::MostSupported => "i.support_count",
            InputSort::MostDiscussed => "i.comment_count",
            InputSort::RecentlyAnswered => {
                sql.push_str(" AND i.answered_at IS NOT NULL");
                "i.answered_at"
            }
        };
        if let Some(after) = f.after {
            let key = match after.key {
                CursorKey::Time(t) => Param::Time(t),
                CursorKey::Count(c) => Param::Int(c),
            };
            let k = push(&mut params, key);
            let id = push(&mut params, Param::Int(after.id));
            sql.push_str(&format!(" AND ({column} < ${k} OR ({column} = ${k} AND i.id < ${id}))"));
        }
        let limit = push(&mut params, Param::Int(f.limit + 1));
        sql.push_str(&format!(" ORDER BY {column} DESC, i.id DESC LIMIT ${limit}"));
        let mut cards: Vec<InputCard> = read!(self, |db| {
            bind_params!(sqlx::query_as::<_, InputCard>(sqlx::AssertSqlSafe(sql)), &params)
                .fetch_all(db)
                .await?
        });
        let more = cards.len() as i64 > f.limit;
        cards.truncate(f.limit.max(0) as usize);
        let next = if more {
            cards.last().map(|c| c.cursor(f.sort))
        } else {
            None
        };
        Ok(InputPage { cards, next })
    }

    /// Published inputs per theme of a phase: a sum over the phase's tallies (`input_tallies`,
    /// a row per theme and unit), not a count of its inputs.
    pub async fn input_counts_by_theme(&self, tenant: TenantId, phase: i64) -> Result<Vec<ThemeCount>> {
        read!(self, |db| {
            sqlx::query_as::<_, ThemeCount>(
                "SELECT NULLIF(theme_key, 0) AS theme_id, CAST(SUM(n) AS BIGINT) AS n FROM input_tallies
                 WHERE tenant_id = $1 AND phase_id = $2 GROUP BY theme_key HAVING SUM(n) > 0",
            )
            .bind(tenant.0)
            .bind(phase)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Published inputs per administrative unit of a phase: a sum over its tallies.
    pub async fn input_counts_by_unit(&self, tenant: TenantId, phase: i64) -> Result<Vec<UnitCount>> {
        read!(self, |db| {
            sqlx::query_as::<_, UnitCount>(
                "SELECT admin_unit, CAST(SUM(n) AS BIGINT) AS n FROM input_tallies
                 WHERE tenant_id = $1 AND phase_id = $2 GROUP BY admin_unit HAVING SUM(n) > 0
                 ORDER BY admin_unit",
            )
            .bind(tenant.0)
            .bind(phase)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }
}
