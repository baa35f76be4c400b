//! Domain types shared by every layer of bashke.
//!
//! Values are parsed once at the edge (`parse` constructors) so that the rest of the code can
//! rely on them being valid: an [`Email`] is always a syntactically valid, lower-cased address,
//! a [`NewPassword`] always satisfies the password policy, and so on.

pub mod calls;
pub mod ids;
pub mod lang;
pub mod permission;
pub mod role;
pub mod values;

pub use ids::{ApplicationId, CallId, NewsId, OrgId, TenantId, UserId};
pub use lang::Lang;
pub use permission::{Action, Principal};
pub use role::{Role, RoleSet};
pub use values::{Email, FieldError, NewPassword, OrgKind, SizeBand, Slug, Text, validate_all};
