//! The library: imported and published commitments of EVERY tenant, searched together so that a
//! drafter finds what other municipalities committed to and how the IRM rated it. This is the
//! one deliberate cross-tenant read of the platform, and it reads public data only: an imported
//! row (OGP's published data) or a drafted one whose status is public, through its public version.
//!
//! Search is accent-insensitive full text (SQLite FTS5 `commitments_fts`, PostgreSQL
//! `commitments.search_tsv`), ranked, with filters by OGP value, policy area and place (a
//! country or a locality), paged by page number (a ranked order has no stable keyset; the
//! order is total, rank then id, so pages never overlap).

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    commitments::{CommitmentDocument, DatePrecision, OgpValue, Origin},
    input::submission::{fts5_query, is_prefix_word},
};

use super::public::{Param, bind_params, decode, public_statuses_sql, push};
use crate::{BackendKind, Result, Store, StoreError, read};

/// A library search: folded words (`domain::input::submission::search_words`), filters, page.
#[derive(Debug, Clone, Default)]
pub struct LibraryFilter {
    pub words: Vec<String>,
    pub value: Option<OgpValue>,
    pub area: Option<String>,
    /// A country ("Albania") or a locality as OGP writes it ("Elbasan, Albania").
    pub place: Option<String>,
    pub page: i64,
    pub limit: i64,
}

/// A result: where it comes from, what it is, its dates as written; values, areas and ratings
/// are filled in by [`Store::library_search`] from their own tables.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LibraryRow {
    pub id: i64,
    pub tenant_id: i64,
    #[sqlx(try_from = "String")]
    pub origin: Origin,
    pub ogp_id: String,
    pub title: String,
    pub brief_description: String,
    pub starts_raw: String,
    pub starts_on: Option<NaiveDate>,
    /// How much of `starts_on` OGP's cell said (`DatePrecision` key); read with [`LibraryRow::starts_precision`].
    starts_precision: Option<String>,
    pub ends_raw: String,
    pub ends_on: Option<NaiveDate>,
    /// As `starts_precision`, for the end.
    ends_precision: Option<String>,
    pub locality: String,
    pub country: String,
    /// The publishing municipality's `Country/Locality` ("Elbasan, Albania") and names.
    pub tenant_locality: String,
    pub tenant_name_sq: String,
    pub tenant_name_en: String,
    #[sqlx(skip)]
    pub values: Vec<OgpValue>,
    #[sqlx(skip)]
    pub areas: Vec<String>,
    #[sqlx(skip)]
    pub ratings: Vec<RatingRow>,
}

impl LibraryRow {
    /// How much of the start date is known ("July 2014" is a month); `None` when not parsed.
    pub fn starts_precision(&self) -> Option<DatePrecision> {
        self.starts_precision.as_deref().and_then(DatePrecision::parse)
    }

    /// How much of the end date is known.
    pub fn ends_precision(&self) -> Option<DatePrecision> {
        self.ends_precision.as_deref().and_then(DatePrecision::parse)
    }

