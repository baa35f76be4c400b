//! The audit log, read by staff as sentences, and the outbox (delivery state of e-mails).
//!
//! An entry is stored as a code with JSON before/after values; this module turns a page of
//! entries into what a clerk can read: the action (a sentence chosen by the view), the object
//! named as people know it (an application's reference, a call's title, a person's name), and
//! each change as a field with its value before and after, typed so the view can translate it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use domain::{Action, AuditAction, AuditKind, FieldError, UserId};
use serde_json::Value;
use store::{AuditFilter, AuditRow, LabelledTable, ObjectLabel, OutboxRow};

use crate::{Actor, ServiceError, Services, common::error::Result};

/// How many people the "person" filter offers at most: those holding a staff role.
const PEOPLE_IN_FILTER: i64 = 500;

/// What the audit page asks for, parsed from its query string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditQuery {
    /// `None`: every change (no reads, no signing in or out); `Some(Reads)`: only reads of
    /// personal data.
    pub kind: Option<AuditKind>,
    pub person: Option<UserId>,
    pub from: Option<NaiveDate>,
    /// The last day shown, included.
    pub to: Option<NaiveDate>,
    /// The last entry of the previous page.
    pub after: Option<i64>,
}

impl AuditQuery {
    /// Parses the filter form; dates are written as the municipality writes them (`30.11.2026`).
    pub fn parse(
        kind: &str,
        person: &str,
        from: &str,
        to: &str,
        after: Option<i64>,
    ) -> std::result::Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = match kind.trim() {
            "" => None,
            k => AuditKind::parse(k).or_else(|| {
                errors.push(FieldError::new("action_kind", "choice_invalid"));
                None
            }),
        };
        let person = match person.trim() {
            "" => None,
            p => p.parse::<i64>().ok().map(UserId).or_else(|| {
                errors.push(FieldError::new("person", "choice_invalid"));
                None
            }),
        };
        let mut day = |field: &'static str, text: &str| match text.trim() {
            "" => None,
            t => NaiveDate::parse_from_str(t, "%d.%m.%Y").ok().or_else(|| {
                errors.push(FieldError::new(field, "day_format"));
                None
            }),
        };
        let (from, to) = (day("from", from), day("to", to));
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            errors.push(FieldError::new("to", "date_order"));
        }
        if errors.is_empty() {
            Ok(AuditQuery {
                kind,
                person,
                from,
                to,
                after,
            })
        } else {
            Err(errors)
        }
    }
}

/// One page of the audit log, ready to be put in words.
#[derive(Debug, Clone)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// The people the "person" filter offers (the person asked for included).
    pub people: Vec<ObjectLabel>,
    /// Where the next page starts, when there is one.
    pub next_after: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// `None`: the system (a scheduled job, the demo seed).
    pub actor: Option<ObjectLabel>,
    /// `None` for a code this version does not know; the stored code is then in `code`.
    pub action: Option<AuditAction>,
    pub code: String,
    pub object: Option<AuditObject>,
    pub changes: Vec<AuditChange>,
}

/// The kinds of object an entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    Application,
    Call,
    Person,
    News,
    Organisation,
    Cycle,
    Municipality,
    /// A link sent by e-mail (sign-up, password reset, invitation); the address is in the changes.
    EmailLink,
}

#[derive(Debug, Clone)]
pub struct AuditObject {
    pub kind: ObjectKind,
    pub id: i64,
    /// Empty when the object no longer exists or has no name yet (a draft has no reference).
    pub label: String,
    pub label_en: String,
}

/// One field of an entry, before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditChange {
    /// The stored field name (`closes_at`); the view shows its translated label.
    pub field: String,
    pub before: ChangeValue,
    pub after: ChangeValue,
}

/// A value in an entry, typed so that the view can say it in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeValue {
    Nothing,
    Text(String),
    /// A value from a fixed list, translated as `<family>-<key>` (`status-selected`).
    Choice {
        family: &'static str,
        key: String,
    },
    Time(DateTime<Utc>),
    Number(String),
    YesNo(bool),
    /// A person, a call, an organisation named from their id.
    Named(String),
    /// Several values from one fixed list (the fields an applicant filled, an organisation's
    /// fields of activity, a person's roles), translated one by one.
    Choices {
        family: &'static str,
        keys: Vec<String>,
    },
    /// A list (criteria, phases, scores) by its length.
    Count(usize),
    /// A file's size in bytes, said in kilobytes.
    Bytes(u64),
    /// A file's type (`application/pdf`), said as its usual name ("PDF").
    FileKind(String),
}

