//! Open calls: drafting, publishing, extending the deadline.

use std::{collections::HashMap, sync::LazyLock};

use chrono::{DateTime, Datelike, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use domain::{
    Action, CallId, Email, FieldError, Lang, Text,
    open_call::{ApplicantType, ApplicationStatus, CallPhase},
};
use store::{
    CallInput, CallRow, CriterionInput, CriterionRow, FileMeta, NewMail, StatusCount, TenantRow,
    mail_about_application, open_call::calls::CallApplicant,
};
use views::{t, t_args, zone_name};

use super::get;
use crate::{
    Actor, ServiceError, Services,
    common::{error::Result, localized},
};

/// What the coordinator's page of a call shows.
#[derive(Debug, Clone)]
pub struct CallAdmin {
    pub call: CallRow,
    pub criteria: Vec<CriterionRow>,
    pub documents: Vec<FileMeta>,
    pub counts: Vec<StatusCount>,
}

impl CallAdmin {
    /// Applications the call's applicants still hold: (drafts, submitted ones whatever the
    /// coordinator's draft decision), withdrawn ones apart. These people are told of changes.
    pub fn applicants(&self) -> (i64, i64) {
        self.counts
            .iter()
            .fold((0, 0), |(drafts, submitted), c| match c.status {
                ApplicationStatus::Draft => (drafts + c.count, submitted),
                ApplicationStatus::Withdrawn => (drafts, submitted),
                _ => (drafts, submitted + c.count),
            })
    }
}

/// A published call with its selection criteria.
#[derive(Debug, Clone)]
pub struct PublishedCall {
    pub call: CallRow,
    pub criteria: Vec<CriterionRow>,
}

/// Length limits of a criterion's texts.
pub const CRITERION_NAME_MAX: usize = 200;
pub const CRITERION_DESCRIPTION_MAX: usize = 2000;
/// More selection criteria than this is a mistake (a call has a handful); the limit also bounds
/// the field names of the rows (see [`row_field`]).
pub const CRITERIA_MAX: usize = 20;

/// How staff read and type a call's times: the municipality's own format, day.month.year and
/// the 24-hour clock ("31.12.2026 23:59"). A plain text box with this format replaces the
/// browser's date picker, which some browsers show in the US order (12/31/2026, 11:59 PM).
pub const LOCAL_FORMAT: &str = "%d.%m.%Y %H:%M";

/// Years a call's time may fall in. chrono reads a year of one to four digits, so without this
/// bound "31.12.26 23:59" would be the year 26 rather than a mistake to point out.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// Which time of a call a typed value is: the field it came from and the message that names it
/// ("the opening time", "the deadline") when it cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallTime {
    Opens,
    Closes,
}

impl CallTime {
    pub fn field(self) -> &'static str {
        match self {
            CallTime::Opens => "opens_at",
            CallTime::Closes => "closes_at",
        }
    }

    fn format_error(self) -> FieldError {
        let code = match self {
            CallTime::Opens => "opens_at_format",
            CallTime::Closes => "closes_at_format",
        };
        FieldError::new(self.field(), code)
    }
}

/// Reads a time typed by staff in [`LOCAL_FORMAT`] (a day or month of one digit is accepted
/// too: "1.2.2027 8:00") as a time in the municipality's zone. Anything else, an ISO date or the
/// US order included, is refused rather than guessed: 03.04 and 04/03 mean different days.
pub fn parse_call_time(which: CallTime, raw: &str, tz: Tz) -> Result<DateTime<Utc>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(which.field(), "required"));
    }
    let naive = NaiveDateTime::parse_from_str(raw, LOCAL_FORMAT)
        .ok()
        .filter(|n| YEARS.contains(&n.year()))
        .ok_or_else(|| which.format_error())?;
    // The hour skipped when summer time starts (02:00-03:00 on a Sunday in March) does not exist.
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(FieldError::new(which.field(), "datetime_nonexistent"))
}

/// Reads a time written by code rather than typed by a person, as `2026-12-17T23:59` in the
/// tenant's zone (the demo's seed). Forms use [`parse_call_time`].
pub fn parse_local(field: &'static str, raw: &str, tz: Tz) -> Result<DateTime<Utc>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    let naive = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M"))
        .map_err(|_| FieldError::new(field, "datetime_invalid"))?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(FieldError::new(field, "datetime_invalid"))
}

