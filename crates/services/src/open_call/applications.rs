//! Applications to an open call: the form, drafts, submission with a reference, withdrawal.

use std::collections::HashMap;

use chrono::Datelike;
use domain::{
    Action, ApplicationId, CallId, FieldError, Lang, OrgId, Text,
    open_call::{ApplicantType, ApplicationRefusal, ApplicationStatus, CallPhase},
};
use store::{
    ApplicationInput, ApplicationRow, CallRow, FileMeta, NewApplication, TenantRow, WorkRow, mail_about_application,
};

use super::get;
use crate::{
    Actor, ServiceError, Services,
    common::{error::Result, localized},
    people::orgs::FIELDS_OF_ACTIVITY,
};

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

/// Parses the application form. `for_submit` adds the checks that only submission needs
/// (required fields, consent); a draft may be saved half-filled.
pub fn parse_application_form(
    values: &HashMap<String, String>,
    works: &[WorkRow],
    units: &[&str],
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
    // Administrative units are chosen from the municipality's list, never typed: the public
    // statistics count them.
    let chosen: Vec<&str> = get(values, "areas")
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    let areas = if chosen.iter().all(|a| units.contains(a)) {
        Ok(chosen.join(","))
    } else {
        Err(FieldError::new("areas", "choice_invalid"))
    };
    let consent = get(values, "consent_privacy") == "yes";
    let consent_err = (for_submit && !consent).then(|| FieldError::new("consent_privacy", "consent_required"));
    let mut works_out = Vec::new();
    let mut work_err = None;
    for w in works.iter().take(WORKS) {
        if w.title.trim().is_empty() && w.description.trim().is_empty() && w.link.trim().is_empty() {
            continue;
        }
        let readable = [&w.title, &w.role, &w.description, &w.link]
            .iter()
            .all(|t| domain::check_characters("works", t).is_ok());
        let link_ok = w.link.is_empty() || w.link.starts_with("https://") || w.link.starts_with("http://");
        let year_ok = w.year.is_none_or(|y| (1950..=i64::from(this_year)).contains(&y));
        if !readable {
            work_err = Some(FieldError::new("works", "control_characters"));
        } else if w.title.trim().is_empty()
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
            areas: areas.unwrap_or_default(),
            contact_name: s(contact_name),
            contact_phone: phone_raw.to_owned(),
            // Counted in the public statistics: a band from the list, or none (the organisation's).
            size_band: domain::SizeBand::parse("size_band", get(values, "size_band"))
                .map(|b| b.key().to_owned())
                .unwrap_or_default(),
            consent_privacy: consent,
            consent_listing: get(values, "consent_listing") == "yes",
        },
        works_out,
    ))
}

fn refusal(code: &'static str) -> ServiceError {
    ServiceError::field("application", code)
}

/// Who is looking at an application, as [`Services::application_for`] decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    Applicant,
    Staff,
    Reviewer,
}

/// An application with its call, previous works and attachments, and who sees it in which role.
#[derive(Debug, Clone)]
pub struct SeenApplication {
    pub row: ApplicationRow,
    pub call: CallRow,
    pub works: Vec<WorkRow>,
    pub files: Vec<FileMeta>,
    pub viewer: Viewer,
    /// Where the call stands now (by the services' clock).
    pub phase: CallPhase,
    /// What the applicant may still do with it (always `false` for staff and reviewers).
    pub can_edit: bool,
    pub can_withdraw: bool,
}

/// One of the signed-in person's applications, with its call (when published) and whether it
/// is a draft that can still be completed.
#[derive(Debug, Clone)]
pub struct OwnApplication {
    pub row: ApplicationRow,
    pub call: Option<CallRow>,
    pub can_edit: bool,
}

/// Before the outcome is published, a decision is the coordinator's draft: the applicant sees
/// "submitted" and no reason.
fn mask_undisclosed_decision(row: &mut ApplicationRow, call: &CallRow) {
    let published = call.outcome_published_at.is_some();
    let shown = row.status.as_seen_by_applicant(published);
    if shown != row.status {
        row.status = shown;
        row.decision_reason = None;
        row.decided_at = None;
    }
}

