//! Requests refused before any GraphQL runs, answered in GraphQL's own
//! error shape so a client reads every failure the same way.

use super::negotiate::ResponseType;
use crate::api::error::Code;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// A request the server refuses, with the status and `extensions.code`
/// it is answered with.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    /// The body is not JSON, or not a GraphQL request (no `query`, a
    /// `variables` that is not an object, …).
    #[error("{0}")]
    BadRequest(String),
    /// A GET without a `query` parameter from a client that wants no page.
    #[error("a GET request needs a `query` parameter")]
    MissingQuery,
    /// A mutation sent with GET, which must not change anything.
    #[error("mutations are only accepted with POST")]
    MutationOverGet,
    /// A method `/graphql` does not answer (PUT, DELETE, …).
    #[error("/graphql answers GET and POST")]
    MethodNotAllowed,
    /// A POST whose body is not declared as `application/json`.
    #[error("the body must be application/json (UTF-8)")]
    UnsupportedMediaType,
    /// The client accepts neither GraphQL response type.
    #[error("this endpoint answers application/graphql-response+json or application/json")]
    NotAcceptable,
    /// The body is larger than the limit.
    #[error("the request body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    /// A batch holds more operations than the limit.
    #[error("the batch holds {length} operations; at most {limit} are taken")]
    BatchTooLong { limit: usize, length: usize },
    /// The query text is longer than the limit.
    #[error("the query is longer than {limit} bytes")]
    QueryTooLong { limit: usize },
    /// The body did not arrive in time.
    #[error("the request body did not arrive within {seconds} s")]
    BodyTimeout { seconds: u64 },
    /// The query did not finish in time.
    #[error("the request did not finish within {seconds} s")]
    ExecutionTimeout { seconds: u64 },
    /// No route has this path.
    #[error("no such path; the API is at /graphql")]
    NotFound,
    /// A persisted-query hash the server does not know yet: send the query
    /// with it. The message is the one Apollo's clients look for.
    #[error("PersistedQueryNotFound")]
    PersistedQueryNotFound,
    /// A persisted-query hash that is not the query's sha256.
    #[error("the persisted query's sha256Hash is not the sha256 of its query")]
    PersistedQueryHashMismatch,
    /// With `--persisted-only`, an id the operation list does not hold.
    #[error("PersistedQueryNotInList")]
    PersistedQueryNotInList,
    /// With `--persisted-only`, a query sent in full that is not listed.
    #[error("only the operations of the persisted-query list may run")]
    QueryNotInPersistedList,
    /// `--ws-max-connections` WebSockets are open already.
    #[error("too many WebSocket connections are open; try again later")]
    TooManySockets,
}

impl HttpError {
    pub fn status(&self) -> StatusCode {
        match self {
            HttpError::BadRequest(_)
            | HttpError::MissingQuery
            | HttpError::BatchTooLong { .. }
            | HttpError::PersistedQueryHashMismatch
            | HttpError::PersistedQueryNotInList
            | HttpError::QueryNotInPersistedList => StatusCode::BAD_REQUEST,
            // Apollo's clients read this one from a 200, as Apollo Server
            // sends it, and then send the query in full.
            HttpError::PersistedQueryNotFound => StatusCode::OK,
            HttpError::MutationOverGet | HttpError::MethodNotAllowed => {
                StatusCode::METHOD_NOT_ALLOWED
            }
            HttpError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            HttpError::NotAcceptable => StatusCode::NOT_ACCEPTABLE,
            HttpError::PayloadTooLarge { .. } | HttpError::QueryTooLong { .. } => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            HttpError::BodyTimeout { .. } => StatusCode::REQUEST_TIMEOUT,
            HttpError::ExecutionTimeout { .. } | HttpError::TooManySockets => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            HttpError::NotFound => StatusCode::NOT_FOUND,
        }
    }

    /// The value of `extensions.code`.
    pub fn code(&self) -> Code {
        match self {
            HttpError::BadRequest(_)
            | HttpError::MissingQuery
            | HttpError::PersistedQueryHashMismatch => Code::BadRequest,
            HttpError::PersistedQueryNotFound => Code::PersistedQueryNotFound,
            HttpError::PersistedQueryNotInList => Code::PersistedQueryNotInList,
            HttpError::QueryNotInPersistedList => Code::QueryNotInPersistedQueryList,
            HttpError::MutationOverGet | HttpError::MethodNotAllowed => Code::MethodNotAllowed,
            HttpError::UnsupportedMediaType => Code::UnsupportedMediaType,
            HttpError::NotAcceptable => Code::NotAcceptable,
            HttpError::PayloadTooLarge { .. } => Code::PayloadTooLarge,
            HttpError::QueryTooLong { .. } => Code::QueryTooLong,
            HttpError::BatchTooLong { .. } => Code::BatchTooLong,
            HttpError::BodyTimeout { .. } | HttpError::ExecutionTimeout { .. } => Code::Timeout,
            HttpError::NotFound => Code::NotFound,
            HttpError::TooManySockets => Code::TooManyConnections,
        }
    }

    /// The body: a GraphQL response holding this one error.
    pub fn body(&self) -> serde_json::Value {
        json!({
            "errors": [{
                "message": self.to_string(),
                "extensions": { "code": self.code().as_str() },
            }]
        })
    }

    /// The response, in `media` when the client accepts one of the GraphQL
    /// types, else in `application/json`.
    pub fn into_response_as(self, media: Option<ResponseType>) -> Response {
        let mut response = (self.status(), self.body().to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(media.unwrap_or(ResponseType::Json).content_type()),
        );
        match self {
            HttpError::MutationOverGet => {
                headers.insert(header::ALLOW, HeaderValue::from_static("POST"));
            }
            HttpError::MethodNotAllowed => {
                headers.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD, POST"));
            }
            HttpError::ExecutionTimeout { .. } | HttpError::TooManySockets => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            _ => {}
        }
        response
    }
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        self.into_response_as(None)
    }
}
