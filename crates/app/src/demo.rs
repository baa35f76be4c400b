//! Demo data: Bashkia Elbasan with its open call's timeline, news, one account per role (two
//! reviewers), and calls with applications in every state a clerk meets (see `history` and
//! `stories`).

mod commitments;
mod commitments_library;
mod forum;
mod forum_meetings;
mod forum_minutes;
mod history;
mod input;
mod input_answers;
mod input_discussion;
mod pdf;
mod stories;

use chrono::{Duration, NaiveDate};
use domain::{Email, Lang, Role};
use services::Services;
use services::open_call::calls::parse_local;
use store::{AuditCtx, CallInput, CriterionInput, NewTenant, NewsInput, OrgInput, PhaseInput, TenantSettings};

/// Elbasan's administrative units since the 2015 territorial reform.
pub const ELBASAN_UNITS: [&str; 13] = [
    "Elbasan",
    "Bradashesh",
    "Funarë",
    "Gjergjan",
    "Gjinar",
    "Gracen",
    "Labinot-Fushë",
    "Labinot-Mal",
    "Papër",
    "Shirgjan",
    "Shushicë",
    "Tregan",
    "Zavalinë",
];

/// Everyone's demo password (printed at start-up; the demo is not for real data).
pub const DEMO_PASSWORD: &str = "Elbasan-demo-2026";

pub struct DemoAccount {
    pub role: Role,
    pub email: &'static str,
    pub name: &'static str,
}

/// The second reviewer, created after the first demo data so that the ids of what came before stay
/// as they were (the browser tests use them).
const SECOND_REVIEWER: &str = "vleresuesja@demo.bashke.al";

/// The moderator of public input, created with the input demo (`demo/input.rs`), after everything
/// else, for the same reason.
const MODERATOR: &str = "moderatori@demo.bashke.al";

pub const ACCOUNTS: [DemoAccount; 8] = [
    DemoAccount {
        role: Role::PlatformAdmin,
        email: "admin@demo.bashke.al",
        name: "Administratori i platformës",
    },
    DemoAccount {
        role: Role::Coordinator,
        email: "koordinatori@demo.bashke.al",
        name: "Elira Koordinatorja",
    },
    DemoAccount {
        role: Role::Reviewer,
        email: "vleresuesi@demo.bashke.al",
        name: "Besnik Vlerësuesi",
    },
    DemoAccount {
        role: Role::ForumMember,
        email: "anetari@demo.bashke.al",
        name: "Drita Anëtarja",
    },
    DemoAccount {
        role: Role::MonitoringBody,
        email: "monitoruesi@demo.bashke.al",
        name: "Tjetër Vizion (monitorues)",
    },
    DemoAccount {
        role: Role::Participant,
        email: "qytetari@demo.bashke.al",
        name: "Arbër Çela",
    },
    DemoAccount {
        role: Role::Reviewer,
        email: SECOND_REVIEWER,
        name: "Vjosa Vlerësuesja",
    },
    DemoAccount {
        role: Role::Moderator,
        email: MODERATOR,
        name: "Mira Moderatorja",
    },
];

const PRIVACY_SQ: &str = "Bashkia Elbasan përpunon të dhënat tuaja personale (emrin, adresën e postës elektronike dhe \
të dhënat që shkruani në formularë) vetëm për procesin e bashkë-krijimit të planit të veprimit OGP Local, në përputhje \
me ligjin për mbrojtjen e të dhënave personale.\n\n- Të dhënat e kontaktit i shohin vetëm koordinatorët dhe personat e \
caktuar.\n- Kontributet publike (ide, komente) janë publike.\n- Mund ta fshini llogarinë në çdo kohë nga faqja “Llogaria ime”.\n\n\
Për pyetje: koordinatori@elbasani.gov.al";
const PRIVACY_EN: &str = "The Municipality of Elbasan processes your personal data (your name, e-mail address and what you \
type into forms) only for the co-creation of its OGP Local action plan, in line with the law on personal data \
protection.\n\n- Contact details are seen only by coordinators and the people assigned.\n- Public contributions (ideas, \
comments) are public.\n- You can delete your account at any time from “My account”.\n\nQuestions: koordinatori@elbasani.gov.al";