/// Shows a UTC time in the tenant's zone as staff type it ([`LOCAL_FORMAT`]), so that a form
/// shown with a stored time can be saved again unchanged.
pub fn format_local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format(LOCAL_FORMAT).to_string()
}

/// One row of the criteria table as typed.
#[derive(Debug, Clone, Default)]
pub struct CriterionFormRow {
    pub name_sq: String,
    pub name_en: String,
    pub description_sq: String,
    pub description_en: String,
    pub weight: String,
}

impl CriterionFormRow {
    /// Nothing typed in any box: one of the empty rows the form offers for new criteria.
    pub fn is_blank(&self) -> bool {
        [
            &self.name_sq,
            &self.name_en,
            &self.description_sq,
            &self.description_en,
            &self.weight,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// The boxes of a row of criteria, as named in the form.
pub const CRITERION_BOXES: [&str; 5] = [
    "crit_name_sq",
    "crit_name_en",
    "crit_description_sq",
    "crit_description_en",
    "crit_weight",
];

/// The name of box `column` of [`CRITERION_BOXES`] in row `row` ("crit_weight-2", the id of that
/// input), so that an error is shown next to the box it is about. Field names are `&'static`
/// everywhere, so the names of every row there can be are made once.
pub fn row_field(row: usize, column: usize) -> &'static str {
    static NAMES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
        (0..CRITERIA_MAX)
            .map(|row| CRITERION_BOXES.iter().map(|b| format!("{b}-{row}")).collect())
            .collect()
    });
    NAMES
        .get(row)
        .and_then(|r| r.get(column))
        .map(String::as_str)
        .unwrap_or("criteria")
}

/// Parses the call form. `criteria` are the rows as the form will show them again: blank rows
/// are skipped (the form offers a few for new criteria, and a criterion is taken out by emptying
/// its row), and a row's position is its number in the field names of its errors. A row with
/// anything typed needs an Albanian title (so that nothing typed is dropped unseen) and a
/// weight: the weight decides the ranking, so it is never assumed.
pub fn parse_call_form(
    values: &HashMap<String, String>,
    criteria: &[CriterionFormRow],
    tz: Tz,
) -> Result<(CallInput, Vec<CriterionInput>), Vec<FieldError>> {
    let text = |field: &'static str, required: bool, max: usize| Text::parse(field, get(values, field), required, max);
    let title_sq = text("title_sq", true, 200);
    let title_en = text("title_en", false, 200);
    let summary_sq = text("summary_sq", true, 600);
    let summary_en = text("summary_en", false, 600);
    let body_sq = text("body_sq", false, 20_000);
    let body_en = text("body_en", false, 20_000);
    let eligibility_sq = text("eligibility_sq", false, 4000);
    let eligibility_en = text("eligibility_en", false, 4000);
    let requirements_sq = text("requirements_sq", false, 4000);
    let requirements_en = text("requirements_en", false, 4000);
    let contact = Email::parse("contact_email", get(values, "contact_email"));
    let opens = parse_call_time(CallTime::Opens, get(values, "opens_at"), tz);
    let closes = parse_call_time(CallTime::Closes, get(values, "closes_at"), tz);
    let places_raw = get(values, "places").trim();
    let places = if places_raw.is_empty() {
        Ok(None)
    } else {
        places_raw
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .map(Some)
            .ok_or(FieldError::new("places", "number_invalid"))
    };
    let allowed: Vec<&str> = get(values, "applicant_types").split(',').collect();
    let types_err = (!ApplicantType::ALL.iter().any(|t| allowed.contains(&t.key())))
        .then(|| FieldError::new("applicant_types", "choose_one"));
    let order_err = match (&opens, &closes) {
        (Ok(o), Ok(c)) if c <= o => Some(FieldError::new("closes_at", "date_order")),
        _ => None,
    };
    let (criteria_out, mut criteria_errors) = parse_criteria(criteria);
    if criteria_out.is_empty() && criteria_errors.is_empty() {
        criteria_errors.push(FieldError::new("criteria", "criteria_required"));
    }
    let errors: Vec<FieldError> = [
        title_sq.clone().err(),
        title_en.clone().err(),
        summary_sq.clone().err(),
        summary_en.clone().err(),
        body_sq.clone().err(),
        body_en.clone().err(),
        eligibility_sq.clone().err(),
        eligibility_en.clone().err(),
        requirements_sq.clone().err(),
        requirements_en.clone().err(),
        contact.clone().err(),
        opens.clone().err(),
        closes.clone().err(),
        order_err,
        places.clone().err(),
        types_err,
    ]
    .into_iter()
    .flatten()
    .chain(criteria_errors)
    .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let s = |r: Result<Text, FieldError>| r.map(Text::into_string).unwrap_or_default();
    Ok((
        CallInput {
            title_sq: s(title_sq),
            title_en: s(title_en),
            summary_sq: s(summary_sq),
            summary_en: s(summary_en),
            body_sq: s(body_sq),
            body_en: s(body_en),
            eligibility_sq: s(eligibility_sq),
            eligibility_en: s(eligibility_en),
            requirements_sq: s(requirements_sq),
            requirements_en: s(requirements_en),
            allow_cso: allowed.contains(&"cso"),
            allow_informal: allowed.contains(&"informal_group"),
            allow_citizen: allowed.contains(&"citizen"),
            places: places.unwrap_or(None),
            opens_at: opens.unwrap_or_default(),
            closes_at: closes.unwrap_or_default(),
            contact_email: contact.map(|e| e.to_string()).unwrap_or_default(),
        },
        criteria_out,
    ))
}

