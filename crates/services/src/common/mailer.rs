//! The outbox worker: claims due messages, sends them, records the outcome, and retries
//! failures with exponential back-off. Every instance may run one; the lease in
//! `Store::claim_due_mail` makes sure each message goes to one worker only.

use std::{path::PathBuf, sync::Arc, time::Duration as StdDuration};

use chrono::Duration;
use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType},
    transport::smtp::authentication::Credentials,
};
use store::{OutboxRow, Store};
use tokio::sync::watch;

use crate::common::clock::Clock;

const MAX_ATTEMPTS: i64 = 8;
// A batch must be sent well within the lease, or another instance could take messages of it
// over: 10 messages × 20 s SMTP timeout stays under the 5-minute lease.
const BATCH: i64 = 10;
const LEASE_MINUTES: i64 = 5;

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    /// `.eml` files in a folder: the default, and what the demo and tests read.
    Files(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    /// `starttls` (default), `tls` or `none` (only for a relay on localhost).
    pub security: String,
}

impl Transport {
    pub fn files(dir: PathBuf) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&dir)?;
        Ok(Transport::Files(AsyncFileTransport::new(dir)))
    }

    pub fn smtp(s: &SmtpSettings) -> anyhow::Result<Self> {
        let builder = match s.security.as_str() {
            "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(&s.host)?,
            "none" => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host),
            _ => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&s.host)?,
        };
        let builder = builder.port(s.port).timeout(Some(StdDuration::from_secs(20)));
        let builder = match (&s.username, &s.password) {
            (Some(u), Some(p)) => builder.credentials(Credentials::new(u.clone(), p.clone())),
            _ => builder,
        };
        Ok(Transport::Smtp(builder.build()))
    }

    async fn send(&self, message: Message) -> anyhow::Result<()> {
        match self {
            Transport::Files(t) => t.send(message).await.map(|_| ()).map_err(Into::into),
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(Into::into),
        }
    }
}

pub struct Mailer {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub transport: Transport,
    pub from: Mailbox,
}

impl Mailer {
    fn build(&self, row: &OutboxRow) -> anyhow::Result<Message> {
        let builder = Message::builder()
            .from(self.from.clone())
            .to(row.recipient.parse()?)
            .subject(&row.subject);
        let (Some(name), Some(kind), Some(body)) = (&row.attachment_name, &row.attachment_type, &row.attachment_body)
        else {
            return Ok(builder.header(ContentType::TEXT_PLAIN).body(row.body_text.clone())?);
        };
        // The text first, then the file: mail programs show the text and offer the file (an
        // `.ics` invitation is recognised by its `text/calendar` type and method).
        Ok(builder.multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain(row.body_text.clone()))
                .singlepart(Attachment::new(name.clone()).body(body.clone(), ContentType::parse(kind)?)),
        )?)
    }

    /// Sends what is due now; returns how many messages were handled.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let now = self.clock.now();
        let rows = self
            .store
            .claim_due_mail(now, now + Duration::minutes(LEASE_MINUTES), BATCH)
            .await?;
        for row in &rows {
            let outcome = match self.build(row) {
                Ok(message) => self.transport.send(message).await,
                Err(e) => Err(e),
            };
            match outcome {
                Ok(()) => {
                    self.store.mark_mail_sent(row.id, self.clock.now()).await?;
                    metrics::counter!("bashke_mail_sent_total").increment(1);
                }
                Err(e) => {
                    // 1, 2, 4 … minutes, then give up and leave the row as failed for a human.
                    let retry = (row.attempts < MAX_ATTEMPTS)
                        .then(|| self.clock.now() + Duration::minutes(1 << (row.attempts - 1).clamp(0, 10)));
                    tracing::warn!(outbox_id = row.id, attempts = row.attempts, error = %e, "mail delivery failed");
                    self.store.mark_mail_failed(row.id, &format!("{e:#}"), retry).await?;
                    metrics::counter!("bashke_mail_failed_total").increment(1);
                }
            }
        }
        Ok(rows.len())
    }

    /// Runs until `shutdown` turns true. The current batch always finishes first, so no message
    /// is left half-handled; an interrupted send is retried when its lease runs out.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        loop {
            let handled = match self.run_once().await {
                Ok(n) => n,
                Err(e) => {
                    tracing::error!(error = %e, "outbox worker error");
                    0
                }
            };
            if *shutdown.borrow() {
                return;
            }
            let pause = if handled > 0 {
                StdDuration::from_millis(50)
            } else {
                StdDuration::from_millis(500)
            };
            tokio::select! {
                _ = tokio::time::sleep(pause) => {}
                _ = shutdown.changed() => return,
            }
        }
    }
}