impl Services {
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
        let user = actor.require_user(Action::ApplyToCalls)?;
        let row = self
            .store
            .call(actor.tenant, call)
            .await?
            .filter(CallRow::is_published)
            .ok_or(ServiceError::NotFound)?;
        if self.call_phase(&row) != CallPhase::Open || row.outcome_published_at.is_some() {
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
            if existing.status == ApplicationStatus::Withdrawn {
                return Err(ServiceError::field("applicant_type", "already_applied"));
            }
            return Ok(existing.id());
        }
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        let new = NewApplication {
            call,
            applicant: user,
            applicant_type: kind,
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

    /// The application, if the actor may see it: the applicant; a coordinator; an assigned
    /// reviewer. A draft is the applicant's alone until it is submitted. Reads by anyone but the
    /// applicant are written to the audit log. The applicant sees a decision only once the
    /// outcome is published.
    pub async fn application_for(&self, actor: &Actor, app: ApplicationId) -> Result<SeenApplication> {
        let user = actor.require_user(Action::ViewPublic)?;
        let mut row = self
            .store
            .application(actor.tenant, app)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let call = self
            .store
            .call(actor.tenant, row.call())
            .await?
            .ok_or(ServiceError::NotFound)?;
        let viewer = if row.applicant_id == user.0 {
            Viewer::Applicant
        } else if row.status == ApplicationStatus::Draft {
            return Err(ServiceError::NotFound);
        } else if actor.can(Action::ManageCalls) {
            Viewer::Staff
        } else if actor.can(Action::ReviewApplications) && self.store.is_assigned(actor.tenant, app, user).await? {
            Viewer::Reviewer
        } else {
            return Err(ServiceError::NotFound);
        };
        match viewer {
            Viewer::Applicant => mask_undisclosed_decision(&mut row, &call),
            Viewer::Staff | Viewer::Reviewer => {
                let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
                self.store.record_application_read(actor.tenant, app, &ctx).await?;
            }
        }
        let works = self.store.application_works(actor.tenant, app).await?;
        let files = self.store.application_files(actor.tenant, app).await?;
        let phase = self.call_phase(&call);
        let published = call.outcome_published_at.is_some();
        let mine = viewer == Viewer::Applicant;
        Ok(SeenApplication {
            can_edit: mine && row.status.can_edit(phase).is_ok() && !published,
            can_withdraw: mine && row.status.can_withdraw(phase, published).is_ok(),
            phase,
            row,
            call,
            works,
            files,
            viewer,
        })
    }

    /// What still stands in the way of submitting the actor's draft, for the review screen: the
    /// form's checks for submission, and a closed call.
    pub async fn submission_check(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        app: ApplicationId,
    ) -> Result<(SeenApplication, Vec<FieldError>)> {
        let seen = self.application_for(actor, app).await?;
        if seen.viewer != Viewer::Applicant {
            return Err(ServiceError::Forbidden);
        }
        let year = self.clock.now().year();
        let units = tenant.admin_units();
        let mut problems = match parse_application_form(&application_values(&seen.row), &seen.works, &units, true, year)
        {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        };
        if seen.call.outcome_published_at.is_some() {
            problems.push(FieldError::new("application", "outcome_published"));
        } else if self.call_phase(&seen.call) != CallPhase::Open {
            problems.push(FieldError::new("application", "call_not_open"));
        }
        Ok((seen, problems))
    }

    /// The actor's own application (to edit, submit, withdraw or attach files to it).
    pub(crate) async fn own_application(&self, actor: &Actor, app: ApplicationId) -> Result<(ApplicationRow, CallRow)> {
        actor.require_user(Action::ApplyToCalls)?;
        let seen = self.application_for(actor, app).await?;
        match seen.viewer {
            Viewer::Applicant => Ok((seen.row, seen.call)),
            Viewer::Staff | Viewer::Reviewer => Err(ServiceError::Forbidden),
        }
    }

    /// The actor's own application to a call, if any (as they may see it).
    pub async fn my_application_to(&self, actor: &Actor, call: CallId) -> Result<Option<ApplicationRow>> {
        if actor.user.is_none() {
            return Ok(None);
        }
        Ok(self
            .my_applications(actor)
            .await?
            .into_iter()
            .find(|a| a.call_id == call.0))
    }

    /// The signed-in person's applications, newest first, as they may see them.
    pub async fn my_applications(&self, actor: &Actor) -> Result<Vec<ApplicationRow>> {
        Ok(self.own_applications(actor).await?.into_iter().map(|a| a.row).collect())
    }

    /// The signed-in person's applications, newest first, as they may see them, each with its
    /// call (for the title and the deadline) and whether the draft can still be completed.
    pub async fn own_applications(&self, actor: &Actor) -> Result<Vec<OwnApplication>> {
        let user = actor.require_user(Action::ApplyToCalls)?;
        let rows = self.store.applications_of(actor.tenant, user).await?;
        let calls = self.store.list_calls(actor.tenant, false).await?;
        Ok(rows
            .into_iter()
            .map(|mut row| {
                let call = calls.iter().find(|c| c.id == row.call_id).cloned();
                let can_edit = match &call {
                    Some(call) => {
                        mask_undisclosed_decision(&mut row, call);
                        row.status.can_edit(self.call_phase(call)).is_ok() && call.outcome_published_at.is_none()
                    }
                    None => {
                        // A call that is not published shows no decision at all.
                        row.status = row.status.as_seen_by_applicant(false);
                        row.decision_reason = None;
                        row.decided_at = None;
                        false
                    }
                };
                OwnApplication { row, call, can_edit }
            })
            .collect())
    }

    /// Saves the form; with `for_submit`, checks it as submission would (for the review screen).
    pub async fn save_application(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        app: ApplicationId,
        values: &HashMap<String, String>,
        works: &[WorkRow],
        for_submit: bool,
    ) -> Result<()> {
        let (row, call) = self.own_application(actor, app).await?;
        row.status
            .can_edit(self.call_phase(&call))
            .map_err(|r| refusal(r.code()))?;
        let year = self.clock.now().year();
        // Always save what can be saved, so nothing typed is lost, then report what blocks submission.
        let (input, works_ok) =
            parse_application_form(values, works, &tenant.admin_units(), false, year).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        self.store
            .save_application(actor.tenant, app, &input, &works_ok, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => refusal("application_not_editable"),
                other => other,
            })?;
        if for_submit {
            parse_application_form(values, works, &tenant.admin_units(), true, year).map_err(ServiceError::Invalid)?;
        }
        Ok(())
    }

