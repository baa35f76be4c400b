//! Word-level comparison of two versions of a commitment, field by field (`similar`), so that a
//! reader sees what changed without JavaScript.
