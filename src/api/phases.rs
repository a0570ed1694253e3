//! Marks each failure of parsing and validation with its `extensions.code`
//! as it happens, and applies the depth and complexity limits and the
//! introspection switch.
//!
//! async-graphql reports these failures as plain messages; knowing the
//! phase that failed is what tells them apart, so the code never depends
//! on the wording of a message. The limits are checked here rather than
//! by the schema builder so that a query over them gets its own code from
//! the measured depth and cost, not from the text of the library's error.

use super::error::Code;
use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextValidation,
};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ServerError, ServerResult, ValidationResult, Variables};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The extension, with the limits it applies.
#[derive(Debug, Clone, Copy)]
pub struct Phases {
    /// Whether `__schema` and `__type` are answered; when not, they are
    /// refused with `INTROSPECTION_DISABLED` rather than answered with
    /// the silent null async-graphql's own switch gives.
    pub introspection: bool,
    /// Deepest selection nesting accepted.
    pub max_depth: usize,
    /// Highest total cost accepted.
    pub max_complexity: usize,
}

impl ExtensionFactory for Phases {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(*self)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for Phases {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await.map_err(|mut error| {
            parse_failure(query).mark(&mut error);
            error
        })?;
        match super::introspection::refusal(&document) {
            Some(refusal) if !self.introspection => Err(refusal),
            _ => Ok(document),
        }
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await.map_err(|mut errors| {
            for error in &mut errors {
                Code::GraphqlValidationFailed.mark(error);
            }
            errors
        })?;
        if result.complexity > self.max_complexity {
            return Err(vec![refusal(
                Code::QueryTooComplex,
                "Query is too complex.",
            )]);
        }
        if result.depth > self.max_depth {
            return Err(vec![refusal(
                Code::QueryTooDeep,
                "Query is nested too deep.",
            )]);
        }
        Ok(result)
    }
}

/// Why the parse phase failed: the text is not GraphQL; or it parses but
/// nests past the parser's recursion limit or the document depth the
/// library checks right after parsing, which a fragment that spreads
/// itself also trips (a validation failure, not a deep query).
fn parse_failure(query: &str) -> Code {
    match async_graphql::parser::parse_query(query) {
        Ok(document) if has_fragment_cycle(&document) => Code::GraphqlValidationFailed,
        Ok(_) | Err(async_graphql::parser::Error::RecursionLimitExceeded) => Code::QueryTooDeep,
        Err(_) => Code::GraphqlParseFailed,
    }
}

/// Whether some fragment reaches itself through the fragments it spreads.
fn has_fragment_cycle(document: &ExecutableDocument) -> bool {
    let spreads: HashMap<&str, Vec<&str>> = document
        .fragments
        .iter()
        .map(|(name, fragment)| {
            let mut names = Vec::new();
            spreads_in(&fragment.node.selection_set.node, &mut names);
            (name.as_str(), names)
        })
        .collect();
    spreads.keys().any(|&start| {
        let mut seen = HashSet::new();
        let mut pending = spreads[start].clone();
        while let Some(name) = pending.pop() {
            if name == start {
                return true;
            }
            if seen.insert(name) {
                pending.extend(spreads.get(name).into_iter().flatten());
            }
        }
        false
    })
}

/// The fragment names spread anywhere inside `selection`.
fn spreads_in<'d>(selection: &'d SelectionSet, names: &mut Vec<&'d str>) {
    for item in &selection.items {
        match &item.node {
            Selection::Field(field) => spreads_in(&field.node.selection_set.node, names),
            Selection::InlineFragment(inline) => spreads_in(&inline.node.selection_set.node, names),
            Selection::FragmentSpread(spread) => {
                names.push(spread.node.fragment_name.node.as_str())
            }
        }
    }
}

fn refusal(code: Code, message: &str) -> ServerError {
    let mut error = ServerError::new(message, None);
    error.extensions = Some(code.extensions());
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_graphql_is_a_parse_failure() {
        assert_eq!(parse_failure("{ job(slug: "), Code::GraphqlParseFailed);
        assert_eq!(parse_failure("query {"), Code::GraphqlParseFailed);
    }

    #[test]
    fn a_fragment_that_spreads_itself_is_a_validation_failure() {
        let query = "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
        assert_eq!(parse_failure(query), Code::GraphqlValidationFailed);
        let acyclic = "query { ...A } fragment A on Query { ...B } fragment B on Query { x }";
        assert!(!has_fragment_cycle(
            &async_graphql::parser::parse_query(acyclic).expect("parses")
        ));
    }

    #[test]
    fn text_that_nests_past_the_parser_limit_is_too_deep() {
        let query = format!("{{ {} slug {} }}", "a { ".repeat(500), "}".repeat(500));
        assert_eq!(parse_failure(&query), Code::QueryTooDeep);
    }
}
