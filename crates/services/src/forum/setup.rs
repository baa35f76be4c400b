//! Setting up the forum of a cycle: its name, mandate and legal basis, the call that chose its
//! members, the versions of its terms of reference and participation rules (compared word by
//! word), the legal basis's document, and the municipality's positions. Also what the public
//! page of the forum shows, composition included.

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::{
    Action, FieldError, ForumId, Text,
    forum::{Gender, MemberStatus, Sector},
};
use sha2::{Digest, Sha256};
use store::{
    CallRow, CandidateRow, CycleRow, FileMeta, ForumInput, ForumRow, MemberRow, NewFile, PositionRow, TenantRow,
    TextVersionRow, TextsInput,
};

use super::diff::{self, FieldDiff};
use crate::{Actor, ServiceError, Services, common::error::Result, open_call::files::clean_filename};

/// Longest name of a forum, and of its other short texts.
pub const NAME_MAX: usize = 200;
/// Longest mandate or legal-basis text.
pub const MANDATE_MAX: usize = 4000;
/// Longest terms of reference or participation rules (each language).
pub const TEXTS_MAX: usize = 50_000;
/// Longest note of a version.
pub const NOTE_MAX: usize = 500;

/// The value of a form field, or "" when it was not sent.
pub(crate) fn get<'a>(values: &'a HashMap<String, String>, key: &str) -> &'a str {
    values.get(key).map(String::as_str).unwrap_or("")
}

/// A day as the municipality writes it ("30.11.2026"); empty is `None` when not `required`.
pub fn parse_day(field: &'static str, raw: &str, required: bool) -> Result<Option<NaiveDate>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return if required {
            Err(FieldError::new(field, "required"))
        } else {
            Ok(None)
        };
    }
    NaiveDate::parse_from_str(raw, "%d.%m.%Y")
        .ok()
        // chrono reads a year of one to four digits: "1.2.26" is a mistake, not the year 26.
        .filter(|d| (2000..=2099).contains(&chrono::Datelike::year(d)))
        .map(Some)
        .ok_or(FieldError::new(field, "day_format"))
}

