//! Pages of the forum: its public pages and texts (`setup`), members (`members`), meetings
//! (`meetings`), minutes, decisions and action items (`minutes`), health (`health`).
//! Templates are in `templates/forum/`, texts in `locales/<lang>/forum*.ftl`.

pub mod health;
pub mod meetings;
pub mod members;
pub mod minutes;
pub mod setup;
