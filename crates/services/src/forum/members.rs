//! Members of the forum: the coordinator seats a selected applicant in one step or adds a person
//! directly; the person accepts or declines from an e-mailed link; only accepted members count
//! and hold the forum-member role; a member records (if they wish) gender, youth and rural
//! residence, and may leave; the coordinator changes or ends a seat.

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::{
    Action, Email, FieldError, ForumId, Lang, MemberId, Text, UserId,
    forum::{Gender, MemberStatus, Sector, check_term},
};
use store::{CandidateRow, ForumRow, MemberFacts, MemberRow, MemberUpdate, NewMail, NewMember, PositionRow, TenantRow};
use views::t;

use super::setup::{NAME_MAX, get, parse_day};
use crate::{Actor, ServiceError, Services, common::error::Result, common::localized, tokens};

/// Longest written responsibilities of a seat.
pub const RESPONSIBILITIES_MAX: usize = 4000;

/// The coordinator's choices for a seat, as typed and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatFields {
    pub sector: Sector,
    pub organisation: String,
    pub pos_key: String,
    pub responsibilities: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    /// The substitute's account (another member of the forum).
    pub substitute_user_id: Option<i64>,
}

/// Parses a seat's fields. `positions`: the municipality's; `substitutes`: the accounts that may
/// stand in (the forum's accepted members other than this person).
pub fn parse_seat_form(
    values: &HashMap<String, String>,
    positions: &[PositionRow],
    substitutes: &[i64],
) -> Result<SeatFields, Vec<FieldError>> {
    let sector = Sector::parse(get(values, "sector").trim()).ok_or(FieldError::new("sector", "choice_invalid"));
    let pos = get(values, "position").trim();
    let position = positions
        .iter()
        .find(|p| p.pos_key == pos)
        .map(|p| p.pos_key.clone())
        .ok_or(FieldError::new("position", "choice_invalid"));
    let organisation = Text::parse("organisation", get(values, "organisation"), false, NAME_MAX);
    let responsibilities = Text::parse(
        "responsibilities",
        get(values, "responsibilities"),
        false,
        RESPONSIBILITIES_MAX,
    );
    let starts_on = parse_day("starts_on", get(values, "starts_on"), true);
    let ends_on = parse_day("ends_on", get(values, "ends_on"), false);
    let order = match (&starts_on, &ends_on) {
        (Ok(Some(s)), Ok(e)) if !check_term(*s, *e) => Some(FieldError::new("ends_on", "member_term_order")),
        _ => None,
    };
    let sub_raw = get(values, "substitute").trim();
    let substitute = if sub_raw.is_empty() {
        Ok(None)
    } else {
        sub_raw
            .parse::<i64>()
            .ok()
            .filter(|id| substitutes.contains(id))
            .map(Some)
            .ok_or(FieldError::new("substitute", "choice_invalid"))
    };
    let errors: Vec<FieldError> = [
        sector.clone().err(),
        organisation.clone().err(),
        position.clone().err(),
        responsibilities.clone().err(),
        starts_on.clone().err(),
        ends_on.clone().err(),
        order,
        substitute.clone().err(),
    ]
    .into_iter()
    .flatten()
    .collect();
    match (
        sector,
        organisation,
        position,
        responsibilities,
        starts_on,
        ends_on,
        substitute,
    ) {
        (Ok(sector), Ok(org), Ok(pos_key), Ok(resp), Ok(Some(starts_on)), Ok(ends_on), Ok(sub))
            if errors.is_empty() =>
        {
            Ok(SeatFields {
                sector,
                organisation: org.into_string(),
                pos_key,
                responsibilities: resp.into_string(),
                starts_on,
                ends_on,
                substitute_user_id: sub,
            })
        }
        _ => Err(errors),
    }
}

/// What the coordinator's second step says before a seat ends.
#[derive(Debug, Clone)]
pub enum EndOutcome {
    Ended,
    /// Nothing yet: the confirmation names the person.
    NeedsConfirmation {
        person: String,
    },
}

/// The answer page of an e-mailed membership link.
#[derive(Debug, Clone)]
pub struct MembershipOffer {
    pub forum: ForumRow,
    pub member: MemberRow,
    pub positions: Vec<PositionRow>,
}

