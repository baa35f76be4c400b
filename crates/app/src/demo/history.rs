//! The demo's past, played through the same use cases the web pages call, on a clock the demo
//! moves by hand: people sign up, apply with attachments, withdraw; the coordinator assigns
//! reviewers; reviewers read, score, save drafts or declare conflicts; the coordinator decides and
//! publishes an outcome. Every audit entry, derived figure, forum hand-over and e-mail is then
//! what the real flow makes, dated when the story says it happened.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Datelike, Duration, Utc};
use domain::{ApplicationId, CallId, Email, Lang, OrgId, Role, RoleSet, UserId};
use services::{Actor, Clock, ServiceError, Services};
use store::{AuditCtx, CriterionRow, TenantRow, WorkRow};

use super::pdf;

/// Hours after the start of a story (midnight, local time, of its first day): `day`, at `hour`.
pub const fn at(day: i64, hour: i64) -> i64 {
    day * 24 + hour
}

/// Largest attachment the demo's own files may be (they are about 1 kB).
const ATTACHMENT_MAX_BYTES: usize = 1 << 20;

/// A clock that stands where the story is.
struct StoryClock(Mutex<DateTime<Utc>>);

impl StoryClock {
    fn set(&self, at: DateTime<Utc>) {
        if let Ok(mut now) = self.0.lock() {
            *now = at;
        }
    }
}

impl Clock for StoryClock {
    fn now(&self) -> DateTime<Utc> {
        self.0.lock().map(|t| *t).unwrap_or_default()
    }
}

/// An organisation an applicant creates before applying for it.
pub struct Org {
    pub name: &'static str,
    /// `cso` or `informal_group`.
    pub kind: &'static str,
    pub registration: &'static str,
    pub size: &'static str,
    pub website: &'static str,
    pub mission: &'static str,
}

/// An example of previous work, `years_ago` counted from the year the application is made.
pub struct Work {
    pub title: &'static str,
    pub years_ago: i32,
    pub role: &'static str,
    pub description: &'static str,
    pub link: &'static str,
}

/// Where an application ends up before the outcome.
pub enum Fate {
    /// Started and left unfinished: seen by its applicant only.
    Draft,
    Submitted,
    /// Submitted, then withdrawn (see [`at`]).
    Withdrawn(i64),
}

