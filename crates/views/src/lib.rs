//! Everything a person reads: page templates (`templates/`), their texts in Albanian and
//! English (`locales/`), the stylesheet (`static/`), and the Markdown renderer for texts that
//! coordinators write.

pub mod i18n;
pub mod markdown;
pub mod pages;

pub use i18n::{Translator, t, t_args};
pub use pages::*;

/// The one stylesheet, embedded so that the binary needs no files beside it.
pub const STYLESHEET: &str = include_str!("../static/site.css");
