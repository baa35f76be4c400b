#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! The outbox worker against a real database and the real file transport.

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use services::{
    Clock, FixedClock,
    mailer::{Mailer, SmtpSettings, Transport},
};
use store::{NewMail, testing::TestDb};

fn mail(to: &str) -> NewMail {
    NewMail {
        recipient: to.into(),
        subject: "Konfirmoni adresën".into(),
        body_text: "Përshëndetje Arbër, çështja është e hapur.".into(),
        lang: "sq".into(),
        about: None,
        attachment: None,
    }
}

#[tokio::test]
async fn queued_mail_is_written_once_as_eml() {
    for db in TestDb::all().await.expect("databases") {
        let dir = tempfile::tempdir().expect("dir");
        let clock = Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("date"),
        ));
        db.store
            .enqueue_mail(None, &mail("arber@example.org"), clock.now())
            .await
            .expect("enqueue");
        let mailer = Mailer {
            store: db.store.clone(),
            clock: clock.clone(),
            transport: Transport::files(dir.path().to_path_buf()).expect("transport"),
            from: "bashke <noreply@example.org>".parse().expect("mailbox"),
        };
        assert_eq!(mailer.run_once().await.expect("run"), 1, "{}", db.label);
        assert_eq!(mailer.run_once().await.expect("run"), 0, "{}: sent once", db.label);
        let files: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").flatten().collect();
        assert_eq!(files.len(), 1);
        let eml = std::fs::read_to_string(files[0].path()).expect("eml");
        assert!(eml.contains("To: arber@example.org"), "{eml}");
        assert_eq!(
            db.store.outbox_counts().await.expect("counts"),
            vec![("sent".to_owned(), 1)]
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn failed_delivery_is_recorded_and_retried_with_back_off() {
    for db in TestDb::all().await.expect("databases") {
        let clock = Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("date"),
        ));
        db.store
            .enqueue_mail(None, &mail("arber@example.org"), clock.now())
            .await
            .expect("enqueue");
        // Nothing listens on this port: every attempt fails at once.
        let settings = SmtpSettings {
            host: "127.0.0.1".into(),
            port: 9,
            username: None,
            password: None,
            security: "none".into(),
        };
        let mailer = Mailer {
            store: db.store.clone(),
            clock: clock.clone(),
            transport: Transport::smtp(&settings).expect("transport"),
            from: "bashke <noreply@example.org>".parse().expect("mailbox"),
        };
        assert_eq!(mailer.run_once().await.expect("run"), 1, "{}", db.label);
        assert_eq!(
            mailer.run_once().await.expect("run"),
            0,
            "{}: waits for the back-off",
            db.label
        );
        clock.advance(Duration::minutes(2));
        assert_eq!(mailer.run_once().await.expect("run"), 1, "{}: retried", db.label);
        let rows = db
            .store
            .claim_due_mail(clock.now() + Duration::days(1), clock.now() + Duration::days(1), 10)
            .await
            .expect("claim");
        assert_eq!(rows.len(), 1);
        assert!(
            rows[0].last_error.as_deref().is_some_and(|e| !e.is_empty()),
            "{}",
            db.label
        );
        db.cleanup().await;
    }
}
