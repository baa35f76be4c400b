//! `bashke generate-input-load`: fills the default municipality's newest input phase for the
//! benchmark (bench/run.sh): N inputs in Albanian across themes and units, S supports (skewed:
//! a few inputs draw many), C comments (one input gets 200, for the discussion page). Bulk rows
//! through `store::input::load` (see there why).

use chrono::Duration;
use domain::{TenantId, UserId};
use services::Services;
use store::input::load::LoadInput;

const PROBLEMS: [&str; 10] = [
    "Ndriçimi publik mungon në rrugën",
    "Kanalizimet dalin në sipërfaqe pranë",
    "Transporti publik nuk arrin deri në",
    "Këndi i lojërave është i dëmtuar në",
    "Çështja e mbetjeve nuk zgjidhet në",
    "Trotuaret janë të zëna nga makinat në",
    "Uji i pijshëm ndërpritet çdo ditë në",
    "Qendra rinore është e mbyllur në",
    "Gratë nuk ftohen në dëgjesat publike në",
    "Buxheti i bashkisë nuk publikohet për",
];
const IDEAS: [&str; 8] = [
    "Një platformë për raportimin e gropave në",
    "Dëgjesa publike çdo muaj në",
    "Hapja e të dhënave të prokurimit për",
    "Një buxhet me pjesëmarrje për të rinjtë e",
    "Korsi biçikletash që lidhin qendrën me",
    "Këshilli rinor i lagjes në",
    "Orare të zgjatura të bibliotekës në",
    "Transport falas për të moshuarit e",
];
const PLACES: [&str; 12] = [
    "lagjen Kala",
    "Shirgjan",
    "Bradashesh",
    "Papër",
    "Gjinar",
    "Labinot-Fushë",
    "rrugën Rinia",
    "bulevardin Qemal Stafa",
    "Funarë",
    "Shushicë",
    "Tregan",
    "Zavalinë",
];

/// What the benchmark requests.
pub struct InputLoad {
    /// An input with 200 comments.
    pub discussed: i64,
}

