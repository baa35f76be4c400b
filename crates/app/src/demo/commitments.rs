//! The demo's commitments (issue 10, part 10): Elbasan's identifier prefix `ALBSN` and the plan
//! period of the current cycle; ALBSN0001, "Establishing a Permanent Mechanism for Dialogue -
//! Citizens' Forum for Local Policy Development" (ogp-local.md, section 11), drafted in three
//! versions by three forum members, with milestones, and endorsed by the forum's chair; and two
//! draft commitments, each linked to the public input it adopted (the council's decisions,
//! input 0, and the register of requests for information, input 12, of `input.rs`).
//!
//! Everything is written through the store with the forum members as authors and times before
//! `ctx.at`, so that the versions' history reads as if the forum had drafted over three weeks.

use anyhow::Context;
use chrono::{Duration, NaiveDate};
use domain::{
    TenantId, UserId,
    commitments::{CommitmentDocument, CommitmentStatus, Milestone, OgpValue, OwnerType, Stakeholder, template::keys},
};
use services::Services;
use store::{
    AuditCtx,
    commitments::drafts::{NewCommitment, SaveOutcome},
};

use super::{forum::ForumDemo, input::InputDemo};

fn who(name: &str, owner: OwnerType) -> Stakeholder {
    Stakeholder {
        name: name.to_owned(),
        owner,
    }
}

fn milestone(
    description: &str,
    output: &str,
    starts: NaiveDate,
    due: NaiveDate,
    government: &[&str],
    cso: &[&str],
) -> Milestone {
    let mut stakeholders: Vec<Stakeholder> = government.iter().map(|n| who(n, OwnerType::Government)).collect();
    stakeholders.extend(cso.iter().map(|n| who(n, OwnerType::Cso)));
    Milestone {
        description: description.to_owned(),
        expected_output: output.to_owned(),
        start_date: Some(starts),
        expected_completion_date: Some(due),
        stakeholders,
    }
}

/// ALBSN0001 as its first author wrote it: the problem and a first two milestones.
fn forum_v1(starts: NaiveDate, ends: NaiveDate) -> CommitmentDocument {
    let mut doc = CommitmentDocument {
        title: "Establishing a Permanent Mechanism for Dialogue - Citizens' Forum for Local Policy Development".into(),
        values: vec![OgpValue::CivicParticipation, OgpValue::AccessToInformation],
        policy_areas: vec!["public_participation".into(), "inclusion".into()],
        primary_policy_area: Some("public_participation".into()),
        starts_on: Some(starts),
        ends_on: Some(ends),
        milestones: vec![
            milestone(
                "Këshilli Bashkiak miraton vendimin për ngritjen e Forumit të Qytetarëve për Politikat Vendore.",
                "Vendimi i Këshillit Bashkiak, i publikuar në faqen e Bashkisë.",
                starts,
                starts + Duration::days(60),
                &["Bashkia Elbasan", "Këshilli Bashkiak"],
                &["Tjetër Vizion"],
            ),
            milestone(
                "Forumi mban mbledhjen e parë të hapur dhe miraton rregulloren e tij.",
                "Rregullorja e miratuar dhe procesverbali i mbledhjes, të publikuara.",
                starts + Duration::days(60),
                starts + Duration::days(120),
                &["Bashkia Elbasan"],
                &["Tjetër Vizion", "Qendra e Grave për të Drejtat dhe Kulturën"],
            ),
        ],
        ..Default::default()
    };
    let f = &mut doc.fields;
    f.insert(
        keys::LEAD_INSTITUTION.into(),
        "Bashkia Elbasan – Zëvendëskryetari për koordinimin dhe decentralizimin".into(),
    );
    f.insert(keys::PRIMARY_SECTOR.into(), "Qeverisja vendore".into());
    f.insert(
        keys::BRIEF_DESCRIPTION.into(),
        "Bashkia Elbasan ngre një forum të përhershëm ku qytetarët, organizatat e shoqërisë civile dhe \
         institucionet vendore diskutojnë politikat vendore para se ato të vendosen."
            .into(),
    );
    f.insert(
        keys::Q1_PROBLEM.into(),
        "Elbasani ka një program transparence, buxhetim me pjesëmarrje prej më shumë se 12 vitesh, \
         konsultime publike dhe rregulla për Këshillin Vendor të Sigurisë Publike. Megjithatë nuk ka \
         një mekanizëm të qëndrueshëm për pjesëmarrje të gjerë, sidomos të grave, të rinjve dhe të \
         banorëve të zonave rurale."
            .into(),
    );
    f.insert(
        keys::Q2_CAUSES.into(),
        "Organizatat e shoqërisë civile nuk kanë kanale institucionale për të ndikuar, sidomos gjatë \
         hartimit të buxhetit dhe planifikimit strategjik. Konsultimet organizohen rast pas rasti dhe \
         nuk kanë vazhdimësi."
            .into(),
    );
    doc
}

