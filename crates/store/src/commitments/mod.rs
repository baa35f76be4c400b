//! Commitments: the template's versions (`templates`), drafts with their versions, milestones and
//! links to inputs (`drafts`), the forum's comments (`comments`), statuses (`statuses`), the
//! public list and page (`public`), the library across municipalities (`library`) and OGP's CSV
//! in and out (`ogp`). Every statement filters by tenant, except the library's reads of what
//! every municipality has published.
pub mod comments;
pub mod drafts;
pub mod library;
pub mod ogp;
pub mod public;
pub mod statuses;
pub mod templates;
