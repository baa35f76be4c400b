//! The demo grouping and answers, written by the forum member `anetari@` (the forum's chair):
//! the grouping proposals computed over the demo inputs, the one holding the two reports of
//! drinking water accepted as a cluster with a careful Albanian title, and published answers of
//! every status (adopted ×2, merged ×1 — a near-duplicate merged into its twin —, under
//! consideration ×2, not adopted ×2 with the reason said plainly). Answers go through the use
//! case, so statuses, e-mails and audit entries are what they would be; all at explicit past
//! times after the inputs they answer.

use anyhow::Context;
use chrono::Duration;
use domain::{TenantId, UserId, input::similarity::propose_groups};
use services::{Actor, Services, input::answers::AnswerFields};
use store::{AuditCtx, input::answers::AnswerTarget};

/// The cluster's title, Albanian and English.
const CLUSTER_TITLE: (&str, &str) = (
    "Uji i pijshëm në fshatra vjen vetëm dy orë në ditë",
    "Drinking water reaches the villages only two hours a day",
);

/// An answer: what it answers, its status, the justification in both languages, the commitment.
struct DemoAnswer {
    status: &'static str,
    body_sq: &'static str,
    body_en: &'static str,
    commitment_ref: &'static str,
}

/// Adopted: the council's decisions (input 0).
const COUNCIL_DECISIONS: DemoAnswer = DemoAnswer {
    status: "adopted",
    body_sq: "Pranohet. Plani i veprimit përfshin detyrimin që çdo vendim i Këshillit Bashkiak të \
publikohet në faqen e bashkisë **brenda 5 ditëve pune** nga mbledhja, bashkë me procesverbalin. \
Sekretari i Këshillit do të raportojë çdo tre muaj për vonesat.",
    body_en: "Adopted. The action plan includes the duty to publish every decision of the Municipal \
Council on the municipality's website **within 5 working days** of the meeting, together with the \
minutes. The Council's secretary will report on delays every three months.",
    // Filled with the commitment's identifier when the demo links the input to its draft.
    commitment_ref: "",
};

/// Adopted: the public register of requests for information (input 12).
const INFORMATION_REGISTER: DemoAnswer = DemoAnswer {
    status: "adopted",
    body_sq: "Pranohet. Regjistri i kërkesave për informim dhe i përgjigjeve do të publikohet çdo muaj \
në faqen e bashkisë, pa të dhënat personale të kërkuesve, siç parashikon ligji për të drejtën e informimit.",
    body_en: "Adopted. The register of requests for information and of the answers will be published \
every month on the municipality's website, without the requesters' personal data, as the law on the \
right to information provides.",
    commitment_ref: "",
};

/// Merged: the council decisions again (input 37 into input 0).
const MERGED_TWIN: DemoAnswer = DemoAnswer {
    status: "merged",
    body_sq: "Ky kontribut kërkon të njëjtën gjë si kontributi për vonesën e publikimit të vendimeve të \
Këshillit. U bashkua me të, dhe përgjigja e tij vlen edhe për këtë.",
    body_en: "This input asks for the same as the input on the late publication of the Council's \
decisions. It was merged into it, and that answer applies to this one too.",
    commitment_ref: "",
};

/// Under consideration: the cluster on drinking water.
const WATER: DemoAnswer = DemoAnswer {
    status: "under_consideration",
    body_sq: "Në shqyrtim. Bashkia po përgatit me Ujësjellësin një plan për furnizimin e fshatrave \
gjatë verës. Do të japim një përgjigje përfundimtare pas dëgjesës publike të njësive rurale në \
muajin e ardhshëm.",
    body_en: "Under consideration. The municipality is preparing with the water utility a plan for \
supplying the villages in summer. We will give a final answer after the public hearing of the rural \
units next month.",
    commitment_ref: "",
};

/// Under consideration: the bus to the villages of Shirgjan (input 8).
const BUS: DemoAnswer = DemoAnswer {
    status: "under_consideration",
    body_sq: "Në shqyrtim. Drejtoria e Transportit po mat sa banorë do ta përdornin linjën dhe sa do \
të kushtonte. Rezultati do të diskutohet në mbledhjen e ardhshme të forumit.",
    body_en: "Under consideration. The transport directorate is measuring how many residents would \
use the line and what it would cost. The result will be discussed at the forum's next meeting.",
    commitment_ref: "",
};

