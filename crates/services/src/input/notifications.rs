//! E-mails to the followers of an input, the daily digest job, the one-click unsubscribe link
//! and the notification settings (at once or a daily digest).
//!
//! Every e-mail about a followed input is written in the recipient's language and ends with a
//! link that stops it with one click, without signing in: its secret is made for that e-mail
//! (only the hash is stored), so the link of an old e-mail keeps working.

use domain::{Action, Lang, TenantId, UserId, input::NotifyMode, input::discussion::digest_due};
use store::{
    NewMail, TenantRow,
    input::notifications::{DigestItem, DigestMail, FollowerMail, FollowerRow, UnsubscribeRow},
};
use views::{t, t_args};

use crate::{
    Actor, ServiceError, Services,
    common::{error::Result, mails::notice_mail, tokens},
};

/// What a follower is told about.
#[derive(Debug, Clone)]
pub enum FollowEvent {
    /// A new comment: who wrote it and its text (plain text; quoted in the e-mail).
    Comment { who: String, text: String },
    /// The input's reasoned answer was published.
    Answer,
}

impl FollowEvent {
    pub fn key(&self) -> &'static str {
        match self {
            FollowEvent::Comment { .. } => "comment",
            FollowEvent::Answer => "answer",
        }
    }
}

/// The longest part of a comment quoted in an e-mail, in characters.
const QUOTE_MAX: usize = 600;

fn quote(text: &str) -> String {
    let cut: String = text.chars().take(QUOTE_MAX).collect();
    let cut = if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    };
    cut.lines().map(|l| format!("> {l}")).collect::<Vec<_>>().join("\n")
}

/// Puts the unsubscribe paragraph before the signature of a composed e-mail.
pub(crate) fn with_unsubscribe(mut mail: NewMail, lang: Lang, link: &str) -> NewMail {
    let line = format!("{}\n{link}\n\n-- \n", t(lang, "mail-input-unsubscribe-line"));
    mail.body_text = match mail.body_text.rfind("-- \n") {
        Some(at) => format!("{}{line}{}", &mail.body_text[..at], &mail.body_text[at + 4..]),
        None => format!("{}\n\n{line}", mail.body_text),
    };
    mail
}

impl Services {
    /// The link that stops `hash`'s holder following an input (the secret, not its hash, goes in it).
    fn unsubscribe_url(&self, tenant: &TenantRow, token: &str) -> String {
        self.link(tenant, "/input/unsubscribe", token)
    }

