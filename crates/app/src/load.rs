//! `bashke generate-load`: fills the default municipality with a large call for benchmarks
//! (bench/run.sh): N applications, each submitted and reviewed by three reviewers.

use chrono::Duration;
use domain::{
    ApplicationId, Email, Lang, Role, TenantId, UserId,
    open_call::{ApplicantType, weighted_average},
};
use services::Services;
use store::{ApplicationInput, AuditCtx, CallInput, CriterionInput, NewApplication, OrgInput, ScoreInput, WorkRow};

const FIELDS: [&str; 6] = [
    "transparency",
    "participation",
    "youth",
    "gender",
    "environment",
    "rural",
];
const AREAS: [&str; 5] = ["Elbasan", "Shirgjan", "Bradashesh", "Gjinar", "Labinot-Fushë"];

/// Creates the call and its applications; returns the call's id.
pub async fn generate(services: &Services, applications: usize) -> anyhow::Result<i64> {
    let store = &services.store;
    let tenant = store
        .resolve_tenant("")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no default tenant: run `bashke demo` once first"))?;
    let t = tenant.id();
    let now = services.clock.now();
    let ctx = AuditCtx {
        tenant: Some(t),
        actor: None,
        at: now,
        request_id: Some("generate-load".into()),
    };
    let criteria = [
        CriterionInput {
            name_sq: "Përvoja".into(),
            name_en: "Experience".into(),
            description_sq: String::new(),
            description_en: String::new(),
            weight: 3,
        },
        CriterionInput {
            name_sq: "Motivimi".into(),
            name_en: "Motivation".into(),
            description_sq: String::new(),
            description_en: String::new(),
            weight: 3,
        },
        CriterionInput {
            name_sq: "Prania në territor".into(),
            name_en: "Presence".into(),
            description_sq: String::new(),
            description_en: String::new(),
            weight: 2,
        },
        CriterionInput {
            name_sq: "Gjithëpërfshirja".into(),
            name_en: "Inclusion".into(),
            description_sq: String::new(),
            description_en: String::new(),
            weight: 2,
        },
    ];
    let input = CallInput {
        title_sq: format!("Thirrje ngarkese me {applications} aplikime"),
        title_en: format!("Load call with {applications} applications"),
        summary_sq: "Thirrje për matjen e shpejtësisë.".into(),
        summary_en: "A call for measuring speed.".into(),
        body_sq: "Bashkia Elbasan fton **të gjitha** organizatat…".into(),
        body_en: String::new(),
        eligibility_sq: String::new(),
        eligibility_en: String::new(),
        requirements_sq: "- Përshkrim\n- Shembuj pune\n- Deklaratë interesi".into(),
        requirements_en: String::new(),
        allow_cso: true,
        allow_informal: true,
        allow_citizen: true,
        places: Some(15),
        opens_at: now - Duration::days(1),
        closes_at: now + Duration::days(30),
        contact_email: "koordinatori@elbasani.gov.al".into(),
    };
    let call = store.create_call(t, &input, &criteria, "LOAD", &ctx).await?;
    store.publish_call(t, call, &ctx).await?;
    let stored_criteria = store.criteria(t, call).await?;
    // Accounts made here never log in: a fixed placeholder instead of an Argon2 hash per person.
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$bG9hZGxvYWRsb2Fk$placeholderplaceholderplaceholderplaceho";
    let mut reviewers = Vec::new();
    for i in 0..3 {
        let email = Email::parse("email", &format!("load-reviewer-{i}-{}@example.org", call.0))
            .map_err(|e| anyhow::anyhow!(e.code))?;
        reviewers.push(
            store
                .create_verified_user(
                    t,
                    &email,
                    &format!("Vlerësuesi {i}"),
                    hash,
                    Lang::Sq,
                    &[Role::Reviewer],
                    &ctx,
                )
                .await?,
        );
    }
    for i in 0..applications {
        let email =
            Email::parse("email", &format!("load-{}-{i}@example.org", call.0)).map_err(|e| anyhow::anyhow!(e.code))?;
        let user = store
            .create_verified_user(t, &email, &format!("Aplikuesi Ç{i}"), hash, Lang::Sq, &[], &ctx)
            .await?;
        let (kind, org) = if i.is_multiple_of(3) {
            let org = OrgInput {
                name: format!("Shoqata “Zëri {i}”"),
                kind: "cso".into(),
                registration_number: Some(format!("L{i:08}")),
                size_band: ["up_5", "6_20", "21_50", "over_50"][i % 4].into(),
                fields: FIELDS[i % FIELDS.len()].into(),
                area: AREAS[i % AREAS.len()].into(),
                website: String::new(),
                mission: "Misioni ynë është qeverisja e hapur.".into(),
            };
            (ApplicantType::Cso, Some(store.create_org(t, user, &org, &ctx).await?.0))
        } else {
            (ApplicantType::Citizen, None)
        };
        apply(store, t, call, user, kind, org, i, &ctx).await?;
    }
    store.assign_reviewer_to_call(t, call, reviewers[0], &ctx).await?;
    store.assign_reviewer_to_call(t, call, reviewers[1], &ctx).await?;
    store.assign_reviewer_to_call(t, call, reviewers[2], &ctx).await?;
    let apps: Vec<i64> = store
        .export_page(t, call, 0, i64::MAX)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    for (n, app) in apps.iter().enumerate() {
        for (r, reviewer) in reviewers.iter().enumerate() {
            let scores: Vec<ScoreInput> = stored_criteria
                .iter()
                .enumerate()
                .map(|(k, c)| ScoreInput {
                    criterion_id: c.id,
                    score: ((n + r + k) % 5 + 1) as i64,
                    comment: "Vlerësim i shkurtër.".into(),
                })
                .collect();
            let pairs: Vec<(u8, i64)> = scores
                .iter()
                .zip(&stored_criteria)
                .map(|(s, c)| (s.score as u8, c.weight))
                .collect();
            store
                .save_review(
                    t,
                    ApplicationId(*app),
                    *reviewer,
                    &scores,
                    weighted_average(&pairs),
                    &ctx,
                )
                .await?;
        }
    }
    Ok(call.0)
}