    /// Where the commitment comes from, as OGP writes it: "Elbasan, Albania", "Albania"; for a
    /// drafted one the municipality's `Country/Locality` (its name when that is not set).
    pub fn place(&self) -> String {
        match self.origin {
            Origin::Imported if self.locality.is_empty() => self.country.clone(),
            Origin::Imported => format!("{}, {}", self.locality, self.country),
            Origin::Drafted if self.tenant_locality.is_empty() => self.tenant_name_sq.clone(),
            Origin::Drafted => self.tenant_locality.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct LibraryPage {
    pub rows: Vec<LibraryRow>,
    pub more: bool,
}

/// One rating of a commitment (`commitment_assessments`), keys of `domain::commitments::scales`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RatingRow {
    pub commitment_id: i64,
    pub indicator: String,
    pub level_key: Option<String>,
    pub absent_reason: Option<String>,
    pub raw_label: String,
}

/// A library entry in full: the row, its public version's document, OGP's extra cells (for the
/// entry's URL on OGP's site) and the municipality's slug on OGP's site.
#[derive(Debug, Clone)]
pub struct LibraryEntry {
    pub row: LibraryRow,
    pub template_id: Option<i64>,
    pub document: CommitmentDocument,
    pub ogp_extra: String,
    pub tenant_ogp_slug: String,
    pub version_at: DateTime<Utc>,
}

const ROW_COLUMNS: &str = "c.id, c.tenant_id, c.origin, c.ogp_id, c.title, c.brief_description, c.starts_raw, \
     c.starts_on, c.starts_precision, c.ends_raw, c.ends_on, c.ends_precision, c.locality, c.country, t.ogp_locality AS tenant_locality, \
     t.name_sq AS tenant_name_sq, t.name_en AS tenant_name_en";

/// What the library may show: imported rows, and drafted ones while public.
///
/// On SQLite `origin` is compared as `+c.origin`, which keeps it off the indexes: otherwise the
/// planner answers the `OR` by reading every commitment through `ix_commitments__places` and
/// sorting them, where walking the table newest first stops after a page (0.7 ms instead of 8 ms
/// at 10,000 commitments). PostgreSQL has no unary `+` for text, nor the need.
fn visible_sql(kind: BackendKind) -> String {
    let origin = match kind {
        BackendKind::Sqlite => "+c.origin",
        BackendKind::Postgres => "c.origin",
    };
    format!(
        "c.public_version IS NOT NULL AND ({origin} = 'imported' OR ({origin} = 'drafted' AND c.status IN ({})))",
        public_statuses_sql()
    )
}

/// `$a, $b, ...` for `ids`, pushed as parameters.
fn id_list(params: &mut Vec<Param>, ids: &[i64]) -> String {
    ids.iter()
        .map(|id| format!("${}", push(params, Param::Int(*id))))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// A page of the library (see [`LibraryFilter`]); ranked by relevance when words are given,
    /// newest first otherwise.
    pub async fn library_search(&self, f: &LibraryFilter) -> Result<LibraryPage> {
        let mut params: Vec<Param> = Vec::new();
        let mut from = String::from("commitments c JOIN tenants t ON t.id = c.tenant_id");
        let mut filters = vec![visible_sql(self.kind())];
        let mut order = "c.id DESC".to_owned();
        if !f.words.is_empty() {
            match self.kind() {
                BackendKind::Sqlite => {
                    let n = push(&mut params, Param::Text(fts5_query(&f.words)));
                    // The title weighs more than the body; bm25 is lower for a better match.
                    // The matches come first (`CROSS JOIN` keeps them the outer loop): left to
                    // itself SQLite 3.51 walked the commitments and ran the full-text query once
                    // for each, 4 s for a common word with a value filter instead of 3 ms.
                    from = format!(
                        "(SELECT rowid AS fid, bm25(commitments_fts, 4.0, 1.0) AS rank FROM commitments_fts
                          WHERE commitments_fts MATCH ${n}) f
                         CROSS JOIN commitments c ON c.id = f.fid JOIN tenants t ON t.id = c.tenant_id"
                    );
                    order = "f.rank, c.id DESC".to_owned();
                }
                BackendKind::Postgres => {
                    // As the input list does: each folded word quoted after `bashke_unaccent`,
                    // all required, the last a prefix.
                    let parts: Vec<String> = f
                        .words
                        .iter()
                        .enumerate()
                        .map(|(i, word)| {
                            let n = push(&mut params, Param::Text(word.clone()));
                            let prefix = if is_prefix_word(&f.words, i) { " || ':*'" } else { "" };
                            format!("to_tsquery('simple'::regconfig, quote_literal(bashke_unaccent(${n})){prefix})")
                        })
                        .collect();
                    let query = format!("({})", parts.join(" && "));
                    filters.push(format!("c.search_tsv @@ {query}"));
                    order = format!("ts_rank(c.search_tsv, {query}) DESC, c.id DESC");
                }
            }
        }
        // The filters are sets of ids read from their indexes once (not a test per commitment),
        // so that a rare value, area or place costs a few lookups whatever the library's size.
        if let Some(v) = f.value {
            let n = push(&mut params, Param::Text(v.key().to_owned()));
            filters.push(format!(
                "c.id IN (SELECT cv.commitment_id FROM commitment_values cv WHERE cv.value_key = ${n})"
            ));
        }
        if let Some(a) = &f.area {
            let n = push(&mut params, Param::Text(a.clone()));
            filters.push(format!(
                "c.id IN (SELECT ca.commitment_id FROM commitment_policy_areas ca WHERE ca.area_key = ${n})"
            ));
        }
        if let Some(place) = &f.place {
            // Read from `ix_commitments__places` alone (origin, country, locality).
            let n = push(&mut params, Param::Text(place.clone()));
            let suffix = push(&mut params, Param::Text(format!("%, {place}")));
            filters.push(format!(
                "c.id IN (SELECT p.id FROM commitments p WHERE p.origin = 'imported'
                            AND (p.country = ${n} OR (p.locality <> '' AND p.locality || ', ' || p.country = ${n}))
                          UNION ALL SELECT p.id FROM commitments p JOIN tenants pt ON pt.id = p.tenant_id
                            WHERE p.origin = 'drafted' AND (pt.ogp_locality = ${n} OR pt.ogp_locality LIKE ${suffix}))"
            ));
        }
        let limit = push(&mut params, Param::Int(f.limit + 1));
        let offset = push(&mut params, Param::Int(f.page.max(0) * f.limit));
        let sql = format!(
            "SELECT {ROW_COLUMNS} FROM {from} WHERE {} ORDER BY {order} LIMIT ${limit} OFFSET ${offset}",
            filters.join(" AND ")
        );
        let mut rows: Vec<LibraryRow> = read!(self, |db| {
            bind_params!(sqlx::query_as::<_, LibraryRow>(sqlx::AssertSqlSafe(sql)), &params)
                .fetch_all(db)
                .await?
        });
        let more = rows.len() as i64 > f.limit;
        rows.truncate(f.limit.max(0) as usize);
        self.fill_library_rows(&mut rows).await?;
        Ok(LibraryPage { rows, more })
    }