/// Not adopted: the sports championship (input 28).
const CHAMPIONSHIP: DemoAnswer = DemoAnswer {
    status: "not_adopted",
    body_sq: "Nuk pranohet si angazhim i planit të veprimit: plani përfshin vetëm masa të qeverisjes \
së hapur (transparencë, pjesëmarrje, llogaridhënie), dhe një kampionat sportiv nuk është e tillë. \
Ideja iu përcoll Drejtorisë së Sportit, e cila e shqyrton për verën.",
    body_en: "Not adopted as a commitment of the action plan: the plan holds only open-government \
measures (transparency, participation, accountability), and a sports championship is not one. The \
idea was passed on to the sports directorate, which is considering it for the summer.",
    commitment_ref: "",
};

/// Not adopted: public toilets at the market (input 20).
const TOILETS: DemoAnswer = DemoAnswer {
    status: "not_adopted",
    body_sq: "Nuk pranohet në këtë plan: tualetet publike të tregut janë tashmë pjesë e projektit të \
rikonstruksionit të tregut, i miratuar nga Këshilli Bashkiak, me punime që nisin vitin e ardhshëm. \
Një angazhim i dytë për të njëjtën punë nuk do të shtonte asgjë.",
    body_en: "Not adopted in this plan: public toilets at the market are already part of the market's \
reconstruction project approved by the Municipal Council, with works starting next year. A second \
commitment for the same works would add nothing.",
    commitment_ref: "",
};

