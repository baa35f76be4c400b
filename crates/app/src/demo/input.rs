//! The demo's public input (issue 9): an open input phase in Elbasan with themes from the seed
//! call and the ALBSN0001 commitment (citizen participation, transparency, youth, women, rural
//! units), and about 40 problems and ideas across the administrative units, written by eight
//! demo citizens and `qytetari@demo.bashke.al`. Two pairs are near-duplicates, for the grouping
//! part's proposals to find. Written through the store with explicit past times, as the forum
//! demo is; no e-mail is queued.

use chrono::Duration;
use domain::{Email, Lang, Role, TenantId, UserId, input::InputKind, input::submission::unit_lines};
use services::Services;
use store::{
    AuditCtx,
    input::{inputs::NewInput, phases::InputPhaseInput},
};

/// What the later parts of the input demo build on.
pub struct InputDemo {
    pub phase: i64,
    /// The inputs, in the order they were created.
    pub inputs: Vec<i64>,
    /// Citizens who wrote them (verified accounts with the demo password).
    pub citizens: Vec<UserId>,
    /// `moderatori@demo.bashke.al`.
    pub moderator: UserId,
    /// The two near-duplicate pairs (indexes into `inputs`).
    pub near_duplicates: [(usize, usize); 2],
}

/// The themes, Albanian and English.
const THEMES: [(&str, &str); 5] = [
    ("Pjesëmarrja qytetare", "Citizen participation"),
    ("Transparenca", "Transparency"),
    ("Të rinjtë", "Youth"),
    ("Gratë", "Women"),
    ("Njësitë rurale", "Rural units"),
];

/// The demo citizens: name and address.
const CITIZENS: [(&str, &str); 8] = [
    ("Arta Kola", "arta.kola@demo.bashke.al"),
    ("Besnik Hoxha", "besnik.hoxha@demo.bashke.al"),
    ("Drita Marku", "drita.marku@demo.bashke.al"),
    ("Erion Shehu", "erion.shehu@demo.bashke.al"),
    ("Fatjona Leka", "fatjona.leka@demo.bashke.al"),
    ("Gentian Çela", "gentian.cela@demo.bashke.al"),
    ("Irena Dervishi", "irena.dervishi@demo.bashke.al"),
    ("Klodian Bregu", "klodian.bregu@demo.bashke.al"),
];