pub async fn generate(
    services: &Services,
    inputs: usize,
    supports: usize,
    comments: usize,
) -> anyhow::Result<InputLoad> {
    let store = &services.store;
    let tenant = store
        .resolve_tenant("")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no default tenant: run `bashke demo` once first"))?;
    let units: Vec<String> = tenant
        .admin_units
        .lines()
        .map(str::to_owned)
        .filter(|u| !u.is_empty())
        .collect();
    let t: TenantId = tenant.id();
    let (phase, themes) = store
        .load_phase(t)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo has no input phase: run `bashke demo` once first"))?;
    let now = services.clock.now();
    let started = std::time::Instant::now();

    // People: enough that a million distinct (input, person) supports exist with a skew.
    let people = (supports / 500).clamp(200, 5_000);
    let users: Vec<UserId> = store.load_users(t, people, now - Duration::days(60)).await?;

    let rows: Vec<LoadInput> = (0..inputs)
        .map(|i| {
            let problem = i % 3 != 2;
            let head = if problem {
                PROBLEMS[i % PROBLEMS.len()]
            } else {
                IDEAS[i % IDEAS.len()]
            };
            let place = PLACES[(i / 7) % PLACES.len()];
            LoadInput {
                kind: if problem { "problem" } else { "idea" },
                title: format!("{head} {place} (nr. {i})"),
                body: format!(
                    "{head} {place}. Banorët e kanë ngritur këtë çështje disa herë; kërkojmë që bashkia \
                     ta shqyrtojë dhe të japë një përgjigje të arsyetuar. Kontributi nr. {i}."
                ),
                theme_id: (!themes.is_empty()).then(|| themes[i % themes.len()]),
                admin_unit: if units.is_empty() {
                    String::new()
                } else {
                    units[i % units.len()].clone()
                },
                author_id: users[i % users.len()].0,
                // Spread over the last 60 days, newest last.
                created_at: now - Duration::seconds(((inputs - i) as i64 * 60 * 86_400 / inputs.max(1) as i64).max(1)),
            }
        })
        .collect();
    let ids = store.load_inputs(t, phase, &rows).await?;
    drop(rows);
    eprintln!("input load: {} inputs in {:?}", ids.len(), started.elapsed());

    // Supports: person p supports a run of inputs starting at a skewed offset, so that the first
    // inputs of each run draw the most; every (input, person) pair at most once.
    let per_person = supports.div_ceil(users.len()).min(ids.len());
    let mut pairs = Vec::with_capacity(supports);
    'people: for (p, user) in users.iter().enumerate() {
        let start = (p * p) % ids.len().max(1);
        for k in 0..per_person {
            if pairs.len() == supports {
                break 'people;
            }
            pairs.push((ids[(start + k * (1 + p % 3)) % ids.len()], *user));
        }
    }
    pairs.sort_unstable_by_key(|(i, u)| (*i, u.0));
    pairs.dedup();
    store.load_supports(t, &pairs, now - Duration::days(1)).await?;
    eprintln!("input load: {} supports in {:?}", pairs.len(), started.elapsed());
    drop(pairs);

    // Comments: 200 on the newest input, the rest spread over all.
    let discussed = *ids.last().ok_or_else(|| anyhow::anyhow!("no inputs generated"))?;
    let mut rows = Vec::with_capacity(comments);
    for c in 0..comments {
        let input = if c < 200 {
            discussed
        } else {
            ids[(c * 7919) % ids.len()]
        };
        rows.push((
            input,
            users[c % users.len()],
            format!("Jam dakord: e njëjta çështje ndodh edhe te ne. Komenti nr. {c}."),
        ));
    }
    store.load_comments(t, &rows, now - Duration::days(30)).await?;
    drop(rows);
    store.load_recount(t, phase).await?;
    eprintln!(
        "input load: {inputs} inputs, {supports} supports, {comments} comments in {:?}",
        started.elapsed()
    );
    Ok(InputLoad { discussed })
}

/// `bashke measure-grouping`: the similarity proposals of the newest phase, timed from reading
/// the texts to storing the proposals, with the process's peak resident memory (VmHWM).
pub async fn measure_grouping(services: &Services) -> anyhow::Result<()> {
    let store = &services.store;
    let tenant = store
        .resolve_tenant("")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no default tenant: run `bashke demo` once first"))?;
    let t = tenant.id();
    let (phase, _) = store
        .load_phase(t)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no input phase: run `bashke demo` once first"))?;
    let before_kb = peak_rss_kb();
    let started = std::time::Instant::now();
    let texts = store.grouping_texts(t, phase).await?;
    let joined: Vec<String> = texts.iter().map(|x| format!("{}\n{}", x.title, x.body)).collect();
    let refs: Vec<&str> = joined.iter().map(String::as_str).collect();
    let groups = domain::input::similarity::propose_groups(&refs, tenant.input_similarity_percent);
    let computed = started.elapsed();
    let groups: Vec<(i64, Vec<i64>)> = groups
        .into_iter()
        .map(|g| (g.score, g.members.into_iter().map(|m| texts[m].id).collect()))
        .collect();
    let ctx = store::AuditCtx {
        tenant: Some(t),
        actor: None,
        at: services.clock.now(),
        request_id: Some("measure-grouping".into()),
    };
    let stored = store.replace_proposals(t, phase, &groups, &ctx).await?;
    println!(
        "{} inputs: {stored} proposals; similarity {:.2} s, with reading and storing {:.2} s; peak RSS {} MB (before: {} MB)",
        texts.len(),
        computed.as_secs_f64(),
        started.elapsed().as_secs_f64(),
        peak_rss_kb() / 1024,
        before_kb / 1024
    );
    Ok(())
}

/// The process's peak resident set (Linux `VmHWM`), in KiB; 0 where unknown.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}
