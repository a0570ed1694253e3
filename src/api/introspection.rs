//! Refuses introspection with an error when it is turned off (checked by
//! [`Phases`](super::phases::Phases) once the query parses).
//!
//! async-graphql's own switch answers `__schema` with a silent `null`; a
//! client (or an attacker probing the schema) is better told plainly.

use super::error::Code;
use async_graphql::ServerError;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use std::collections::HashSet;

/// The refusal when `document` asks for `__schema` or `__type` at its
/// root, directly or through fragments.
pub fn refusal(document: &ExecutableDocument) -> Option<ServerError> {
    document.operations.iter().find_map(|(_, operation)| {
        let mut visited = HashSet::new();
        let position = introspects(document, &operation.node.selection_set.node, &mut visited)?;
        let mut error =
            ServerError::new("introspection is turned off on this server", Some(position));
        error.extensions = Some(Code::IntrospectionDisabled.extensions());
        Some(error)
    })
}

/// Where a root selection asks for `__schema` or `__type`, following fragments.
fn introspects<'d>(
    document: &'d ExecutableDocument,
    selection: &'d SelectionSet,
    visited: &mut HashSet<&'d str>,
) -> Option<async_graphql::Pos> {
    selection.items.iter().find_map(|item| match &item.node {
        Selection::Field(field) => {
            let name = field.node.name.node.as_str();
            (name == "__schema" || name == "__type").then_some(field.pos)
        }
        Selection::InlineFragment(fragment) => {
            introspects(document, &fragment.node.selection_set.node, visited)
        }
        Selection::FragmentSpread(spread) => {
            let name = spread.node.fragment_name.node.as_str();
            if !visited.insert(name) {
                return None;
            }
            let fragment = document.fragments.get(&spread.node.fragment_name.node)?;
            introspects(document, &fragment.node.selection_set.node, visited)
        }
    })
}