pub async fn seed(
    services: &Services,
    tenant: TenantId,
    demo: &super::input::InputDemo,
    forum_member: UserId,
    ctx: &AuditCtx,
) -> anyhow::Result<()> {
    let store = &services.store;
    let tenant_row = store
        .list_tenants()
        .await?
        .into_iter()
        .find(|t| t.id() == tenant)
        .context("the demo tenant is missing")?;
    let actor = Actor {
        tenant,
        user: Some(forum_member),
        roles: store.roles_of(tenant, forum_member).await?,
        request_id: Some("demo".into()),
    };
    let at = |back: Duration| AuditCtx {
        actor: Some(forum_member),
        at: ctx.at - back,
        ..ctx.clone()
    };
    let input = |i: usize| demo.inputs.get(i).copied().context("a demo input is missing");

    // The proposals, computed as "propose groups now" does, half a day ago (after the inputs
    // answered below, which are all older than that).
    let texts = store.grouping_texts(tenant, demo.phase).await?;
    let joined: Vec<String> = texts.iter().map(|t| format!("{}\n{}", t.title, t.body)).collect();
    let refs: Vec<&str> = joined.iter().map(String::as_str).collect();
    let groups: Vec<(i64, Vec<i64>)> = propose_groups(&refs, tenant_row.input_similarity_percent)
        .into_iter()
        .map(|g| (g.score, g.members.into_iter().map(|m| texts[m].id).collect()))
        .collect();
    store
        .replace_proposals(tenant, demo.phase, &groups, &at(Duration::hours(9)))
        .await?;

    // The water twins: the proposal that holds them, accepted with just the two; by hand if the
    // threshold was set so high that none does.
    let (a, b) = demo.near_duplicates[0];
    let water = [input(a)?, input(b)?];
    let items = store.open_proposal_items(tenant, demo.phase).await?;
    let proposal = items
        .iter()
        .find(|i| {
            i.input.id == water[0]
                && items
                    .iter()
                    .any(|j| j.proposal_id == i.proposal_id && j.input.id == water[1])
        })
        .map(|i| i.proposal_id);
    let accepted = at(Duration::hours(8));
    let cluster = match proposal {
        Some(p) => store
            .accept_proposal(tenant, p, &water, CLUSTER_TITLE.0, CLUSTER_TITLE.1, &accepted)
            .await?
            .context("the water proposal was decided already")?,
        None => {
            store
                .create_cluster(tenant, demo.phase, CLUSTER_TITLE.0, CLUSTER_TITLE.1, &water, &accepted)
                .await?
        }
    };

    // The council twins: the first answered, the later one merged into it.
    let (kept, duplicate) = demo.near_duplicates[1];
    let answers: [(AnswerTarget, &DemoAnswer, String); 7] = [
        (AnswerTarget::Input(input(kept)?), &COUNCIL_DECISIONS, String::new()),
        (
            AnswerTarget::Input(input(duplicate)?),
            &MERGED_TWIN,
            input(kept)?.to_string(),
        ),
        (AnswerTarget::Input(input(12)?), &INFORMATION_REGISTER, String::new()),
        (AnswerTarget::Cluster(cluster), &WATER, String::new()),
        (AnswerTarget::Input(input(8)?), &BUS, String::new()),
        (AnswerTarget::Input(input(28)?), &CHAMPIONSHIP, String::new()),
        (AnswerTarget::Input(input(20)?), &TOILETS, String::new()),
    ];
    for (n, (target, answer, merged_into)) in answers.iter().enumerate() {
        let fields = AnswerFields {
            status: answer.status.to_owned(),
            body_sq: answer.body_sq.to_owned(),
            body_en: answer.body_en.to_owned(),
            merged_into: merged_into.clone(),
            commitment_ref: answer.commitment_ref.to_owned(),
        };
        // A draft first, published an hour later; one answer every half hour from seven hours ago.
        let drafted = ctx.at - Duration::hours(7) + Duration::minutes(30 * n as i64);
        services
            .save_answer_at(
                &tenant_row,
                &actor,
                *target,
                &fields,
                false,
                false,
                drafted - Duration::hours(1),
            )
            .await
            .with_context(|| format!("drafting the answer {n}"))?;
        services
            .save_answer_at(&tenant_row, &actor, *target, &fields, true, true, drafted)
            .await
            .with_context(|| format!("publishing the answer {n}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use domain::input::{AnswerStatus, ProposalStatus};
    use services::{Services, common::clock::SystemClock};
    use store::Store;

    /// The whole demo: one cluster made from a computed proposal, seven published answers of
    /// every status, the duplicate merged into its twin.
    #[tokio::test]
    async fn the_demo_groups_and_answers() {
        let dir = tempfile::tempdir().expect("dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("demo.db").display());
        let store = Store::connect(&url).await.expect("store");
        store.migrate().await.expect("migrate");
        let services = Services::new(store, Arc::new(SystemClock), "http://localhost:8080");
        assert!(super::super::seed(&services).await.expect("demo"));
        let store = &services.store;
        let tenant_row = store.list_tenants().await.expect("tenants").remove(0);
        let tenant = tenant_row.id();

        let clusters = store.clusters(tenant, None).await.expect("clusters");
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].member_count, 2);
        let phase = clusters[0].phase_id;
        let accepted = store
            .proposals(tenant, phase, ProposalStatus::Accepted)
            .await
            .expect("proposals");
        assert_eq!(accepted.len(), 1, "made by accepting the computed proposal");
        assert_eq!(accepted[0].cluster_id, Some(clusters[0].id));

        let answers = store.published_answers(tenant, 100).await.expect("answers");
        let count = |s: AnswerStatus| answers.iter().filter(|a| a.answer.status == s).count();
        assert_eq!(
            [
                AnswerStatus::Adopted,
                AnswerStatus::Merged,
                AnswerStatus::UnderConsideration,
                AnswerStatus::NotAdopted
            ]
            .map(count),
            [2, 1, 2, 2]
        );
        let merged = answers
            .iter()
            .find(|a| a.answer.status == AnswerStatus::Merged)
            .expect("the merged answer");
        let duplicate = store
            .grouped_input(tenant, merged.answer.input_id.expect("an input's answer"))
            .await
            .expect("input")
            .expect("the duplicate");
        assert_eq!(duplicate.merged_into_id, merged.answer.merged_into_id);
        let coverage = services.input_coverage(&tenant_row).await.expect("coverage");
        assert_eq!(coverage.answered, 8, "{coverage:?}");
    }
}
