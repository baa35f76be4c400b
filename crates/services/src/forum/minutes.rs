//! Forum: minutes (use cases).
