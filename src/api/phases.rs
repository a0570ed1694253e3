//! The one extension every request passes through: it marks each failure
//! of parsing and validation with its `extensions.code` as it happens,
//! applies the depth, complexity and argument-size limits and the
//! introspection switch, and hands execution to the [`guard`](super::guard)
//! (deadline, response size, yielding). One extension rather than two,
//! since each one wraps every field's resolution in a call of its own.
//!
//! async-graphql reports these failures as plain messages; knowing the
//! phase that failed is what tells them apart, so the code never depends
//! on the wording of a message. The limits are checked here rather than
//! by the schema builder so that a query over them gets its own code from
//! the measured depth and cost, not from the text of the library's error.

use super::arguments::{MAX_ARGUMENT_BYTES, MAX_TEXT_BYTES};
use super::error::Code;
use super::guard::{Guard, Running};
use super::{CorpusFeed, cost, document};
use crate::graph::{ListBounds, SkillGraph};
use async_graphql::Positioned;
use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery, NextPrepareRequest,
    NextResolve, NextSubscribe, NextValidation, ResolveInfo,
};
use async_graphql::parser::types::{ExecutableDocument, Field};
use async_graphql::{Response, Value};
use async_graphql::{ServerError, ServerResult, ValidationResult, Variables};
use futures_util::stream::BoxStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

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
    /// The limits that hold while a request runs.
    pub guard: Guard,
}

impl ExtensionFactory for Phases {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Request {
            limits: *self,
            representations: AtomicUsize::new(0),
            running: self.guard.start(),
        })
    }
}

/// One request's pass through the phases.
struct Request {
    limits: Phases,
    /// How many entities `_entities` is asked for, read at parse time: the
    /// measured cost counts its selection once, but it runs once per
    /// representation, so the cost is multiplied by their number.
    representations: AtomicUsize,
    /// The deadline and the answer's size so far.
    running: Running,
}

#[async_graphql::async_trait::async_trait]
impl Extension for Request {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: async_graphql::Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<async_graphql::Request> {
        self.running.prepare_request(ctx, request, next).await
    }

    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        self.running.subscribe(ctx, stream, next)
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        self.running.execute(ctx, operation_name, next).await
    }

    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        self.running.resolve(ctx, info, next).await
    }

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
        let root_fields = document::root_fields(&document);
        if !self.limits.introspection
            && let Some(refusal) = super::introspection::refusal(&root_fields)
        {
            return Err(refusal);
        }
        if let Some(oversized) = document::oversized_argument(&document, variables, argument_cap) {
            let message = format!(
                "argument `{}` of `{}`: at most {} bytes, got {}",
                oversized.argument, oversized.field, oversized.cap, oversized.bytes
            );
            return Err(refusal(Code::BadUserInput, &message));
        }
        let count = representations(&document, &root_fields, variables);
        self.representations.store(count, Ordering::Relaxed);
        Ok(document)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let bounds = bounds_of(ctx);
        let validated = async {
            match bounds {
                Some(bounds) => cost::priced_against(bounds, next.run(ctx)).await,
                None => next.run(ctx).await,
            }
        };
        let result = validated.await.map_err(|mut errors| {
            for error in &mut errors {
                Code::GraphqlValidationFailed.mark(error);
            }
            errors
        })?;
        // Depth first: a deep query is also a costly one, and its depth
        // is the plainer reason.
        if result.depth > self.limits.max_depth {
            return Err(vec![refusal(
                Code::QueryTooDeep,
                "Query is nested too deep.",
            )]);
        }
        let copies = self.representations.load(Ordering::Relaxed).max(1);
        let cost = result.complexity.saturating_mul(copies);
        if cost > self.limits.max_complexity {
            return Err(vec![refusal(
                Code::QueryTooComplex,
                "Query is too complex.",
            )]);
        }
        if let Some(budget) = ctx.data_opt::<cost::BatchBudget>() {
            budget.draw(cost).map_err(|refusal| vec![refusal])?;
        }
        if let Some(measured) = ctx.data_opt::<cost::MeasuredCost>() {
            measured.record(cost);
        }
        Ok(result)
    }
}

