//! Refuses introspection with an error when it is turned off (checked by
//! [`Phases`](super::phases::Phases) once the query parses).
//!
//! async-graphql's own switch answers `__schema` with a silent `null`; a
//! client (or an attacker probing the schema) is better told plainly.

use super::error::Code;
use async_graphql::parser::types::Field;
use async_graphql::{Positioned, ServerError};

/// The root fields that tell what the schema is: introspection, and
/// federation's `_service`, which answers the whole SDL.
const SCHEMA_FIELDS: [&str; 3] = ["__schema", "__type", "_service"];

/// The refusal when a document's root fields (see
/// [`root_fields`](super::document::root_fields)) ask for `__schema`,
/// `__type` or `_service`.
pub fn refusal(root_fields: &[&Positioned<Field>]) -> Option<ServerError> {
    let field = root_fields
        .iter()
        .find(|field| SCHEMA_FIELDS.contains(&field.node.name.node.as_str()))?;
    let mut error = ServerError::new(
        "introspection is turned off on this server",
        Some(field.pos),
    );
    error.extensions = Some(Code::IntrospectionDisabled.extensions());
    Some(error)
}
