//! Accounts end to end: sign-up, verification, log-in and its throttling, reset, changes,
//! deletion; with the bad inputs the issue lists.

use axum::http::StatusCode;
use chrono::Duration;
use domain::Role;

use crate::helpers::{PASSWORD, each_backend, link_token, location, session_cookie};

#[tokio::test]
async fn sign_up_verify_log_in_and_out() {
    each_backend(async |app| {
        let r = app
            .post(
                "/signup",
                None,
                &[
                    ("display_name", "Arbër Çela"),
                    ("email", "Arber@Example.org"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        assert_eq!(location(&r), "/signup/sent");
        let mail = app
            .last_mail_to("arber@example.org")
            .await
            .expect("verification mail queued");
        assert_eq!(mail.lang, "sq");
        assert!(mail.body_text.contains("Arbër Çela"), "{}", mail.body_text);
        assert!(mail.body_text.contains("http://elbasan.test/verify-email?token="));

        // Not verified yet: log-in is refused with a clear reason.
        let r = app
            .post(
                "/login",
                None,
                &[("email", "arber@example.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::FORBIDDEN, "{}", app.label);
        assert!(r.text().contains("Ende nuk e keni konfirmuar"));

        let token = link_token(&mail.body_text, "/verify-email");
        let r = app.get(&format!("/verify-email?token={token}"), None).await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        assert_eq!(location(&r), "/login");
        // The same link again: the address is confirmed already, and the page says so.
        let r = app.get(&format!("/verify-email?token={token}"), None).await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        assert_eq!(location(&r), "/login");
        let flash = r.header("set-cookie").to_str().expect("ascii").to_owned();
        assert!(flash.contains("flash-already-verified"), "{flash}");
        // A made-up link is refused.
        let r = app.get("/verify-email?token=sajuar", None).await;
        assert_eq!(r.status_code(), StatusCode::BAD_REQUEST);
        assert!(r.text().contains("Lidhja nuk vlen"));

        let r = app
            .post(
                "/login",
                None,
                &[
                    ("email", "ARBER@example.org"),
                    ("password", PASSWORD),
                    ("next", "/account"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        assert_eq!(location(&r), "/account");
        let cookie = r
            .iter_headers_by_name("set-cookie")
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("session="))
            .expect("cookie")
            .to_owned();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        let session = session_cookie(&r).expect("session");
        let page = app.get("/account", Some(&session)).await;
        assert_eq!(page.status_code(), StatusCode::OK);
        assert!(page.text().contains("Arbër Çela") && page.text().contains("arber@example.org"));

        let r = app.post("/logout", Some(&session), &[]).await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let after = app.get("/account", Some(&session)).await;
        assert_eq!(after.status_code(), StatusCode::SEE_OTHER, "session ended");
        assert!(location(&after).starts_with("/login?next=%2Faccount"));
    })
    .await;
}

#[tokio::test]
async fn sign_up_bad_input_is_explained_next_to_the_field_and_kept() {
    each_backend(async |app| {
        let r = app
            .post(
                "/signup",
                None,
                &[("display_name", ""), ("email", "jo-adresë"), ("password", "shkurt")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text();
        assert!(html.contains("Kjo fushë është e detyrueshme."), "{}", app.label);
        assert!(html.contains("Shkruani një adresë të vlefshme"));
        assert!(html.contains("të paktën 10 shenja"));
        assert!(html.contains("value=\"jo-adresë\""), "typed value kept");
        assert!(!html.contains("shkurt\""), "passwords are never echoed");
        assert!(html.contains("aria-invalid=\"true\""));

        let r = app
            .server
            .post("/signup")
            .add_header("cookie", "lang=en")
            .form(&[
                ("display_name", "A"),
                ("email", "a@example.org"),
                ("password", "password123"),
            ])
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("This password is too common."));

        app.post(
            "/signup",
            None,
            &[
                ("display_name", "A"),
                ("email", "taken@example.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
        let r = app
            .post(
                "/signup",
                None,
                &[
                    ("display_name", "B"),
                    ("email", "taken@example.org"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::CONFLICT, "{}", app.label);
        assert!(r.text().contains("Ekziston tashmë një llogari"));
        assert_eq!(
            app.mails_to("taken@example.org").await,
            1,
            "nothing stored for the refused sign-up"
        );

        // Script typed into a field comes back as inert text.
        let r = app
            .post(
                "/signup",
                None,
                &[
                    ("display_name", "<script>alert(1)</script>"),
                    ("email", "x"),
                    ("password", ""),
                ],
            )
            .await;
        assert!(!r.text().contains("<script>alert(1)"));
        assert!(r.text().contains("&lt;script&gt;alert(1)&lt;/script&gt;") || r.text().contains("&#60;script&#62;"));
    })
    .await;
}

#[tokio::test]
async fn expired_verification_link_is_refused() {
    each_backend(async |app| {
        app.post(
            "/signup",
            None,
            &[
                ("display_name", "Drita"),
                ("email", "drita@example.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
        let mail = app.last_mail_to("drita@example.org").await.expect("mail");
        app.advance(Duration::hours(49));
        let r = app
            .get(
                &format!("/verify-email?token={}", link_token(&mail.body_text, "/verify-email")),
                None,
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::BAD_REQUEST, "{}", app.label);
        let r = app.get("/verify-email?token=made-up", None).await;
        assert_eq!(r.status_code(), StatusCode::BAD_REQUEST);
    })
    .await;
}

#[tokio::test]
async fn wrong_passwords_are_throttled_per_account() {
    each_backend(async |app| {
        app.user(Role::Participant).await;
        let email = "participant@example.org";
        for _ in 0..5 {
            let r = app
                .post("/login", None, &[("email", email), ("password", "wrong-password-1")])
                .await;
            assert_eq!(r.status_code(), StatusCode::UNAUTHORIZED, "{}", app.label);
            assert!(r.text().contains("Adresa ose fjalëkalimi nuk janë të sakta."));
            assert!(r.text().contains(&format!("value=\"{email}\"")), "address kept");
        }
        // Even the right password waits now.
        let r = app
            .post("/login", None, &[("email", email), ("password", PASSWORD)])
            .await;
        assert_eq!(r.status_code(), StatusCode::TOO_MANY_REQUESTS, "{}", app.label);
        app.advance(Duration::minutes(16));
        let r = app
            .post("/login", None, &[("email", email), ("password", PASSWORD)])
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        // An unknown address gets the same answer as a wrong password.
        let r = app
            .post(
                "/login",
                None,
                &[("email", "nobody@example.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn password_reset_by_e_mail() {
    each_backend(async |app| {
        let (_, old_session) = app.user(Role::Reviewer).await;
        let email = "reviewer@example.org";
        let r = app.post("/password/forgot", None, &[("email", email)]).await;
        assert_eq!(location(&r), "/password/forgot/sent");
        // Unknown addresses look the same and send nothing.
        let r = app
            .post("/password/forgot", None, &[("email", "nobody@example.org")])
            .await;
        assert_eq!(location(&r), "/password/forgot/sent");
        assert_eq!(app.mails_to("nobody@example.org").await, 0);
        let r = app.post("/password/forgot", None, &[("email", "not an address")]).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);

        let mail = app.last_mail_to(email).await.expect("reset mail");
        let token = link_token(&mail.body_text, "/password/reset");
        assert_eq!(
            app.get(&format!("/password/reset?token={token}"), None)
                .await
                .status_code(),
            StatusCode::OK
        );
        let r = app
            .post("/password/reset", None, &[("token", &token), ("password", "short")])
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = app
            .post(
                "/password/reset",
                None,
                &[("token", &token), ("password", "Një-fjalëkalim-i-ri")],
            )
            .await;
        assert_eq!(location(&r), "/login", "{}", app.label);
        // Old sessions ended; the link is used up; the new password works.
        assert_eq!(
            app.get("/account", Some(&old_session)).await.status_code(),
            StatusCode::SEE_OTHER
        );
        let r = app
            .post(
                "/password/reset",
                None,
                &[("token", &token), ("password", "Edhe-nje-tjeter-2026")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::BAD_REQUEST);
        let r = app
            .post("/login", None, &[("email", email), ("password", "Një-fjalëkalim-i-ri")])
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);

        // A reset link expires after an hour.
        app.post("/password/forgot", None, &[("email", email)]).await;
        let mail = app.last_mail_to(email).await.expect("second reset mail");
        app.advance(Duration::minutes(61));
        let r = app
            .get(
                &format!(
                    "/password/reset?token={}",
                    link_token(&mail.body_text, "/password/reset")
                ),
                None,
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::BAD_REQUEST);
    })
    .await;
}

#[tokio::test]
async fn changing_password_ends_every_session() {
    each_backend(async |app| {
        let (_, session) = app.user(Role::Participant).await;
        let r = app
            .post(
                "/account/password",
                Some(&session),
                &[("current_password", "wrong"), ("new_password", "Fjalekalim-i-ri-2026")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Fjalëkalimi aktual nuk është i saktë."));
        let r = app
            .post(
                "/account/password",
                Some(&session),
                &[("current_password", PASSWORD), ("new_password", "Fjalekalim-i-ri-2026")],
            )
            .await;
        assert_eq!(location(&r), "/login", "{}", app.label);
        assert_eq!(
            app.get("/account", Some(&session)).await.status_code(),
            StatusCode::SEE_OTHER
        );
        let r = app
            .post(
                "/login",
                None,
                &[
                    ("email", "participant@example.org"),
                    ("password", "Fjalekalim-i-ri-2026"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn changing_the_address_needs_the_new_mailbox() {
    each_backend(async |app| {
        let (user, session) = app.user(Role::Participant).await;
        app.user(Role::Reviewer).await;
        let r = app
            .post(
                "/account/email",
                Some(&session),
                &[("new_email", "reviewer@example.org")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "taken address");
        let r = app
            .post("/account/email", Some(&session), &[("new_email", "e-reja@example.org")])
            .await;
        assert_eq!(location(&r), "/account");
        let mail = app.last_mail_to("e-reja@example.org").await.expect("confirmation mail");
        let r = app
            .get(
                &format!(
                    "/account/email/confirm?token={}",
                    link_token(&mail.body_text, "/account/email/confirm")
                ),
                Some(&session),
            )
            .await;
        assert_eq!(location(&r), "/account", "{}", app.label);
        let row = app
            .store
            .user_by_id(app.elbasan, user)
            .await
            .expect("user")
            .expect("exists");
        assert_eq!(row.email.as_deref(), Some("e-reja@example.org"));
    })
    .await;
}

#[tokio::test]
async fn deleting_an_account_erases_personal_data() {
    each_backend(async |app| {
        let (user, session) = app.user(Role::Participant).await;
        let r = app
            .post("/account/delete", Some(&session), &[("confirm_password", "wrong")])
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = app
            .post("/account/delete", Some(&session), &[("confirm_password", PASSWORD)])
            .await;
        assert_eq!(location(&r), "/", "{}", app.label);
        let row = app
            .store
            .user_by_id(app.elbasan, user)
            .await
            .expect("user")
            .expect("row kept");
        assert!(row.email.is_none());
        assert!(row.display_name.starts_with("Përdorues i fshirë"));
        assert_eq!(
            app.get("/account", Some(&session)).await.status_code(),
            StatusCode::SEE_OTHER
        );
        let r = app
            .post(
                "/login",
                None,
                &[("email", "participant@example.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn e_mails_follow_the_language_a_person_chose() {
    each_backend(async |app| {
        let (_, session) = app.user(Role::Participant).await;
        app.post("/account/language", Some(&session), &[("mail_lang", "en")])
            .await;
        app.post("/password/forgot", None, &[("email", "participant@example.org")])
            .await;
        let mail = app.last_mail_to("participant@example.org").await.expect("reset mail");
        assert_eq!(mail.lang, "en", "{}", app.label);
        assert_eq!(mail.subject, "Password reset");
        assert!(mail.body_text.contains("Municipality of Elbasan"));
    })
    .await;
}

#[tokio::test]
async fn the_destination_survives_sign_up_verification_and_log_in() {
    each_backend(async |app| {
        // Someone clicked "Apply" while signed out: the log-in page offers sign-up with the way back.
        let login = app.get("/login?next=%2Fcalls%2F1%2Fapply", None).await.text();
        assert!(login.contains("/signup?next=%2Fcalls%2F1%2Fapply"), "{}", app.label);
        let form = app.get("/signup?next=%2Fcalls%2F1%2Fapply", None).await.text();
        assert!(form.contains("name=\"next\" value=\"/calls/1/apply\""));
        let r = app
            .post(
                "/signup",
                None,
                &[
                    ("display_name", "Era Çela"),
                    ("email", "era@example.org"),
                    ("password", PASSWORD),
                    ("next", "/calls/1/apply"),
                ],
            )
            .await;
        assert_eq!(location(&r), "/signup/sent", "{}", app.label);
        let mail = app.last_mail_to("era@example.org").await.expect("mail");
        assert!(
            mail.body_text.contains("&next=%2Fcalls%2F1%2Fapply"),
            "{}",
            mail.body_text
        );
        let token = link_token(&mail.body_text, "/verify-email");
        let r = app
            .get(&format!("/verify-email?token={token}&next=%2Fcalls%2F1%2Fapply"), None)
            .await;
        assert_eq!(location(&r), "/login?next=%2Fcalls%2F1%2Fapply");
        // Another site is never a destination.
        let form = app.get("/signup?next=%2F%2Fevil.example", None).await.text();
        assert!(!form.contains("name=\"next\""), "{}", app.label);
        // A verification e-mail is unsolicited: it says to ignore it if unasked for.
        assert!(mail.body_text.contains("mos e merrni parasysh"), "{}", mail.body_text);
    })
    .await;
}