    /// Submits the draft: refused after the deadline (the draft stays), numbered, confirmed by
    /// e-mail to the applicant, and announced to the call's contact address.
    pub async fn submit_application(&self, tenant: &TenantRow, actor: &Actor, app: ApplicationId) -> Result<String> {
        let (row, call) = self.own_application(actor, app).await?;
        if row.status != ApplicationStatus::Draft && row.reference.is_some() {
            // A second click on "submit": the application exists once; say so.
            return Err(refusal("already_submitted"));
        }
        if call.outcome_published_at.is_some() {
            return Err(refusal("outcome_published"));
        }
        row.status
            .can_submit(self.call_phase(&call))
            .map_err(|r| refusal(r.code()))?;
        let works = self.store.application_works(tenant.id(), app).await?;
        let values = application_values(&row);
        parse_application_form(&values, &works, &tenant.admin_units(), true, self.clock.now().year())
            .map_err(ServiceError::Invalid)?;
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
                out.push(
                    crate::common::mails::notice_mail(
                        applicant_lang,
                        email,
                        Some(&row.applicant_name),
                        "mail-application-submitted-subject",
                        "mail-application-submitted-body",
                        &[
                            ("tenant", tenant.name(applicant_lang).to_owned()),
                            ("tenant_gen", tenant.name_genitive(applicant_lang)),
                            ("tenant_acc", tenant.name_accusative(applicant_lang)),
                            ("call", call_title(applicant_lang)),
                            ("reference", reference.to_owned()),
                        ],
                        &link,
                    )
                    .about(mail_about_application(app.0)),
                );
            }
            out.push(
                crate::common::mails::notice_mail(
                    tenant_lang,
                    &call.contact_email,
                    None,
                    "mail-application-received-subject",
                    "mail-application-received-body",
                    &[
                        ("tenant", tenant.name(tenant_lang).to_owned()),
                        ("tenant_gen", tenant.name_genitive(tenant_lang)),
                        ("tenant_acc", tenant.name_accusative(tenant_lang)),
                        ("call", call_title(tenant_lang)),
                        ("reference", reference.to_owned()),
                        ("applicant", row.display_name().to_owned()),
                    ],
                    &format!("{}/admin/applications/{}", self.site_url(tenant), app),
                )
                .about(mail_about_application(app.0)),
            );
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
        row.status
            .can_withdraw(self.call_phase(&call), call.outcome_published_at.is_some())
            .map_err(|r| match r {
                // Said plainly: the decision is out, there is nothing left to withdraw from.
                ApplicationRefusal::OutcomePublished => refusal("withdraw_after_outcome"),
                other => refusal(other.code()),
            })?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_draft_may_be_incomplete_but_a_submission_may_not() {
        assert!(parse_application_form(&map(&[("description", "Pak")]), &[], &[], false, 2026).is_ok());
        let errs = parse_application_form(&map(&[("description", "Pak")]), &[], &[], true, 2026).unwrap_err();
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
    fn control_characters_in_previous_work_are_refused() {
        let work = WorkRow {
            title: "Projekt\u{0}".into(),
            ..WorkRow::default()
        };
        let errs = parse_application_form(&map(&[]), &[work], &[], false, 2026).unwrap_err();
        assert_eq!((errs[0].field, errs[0].code), ("works", "control_characters"));
    }

    #[test]
    fn units_come_from_the_municipalitys_list() {
        let units = ["Elbasan", "Labinot-Fushë"];
        let (input, _) =
            parse_application_form(&map(&[("areas", "Labinot-Fushë,Elbasan")]), &[], &units, false, 2026).unwrap();
        assert_eq!(input.areas, "Labinot-Fushë,Elbasan");
        let errs = parse_application_form(&map(&[("areas", "Diku tjetër")]), &[], &units, false, 2026).unwrap_err();
        assert_eq!((errs[0].field, errs[0].code), ("areas", "choice_invalid"));
    }

    #[test]
    fn limits_and_formats_hold_even_for_drafts() {
        let long = "ë".repeat(limits::DESCRIPTION + 1);
        let errs = parse_application_form(
            &map(&[("description", &long), ("contact_phone", "abc")]),
            &[],
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
            parse_application_form(&map(&[]), &[bad_work], &[], false, 2026).unwrap_err()[0].code,
            "works_invalid"
        );
    }
}
