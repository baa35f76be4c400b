//! Public input: phases and themes (`phases`), inputs and their list, counts and search
//! (`inputs`, `search`), comments, supports and following (`discussion`), e-mails to followers
//! and digests (`notifications`), reports, hidings and appeals (`moderation`), clusters, merges and
//! similarity proposals (`grouping`), reasoned answers and coverage (`answers`), and the open
//! data exports (`open_data`); `load` writes the benchmark's bulk rows. Every statement filters by tenant.

pub mod answers;
pub mod discussion;
pub mod grouping;
pub mod inputs;
pub mod load;
pub mod moderation;
pub mod notifications;
pub mod open_data;
pub mod phases;
pub mod search;