/// The second author's version: the solution, the expected results, the supporting
/// institutions and a third milestone; the brief description sharpened.
fn forum_v2(mut doc: CommitmentDocument, starts: NaiveDate, ends: NaiveDate) -> CommitmentDocument {
    let f = &mut doc.fields;
    f.insert(
        keys::BRIEF_DESCRIPTION.into(),
        "Bashkia Elbasan ngre një forum të përhershëm ku qytetarët, organizatat e shoqërisë civile dhe \
         institucionet vendore hartojnë bashkë politikat vendore dhe ndjekin zbatimin e tyre."
            .into(),
    );
    f.insert(
        keys::SUPPORT_GOVERNMENT.into(),
        "Këshilli Bashkiak\nKoordinatori për të drejtën e informimit".into(),
    );
    f.insert(
        keys::SUPPORT_CIVIL_SOCIETY.into(),
        "Tjetër Vizion\nQendra e Grave për të Drejtat dhe Kulturën\nForumi i Gruas\nQytetari Aktiv".into(),
    );
    f.insert(
        keys::SUPPORT_OTHER.into(),
        "Universiteti \"Aleksandër Xhuvani\"\nMedia vendore, RTSH".into(),
    );
    f.insert(
        keys::Q3_DONE_SO_FAR.into(),
        "Dëgjesat publike të buxhetit me pjesëmarrje në çdo njësi administrative dhe programi i \
         transparencës sipas ligjit 119/2014 \"Për të drejtën e informimit\"."
            .into(),
    );
    f.insert(
        keys::Q4_SOLUTION.into(),
        "Një forum i përhershëm me vendim të Këshillit Bashkiak, me anëtarë nga qeveria vendore dhe \
         shoqëria civile, me mbledhje të hapura dhe me platformë në internet ku çdo qytetar sjell ide."
            .into(),
    );
    f.insert(
        keys::Q5_RESULTS.into(),
        "Çdo politikë e rëndësishme vendore kalon në forum para miratimit; gratë, të rinjtë dhe banorët \
         e zonave rurale marrin pjesë në çdo mbledhje."
            .into(),
    );
    doc.policy_areas.push("youth".into());
    doc.values.push(OgpValue::TechnologyInnovation);
    doc.milestones.push(milestone(
        "Platforma e pjesëmarrjes hapet për kontributet e qytetarëve për planin e veprimit.",
        "Platforma në punë dhe raporti i parë i kontributeve, i publikuar.",
        starts + Duration::days(90),
        (starts + Duration::days(240)).min(ends),
        &["Bashkia Elbasan"],
        &["Qytetari Aktiv"],
    ));
    doc
}

/// The chair's version: the analysis questions and the monitoring milestone.
fn forum_v3(mut doc: CommitmentDocument, starts: NaiveDate, ends: NaiveDate) -> CommitmentDocument {
    let f = &mut doc.fields;
    f.insert(
        keys::Q6_TRANSPARENCY.into(),
        "Rendi i ditës, materialet dhe procesverbalet e forumit publikohen; çdo kontribut merr një \
         përgjigje publike me arsyet."
            .into(),
    );
    f.insert(
        keys::Q7_ACCOUNTABILITY.into(),
        "Bashkia i raporton forumit çdo tre muaj se çfarë bëri me propozimet e tij, dhe Tjetër Vizion si \
         organ monitorues vlerëson zbatimin."
            .into(),
    );
    f.insert(
        keys::Q8_PARTICIPATION.into(),
        "Forumi i jep qytetarëve një vend të përhershëm në përcaktimin, zbatimin dhe monitorimin e \
         zgjidhjeve, jo vetëm në konsultime të rastit."
            .into(),
    );
    doc.milestones.push(milestone(
        "Raporti vjetor i forumit për zbatimin e angazhimeve, i diskutuar në një dëgjesë publike.",
        "Raporti vjetor dhe procesverbali i dëgjesës, të publikuara.",
        (ends - Duration::days(90)).max(starts),
        ends,
        &["Bashkia Elbasan", "Këshilli Bashkiak"],
        &["Tjetër Vizion"],
    ));
    doc
}

fn draft(
    title: &str,
    brief: &str,
    problem: &str,
    area: &str,
    starts: NaiveDate,
    ends: NaiveDate,
) -> CommitmentDocument {
    let mut doc = CommitmentDocument {
        title: title.into(),
        values: vec![OgpValue::AccessToInformation, OgpValue::PublicAccountability],
        policy_areas: vec![area.into()],
        primary_policy_area: Some(area.into()),
        starts_on: Some(starts),
        ends_on: Some(ends),
        ..Default::default()
    };
    doc.fields
        .insert(keys::LEAD_INSTITUTION.into(), "Bashkia Elbasan".into());
    doc.fields.insert(keys::BRIEF_DESCRIPTION.into(), brief.into());
    doc.fields.insert(keys::Q1_PROBLEM.into(), problem.into());
    doc
}

