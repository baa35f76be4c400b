//! The demo's forum: the working group of Elbasan's current cycle, set up by the mayor's
//! decision, with its terms of reference and participation rules in two versions, members drawn
//! from the rural call's selected applicants and from the municipality's staff, in several
//! sectors, and one selected applicant still invited, to show the coordinator that state.

use chrono::Duration;
use domain::{
    Email, ForumId, MemberId, TenantId, UserId,
    forum::{Gender, Sector},
};
use services::{Services, forum::members::SeatFields, tokens};
use store::{AuditCtx, ForumInput, MemberFacts, NewFile, NewMember, TextsInput};

use super::pdf;

/// What the later parts of the demo (meetings, minutes) build on.
pub struct ForumDemo {
    pub forum: ForumId,
    pub coordinator: UserId,
    /// Holds the chair's position (approves minutes): anetari@demo.bashke.al.
    pub chair: UserId,
    /// Holds the secretary's position (approves minutes): the coordinator.
    pub secretary: UserId,
    /// Every accepted member, the chair and the secretary included.
    pub members: Vec<UserId>,
}

async fn user(services: &Services, tenant: TenantId, email: &str) -> anyhow::Result<UserId> {
    let email = Email::parse("email", email).map_err(|e| anyhow::anyhow!("demo e-mail {email}: {}", e.code))?;
    Ok(services
        .store
        .user_by_email(tenant, &email)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no demo account {}", email.as_str()))?
        .id())
}

const TERMS_V1_SQ: &str = "## Qëllimi\n\nForumi i bashkë-krijimit është grupi i punës që harton bashkë me Bashkinë Elbasan \
planin e veprimit OGP Local 2027–2029 dhe ndjek zbatimin e tij.\n\n## Detyrat\n\n\
- Shqyrton propozimet e qytetarëve dhe të organizatave.\n\
- Harton vizionin strategjik dhe angazhimet e planit.\n\
- Ndjek zbatimin e angazhimeve dhe raporton çdo gjashtë muaj.\n\n## Mbledhjet\n\n\
Forumi mblidhet të paktën një herë në tre muaj. Vendimet merren me shumicë të anëtarëve të pranishëm.";
const TERMS_V1_EN: &str = "## Purpose\n\nThe co-creation forum is the working group that drafts, together with the \
Municipality of Elbasan, the OGP Local action plan 2027–2029 and follows its implementation.\n\n## Tasks\n\n\
- Considers the proposals of citizens and organisations.\n\
- Drafts the strategic vision and the commitments of the plan.\n\
- Follows the implementation of the commitments and reports every six months.\n\n## Meetings\n\n\
The forum meets at least once every three months. Decisions are taken by a majority of the members present.";
const RULES_V1_SQ: &str = "- Mbledhjet e forumit janë të hapura për publikun, përveç rasteve kur diskutohen të \
dhëna personale.\n\
- Njoftimi, rendi i ditës dhe materialet publikohen të paktën 7 ditë para mbledhjes.\n\
- Procesverbali publikohet brenda 14 ditëve.";
const RULES_V1_EN: &str = "- The forum's meetings are open to the public, except when personal data are discussed.\n\
- The notice, the agenda and the documents are published at least 7 days before the meeting.\n\
- The minutes are published within 14 days.";
/// Version 2: the public may speak at meetings, and the minutes come sooner.
const RULES_V2_SQ: &str = "- Mbledhjet e forumit janë të hapura për publikun, përveç rasteve kur diskutohen të \
dhëna personale.\n\
- Njoftimi, rendi i ditës dhe materialet publikohen të paktën 7 ditë para mbledhjes.\n\
- Çdo qytetar i pranishëm mund të marrë fjalën në fund të mbledhjes, deri në 3 minuta.\n\
- Procesverbali publikohet brenda 10 ditëve.";
const RULES_V2_EN: &str = "- The forum's meetings are open to the public, except when personal data are discussed.\n\
- The notice, the agenda and the documents are published at least 7 days before the meeting.\n\
- Any citizen present may speak at the end of the meeting, for up to 3 minutes.\n\
- The minutes are published within 10 days.";

