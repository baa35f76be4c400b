//! Forum: minutes (store).