const CALL_NEWS_SQ: &str = "Bashkia Elbasan fton të gjitha organizatat aktive të shoqërisë civile (OSHC), grupet jo-formale \
apo qytetarët aktivë që veprojnë brenda territorit të bashkisë të bashkohen në procesin e bashkë-krijimit të angazhimeve \
lokale të OGP.\n\n**Çfarë presim nga organizatat/grupet pjesëmarrëse**\n\n- Të punojnë së bashku me përfaqësuesit e \
bashkisë për të zhvilluar angazhime të fokusuar në rritjen e transparencës, gjithëpërfshirjes dhe llogaridhënies.\n- Të \
bëhen pjesë e një grupi pune që do të udhëheqë procesin e bashkë-krijimit.\n- Të ndihmojnë në përcaktimin e qëllimeve \
afatgjata për bashkëpunim të qëndrueshëm midis bashkisë dhe shoqërisë civile.\n\nPër pyetje: koordinatori@elbasani.gov.al";
const CALL_NEWS_EN: &str = "The Municipality of Elbasan invites every active civil-society organisation (CSO), informal \
group and active citizen working inside the municipality's territory to join the co-creation of its OGP Local \
commitments.\n\n**What we expect from participating organisations and groups**\n\n- Work with the municipality's \
representatives to develop commitments that increase transparency, inclusion and accountability.\n- Join a working \
group that will lead the co-creation process.\n- Help set long-term goals for lasting cooperation between the \
municipality and civil society.\n\nQuestions: koordinatori@elbasani.gov.al";

fn phase(title_sq: &str, title_en: &str, starts_on: NaiveDate, days: i64) -> PhaseInput {
    PhaseInput {
        title_sq: title_sq.into(),
        title_en: title_en.into(),
        starts_on,
        ends_on: starts_on + Duration::days(days),
    }
}

