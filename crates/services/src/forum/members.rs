//! Forum: members (use cases).
