//! The forum of a cycle: its texts and their versions (`setup`), members (`members`), meetings
//! with agendas, documents and invitations (`meetings`), attendance, minutes, decisions and action
//! items (`minutes`), and the figures of its health indicators (`health`).

pub mod health;
pub mod meetings;
pub mod members;
pub mod minutes;
pub mod setup;