    /// Values, areas and ratings of the rows, three statements for the whole page.
    async fn fill_library_rows(&self, rows: &mut [LibraryRow]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        #[derive(sqlx::FromRow)]
        struct KeyRow {
            commitment_id: i64,
            key: String,
        }
        let mut params = Vec::new();
        let list = id_list(&mut params, &ids);
        let values_sql = format!(
            "SELECT commitment_id, value_key AS key FROM commitment_values WHERE commitment_id IN ({list}) ORDER BY value_key"
        );
        let values: Vec<KeyRow> = read!(self, |db| {
            bind_params!(
                sqlx::query_as::<_, KeyRow>(sqlx::AssertSqlSafe(values_sql.clone())),
                &params
            )
            .fetch_all(db)
            .await?
        });
        let areas_sql = format!(
            "SELECT commitment_id, area_key AS key FROM commitment_policy_areas WHERE commitment_id IN ({list})"
        );
        let areas: Vec<KeyRow> = read!(self, |db| {
            bind_params!(
                sqlx::query_as::<_, KeyRow>(sqlx::AssertSqlSafe(areas_sql.clone())),
                &params
            )
            .fetch_all(db)
            .await?
        });
        let ratings_sql = format!(
            "SELECT commitment_id, indicator, level_key, absent_reason, raw_label FROM commitment_assessments
             WHERE commitment_id IN ({list}) ORDER BY id"
        );
        let ratings: Vec<RatingRow> = read!(self, |db| {
            bind_params!(
                sqlx::query_as::<_, RatingRow>(sqlx::AssertSqlSafe(ratings_sql.clone())),
                &params
            )
            .fetch_all(db)
            .await?
        });
        for row in rows.iter_mut() {
            row.values = values
                .iter()
                .filter(|v| v.commitment_id == row.id)
                .filter_map(|v| OgpValue::parse(&v.key))
                .collect();
            // Areas in the vocabulary's order (OGP's column order), whatever the table's.
            let mut mine: Vec<&str> = areas
                .iter()
                .filter(|a| a.commitment_id == row.id)
                .map(|a| a.key.as_str())
                .collect();
            mine.sort_by_key(|k| {
                domain::commitments::vocabulary::POLICY_AREAS
                    .iter()
                    .position(|a| a.key == *k)
                    .unwrap_or(usize::MAX)
            });
            row.areas = mine.into_iter().map(str::to_owned).collect();
            row.ratings = ratings.iter().filter(|r| r.commitment_id == row.id).cloned().collect();
        }
        Ok(())
    }