/// Seeds an empty database; does nothing when a tenant exists already.
pub async fn seed(services: &Services) -> anyhow::Result<bool> {
    let store = &services.store;
    if !store.list_tenants().await?.is_empty() {
        return Ok(false);
    }
    let now = services.clock.now();
    // The municipality, its staff and its cycle exist since before the earliest call of the demo.
    let founded = now - Duration::days(240);
    let system = AuditCtx {
        tenant: None,
        actor: None,
        at: founded,
        request_id: Some("demo-seed".into()),
    };
    let tenant = store
        .create_tenant(
            &NewTenant {
                slug: "elbasan".into(),
                settings: TenantSettings {
                    name_sq: "Bashkia Elbasan".into(),
                    name_en: "Municipality of Elbasan".into(),
                    time_zone: "Europe/Tirane".into(),
                    contact_email: "koordinatori@elbasani.gov.al".into(),
                    logo_url: None,
                    privacy_sq: PRIVACY_SQ.into(),
                    privacy_en: PRIVACY_EN.into(),
                    name_genitive_sq: "Bashkisë Elbasan".into(),
                    name_accusative_sq: "Bashkinë Elbasan".into(),
                    admin_units: ELBASAN_UNITS.join("\n"),
                },
                is_default: true,
                hosts: vec!["elbasan.localhost".into()],
            },
            &system,
        )
        .await?;
    // A second municipality on its own host name shows that tenants do not see each other.
    store
        .create_tenant(
            &NewTenant {
                slug: "tirana".into(),
                settings: TenantSettings {
                    name_sq: "Bashkia Tiranë".into(),
                    name_en: "Municipality of Tirana".into(),
                    time_zone: "Europe/Tirane".into(),
                    contact_email: "ogp@tirana.example".into(),
                    logo_url: None,
                    privacy_sq: String::new(),
                    privacy_en: String::new(),

                    ..TenantSettings::default()
                },
                is_default: false,
                hosts: vec!["tirana.localhost".into()],
            },
            &system,
        )
        .await?;
    let ctx = AuditCtx {
        tenant: Some(tenant),
        ..system
    };
    let today = services.clock.now().date_naive();
    let start = today - Duration::days(7);
    let phases = [
        phase(
            "Thirrja e hapur për organizatat e shoqërisë civile",
            "Open call to civil-society organisations",
            start,
            28,
        ),
        phase(
            "Përzgjedhja dhe formimi i grupit të punës",
            "Selection and forming of the working group",
            start + Duration::days(29),
            14,
        ),
        phase(
            "Takimet fillestare dhe bashkë-krijimi",
            "Initial meetings and co-creation",
            start + Duration::days(44),
            45,
        ),
        phase(
            "Hartimi i vizionit strategjik dhe i angazhimeve",
            "Drafting the strategic vision and commitments",
            start + Duration::days(90),
            40,
        ),
        phase(
            "Konsultimi publik i draftit",
            "Public consultation on the draft",
            start + Duration::days(131),
            21,
        ),
        phase(
            "Miratimi dhe dorëzimi i planit të veprimit te OGP",
            "Endorsement and submission of the action plan to OGP",
            start + Duration::days(153),
            10,
        ),
        phase(
            "Zbatimi dhe monitorimi",
            "Implementation and monitoring",
            start + Duration::days(164),
            540,
        ),
    ];
    let cycle = store
        .create_cycle(
            tenant,
            "Plani i veprimit OGP Local 2027–2029",
            "OGP Local action plan 2027–2029",
            &phases,
            &ctx,
        )
        .await?;

    let hash = services.hasher.hash(DEMO_PASSWORD).await?;
    let mut coordinator = None;
    let mut users = Vec::new();
    for account in ACCOUNTS
        .iter()
        .filter(|a| a.email != SECOND_REVIEWER && a.email != MODERATOR)
    {
        let email = Email::parse("email", account.email)
            .map_err(|e| anyhow::anyhow!("demo e-mail {}: {}", account.email, e.code))?;
        let roles: Vec<Role> = match account.role {
            Role::PlatformAdmin => vec![Role::PlatformAdmin, Role::Coordinator],
            other => vec![other],
        };
        let id = store
            .create_verified_user(tenant, &email, account.name, &hash, Lang::Sq, &roles, &ctx)
            .await?;
        if account.role == Role::Coordinator {
            coordinator = Some(id);
        }
        users.push((account.role, id));
    }
    let author = coordinator.ok_or_else(|| anyhow::anyhow!("no coordinator in demo accounts"))?;
    let news = [
        (
            "Mirë se vini në platformën e bashkë-krijimit",
            "Welcome to the co-creation platform",
            "Kjo platformë zëvendëson dërgimin e dokumenteve me postë elektronike: këtu aplikoni, ndiqni kalendarin dhe lexoni vendimet.",
            "This platform replaces sending documents by e-mail: apply here, follow the timeline and read the decisions.",
        ),
        (
            "Bashkia Elbasan anëtare e OGP Local",
            "Elbasan is a member of OGP Local",
            "Si anëtare e Partneritetit për Qeverisje të Hapur në nivel lokal, Bashkia Elbasan është e angazhuar në avancimin e transparencës, gjithëpërfshirjes dhe llogaridhënies në qeverisjen lokale.",
            "As a member of the Open Government Partnership at local level, the Municipality of Elbasan is committed to advancing transparency, inclusion and accountability in local government.",
        ),
        (
            "Thirrje e hapur për organizatat e shoqërisë civile",
            "Open call to civil-society organisations",
            CALL_NEWS_SQ,
            CALL_NEWS_EN,
        ),
    ];
    for (i, (t_sq, t_en, b_sq, b_en)) in news.iter().enumerate() {
        let at = AuditCtx {
            actor: Some(author),
            at: now - Duration::days(3 - i as i64),
            ..ctx.clone()
        };
        store
            .create_news(
                tenant,
                author,
                &NewsInput {
                    title_sq: (*t_sq).into(),
                    title_en: (*t_en).into(),
                    body_sq: (*b_sq).into(),
                    body_en: (*b_en).into(),
                },
                &at,
            )
            .await?;
    }
    // Drafted and published two days before it opens.
    let open_call = seed_call(
        services,
        tenant,
        &AuditCtx {
            actor: Some(author),
            at: now - Duration::days(9),
            ..ctx.clone()
        },
    )
    .await?;
    if let Some((_, monitor)) = users.iter().find(|(r, _)| *r == Role::MonitoringBody) {
        let org = OrgInput {
            name: "Tjetër Vizion".into(),
            kind: "cso".into(),
            registration_number: Some("L12345678A".into()),
            size_band: "6_20".into(),
            fields: "transparency,accountability,participation".into(),
            area: "Elbasan".into(),
            website: "https://tjetervizion.org".into(),
            mission: "Organizatë e shoqërisë civile që monitoron qeverisjen vendore në Elbasan.".into(),
        };
        store
            .create_org(
                tenant,
                *monitor,
                &org,
                &AuditCtx {
                    actor: Some(*monitor),
                    ..ctx.clone()
                },
            )
            .await?;
    }
    let citizen = users
        .iter()
        .find(|(r, _)| *r == Role::Participant)
        .map(|(_, id)| *id)
        .ok_or_else(|| anyhow::anyhow!("no citizen in demo accounts"))?;
    let reviewer = users
        .iter()
        .find(|(r, _)| *r == Role::Reviewer)
        .map(|(_, id)| *id)
        .ok_or_else(|| anyhow::anyhow!("no reviewer in demo accounts"))?;
    seed_closed_call(services, tenant, author, reviewer, citizen, &hash, &ctx).await?;
    let second = ACCOUNTS
        .iter()
        .find(|a| a.email == SECOND_REVIEWER)
        .ok_or_else(|| anyhow::anyhow!("no second reviewer in demo accounts"))?;
    let email = Email::parse("email", second.email).map_err(|e| anyhow::anyhow!("demo e-mail: {}", e.code))?;
    let second_reviewer = store
        .create_verified_user(
            tenant,
            &email,
            second.name,
            &hash,
            Lang::Sq,
            &[second.role],
            &AuditCtx {
                at: founded + Duration::days(20),
                ..ctx.clone()
            },
        )
        .await?;
    let past = history::Past::new(services, tenant, author, [reviewer, second_reviewer], &hash).await?;
    seed_rural_call(services, tenant, author, &past).await?;
    past.play(open_call, local_day(services, -6, "00:00")?, &stories::OPEN_CALL)
        .await?;
    // The forum of the cycle, its meetings and minutes (issue 8); each part places its history
    // at times before `now`.
    let ctx = AuditCtx { at: now, ..ctx };
    let forum = forum::forum(services, tenant, &ctx).await?;
    let meetings = forum_meetings::meetings(services, tenant, &forum, &ctx).await?;
    forum_minutes::minutes(services, tenant, &forum, &meetings, &ctx).await?;
    // Public input (issue 9): the open phase with its inputs, their discussion, then the forum's
    // grouping and answers.
    let chair = users
        .iter()
        .find(|(r, _)| *r == Role::ForumMember)
        .map(|(_, id)| *id)
        .ok_or_else(|| anyhow::anyhow!("no forum member in demo accounts"))?;
    let inputs = input::seed(services, tenant, cycle, author, citizen, &hash, &ctx).await?;
    input_discussion::seed(services, tenant, &inputs, &ctx).await?;
    input_answers::seed(services, tenant, &inputs, chair, &ctx).await?;
    // Commitments (issue 10): ALBSN0001 in three versions, endorsed; two drafts from inputs.
    commitments::seed(services, tenant, cycle, &forum, &inputs, &ctx).await?;
    commitments_library::seed(services, tenant, &ctx).await?;
    // The input demo acts through the use cases on the real clock, a moment after `now`: its
    // e-mails (to followers, to the hidden comment's author) are history too, marked sent and
    // never mailed, so that nobody's inbox starts with the demo's past.
    past.set_clock(services.clock.now().max(now));
    past.deliver_mail().await?;
    Ok(true)
}