pub async fn forum(services: &Services, tenant: TenantId, ctx: &AuditCtx) -> anyhow::Result<ForumDemo> {
    let store = &services.store;
    let cycle = store
        .current_cycle(tenant)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo has no current cycle"))?;
    let tenant_row = store
        .list_tenants()
        .await?
        .into_iter()
        .find(|t| t.id() == tenant)
        .ok_or_else(|| anyhow::anyhow!("the demo's municipality is missing"))?;
    let coordinator = user(services, tenant, "koordinatori@demo.bashke.al").await?;
    let chair = user(services, tenant, "anetari@demo.bashke.al").await?;
    let secretary = coordinator;
    let citizen = user(services, tenant, "qytetari@demo.bashke.al").await?;
    let finance = user(services, tenant, "vleresuesi@demo.bashke.al").await?;
    let monitor = user(services, tenant, "monitoruesi@demo.bashke.al").await?;
    // The forum is set up four months ago, after the rural call's outcome (150 days ago).
    let at = ctx.at - Duration::days(120);
    let ctx_at = |days: i64| AuditCtx {
        actor: Some(coordinator),
        at: at + Duration::days(days),
        ..ctx.clone()
    };
    let decided_on = (at - Duration::days(6)).date_naive();
    // How the non-government members were chosen: the call whose outcome is published.
    let call = store
        .list_calls(tenant, false)
        .await?
        .into_iter()
        .find(|c| c.outcome_published_at.is_some())
        .map(|c| c.id);
    let forum = store
        .create_forum(
            tenant,
            cycle.id,
            &ForumInput {
                name_sq: "Forumi i bashkë-krijimit OGP Local Elbasan".into(),
                name_en: "OGP Local Elbasan co-creation forum".into(),
                mandate_sq: "Forumi harton bashkë me Bashkinë Elbasan **planin e veprimit OGP Local 2027–2029**, \
                    ndjek zbatimin e angazhimeve dhe u jep llogari banorëve për ecurinë e tyre."
                    .into(),
                mandate_en: "The forum drafts, together with the Municipality of Elbasan, the **OGP Local action \
                    plan 2027–2029**, follows the implementation of its commitments and accounts to the residents \
                    for their progress."
                    .into(),
                legal_basis_sq: "Vendim i Kryetarit të Bashkisë Elbasan „Për ngritjen e forumit të bashkë-krijimit \
                    OGP Local“"
                    .into(),
                legal_basis_en: "Decision of the Mayor of Elbasan “On setting up the OGP Local co-creation forum”"
                    .into(),
                legal_number: "Nr. 214".into(),
                legal_date: Some(decided_on),
                call_id: call,
            },
            &ctx_at(0),
        )
        .await?;
    let decision = pdf::document(
        "Vendim nr. 214 i Kryetarit të Bashkisë Elbasan",
        &[
            format!(
                "Për ngritjen e forumit të bashkë-krijimit OGP Local, datë {}.",
                decided_on.format("%d.%m.%Y")
            ),
            "Në mbështetje të ligjit nr. 139/2015 „Për vetëqeverisjen vendore“ dhe të anëtarësimit të Bashkisë \
             Elbasan në Partneritetin për Qeverisje të Hapur (OGP Local), Kryetari i Bashkisë vendos:"
                .into(),
            "1. Ngritjen e forumit të bashkë-krijimit, me anëtarë nga Bashkia dhe nga organizatat e shoqërisë \
             civile, grupet jo-formale dhe qytetarët aktivë të përzgjedhur me thirrje të hapur."
                .into(),
            "2. Forumi harton planin e veprimit OGP Local 2027–2029 dhe ndjek zbatimin e tij.".into(),
            "3. Zyra e koordinimit OGP ushtron detyrën e sekretariatit të forumit.".into(),
        ],
    );
    // The hand-written PDF is ASCII, so the token hasher (SHA-256, hex) gives the file's digest.
    let sha = tokens::hash_token(std::str::from_utf8(&decision)?);
    store
        .attach_legal_file(
            tenant,
            forum,
            &NewFile {
                filename: "vendimi-214-forumi-ogp.pdf",
                content_type: "application/pdf",
                sha256: &sha,
                content: &decision,
            },
            &ctx_at(0),
        )
        .await?;
    store
        .save_texts(
            tenant,
            forum,
            &TextsInput {
                terms_sq: TERMS_V1_SQ.into(),
                terms_en: TERMS_V1_EN.into(),
                rules_sq: RULES_V1_SQ.into(),
                rules_en: RULES_V1_EN.into(),
                note: "Miratuar në mbledhjen e parë".into(),
            },
            &ctx_at(1),
        )
        .await?;
    store
        .save_texts(
            tenant,
            forum,
            &TextsInput {
                terms_sq: TERMS_V1_SQ.into(),
                terms_en: TERMS_V1_EN.into(),
                rules_sq: RULES_V2_SQ.into(),
                rules_en: RULES_V2_EN.into(),
                note: "Fjala e publikut në mbledhje; procesverbali brenda 10 ditëve".into(),
            },
            &ctx_at(45),
        )
        .await?;

    // Seats: staff and demo accounts first, then the selected applicants of the rural call.
    struct Seat {
        who: UserId,
        candidate: Option<i64>,
        org_id: Option<i64>,
        sector: Sector,
        organisation: String,
        position: &'static str,
        responsibilities: String,
        facts: MemberFacts,
    }
    let mut seats = vec![
        Seat {
            who: chair,
            candidate: None,
            org_id: None,
            sector: Sector::Cso,
            organisation: "Rrjeti i Grave Elbasan".into(),
            position: "chair",
            responsibilities: "Drejton mbledhjet e forumit, miraton procesverbalet dhe përfaqëson forumin para \
                Këshillit Bashkiak."
                .into(),
            facts: MemberFacts {
                gender: Some(Gender::Woman),
                youth: Some(false),
                rural: Some(false),
            },
        },
        Seat {
            who: finance,
            candidate: None,
            org_id: None,
            sector: Sector::Government,
            organisation: "Bashkia Elbasan, Drejtoria e Financave".into(),
            position: "co_chair",
            responsibilities: "Bashkëdrejton mbledhjet dhe siguron që angazhimet të kenë mbulim në buxhetin vendor."
                .into(),
            facts: MemberFacts {
                gender: Some(Gender::Man),
                ..MemberFacts::default()
            },
        },
        Seat {
            who: secretary,
            candidate: None,
            org_id: None,
            sector: Sector::Government,
            organisation: "Bashkia Elbasan, Zyra e koordinimit OGP".into(),
            position: "secretary",
            responsibilities: "Përgatit rendin e ditës dhe materialet, mban procesverbalin dhe e publikon brenda \
                afatit."
                .into(),
            facts: MemberFacts {
                gender: Some(Gender::Woman),
                ..MemberFacts::default()
            },
        },
        Seat {
            who: citizen,
            candidate: None,
            org_id: None,
            sector: Sector::Citizen,
            organisation: String::new(),
            position: "member",
            responsibilities: "Sjell propozimet e banorëve të lagjes dhe merr pjesë në grupin e punës për \
                transparencën."
                .into(),
            facts: MemberFacts {
                youth: Some(true),
                ..MemberFacts::default()
            },
        },
        Seat {
            who: monitor,
            candidate: None,
            org_id: None,
            sector: Sector::Cso,
            organisation: "Tjetër Vizion".into(),
            position: "observer",
            responsibilities: "Ndjek punën e forumit si organ monitorues, pa të drejtë vote.".into(),
            facts: MemberFacts::default(),
        },
    ];
    let candidates = store.unseated_candidates(tenant, cycle.id, forum).await?;
    // Two selected applicants wait to be seated, so that the coordinator (and the browser
    // journey, once per language) can turn a selected applicant into a member in one step.
    let waiting = 2.min(candidates.len());
    for c in &candidates[..candidates.len() - waiting] {
        if seats.iter().any(|s| s.who.0 == c.user_id) {
            continue;
        }
        seats.push(Seat {
            who: UserId(c.user_id),
            candidate: Some(c.id),
            org_id: c.org_id,
            sector: Sector::of_applicant(c.applicant_type),
            organisation: c.organisation.clone(),
            position: "member",
            responsibilities: "Përfaqëson zërin e njësisë administrative rurale dhe merr pjesë në grupin e punës \
                për shërbimet vendore."
                .into(),
            facts: MemberFacts::default(),
        });
    }
    let mut members = Vec::new();
    let last = seats.len().saturating_sub(1);
    let positions = store.forum_positions(tenant).await?;
    let forum_row = store
        .forum(tenant, forum)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo's forum is missing"))?;
    for (i, seat) in seats.into_iter().enumerate() {
        // The last selected applicant has not answered yet: their invitation, sent three days
        // ago (so its link still works), is in the outbox.
        let still_invited = i == last && seat.candidate.is_some();
        let seated = if still_invited {
            AuditCtx {
                at: ctx.at - Duration::days(3),
                ..ctx_at(0)
            }
        } else {
            ctx_at(2 + i as i64)
        };
        let (token, hash) = tokens::new_token();
        let mail = if still_invited {
            let person = store
                .user_by_id(tenant, seat.who)
                .await?
                .ok_or_else(|| anyhow::anyhow!("demo member missing"))?;
            person.email.as_deref().map(|to| {
                services.forum_invitation_mail(
                    &tenant_row,
                    &forum_row,
                    &positions,
                    &SeatFields {
                        sector: seat.sector,
                        organisation: seat.organisation.clone(),
                        pos_key: seat.position.into(),
                        responsibilities: seat.responsibilities.clone(),
                        starts_on: seated.at.date_naive(),
                        ends_on: None,
                        substitute_user_id: None,
                    },
                    to,
                    &person.display_name,
                    &person.lang,
                    &token,
                )
            })
        } else {
            None
        };
        let id: MemberId = store
            .add_member(
                tenant,
                forum,
                &NewMember {
                    user_id: seat.who.0,
                    candidate_id: seat.candidate,
                    sector: seat.sector,
                    org_id: seat.org_id,
                    organisation: seat.organisation,
                    pos_key: seat.position.into(),
                    responsibilities: seat.responsibilities,
                    starts_on: seated.at.date_naive(),
                    ends_on: Some((at + Duration::days(3 * 365)).date_naive()),
                    substitute_user_id: None,
                },
                &hash,
                mail.as_ref(),
                &seated,
            )
            .await?;
        if still_invited {
            continue;
        }
        let answered = AuditCtx {
            at: seated.at + Duration::days(1),
            ..seated.clone()
        };
        store.answer_membership(tenant, &hash, true, &answered).await?;
        let mine = AuditCtx {
            actor: Some(seat.who),
            ..answered
        };
        if seat.facts.gender.is_some() || seat.facts.youth.is_some() || seat.facts.rural.is_some() {
            store.record_member_facts(tenant, id, &seat.facts, &mine).await?;
        }
        members.push(seat.who);
    }
    Ok(ForumDemo {
        forum,
        coordinator,
        chair,
        secretary,
        members,
    })
}