impl Services {
    /// A page of the audit log, newest first, in the municipality's time zone `tz` for dates.
    pub async fn audit_log(&self, actor: &Actor, query: &AuditQuery, tz: Tz, limit: i64) -> Result<AuditPage> {
        actor.require_user(Action::ViewAuditLog)?;
        // "Every change" leaves out what changes nothing: reads of personal data and signing in
        // and out, each of which has its own choice in the filter.
        let quiet = [AuditKind::Reads.codes(), AuditKind::SignIns.codes()].concat();
        let filter = AuditFilter {
            actions: query.kind.map(AuditKind::codes).unwrap_or_default(),
            exclude: if query.kind.is_none() { quiet } else { Vec::new() },
            actor: query.person,
            from: query.from.and_then(|d| local_midnight(d, tz)),
            until: query.to.and_then(|d| d.succ_opt()).and_then(|d| local_midnight(d, tz)),
            after_entry: query.after,
        };
        let rows = self.store.list_audit(actor.tenant, &filter, limit).await?;
        let next_after = (rows.len() as i64 == limit)
            .then(|| rows.last().map(|r| r.id))
            .flatten();
        let labels = self.labels_for(actor, &rows).await?;
        let entries = rows.into_iter().map(|row| entry(row, &labels)).collect();
        let mut people = self.store.audit_actors(actor.tenant, PEOPLE_IN_FILTER).await?;
        if let Some(person) = query.person
            && !people.iter().any(|p| p.id == person.0)
        {
            match self
                .store
                .object_labels(actor.tenant, LabelledTable::Users, &[person.0])
                .await?
                .pop()
            {
                Some(label) => people.insert(0, label),
                None => return Err(ServiceError::Invalid(vec![FieldError::new("person", "choice_invalid")])),
            }
        }
        Ok(AuditPage {
            entries,
            people,
            next_after,
        })
    }

    /// The names of everything a page of entries mentions, one statement per table.
    async fn labels_for(&self, actor: &Actor, rows: &[AuditRow]) -> Result<Labels> {
        let mut wanted: BTreeMap<Table, BTreeSet<i64>> = BTreeMap::new();
        for row in rows {
            if let (Some(table), Ok(id)) = (table_of(&row.entity), row.entity_id.parse::<i64>()) {
                wanted.entry(table).or_default().insert(id);
            }
            for json in [&row.before_json, &row.after_json].into_iter().flatten() {
                let Ok(value) = serde_json::from_str::<Value>(json) else {
                    continue;
                };
                for (key, value) in flatten(&value) {
                    if let (Some(table), Some(id)) = (id_field(&key), value.as_i64()) {
                        wanted.entry(table).or_default().insert(id);
                    }
                }
            }
        }
        let mut labels = Labels::default();
        for (table, ids) in wanted {
            let ids: Vec<i64> = ids.into_iter().collect();
            for label in self.store.object_labels(actor.tenant, table, &ids).await? {
                labels.insert((table, label.id), label);
            }
        }
        Ok(labels)
    }

    /// Queued and sent e-mails, newest first, older than `before` when paging.
    pub async fn outbox(&self, actor: &Actor, before: Option<i64>, limit: i64) -> Result<Vec<OutboxRow>> {
        actor.require_user(Action::ViewOutbox)?;
        Ok(self.store.list_outbox(actor.tenant, before, limit).await?)
    }
}

type Table = LabelledTable;

type Labels = HashMap<(Table, i64), ObjectLabel>;

/// The start of day `d` in `tz` (the earliest valid instant when midnight is skipped by a clock change).
fn local_midnight(d: NaiveDate, tz: Tz) -> Option<DateTime<Utc>> {
    // A zone whose clocks skip midnight that day starts it at the first hour that exists.
    (0..3)
        .filter_map(|h| NaiveTime::from_hms_opt(h, 0, 0))
        .find_map(|t| tz.from_local_datetime(&d.and_time(t)).earliest())
        .map(|t| t.with_timezone(&Utc))
}

