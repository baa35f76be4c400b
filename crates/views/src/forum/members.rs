//! Forum pages: members.
