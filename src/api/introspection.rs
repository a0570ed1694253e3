//! Refuses introspection with an error when it is turned off (checked by
//! [`Phases`](super::phases::Phases) once the query parses).
//!
//! async-graphql's own switch answers `__schema` with a silent `null`; a
//! client (or an attacker probing the schema) is better told plainly.

use super::document::root_fields;
use super::error::Code;
use async_graphql::ServerError;
use async_graphql::parser::types::ExecutableDocument;

/// The refusal when `document` asks for `__schema` or `__type` at its
/// root, directly or through fragments.
pub fn refusal(document: &ExecutableDocument) -> Option<ServerError> {
    let field = root_fields(document).into_iter().find(|field| {
        let name = field.node.name.node.as_str();
        name == "__schema" || name == "__type"
    })?;
    let mut error = ServerError::new(
        "introspection is turned off on this server",
        Some(field.pos),
    );
    error.extensions = Some(Code::IntrospectionDisabled.extensions());
    Some(error)
}
