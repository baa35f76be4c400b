//! Forum: health (use cases).
