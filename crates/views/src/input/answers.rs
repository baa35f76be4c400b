//! The answer to an input or a cluster, the coverage indicator, and the answer form. (To be
//! written by the answers part.)

/// What the input page shows about the input's answer and cluster: rendered by
/// `templates/input/_answer.html`, which the input page includes. Built by
/// `web::html::input::answers::panel_for`.
#[derive(Default)]
pub struct AnswerPanel {}