/// The criteria of the form, each error on the box it is about (see [`parse_call_form`]).
fn parse_criteria(rows: &[CriterionFormRow]) -> (Vec<CriterionInput>, Vec<FieldError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    if rows.iter().filter(|r| !r.is_blank()).count() > CRITERIA_MAX {
        errors.push(FieldError {
            field: "criteria",
            code: "criteria_too_many",
            limit: Some(CRITERIA_MAX),
        });
        return (out, errors);
    }
    for (i, row) in rows.iter().enumerate().filter(|(_, r)| !r.is_blank()) {
        let field = |column: usize| row_field(i, column);
        if row.name_sq.trim().is_empty() {
            errors.push(FieldError::new(field(0), "criterion_name_sq_required"));
            continue;
        }
        let texts = [
            Text::parse(field(0), &row.name_sq, true, CRITERION_NAME_MAX),
            Text::parse(field(1), &row.name_en, false, CRITERION_NAME_MAX),
            Text::parse(field(2), &row.description_sq, false, CRITERION_DESCRIPTION_MAX),
            Text::parse(field(3), &row.description_en, false, CRITERION_DESCRIPTION_MAX),
        ];
        let weight_raw = row.weight.trim();
        let weight = if weight_raw.is_empty() {
            Err(FieldError::new(field(4), "weight_missing"))
        } else {
            weight_raw
                .parse::<i64>()
                .ok()
                .filter(|w| (1..=100).contains(w))
                .ok_or(FieldError::new(field(4), "weight_invalid"))
        };
        match (texts, weight) {
            ([Ok(name_sq), Ok(name_en), Ok(description_sq), Ok(description_en)], Ok(weight)) => {
                out.push(CriterionInput {
                    name_sq: name_sq.into_string(),
                    name_en: name_en.into_string(),
                    description_sq: description_sq.into_string(),
                    description_en: description_en.into_string(),
                    weight,
                })
            }
            (texts, weight) => errors.extend(texts.into_iter().filter_map(Result::err).chain(weight.err())),
        }
    }
    (out, errors)
}

/// What a change to a published call changes for its applicants: the deadline as they read it
/// (to the minute, in the municipality's zone) and the texts they apply against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeForApplicants {
    /// The new deadline, written as in [`LOCAL_FORMAT`], when it moved.
    pub deadline: Option<String>,
    pub texts: bool,
}

