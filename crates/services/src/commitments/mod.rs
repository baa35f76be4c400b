//! Use cases of commitments, one file per concern as in `store::commitments`: `templates` (the
//! template's labels and the commitment settings), `drafts` (create, save a version, compare,
//! link inputs, start from a library entry), `comments`, `statuses` (with who may move what),
//! `public` (the public list and page), `library` (search across municipalities) and `ogp` (import
//! and export of OGP's CSV and JSON).
pub mod comments;
pub mod drafts;
pub mod library;
pub mod ogp;
pub mod public;
pub mod quality;
pub mod settings;
pub mod statuses;
pub mod templates;
