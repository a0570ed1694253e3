//! Refuses introspection with an error when it is turned off.
//!
//! async-graphql's own switch answers `__schema` with a silent `null`; a
//! client (or an attacker probing the schema) is better told plainly.

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ErrorExtensionValues, ServerError, ServerResult, Variables};
use std::collections::HashSet;
use std::sync::Arc;

/// The extension that refuses queries selecting `__schema` or `__type`.
pub struct NoIntrospection;

impl ExtensionFactory for NoIntrospection {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(NoIntrospection)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for NoIntrospection {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        for (_, operation) in document.operations.iter() {
            let mut visited = HashSet::new();
            if let Some(position) =
                introspects(&document, &operation.node.selection_set.node, &mut visited)
            {
                let mut error =
                    ServerError::new("introspection is turned off on this server", Some(position));
                let mut extensions = ErrorExtensionValues::default();
                extensions.set("code", "INTROSPECTION_DISABLED");
                error.extensions = Some(extensions);
                return Err(error);
            }
        }
        Ok(document)
    }
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