/// The table an entry's `entity` names.
fn table_of(entity: &str) -> Option<Table> {
    let table = match entity {
        "user" => LabelledTable::Users,
        "application" => LabelledTable::Applications,
        "call" => LabelledTable::Calls,
        "news_item" => LabelledTable::News,
        "organisation" => LabelledTable::Organisations,
        "cycle" => LabelledTable::Cycles,
        _ => return None,
    };
    Some(table)
}

/// The fields of an entry's values that hold the id of a row worth naming.
fn id_field(key: &str) -> Option<Table> {
    let table = match key {
        "reviewer_id" | "invited_by" => LabelledTable::Users,
        "org_id" => LabelledTable::Organisations,
        "call_id" => LabelledTable::Calls,
        _ => return None,
    };
    Some(table)
}

fn object_kind(entity: &str) -> Option<ObjectKind> {
    Some(match entity {
        "user" => ObjectKind::Person,
        "application" => ObjectKind::Application,
        "call" => ObjectKind::Call,
        "news_item" => ObjectKind::News,
        "organisation" => ObjectKind::Organisation,
        "cycle" => ObjectKind::Cycle,
        "tenant" => ObjectKind::Municipality,
        "email_token" => ObjectKind::EmailLink,
        _ => return None,
    })
}

fn entry(row: AuditRow, labels: &Labels) -> AuditEntry {
    let object = object_kind(&row.entity).map(|kind| {
        let id = row.entity_id.parse::<i64>().unwrap_or_default();
        let found = table_of(&row.entity).and_then(|t| labels.get(&(t, id)));
        AuditObject {
            kind,
            id,
            label: found.map(|l| l.label.clone()).unwrap_or_default(),
            label_en: found.map(|l| l.label_en.clone()).unwrap_or_default(),
        }
    });
    let parse = |json: &Option<String>| {
        json.as_deref()
            .and_then(|j| serde_json::from_str::<Value>(j).ok())
            .map(|v| flatten(&v))
            .unwrap_or_default()
    };
    let (before, after) = (parse(&row.before_json), parse(&row.after_json));
    let mut fields: Vec<&String> = before.keys().chain(after.keys()).collect();
    fields.sort_by_key(|f| field_rank(f));
    fields.dedup();
    let changes = fields
        .into_iter()
        .filter(|f| !HIDDEN_FIELDS.contains(&f.as_str()))
        .filter_map(|field| {
            let value = |map: &BTreeMap<String, Value>| {
                map.get(field)
                    .map(|v| change_value(field, v, labels))
                    .unwrap_or(ChangeValue::Nothing)
            };
            let (b, a) = (value(&before), value(&after));
            // A call saved with some fields unchanged lists them all; show only what changed.
            (b != a).then(|| AuditChange {
                field: field.clone(),
                before: b,
                after: a,
            })
        })
        .collect();
    AuditEntry {
        id: row.id,
        at: row.at,
        actor: row.actor_id.map(|id| ObjectLabel {
            id,
            label: row.actor_name.clone().unwrap_or_default(),
            label_en: String::new(),
        }),
        action: AuditAction::from_code(&row.action),
        code: row.action,
        object,
        changes,
    }
}

/// Internal ids that say nothing to a reader (the file's name is shown instead).
const HIDDEN_FIELDS: &[&str] = &["file_id", "id", "tenant_id", "created_by", "created_at", "updated_at"];

/// Fields in the order a reader expects them: what the object is, then what changed.
fn field_rank(field: &str) -> (u8, String) {
    let rank = match field {
        "status" | "role" => 0,
        "reason" | "note" => 1,
        "reference" => 2,
        _ => 3,
    };
    (rank, field.to_owned())
}

/// An object's fields at the top level, with a call's `{"call": {…}, "criteria": […]}` opened
/// up one level so that its title and dates compare field by field.
fn flatten(value: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match value {
                    Value::Object(inner) if key == "call" => {
                        for (k, v) in inner {
                            out.insert(k.clone(), v.clone());
                        }
                    }
                    other => {
                        out.insert(key.clone(), other.clone());
                    }
                }
            }
        }
        // A timeline is stored as the list of its phases.
        Value::Array(items) => {
            out.insert("phases".to_owned(), Value::Array(items.clone()));
        }
        _ => {}
    }
    out
}

