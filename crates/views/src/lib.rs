//! Everything a person reads: page templates (`templates/`), their texts in Albanian and
//! English (`locales/`), the stylesheet (`static/`), and the Markdown renderer for texts that
//! coordinators write.
//!
//! One struct per page template. Handlers fill them with display-ready values (already
//! translated where the text comes from the database), so templates hold no business logic.
//!
//! The crate is laid out in stage folders, the same five names in the Rust modules, in
//! `templates/` and in each `locales/<lang>/` folder:
//!
//! | stage       | module        | templates               | texts            |
//! |-------------|---------------|-------------------------|------------------|
//! | shared      | [`common`]    | `templates/common/`     | `common.ftl`     |
//! | accounts    | [`people`]    | `templates/people/`     | `people.ftl`     |
//! | public site | [`content`]   | `templates/content/`    | `content.ftl`    |
//! | open calls  | [`open_call`] | `templates/open_call/`  | `open_call.ftl`  |
//! | forum       | [`forum`]     | `templates/forum/`      | `forum*.ftl`     |
//! | operations  | [`platform`]  | `templates/platform/`   | `platform.ftl`   |
//!
//! Every page extends `common/base.html`. Staff pages live in the folder of their stage and
//! their file names start with `admin_` (after the `_` of a partial: `_admin_nav.html`). All
//! page structs are re-exported at the crate root, so `views::LoginPage` works as well as
//! `views::people::LoginPage`. Every `.ftl` file of a language folder is loaded into the same
//! bundle, so a key is used the same way whichever file defines it; the tests in [`i18n`]
//! check that both languages have the same files and keys and that no key is defined twice.

pub mod commitments;
pub mod common;
pub mod content;
pub mod forum;
pub mod i18n;
pub mod input;
pub mod markdown;
pub mod open_call;
pub mod people;
pub mod platform;

pub use common::*;
pub use content::*;
#[allow(unused_imports)] // the forum's parts still to come fill the empty modules
pub use forum::{health::*, meetings::*, members::*, minutes::*, setup::*};
pub use i18n::{Translator, decimal, t, t_args};
pub use open_call::*;
pub use people::*;
pub use platform::*;

/// The one stylesheet, embedded so that the binary needs no files beside it.
pub const STYLESHEET: &str = include_str!("../static/site.css");