/// (kind, theme index, title, description). The unit is chosen in turn from the tenant's list.
const INPUTS: [(InputKind, usize, &str, &str); 40] = [
    (
        InputKind::Problem,
        1,
        "Vendimet e këshillit publikohen me vonesë",
        "Vendimet e Këshillit Bashkiak dalin në faqen e bashkisë disa javë pas mbledhjes. Qytetarët mësojnë për to kur është vonë për t'u shprehur.",
    ),
    (
        InputKind::Idea,
        1,
        "Buxheti i bashkisë në një faqe të thjeshtë",
        "Një faqe me grafikë të thjeshtë që tregon **sa mblidhet** dhe **ku shpenzohet** çdo vit, sipas njësive administrative.",
    ),
    (
        InputKind::Idea,
        0,
        "Dëgjesa publike edhe në orët e pasdites",
        "Dëgjesat bëhen në mëngjes, kur shumica e njerëzve janë në punë. Propozoj që të paktën një dëgjesë në muaj të bëhet pas orës 17:00.",
    ),
    (
        InputKind::Problem,
        4,
        "Rruga për në fshat mbetet pa ndriçim",
        "Rruga kryesore që lidh fshatin me qendrën e njësisë nuk ka asnjë llambë. Nxënësit kthehen nga shkolla në errësirë gjatë dimrit.",
    ),
    (
        InputKind::Idea,
        2,
        "Qendër rinore me internet falas",
        "Të rinjtë e lagjes nuk kanë ku të mblidhen. Një sallë e bashkisë mund të hapet pasditeve me internet, tavolina pune dhe aktivitete.",
    ),
    (
        InputKind::Problem,
        3,
        "Mungojnë çerdhet në lagjet e reja",
        "Nënat që punojnë nuk gjejnë vend në çerdhe. Lista e pritjes është shumë e gjatë dhe çerdhja më e afërt është larg.",
    ),
    (
        InputKind::Idea,
        0,
        "Buxhetim me pjesëmarrje në çdo njësi administrative",
        "Çdo njësi administrative të vendosë vetë për një pjesë të vogël të buxhetit, me votim të hapur të banorëve.",
    ),
    (
        InputKind::Problem,
        1,
        "Tenderët e bashkisë janë të vështirë për t'u gjetur",
        "Informacioni për prokurimet është i shpërndarë në disa faqe. Nuk kuptohet kush fitoi dhe me çfarë çmimi.",
    ),
    (
        InputKind::Idea,
        4,
        "Autobus i rregullt për fshatrat e Shirgjanit",
        "Një linjë autobusi me orar të shpallur, dy herë në ditë, do t'u lehtësonte banorëve rrugën për në qytet dhe në spital.",
    ),
    (
        InputKind::Problem,
        2,
        "Fushat sportive të shkollave mbyllen pasditeve",
        "Pas mësimit fushat e shkollave mbyllen me dry. Fëmijët luajnë në rrugë. Propozoj t'i hapim deri në mbrëmje me një roje.",
    ),
    (
        InputKind::Idea,
        3,
        "Trajnime për sipërmarrjen e grave në zonat rurale",
        "Shumë gra prodhojnë djathë, reçel dhe punime dore, por nuk dinë si t'i shesin. Trajnime të shkurtra dhe një treg i përjavshëm do të ndihmonin.",
    ),
    (
        InputKind::Problem,
        0,
        "Kërkesat e qytetarëve nuk marrin përgjigje",
        "Kam dërguar dy kërkesa me shkrim në zyrën e protokollit dhe nuk kam marrë asnjë përgjigje pas tre muajsh.",
    ),
    (
        InputKind::Idea,
        1,
        "Regjistër publik i kërkesave për informim",
        "Të publikohen kërkesat për informim dhe përgjigjet e bashkisë, që të mos pyesin të gjithë të njëjtën gjë.",
    ),
    (
        InputKind::Problem,
        4,
        "Uji i pijshëm vjen vetëm dy orë në ditë",
        "Në fshat uji vjen në mëngjes për dy orë. Depozitat nuk mjaftojnë në verë dhe familjet blejnë ujë me bidonë.",
    ),
    (
        InputKind::Idea,
        2,
        "Këshilli rinor i bashkisë",
        "Një këshill i të rinjve, i zgjedhur në shkolla, që të japë mendim për vendimet që i prekin ata, si sporti dhe transporti.",
    ),
    (
        InputKind::Problem,
        3,
        "Ndriçimi i dobët në rrugët e lagjes rrezikon gratë natën",
        "Shumë gra kthehen vonë nga puna dhe rrugët e lagjes janë të errëta. Ndriçimi do t'i bënte më të sigurta.",
    ),
    (
        InputKind::Idea,
        0,
        "Takime të rregullta të kryetarit me banorët e fshatrave",
        "Një takim çdo tre muaj në çdo njësi administrative, me rend dite të shpallur më parë.",
    ),
    (
        InputKind::Problem,
        1,
        "Orari i zyrave të bashkisë nuk është i shpallur",
        "Nuk e di kur është e hapur zyra e gjendjes civile në njësinë tonë. Shpesh shkoj dhe e gjej të mbyllur.",
    ),
    (
        InputKind::Idea,
        4,
        "Pika shërbimi me një sportel në njësitë rurale",
        "Banorët e fshatrave udhëtojnë deri në qytet për një vërtetim. Një sportel i vetëm në çdo njësi do t'u kursente kohë.",
    ),
    (
        InputKind::Idea,
        2,
        "Praktika verore për studentët në bashki",
        "Studentët e Universitetit të Elbasanit mund të bëjnë praktikë në drejtoritë e bashkisë gjatë verës.",
    ),
    (
        InputKind::Problem,
        3,
        "Nuk ka tualete publike në tregun e qytetit",
        "Shitëset në treg qëndrojnë aty gjithë ditën dhe nuk kanë ku të shkojnë. Duhet ndërtuar një tualet publik i pastër.",
    ),
    (
        InputKind::Problem,
        4,
        "Mbeturinat nuk mblidhen rregullisht në fshat",
        "Kamioni i mbeturinave vjen një herë në dy javë. Kontejnerët mbushen dhe mbeturinat derdhen anës rrugës.",
    ),
    (
        InputKind::Idea,
        1,
        "Të dhënat e hapura të bashkisë në një vend",
        "Lejet e ndërtimit, kontratat dhe buxheti të publikohen si të dhëna të hapura, në formate që lexohen nga kompjuteri.",
    ),
    (
        InputKind::Idea,
        0,
        "Platformë për sinjalizimin e problemeve në lagje",
        "Banorët të mund të dërgojnë një foto të gropës apo të llambës së djegur dhe të shohin kur rregullohet.",
    ),
    (
        InputKind::Problem,
        2,
        "Mungojnë hapësirat e gjelbra për fëmijët",
        "Në lagjet e reja janë ndërtuar pallate, por nuk ka asnjë kënd lojërash apo park për fëmijët.",
    ),
    (
        InputKind::Idea,
        3,
        "Kuota për gratë në komisionet e bashkisë",
        "Të paktën një e treta e anëtarëve të komisioneve të bashkisë të jenë gra, siç kërkon ligji për barazinë gjinore.",
    ),
    (
        InputKind::Problem,
        4,
        "Rruga e fshatit dëmtohet çdo dimër",
        "Pas shirave rruga bëhet e pakalueshme për makinat. Riparimet bëhen me zhavorr dhe nuk zgjasin.",
    ),
    (
        InputKind::Idea,
        1,
        "Transmetim i drejtpërdrejtë i mbledhjeve të këshillit",
        "Mbledhjet e Këshillit Bashkiak të transmetohen drejtpërdrejt në internet dhe regjistrimet të mbeten në faqe.",
    ),
    (
        InputKind::Idea,
        2,
        "Kampionat sportiv ndërmjet lagjeve",
        "Një kampionat futbolli dhe basketbolli në verë do t'i bashkonte të rinjtë e lagjeve të ndryshme.",
    ),
    (
        InputKind::Problem,
        0,
        "Njoftimet për dëgjesat dalin vetëm në faqen e bashkisë",
        "Të moshuarit nuk e ndjekin faqen e internetit. Njoftimet duhet të vendosen edhe në tabela në lagje dhe në njësi.",
    ),
    (
        InputKind::Idea,
        3,
        "Qendër këshillimi për gratë që përjetojnë dhunë",
        "Një zyrë me psikolog dhe jurist, e hapur disa ditë në javë, me numër telefoni të shpallur.",
    ),
    (
        InputKind::Idea,
        4,
        "Treg javor i prodhimeve bujqësore në qendër të njësisë",
        "Fermerët e zonës të shesin drejtpërdrejt prodhimet e tyre një ditë në javë, pa ndërmjetës.",
    ),
    (
        InputKind::Problem,
        1,
        "Lejet e ndërtimit nuk publikohen",
        "Banorët mësojnë për një pallat të ri vetëm kur fillojnë punimet. Lejet duhet të jenë publike që në fillim.",
    ),
    (
        InputKind::Idea,
        0,
        "Sondazh vjetor për kënaqësinë me shërbimet",
        "Një pyetësor i shkurtër çdo vit, në internet dhe në letër, për të matur si i shohin banorët shërbimet e bashkisë.",
    ),
    (
        InputKind::Problem,
        2,
        "Biblioteka e qytetit mbyllet herët",
        "Biblioteka mbyllet në orën 15:00, pikërisht kur studentët dalin nga mësimi. Orari duhet zgjatur deri në mbrëmje.",
    ),
    (
        InputKind::Problem,
        3,
        "Gratë në fshat nuk kanë transport për në maternitet",
        "Në raste urgjente nuk ka ambulancë të shpejtë. Gratë shtatzëna udhëtojnë me makina private.",
    ),
    // The two near-duplicate pairs: the second of each says the first again in other words.
    (
        InputKind::Problem,
        4,
        "Uji i pijshëm vjen vetëm dy orë në ditë në fshat",
        "Uji i pijshëm vjen vetëm dy orë në ditë në mëngjes. Në verë depozitat nuk mjaftojnë dhe familjet blejnë ujë.",
    ),
    (
        InputKind::Idea,
        1,
        "Vendimet e këshillit bashkiak të publikohen pa vonesë",
        "Vendimet e këshillit publikohen në faqen e bashkisë me vonesë prej disa javësh; qytetarët i mësojnë kur është tepër vonë.",
    ),
    (
        InputKind::Idea,
        2,
        "Hapja e fushave sportive të shkollave pas mësimit",
        "Fushat e shkollave të mbeten të hapura pasditeve për fëmijët e lagjes, me një roje, në vend që të mbyllen me dry.",
    ),
    (
        InputKind::Idea,
        0,
        "Kuti sugjerimesh në çdo njësi administrative",
        "Për ata që nuk përdorin internetin: një kuti sugjerimesh në çdo njësi, e hapur çdo muaj në prani të banorëve.",
    ),
];