fn change_value(field: &str, value: &Value, labels: &Labels) -> ChangeValue {
    if value.is_null() {
        return ChangeValue::Nothing;
    }
    if let Some(table) = id_field(field) {
        return match value.as_i64().and_then(|id| labels.get(&(table, id))) {
            Some(label) => ChangeValue::Named(label.label.clone()),
            None => ChangeValue::Nothing,
        };
    }
    // Values from a fixed list are stored as keys and said in words by the view.
    let family = match field {
        "status" => Some("status"),
        "role" => Some("role"),
        "lang" => Some("language"),
        "applicant_type" => Some("applicant"),
        "kind" => Some("kind"),
        "size_band" => Some("size"),
        "sector" => Some("sector"),
        _ => None,
    };
    let list_family = match field {
        "filled" => Some("audit-field"),
        "roles" => Some("role"),
        "fields" => Some("fieldofactivity"),
        _ => None,
    };
    match (field, value) {
        ("size", Value::Number(n)) => return ChangeValue::Bytes(n.as_u64().unwrap_or_default()),
        ("content_type", Value::String(t)) => return ChangeValue::FileKind(t.clone()),
        _ => {}
    }
    match (value, family, list_family) {
        (Value::String(s), Some(family), _) => ChangeValue::Choice { family, key: s.clone() },
        // Fields of activity are stored as `transparency,participation`.
        (Value::String(s), None, Some(family)) => ChangeValue::Choices {
            family,
            keys: s
                .split(',')
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(str::to_owned)
                .collect(),
        },
        (Value::String(s), _, _) if field.ends_with("_at") => DateTime::parse_from_rfc3339(s)
            .map(|t| ChangeValue::Time(t.with_timezone(&Utc)))
            .unwrap_or_else(|_| ChangeValue::Text(s.clone())),
        (Value::String(s), _, _) => ChangeValue::Text(s.clone()),
        (Value::Bool(b), _, _) => ChangeValue::YesNo(*b),
        (Value::Number(n), _, _) => ChangeValue::Number(match n.as_f64() {
            Some(f) if n.is_f64() => format!("{f:.2}"),
            _ => n.to_string(),
        }),
        (Value::Array(items), _, Some(family)) => ChangeValue::Choices {
            family,
            keys: items.iter().filter_map(|i| i.as_str().map(str::to_owned)).collect(),
        },
        (Value::Array(items), _, _) if items.iter().all(Value::is_string) => {
            ChangeValue::Text(items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "))
        }
        (Value::Array(items), _, _) => ChangeValue::Count(items.len()),
        (Value::Object(map), _, _) => ChangeValue::Count(map.len()),
        (Value::Null, _, _) => ChangeValue::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_reads_dates_as_the_municipality_writes_them() {
        let q = AuditQuery::parse("decisions", "", "01.11.2026", "30.11.2026", None).expect("valid");
        assert_eq!(q.kind, Some(AuditKind::Decisions));
        assert_eq!(q.from, NaiveDate::from_ymd_opt(2026, 11, 1));
        let errors = AuditQuery::parse("nope", "x", "2026-11-01", "31.02.2026", None).expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("action_kind", "choice_invalid"),
                ("person", "choice_invalid"),
                ("from", "day_format"),
                ("to", "day_format")
            ]
        );
        let order = AuditQuery::parse("", "", "02.11.2026", "01.11.2026", None).expect_err("order");
        assert_eq!(order[0].code, "date_order");
    }

    #[test]
    fn a_decision_reads_as_status_and_reason_and_unchanged_fields_are_left_out() {
        let row = AuditRow {
            id: 1,
            at: DateTime::<Utc>::MIN_UTC,
            actor_id: None,
            actor_name: None,
            action: "application.decide".into(),
            entity: "application".into(),
            entity_id: "7".into(),
            before_json: Some(r#"{"status":"submitted","title_sq":"A"}"#.into()),
            after_json: Some(r#"{"status":"selected","reason":"Punë e mirë","title_sq":"A"}"#.into()),
            request_id: None,
        };
        let e = entry(row, &Labels::default());
        assert_eq!(e.action, Some(AuditAction::ApplicationDecide));
        assert_eq!(e.object.as_ref().map(|o| o.kind), Some(ObjectKind::Application));
        let fields: Vec<_> = e.changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, vec!["status", "reason"]);
        assert_eq!(
            e.changes[0].after,
            ChangeValue::Choice {
                family: "status",
                key: "selected".into()
            }
        );
    }
}