/// The member's own page: their seat in the current forum (if any).
#[derive(Debug, Clone)]
pub struct MySeat {
    pub forum: ForumRow,
    pub member: MemberRow,
    pub positions: Vec<PositionRow>,
}

/// Reads "yes" / "no" / "" (prefers not to say).
fn yes_no(field: &'static str, raw: &str) -> Result<Option<bool>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        "yes" => Ok(Some(true)),
        "no" => Ok(Some(false)),
        _ => Err(FieldError::new(field, "choice_invalid")),
    }
}

/// Parses what a member records about themselves; every answer may be left unsaid.
pub fn parse_member_facts(values: &HashMap<String, String>) -> Result<MemberFacts, Vec<FieldError>> {
    let raw = get(values, "gender").trim();
    let gender = if raw.is_empty() {
        Ok(None)
    } else {
        Gender::parse(raw)
            .map(Some)
            .ok_or(FieldError::new("gender", "choice_invalid"))
    };
    let youth = yes_no("youth", get(values, "youth"));
    let rural = yes_no("rural", get(values, "rural"));
    match (gender, youth, rural) {
        (Ok(gender), Ok(youth), Ok(rural)) => Ok(MemberFacts { gender, youth, rural }),
        (g, y, r) => Err(g.err().into_iter().chain(y.err()).chain(r.err()).collect()),
    }
}

/// A position's label in `lang`: the municipality's own, or the default's.
pub fn position_label(lang: Lang, positions: &[PositionRow], key: &str) -> String {
    match positions.iter().find(|p| p.pos_key == key) {
        Some(p) if !p.label_sq.trim().is_empty() => localized(lang, &p.label_sq, &p.label_en).to_owned(),
        _ => views::i18n::t_opt(lang, &format!("position-{key}")).unwrap_or_else(|| key.to_owned()),
    }
}

