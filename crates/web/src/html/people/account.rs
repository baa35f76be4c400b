//! The signed-in person's own account: details, password, address, deletion.

use axum::{
    Router,
    extract::{Query, State},
    response::Response,
    routing::{get, post},
};
use domain::Action;
use services::ServiceError;
use views::{AccountPage, Form, OrgSummary};

use crate::html::common::{TokenQuery, form_again, page};
use crate::{AppError, AppState, Ctx, ctx::clear_session_cookie, forms::FormData};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account", get(show))
        .route("/account/password", post(change_password))
        .route("/account/email", post(change_email))
        .route("/account/language", post(change_mail_language))
        .route("/account/email/confirm", get(confirm_email))
        .route("/account/delete", post(delete))
}

/// Which of the three forms is shown again with errors.
enum Failed {
    None,
    Password(Form),
    Email(Form),
    Delete(Form),
    Language(Form),
}

async fn render(state: &AppState, ctx: &Ctx, failed: Failed) -> Result<Response, AppError> {
    let orgs = state.services.my_orgs(&ctx.actor()).await?;
    let session = ctx.session.as_ref().ok_or(AppError::LoginRequired)?;
    let has_errors = !matches!(failed, Failed::None);
    let (mut password_form, mut email_form, mut delete_form) = (Form::default(), Form::default(), Form::default());
    let mut language_form = Form::default();
    match failed {
        Failed::Language(f) => language_form = f,
        Failed::Password(f) => password_form = f,
        Failed::Email(f) => email_form = f,
        Failed::Delete(f) => delete_form = f,
        Failed::None => {}
    }
    let template = AccountPage {
        p: ctx.page(ctx.t("account-title")),
        display_name: session.user.display_name.clone(),
        email: session.user.email.clone().unwrap_or_default(),
        roles: session
            .roles
            .iter()
            .map(|r| ctx.t(&format!("role-{}", r.key())))
            .collect(),
        orgs: orgs
            .into_iter()
            .map(|o| OrgSummary {
                id: o.id,
                kind: ctx.t(&format!("kind-{}", o.kind)),
                name: o.name,
            })
            .collect(),
        password_form,
        email_form,
        delete_form,
        mail_lang: session.user.lang().code().to_owned(),
        language_form,
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    render(&state, &ctx, Failed::None).await
}

async fn change_password(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageOwnAccount)?;
    match state
        .services
        .change_password(&actor, form.get("current_password"), form.get("new_password"))
        .await
    {
        Ok(()) => {
            // Every session ended with the change, this one too: log in again.
            let mut response = ctx.redirect_with_flash("/login", "flash-password-changed");
            clear_session_cookie(&mut response, ctx.secure_cookies);
            Ok(response)
        }
        Err(ServiceError::Invalid(errors)) => {
            render(&state, &ctx, Failed::Password(Form::default().with_errors(errors))).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn change_email(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageOwnAccount)?;
    match state
        .services
        .request_email_change(&ctx.tenant, &actor, ctx.lang, form.get("new_email"))
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash("/account", "flash-email-change-sent")),
        Err(ServiceError::Invalid(errors)) => {
            render(
                &state,
                &ctx,
                Failed::Email(Form::new(form.to_map()).with_errors(errors)),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// The language of the person's e-mails; the page language link does not change it.
async fn change_mail_language(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageOwnAccount)?;
    match state.services.set_mail_language(&actor, form.get("mail_lang")).await {
        Ok(_) => Ok(ctx.redirect_with_flash("/account", "flash-mail-language-saved")),
        Err(ServiceError::Invalid(errors)) => {
            render(
                &state,
                &ctx,
                Failed::Language(Form::new(form.to_map()).with_errors(errors)),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Opening the link is enough (it proves access to the new mailbox); no session is needed, so
/// it also works on the phone where the mail was read.
async fn confirm_email(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    match state
        .services
        .confirm_email_change(ctx.tenant.id(), &q.token, Some(&ctx.request_id))
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash(
            if ctx.session.is_some() { "/account" } else { "/login" },
            "flash-email-changed",
        )),
        Err(ServiceError::Invalid(_)) => Err(AppError::Conflict),
        // Expired, used or unknown: the same page as every other e-mailed link.
        Err(ServiceError::InvalidLink | ServiceError::NotFound) => super::auth::invalid_link(&ctx, "/account"),
        Err(e) => Err(e.into()),
    }
}

async fn delete(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageOwnAccount)?;
    match state
        .services
        .delete_account(&actor, ctx.lang, form.get("confirm_password"))
        .await
    {
        Ok(()) => {
            let mut response = ctx.redirect_with_flash("/", "flash-account-deleted");
            clear_session_cookie(&mut response, ctx.secure_cookies);
            Ok(response)
        }
        Err(ServiceError::Invalid(errors)) => {
            render(&state, &ctx, Failed::Delete(Form::default().with_errors(errors))).await
        }
        Err(e) => Err(e.into()),
    }
}
