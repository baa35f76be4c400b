//! (to be written) Behaviour over HTTP on both databases, and this part's route × role table.

use crate::input_routes::Who;

/// Every route of this part with who may use it (paths with `{placeholders}`).
pub const ROUTES: &[(&str, &str, Who)] = &[];
