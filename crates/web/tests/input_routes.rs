//! Public input's route × role rules, shared by `input_submit.rs`, `input_discussion.rs` and
//! `input_answers.rs` (to be written: the fixture and `check_route`).

/// Who may use an input route.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Who {
    Anyone,
}