#[allow(clippy::too_many_arguments)]
async fn apply(
    store: &store::Store,
    t: TenantId,
    call: domain::CallId,
    user: UserId,
    kind: ApplicantType,
    org: Option<i64>,
    i: usize,
    ctx: &AuditCtx,
) -> anyhow::Result<()> {
    let new = NewApplication {
        call,
        applicant: user,
        applicant_type: kind,
        org_id: org,
        size_band: String::new(),
        lang: "sq".into(),
    };
    let app = store.start_application(t, &new, ctx).await?;
    let input = ApplicationInput {
        description: format!("Përshkrimi i aplikuesit {i}: punojmë për transparencë në Elbasan."),
        statement: "Duam të marrim pjesë në bashkë-krijimin e planit të veprimit.".into(),
        fields: format!("{},{}", FIELDS[i % FIELDS.len()], FIELDS[(i + 1) % FIELDS.len()]),
        areas: AREAS[i % AREAS.len()].into(),
        contact_name: format!("Kontakti {i}"),
        contact_phone: "+355 69 000 0000".into(),
        size_band: String::new(),
        consent_privacy: true,
        consent_listing: i.is_multiple_of(2),
    };
    let works = [WorkRow {
        title: "Dëgjesë publike".into(),
        year: Some(2024),
        role: "Organizator".into(),
        description: String::new(),
        link: String::new(),
    }];
    store.save_application(t, app, &input, &works, ctx).await?;
    store.submit_application(t, app, 2026, |_| Vec::new(), ctx).await?;
    Ok(())
}