impl ChangeForApplicants {
    pub fn between(before: &CallRow, after: &CallInput, tz: Tz) -> ChangeForApplicants {
        // Browsers send a textarea's line breaks as CR LF, the seed and the API as LF: saving a
        // form without touching it must not count as a change.
        let same = |a: &str, b: &str| a.replace("\r\n", "\n") == b.replace("\r\n", "\n");
        let texts = [
            (&before.title_sq, &after.title_sq),
            (&before.title_en, &after.title_en),
            (&before.summary_sq, &after.summary_sq),
            (&before.summary_en, &after.summary_en),
            (&before.body_sq, &after.body_sq),
            (&before.body_en, &after.body_en),
            (&before.eligibility_sq, &after.eligibility_sq),
            (&before.eligibility_en, &after.eligibility_en),
            (&before.requirements_sq, &after.requirements_sq),
            (&before.requirements_en, &after.requirements_en),
        ]
        .iter()
        .any(|(a, b)| !same(a, b));
        let (old, new) = (format_local(before.closes_at, tz), format_local(after.closes_at, tz));
        ChangeForApplicants {
            deadline: (old != new).then_some(new),
            texts,
        }
    }

    pub fn is_none(&self) -> bool {
        self.deadline.is_none() && !self.texts
    }
}

impl Services {
    pub fn call_phase(&self, call: &CallRow) -> CallPhase {
        CallPhase::at(self.clock.now(), call.opens_at, call.closes_at)
    }

    /// Published calls (open, upcoming and closed), the latest deadline first.
    pub async fn published_calls(&self, actor: &Actor) -> Result<Vec<CallRow>> {
        actor.require(Action::ViewPublic)?;
        Ok(self.store.list_calls(actor.tenant, false).await?)
    }