/// The longest string an argument may hold: pasted text has its own,
/// larger cap; every other argument names something (a skill, a job, a
/// search, a cursor) and is short.
fn argument_cap(argument: &str) -> usize {
    if argument == "text" {
        MAX_TEXT_BYTES
    } else {
        MAX_ARGUMENT_BYTES
    }
}

/// The list maxima of the graph the request will run against: the one
/// the caller gave it, else the one the server serves now (subscriptions
/// carry no graph of their own).
fn bounds_of(ctx: &ExtensionContext<'_>) -> Option<ListBounds> {
    if let Some(graph) = ctx.data_opt::<Arc<SkillGraph>>() {
        return Some(graph.list_bounds().clone());
    }
    ctx.data_opt::<CorpusFeed>().map(CorpusFeed::bounds)
}

/// Why the parse phase failed: the text is not GraphQL; or it parses but
/// nests past the parser's recursion limit or the document depth the
/// library checks right after parsing, which a fragment that spreads
/// itself also trips (a validation failure, not a deep query).
fn parse_failure(query: &str) -> Code {
    match async_graphql::parser::parse_query(query) {
        Ok(document) if document::has_fragment_cycle(&document) => Code::GraphqlValidationFailed,
        Ok(_) | Err(async_graphql::parser::Error::RecursionLimitExceeded) => Code::QueryTooDeep,
        Err(_) => Code::GraphqlParseFailed,
    }
}

/// How many representations a document's `_entities` root fields are
/// given, inline, through a variable or through a variable's default;
/// 0 when it asks for none.
fn representations(
    document: &ExecutableDocument,
    root_fields: &[&Positioned<Field>],
    variables: &Variables,
) -> usize {
    root_fields
        .iter()
        .filter(|field| field.node.name.node == "_entities")
        .filter_map(|field| field.node.get_argument("representations"))
        .map(|argument| match &argument.node {
            async_graphql_value::Value::List(items) => items.len(),
            async_graphql_value::Value::Variable(name) => {
                document::variable_value(document, variables, name).map_or(0, |value| match value {
                    async_graphql::Value::List(items) => items.len(),
                    _ => 1,
                })
            }
            _ => 1,
        })
        .sum()
}

fn refusal(code: Code, message: &str) -> ServerError {
    let mut error = ServerError::new(message, None);
    error.extensions = Some(code.extensions());
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::document::root_fields;

    #[test]
    fn text_that_is_not_graphql_is_a_parse_failure() {
        assert_eq!(parse_failure("{ job(slug: "), Code::GraphqlParseFailed);
        assert_eq!(parse_failure("query {"), Code::GraphqlParseFailed);
    }

    #[test]
    fn a_fragment_that_spreads_itself_is_a_validation_failure() {
        let query = "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
        assert_eq!(parse_failure(query), Code::GraphqlValidationFailed);
    }

    #[test]
    fn representations_are_counted_inline_and_through_variables() {
        let inline = async_graphql::parser::parse_query(
            r#"{ _entities(representations: [{ __typename: "Job", slug: "a" }, { __typename: "Job", slug: "b" }]) { __typename } }"#,
        )
        .expect("parses");
        assert_eq!(
            representations(&inline, &root_fields(&inline), &Variables::default()),
            2
        );
        let through = async_graphql::parser::parse_query(
            "query($r: [_Any!]!) { ...F } fragment F on Query { _entities(representations: $r) { __typename } }",
        )
        .expect("parses");
        let variables = Variables::from_json(serde_json::json!({ "r": [{}, {}, {}] }));
        assert_eq!(
            representations(&through, &root_fields(&through), &variables),
            3
        );
        let defaulted = async_graphql::parser::parse_query(
            r#"query($r: [_Any!]! = [{}, {}, {}, {}]) { _entities(representations: $r) { __typename } }"#,
        )
        .expect("parses");
        let unset = Variables::default();
        assert_eq!(
            representations(&defaulted, &root_fields(&defaulted), &unset),
            4
        );
        let none = async_graphql::parser::parse_query("{ jobs { totalCount } }").expect("parses");
        assert_eq!(representations(&none, &root_fields(&none), &variables), 0);
    }

    #[test]
    fn text_that_nests_past_the_parser_limit_is_too_deep() {
        let query = format!("{{ {} slug {} }}", "a { ".repeat(500), "}".repeat(500));
        assert_eq!(parse_failure(&query), Code::QueryTooDeep);
    }
}