    /// Builds the e-mail each follower told at once gets about `event` on input `input` (titled
    /// `title`), in their language, with an unsubscribe link of its own. Pass it to
    /// `store::input::notifications::queue_follower_mails!` (inside a write transaction) or
    /// `Store::notify_followers`. Used for comments here and by the answers part for answers.
    pub fn follower_mail_builder<'a>(
        &'a self,
        tenant: &'a TenantRow,
        input: i64,
        title: &'a str,
        event: &'a FollowEvent,
    ) -> impl Fn(&FollowerRow) -> FollowerMail + Send + Sync + 'a {
        move |follower: &FollowerRow| {
            let lang = Lang::parse(&follower.lang).unwrap_or_default();
            let (token, hash) = tokens::new_token();
            let mut args = vec![("tenant", tenant.name(lang).to_owned()), ("title", title.to_owned())];
            let body_key = match event {
                FollowEvent::Comment { who, text } => {
                    args.push(("who", who.clone()));
                    args.push(("text", quote(text)));
                    "mail-input-comment-body"
                }
                FollowEvent::Answer => "mail-input-answer-body",
            };
            let subject_key = match event {
                FollowEvent::Comment { .. } => "mail-input-comment-subject",
                FollowEvent::Answer => "mail-input-answer-subject",
            };
            let link = format!("{}/input/{input}", self.site_url(tenant));
            let mail = notice_mail(
                lang,
                &follower.email,
                Some(&follower.display_name),
                subject_key,
                body_key,
                &args,
                &link,
            )
            .about(format!("input:{input}"));
            FollowerMail {
                mail: with_unsubscribe(mail, lang, &self.unsubscribe_url(tenant, &token)),
                unsubscribe_hash: hash,
            }
        }
    }

    /// Queues the digests due now: for each person with waiting events whose digest is due (see
    /// `digest_due`), one e-mail listing them, each input with its own unsubscribe link. Rows
    /// are claimed in the transaction that queues the e-mail, so two instances never send the
    /// same digest. Returns how many digests this call queued.
    pub async fn send_input_digests(&self) -> Result<usize> {
        let now = self.clock.now();
        let candidates = self.store.digest_candidates(1000).await?;
        if candidates.is_empty() {
            return Ok(0);
        }
        let tenants = self.store.list_tenants().await?;
        let mut sent = 0;
        for c in candidates {
            if !digest_due(Some(c.oldest), c.last_digest, now) {
                continue;
            }
            let Some(tenant) = tenants.iter().find(|t| t.id().0 == c.tenant_id) else {
                continue;
            };
            let Some(user) = self.store.user_by_id(tenant.id(), UserId(c.user_id)).await? else {
                continue;
            };
            let (Some(email), None) = (user.email.clone(), user.deleted_at) else {
                continue;
            };
            let lang = user.lang();
            let build = |items: &[DigestItem]| -> Option<DigestMail> {
                Some(self.digest_mail(tenant, &email, &user.display_name, lang, items))
            };
            if self.store.claim_digest(tenant.id(), user.id(), now, &build).await? {
                sent += 1;
            }
        }
        Ok(sent)
    }

    fn digest_mail(&self, tenant: &TenantRow, to: &str, name: &str, lang: Lang, items: &[DigestItem]) -> DigestMail {
        let site = self.site_url(tenant);
        let mut lines = String::new();
        let mut links = Vec::new();
        let mut inputs: Vec<(i64, &str, usize, bool)> = Vec::new();
        for item in items {
            match inputs.iter_mut().find(|(id, ..)| *id == item.input_id) {
                Some(entry) => {
                    if item.event == "answer" {
                        entry.3 = true;
                    } else {
                        entry.2 += 1;
                    }
                }
                None => inputs.push((
                    item.input_id,
                    &item.title,
                    usize::from(item.event != "answer"),
                    item.event == "answer",
                )),
            }
        }
        for (id, title, comments, answered) in &inputs {
            let (token, hash) = tokens::new_token();
            links.push((*id, hash));
            lines.push_str(&format!("* {title}\n"));
            if *comments > 0 {
                lines.push_str(&format!(
                    "  {}\n",
                    t_args(lang, "mail-input-digest-comments", &[("count", comments.to_string())])
                ));
            }
            if *answered {
                lines.push_str(&format!("  {}\n", t(lang, "mail-input-digest-answered")));
            }
            lines.push_str(&format!("  {site}/input/{id}\n"));
            lines.push_str(&format!(
                "  {} {}\n\n",
                t(lang, "mail-input-digest-unsubscribe"),
                self.unsubscribe_url(tenant, &token)
            ));
        }
        let args = [
            ("tenant", tenant.name(lang).to_owned()),
            ("count", inputs.len().to_string()),
            ("items", lines.trim_end().to_owned()),
        ];
        let mail = notice_mail(
            lang,
            to,
            Some(name),
            "mail-input-digest-subject",
            "mail-input-digest-body",
            &args,
            &format!("{site}/account/notifications"),
        );
        DigestMail { mail, links }
    }

    /// The digest job of the server: every ten minutes until `stop` says so.
    pub async fn input_digests(self, mut stop: tokio::sync::watch::Receiver<bool>) {
        loop {
            match self.send_input_digests().await {
                Ok(0) => {}
                Ok(n) => tracing::info!(digests = n, "input digests queued"),
                Err(e) => tracing::warn!(error = %e, "input digests failed"),
            }
            tokio::select! {
                _ = tokio::time::sleep(std::time::Duration::from_secs(600)) => {}
                _ = stop.changed() => return,
            }
        }
    }

    /// What an unsubscribe link stops (for its page, which asks before doing it).
    pub async fn unsubscribe_link(&self, tenant: TenantId, token: &str) -> Result<UnsubscribeRow> {
        if token.is_empty() {
            return Err(ServiceError::InvalidLink);
        }
        self.store
            .unsubscribe_link(tenant, &tokens::hash_token(token))
            .await?
            .ok_or(ServiceError::InvalidLink)
    }

    /// Stops the link holder following its input; no sign-in (the secret is the proof). Using
    /// the link twice is harmless. Returns the input.
    pub async fn unsubscribe(&self, tenant: TenantId, token: &str, request_id: Option<&str>) -> Result<UnsubscribeRow> {
        let link = self.unsubscribe_link(tenant, token).await?;
        let ctx = self.ctx(tenant, None, request_id);
        self.store
            .unsubscribe(tenant, &tokens::hash_token(token), &ctx)
            .await?
            .ok_or(ServiceError::InvalidLink)?;
        Ok(UnsubscribeRow {
            following: false,
            ..link
        })
    }

    /// The signed-in person's choice of e-mails about followed inputs.
    pub async fn my_notify_mode(&self, actor: &Actor) -> Result<NotifyMode> {
        let user = actor.require_user(Action::TakePartInInput)?;
        Ok(self
            .store
            .notify_mode(actor.tenant, user)
            .await?
            .unwrap_or(NotifyMode::Immediate))
    }

    pub async fn set_my_notify_mode(&self, actor: &Actor, raw: &str) -> Result<NotifyMode> {
        let user = actor.require_user(Action::TakePartInInput)?;
        let mode = NotifyMode::parse(raw).ok_or(ServiceError::field("notify_mode", "notify_mode_invalid"))?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store.set_notify_mode(actor.tenant, user, mode, &ctx).await?;
        Ok(mode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_bounded_and_marked() {
        assert_eq!(quote("a\nb"), "> a\n> b");
        assert!(quote(&"x".repeat(2000)).ends_with('…'));
    }

    #[test]
    fn the_unsubscribe_line_goes_before_the_signature() {
        let mail = NewMail {
            recipient: "a@example.org".into(),
            subject: "S".into(),
            body_text: "Body\n\n-- \nSignature\n".into(),
            lang: "sq".into(),
            about: None,
            attachment: None,
        };
        let out = with_unsubscribe(mail, Lang::En, "https://x/input/unsubscribe?token=t");
        let link = out.body_text.find("token=t").expect("link");
        let sig = out.body_text.find("-- \nSignature").expect("signature");
        assert!(link < sig, "{}", out.body_text);
    }
}
