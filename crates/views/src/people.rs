//! Pages of the people stage: signing up, logging in, resetting a password, the account page,
//! organisations, invitations, and the staff page of people and their roles.
//! Templates: `templates/people/`.

use askama::Template;

use crate::common::{Choice, Form, PageCtx};

#[derive(Template)]
#[template(path = "people/signup.html")]
pub struct SignupPage {
    pub p: PageCtx,
    pub form: Form,
    /// Where to go after verifying and logging in (a local path), or empty.
    pub next: String,
    /// `next=…` for the link to the log-in page, or empty.
    pub next_query: String,
}

#[derive(Template)]
#[template(path = "people/login.html")]
pub struct LoginPage {
    pub p: PageCtx,
    pub form: Form,
    /// A message that concerns the whole form (wrong password, throttled).
    pub problem: Option<String>,
    pub next: String,
    /// `next=…` for the link to the sign-up page, or empty.
    pub next_query: String,
}

#[derive(Template)]
#[template(path = "people/forgot.html")]
pub struct ForgotPage {
    pub p: PageCtx,
    pub form: Form,
}

#[derive(Template)]
#[template(path = "people/reset.html")]
pub struct ResetPage {
    pub p: PageCtx,
    pub form: Form,
    pub token: String,
}

#[derive(Debug, Clone)]
pub struct OrgSummary {
    pub id: i64,
    pub name: String,
    pub kind: String,
}

#[derive(Template)]
#[template(path = "people/account.html")]
pub struct AccountPage {
    pub p: PageCtx,
    pub display_name: String,
    pub email: String,
    pub roles: Vec<String>,
    pub orgs: Vec<OrgSummary>,
    pub password_form: Form,
    pub email_form: Form,
    pub delete_form: Form,
    /// The saved language of the person's e-mails (`sq`, `en`).
    pub mail_lang: String,
    pub language_form: Form,
}

#[derive(Template)]
#[template(path = "people/org_form.html")]
pub struct OrgFormPage {
    pub p: PageCtx,
    pub form: Form,
    /// `None` when creating.
    pub org_id: Option<i64>,
    /// Where to go once created (e.g. back to an application being started).
    pub next: String,
    pub kinds: Vec<Choice>,
    pub sizes: Vec<Choice>,
    pub fields: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "people/org_show.html")]
pub struct OrgPage {
    pub p: PageCtx,
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub registration_number: Option<String>,
    pub size: String,
    pub fields: Vec<String>,
    pub area: String,
    pub website: String,
    pub mission_html: String,
    pub members: Vec<(String, bool)>,
    pub is_member: bool,
    pub invite_form: Form,
}

#[derive(Template)]
#[template(path = "people/invite_accept.html")]
pub struct InviteAcceptPage {
    pub p: PageCtx,
    pub what: String,
    pub token: String,
    pub action: String,
}

#[derive(Debug, Clone)]
pub struct PersonView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<(String, String)>,
    pub grantable: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "people/admin_people.html")]
pub struct PeoplePage {
    pub p: PageCtx,
    pub people: Vec<PersonView>,
    pub q: String,
    pub page: i64,
    pub has_next: bool,
    pub invite_form: Form,
    pub roles: Vec<Choice>,
}