    /// One library entry by its id, whichever municipality holds it; `None` unless the library
    /// may show it.
    pub async fn library_entry(&self, id: i64) -> Result<Option<LibraryEntry>> {
        #[derive(sqlx::FromRow)]
        struct Extra {
            template_id: Option<i64>,
            document: String,
            ogp_extra: String,
            ogp_slug: String,
            version_at: DateTime<Utc>,
        }
        let sql = format!(
            "SELECT {ROW_COLUMNS} FROM commitments c JOIN tenants t ON t.id = c.tenant_id WHERE c.id = $1 AND {}",
            visible_sql(self.kind())
        );
        let row: Option<LibraryRow> = read!(self, |db| {
            sqlx::query_as::<_, LibraryRow>(sqlx::AssertSqlSafe(sql))
                .bind(id)
                .fetch_optional(db)
                .await?
        });
        let Some(row) = row else {
            return Ok(None);
        };
        let extra: Option<Extra> = read!(self, |db| {
            sqlx::query_as::<_, Extra>(
                "SELECT v.template_id, v.document, c.ogp_extra, t.ogp_slug, v.created_at AS version_at
                 FROM commitments c JOIN tenants t ON t.id = c.tenant_id
                 JOIN commitment_versions v ON v.tenant_id = c.tenant_id AND v.commitment_id = c.id
                      AND v.number = c.public_version
                 WHERE c.id = $1",
            )
            .bind(id)
            .fetch_optional(db)
            .await?
        });
        let Some(extra) = extra else {
            return Err(StoreError::Database(sqlx::Error::RowNotFound));
        };
        let mut rows = [row];
        self.fill_library_rows(&mut rows).await?;
        let [row] = rows;
        Ok(Some(LibraryEntry {
            row,
            template_id: extra.template_id,
            document: decode(&extra.document)?,
            ogp_extra: extra.ogp_extra,
            tenant_ogp_slug: extra.ogp_slug,
            version_at: extra.version_at,
        }))
    }

    /// The places the library's filter offers: every country, OGP locality and municipality
    /// locality that has something in the library, sorted.
    pub async fn library_places(&self) -> Result<Vec<String>> {
        let sql = format!(
            "SELECT DISTINCT c.country AS place FROM commitments c WHERE c.origin = 'imported' AND c.country <> ''
               AND c.public_version IS NOT NULL
             UNION SELECT DISTINCT c.locality || ', ' || c.country FROM commitments c
               WHERE c.origin = 'imported' AND c.locality <> '' AND c.public_version IS NOT NULL
             UNION SELECT t.ogp_locality FROM tenants t WHERE t.ogp_locality <> ''
               AND EXISTS (SELECT 1 FROM commitments c WHERE c.tenant_id = t.id AND c.origin = 'drafted' AND {})",
            visible_sql(self.kind())
        );
        // The first two parts read the covering index `ix_commitments__places` alone; the third
        // asks each municipality for one public draft (a seek on `ix_commitments__origin`) instead
        // of reading every commitment's row, which cost 50 ms at 10,000 imported commitments.
        let mut places: Vec<String> = read!(self, |db| {
            sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql))
                .fetch_all(db)
                .await?
        });
        places.sort();
        places.dedup();
        Ok(places)
    }

    /// The ratings of one of the tenant's commitments (its public page).
    pub async fn commitment_ratings(&self, tenant: domain::TenantId, id: i64) -> Result<Vec<RatingRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, RatingRow>(
                "SELECT commitment_id, indicator, level_key, absent_reason, raw_label FROM commitment_assessments
                 WHERE tenant_id = $1 AND commitment_id = $2 ORDER BY id",
            )
            .bind(tenant.0)
            .bind(id)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }
}
