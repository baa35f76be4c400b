//! Forum: meetings (use cases).
