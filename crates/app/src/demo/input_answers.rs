//! The demo grouping and answers: one cluster and several answers of each status. (To be written.)
