//! Reasoned answers to inputs and clusters, and the coverage indicator (OGP Local's check 8).
//! Forum members and staff write an answer (a draft) and publish it after a confirmation;
//! publishing stamps every covered input and tells their authors and followers, each in their
//! language. [`Services::input_coverage`] is the one place the coverage is computed: the public
//! page, the open data and the standards dashboard all call it.

use chrono::{DateTime, Utc};
use domain::{
    Action, Lang,
    input::answers::{AnswerForm, age_days, coverage_percent, justification, parse_answer},
};
use store::{
    AuditCtx, TenantRow,
    input::{
        answers::{AnswerInput, AnswerRow, AnswerTarget},
        grouping::{ClusterRow, GroupedInput},
        notifications::{FollowerMail, FollowerRow},
    },
};
use views::t;

use crate::{
    Actor, ServiceError, Services,
    common::{error::Result, mails::notice_mail, tokens},
    input::notifications::with_unsubscribe,
};

/// Where the answer shown for an input comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerSource {
    /// The input's own answer.
    Own,
    /// The answer to the input's cluster.
    Cluster,
    /// The answer to the input it was merged into.
    MergedInto,
}

/// What the input page shows about the input's answer, cluster and merge.
#[derive(Debug, Clone)]
pub struct InputAnswerPanel {
    pub input: GroupedInput,
    /// The published answer covering the input (for forum members also the input's own draft).
    pub answer: Option<(AnswerRow, AnswerSource)>,
    pub cluster: Option<ClusterRow>,
    pub merged_into: Option<GroupedInput>,
    /// The viewer may answer, group and merge.
    pub can_answer: bool,
    /// The input is hidden and the viewer is the public: the answer's text was left out (see
    /// [`withhold_answer_text`]).
    pub text_withheld: bool,
}

/// Leaves out what of an answer may quote a hidden input: its justification and commitment
/// reference. An answer to a hidden input is shown publicly nowhere (page, API, feeds, CSV)
/// but for its status and date.
pub fn withhold_answer_text(answer: &mut AnswerRow) {
    answer.body_sq.clear();
    answer.body_en.clear();
    answer.commitment_ref.clear();
}

/// The answer form of an input or a cluster.
#[derive(Debug, Clone)]
pub struct AnswerFormPage {
    pub target: AnswerTarget,
    /// The input's title (never of a hidden one: its reason instead) or the cluster's title.
    pub title: String,
    pub existing: Option<AnswerRow>,
    /// How many inputs publishing covers (and whose authors are told).
    pub covered: usize,
}

/// What saving the answer form did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerSaved {
    Draft,
    /// Published now: the inputs it covers.
    Published(u64),
    /// Already published before: the text changed, nobody e-mailed again.
    Updated,
}

/// The coverage of one theme.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ThemeCoverage {
    pub theme_id: Option<i64>,
    pub title_sq: Option<String>,
    pub title_en: Option<String>,
    pub total: i64,
    pub answered: i64,
    /// Whole percent, rounded down; absent when the theme has no counted input.
    pub percent: Option<i64>,
    pub oldest_unanswered_at: Option<DateTime<Utc>>,
    pub oldest_unanswered_days: Option<i64>,
}

/// The oldest input without a published answer.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OldestUnanswered {
    pub id: i64,
    pub title: String,
    pub created_at: DateTime<Utc>,
    pub age_days: i64,
}

/// The coverage indicator: of the published, visible inputs (not withdrawn, not hidden), how
/// many have a published answer (their own, their cluster's or that of the input they were
/// merged into); the oldest still waiting; the same by theme.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputCoverage {
    pub total: i64,
    pub answered: i64,
    pub percent: Option<i64>,
    pub oldest_unanswered: Option<OldestUnanswered>,
    pub by_theme: Vec<ThemeCoverage>,
}

