//! The discussion under an input (comments with one level of replies, support, following) and
//! the notification settings page. (To be written by the discussion part.)

/// What the input page shows under the input: rendered by `templates/input/_thread.html`, which
/// the input page includes. Built by `web::html::input::discussion::thread_for`.
#[derive(Default)]
pub struct Thread {}