pub async fn seed(
    services: &Services,
    tenant: TenantId,
    cycle: i64,
    forum: &ForumDemo,
    inputs: &InputDemo,
    ctx: &AuditCtx,
) -> anyhow::Result<()> {
    let store = &services.store;
    // The plan period is the phase that ends last, "implementation and monitoring" (the input
    // phase is added after it, so it is not the last in order): the commitments run inside it
    // (ALBSN0001's Jun 2025 – Feb 2027 becomes the whole phase, about 18 months).
    let timeline = store.timeline(tenant, cycle).await?;
    let implementation = timeline
        .iter()
        .max_by_key(|p| p.ends_on)
        .context("the demo's cycle has no phases")?;
    let (starts, ends) = (implementation.starts_on, implementation.ends_on);
    let mut settings = store.commitment_settings(tenant).await?;
    settings.prefix = "ALBSN".into();
    settings.plan = Some((cycle, Some(starts), Some(ends)));
    store.save_commitment_settings(tenant, &settings, ctx).await?;

    // Three different forum members: two members, then the chair.
    let others: Vec<UserId> = forum
        .members
        .iter()
        .copied()
        .filter(|m| *m != forum.chair && *m != forum.coordinator)
        .collect();
    let first = others.first().copied().unwrap_or(forum.coordinator);
    let second = others.get(1).copied().unwrap_or(forum.coordinator);
    let at = |author: UserId, days_ago: i64| AuditCtx {
        actor: Some(author),
        at: ctx.at - Duration::days(days_ago),
        ..ctx.clone()
    };
    let (template_id, _) = store.current_template(tenant).await?;
    let v1 = forum_v1(starts, ends);
    let id = store
        .create_commitment(
            tenant,
            &NewCommitment {
                cycle_id: cycle,
                template_id,
                document: v1.clone(),
                note: "Versioni i parë: problemi dhe dy hapat e parë.".into(),
                source_id: None,
                author: first,
            },
            &at(first, 21),
        )
        .await?;
    let v2 = forum_v2(v1, starts, ends);
    let note2 = "Shtova zgjidhjen, rezultatet, institucionet mbështetëse dhe platformën.";
    let SaveOutcome::Saved(_) = store
        .save_commitment_version(tenant, id, 1, &v2, note2, second, &at(second, 14))
        .await?
    else {
        anyhow::bail!("ALBSN0001's second version was refused");
    };
    let v3 = forum_v3(v2, starts, ends);
    let note3 = "Plotësova analizën dhe hapin e monitorimit, si u ra dakord në mbledhje.";
    let SaveOutcome::Saved(_) = store
        .save_commitment_version(tenant, id, 2, &v3, note3, forum.chair, &at(forum.chair, 6))
        .await?
    else {
        anyhow::bail!("ALBSN0001's third version was refused");
    };
    store
        .set_commitment_status(
            tenant,
            id,
            CommitmentStatus::Draft,
            CommitmentStatus::ForumEndorsed,
            "Forumi e miratoi me shumicë votash në mbledhjen e tij të fundit.",
            &at(forum.chair, 3),
        )
        .await?;

    // Two drafts, each adopting an input of the public input phase.
    let drafts = [
        (
            0,
            draft(
                "Vendimmarrje e hapur dhe e llogaritshme: vendimet e Këshillit Bashkiak brenda 5 ditëve",
                "Çdo vendim i Këshillit Bashkiak publikohet në faqen e Bashkisë brenda 5 ditëve pune nga \
                 mbledhja, bashkë me procesverbalin.",
                "Vendimet e Këshillit publikohen me javë vonesë, ndaj qytetarët nuk dinë çfarë u vendos.",
                "open_parliaments",
                starts,
                (starts + Duration::days(180)).min(ends),
            ),
            first,
            10,
        ),
        (
            12,
            draft(
                "Transparenca proaktive: regjistri i kërkesave për informim",
                "Regjistri i kërkesave për informim dhe i përgjigjeve publikohet çdo muaj, pa të dhëna \
                 personale.",
                "Qytetarët nuk e dinë çfarë është kërkuar tashmë dhe sa shpejt përgjigjet Bashkia.",
                "right_to_information",
                starts,
                (starts + Duration::days(365)).min(ends),
            ),
            second,
            8,
        ),
    ];
    for (input_index, document, author, days_ago) in drafts {
        let id = store
            .create_commitment(
                tenant,
                &NewCommitment {
                    cycle_id: cycle,
                    template_id,
                    document,
                    note: "Nga kontributi i qytetarëve që u pranua.".into(),
                    source_id: None,
                    author,
                },
                &at(author, days_ago),
            )
            .await?;
        if let Some(input) = inputs.inputs.get(input_index) {
            store
                .link_commitment_input(tenant, id, *input, &at(author, days_ago))
                .await?;
        }
    }
    Ok(())
}
