//! Pages of commitments: drafting, versions and comments (`drafts`), the quality panel
//! (`quality`), the public list and page (`public`), the library (`library`) and OGP's CSV
//! import report (`ogp`).
pub mod drafts;
pub mod library;
pub mod ogp;
pub mod public;
pub mod quality;
pub mod settings;
