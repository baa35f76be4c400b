use domain::FieldError;
use store::StoreError;
use thiserror::Error;

/// What can go wrong in a use case. The web layer maps each variant to a status code and a
/// translated message; `Internal` details are logged, never shown.
#[derive(Debug, Error)]
pub enum ServiceError {
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("wrong e-mail or password")]
    WrongCredentials,
    /// The password was right but the address is not verified; `resent` tells whether a new
    /// link went out (it does not once the hourly limit is reached).
    #[error("e-mail address not verified")]
    Unverified { resent: bool },
    #[error("too many attempts")]
    Throttled,
    #[error("link expired, used or unknown")]
    InvalidLink,
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// The anonymous public asked for something that needs an account.
    #[error("login required")]
    LoginRequired,
    #[error("conflict on {0}")]
    Conflict(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl ServiceError {
    pub fn field(field: &'static str, code: &'static str) -> Self {
        ServiceError::Invalid(vec![FieldError::new(field, code)])
    }
}

impl From<StoreError> for ServiceError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => ServiceError::NotFound,
            StoreError::Conflict { field } => ServiceError::Conflict(field),
            other => ServiceError::Internal(other.into()),
        }
    }
}

pub type Result<T, E = ServiceError> = std::result::Result<T, E>;
