//! What every page shares: [`PageCtx`] (tenant, language, signed-in person, flash message),
//! the [`Form`] and [`Choice`] helpers that forms are built from, and the two generic pages,
//! [`MessagePage`] and [`ErrorPage`]. Templates: `templates/common/` (`base.html`, the layout
//! every page extends, and `_forms.html`, the form macros).

use std::collections::HashMap;

use askama::Template;
use domain::{FieldError, Lang};

use crate::i18n::{t, t_args, t_opt};

/// What every page shows: the tenant, the language, the signed-in person, the flash message.
#[derive(Debug, Clone)]
pub struct PageCtx {
    pub lang: Lang,
    pub tenant_name: String,
    pub logo_url: Option<String>,
    pub contact_email: String,
    /// Path of the current page, for the language switcher.
    pub path: String,
    /// The page's other query parameters, URL-encoded, kept when the language changes.
    pub query: String,
    pub user_name: Option<String>,
    pub is_staff: bool,
    pub is_platform_admin: bool,
    pub is_reviewer: bool,
    /// Moderates public input: the menu links to the reports waiting.
    pub is_moderator: bool,
    pub flash: Option<String>,
    pub title: String,
}

impl PageCtx {
    pub fn t(&self, key: &str) -> String {
        t(self.lang, key)
    }
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        t_args(self.lang, key, &[(name, value.to_owned())])
    }
    /// Translates the key made of `prefix` and `key`, e.g. ("call-phase-", "open").
    pub fn tp(&self, prefix: &str, key: &str) -> String {
        t(self.lang, &format!("{prefix}{key}"))
    }
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }
    /// The other languages, as (code, native name, link) for the switcher.
    pub fn other_langs(&self) -> Vec<(&'static str, &'static str, String)> {
        Lang::ALL
            .into_iter()
            .filter(|l| *l != self.lang)
            .map(|l| {
                let sep = if self.query.is_empty() { "" } else { "&" };
                (
                    l.code(),
                    l.native_name(),
                    format!("{}?{}{sep}lang={}", self.path, self.query, l.code()),
                )
            })
            .collect()
    }
}

/// Values typed into a form and the errors found in them, so a form is shown again with
/// nothing lost and each message next to its field.
#[derive(Debug, Clone, Default)]
pub struct Form {
    pub values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
}

impl Form {
    pub fn new(values: HashMap<String, String>) -> Self {
        Form {
            values,
            errors: Vec::new(),
        }
    }
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }
    pub fn v(&self, field: &str) -> &str {
        self.values.get(field).map(String::as_str).unwrap_or("")
    }
    pub fn checked(&self, field: &str, value: &str) -> bool {
        self.v(field).split(',').any(|x| x == value)
    }
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
    /// The translated message for `field`, if it has an error.
    pub fn err(&self, lang: &Lang, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| error_message(*lang, e))
    }
    /// Translated messages for the error summary at the top of the form.
    pub fn summary(&self, lang: &Lang) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|e| (e.field.to_owned(), summary_line(*lang, e)))
            .collect()
    }
}

/// The message for one field error in `lang`: the code's text (`error-too-long` for
/// `too_long`), with the limit when there is one ("at most 200 characters").
pub fn error_message(lang: Lang, error: &FieldError) -> String {
    let key = format!("error-{}", error.code.replace('_', "-"));
    match error.limit {
        Some(limit) => t_args(lang, &key, &[("limit", limit.to_string())]),
        None => t(lang, &key),
    }
}

/// The error summary's line for a field error: the field's label (`field-…` in the `.ftl`
/// files), then the message, so that the summary says which field it means.
pub fn summary_line(lang: Lang, error: &FieldError) -> String {
    let message = error_message(lang, error);
    match t_opt(lang, &format!("field-{}", error.field.replace('_', "-"))) {
        Some(label) => format!("{label}: {message}"),
        None => message,
    }
}

/// The second step of a weighty action: says what will happen, to whom, and asks once more.
/// The confirming form posts the same fields again with `confirmed=yes`; "cancel" is a link.
#[derive(Template)]
#[template(path = "common/confirm.html")]
pub struct ConfirmPage {
    pub p: PageCtx,
    pub heading: String,
    pub text: String,
    pub action: String,
    /// Hidden fields posted with the confirmation (besides `confirmed=yes`).
    pub fields: Vec<(String, String)>,
    pub confirm_label: String,
    pub cancel_href: String,
}

/// A page with a heading, a paragraph and an optional link: "check your e-mail", "link expired".
#[derive(Template)]
#[template(path = "common/message.html")]
pub struct MessagePage {
    pub p: PageCtx,
    pub heading: String,
    pub text: String,
    pub link: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "common/error.html")]
pub struct ErrorPage {
    pub p: PageCtx,
    pub status: u16,
    pub heading: String,
    pub text: String,
    pub request_id: String,
}

/// A choice in a select or a group of checkboxes.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
}