/// An earlier call, to the rural administrative units: open for a month from 200 days ago,
/// reviewed, decided and its outcome published 150 days ago, so that its public outcome and
/// statistics show (and the retention period of a year after the outcome has not run out).
async fn seed_rural_call(
    services: &Services,
    tenant: domain::TenantId,
    coordinator: domain::UserId,
    past: &history::Past,
) -> anyhow::Result<()> {
    let store = &services.store;
    let opens_at = local_day(services, -200, "08:00")?;
    let closes_at = local_day(services, -170, "23:59")?;
    let input = CallInput {
        title_sq: "Thirrje për organizatat dhe banorët e njësive administrative rurale".into(),
        title_en: "Call to organisations and residents of the rural administrative units".into(),
        summary_sq: "Katër vende në forumin e bashkë-krijimit për zërat e njësive administrative rurale.".into(),
        summary_en: "Four seats in the co-creation forum for voices from the rural administrative units.".into(),
        body_sq: "Para thirrjes kryesore, Bashkia Elbasan rezervon katër vende në forumin e bashkë-krijimit për \
organizata, grupe dhe qytetarë aktivë nga njësitë administrative rurale, që zëri i tyre të dëgjohet që në fillim të \
procesit.\n\n## Si zgjidhen aplikimet\n\nDy vlerësues të pavarur i vlerësojnë aplikimet sipas kritereve më poshtë. \
Vendimi dhe arsyeja e tij i dërgohen çdo aplikuesi me postë elektronike."
            .into(),
        body_en: "Before its main call, the Municipality of Elbasan reserves four seats in the co-creation forum for \
organisations, groups and active citizens from the rural administrative units, so that their voice is heard from the \
start of the process.\n\n## How applications are chosen\n\nTwo independent reviewers score the applications against \
the criteria below. Each applicant is sent the decision and its reason by e-mail."
            .into(),
        eligibility_sq: "Organizata, grupe jo-formale dhe qytetarë aktivë që punojnë në një ose më shumë nga njësitë \
administrative jashtë qytetit të Elbasanit."
            .into(),
        eligibility_en: "Organisations, informal groups and active citizens working in one or more of the \
administrative units outside the city of Elbasan."
            .into(),
        requirements_sq: "- Një përshkrim i shkurtër i punës suaj në njësinë administrative.\n\
- Të paktën një shembull pune me banorët.\n\
- Një deklaratë interesi."
            .into(),
        requirements_en: "- A short description of your work in the administrative unit.\n\
- At least one example of work with its residents.\n\
- A statement of interest."
            .into(),
        allow_cso: true,
        allow_informal: true,
        allow_citizen: true,
        places: Some(4),
        opens_at,
        closes_at,
        contact_email: "koordinatori@elbasani.gov.al".into(),
    };
    let criterion = |sq: &str, en: &str, dsq: &str, den: &str, weight| CriterionInput {
        name_sq: sq.into(),
        name_en: en.into(),
        description_sq: dsq.into(),
        description_en: den.into(),
        weight,
    };
    let criteria = [
        criterion(
            "Lidhja me banorët e njësive rurale",
            "Ties with the residents of the rural units",
            "1 = asnjë lidhje e dukshme; 5 = punë e përditshme me banorët.",
            "1 = no visible ties; 5 = works with the residents every day.",
            3,
        ),
        criterion(
            "Përvoja në pjesëmarrjen qytetare",
            "Experience in civic participation",
            "1 = asnjë përvojë; 5 = nisma të dokumentuara me banorët.",
            "1 = no experience; 5 = documented initiatives with residents.",
            2,
        ),
        criterion(
            "Motivimi",
            "Motivation",
            "1 = i paqartë; 5 = i qartë dhe i lidhur me procesin.",
            "1 = unclear; 5 = clear and tied to the process.",
            1,
        ),
    ];
    let drafted = AuditCtx {
        tenant: Some(tenant),
        actor: Some(coordinator),
        at: opens_at - Duration::days(5),
        request_id: Some("demo-seed".into()),
    };
    let call = store.create_call(tenant, &input, &criteria, "ELB", &drafted).await?;
    let published = AuditCtx {
        at: opens_at - Duration::days(4),
        ..drafted
    };
    store.publish_call(tenant, call, &published).await?;
    past.play(call, local_day(services, -200, "00:00")?, &stories::RURAL_CALL)
        .await
}