/// What one reviewer does with an application: one score (1 to 5, 0 = left out) and one comment
/// per criterion.
pub enum Review {
    Submitted(&'static [i64], &'static [&'static str]),
    /// Saved, not submitted: the reviewer is still working on it.
    Saved(&'static [i64], &'static [&'static str]),
    Conflict(&'static str),
}

pub struct Applicant {
    pub email: &'static str,
    pub name: &'static str,
    pub lang: Lang,
    pub org: Option<Org>,
    /// Keys of fields of activity, comma-separated.
    pub fields: &'static str,
    /// Administrative units, comma-separated.
    pub units: &'static str,
    pub description: &'static str,
    pub statement: &'static str,
    pub works: &'static [Work],
    pub phone: &'static str,
    /// Agrees to be listed publicly if selected.
    pub listing: bool,
    /// Attachments: file name and the heading of the document.
    pub files: &'static [(&'static str, &'static str)],
    /// When they apply (see [`at`]).
    pub applies_h: i64,
    pub fate: Fate,
    /// Reviewer (0 or 1), when (see [`at`]), what they do.
    pub reviews: &'static [(usize, i64, Review)],
    /// When (see [`at`]), decision key, reason.
    pub decision: Option<(i64, &'static str, &'static str)>,
}

/// One call's story: its applicants, when the coordinator assigns both reviewers to the whole
/// call (the applications submitted by then), and when the outcome is published, if it is.
pub struct Story {
    pub applicants: &'static [Applicant],
    pub assign_h: i64,
    pub publish_h: Option<i64>,
}

/// The services on the story's clock, and who acts in it.
pub struct Past {
    services: Services,
    clock: Arc<StoryClock>,
    tenant: TenantRow,
    hash: String,
    coordinator: Actor,
    reviewers: [Actor; 2],
}

const REQUEST_ID: &str = "demo-seed";

fn actor(tenant: &TenantRow, user: UserId, role: Option<Role>) -> Actor {
    Actor {
        tenant: tenant.id(),
        user: Some(user),
        roles: role.map_or_else(RoleSet::empty, |r| RoleSet::empty().with(r)),
        request_id: Some(REQUEST_ID.into()),
    }
}

/// A use case's refusal in words, naming the fields, so that a demo that no longer fits the
/// rules says exactly what.
fn svc<T>(what: &str, result: Result<T, ServiceError>) -> anyhow::Result<T> {
    result.map_err(|e| match e {
        ServiceError::Invalid(errors) => anyhow::anyhow!(
            "demo {what}: {}",
            errors
                .iter()
                .map(|e| format!("{} {}", e.field, e.code))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => anyhow::anyhow!("demo {what}: {other}"),
    })
}

enum Step {
    Apply(usize),
    Withdraw(usize),
    Assign,
    Review(usize, usize),
    Decide(usize),
    Publish,
}

impl Past {
    pub async fn new(
        services: &Services,
        tenant: domain::TenantId,
        coordinator: UserId,
        reviewers: [UserId; 2],
        hash: &str,
    ) -> anyhow::Result<Past> {
        let clock = Arc::new(StoryClock(Mutex::new(services.clock.now())));
        let tenant = services
            .store
            .list_tenants()
            .await?
            .into_iter()
            .find(|t| t.id() == tenant)
            .ok_or_else(|| anyhow::anyhow!("demo tenant vanished"))?;
        Ok(Past {
            services: Services::new(services.store.clone(), clock.clone(), &services.base_url),
            clock,
            coordinator: actor(&tenant, coordinator, Some(Role::Coordinator)),
            reviewers: reviewers.map(|r| actor(&tenant, r, Some(Role::Reviewer))),
            tenant,
            hash: hash.to_owned(),
        })
    }

    fn ctx(&self, actor: Option<UserId>) -> AuditCtx {
        AuditCtx {
            tenant: Some(self.tenant.id()),
            actor,
            at: self.clock.now(),
            request_id: Some(REQUEST_ID.into()),
        }
    }

    /// Plays a call's story from `start` (midnight of its day 0), in the order its events happened.
    pub async fn play(&self, call: CallId, start: DateTime<Utc>, story: &Story) -> anyhow::Result<()> {
        let criteria = self.services.store.criteria(self.tenant.id(), call).await?;
        let mut steps: Vec<(i64, Step)> = vec![(story.assign_h, Step::Assign)];
        if let Some(h) = story.publish_h {
            steps.push((h, Step::Publish));
        }
        for (i, a) in story.applicants.iter().enumerate() {
            steps.push((a.applies_h, Step::Apply(i)));
            if let Fate::Withdrawn(h) = a.fate {
                steps.push((h, Step::Withdraw(i)));
            }
            for (n, (_, h, _)) in a.reviews.iter().enumerate() {
                steps.push((*h, Step::Review(i, n)));
            }
            if let Some((h, _, _)) = a.decision {
                steps.push((h, Step::Decide(i)));
            }
        }
        steps.sort_by_key(|(h, _)| *h);
        let mut apps: Vec<Option<(ApplicationId, Actor)>> = vec![None; story.applicants.len()];
        let app = |apps: &[Option<(ApplicationId, Actor)>], i: usize| {
            apps.get(i)
                .and_then(|a| a.as_ref())
                .map(|(id, _)| *id)
                .ok_or_else(|| anyhow::anyhow!("demo story: application {i} acted on before it exists"))
        };
        let mut same_hour = (i64::MIN, 0);
        for (h, step) in &steps {
            // Events in the same hour follow each other a few minutes apart, in the story's order.
            same_hour = if same_hour.0 == *h {
                (*h, same_hour.1 + 3)
            } else {
                (*h, 0)
            };
            self.clock
                .set(start + Duration::hours(*h) + Duration::minutes(same_hour.1));
            match step {
                Step::Apply(i) => {
                    let Some(a) = story.applicants.get(*i) else { continue };
                    let made = self.apply(call, a).await?;
                    if let Some(slot) = apps.get_mut(*i) {
                        *slot = Some(made);
                    }
                }
                Step::Withdraw(i) => {
                    let (id, who) = apps
                        .get(*i)
                        .and_then(|a| a.clone())
                        .ok_or_else(|| anyhow::anyhow!("demo story: withdrawal before application"))?;
                    svc("withdrawal", self.services.withdraw_application(&who, id).await)?;
                }
                Step::Assign => {
                    for reviewer in &self.reviewers {
                        let picked = reviewer.user.map(|u| u.0.to_string()).unwrap_or_default();
                        svc(
                            "assignment",
                            self.services
                                .assign_reviewer_to_call(&self.tenant, &self.coordinator, call, &picked)
                                .await,
                        )?;
                    }
                }
                Step::Review(i, n) => {
                    let id = app(&apps, *i)?;
                    let Some((who, _, review)) = story.applicants.get(*i).and_then(|a| a.reviews.get(*n)) else {
                        continue;
                    };
                    let reviewer = self
                        .reviewers
                        .get(*who)
                        .ok_or_else(|| anyhow::anyhow!("demo story: no reviewer {who}"))?;
                    self.review(reviewer, id, &criteria, review).await?;
                }
                Step::Decide(i) => {
                    let id = app(&apps, *i)?;
                    let Some((_, decision, reason)) = story.applicants.get(*i).and_then(|a| a.decision) else {
                        continue;
                    };
                    // The coordinator reads the application and its reviews first (an audited read).
                    svc(
                        "staff read",
                        self.services.application_for_staff(&self.coordinator, id).await,
                    )?;
                    svc(
                        "decision",
                        self.services
                            .decide(&self.coordinator, call, &[id], decision, reason)
                            .await,
                    )?;
                }
                Step::Publish => {
                    svc(
                        "outcome summary",
                        self.services.outcome_preview(&self.coordinator, call).await,
                    )?;
                    svc(
                        "outcome",
                        self.services
                            .publish_outcome(&self.tenant, &self.coordinator, call)
                            .await,
                    )?;
                }
            }
        }
        Ok(())
    }

    /// An applicant signs up, creates their organisation, starts, fills in, attaches files and
    /// (unless it stays a draft) submits, a few minutes apart.
    async fn apply(&self, call: CallId, a: &Applicant) -> anyhow::Result<(ApplicationId, Actor)> {
        let s = &self.services;
        let start = self.clock.now();
        let email =
            Email::parse("email", a.email).map_err(|e| anyhow::anyhow!("demo e-mail {}: {}", a.email, e.code))?;
        let user = s
            .store
            .create_verified_user(
                self.tenant.id(),
                &email,
                a.name,
                &self.hash,
                a.lang,
                &[],
                &self.ctx(None),
            )
            .await?;
        let who = actor(&self.tenant, user, None);
        let org: Option<OrgId> = match &a.org {
            Some(org) => {
                self.clock.set(start + Duration::minutes(4));
                let values = map(&[
                    ("name", org.name),
                    ("kind", org.kind),
                    ("registration_number", org.registration),
                    ("size_band", org.size),
                    ("fields", a.fields),
                    ("area", &a.units.replace(',', ", ")),
                    ("website", org.website),
                    ("mission", org.mission),
                ]);
                Some(svc("organisation", s.create_org(&who, &values).await)?)
            }
            None => None,
        };
        let kind = a.org.as_ref().map_or("citizen", |o| o.kind);
        self.clock.set(start + Duration::minutes(10));
        let app = svc("application", s.start_application(&who, a.lang, call, kind, org).await)?;
        self.clock.set(start + Duration::minutes(35));
        let year = self.clock.now().year();
        let works: Vec<WorkRow> = a
            .works
            .iter()
            .map(|w| WorkRow {
                title: w.title.into(),
                year: Some(i64::from(year - w.years_ago)),
                role: w.role.into(),
                description: w.description.into(),
                link: w.link.into(),
            })
            .collect();
        let submits = !matches!(a.fate, Fate::Draft);
        let yes = |b: bool| if b { "yes" } else { "" };
        let values = map(&[
            ("description", a.description),
            ("statement", a.statement),
            ("fields", a.fields),
            ("areas", a.units),
            ("contact_name", if a.phone.is_empty() { "" } else { a.name }),
            ("contact_phone", a.phone),
            ("consent_privacy", yes(submits)),
            ("consent_listing", yes(submits && a.listing)),
        ]);
        svc(
            "application form",
            s.save_application(&self.tenant, &who, app, &values, &works, submits)
                .await,
        )?;
        for (n, (filename, heading)) in a.files.iter().enumerate() {
            self.clock.set(start + Duration::minutes(40 + 2 * n as i64));
            let content = attachment(a, heading);
            svc(
                "attachment",
                s.attach_file(&who, app, filename, &content, ATTACHMENT_MAX_BYTES).await,
            )?;
        }
        if submits {
            self.clock.set(start + Duration::minutes(50));
            svc("submission", s.submit_application(&self.tenant, &who, app).await)?;
        }
        Ok((app, who))
    }

    /// A reviewer opens the scoring sheet (an audited read), then scores, saves or declares a
    /// conflict of interest.
    async fn review(
        &self,
        reviewer: &Actor,
        app: ApplicationId,
        criteria: &[CriterionRow],
        review: &Review,
    ) -> anyhow::Result<()> {
        let s = &self.services;
        svc("review sheet", s.review_sheet(reviewer, app).await)?;
        let (scores, comments, submit) = match review {
            Review::Conflict(note) => {
                return svc("conflict", s.declare_conflict(reviewer, app, note).await);
            }
            Review::Submitted(scores, comments) => (scores, comments, true),
            Review::Saved(scores, comments) => (scores, comments, false),
        };
        if scores.len() != criteria.len() || comments.len() != criteria.len() {
            anyhow::bail!("demo review: {} criteria, {} scores", criteria.len(), scores.len());
        }
        let mut values = HashMap::new();
        for ((c, score), comment) in criteria.iter().zip(scores.iter()).zip(comments.iter()) {
            if *score > 0 {
                values.insert(format!("score-{}", c.id), score.to_string());
            }
            values.insert(format!("comment-{}", c.id), (*comment).to_owned());
        }
        svc("review", s.save_review(reviewer, app, &values, submit).await)
    }

    /// The story's e-mails went out when they were written: marked sent a minute after each was
    /// queued (through the outbox's own claim), rather than sent again by today's worker to
    /// people who do not exist.
    pub async fn deliver_mail(&self) -> anyhow::Result<()> {
        let store = &self.services.store;
        let now = self.clock.now();
        loop {
            let batch = store.claim_due_mail(now, now + Duration::minutes(5), 100).await?;
            if batch.is_empty() {
                return Ok(());
            }
            for mail in batch {
                store
                    .mark_mail_sent(mail.id, mail.created_at + Duration::minutes(1))
                    .await?;
            }
        }
    }

    /// Moves the story's clock (for steps outside a story, and before `deliver_mail`).
    pub fn set_clock(&self, at: DateTime<Utc>) {
        self.clock.set(at);
    }
}

fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

/// A one-page PDF that says what it stands for and that it is an example.
fn attachment(a: &Applicant, heading: &str) -> Vec<u8> {
    let author = a.org.as_ref().map_or(a.name, |o| o.name);
    let paragraphs = match a.lang {
        Lang::En => vec![
            author.to_owned(),
            format!("Administrative units: {}.", a.units.replace(',', ", ")),
            "An example document made for the bashke demo: in a real application the full document \
             would be here."
                .to_owned(),
        ],
        _ => vec![
            author.to_owned(),
            format!("Njësitë administrative: {}.", a.units.replace(',', ", ")),
            "Dokument shembull i krijuar për demonstrimin e platformës bashke: në një aplikim të vërtetë \
             këtu do të ishte dokumenti i plotë."
                .to_owned(),
        ],
    };
    pdf::document(heading, &paragraphs)
}
