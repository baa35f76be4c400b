//! Domain types shared by every layer of bashke.
//!
//! Values are parsed once at the edge (`parse` constructors) so that the rest of the code can
//! rely on them being valid: an [`Email`] is always a syntactically valid, lower-cased address,
//! a [`NewPassword`] always satisfies the password policy, and so on.

//!
//! `common/` holds the values every stage uses (ids, texts, e-mail addresses, languages);
//! `permission.rs` is the one table of who may do what; each stage of the cycle has a folder of
//! its own rules (`open_call/`, `forum/`), named as in every other layer.

pub mod commitments;
pub mod common;
pub mod forum;
pub mod input;
pub mod open_call;
pub mod permission;
pub mod role;

pub use common::{
    audit::{AuditAction, AuditKind},
    ids::{ApplicationId, CallId, ForumId, MeetingId, MemberId, NewsId, OrgId, TenantId, UserId},
    lang::Lang,
    values::{Email, FieldError, NewPassword, OrgKind, SizeBand, Slug, Text, check_characters, fold, validate_all},
};
pub use permission::{Action, Principal};
pub use role::{Role, RoleSet};
