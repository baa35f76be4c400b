//! Forum: setup (use cases).
