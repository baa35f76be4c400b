//! What every stage uses: the audit log, the e-mail outbox, rate counters and the error type.

pub mod audit;
pub mod error;
pub mod outbox;
pub mod rate;
