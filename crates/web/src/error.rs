//! One error type for every handler, with two renderings: an HTML page in the visitor's
//! language, or the JSON shape of the API. A handler returns `Err(AppError)`; the response
//! carries the error as an extension and `ctx::request_context`, which knows the tenant, the
//! language and the request id, renders it. Internal details are logged, never shown.

use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
};
use domain::FieldError;
use services::ServiceError;

#[derive(Debug)]
pub enum AppError {
    NotFound,
    Forbidden,
    /// The page needs a signed-in person: HTML goes to the log-in page, the API answers 401.
    LoginRequired,
    BadRequest,
    UnknownLanguage,
    UnknownTenant,
    CsrfRejected,
    Conflict,
    /// An e-mailed link that is expired, used already or unknown.
    InvalidLink,
    /// The path exists, not with this method.
    MethodNotAllowed,
    PayloadTooLarge,
    TooManyRequests,
    /// Validation errors of an API payload (HTML forms are shown again instead).
    Invalid(Vec<FieldError>),
    Internal(anyhow::Error),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound | AppError::UnknownTenant => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::CsrfRejected => StatusCode::FORBIDDEN,
            AppError::LoginRequired => StatusCode::UNAUTHORIZED,
            AppError::BadRequest | AppError::UnknownLanguage => StatusCode::BAD_REQUEST,
            AppError::Conflict => StatusCode::CONFLICT,
            AppError::InvalidLink => StatusCode::BAD_REQUEST,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Stable snake_case code of the JSON API.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::UnknownTenant => "unknown_tenant",
            AppError::Forbidden => "forbidden",
            AppError::CsrfRejected => "cross_site_request",
            AppError::LoginRequired => "login_required",
            AppError::BadRequest => "bad_request",
            AppError::UnknownLanguage => "unknown_language",
            AppError::Conflict => "conflict",
            AppError::InvalidLink => "invalid_link",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::TooManyRequests => "too_many_requests",
            AppError::Invalid(_) => "invalid",
            AppError::Internal(_) => "internal",
        }
    }

    /// Fluent keys of the page's heading and text.
    pub fn text_keys(&self) -> (&'static str, &'static str) {
        match self {
            AppError::NotFound => ("error-404-title", "error-404-text"),
            AppError::UnknownTenant => ("error-unknown-tenant-title", "error-unknown-tenant-text"),
            AppError::Forbidden | AppError::LoginRequired => ("error-403-title", "error-403-text"),
            AppError::CsrfRejected => ("error-403-title", "error-csrf-text"),
            AppError::BadRequest => ("error-400-title", "error-400-text"),
            AppError::UnknownLanguage => ("error-400-title", "error-unknown-language"),
            AppError::Conflict => ("error-409-title", "error-409-text"),
            AppError::InvalidLink => ("link-invalid-title", "link-invalid-text"),
            AppError::MethodNotAllowed => ("error-405-title", "error-405-text"),
            AppError::PayloadTooLarge => ("error-413-title", "error-413-text"),
            AppError::TooManyRequests => ("error-429-title", "error-429-text"),
            AppError::Invalid(_) => ("error-422-title", "error-422-text"),
            AppError::Internal(_) => ("error-500-title", "error-500-text"),
        }
    }

    /// The error a bare status from a lower layer (body limit, CSRF, routing) stands for.
    pub fn from_status(status: StatusCode) -> AppError {
        match status {
            StatusCode::NOT_FOUND => AppError::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
            StatusCode::FORBIDDEN => AppError::CsrfRejected,
            StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
            StatusCode::TOO_MANY_REQUESTS => AppError::TooManyRequests,
            StatusCode::UNAUTHORIZED => AppError::LoginRequired,
            StatusCode::CONFLICT => AppError::Conflict,
            s if s.is_client_error() => AppError::BadRequest,
            _ => AppError::Internal(anyhow::anyhow!("status {status} from a lower layer")),
        }
    }
}

/// Marks a response as an error still to be rendered by the request-context middleware.
#[derive(Clone)]
pub struct PendingError(pub std::sync::Arc<AppError>);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(err) = &self {
            tracing::error!(error = ?err, "internal error");
        }
        let mut response = self.status().into_response();
        response
            .extensions_mut()
            .insert(PendingError(std::sync::Arc::new(self)));
        response
    }
}

impl From<ServiceError> for AppError {
    fn from(err: ServiceError) -> Self {
        match err {
            ServiceError::Invalid(fields) => AppError::Invalid(fields),
            ServiceError::NotFound => AppError::NotFound,
            ServiceError::InvalidLink => AppError::InvalidLink,
            ServiceError::Forbidden => AppError::Forbidden,
            ServiceError::Throttled => AppError::TooManyRequests,
            ServiceError::Conflict(_) => AppError::Conflict,
            ServiceError::LoginRequired | ServiceError::WrongCredentials | ServiceError::Unverified { .. } => {
                AppError::LoginRequired
            }
            ServiceError::Internal(e) => AppError::Internal(e),
        }
    }
}

impl From<store::StoreError> for AppError {
    fn from(err: store::StoreError) -> Self {
        AppError::from(ServiceError::from(err))
    }
}

impl From<askama::Error> for AppError {
    fn from(err: askama::Error) -> Self {
        AppError::Internal(err.into())
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;
