//! Forum pages: health.