/// A moment `days` from today (negative: before), at `hm` in Elbasan's time.
pub(crate) fn local_day(services: &Services, days: i64, hm: &str) -> anyhow::Result<chrono::DateTime<chrono::Utc>> {
    let tz = chrono_tz::Europe::Tirane;
    let day = services.clock.now().with_timezone(&tz).date_naive() + Duration::days(days);
    parse_local("date", &format!("{}T{hm}", day.format("%Y-%m-%d")), tz)
        .map_err(|e| anyhow::anyhow!("demo date: {}", e.code))
}

/// People who applied to the closed call: (e-mail, name, organisation if any, units, fields).
const CLOSED_CALL_APPLICANTS: [(&str, &str, Option<&str>, &str, &str); 4] = [
    (
        "rinia.shushice@demo.bashke.al",
        "Klea Hoxha",
        Some("Rinia për Shushicën"),
        "Shushicë,Elbasan",
        "youth,participation",
    ),
    (
        "grate.gracen@demo.bashke.al",
        "Mimoza Kola",
        Some("Gratë e Gracenit"),
        "Gracen",
        "gender,participation",
    ),
    (
        "labinot@demo.bashke.al",
        "Ilir Shehu",
        Some("Zëri i Labinotit"),
        "Labinot-Fushë,Labinot-Mal",
        "transparency,accountability",
    ),
    ("", "", None, "Elbasan", "youth,transparency"),
];

