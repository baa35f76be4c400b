//! (to be written: see input/mod.rs)