impl Services {
    async fn members_forum_for_staff(&self, actor: &Actor) -> Result<(UserId, ForumRow)> {
        let user = actor.require_user(Action::ManageForum)?;
        let forum = self
            .store
            .current_forum(actor.tenant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok((user, forum))
    }

    /// The user ids of the forum's accepted members other than `except`: who may stand in.
    pub async fn forum_substitutes(&self, actor: &Actor, except: Option<i64>) -> Result<Vec<MemberRow>> {
        let (_, forum) = self.members_forum_for_staff(actor).await?;
        Ok(self
            .store
            .accepted_members(actor.tenant, ForumId(forum.id))
            .await?
            .into_iter()
            .filter(|m| Some(m.user_id) != except)
            .collect())
    }

    /// Offers a seat and e-mails the answer link, in one transaction. The same person twice is
    /// an error on `field` (the person's box, or the candidate's row).
    #[allow(clippy::too_many_arguments)]
    async fn members_offer_seat(
        &self,
        tenant: &TenantRow,
        user: UserId,
        forum: &ForumRow,
        person: (i64, &str, Option<&str>, &str),
        candidate_id: Option<i64>,
        org_id: Option<i64>,
        fields: &SeatFields,
        field: &'static str,
        request_id: Option<&str>,
    ) -> Result<MemberId> {
        let (person_id, name, email, lang) = person;
        let forum_id = ForumId(forum.id);
        if self
            .store
            .membership(tenant.id(), forum_id, UserId(person_id))
            .await?
            .is_some()
        {
            return Err(ServiceError::field(field, "member_twice"));
        }
        let (token, hash) = tokens::new_token();
        let positions = self.store.forum_positions(tenant.id()).await?;
        let mail =
            email.map(|to| self.forum_invitation_mail(tenant, forum, &positions, fields, to, name, lang, &token));
        let ctx = self.ctx(tenant.id(), Some(user), request_id);
        self.store
            .add_member(
                tenant.id(),
                forum_id,
                &NewMember {
                    user_id: person_id,
                    candidate_id,
                    sector: fields.sector,
                    org_id,
                    organisation: fields.organisation.clone(),
                    pos_key: fields.pos_key.clone(),
                    responsibilities: fields.responsibilities.clone(),
                    starts_on: fields.starts_on,
                    ends_on: fields.ends_on,
                    substitute_user_id: fields.substitute_user_id,
                },
                &hash,
                mail.as_ref(),
                &ctx,
            )
            .await
            .map_err(|e| match ServiceError::from(e) {
                // Two coordinators at once: the second finds the seat taken.
                ServiceError::Conflict(_) => ServiceError::field(field, "member_twice"),
                other => other,
            })
    }

    /// The invitation: the forum, the position and its responsibilities, the answer link and
    /// whom to ask, in the person's language (public for the demo's seed, which writes through
    /// the store at past dates).
    #[allow(clippy::too_many_arguments)]
    pub fn forum_invitation_mail(
        &self,
        tenant: &TenantRow,
        forum: &ForumRow,
        positions: &[PositionRow],
        fields: &SeatFields,
        to: &str,
        name: &str,
        lang: &str,
        token: &str,
    ) -> NewMail {
        let lang = Lang::parse(lang).unwrap_or_default();
        let responsibilities = if fields.responsibilities.is_empty() {
            t(lang, "mail-forum-invite-no-responsibilities")
        } else {
            fields.responsibilities.clone()
        };
        crate::common::mails::notice_mail(
            lang,
            to,
            Some(name),
            "mail-forum-invite-subject",
            "mail-forum-invite-body",
            &[
                ("tenant", tenant.name(lang).to_owned()),
                ("tenant_gen", tenant.name_genitive(lang)),
                ("forum", localized(lang, &forum.name_sq, &forum.name_en).to_owned()),
                ("position", position_label(lang, positions, &fields.pos_key)),
                ("responsibilities", responsibilities),
                ("contact", tenant.contact_email.clone()),
            ],
            &self.link(tenant, "/forum/membership", token),
        )
    }

    /// Seats a selected applicant in one step: the coordinator's row of the candidates' table.
    pub async fn seat_candidate(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        candidate: i64,
        values: &HashMap<String, String>,
    ) -> Result<MemberId> {
        let (user, forum) = self.members_forum_for_staff(actor).await?;
        let c: CandidateRow = self
            .store
            .forum_candidate(tenant.id(), candidate)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let positions = self.store.forum_positions(tenant.id()).await?;
        let subs = self.members_substitute_ids(tenant, &forum, Some(c.user_id)).await?;
        let fields = parse_seat_form(values, &positions, &subs).map_err(ServiceError::Invalid)?;
        let person = self
            .store
            .user_by_id(tenant.id(), UserId(c.user_id))
            .await?
            .ok_or(ServiceError::NotFound)?;
        self.members_offer_seat(
            tenant,
            user,
            &forum,
            (person.id, &person.display_name, person.email.as_deref(), &person.lang),
            Some(c.id),
            c.org_id,
            &fields,
            "candidate",
            actor.request_id.as_deref(),
        )
        .await
    }

    async fn members_substitute_ids(
        &self,
        tenant: &TenantRow,
        forum: &ForumRow,
        except: Option<i64>,
    ) -> Result<Vec<i64>> {
        Ok(self
            .store
            .accepted_members(tenant.id(), ForumId(forum.id))
            .await?
            .iter()
            .map(|m| m.user_id)
            .filter(|id| Some(*id) != except)
            .collect())
    }

    /// Adds a person directly by the address of their account (staff, others). No account with
    /// that address: an error on `person` saying they should sign up first.
    pub async fn add_forum_member(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        values: &HashMap<String, String>,
    ) -> Result<MemberId> {
        let (user, forum) = self.members_forum_for_staff(actor).await?;
        let positions = self.store.forum_positions(tenant.id()).await?;
        let email = Email::parse("person", get(values, "person"));
        let person = match &email {
            Ok(e) => self.store.user_by_email(tenant.id(), e).await?,
            Err(_) => None,
        };
        let subs = self
            .members_substitute_ids(tenant, &forum, person.as_ref().map(|p| p.id))
            .await?;
        let fields = parse_seat_form(values, &positions, &subs);
        let person_err = match (&email, &person) {
            (Err(e), _) => Some(e.clone()),
            (Ok(_), None) => Some(FieldError::new("person", "member_no_account")),
            (Ok(_), Some(p)) => self
                .store
                .membership(tenant.id(), ForumId(forum.id), UserId(p.id))
                .await?
                .map(|_| FieldError::new("person", "member_twice")),
        };
        let (fields, person) = match (fields, person, person_err) {
            (Ok(f), Some(p), None) => (f, p),
            (f, _, pe) => {
                return Err(ServiceError::Invalid(
                    pe.into_iter().chain(f.err().unwrap_or_default()).collect(),
                ));
            }
        };
        self.members_offer_seat(
            tenant,
            user,
            &forum,
            (person.id, &person.display_name, person.email.as_deref(), &person.lang),
            None,
            None,
            &fields,
            "person",
            actor.request_id.as_deref(),
        )
        .await
    }

    /// One seat of the current forum, for the coordinator.
    pub async fn forum_member_for_staff(&self, actor: &Actor, member: MemberId) -> Result<MemberRow> {
        let (_, forum) = self.members_forum_for_staff(actor).await?;
        self.store
            .forum_member(actor.tenant, ForumId(forum.id), member)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// Saves the coordinator's changes to a seat.
    pub async fn update_forum_member(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        member: MemberId,
        values: &HashMap<String, String>,
    ) -> Result<()> {
        let (user, forum) = self.members_forum_for_staff(actor).await?;
        let row = self
            .store
            .forum_member(tenant.id(), ForumId(forum.id), member)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let positions = self.store.forum_positions(tenant.id()).await?;
        let subs = self.members_substitute_ids(tenant, &forum, Some(row.user_id)).await?;
        let f = parse_seat_form(values, &positions, &subs).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        Ok(self
            .store
            .update_member(
                tenant.id(),
                ForumId(forum.id),
                member,
                &MemberUpdate {
                    sector: f.sector,
                    organisation: f.organisation,
                    pos_key: f.pos_key,
                    responsibilities: f.responsibilities,
                    starts_on: f.starts_on,
                    ends_on: f.ends_on,
                    substitute_user_id: f.substitute_user_id,
                },
                &ctx,
            )
            .await?)
    }

    /// Ends a seat (the coordinator); refused without the confirmation step.
    pub async fn end_forum_member(&self, actor: &Actor, member: MemberId, confirmed: bool) -> Result<EndOutcome> {
        let (user, forum) = self.members_forum_for_staff(actor).await?;
        let row = self
            .store
            .forum_member(actor.tenant, ForumId(forum.id), member)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !confirmed {
            return Ok(EndOutcome::NeedsConfirmation { person: row.name });
        }
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .end_membership(actor.tenant, ForumId(forum.id), member, &ctx)
            .await?;
        Ok(EndOutcome::Ended)
    }

    /// The seat an answer link offers, while it waits for the answer; anything else is an
    /// invalid link.
    pub async fn membership_offer(&self, tenant: &TenantRow, token: &str) -> Result<MembershipOffer> {
        if token.is_empty() {
            return Err(ServiceError::InvalidLink);
        }
        let member = self
            .store
            .member_by_answer_token(tenant.id(), &tokens::hash_token(token))
            .await?
            .filter(|m| m.invited_at >= self.clock.now() - chrono::Duration::days(domain::forum::MEMBERSHIP_LINK_DAYS))
            .ok_or(ServiceError::InvalidLink)?;
        let forum = self
            .store
            .forum(tenant.id(), ForumId(member.forum_id))
            .await?
            .ok_or(ServiceError::InvalidLink)?;
        Ok(MembershipOffer {
            forum,
            member,
            positions: self.store.forum_positions(tenant.id()).await?,
        })
    }

    /// Records the answer from the link (no sign-in needed: the link is the proof). Accepting
    /// grants the forum-member role. Returns whether it was accepted.
    pub async fn answer_forum_membership(
        &self,
        tenant: &TenantRow,
        request_id: Option<&str>,
        token: &str,
        answer: &str,
    ) -> Result<bool> {
        let accept = match answer {
            "accept" => true,
            "decline" => false,
            _ => return Err(ServiceError::field("answer", "choice_invalid")),
        };
        if token.is_empty() {
            return Err(ServiceError::InvalidLink);
        }
        let ctx = self.ctx(tenant.id(), None, request_id);
        self.store
            .answer_membership(tenant.id(), &tokens::hash_token(token), accept, &ctx)
            .await?
            .ok_or(ServiceError::InvalidLink)?;
        Ok(accept)
    }

    /// The signed-in person's seat in the current forum: `None` for staff who hold none (and
    /// for a member whose seat is over). Others are refused.
    pub async fn my_forum_seat(&self, actor: &Actor) -> Result<Option<MySeat>> {
        let user = actor.require_user(Action::TakePartInForum)?;
        let Some(forum) = self.store.current_forum(actor.tenant).await? else {
            return Ok(None);
        };
        let member = self
            .store
            .membership(actor.tenant, ForumId(forum.id), user)
            .await?
            .filter(|m| m.status == MemberStatus::Accepted);
        Ok(match member {
            Some(member) => Some(MySeat {
                positions: self.store.forum_positions(actor.tenant).await?,
                forum,
                member,
            }),
            None => None,
        })
    }

    /// Saves what the member chose to record about themselves.
    pub async fn record_my_forum_facts(&self, actor: &Actor, values: &HashMap<String, String>) -> Result<()> {
        let user = actor.require_user(Action::TakePartInForum)?;
        let seat = self.my_forum_seat(actor).await?.ok_or(ServiceError::NotFound)?;
        let facts = parse_member_facts(values).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self
            .store
            .record_member_facts(actor.tenant, MemberId(seat.member.id), &facts, &ctx)
            .await?)
    }

    /// The member leaves the forum; refused without the confirmation step.
    pub async fn leave_forum(&self, actor: &Actor, confirmed: bool) -> Result<EndOutcome> {
        let user = actor.require_user(Action::TakePartInForum)?;
        let seat = self.my_forum_seat(actor).await?.ok_or(ServiceError::NotFound)?;
        if !confirmed {
            return Ok(EndOutcome::NeedsConfirmation {
                person: seat.member.name,
            });
        }
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .end_membership(actor.tenant, ForumId(seat.forum.id), MemberId(seat.member.id), &ctx)
            .await?;
        Ok(EndOutcome::Ended)
    }

    /// The accepted members of the current forum, for the public (pages show public fields only).
    pub async fn forum_public_members(&self, actor: &Actor) -> Result<(Vec<MemberRow>, Vec<PositionRow>)> {
        actor.require(Action::ViewPublic)?;
        let Some(forum) = self.store.current_forum(actor.tenant).await? else {
            return Ok((Vec::new(), Vec::new()));
        };
        Ok((
            self.store.accepted_members(actor.tenant, ForumId(forum.id)).await?,
            self.store.forum_positions(actor.tenant).await?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    fn positions() -> Vec<PositionRow> {
        domain::forum::DEFAULT_POSITIONS
            .iter()
            .map(|p| PositionRow {
                pos_key: p.key.into(),
                label_sq: String::new(),
                label_en: String::new(),
                sort_order: 0,
                approves_minutes: p.approves_minutes,
            })
            .collect()
    }

    #[test]
    fn a_seat_ends_on_or_after_it_starts() {
        let v = map(&[
            ("sector", "cso"),
            ("position", "member"),
            ("starts_on", "01.02.2027"),
            ("ends_on", "31.01.2027"),
        ]);
        let errs = parse_seat_form(&v, &positions(), &[]).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!((errs[0].field, errs[0].code), ("ends_on", "member_term_order"));
        let mut ok = v.clone();
        ok.insert("ends_on".into(), "01.02.2027".into());
        ok.insert("substitute".into(), "5".into());
        let seat = parse_seat_form(&ok, &positions(), &[5]).unwrap();
        assert_eq!(seat.substitute_user_id, Some(5));
        assert_eq!(seat.sector, Sector::Cso);
    }

    #[test]
    fn unknown_choices_are_refused_on_their_field() {
        let v = map(&[("sector", "army"), ("position", "king"), ("substitute", "9")]);
        let errs = parse_seat_form(&v, &positions(), &[5]).unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["sector", "position", "starts_on", "substitute"]);
    }

    #[test]
    fn facts_may_be_left_unsaid() {
        let none = parse_member_facts(&map(&[])).unwrap();
        assert_eq!((none.gender, none.youth, none.rural), (None, None, None));
        let some = parse_member_facts(&map(&[("gender", "woman"), ("youth", "yes"), ("rural", "no")])).unwrap();
        assert_eq!(
            (some.gender, some.youth, some.rural),
            (Some(Gender::Woman), Some(true), Some(false))
        );
        assert_eq!(
            parse_member_facts(&map(&[("youth", "maybe")])).unwrap_err()[0].field,
            "youth"
        );
    }

    #[test]
    fn default_positions_are_named_from_the_texts() {
        assert_eq!(position_label(Lang::En, &positions(), "chair"), "Chair");
    }
}
