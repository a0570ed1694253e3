//! Errors the API returns, each with a stable `extensions.code`.

use async_graphql::{ErrorExtensions, FieldError};
use thiserror::Error;

/// A request the API cannot answer as asked.
#[derive(Debug, Error)]
pub enum ApiError {
    /// An argument is outside its accepted range (`first: -1`).
    #[error("{argument}: {reason}")]
    BadArgument {
        argument: &'static str,
        reason: String,
    },
    /// A cursor that this API did not produce.
    #[error("invalid cursor `{0}`")]
    BadCursor(String),
    /// A name that matches no node where one is required.
    #[error("no {kind} named `{name}`")]
    NotFound { kind: &'static str, name: String },
}

impl ApiError {
    /// The value of `extensions.code`.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadArgument { .. } | ApiError::BadCursor(_) => "BAD_USER_INPUT",
            ApiError::NotFound { .. } => "NOT_FOUND",
        }
    }
}

impl ErrorExtensions for ApiError {
    fn extend(&self) -> FieldError {
        let code = self.code();
        FieldError::new(self.to_string()).extend_with(|_, extensions| extensions.set("code", code))
    }
}
