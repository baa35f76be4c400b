//! Open calls: drafting and publishing them, applying, the deadline.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use domain::{
    ApplicationId, CallId, Email, FieldError, Lang, OrgId, Text,
    calls::{ApplicantType, ApplicationStatus, CallPhase},
};
use store::{
    ApplicationInput, ApplicationRow, CallInput, CallRow, CriterionInput, NewApplication, NewMail, TenantRow, WorkRow,
};

use crate::{Actor, ServiceError, Services, error::Result, orgs::FIELDS_OF_ACTIVITY};

/// Length limits of the application form, shown next to each field and enforced here.
pub mod limits {
    pub const DESCRIPTION: usize = 2000;
    pub const STATEMENT: usize = 3000;
    pub const CONTACT_NAME: usize = 120;
    pub const PHONE: usize = 40;
    pub const WORK_TITLE: usize = 200;
    pub const WORK_ROLE: usize = 120;
    pub const WORK_DESCRIPTION: usize = 1000;
    pub const LINK: usize = 300;
    pub const WORKS: usize = 5;
}

fn get<'a>(values: &'a HashMap<String, String>, key: &str) -> &'a str {
    values.get(key).map(String::as_str).unwrap_or("")
}

/// Reads a `datetime-local` value ("2026-12-17T23:59") as a time in the tenant's zone.
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

/// Shows a UTC time as a `datetime-local` value in the tenant's zone.
pub fn format_local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
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

/// Parses the call form. Rows of criteria without an Albanian name are dropped.
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
    let opens = parse_local("opens_at", get(values, "opens_at"), tz);
    let closes = parse_local("closes_at", get(values, "closes_at"), tz);
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
    let mut criteria_out = Vec::new();
    let mut criteria_err = None;
    for row in criteria.iter().filter(|r| !r.name_sq.trim().is_empty()) {
        let weight = row.weight.trim().parse::<i64>().ok().filter(|w| (1..=100).contains(w));
        match weight {
            Some(weight) => criteria_out.push(CriterionInput {
                name_sq: row.name_sq.trim().chars().take(200).collect(),
                name_en: row.name_en.trim().chars().take(200).collect(),
                description_sq: row.description_sq.trim().chars().take(2000).collect(),
                description_en: row.description_en.trim().chars().take(2000).collect(),
                weight,
            }),
            None => criteria_err = Some(FieldError::new("criteria", "weight_invalid")),
        }
    }
    if criteria_out.is_empty() && criteria_err.is_none() {
        criteria_err = Some(FieldError::new("criteria", "criteria_required"));
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
        criteria_err,
    ]
    .into_iter()
    .flatten()
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

/// Parses the application form. `for_submit` adds the checks that only submission needs
/// (required fields, consent); a draft may be saved half-filled.
pub fn parse_application_form(
    values: &HashMap<String, String>,
    works: &[WorkRow],
    for_submit: bool,
    this_year: i32,
) -> Result<(ApplicationInput, Vec<WorkRow>), Vec<FieldError>> {
    use limits::*;
    let description = Text::parse("description", get(values, "description"), for_submit, DESCRIPTION);
    let statement = Text::parse("statement", get(values, "statement"), for_submit, STATEMENT);
    let contact_name = Text::parse("contact_name", get(values, "contact_name"), for_submit, CONTACT_NAME);
    let phone_raw = get(values, "contact_phone").trim();
    let phone_err = if phone_raw.is_empty() {
        for_submit.then(|| FieldError::new("contact_phone", "required"))
    } else if phone_raw.chars().count() > PHONE
        || !phone_raw.chars().all(|c| c.is_ascii_digit() || " +-()/".contains(c))
        || phone_raw.chars().filter(char::is_ascii_digit).count() < 6
    {
        Some(FieldError::new("contact_phone", "phone_invalid"))
    } else {
        None
    };
    let fields: Vec<&str> = get(values, "fields")
        .split(',')
        .filter(|f| FIELDS_OF_ACTIVITY.contains(f))
        .collect();
    let fields_err = (for_submit && fields.is_empty()).then(|| FieldError::new("fields", "choose_one"));
    let areas = Text::parse("areas", get(values, "areas"), false, 300);
    let consent = get(values, "consent_privacy") == "yes";
    let consent_err = (for_submit && !consent).then(|| FieldError::new("consent_privacy", "consent_required"));
    let mut works_out = Vec::new();
    let mut work_err = None;
    for w in works.iter().take(WORKS) {
        if w.title.trim().is_empty() && w.description.trim().is_empty() && w.link.trim().is_empty() {
            continue;
        }
        let link_ok = w.link.is_empty() || w.link.starts_with("https://") || w.link.starts_with("http://");
        let year_ok = w.year.is_none_or(|y| (1950..=i64::from(this_year)).contains(&y));
        if w.title.trim().is_empty()
            || w.title.chars().count() > WORK_TITLE
            || w.role.chars().count() > WORK_ROLE
            || w.description.chars().count() > WORK_DESCRIPTION
            || w.link.chars().count() > LINK
            || !link_ok
            || !year_ok
        {
            work_err = Some(FieldError::new("works", "works_invalid"));
        }
        works_out.push(WorkRow {
            title: w.title.trim().into(),
            year: w.year,
            role: w.role.trim().into(),
            description: w.description.trim().into(),
            link: w.link.trim().into(),
        });
    }
    if for_submit && works_out.is_empty() && work_err.is_none() {
        work_err = Some(FieldError::new("works", "works_required"));
    }
    let errors: Vec<FieldError> = [
        description.clone().err(),
        statement.clone().err(),
        fields_err,
        areas.clone().err(),
        contact_name.clone().err(),
        phone_err,
        work_err,
        consent_err,
    ]
    .into_iter()
    .flatten()
    .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let s = |r: Result<Text, FieldError>| r.map(Text::into_string).unwrap_or_default();
    Ok((
        ApplicationInput {
            description: s(description),
            statement: s(statement),
            fields: fields.join(","),
            areas: s(areas),
            contact_name: s(contact_name),
            contact_phone: phone_raw.to_owned(),
            size_band: get(values, "size_band").to_owned(),
            consent_privacy: consent,
            consent_listing: get(values, "consent_listing") == "yes",
        },
        works_out,
    ))
}