impl Services {
    /// The answer part of an input's page. The public sees only published answers.
    pub async fn input_answer_panel(&self, tenant: &TenantRow, actor: &Actor, input: i64) -> Result<InputAnswerPanel> {
        let row = self
            .store
            .grouped_input(tenant.id(), input)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let can_answer = actor.user.is_some() && actor.can(Action::GroupAndAnswerInput);
        let published = |a: &AnswerRow| a.published_at.is_some();
        let own = self.store.answer_to(tenant.id(), AnswerTarget::Input(input)).await?;
        let cluster = match row.cluster_id {
            Some(c) => self.store.cluster(tenant.id(), c).await?,
            None => None,
        };
        let merged_into = match row.merged_into_id {
            Some(m) => self.store.grouped_input(tenant.id(), m).await?,
            None => None,
        };
        let mut answer = own.clone().filter(published).map(|a| (a, AnswerSource::Own));
        if answer.is_none()
            && let Some(c) = &cluster
        {
            answer = self
                .store
                .answer_to(tenant.id(), AnswerTarget::Cluster(c.id))
                .await?
                .filter(published)
                .map(|a| (a, AnswerSource::Cluster));
        }
        if answer.is_none()
            && let Some(m) = &merged_into
        {
            answer = self
                .store
                .answer_to(tenant.id(), AnswerTarget::Input(m.id))
                .await?
                .filter(published)
                .map(|a| (a, AnswerSource::MergedInto));
        }
        if answer.is_none()
            && let Some(c) = merged_into.as_ref().and_then(|m| m.cluster_id)
        {
            answer = self
                .store
                .answer_to(tenant.id(), AnswerTarget::Cluster(c))
                .await?
                .filter(published)
                .map(|a| (a, AnswerSource::MergedInto));
        }
        if answer.is_none() && can_answer {
            answer = own.map(|a| (a, AnswerSource::Own));
        }
        // Forum members answering keep the text; the public sees the status only.
        let text_withheld = row.hidden_at.is_some() && !can_answer && answer.is_some();
        if text_withheld && let Some((a, _)) = &mut answer {
            withhold_answer_text(a);
        }
        Ok(InputAnswerPanel {
            input: row,
            answer,
            cluster,
            merged_into,
            can_answer,
            text_withheld,
        })
    }

    /// The answer form of an input or a cluster.
    pub async fn answer_form(&self, tenant: &TenantRow, actor: &Actor, target: AnswerTarget) -> Result<AnswerFormPage> {
        actor.require_user(Action::GroupAndAnswerInput)?;
        let title = match target {
            AnswerTarget::Input(id) => {
                let row = self
                    .store
                    .grouped_input(tenant.id(), id)
                    .await?
                    .ok_or(ServiceError::NotFound)?;
                if row.hidden_at.is_some() {
                    row.hidden_reason
                } else {
                    row.title
                }
            }
            AnswerTarget::Cluster(id) => {
                self.store
                    .cluster(tenant.id(), id)
                    .await?
                    .ok_or(ServiceError::NotFound)?
                    .title_sq
            }
        };
        Ok(AnswerFormPage {
            target,
            title,
            existing: self.store.answer_to(tenant.id(), target).await?,
            covered: self.store.answer_recipients(tenant.id(), target).await?.len(),
        })
    }

    /// Saves the answer form; with `publish`, publishes it too, but only `confirmed` (else the
    /// field error `answer_confirm_required` asks the handler for the confirmation page, nothing
    /// saved). Publishing a draft happens once; a published answer edited stays published.
    pub async fn save_answer(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        target: AnswerTarget,
        fields: &AnswerFields,
        publish: bool,
        confirmed: bool,
    ) -> Result<AnswerSaved> {
        let now = self.clock.now();
        self.save_answer_at(tenant, actor, target, fields, publish, confirmed, now)
            .await
    }

    /// [`Services::save_answer`] as of `at` (the demo writes its history with past times).
    #[allow(clippy::too_many_arguments)]
    pub async fn save_answer_at(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        target: AnswerTarget,
        fields: &AnswerFields,
        publish: bool,
        confirmed: bool,
        at: DateTime<Utc>,
    ) -> Result<AnswerSaved> {
        let user = actor.require_user(Action::GroupAndAnswerInput)?;
        let page = self.answer_form(tenant, actor, target).await?;
        let form: AnswerForm = parse_answer(
            &fields.status,
            &fields.body_sq,
            &fields.body_en,
            &fields.merged_into,
            &fields.commitment_ref,
        )
        .map_err(ServiceError::Invalid)?;
        if let Some(into) = form.merged_into {
            let AnswerTarget::Input(own) = target else {
                return Err(ServiceError::field("status", "answer_merged_cluster"));
            };
            let ok = match self.store.grouped_input(tenant.id(), into).await? {
                Some(t) => {
                    let me = self.store.grouped_input(tenant.id(), own).await?;
                    t.id != own
                        && t.merged_into_id.is_none()
                        && t.hidden_at.is_none()
                        && me.is_some_and(|m| m.phase_id == t.phase_id)
                }
                None => false,
            };
            if !ok {
                return Err(ServiceError::field("merged_into", "answer_merged_into_invalid"));
            }
        }
        let was_published = page.existing.as_ref().is_some_and(|a| a.published_at.is_some());
        if publish && !was_published && !confirmed {
            return Err(ServiceError::field("publish", "answer_confirm_required"));
        }
        let ctx = AuditCtx {
            at,
            ..self.ctx(tenant.id(), Some(user), actor.request_id.as_deref())
        };
        let input = AnswerInput {
            status: form.status,
            body_sq: form.body_sq.clone(),
            body_en: form.body_en.clone(),
            merged_into_id: form.merged_into,
            commitment_ref: form.commitment_ref.clone(),
        };
        let id = self
            .store
            .save_answer(tenant.id(), target, &input, &ctx)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if was_published {
            return Ok(AnswerSaved::Updated);
        }
        if !publish {
            return Ok(AnswerSaved::Draft);
        }
        let build =
            |input: i64, title: &str, follower: &FollowerRow| self.answer_mail(tenant, input, title, &form, follower);
        match self.store.publish_answer(tenant.id(), id, &build, &ctx).await? {
            Some(covered) => Ok(AnswerSaved::Published(covered)),
            // Published by somebody else meanwhile: this save changed its text.
            None => Ok(AnswerSaved::Updated),
        }
    }

