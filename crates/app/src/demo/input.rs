//! The demo's public input (issue 9): an open input phase in Elbasan with themes from the seed
//! call and ALBSN0001, and about 40 inputs across the administrative units. (To be written.)

use domain::UserId;

/// What the later parts of the input demo build on.
pub struct InputDemo {
    pub phase: i64,
    /// The inputs, in the order they were created.
    pub inputs: Vec<i64>,
    /// Citizens who wrote them (verified accounts with the demo password).
    pub citizens: Vec<UserId>,
    /// `moderatori@demo.bashke.al`.
    pub moderator: UserId,
}
