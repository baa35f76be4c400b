//! Sign-up, e-mail verification, log-in, log-out, forgotten password.

use axum::{
    Router,
    extract::{Query, State},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use axum_extra::extract::cookie::{Cookie, SameSite};
use serde::Deserialize;
use services::{
    ServiceError,
    people::accounts::{SignUpInput, Verification},
};
use views::{ForgotPage, Form, LoginPage, MessagePage, ResetPage, SignupPage};

use crate::html::common::{TokenQuery, form_again, page, safe_next};
use crate::{
    AppError, AppState, Ctx,
    ctx::urlencode,
    ctx::{append_cookie, clear_session_cookie, session_cookie_name},
    forms::FormData,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/signup", get(signup_form).post(signup))
        .route("/signup/sent", get(signup_sent))
        .route("/verify-email", get(verify_email))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/password/forgot", get(forgot_form).post(forgot))
        .route("/password/forgot/sent", get(forgot_sent))
        .route("/password/reset", get(reset_form).post(reset))
}

/// `next` as given, if it is a safe local path; nothing otherwise.
fn local_next(raw: &str) -> Option<&str> {
    (!raw.is_empty() && safe_next(raw) == raw).then_some(raw)
}

/// `next=…` for a link that carries the destination on, or empty.
fn next_query(next: Option<&str>) -> String {
    next.map(|n| format!("next={}", urlencode(n))).unwrap_or_default()
}

fn signup_page(ctx: &Ctx, form: Form, next: Option<&str>) -> SignupPage {
    SignupPage {
        p: ctx.page(ctx.t("signup-title")),
        form,
        next: next.unwrap_or_default().to_owned(),
        next_query: next_query(next),
    }
}

async fn signup_form(ctx: Ctx, Query(q): Query<NextQuery>) -> Result<Response, AppError> {
    page(signup_page(&ctx, Form::default(), local_next(&q.next)))
}

async fn signup(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let input = SignUpInput {
        display_name: form.get("display_name"),
        email: form.get("email"),
        password: form.get("password"),
    };
    let next = local_next(form.get("next"));
    match state
        .services
        .sign_up(&ctx.tenant, ctx.lang, input, next, Some(&ctx.request_id))
        .await
    {
        Ok(_) => Ok(Redirect::to("/signup/sent").into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let conflict = errors.iter().any(|e| e.code == "email_taken");
            let form = Form::new(form.to_map_without_secrets()).with_errors(errors);
            let mut response = form_again(signup_page(&ctx, form, next))?;
            if conflict {
                *response.status_mut() = axum::http::StatusCode::CONFLICT;
            }
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

async fn signup_sent(ctx: Ctx) -> Result<Response, AppError> {
    page(MessagePage {
        p: ctx.page(ctx.t("signup-sent-title")),
        heading: ctx.t("signup-sent-title"),
        text: ctx.t("signup-sent-text"),
        link: None,
    })
}

pub(crate) fn invalid_link(ctx: &Ctx, again: &str) -> Result<Response, AppError> {
    let mut response = page(MessagePage {
        p: ctx.page(ctx.t("link-invalid-title")),
        heading: ctx.t("link-invalid-title"),
        text: ctx.t("link-invalid-text"),
        link: Some((again.to_owned(), ctx.t("forgot-submit"))),
    })?;
    // 410 Gone would be as apt; 400 is what every client understands.
    *response.status_mut() = axum::http::StatusCode::BAD_REQUEST;
    Ok(response)
}

#[derive(Deserialize)]
pub struct VerifyQuery {
    #[serde(default)]
    token: String,
    #[serde(default)]
    next: String,
}

async fn verify_email(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<VerifyQuery>,
) -> Result<Response, AppError> {
    // On to log in, and from there to where the person was going before signing up.
    let login = match local_next(&q.next) {
        Some(next) => format!("/login?{}", next_query(Some(next))),
        None => "/login".to_owned(),
    };
    match state
        .services
        .verify_email(ctx.tenant.id(), &q.token, Some(&ctx.request_id))
        .await
    {
        Ok(Verification::Verified(_)) => Ok(ctx.redirect_with_flash(&login, "flash-verified")),
        Ok(Verification::AlreadyVerified) => Ok(ctx.redirect_with_flash(&login, "flash-already-verified")),
        Err(ServiceError::InvalidLink) => invalid_link(&ctx, "/login"),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

async fn login_form(ctx: Ctx, Query(q): Query<NextQuery>) -> Result<Response, AppError> {
    page(LoginPage {
        p: ctx.page(ctx.t("login-title")),
        form: Form::default(),
        problem: None,
        next: safe_next(&q.next).to_owned(),
        next_query: next_query(local_next(&q.next)),
    })
}

async fn login(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let next = safe_next(form.get("next")).to_owned();
    let result = state
        .services
        .log_in(
            &ctx.tenant,
            ctx.lang,
            form.get("email"),
            form.get("password"),
            &ctx.client_ip.to_string(),
            Some(&ctx.request_id),
        )
        .await;
    let again = |errors, problem: Option<&str>, status| -> Result<Response, AppError> {
        let form = Form::new(form.to_map_without_secrets()).with_errors(errors);
        let mut response = form_again(LoginPage {
            p: ctx.page(ctx.t("login-title")),
            form,
            problem: problem.map(|k| ctx.t(k)),
            next_query: next_query(local_next(&next)),
            next: next.clone(),
        })?;
        *response.status_mut() = status;
        Ok(response)
    };
    use axum::http::StatusCode;
    match result {
        Ok(session) => {
            let cookie = Cookie::build((session_cookie_name(ctx.secure_cookies), session.token))
                .path("/")
                .http_only(true)
                .secure(ctx.secure_cookies)
                .same_site(SameSite::Lax)
                .max_age(time::Duration::seconds(session.max_age.num_seconds()))
                .build();
            let mut response = ctx.redirect_with_flash(&next, "flash-logged-in");
            append_cookie(&mut response, &cookie);
            Ok(response)
        }
        Err(ServiceError::Invalid(errors)) => again(errors, None, StatusCode::UNPROCESSABLE_ENTITY),
        Err(ServiceError::WrongCredentials) => again(Vec::new(), Some("login-wrong"), StatusCode::UNAUTHORIZED),
        Err(ServiceError::Unverified { resent: true }) => {
            again(Vec::new(), Some("login-unverified"), StatusCode::FORBIDDEN)
        }
        Err(ServiceError::Unverified { resent: false }) => {
            again(Vec::new(), Some("login-unverified-check-mail"), StatusCode::FORBIDDEN)
        }
        Err(ServiceError::Throttled) => again(Vec::new(), Some("login-throttled"), StatusCode::TOO_MANY_REQUESTS),
        Err(e) => Err(e.into()),
    }
}

async fn logout(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    if let Some(token) = &ctx.session_token {
        state.services.log_out(&ctx.actor(), token).await?;
    }
    let mut response = ctx.redirect_with_flash("/", "flash-logged-out");
    clear_session_cookie(&mut response, ctx.secure_cookies);
    Ok(response)
}

async fn forgot_form(ctx: Ctx) -> Result<Response, AppError> {
    page(ForgotPage {
        p: ctx.page(ctx.t("forgot-title")),
        form: Form::default(),
    })
}

async fn forgot(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    match state
        .services
        .forgot_password(&ctx.tenant, form.get("email"), Some(&ctx.request_id))
        .await
    {
        Ok(()) => Ok(Redirect::to("/password/forgot/sent").into_response()),
        Err(ServiceError::Invalid(errors)) => form_again(ForgotPage {
            p: ctx.page(ctx.t("forgot-title")),
            form: Form::new(form.to_map()).with_errors(errors),
        }),
        Err(e) => Err(e.into()),
    }
}

async fn forgot_sent(ctx: Ctx) -> Result<Response, AppError> {
    page(MessagePage {
        p: ctx.page(ctx.t("forgot-sent-title")),
        heading: ctx.t("forgot-sent-title"),
        text: ctx.t("forgot-sent-text"),
        link: None,
    })
}

async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    match state.services.check_reset_link(ctx.tenant.id(), &q.token).await {
        Ok(()) => page(ResetPage {
            p: ctx.page(ctx.t("reset-title")),
            form: Form::default(),
            token: q.token,
        }),
        Err(ServiceError::InvalidLink) => invalid_link(&ctx, "/password/forgot"),
        Err(e) => Err(e.into()),
    }
}

async fn reset(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let token = form.get("token").to_owned();
    match state
        .services
        .reset_password(ctx.tenant.id(), &token, form.get("password"), Some(&ctx.request_id))
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash("/login", "flash-password-changed")),
        Err(ServiceError::Invalid(errors)) => form_again(ResetPage {
            p: ctx.page(ctx.t("reset-title")),
            form: Form::default().with_errors(errors),
            token,
        }),
        Err(ServiceError::InvalidLink) => invalid_link(&ctx, "/password/forgot"),
        Err(e) => Err(e.into()),
    }
}