    /// The e-mail telling a follower (or the author) of `input` its answer, in their language,
    /// with the justification in English where it was written and a one-click unsubscribe link.
    fn answer_mail(
        &self,
        tenant: &TenantRow,
        input: i64,
        title: &str,
        answer: &AnswerForm,
        follower: &FollowerRow,
    ) -> FollowerMail {
        let lang = Lang::parse(&follower.lang).unwrap_or_default();
        let (token, hash) = tokens::new_token();
        let args = [
            ("tenant", tenant.name(lang).to_owned()),
            ("title", title.to_owned()),
            ("status", t(lang, &format!("answer-status-{}", answer.status.key()))),
            (
                "justification",
                justification(lang, &answer.body_sq, &answer.body_en).to_owned(),
            ),
        ];
        let link = format!("{}/input/{input}", self.site_url(tenant));
        let mail = notice_mail(
            lang,
            &follower.email,
            Some(&follower.display_name),
            "mail-input-answered-subject",
            "mail-input-answered-body",
            &args,
            &link,
        )
        .about(format!("input:{input}"));
        FollowerMail {
            mail: with_unsubscribe(mail, lang, &self.link(tenant, "/input/unsubscribe", &token)),
            unsubscribe_hash: hash,
        }
    }

    /// The coverage indicator of the municipality (see [`InputCoverage`]).
    pub async fn input_coverage(&self, tenant: &TenantRow) -> Result<InputCoverage> {
        let now = self.clock.now();
        let count = self.store.coverage_count(tenant.id()).await?;
        let oldest = self.store.oldest_unanswered(tenant.id()).await?;
        let by_theme = self
            .store
            .coverage_by_theme(tenant.id())
            .await?
            .into_iter()
            .map(|r| ThemeCoverage {
                percent: coverage_percent(r.answered, r.total),
                oldest_unanswered_days: r.oldest_unanswered_at.map(|at| age_days(at, now)),
                theme_id: r.theme_id,
                title_sq: r.title_sq,
                title_en: r.title_en,
                total: r.total,
                answered: r.answered,
                oldest_unanswered_at: r.oldest_unanswered_at,
            })
            .collect();
        Ok(InputCoverage {
            total: count.total,
            answered: count.answered,
            percent: coverage_percent(count.answered, count.total),
            oldest_unanswered: oldest.map(|o| OldestUnanswered {
                age_days: age_days(o.created_at, now),
                id: o.id,
                title: o.title,
                created_at: o.created_at,
            }),
            by_theme,
        })
    }

    /// The latest published answers (feeds, open data); of an answer to a hidden input only
    /// the status and date (`target_hidden`).
    pub async fn published_input_answers(
        &self,
        tenant: &TenantRow,
        limit: i64,
    ) -> Result<Vec<store::input::answers::PublishedAnswer>> {
        let mut rows = self.store.published_answers(tenant.id(), limit).await?;
        for row in rows.iter_mut().filter(|r| r.target_hidden) {
            withhold_answer_text(&mut row.answer);
        }
        Ok(rows)
    }
}

/// The answer form as typed (checked by the use case).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct AnswerFields {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub body_sq: String,
    #[serde(default)]
    pub body_en: String,
    #[serde(default)]
    pub merged_into: String,
    #[serde(default)]
    pub commitment_ref: String,
}
