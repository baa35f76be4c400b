//! Pages of commitments: drafting, versions and comments (`drafts`), the quality panel
//! (`quality`), the public list and page (`public`), the library (`library`) and OGP's CSV
//! import report (`ogp`).
