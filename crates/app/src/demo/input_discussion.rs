//! The demo discussion of inputs: comments and replies on about fifteen inputs, supports spread
//! with a few popular inputs, follows, one rude comment reported and hidden by the moderator
//! with a reason, and one report waiting in the moderation queue. Written through the use cases,
//! so counters, audit entries and e-mails are what they would be.

use anyhow::Context;
use domain::{TenantId, UserId, input::ModerationTarget};
use services::{Actor, Services, input::moderation::HideOutcome};
use store::AuditCtx;

const COMMENTS: &[&str] = &[
    "Dakord plotësisht. E njëjta gjë ndodh edhe në lagjen tonë.",
    "Ide e mirë. Do të ishte mirë të përfshiheshin edhe të rinjtë e njësisë.",
    "Ka pasur një nismë të ngjashme dy vite më parë; ia vlen të shihet pse nuk vazhdoi.",
    "Mbështes, por duhet menduar edhe për mirëmbajtjen pas ndërtimit.",
    "A mund të publikohen shpenzimet në faqen e bashkisë?",
    "Në fshatrat e Shirgjanit problemi është edhe më i madh.",
    "Propozoj që kjo të diskutohet në dëgjesën publike të njësisë.",
];

const REPLIES: &[&str] = &[
    "Faleminderit për komentin. Pikërisht këtë kisha parasysh.",
    "Plotësisht e vërtetë, e kemi parë edhe ne.",
    "Po, dhe orari duhet t'u përshtatet grave që punojnë.",
];

async fn actor(services: &Services, tenant: TenantId, user: UserId) -> anyhow::Result<Actor> {
    Ok(Actor {
        tenant,
        user: Some(user),
        roles: services.store.roles_of(tenant, user).await?,
        request_id: Some("demo".into()),
    })
}

pub async fn seed(
    services: &Services,
    tenant: TenantId,
    demo: &super::input::InputDemo,
    _ctx: &AuditCtx,
) -> anyhow::Result<()> {
    let row = services
        .store
        .list_tenants()
        .await?
        .into_iter()
        .find(|t| t.id() == tenant)
        .context("the demo tenant")?;
    // The demo writes more than a person would in an hour: no limit for it.
    let mut row = row;
    row.input_writes_per_hour = i64::MAX / 2;
    let citizens = &demo.citizens;
    if citizens.len() < 3 || demo.inputs.is_empty() {
        return Ok(());
    }
    let who = |i: usize| citizens[i % citizens.len()];

    // Supports: a few popular inputs, most with some, never one's own.
    for (n, &input) in demo.inputs.iter().enumerate() {
        let wanted = match n {
            0 | 3 => citizens.len(),
            7 | 11 => citizens.len() / 2,
            _ => n % 4,
        };
        for k in 0..wanted {
            let supporter = actor(services, tenant, who(n + k + 1)).await?;
            // Own inputs and repeats are refused by the rules; the demo just skips them.
            let _ = services.support_input(&row, &supporter, input).await;
        }
    }

    // Comments and replies on about fifteen inputs; a few people follow.
    let mut rude = None;
    let mut waiting = None;
    for (n, &input) in demo.inputs.iter().take(15).enumerate() {
        let writer = actor(services, tenant, who(n + 2)).await?;
        let text = COMMENTS[n % COMMENTS.len()];
        let Ok(first) = services.comment_on_input(&row, &writer, input, None, text).await else {
            continue;
        };
        if n % 2 == 0 {
            let replier = actor(services, tenant, who(n + 3)).await?;
            let _ = services
                .comment_on_input(&row, &replier, input, Some(first), REPLIES[n % REPLIES.len()])
                .await;
        }
        if n % 3 == 0 {
            let follower = actor(services, tenant, who(n + 4)).await?;
            let _ = services.follow_input(&row, &follower, input).await;
        }
        if n == 4 {
            let troll = actor(services, tenant, who(n + 5)).await?;
            rude = services
                .comment_on_input(
                    &row,
                    &troll,
                    input,
                    None,
                    "Kjo është ide idiote, vetëm budallenjtë e mbështesin.",
                )
                .await
                .ok();
        }
        if n == 6 {
            let doubtful = actor(services, tenant, who(n + 5)).await?;
            waiting = services
                .comment_on_input(
                    &row,
                    &doubtful,
                    input,
                    None,
                    "Shihni ofertën time për materiale ndërtimi me çmim të ulët, telefononi në numrin tim.",
                )
                .await
                .ok();
        }
    }

    // The rude comment: reported, then hidden by the moderator with a reason.
    let moderator = actor(services, tenant, demo.moderator).await?;
    if let Some(rude) = rude {
        let reporter = actor(services, tenant, who(1)).await?;
        services
            .report_item(
                &row,
                &reporter,
                ModerationTarget::Comment,
                rude,
                "Fyen ata që e mbështesin idenë.",
            )
            .await?;
        let hidden = services
            .hide_item(
                &row,
                &moderator,
                ModerationTarget::Comment,
                rude,
                "Komenti fyen pjesëmarrësit. Rregullat e diskutimit kërkojnë respekt.",
                true,
            )
            .await?;
        anyhow::ensure!(
            matches!(hidden, HideOutcome::Hidden { .. }),
            "the rude comment is hidden"
        );
    }
    // One report waiting in the queue.
    if let Some(waiting) = waiting {
        let reporter = actor(services, tenant, who(2)).await?;
        services
            .report_item(
                &row,
                &reporter,
                ModerationTarget::Comment,
                waiting,
                "Duket si reklamë, jo si koment për kontributin.",
            )
            .await?;
    }
    Ok(())
}
