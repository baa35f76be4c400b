//! Use cases of public input, one file per concern as in `store::input`: `phases` (the
//! coordinator's phases and settings), `inputs` (submit, edit, withdraw, the list and search),
//! `discussion` (comments, supports, following), `notifications` (e-mails to followers, the daily
//! digest, unsubscribing), `moderation` (reports, hiding, appeals, rate limits), `grouping`
//! (clusters, merges, similarity proposals), `answers` (reasoned answers and the coverage
//! indicator, OGP Local's check 8) and `open_data` (API reads, Atom feeds, CSV).

pub mod answers;
pub mod discussion;
pub mod grouping;
pub mod inputs;
pub mod moderation;
pub mod notifications;
pub mod open_data;
pub mod phases;
