//! The demo discussion of inputs: comments, supports, follows, a report and a hidden comment. (To be written.)