/// A second call, closed three days ago, whose applications wait for the coordinator's decision:
/// the ranked table, the reviewer's queue and publishing an outcome can all be tried at once.
/// The last applicant is the demo citizen, who sees the decision once it is published.
async fn seed_closed_call(
    services: &Services,
    tenant: domain::TenantId,
    coordinator: domain::UserId,
    reviewer: domain::UserId,
    citizen: domain::UserId,
    hash: &str,
    ctx: &AuditCtx,
) -> anyhow::Result<()> {
    use domain::open_call::{ApplicantType, weighted_average};
    use store::{ApplicationInput, NewApplication, ScoreInput, WorkRow};
    let store = &services.store;
    let now = services.clock.now();
    let staff = AuditCtx {
        actor: Some(coordinator),
        at: now - Duration::days(40),
        ..ctx.clone()
    };
    let input = CallInput {
        title_sq: "Thirrje për të rinjtë dhe gratë në forumin e bashkë-krijimit".into(),
        title_en: "Call to young people and women for the co-creation forum".into(),
        summary_sq: "Dy vende në forum për përfaqësues të të rinjve dhe të grave nga njësitë administrative.".into(),
        summary_en:
            "Two seats in the forum for representatives of young people and women from the administrative units.".into(),
        body_sq: "Bashkia Elbasan kërkon dy përfaqësues të organizatave të të rinjve dhe të grave për forumin e \
bashkë-krijimit, me përparësi për njësitë administrative rurale."
            .into(),
        body_en: "The Municipality of Elbasan seeks two representatives of youth and women's organisations for the \
co-creation forum, with priority for the rural administrative units."
            .into(),
        eligibility_sq: "Organizata dhe grupe të të rinjve ose të grave, dhe qytetarë aktivë.".into(),
        eligibility_en: "Youth and women's organisations and groups, and active citizens.".into(),
        requirements_sq: String::new(),
        requirements_en: String::new(),
        allow_cso: true,
        allow_informal: true,
        allow_citizen: true,
        places: Some(2),
        opens_at: now - Duration::days(40),
        closes_at: now - Duration::days(3),
        contact_email: "koordinatori@elbasani.gov.al".into(),
    };
    let criteria = [
        CriterionInput {
            name_sq: "Lidhja me të rinjtë ose gratë e zonës".into(),
            name_en: "Ties with young people or women in the area".into(),
            description_sq: "1 = asnjë lidhje e dukshme; 5 = punë e përditshme me ta.".into(),
            description_en: "1 = no visible ties; 5 = works with them every day.".into(),
            weight: 2,
        },
        CriterionInput {
            name_sq: "Motivimi".into(),
            name_en: "Motivation".into(),
            description_sq: "1 = i paqartë; 5 = i qartë dhe i lidhur me angazhimet.".into(),
            description_en: "1 = unclear; 5 = clear and tied to the commitments.".into(),
            weight: 1,
        },
    ];
    let call = store.create_call(tenant, &input, &criteria, "ELB", &staff).await?;
    store.publish_call(tenant, call, &staff).await?;
    let criteria = store.criteria(tenant, call).await?;
    let mut apps = Vec::new();
    for (i, (email, name, org, units, fields)) in CLOSED_CALL_APPLICANTS.iter().enumerate() {
        let when = AuditCtx {
            at: now - Duration::days(30 - 3 * i as i64),
            ..ctx.clone()
        };
        let user = if email.is_empty() {
            citizen
        } else {
            let address = Email::parse("email", email).map_err(|e| anyhow::anyhow!("demo e-mail: {}", e.code))?;
            store
                .create_verified_user(tenant, &address, name, hash, Lang::Sq, &[], &when)
                .await?
        };
        let when = AuditCtx {
            actor: Some(user),
            ..when
        };
        let org_id = match org {
            Some(org_name) => Some(
                store
                    .create_org(
                        tenant,
                        user,
                        &OrgInput {
                            name: (*org_name).into(),
                            kind: "informal_group".into(),
                            registration_number: None,
                            size_band: "up_5".into(),
                            fields: (*fields).into(),
                            area: units.replace(',', ", "),
                            website: String::new(),
                            mission: "Grup vullnetarësh që punon me komunitetin e vet.".into(),
                        },
                        &when,
                    )
                    .await?
                    .0,
            ),
            None => None,
        };
        let kind = if org_id.is_some() {
            ApplicantType::InformalGroup
        } else {
            ApplicantType::Citizen
        };
        let app = store
            .start_application(
                tenant,
                &NewApplication {
                    call,
                    applicant: user,
                    applicant_type: kind,
                    org_id,
                    size_band: if org_id.is_some() { "up_5".into() } else { String::new() },
                    lang: "sq".into(),
                },
                &when,
            )
            .await?;
        let application = ApplicationInput {
            description: "Punojmë me të rinjtë dhe gratë e zonës sonë prej disa vitesh.".into(),
            statement: "Duam që zëri i zonës sonë të dëgjohet në forum.".into(),
            fields: (*fields).into(),
            areas: (*units).into(),
            contact_name: if name.is_empty() {
                "Arbër Çela".into()
            } else {
                (*name).into()
            },
            contact_phone: format!("+355 69 100 00{i:02}"),
            size_band: String::new(),
            consent_privacy: true,
            consent_listing: true,
        };
        let works = [WorkRow {
            title: "Dëgjesë publike për buxhetin me pjesëmarrje".into(),
            year: Some(2025),
            role: "Organizator".into(),
            description: String::new(),
            link: String::new(),
        }];
        store.save_application(tenant, app, &application, &works, &when).await?;
        store
            .submit_application(tenant, app, 2026, |_| Vec::new(), &when)
            .await?;
        apps.push(app);
    }
    let review = AuditCtx {
        actor: Some(reviewer),
        at: now - Duration::days(2),
        ..ctx.clone()
    };
    store
        .assign_reviewer_to_call(
            tenant,
            call,
            reviewer,
            &AuditCtx {
                actor: Some(coordinator),
                ..review.clone()
            },
        )
        .await?;
    // Two applications scored with comments; the others wait in the reviewer's queue.
    for (app, marks, comment) in [
        (apps[0], [5, 4], "Punë e dukshme me të rinjtë e Shushicës."),
        (apps[1], [4, 4], "Grup i vogël, por shumë aktiv në Gracen."),
    ] {
        let scores: Vec<ScoreInput> = criteria
            .iter()
            .zip(marks)
            .map(|(c, score)| ScoreInput {
                criterion_id: c.id,
                score,
                comment: comment.into(),
            })
            .collect();
        let pairs: Vec<(u8, i64)> = criteria.iter().zip(marks).map(|(c, s)| (s as u8, c.weight)).collect();
        store
            .save_review(tenant, app, reviewer, &scores, weighted_average(&pairs), &review)
            .await?;
    }
    Ok(())
}

