//! Forum pages: minutes.
