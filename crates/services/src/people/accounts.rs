//! Sign-up, e-mail verification, log-in and log-out, password reset and change, change of
//! address, and deleting one's own account.

use chrono::Duration;
use domain::{Action, Email, FieldError, Lang, NewPassword, TenantId, Text, UserId, validate_all};
use store::{NewToken, SessionUser, TenantRow, TokenPurpose, TokenRow};

use crate::{
    Actor, ServiceError, Services, common::error::Result, common::mails::unsolicited_mail, common::password::Hasher,
    tokens,
};

pub const SESSION_DAYS: i64 = 14;
const VERIFY_HOURS: i64 = 48;
const RESET_HOURS: i64 = 1;
/// Failed log-ins allowed per account and per client address in one window.
pub const LOGIN_LIMIT_PER_ACCOUNT: i64 = 5;
const LOGIN_LIMIT_PER_ADDRESS: i64 = 20;
const LOGIN_WINDOW_MINUTES: i64 = 15;
/// E-mails of one kind sent to one address per hour, so the site cannot be used to spam.
const MAILS_PER_HOUR: i64 = 3;

/// Raw sign-up form values.
pub struct SignUpInput<'a> {
    pub display_name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
}

/// A new session: the token goes into the cookie, only its hash into the database.
pub struct NewSession {
    pub token: String,
    pub user: UserId,
    pub max_age: Duration,
}

/// A one-time link that another request used first is as good as an invalid one.
pub(crate) fn link_conflict_is_invalid(e: store::StoreError) -> ServiceError {
    match ServiceError::from(e) {
        ServiceError::Conflict(_) => ServiceError::InvalidLink,
        other => other,
    }
}

/// What opening a verification link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    Verified(UserId),
    /// The link was used before: the address is confirmed already.
    AlreadyVerified,
}

