//! Forum pages: meetings.