    /// A call as the actor may see it: published, or a draft previewed by a coordinator.
    pub async fn visible_call(&self, actor: &Actor, call: CallId) -> Result<CallRow> {
        actor.require(Action::ViewPublic)?;
        let row = self
            .store
            .call(actor.tenant, call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if row.is_published() || actor.can(Action::ManageCalls) {
            Ok(row)
        } else {
            Err(ServiceError::NotFound)
        }
    }

    /// A published call and its criteria; drafts are "not found" whoever asks, for the open
    /// data API lists published calls only.
    pub async fn published_call_with_criteria(&self, actor: &Actor, call: CallId) -> Result<PublishedCall> {
        actor.require(Action::ViewPublic)?;
        let call = self
            .store
            .call(actor.tenant, call)
            .await?
            .filter(CallRow::is_published)
            .ok_or(ServiceError::NotFound)?;
        Ok(PublishedCall {
            criteria: self.store.criteria(actor.tenant, call.id()).await?,
            call,
        })
    }

    /// A document attached to a call the actor may see.
    pub async fn call_document(&self, actor: &Actor, call: CallId, file: i64) -> Result<(FileMeta, Vec<u8>)> {
        let row = self.visible_call(actor, call).await?;
        self.store
            .call_document(actor.tenant, row.id(), file)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// One call, drafts included, for the coordinator.
    pub async fn call_for_staff(&self, actor: &Actor, call: CallId) -> Result<CallRow> {
        actor.require_user(Action::ManageCalls)?;
        self.store.call(actor.tenant, call).await?.ok_or(ServiceError::NotFound)
    }

    /// The coordinator's page of a call: the call, its criteria and documents, and how many
    /// applications are in each status.
    pub async fn call_admin(&self, actor: &Actor, call: CallId) -> Result<CallAdmin> {
        let call = self.call_for_staff(actor, call).await?;
        Ok(CallAdmin {
            criteria: self.store.criteria(actor.tenant, call.id()).await?,
            documents: self.store.call_documents(actor.tenant, call.id()).await?,
            counts: self.store.application_counts(actor.tenant, call.id()).await?,
            call,
        })
    }

    /// Every call, drafts included, for the coordinator.
    pub async fn all_calls(&self, actor: &Actor) -> Result<Vec<CallRow>> {
        actor.require_user(Action::ManageCalls)?;
        Ok(self.store.list_calls(actor.tenant, true).await?)
    }

    pub async fn create_call(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        input: &CallInput,
        criteria: &[CriterionInput],
    ) -> Result<CallId> {
        let user = actor.require_user(Action::ManageCalls)?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        let prefix = if tenant.ref_prefix.is_empty() {
            tenant.slug.chars().take(3).collect::<String>().to_uppercase()
        } else {
            tenant.ref_prefix.clone()
        };
        Ok(self
            .store
            .create_call(tenant.id(), input, criteria, &prefix, &ctx)
            .await?)
    }

    /// Saves the coordinator's changes. When a published call's deadline or texts change, everyone
    /// with a draft or submitted application is told by e-mail, in their language, what changed
    /// (other changes, and changes to a draft call, tell nobody); the form's warning says so.
    pub async fn update_call(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        call: CallId,
        input: &CallInput,
        criteria: &[CriterionInput],
    ) -> Result<()> {
        let user = actor.require_user(Action::ManageCalls)?;
        let before = self
            .store
            .call(tenant.id(), call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let tz: Tz = tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
        let change = ChangeForApplicants::between(&before, input, tz);
        let mails = if before.is_published() && !change.is_none() {
            self.store
                .call_applicants(tenant.id(), call)
                .await?
                .iter()
                .map(|a| self.call_changed_mail(tenant, call, input, &change, a))
                .collect()
        } else {
            Vec::new()
        };
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        Ok(self
            .store
            .update_call(tenant.id(), call, input, criteria, &mails, &ctx)
            .await?)
    }

    /// The e-mail to one applicant about a change of the call: the new deadline and/or that the
    /// texts changed, and what it means for their draft or submitted application.
    fn call_changed_mail(
        &self,
        tenant: &TenantRow,
        call: CallId,
        input: &CallInput,
        change: &ChangeForApplicants,
        applicant: &CallApplicant,
    ) -> NewMail {
        let lang = Lang::parse(&applicant.lang).unwrap_or_default();
        let mut changes = Vec::new();
        if let Some(deadline) = &change.deadline {
            changes.push(t_args(
                lang,
                "mail-call-changed-deadline",
                &[
                    ("deadline", deadline.clone()),
                    ("zone", zone_name(lang, &tenant.time_zone)),
                ],
            ));
        }
        if change.texts {
            changes.push(t(lang, "mail-call-changed-texts"));
        }
        changes.push(t(
            lang,
            if applicant.status == "draft" {
                "mail-call-changed-draft"
            } else {
                "mail-call-changed-submitted"
            },
        ));
        crate::common::mails::notice_mail(
            lang,
            &applicant.email,
            Some(&applicant.name),
            "mail-call-changed-subject",
            "mail-call-changed-body",
            &[
                ("tenant", tenant.name(lang).to_owned()),
                ("call", localized(lang, &input.title_sq, &input.title_en).to_owned()),
                ("changes", changes.join(" ")),
            ],
            &format!("{}/calls/{}", self.site_url(tenant), call),
        )
        .about(mail_about_application(applicant.application_id))
    }

    pub async fn publish_call(&self, actor: &Actor, call: CallId) -> Result<()> {
        let user = actor.require_user(Action::ManageCalls)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .publish_call(actor.tenant, call, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => ServiceError::field("call", "call_already_published"),
                other => other,
            })
    }

    /// Moves the deadline later and e-mails everyone who has a draft, each in their language.
    pub async fn extend_deadline(&self, tenant: &TenantRow, actor: &Actor, call: CallId, raw: &str) -> Result<()> {
        actor.require_user(Action::ManageCalls)?;
        let tz: Tz = tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
        let row = self
            .store
            .call(tenant.id(), call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let closes_at = parse_call_time(CallTime::Closes, raw, tz).map_err(|e| ServiceError::Invalid(vec![e]))?;
        if row.outcome_published_at.is_some() {
            return Err(ServiceError::field("closes_at", "outcome_published"));
        }
        if closes_at <= row.closes_at || closes_at <= self.clock.now() {
            return Err(ServiceError::field("closes_at", "deadline_not_later"));
        }
        let drafters = self.store.call_drafters(tenant.id(), call).await?;
        let mails: Vec<NewMail> = drafters
            .iter()
            .map(|d| {
                let lang = Lang::parse(&d.lang).unwrap_or_default();
                let when = format_local(closes_at, tz);
                crate::common::mails::notice_mail(
                    lang,
                    &d.email,
                    Some(&d.name),
                    "mail-deadline-extended-subject",
                    "mail-deadline-extended-body",
                    &[
                        ("tenant", tenant.name(lang).to_owned()),
                        ("tenant_gen", tenant.name_genitive(lang)),
                        ("tenant_acc", tenant.name_accusative(lang)),
                        ("call", localized(lang, &row.title_sq, &row.title_en).to_owned()),
                        ("deadline", when),
                        ("zone", zone_name(lang, &tenant.time_zone)),
                    ],
                    &format!("{}/calls/{}", self.site_url(tenant), call),
                )
            })
            .collect();
        let ctx = self.ctx(tenant.id(), actor.user, actor.request_id.as_deref());
        Ok(self
            .store
            .extend_deadline(tenant.id(), call, closes_at, &mails, &ctx)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    const TIRANE: Tz = chrono_tz::Europe::Tirane;

    #[test]
    fn times_are_typed_as_the_municipality_writes_them() {
        let at = parse_call_time(CallTime::Opens, " 17.12.2026 23:59 ", TIRANE).unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-17T22:59:00+00:00");
        assert_eq!(format_local(at, TIRANE), "17.12.2026 23:59");
        // One-digit days, months and hours are read as meant.
        let short = parse_call_time(CallTime::Opens, "1.2.2027 8:05", TIRANE).unwrap();
        assert_eq!(format_local(short, TIRANE), "01.02.2027 08:05");
        // Summer time: the same wall-clock hour is an hour earlier in UTC.
        let summer = parse_call_time(CallTime::Closes, "01.07.2026 12:00", TIRANE).unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-07-01T10:00:00+00:00");
        for (which, raw) in [
            (CallTime::Opens, "2026-12-17T23:59"),
            (CallTime::Opens, "12/31/2026 11:59 PM"),
            (CallTime::Closes, "17/12/2026 23:59"),
            (CallTime::Closes, "31.12.26 23:59"),
            (CallTime::Closes, "31.12.2026"),
            (CallTime::Closes, "32.12.2026 10:00"),
            (CallTime::Closes, "31.12.2026 24:00"),
            (CallTime::Closes, "nesër"),
        ] {
            let err = parse_call_time(which, raw, TIRANE).unwrap_err();
            assert_eq!(err.field, which.field(), "{raw}");
            assert!(err.code.ends_with("_format"), "{raw}: {}", err.code);
        }
        assert_eq!(
            parse_call_time(CallTime::Closes, "", TIRANE).unwrap_err().code,
            "required"
        );
        // 02:30 on the last Sunday of March 2026 is skipped by the clocks.
        assert_eq!(
            parse_call_time(CallTime::Opens, "29.03.2026 02:30", TIRANE)
                .unwrap_err()
                .code,
            "datetime_nonexistent"
        );
        // The demo's seed writes times as code does.
        let seeded = parse_local("date", "2026-12-17T23:59", TIRANE).unwrap();
        assert_eq!(seeded, at);
    }

    fn row(name_sq: &str, weight: &str) -> CriterionFormRow {
        CriterionFormRow {
            name_sq: name_sq.into(),
            weight: weight.into(),
            ..CriterionFormRow::default()
        }
    }

    #[test]
    fn call_form_checks_dates_types_and_criteria() {
        let values = map(&[
            ("title_sq", "Thirrje"),
            ("summary_sq", "Përmbledhje"),
            ("contact_email", "k@elbasani.gov.al"),
            ("opens_at", "10.12.2026 09:00"),
            ("closes_at", "01.12.2026 09:00"),
        ]);
        let errs = parse_call_form(&values, &[], TIRANE).unwrap_err();
        let codes: Vec<(&str, &str)> = errs.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            codes,
            vec![
                ("closes_at", "date_order"),
                ("applicant_types", "choose_one"),
                ("criteria", "criteria_required")
            ]
        );
    }

    #[test]
    fn criteria_errors_sit_on_their_row_and_blank_rows_are_skipped() {
        let mut described = row("", "");
        described.description_sq = "Pa titull".into();
        let rows = [
            row("Përvoja", "3"),
            row("", ""),
            row("Motivimi", ""),
            row("Ndikimi", "0"),
            described,
        ];
        let (out, errors) = parse_criteria(&rows);
        assert_eq!(out.len(), 1);
        let codes: Vec<(&str, &str)> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            codes,
            vec![
                ("crit_weight-2", "weight_missing"),
                ("crit_weight-3", "weight_invalid"),
                ("crit_name_sq-4", "criterion_name_sq_required"),
            ]
        );
        let many: Vec<CriterionFormRow> = (0..=CRITERIA_MAX).map(|i| row(&format!("K{i}"), "1")).collect();
        assert_eq!(parse_criteria(&many).1[0].code, "criteria_too_many");
        assert_eq!(row_field(CRITERIA_MAX - 1, 4), "crit_weight-19");
    }
}