impl Services {
    /// Signs up; the e-mailed verification link carries `next` (a local path the web layer has
    /// checked), so that someone who started from "Apply" ends on the application.
    pub async fn sign_up(
        &self,
        tenant: &TenantRow,
        lang: Lang,
        input: SignUpInput<'_>,
        next: Option<&str>,
        request_id: Option<&str>,
    ) -> Result<UserId> {
        let name = Text::parse("display_name", input.display_name, true, 120);
        let email = Email::parse("email", input.email);
        let password = NewPassword::parse("password", input.password);
        validate_all(&[name.clone().err(), email.clone().err(), password.clone().err()])
            .map_err(ServiceError::Invalid)?;
        let (Ok(name), Ok(email), Ok(password)) = (name, email, password) else {
            return Err(ServiceError::field("email", "required"));
        };
        if self.store.user_by_email(tenant.id(), &email).await?.is_some() {
            return Err(ServiceError::field("email", "email_taken"));
        }
        let hash = self.hasher.hash(password.expose()).await?;
        let ctx = self.ctx(tenant.id(), None, request_id);
        let (token, token_hash) = tokens::new_token();
        let new_token = NewToken {
            token_hash,
            purpose: TokenPurpose::VerifyEmail,
            user_id: None,
            email: email.as_str().to_owned(),
            role: None,
            org_id: None,
            expires_at: ctx.at + Duration::hours(VERIFY_HOURS),
        };
        let mail = unsolicited_mail(
            lang,
            email.as_str(),
            Some(name.as_str()),
            "mail-verify-subject",
            "mail-verify-body",
            &[
                ("tenant", tenant.name(lang).to_owned()),
                ("tenant_gen", tenant.name_genitive(lang)),
                ("tenant_acc", tenant.name_accusative(lang)),
            ],
            &match next {
                Some(next) => format!(
                    "{}&{}",
                    self.link(tenant, "/verify-email", &token),
                    serde_urlencoded::to_string([("next", next)]).unwrap_or_default()
                ),
                None => self.link(tenant, "/verify-email", &token),
            },
        );
        self.store
            .sign_up(tenant.id(), &email, name.as_str(), &hash, lang, &new_token, &mail, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                // Two sign-ups racing for one address: the loser gets the same message.
                ServiceError::Conflict(_) => ServiceError::field("email", "email_taken"),
                other => other,
            })
    }

    /// A token row that is unused and unexpired, else `InvalidLink`.
    pub(crate) async fn live_token(&self, tenant: TenantId, token: &str, purpose: TokenPurpose) -> Result<TokenRow> {
        let row = self
            .store
            .find_token(tenant, &tokens::hash_token(token), purpose)
            .await?;
        match row {
            Some(row) if row.used_at.is_none() && row.expires_at > self.clock.now() => Ok(row),
            _ => Err(ServiceError::InvalidLink),
        }
    }

    /// Confirms the address of a sign-up. Opening the link a second time is not an error: the
    /// address is verified already, and the person is told so.
    pub async fn verify_email(&self, tenant: TenantId, token: &str, request_id: Option<&str>) -> Result<Verification> {
        let found = self
            .store
            .find_token(tenant, &tokens::hash_token(token), TokenPurpose::VerifyEmail)
            .await?;
        if let Some(row) = &found
            && row.used_at.is_some()
        {
            return Ok(Verification::AlreadyVerified);
        }
        let row = self.live_token(tenant, token, TokenPurpose::VerifyEmail).await?;
        let ctx = self.ctx(tenant, row.user_id.map(UserId), request_id);
        self.store
            .verify_email(&row, &ctx)
            .await
            .map(Verification::Verified)
            .map_err(link_conflict_is_invalid)
    }

    /// Checks the credentials and opens a session. Failures are throttled per account and per
    /// client address with counters in the database, so the limit holds across instances.
    #[allow(clippy::too_many_arguments)]
    pub async fn log_in(
        &self,
        tenant: &TenantRow,
        lang: Lang,
        email: &str,
        password: &str,
        client: &str,
        request_id: Option<&str>,
    ) -> Result<NewSession> {
        let email_parsed = Email::parse("email", email);
        let password_missing = password.is_empty().then(|| FieldError::new("password", "required"));
        validate_all(&[email_parsed.clone().err(), password_missing]).map_err(ServiceError::Invalid)?;
        let Ok(email) = email_parsed else {
            return Err(ServiceError::WrongCredentials);
        };
        let now = self.clock.now();
        let window = Duration::minutes(LOGIN_WINDOW_MINUTES);
        let account_key = format!("login:{}:{}", tenant.id, email.as_str());
        let address_key = format!("login-ip:{client}");
        // Count the attempt before checking the password, atomically in the database: parallel
        // guesses cannot slip past the limit, whichever instance they reach. Success gives it back.
        let account_hits = self.store.rate_hit(&account_key, window, now).await?;
        let address_hits = self.store.rate_hit(&address_key, window, now).await?;
        if account_hits > LOGIN_LIMIT_PER_ACCOUNT || address_hits > LOGIN_LIMIT_PER_ADDRESS {
            return Err(ServiceError::Throttled);
        }
        let row = self.store.user_for_login(tenant.id(), &email).await?;
        let stored = row.as_ref().and_then(|r| r.password_hash.clone());
        let matches = self
            .hasher
            .verify(password, stored.as_deref().unwrap_or(Hasher::DUMMY_HASH))
            .await?;
        let Some(row) = row.filter(|_| matches && stored.is_some()) else {
            return Err(ServiceError::WrongCredentials);
        };
        self.store.rate_reset(&account_key).await?;
        self.store.rate_undo(&address_key).await?;
        if row.email_verified_at.is_none() {
            let sent = self
                .resend_verification(tenant, lang, UserId(row.id), request_id)
                .await?;
            return Err(ServiceError::Unverified { resent: sent });
        }
        let (token, token_hash) = tokens::new_token();
        let ctx = self.ctx(tenant.id(), Some(UserId(row.id)), request_id);
        let max_age = Duration::days(SESSION_DAYS);
        self.store
            .create_session(tenant.id(), UserId(row.id), &token_hash, now + max_age, &ctx)
            .await?;
        Ok(NewSession {
            token,
            user: UserId(row.id),
            max_age,
        })
    }

    async fn resend_verification(
        &self,
        tenant: &TenantRow,
        lang: Lang,
        user: UserId,
        request_id: Option<&str>,
    ) -> Result<bool> {
        let Some(u) = self.store.user_by_id(tenant.id(), user).await? else {
            return Ok(false);
        };
        let Some(email) = u.email.clone() else { return Ok(false) };
        if !self.may_send(tenant.id(), &email, TokenPurpose::VerifyEmail).await? {
            return Ok(false);
        }
        let ctx = self.ctx(tenant.id(), Some(user), request_id);
        let (token, token_hash) = tokens::new_token();
        let new_token = NewToken {
            token_hash,
            purpose: TokenPurpose::VerifyEmail,
            user_id: Some(user),
            email: email.clone(),
            role: None,
            org_id: None,
            expires_at: ctx.at + Duration::hours(VERIFY_HOURS),
        };
        let mail = unsolicited_mail(
            lang,
            &email,
            Some(&u.display_name),
            "mail-verify-subject",
            "mail-verify-body",
            &[
                ("tenant", tenant.name(lang).to_owned()),
                ("tenant_gen", tenant.name_genitive(lang)),
                ("tenant_acc", tenant.name_accusative(lang)),
            ],
            &self.link(tenant, "/verify-email", &token),
        );
        self.store.issue_token(tenant.id(), &new_token, &mail, &ctx).await?;
        Ok(true)
    }

    pub(crate) async fn may_send(&self, tenant: TenantId, email: &str, purpose: TokenPurpose) -> Result<bool> {
        let since = self.clock.now() - Duration::hours(1);
        Ok(self.store.count_recent_tokens(tenant, email, purpose, since).await? < MAILS_PER_HOUR)
    }

    pub async fn session(&self, tenant: TenantId, token: &str) -> Result<Option<SessionUser>> {
        Ok(self
            .store
            .session_user(tenant, &tokens::hash_token(token), self.clock.now())
            .await?)
    }

    pub async fn log_out(&self, actor: &Actor, token: &str) -> Result<()> {
        let Some(user) = actor.user else { return Ok(()) };
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .delete_session(&tokens::hash_token(token), user, &ctx)
            .await?;
        Ok(())
    }

    /// Sends a reset link when the address has an account. Says nothing either way, so the form
    /// cannot be used to find out who has an account.
    pub async fn forgot_password(&self, tenant: &TenantRow, email: &str, request_id: Option<&str>) -> Result<()> {
        let email = Email::parse("email", email).map_err(|e| ServiceError::Invalid(vec![e]))?;
        let Some(user) = self.store.user_by_email(tenant.id(), &email).await? else {
            return Ok(());
        };
        if !self
            .may_send(tenant.id(), email.as_str(), TokenPurpose::ResetPassword)
            .await?
        {
            return Ok(());
        }
        let ctx = self.ctx(tenant.id(), None, request_id);
        let (token, token_hash) = tokens::new_token();
        let new_token = NewToken {
            token_hash,
            purpose: TokenPurpose::ResetPassword,
            user_id: Some(user.id()),
            email: email.as_str().to_owned(),
            role: None,
            org_id: None,
            expires_at: ctx.at + Duration::hours(RESET_HOURS),
        };
        let lang = user.lang();
        let mail = unsolicited_mail(
            lang,
            email.as_str(),
            Some(&user.display_name),
            "mail-reset-subject",
            "mail-reset-body",
            &[
                ("tenant", tenant.name(lang).to_owned()),
                ("tenant_gen", tenant.name_genitive(lang)),
                ("tenant_acc", tenant.name_accusative(lang)),
            ],
            &self.link(tenant, "/password/reset", &token),
        );
        self.store.issue_token(tenant.id(), &new_token, &mail, &ctx).await?;
        Ok(())
    }

    /// Checks a reset link before showing the form.
    pub async fn check_reset_link(&self, tenant: TenantId, token: &str) -> Result<()> {
        self.live_token(tenant, token, TokenPurpose::ResetPassword)
            .await
            .map(|_| ())
    }

    pub async fn reset_password(
        &self,
        tenant: TenantId,
        token: &str,
        password: &str,
        request_id: Option<&str>,
    ) -> Result<UserId> {
        let row = self.live_token(tenant, token, TokenPurpose::ResetPassword).await?;
        let password = NewPassword::parse("password", password).map_err(|e| ServiceError::Invalid(vec![e]))?;
        let hash = self.hasher.hash(password.expose()).await?;
        let ctx = self.ctx(tenant, row.user_id.map(UserId), request_id);
        self.store
            .reset_password(&row, &hash, &ctx)
            .await
            .map_err(link_conflict_is_invalid)
    }

    async fn current_password_error(
        &self,
        tenant: TenantId,
        user: UserId,
        field: &'static str,
        password: &str,
    ) -> Result<Option<FieldError>> {
        if password.is_empty() {
            return Ok(Some(FieldError::new(field, "required")));
        }
        let hash = self
            .store
            .password_hash(tenant, user)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok((!self.hasher.verify(password, &hash).await?).then(|| FieldError::new(field, "password_wrong")))
    }

    /// Changes the password; every session of the account ends, including the current one.
    pub async fn change_password(&self, actor: &Actor, current: &str, new: &str) -> Result<()> {
        let user = actor.require_user(Action::ManageOwnAccount)?;
        let new = NewPassword::parse("new_password", new);
        let current_err = self
            .current_password_error(actor.tenant, user, "current_password", current)
            .await?;
        validate_all(&[current_err, new.clone().err()]).map_err(ServiceError::Invalid)?;
        let Ok(new) = new else {
            return Err(ServiceError::field("new_password", "required"));
        };
        let hash = self.hasher.hash(new.expose()).await?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store.change_password(actor.tenant, user, &hash, &ctx).await?;
        Ok(())
    }

    /// The language the person's e-mails are written in, chosen on their account page. `lang`
    /// is the form's value (`sq`, `en`); the language the pages are shown in is a separate,
    /// per-browser choice.
    pub async fn set_mail_language(&self, actor: &Actor, lang: &str) -> Result<Lang> {
        let user = actor.require_user(Action::ManageOwnAccount)?;
        let lang = Lang::parse(lang.trim()).ok_or_else(|| ServiceError::field("mail_lang", "choice_invalid"))?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store.set_user_lang(actor.tenant, user, lang, &ctx).await?;
        Ok(lang)
    }

    /// Sends a confirmation link to the new address; the change happens when it is opened.
    pub async fn request_email_change(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        lang: Lang,
        new_email: &str,
    ) -> Result<()> {
        let user = actor.require_user(Action::ManageOwnAccount)?;
        let email = Email::parse("new_email", new_email).map_err(|e| ServiceError::Invalid(vec![e]))?;
        if self.store.user_by_email(tenant.id(), &email).await?.is_some() {
            return Err(ServiceError::field("new_email", "email_taken"));
        }
        if !self
            .may_send(tenant.id(), email.as_str(), TokenPurpose::ChangeEmail)
            .await?
        {
            return Err(ServiceError::Throttled);
        }
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        let (token, token_hash) = tokens::new_token();
        let new_token = NewToken {
            token_hash,
            purpose: TokenPurpose::ChangeEmail,
            user_id: Some(user),
            email: email.as_str().to_owned(),
            role: None,
            org_id: None,
            expires_at: ctx.at + Duration::hours(VERIFY_HOURS),
        };
        let mail = unsolicited_mail(
            lang,
            email.as_str(),
            None,
            "mail-change-email-subject",
            "mail-change-email-body",
            &[
                ("tenant", tenant.name(lang).to_owned()),
                ("tenant_gen", tenant.name_genitive(lang)),
                ("tenant_acc", tenant.name_accusative(lang)),
            ],
            &self.link(tenant, "/account/email/confirm", &token),
        );
        self.store.issue_token(tenant.id(), &new_token, &mail, &ctx).await?;
        Ok(())
    }

    pub async fn confirm_email_change(
        &self,
        tenant: TenantId,
        token: &str,
        request_id: Option<&str>,
    ) -> Result<UserId> {
        let row = self.live_token(tenant, token, TokenPurpose::ChangeEmail).await?;
        let ctx = self.ctx(tenant, row.user_id.map(UserId), request_id);
        self.store
            .confirm_email_change(&row, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(field) if field == "token" => ServiceError::InvalidLink,
                ServiceError::Conflict(_) => ServiceError::field("new_email", "email_taken"),
                other => other,
            })
    }

    /// Deletes the signed-in person's account after re-checking their password.
    pub async fn delete_account(&self, actor: &Actor, lang: Lang, password: &str) -> Result<()> {
        let user = actor.require_user(Action::ManageOwnAccount)?;
        if let Some(err) = self
            .current_password_error(actor.tenant, user, "confirm_password", password)
            .await?
        {
            return Err(ServiceError::Invalid(vec![err]));
        }
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        let anonymous = format!("{} #{}", views::t(lang, "anonymous-name"), user.0);
        self.store.delete_account(actor.tenant, user, &anonymous, &ctx).await?;
        Ok(())
    }
}
