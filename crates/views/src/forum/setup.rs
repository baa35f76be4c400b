//! Forum pages: setup.