/// Writes a day as it is typed: "30.11.2026".
pub fn format_day(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// Parses the forum's form. `call` is the id of one of the tenant's calls, or empty.
pub fn parse_forum_form(values: &HashMap<String, String>, calls: &[CallRow]) -> Result<ForumInput, Vec<FieldError>> {
    let text = |field: &'static str, required: bool, max: usize| Text::parse(field, get(values, field), required, max);
    let name_sq = text("name_sq", true, NAME_MAX);
    let name_en = text("name_en", false, NAME_MAX);
    let mandate_sq = text("mandate_sq", false, MANDATE_MAX);
    let mandate_en = text("mandate_en", false, MANDATE_MAX);
    let legal_basis_sq = text("legal_basis_sq", false, MANDATE_MAX);
    let legal_basis_en = text("legal_basis_en", false, MANDATE_MAX);
    let legal_number = text("legal_number", false, 100);
    let legal_date = parse_day("legal_date", get(values, "legal_date"), false);
    let call_raw = get(values, "call_id").trim();
    let call_id = if call_raw.is_empty() {
        Ok(None)
    } else {
        call_raw
            .parse::<i64>()
            .ok()
            .filter(|id| calls.iter().any(|c| c.id == *id))
            .map(Some)
            .ok_or(FieldError::new("call_id", "choice_invalid"))
    };
    let errors: Vec<FieldError> = [
        name_sq.clone().err(),
        name_en.clone().err(),
        mandate_sq.clone().err(),
        mandate_en.clone().err(),
        legal_basis_sq.clone().err(),
        legal_basis_en.clone().err(),
        legal_number.clone().err(),
        legal_date.clone().err(),
        call_id.clone().err(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let s = |r: Result<Text, FieldError>| r.map(Text::into_string).unwrap_or_default();
    Ok(ForumInput {
        name_sq: s(name_sq),
        name_en: s(name_en),
        mandate_sq: s(mandate_sq),
        mandate_en: s(mandate_en),
        legal_basis_sq: s(legal_basis_sq),
        legal_basis_en: s(legal_basis_en),
        legal_number: s(legal_number),
        legal_date: legal_date.unwrap_or(None),
        call_id: call_id.unwrap_or(None),
    })
}

/// Parses a new version of the texts: something must be written in Albanian, terms or rules.
pub fn parse_texts_form(values: &HashMap<String, String>) -> Result<TextsInput, Vec<FieldError>> {
    let text = |field: &'static str, max: usize| Text::parse(field, get(values, field), false, max);
    let fields = [
        text("terms_sq", TEXTS_MAX),
        text("terms_en", TEXTS_MAX),
        text("rules_sq", TEXTS_MAX),
        text("rules_en", TEXTS_MAX),
        text("note", NOTE_MAX),
    ];
    let mut errors: Vec<FieldError> = fields.iter().filter_map(|r| r.clone().err()).collect();
    if errors.is_empty() {
        let empty = |i: usize| fields[i].as_ref().map(Text::is_empty).unwrap_or(true);
        if empty(0) && empty(2) {
            errors.push(FieldError::new("terms_sq", "texts_empty"));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let [terms_sq, terms_en, rules_sq, rules_en, note] = fields.map(|r| r.map(Text::into_string).unwrap_or_default());
    Ok(TextsInput {
        terms_sq,
        terms_en,
        rules_sq,
        rules_en,
        note,
    })
}

/// The forum's composition: accepted members by sector, the share of non-government members,
/// and gender counts only of those who chose to record it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Composition {
    pub total: i64,
    pub by_sector: Vec<(Sector, i64)>,
    pub non_government: i64,
    /// Rounded to the nearest whole percent; `None` without members.
    pub non_government_percent: Option<i64>,
    pub by_gender: Vec<(Gender, i64)>,
    /// Members who recorded their gender (the counts are of these only).
    pub gender_recorded: i64,
}

/// Counts the accepted members among `members` (others do not count).
pub fn composition(members: &[MemberRow]) -> Composition {
    let accepted: Vec<&MemberRow> = members.iter().filter(|m| m.status == MemberStatus::Accepted).collect();
    let total = accepted.len() as i64;
    let by_sector: Vec<(Sector, i64)> = Sector::ALL
        .iter()
        .map(|s| (*s, accepted.iter().filter(|m| m.sector == *s).count() as i64))
        .filter(|(_, n)| *n > 0)
        .collect();
    let non_government = accepted.iter().filter(|m| !m.sector.is_government()).count() as i64;
    let by_gender: Vec<(Gender, i64)> = Gender::ALL
        .iter()
        .map(|g| (*g, accepted.iter().filter(|m| m.gender() == Some(*g)).count() as i64))
        .filter(|(_, n)| *n > 0)
        .collect();
    Composition {
        total,
        by_sector,
        non_government,
        non_government_percent: (total > 0).then(|| (non_government * 100 + total / 2) / total),
        gender_recorded: by_gender.iter().map(|(_, n)| n).sum(),
        by_gender,
    }
}

/// What the public page of the forum shows.
#[derive(Debug, Clone)]
pub struct ForumPublic {
    pub forum: ForumRow,
    pub texts: Option<TextVersionRow>,
    /// Accepted members, by sector then name.
    pub members: Vec<MemberRow>,
    pub positions: Vec<PositionRow>,
    pub composition: Composition,
    pub legal_file: Option<FileMeta>,
    /// The call that chose the members, when published.
    pub call: Option<CallRow>,
}

/// The coordinator's page of the forum.
#[derive(Debug, Clone)]
pub struct ForumAdmin {
    pub cycle: Option<CycleRow>,
    pub forum: Option<ForumRow>,
    pub texts: Option<TextVersionRow>,
    pub legal_file: Option<FileMeta>,
    /// A page of seats, every status.
    pub members: Vec<MemberRow>,
    pub members_total: i64,
    pub candidates: Vec<CandidateRow>,
    pub positions: Vec<PositionRow>,
    /// The calls the forum's members may have come from (published ones).
    pub calls: Vec<CallRow>,
}

/// Two versions of the texts compared.
#[derive(Debug, Clone)]
pub struct TextsComparison {
    pub from: TextVersionRow,
    pub to: TextVersionRow,
    pub terms_sq: FieldDiff,
    pub terms_en: FieldDiff,
    pub rules_sq: FieldDiff,
    pub rules_en: FieldDiff,
}

/// A position's row as typed on the positions page.
#[derive(Debug, Clone, Default)]
pub struct PositionFormRow {
    pub pos_key: String,
    pub label_sq: String,
    pub label_en: String,
    pub sort_order: String,
    pub approves_minutes: bool,
}

/// The field of box `column` of the positions table in row `row` (`pos_key-2`).
pub fn position_field(row: usize, column: usize) -> &'static str {
    static NAMES: std::sync::LazyLock<Vec<Vec<String>>> = std::sync::LazyLock::new(|| {
        (0..POSITIONS_MAX)
            .map(|row| {
                ["pos_key", "label_sq", "label_en", "sort_order"]
                    .iter()
                    .map(|b| format!("{b}-{row}"))
                    .collect()
            })
            .collect()
    });
    NAMES
        .get(row)
        .and_then(|r| r.get(column))
        .map(String::as_str)
        .unwrap_or("positions")
}

/// A municipality has a handful of positions; more is a mistake.
pub const POSITIONS_MAX: usize = 20;

/// Parses the positions table: blank rows are skipped; a key is lower-case letters, digits and
/// `_`, unique; a label in Albanian is needed (the defaults' keys may keep theirs empty).
pub fn parse_positions(rows: &[PositionFormRow]) -> Result<Vec<PositionRow>, Vec<FieldError>> {
    let mut out: Vec<PositionRow> = Vec::new();
    let mut errors = Vec::new();
    let filled: Vec<(usize, &PositionFormRow)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !(r.pos_key.trim().is_empty() && r.label_sq.trim().is_empty() && r.label_en.trim().is_empty()))
        .collect();
    if filled.len() > POSITIONS_MAX {
        return Err(vec![FieldError::new("positions", "positions_too_many")]);
    }
    if filled.is_empty() {
        return Err(vec![FieldError::new(position_field(0, 0), "required")]);
    }
    for (i, row) in filled {
        let key = row.pos_key.trim();
        let key_ok = (1..=40).contains(&key.len())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !key_ok {
            errors.push(FieldError::new(position_field(i, 0), "position_key"));
            continue;
        }
        if out.iter().any(|p| p.pos_key == key) {
            errors.push(FieldError::new(position_field(i, 0), "position_twice"));
            continue;
        }
        let is_default = domain::forum::DEFAULT_POSITIONS.iter().any(|d| d.key == key);
        let label_sq = Text::parse(position_field(i, 1), &row.label_sq, !is_default, NAME_MAX);
        let label_en = Text::parse(position_field(i, 2), &row.label_en, false, NAME_MAX);
        let order_raw = row.sort_order.trim();
        let order = if order_raw.is_empty() {
            Ok(i as i64)
        } else {
            order_raw
                .parse::<i64>()
                .ok()
                .filter(|n| (0..=1000).contains(n))
                .ok_or(FieldError::new(position_field(i, 3), "number_invalid"))
        };
        match (label_sq, label_en, order) {
            (Ok(label_sq), Ok(label_en), Ok(sort_order)) => out.push(PositionRow {
                pos_key: key.to_owned(),
                label_sq: label_sq.into_string(),
                label_en: label_en.into_string(),
                sort_order,
                approves_minutes: row.approves_minutes,
            }),
            (a, b, c) => errors.extend(a.err().into_iter().chain(b.err()).chain(c.err())),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

impl Services {
    /// The current cycle's forum as the public sees it; `None` before it is set up.
    pub async fn forum_public(&self, actor: &Actor) -> Result<Option<ForumPublic>> {
        actor.require(Action::ViewPublic)?;
        let Some(forum) = self.store.current_forum(actor.tenant).await? else {
            return Ok(None);
        };
        let id = ForumId(forum.id);
        let members = self.store.accepted_members(actor.tenant, id).await?;
        let call = match forum.call_id {
            Some(call) => self
                .store
                .call(actor.tenant, domain::CallId(call))
                .await?
                .filter(CallRow::is_published),
            None => None,
        };
        Ok(Some(ForumPublic {
            texts: self.store.text_version(actor.tenant, id, None).await?,
            composition: composition(&members),
            members,
            positions: self.store.forum_positions(actor.tenant).await?,
            legal_file: self.store.legal_file_meta(actor.tenant, id).await?,
            call,
            forum,
        }))
    }

    /// The current forum, or "not found".
    async fn setup_current_forum_or_404(&self, actor: &Actor) -> Result<ForumRow> {
        self.store
            .current_forum(actor.tenant)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// A page of the texts' versions, newest first, with how many there are.
    pub async fn forum_text_versions(
        &self,
        actor: &Actor,
        page: i64,
        per_page: i64,
    ) -> Result<(ForumRow, Vec<TextVersionRow>, i64)> {
        actor.require(Action::ViewPublic)?;
        let forum = self.setup_current_forum_or_404(actor).await?;
        let (rows, total) = self
            .store
            .text_versions(actor.tenant, ForumId(forum.id), per_page, (page - 1) * per_page)
            .await?;
        Ok((forum, rows, total))
    }

    /// Two versions compared word by word. A version number that is not a number, or names no
    /// version, is an error on its field.
    pub async fn compare_forum_texts(&self, actor: &Actor, from: &str, to: &str) -> Result<TextsComparison> {
        actor.require(Action::ViewPublic)?;
        let forum = self.setup_current_forum_or_404(actor).await?;
        let id = ForumId(forum.id);
        let mut errors = Vec::new();
        let mut load = async |field: &'static str, raw: &str| -> Result<Option<TextVersionRow>> {
            let Some(n) = raw.trim().parse::<i64>().ok().filter(|n| *n >= 1) else {
                errors.push(FieldError::new(field, "version_unknown"));
                return Ok(None);
            };
            let row = self.store.text_version(actor.tenant, id, Some(n)).await?;
            if row.is_none() {
                errors.push(FieldError::new(field, "version_unknown"));
            }
            Ok(row)
        };
        let a = load("from", from).await?;
        let b = load("to", to).await?;
        match (a, b) {
            (Some(from), Some(to)) => Ok(TextsComparison {
                terms_sq: diff::field("terms_sq", &from.terms_sq, &to.terms_sq),
                terms_en: diff::field("terms_en", &from.terms_en, &to.terms_en),
                rules_sq: diff::field("rules_sq", &from.rules_sq, &to.rules_sq),
                rules_en: diff::field("rules_en", &from.rules_en, &to.rules_en),
                from,
                to,
            }),
            _ => Err(ServiceError::Invalid(errors)),
        }
    }

    /// The legal basis's document of the current forum.
    pub async fn forum_legal_document(&self, actor: &Actor) -> Result<(FileMeta, Vec<u8>)> {
        actor.require(Action::ViewPublic)?;
        let forum = self.setup_current_forum_or_404(actor).await?;
        self.store
            .legal_file(actor.tenant, ForumId(forum.id))
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// The coordinator's page: the forum (or none yet), its texts, members, candidates.
    pub async fn forum_admin(&self, actor: &Actor, page: i64, per_page: i64) -> Result<ForumAdmin> {
        actor.require_user(Action::ManageForum)?;
        let cycle = self.store.current_cycle(actor.tenant).await?;
        let forum = self.store.current_forum(actor.tenant).await?;
        let calls = self.store.list_calls(actor.tenant, false).await?;
        let positions = self.store.forum_positions(actor.tenant).await?;
        let Some(f) = forum else {
            return Ok(ForumAdmin {
                cycle,
                forum: None,
                texts: None,
                legal_file: None,
                members: Vec::new(),
                members_total: 0,
                candidates: Vec::new(),
                positions,
                calls,
            });
        };
        let id = ForumId(f.id);
        let (members, members_total) = self
            .store
            .forum_members(actor.tenant, id, per_page, (page - 1) * per_page)
            .await?;
        Ok(ForumAdmin {
            texts: self.store.text_version(actor.tenant, id, None).await?,
            legal_file: self.store.legal_file_meta(actor.tenant, id).await?,
            candidates: self.store.unseated_candidates(actor.tenant, f.cycle_id, id).await?,
            members,
            members_total,
            cycle,
            forum: Some(f),
            positions,
            calls,
        })
    }

    /// Creates the current cycle's forum, or saves the changes to it.
    pub async fn save_forum(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        values: &HashMap<String, String>,
    ) -> Result<ForumId> {
        let user = actor.require_user(Action::ManageForum)?;
        let calls = self.store.list_calls(tenant.id(), false).await?;
        let input = parse_forum_form(values, &calls).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        match self.store.current_forum(tenant.id()).await? {
            Some(f) => {
                self.store
                    .update_forum(tenant.id(), ForumId(f.id), &input, &ctx)
                    .await?;
                Ok(ForumId(f.id))
            }
            None => {
                let cycle = self
                    .store
                    .current_cycle(tenant.id())
                    .await?
                    .ok_or(ServiceError::field("name_sq", "forum_no_cycle"))?;
                Ok(self.store.create_forum(tenant.id(), cycle.id, &input, &ctx).await?)
            }
        }
    }

    /// Saves a new version of the terms of reference and participation rules.
    pub async fn save_forum_texts(&self, actor: &Actor, values: &HashMap<String, String>) -> Result<i64> {
        let user = actor.require_user(Action::ManageForum)?;
        let forum = self.setup_current_forum_or_404(actor).await?;
        let input = parse_texts_form(values).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .save_texts(actor.tenant, ForumId(forum.id), &input, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                // Someone saved at the same moment: the form is shown again to save once more.
                ServiceError::Conflict(_) => ServiceError::field("note", "texts_saved_meanwhile"),
                other => other,
            })
    }

    /// Attaches the legal basis's document: a PDF, its type read from its content.
    pub async fn attach_forum_legal_basis(
        &self,
        actor: &Actor,
        filename: &str,
        content: &[u8],
        max_bytes: usize,
    ) -> Result<i64> {
        let user = actor.require_user(Action::ManageForum)?;
        let forum = self.setup_current_forum_or_404(actor).await?;
        if content.is_empty() {
            return Err(ServiceError::field("file", "required"));
        }
        if content.len() > max_bytes {
            return Err(ServiceError::field("file", "file_too_large"));
        }
        if infer::get(content).map(|k| k.mime_type()) != Some("application/pdf") {
            return Err(ServiceError::field("file", "file_not_pdf"));
        }
        let sha = hex::encode(Sha256::digest(content));
        let name = clean_filename(filename);
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self
            .store
            .attach_legal_file(
                actor.tenant,
                ForumId(forum.id),
                &NewFile {
                    filename: &name,
                    content_type: "application/pdf",
                    sha256: &sha,
                    content,
                },
                &ctx,
            )
            .await?)
    }

    /// The municipality's positions (the defaults while it has none), for the staff page.
    pub async fn forum_positions(&self, actor: &Actor) -> Result<Vec<PositionRow>> {
        actor.require_user(Action::ManageForum)?;
        Ok(self.store.forum_positions(actor.tenant).await?)
    }

    /// Saves the municipality's positions. A position held by a seat that is not over cannot be
    /// taken out of the list.
    pub async fn save_forum_positions(&self, actor: &Actor, rows: &[PositionFormRow]) -> Result<()> {
        let user = actor.require_user(Action::ManageForum)?;
        let positions = parse_positions(rows).map_err(ServiceError::Invalid)?;
        if let Some(forum) = self.store.current_forum(actor.tenant).await? {
            let (seats, _) = self
                .store
                .forum_members(actor.tenant, ForumId(forum.id), 10_000, 0)
                .await?;
            let held = seats
                .iter()
                .filter(|m| matches!(m.status, MemberStatus::Invited | MemberStatus::Accepted))
                .any(|m| !positions.iter().any(|p| p.pos_key == m.pos_key));
            if held {
                return Err(ServiceError::field("positions", "position_in_use"));
            }
        }
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self.store.save_positions(actor.tenant, &positions, &ctx).await?)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    fn member(sector: Sector, status: MemberStatus, gender: Option<&str>) -> MemberRow {
        MemberRow {
            id: 1,
            forum_id: 1,
            user_id: 1,
            name: "Arbër".into(),
            email: None,
            lang: "sq".into(),
            sector,
            org_id: None,
            organisation: String::new(),
            pos_key: "member".into(),
            responsibilities: String::new(),
            starts_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            ends_on: None,
            substitute_user_id: None,
            gender: gender.map(str::to_owned),
            youth: None,
            rural: None,
            status,
            invited_at: Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap(),
            answered_at: None,
            left_at: None,
        }
    }

    #[test]
    fn only_accepted_members_count_and_gender_only_where_recorded() {
        let members = [
            member(Sector::Government, MemberStatus::Accepted, None),
            member(Sector::Cso, MemberStatus::Accepted, Some("woman")),
            member(Sector::Cso, MemberStatus::Accepted, Some("woman")),
            member(Sector::Citizen, MemberStatus::Invited, Some("man")),
            member(Sector::Media, MemberStatus::Left, None),
        ];
        let c = composition(&members);
        assert_eq!(c.total, 3);
        assert_eq!(c.by_sector, vec![(Sector::Government, 1), (Sector::Cso, 2)]);
        assert_eq!(c.non_government, 2);
        assert_eq!(c.non_government_percent, Some(67));
        assert_eq!(c.by_gender, vec![(Gender::Woman, 2)]);
        assert_eq!(c.gender_recorded, 2);
        assert_eq!(composition(&[]).non_government_percent, None);
    }

    #[test]
    fn days_are_typed_as_the_municipality_writes_them() {
        assert_eq!(
            parse_day("d", " 1.2.2027 ", true).unwrap(),
            NaiveDate::from_ymd_opt(2027, 2, 1)
        );
        assert_eq!(parse_day("d", "", false).unwrap(), None);
        assert_eq!(parse_day("d", "", true).unwrap_err().code, "required");
        for bad in ["2027-02-01", "1.2.27", "31.02.2027", "nesër"] {
            assert_eq!(parse_day("d", bad, true).unwrap_err().code, "day_format", "{bad}");
        }
    }

    #[test]
    fn the_forum_needs_a_name_and_a_known_call() {
        let errs = parse_forum_form(&map(&[("legal_date", "2026-03-01"), ("call_id", "7")]), &[]).unwrap_err();
        let codes: Vec<(&str, &str)> = errs.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            codes,
            vec![
                ("name_sq", "required"),
                ("legal_date", "day_format"),
                ("call_id", "choice_invalid")
            ]
        );
        let ok = parse_forum_form(&map(&[("name_sq", " Forumi "), ("legal_date", "05.03.2026")]), &[]).unwrap();
        assert_eq!(ok.name_sq, "Forumi");
        assert_eq!(ok.legal_date, NaiveDate::from_ymd_opt(2026, 3, 5));
    }

    #[test]
    fn a_version_needs_terms_or_rules() {
        assert_eq!(
            parse_texts_form(&map(&[("note", "x")])).unwrap_err()[0].code,
            "texts_empty"
        );
        assert!(parse_texts_form(&map(&[("rules_sq", "Rregullat")])).is_ok());
    }

    #[test]
    fn positions_have_unique_keys_and_labels() {
        let row = |k: &str, l: &str| PositionFormRow {
            pos_key: k.into(),
            label_sq: l.into(),
            ..PositionFormRow::default()
        };
        let errs = parse_positions(&[
            row("chair", ""),
            row("chair", "X"),
            row("Kryetar", "K"),
            row("treasurer", ""),
        ])
        .unwrap_err();
        let codes: Vec<(&str, &str)> = errs.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            codes,
            vec![
                ("pos_key-1", "position_twice"),
                ("pos_key-2", "position_key"),
                ("label_sq-3", "required")
            ]
        );
        let ok = parse_positions(&[
            row("chair", ""),
            PositionFormRow::default(),
            row("treasurer", "Arkëtar"),
        ])
        .unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[1].sort_order, 2);
    }
}
