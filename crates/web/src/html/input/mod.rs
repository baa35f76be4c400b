//! Public input: phases (coordinator), inputs (list, page, form, edit, withdraw), discussion
//! (comments, supports, following, unsubscribing), moderation (reports, hiding, appeals),
//! grouping (clusters, merges, proposals), answers (and coverage) and feeds (Atom, CSV).

mod answers;
mod discussion;
mod feeds;
mod grouping;
mod inputs;
mod moderation;
mod phases;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(phases::router())
        .merge(inputs::router())
        .merge(discussion::router())
        .merge(moderation::router())
        .merge(grouping::router())
        .merge(answers::router())
        .merge(feeds::router())
}
