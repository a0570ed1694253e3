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
    /// The graph being served lacks a part an answer needs; a fault of the
    /// server, not of the request.
    #[error("{0}")]
    Internal(String),
    /// The picture of a view could not be laid out: a fault of the server.
    #[error("the picture could not be laid out")]
    LayoutFailed,
}

impl ApiError {
    /// The value of `extensions.code`.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadArgument { .. } | ApiError::BadCursor(_) => "BAD_USER_INPUT",
            ApiError::NotFound { .. } => "NOT_FOUND",
            ApiError::Internal(_) => "INTERNAL_SERVER_ERROR",
            ApiError::LayoutFailed => "LAYOUT_FAILED",
        }
    }
}

impl ErrorExtensions for ApiError {
    fn extend(&self) -> FieldError {
        let code = self.code();
        FieldError::new(self.to_string()).extend_with(|_, extensions| extensions.set("code", code))
    }
}

/// Gives every error async-graphql raised itself (parse errors, failed
/// validation, exceeded limits) an `extensions.code` too, so clients can
/// branch on codes alone.
pub fn add_codes(response: &mut async_graphql::Response) {
    let rejected = response.data == async_graphql::Value::Null;
    for error in &mut response.errors {
        let has_code = error
            .extensions
            .as_ref()
            .is_some_and(|ext| ext.get("code").is_some());
        if has_code {
            continue;
        }
        let code = match error.message.as_str() {
            "Query is too complex." => "QUERY_TOO_COMPLEX",
            "Query is nested too deep." | "recursion limit exceeded." => "QUERY_TOO_DEEP",
            message if message.trim_start().starts_with("-->") => "GRAPHQL_PARSE_FAILED",
            _ if rejected => "GRAPHQL_VALIDATION_FAILED",
            _ => "INTERNAL_SERVER_ERROR",
        };
        error
            .extensions
            .get_or_insert_with(Default::default)
            .set("code", code);
    }
}