/// The municipality's real call (`seed/`, from `shared/seed/`), open from a week ago until three
/// weeks from now, with selection criteria drawn from what it asks applicants to send.
async fn seed_call(services: &Services, tenant: domain::TenantId, ctx: &AuditCtx) -> anyhow::Result<domain::CallId> {
    let store = &services.store;
    store.set_tenant_ref_prefix(tenant, "ELB", ctx).await?;
    let tz = chrono_tz::Europe::Tirane;
    let today = services.clock.now().with_timezone(&tz).date_naive();
    let at = |d: NaiveDate, hm: &str| parse_local("date", &format!("{}T{hm}", d.format("%Y-%m-%d")), tz);
    let opens_at = at(today - Duration::days(7), "08:00").map_err(|e| anyhow::anyhow!("demo date: {}", e.code))?;
    let closes_at = at(today + Duration::days(21), "23:59").map_err(|e| anyhow::anyhow!("demo date: {}", e.code))?;
    let input = CallInput {
        title_sq: "Thirrje e Hapur për Organizatat e Shoqërisë Civile në Bashkinë Elbasan".into(),
        title_en: "Open Call to Civil Society Organisations in the Municipality of Elbasan".into(),
        summary_sq: "Ftesë për të marrë pjesë në procesin e bashkë-krijimit të angazhimeve lokale të OGP.".into(),
        summary_en: "Invitation to take part in co-creating the municipality's OGP Local commitments.".into(),
        body_sq: call_body_sq(),
        body_en: call_body_en(),
        eligibility_sq: "Organizatat aktive të shoqërisë civile (OSHC), grupet jo-formale apo qytetarët aktivë që \
veprojnë brenda territorit të Bashkisë Elbasan. Mirëpresim OSHC-të e të gjitha madhësive dhe fushave të veprimit."
            .into(),
        eligibility_en: "Active civil-society organisations (CSOs), informal groups and active citizens working inside \
the territory of the Municipality of Elbasan. CSOs of every size and field of activity are welcome."
            .into(),
        requirements_sq: "- Një përshkrim i shkurtër i organizatës/grupimit tuaj dhe misionit të saj.\n\
- Shembuj të punës ose iniciativave të mëparshme që lidhen me transparencën, llogaridhënien ose angazhimin e komunitetit.\n\
- Një deklaratë interesi që shpjegon pse organizata juaj dëshiron të marrë pjesë në procesin e bashkë-krijimit."
            .into(),
        requirements_en: "- A short description of the organisation or group and its mission.\n\
- Examples of earlier work or initiatives on transparency, accountability or community engagement.\n\
- A statement of interest explaining why the organisation wants to take part in the co-creation process."
            .into(),
        allow_cso: true,
        allow_informal: true,
        allow_citizen: true,
        places: Some(12),
        opens_at,
        closes_at,
        contact_email: "koordinatori@elbasani.gov.al".into(),
    };
    let criterion = |sq: &str, en: &str, dsq: &str, den: &str, weight| CriterionInput {
        name_sq: sq.into(),
        name_en: en.into(),
        description_sq: dsq.into(),
        description_en: den.into(),
        weight,
    };
    let criteria = [
        criterion(
            "Përvoja në transparencë, llogaridhënie ose angazhim të komunitetit",
            "Experience in transparency, accountability or community engagement",
            "Shembujt e punës ose iniciativave të mëparshme.",
            "The examples of earlier work or initiatives.",
            3,
        ),
        criterion(
            "Motivimi dhe deklarata e interesit",
            "Motivation and statement of interest",
            "Pse organizata dëshiron të marrë pjesë dhe çfarë sjell në grupin e punës.",
            "Why the organisation wants to take part and what it brings to the working group.",
            3,
        ),
        criterion(
            "Prania në territorin e bashkisë",
            "Presence in the municipality's territory",
            "Veprimtaria në qytet dhe në njësitë administrative.",
            "Activity in the city and the administrative units.",
            2,
        ),
        criterion(
            "Gjithëpërfshirja",
            "Inclusion",
            "Zëra që ndryshe dëgjohen pak: gra, të rinj, banorë të zonave rurale, persona me aftësi të kufizuara.",
            "Voices otherwise seldom heard: women, youth, rural residents, people with disabilities.",
            2,
        ),
    ];
    let call = store.create_call(tenant, &input, &criteria, "ELB", ctx).await?;
    store.publish_call(tenant, call, ctx).await?;
    Ok(call)
}

/// The Albanian original, with its plain-text headings turned into Markdown ones.
fn call_body_sq() -> String {
    const HEADINGS: [&str; 5] = [
        "Qëllimi i thirrjes",
        "Angazhimi ynë ndaj gjithëpërfshirjes",
        "Si të Aplikoni",
        "Hapat e mëtejshëm",
        "Informacion kontakti",
    ];
    include_str!("../seed/call-elbasan.sq.md")
        .lines()
        // The title and the invitation line are the call's title and summary.
        .skip_while(|l| !l.starts_with("Ftesë për"))
        .skip(1)
        .map(|line| {
            let trimmed = line.trim();
            if HEADINGS.contains(&trimmed) || trimmed.starts_with("Çfarë presim") {
                format!("## {trimmed}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The English working translation, without its title and note.
fn call_body_en() -> String {
    include_str!("../seed/call-elbasan.en.md")
        .lines()
        .filter(|l| !l.starts_with("<!--") && !l.starts_with("# ") && !l.starts_with("**Invitation"))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}