fn refusal(code: &'static str) -> ServiceError {
    ServiceError::field("application", code)
}

impl Services {
    pub fn call_phase(&self, call: &CallRow) -> CallPhase {
        CallPhase::at(self.clock.now(), call.opens_at, call.closes_at)
    }

    pub async fn create_call(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        input: &CallInput,
        criteria: &[CriterionInput],
    ) -> Result<CallId> {
        let ctx = self.ctx(tenant.id(), actor.user, actor.request_id.as_deref());
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

    pub async fn update_call(
        &self,
        actor: &Actor,
        call: CallId,
        input: &CallInput,
        criteria: &[CriterionInput],
    ) -> Result<()> {
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        Ok(self
            .store
            .update_call(actor.tenant, call, input, criteria, &ctx)
            .await?)
    }

    pub async fn publish_call(&self, actor: &Actor, call: CallId) -> Result<()> {
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        Ok(self.store.publish_call(actor.tenant, call, &ctx).await?)
    }

    /// Moves the deadline later and e-mails everyone who has a draft, each in their language.
    pub async fn extend_deadline(&self, tenant: &TenantRow, actor: &Actor, call: CallId, raw: &str) -> Result<()> {
        let tz: Tz = tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
        let row = self
            .store
            .call(tenant.id(), call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let closes_at = parse_local("closes_at", raw, tz).map_err(|e| ServiceError::Invalid(vec![e]))?;
        if closes_at <= row.closes_at || closes_at <= self.clock.now() {
            return Err(ServiceError::field("closes_at", "deadline_not_later"));
        }
        let drafters = self.store.call_drafters(tenant.id(), call).await?;
        let mails: Vec<NewMail> = drafters
            .iter()
            .map(|(email, name, lang)| {
                let lang = Lang::parse(lang).unwrap_or_default();
                let when = closes_at.with_timezone(&tz).format("%d.%m.%Y %H:%M").to_string();
                crate::mails::link_mail(
                    lang,
                    email,
                    Some(name),
                    "mail-deadline-extended-subject",
                    "mail-deadline-extended-body",
                    &[
                        ("tenant", tenant.name(lang).to_owned()),
                        ("call", localized(lang, &row.title_sq, &row.title_en).to_owned()),
                        ("deadline", when),
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

    /// Opens a draft (or returns the one that exists) for the actor, as themselves or for one of
    /// their organisations.
    pub async fn start_application(
        &self,
        actor: &Actor,
        lang: Lang,
        call: CallId,
        applicant_type: &str,
        org: Option<OrgId>,
    ) -> Result<ApplicationId> {
        let user = actor.user.ok_or(ServiceError::Forbidden)?;
        let row = self
            .store
            .call(actor.tenant, call)
            .await?
            .filter(CallRow::is_published)
            .ok_or(ServiceError::NotFound)?;
        if self.call_phase(&row) != CallPhase::Open {
            return Err(refusal("call_not_open"));
        }
        let kind = ApplicantType::parse(applicant_type)
            .ok_or_else(|| ServiceError::field("applicant_type", "choice_invalid"))?;
        let allowed = match kind {
            ApplicantType::Cso => row.allow_cso,
            ApplicantType::InformalGroup => row.allow_informal,
            ApplicantType::Citizen => row.allow_citizen,
        };
        if !allowed {
            return Err(ServiceError::field("applicant_type", "applicant_type_not_allowed"));
        }
        let (org_id, size_band) = if kind.needs_organisation() {
            let org = org.ok_or_else(|| ServiceError::field("org_id", "required"))?;
            let org_row = self
                .org_for_member(actor, org)
                .await
                .map_err(|_| ServiceError::field("org_id", "choice_invalid"))?;
            let org_kind = if kind == ApplicantType::Cso {
                "cso"
            } else {
                "informal_group"
            };
            if org_row.kind != org_kind {
                return Err(ServiceError::field("org_id", "org_kind_mismatch"));
            }
            (Some(org.0), org_row.size_band)
        } else {
            (None, String::new())
        };
        if let Some(existing) = self.store.application_by_key(actor.tenant, call, org_id, user).await? {
            if existing.status == "withdrawn" {
                return Err(ServiceError::field("applicant_type", "already_applied"));
            }
            return Ok(existing.id());
        }
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        let new = NewApplication {
            call,
            applicant: user,
            applicant_type: kind.key().into(),
            org_id,
            size_band,
            lang: lang.code().into(),
        };
        self.store
            .start_application(actor.tenant, &new, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => ServiceError::field("applicant_type", "already_applied"),
                other => other,
            })
    }

    /// The application, if the actor may see it: the applicant, or staff.
    pub async fn application_for(
        &self,
        actor: &Actor,
        is_staff: bool,
        app: ApplicationId,
    ) -> Result<(ApplicationRow, CallRow)> {
        let row = self
            .store
            .application(actor.tenant, app)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let mine = actor.user.is_some_and(|u| u.0 == row.applicant_id);
        if !mine && !is_staff {
            return Err(ServiceError::NotFound);
        }
        let call = self
            .store
            .call(actor.tenant, row.call())
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !mine {
            let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
            self.store.record_application_read(actor.tenant, app, &ctx).await?;
        }
        Ok((row, call))
    }

    async fn own_application(&self, actor: &Actor, app: ApplicationId) -> Result<(ApplicationRow, CallRow)> {
        let (row, call) = self.application_for(actor, false, app).await?;
        Ok((row, call))
    }

    /// Saves the form; with `for_submit`, checks it as submission would (for the review screen).
    pub async fn save_application(
        &self,
        actor: &Actor,
        app: ApplicationId,
        values: &HashMap<String, String>,
        works: &[WorkRow],
        for_submit: bool,
    ) -> Result<()> {
        let (row, call) = self.own_application(actor, app).await?;
        let status = ApplicationStatus::parse(&row.status).unwrap_or(ApplicationStatus::Draft);
        status.can_edit(self.call_phase(&call)).map_err(|r| refusal(r.code()))?;
        let year = self.clock.now().year();
        // Always save what can be saved, so nothing typed is lost, then report what blocks submission.
        let (input, works_ok) = parse_application_form(values, works, false, year).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        self.store
            .save_application(actor.tenant, app, &input, &works_ok, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => refusal("application_not_editable"),
                other => other,
            })?;
        if for_submit {
            parse_application_form(values, works, true, year).map_err(ServiceError::Invalid)?;
        }
        Ok(())
    }

    /// Submits the draft: refused after the deadline (the draft stays), numbered, confirmed by
    /// e-mail to the applicant, and announced to the call's contact address.
    pub async fn submit_application(&self, tenant: &TenantRow, actor: &Actor, app: ApplicationId) -> Result<String> {
        let (row, call) = self.own_application(actor, app).await?;
        let status = ApplicationStatus::parse(&row.status).unwrap_or(ApplicationStatus::Draft);
        if status != ApplicationStatus::Draft && row.reference.is_some() {
            // A second click on "submit": the application exists once; say so.
            return Err(refusal("already_submitted"));
        }
        status
            .can_submit(self.call_phase(&call))
            .map_err(|r| refusal(r.code()))?;
        let works = self.store.application_works(tenant.id(), app).await?;
        let values = application_values(&row);
        parse_application_form(&values, &works, true, self.clock.now().year()).map_err(ServiceError::Invalid)?;
        let applicant_lang = Lang::parse(&row.lang).unwrap_or_default();
        let applicant_email = self
            .store
            .user_by_id(tenant.id(), domain::UserId(row.applicant_id))
            .await?
            .and_then(|u| u.email);
        let tenant_lang = tenant.languages().first().copied().unwrap_or_default();
        let link = format!("{}/applications/{}", self.site_url(tenant), app);
        let ctx = self.ctx(tenant.id(), actor.user, actor.request_id.as_deref());
        let call_title = |lang: Lang| localized(lang, &call.title_sq, &call.title_en).to_owned();
        let mails = |reference: &str| {
            let mut out = Vec::new();
            if let Some(email) = &applicant_email {
                out.push(crate::mails::link_mail(
                    applicant_lang,
                    email,
                    Some(&row.applicant_name),
                    "mail-application-submitted-subject",
                    "mail-application-submitted-body",
                    &[
                        ("tenant", tenant.name(applicant_lang).to_owned()),
                        ("call", call_title(applicant_lang)),
                        ("reference", reference.to_owned()),
                    ],
                    &link,
                ));
            }
            out.push(crate::mails::link_mail(
                tenant_lang,
                &call.contact_email,
                None,
                "mail-application-received-subject",
                "mail-application-received-body",
                &[
                    ("tenant", tenant.name(tenant_lang).to_owned()),
                    ("call", call_title(tenant_lang)),
                    ("reference", reference.to_owned()),
                    ("applicant", row.display_name().to_owned()),
                ],
                &format!("{}/admin/calls/{}", self.site_url(tenant), call.id),
            ));
            out
        };
        self.store
            .submit_application(tenant.id(), app, self.clock.now().year(), mails, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => refusal("already_submitted"),
                other => other,
            })
    }

    pub async fn withdraw_application(&self, actor: &Actor, app: ApplicationId) -> Result<()> {
        let (row, call) = self.own_application(actor, app).await?;
        let status = ApplicationStatus::parse(&row.status).unwrap_or(ApplicationStatus::Draft);
        status
            .can_withdraw(self.call_phase(&call))
            .map_err(|r| refusal(r.code()))?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        self.store
            .withdraw_application(actor.tenant, app, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => refusal("application_withdrawn"),
                other => other,
            })
    }
}

/// An application's stored values in the shape of the form.
pub fn application_values(row: &ApplicationRow) -> HashMap<String, String> {
    [
        ("description", row.description.clone()),
        ("statement", row.statement.clone()),
        ("fields", row.fields.clone()),
        ("areas", row.areas.clone()),
        ("contact_name", row.contact_name.clone()),
        ("contact_phone", row.contact_phone.clone()),
        ("size_band", row.size_band.clone()),
        (
            "consent_privacy",
            if row.consent_privacy {
                "yes".into()
            } else {
                String::new()
            },
        ),
        (
            "consent_listing",
            if row.consent_listing {
                "yes".into()
            } else {
                String::new()
            },
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

pub fn localized<'a>(lang: Lang, sq: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::En if !en.trim().is_empty() => en,
        _ => sq,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn local_times_use_the_tenant_zone() {
        let at = parse_local("opens_at", "2026-12-17T23:59", chrono_tz::Europe::Tirane).unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-17T22:59:00+00:00");
        assert_eq!(format_local(at, chrono_tz::Europe::Tirane), "2026-12-17T23:59");
        assert_eq!(
            parse_local("x", "17/12/2026", chrono_tz::Europe::Tirane)
                .unwrap_err()
                .code,
            "datetime_invalid"
        );
    }

    #[test]
    fn a_draft_may_be_incomplete_but_a_submission_may_not() {
        assert!(parse_application_form(&map(&[("description", "Pak")]), &[], false, 2026).is_ok());
        let errs = parse_application_form(&map(&[("description", "Pak")]), &[], true, 2026).unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                "statement",
                "fields",
                "contact_name",
                "contact_phone",
                "works",
                "consent_privacy"
            ]
        );
    }

    #[test]
    fn limits_and_formats_hold_even_for_drafts() {
        let long = "ë".repeat(limits::DESCRIPTION + 1);
        let errs = parse_application_form(
            &map(&[("description", &long), ("contact_phone", "abc")]),
            &[],
            false,
            2026,
        )
        .unwrap_err();
        assert_eq!(
            errs.iter().map(|e| e.code).collect::<Vec<_>>(),
            vec!["too_long", "phone_invalid"]
        );
        let bad_work = WorkRow {
            title: "Projekt".into(),
            year: Some(2031),
            role: String::new(),
            description: String::new(),
            link: "javascript:x".into(),
        };
        assert_eq!(
            parse_application_form(&map(&[]), &[bad_work], false, 2026).unwrap_err()[0].code,
            "works_invalid"
        );
    }

    #[test]
    fn call_form_checks_dates_types_and_criteria() {
        let values = map(&[
            ("title_sq", "Thirrje"),
            ("summary_sq", "Përmbledhje"),
            ("contact_email", "k@elbasani.gov.al"),
            ("opens_at", "2026-12-10T09:00"),
            ("closes_at", "2026-12-01T09:00"),
        ]);
        let errs = parse_call_form(&values, &[], chrono_tz::Europe::Tirane).unwrap_err();
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
}
