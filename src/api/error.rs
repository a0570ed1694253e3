//! Errors the API returns, each with a stable `extensions.code`, and
//! [`Code`]: the one place every code the API and the server answer with
//! is spelled.

use async_graphql::{ErrorExtensionValues, ErrorExtensions, FieldError, ServerError};
use thiserror::Error;

/// Every value of `extensions.code`, over GraphQL and over HTTP. Clients
/// branch on these, so a variant is never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// An argument outside its range, or a cursor this API did not make.
    BadUserInput,
    /// A name that matches no node where one is required.
    NotFound,
    /// Names in a recommendation that match nothing; the answer is still given.
    UnknownName,
    /// A fault of the server, not of the request.
    InternalServerError,
    /// The picture of a view could not be laid out.
    LayoutFailed,
    /// The query text is not GraphQL.
    GraphqlParseFailed,
    /// The query does not fit the schema, or names an operation it lacks.
    GraphqlValidationFailed,
    /// The query costs more than `--max-complexity`.
    QueryTooComplex,
    /// The query nests deeper than `--max-depth`.
    QueryTooDeep,
    /// `__schema` or `__type` asked of a server run with `--no-introspection`.
    IntrospectionDisabled,
    /// The body is not a GraphQL request over HTTP.
    BadRequest,
    /// A method the route does not answer, or a mutation over GET.
    MethodNotAllowed,
    /// A POST body that is not `application/json`.
    UnsupportedMediaType,
    /// The client accepts neither GraphQL response type.
    NotAcceptable,
    /// The body is larger than `--max-body-bytes`.
    PayloadTooLarge,
    /// The query text is longer than `--max-query-bytes`.
    QueryTooLong,
    /// A batch holds more operations than `--max-batch-len`.
    BatchTooLong,
    /// The body or the query took longer than allowed.
    Timeout,
    /// The answer would be larger than `--max-response-bytes`.
    ResponseTooLarge,
    /// `--ws-max-connections` WebSockets are open already.
    TooManyConnections,
    /// A persisted-query hash the server does not know yet.
    PersistedQueryNotFound,
    /// With `--persisted-only`, an id the operation list does not hold.
    PersistedQueryNotInList,
    /// With `--persisted-only`, a query sent in full that is not listed.
    QueryNotInPersistedQueryList,
}

impl Code {
    /// The code as clients read it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::BadUserInput => "BAD_USER_INPUT",
            Code::NotFound => "NOT_FOUND",
            Code::UnknownName => "UNKNOWN_NAME",
            Code::InternalServerError => "INTERNAL_SERVER_ERROR",
            Code::LayoutFailed => "LAYOUT_FAILED",
            Code::GraphqlParseFailed => "GRAPHQL_PARSE_FAILED",
            Code::GraphqlValidationFailed => "GRAPHQL_VALIDATION_FAILED",
            Code::QueryTooComplex => "QUERY_TOO_COMPLEX",
            Code::QueryTooDeep => "QUERY_TOO_DEEP",
            Code::IntrospectionDisabled => "INTROSPECTION_DISABLED",
            Code::BadRequest => "BAD_REQUEST",
            Code::MethodNotAllowed => "METHOD_NOT_ALLOWED",
            Code::UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
            Code::NotAcceptable => "NOT_ACCEPTABLE",
            Code::PayloadTooLarge => "PAYLOAD_TOO_LARGE",
            Code::QueryTooLong => "QUERY_TOO_LONG",
            Code::BatchTooLong => "BATCH_TOO_LONG",
            Code::Timeout => "TIMEOUT",
            Code::ResponseTooLarge => "RESPONSE_TOO_LARGE",
            Code::TooManyConnections => "TOO_MANY_CONNECTIONS",
            Code::PersistedQueryNotFound => "PERSISTED_QUERY_NOT_FOUND",
            Code::PersistedQueryNotInList => "PERSISTED_QUERY_NOT_IN_LIST",
            Code::QueryNotInPersistedQueryList => "QUERY_NOT_IN_PERSISTED_QUERY_LIST",
        }
    }

    /// Extensions holding this code, for an error built by hand.
    pub fn extensions(self) -> ErrorExtensionValues {
        let mut extensions = ErrorExtensionValues::default();
        extensions.set("code", self.as_str());
        extensions
    }

    /// Sets this code on `error` unless it has one already.
    pub fn mark(self, error: &mut ServerError) {
        let extensions = error.extensions.get_or_insert_with(Default::default);
        if extensions.get("code").is_none() {
            extensions.set("code", self.as_str());
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

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
    /// The request ran past its deadline inside a field.
    #[error("{0}")]
    Expired(#[from] crate::graph::Expired),
}

impl ApiError {
    /// The value of `extensions.code`.
    pub fn code(&self) -> Code {
        match self {
            ApiError::BadArgument { .. } | ApiError::BadCursor(_) => Code::BadUserInput,
            ApiError::NotFound { .. } => Code::NotFound,
            ApiError::Internal(_) => Code::InternalServerError,
            ApiError::LayoutFailed => Code::LayoutFailed,
            ApiError::Expired(_) => Code::Timeout,
        }
    }
}

impl ErrorExtensions for ApiError {
    fn extend(&self) -> FieldError {
        let code = self.code();
        FieldError::new(self.to_string())
            .extend_with(|_, extensions| extensions.set("code", code.as_str()))
    }
}

/// Gives every error that still has no code one after the request ran.
/// Parsing, validation and the limits mark their own (see `phases`), and
/// so do our resolvers; what is left is either a request the library
/// refused before running it (an operation name the document lacks: no
/// path, no data) or a fault in a field.
pub fn add_codes(response: &mut async_graphql::Response) {
    let rejected = response.data == async_graphql::Value::Null;
    for error in &mut response.errors {
        let code = if rejected && error.path.is_empty() {
            Code::GraphqlValidationFailed
        } else {
            Code::InternalServerError
        };
        code.mark(error);
    }
}
