//! What every stage's use cases share: the clock, the error type, e-mail texts and the outbox
//! worker, password hashing and one-time tokens.

use domain::Lang;

pub mod clock;
pub mod error;
pub mod mailer;
pub mod mails;
pub mod password;
pub mod tokens;

/// Text in `lang`, falling back to Albanian when the English one is empty.
pub fn localized<'a>(lang: Lang, sq: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::En if !en.trim().is_empty() => en,
        _ => sq,
    }
}