/// Index pairs of near-duplicates in [`INPUTS`] (water; council decisions).
const NEAR_DUPLICATES: [(usize, usize); 2] = [(13, 36), (0, 37)];

/// The units used when the tenant has none (Elbasan's administrative units).
const ELBASAN_UNITS: [&str; 8] = [
    "Elbasan",
    "Shirgjan",
    "Gracen",
    "Bradashesh",
    "Labinot-Fushë",
    "Papër",
    "Shushicë",
    "Tregan",
];

/// Seeds the open input phase of `cycle` and its inputs. `hash` is the demo password's hash;
/// `citizen` is `qytetari@demo.bashke.al`, `coordinator` writes and announces the phase; times
/// are counted back from `ctx.at` (now).
#[allow(clippy::too_many_arguments)]
pub async fn seed(
    services: &Services,
    tenant: TenantId,
    cycle: i64,
    coordinator: UserId,
    citizen: UserId,
    hash: &str,
    ctx: &AuditCtx,
) -> anyhow::Result<InputDemo> {
    let store = &services.store;
    let now = ctx.at;
    let at = |actor: UserId, back: Duration| AuditCtx {
        actor: Some(actor),
        at: now - back,
        ..ctx.clone()
    };
    let phase = store
        .create_input_phase(
            tenant,
            cycle,
            &InputPhaseInput {
                title_sq: "Idetë dhe problemet e qytetarëve për planin e veprimit".into(),
                title_en: "Citizens' ideas and problems for the action plan".into(),
                questions_sq: "Çfarë duhet të ndryshojë që bashkia të jetë **më e hapur** dhe **më afër banorëve**? \
                    Na tregoni një problem që hasni ose një ide që do ta zgjidhte. Çdo kontribut merr një përgjigje publike."
                    .into(),
                questions_en: "What should change so that the municipality is **more open** and **closer to its residents**? \
                    Tell us a problem you face or an idea that would solve it. Every input receives a public answer."
                    .into(),
                // Whole days in Elbasan's time, as a coordinator would set them.
                opens_at: super::local_day(services, -10, "08:00")?,
                closes_at: super::local_day(services, 20, "23:59")?,
                units: String::new(),
                email_only: false,
                themes: THEMES.iter().map(|(sq, en)| ((*sq).to_owned(), (*en).to_owned())).collect(),
            },
            &at(coordinator, Duration::days(14)),
        )
        .await?;
    let tenant_row = store
        .list_tenants()
        .await?
        .into_iter()
        .find(|t| t.id() == tenant)
        .ok_or_else(|| anyhow::anyhow!("the demo tenant is missing"))?;
    let tz: chrono_tz::Tz = tenant_row.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
    let days = (
        (now - Duration::days(10)).with_timezone(&tz).date_naive(),
        (now + Duration::days(20)).with_timezone(&tz).date_naive(),
    );
    store
        .announce_input_phase(tenant, phase, days, &at(coordinator, Duration::days(12)))
        .await?;
    let themes: Vec<i64> = store.input_themes(tenant, phase).await?.iter().map(|t| t.id).collect();

    let mut units = unit_lines(&tenant_row.admin_units);
    if units.is_empty() {
        units = ELBASAN_UNITS.iter().map(|u| (*u).to_owned()).collect();
    }

    let made = at(coordinator, Duration::days(11));
    let mut citizens = Vec::new();
    for (name, email) in CITIZENS {
        let email = Email::parse("email", email).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        citizens.push(
            store
                .create_verified_user(tenant, &email, name, hash, Lang::Sq, &[], &made)
                .await?,
        );
    }
    let moderator_email = Email::parse("email", "moderatori@demo.bashke.al").map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let moderator = store
        .create_verified_user(
            tenant,
            &moderator_email,
            "Moderatori i bashkisë",
            hash,
            Lang::Sq,
            &[Role::Moderator],
            &made,
        )
        .await?;

    // Authors in turn, `qytetari` among them; spread over the ten open days, oldest first.
    let mut authors = citizens.clone();
    authors.push(citizen);
    let mut inputs = Vec::new();
    let total = INPUTS.len() as i64;
    for (i, (kind, theme, title, body)) in INPUTS.iter().enumerate() {
        let author = authors[i % authors.len()];
        // From nine days and a half ago to an hour ago.
        let back = Duration::minutes(60 + (total - 1 - i as i64) * (9 * 24 * 60 + 12 * 60) / total);
        let id = store
            .create_input(
                tenant,
                phase,
                author,
                &NewInput {
                    kind: *kind,
                    title: (*title).to_owned(),
                    body: (*body).to_owned(),
                    theme_id: themes.get(*theme).copied(),
                    admin_unit: units[i % units.len()].clone(),
                    org_id: None,
                },
                None,
                &at(author, back),
            )
            .await?;
        inputs.push(id);
    }
    Ok(InputDemo {
        phase,
        inputs,
        citizens,
        moderator,
        near_duplicates: NEAR_DUPLICATES,
    })
}
