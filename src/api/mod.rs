//! The GraphQL API over the skill graph.
//!
//! GraphQL types here are borrowed handles on the immutable
//! [`SkillGraph`](crate::graph::SkillGraph): a `Job<'g>` wraps a
//! `NodeRef<'g>` and reads the graph as it resolves, copying nothing.
//! The graph reaches resolvers as request data (an `Arc<SkillGraph>`), so
//! one request sees one graph even while a reload swaps in a new one.
//!
//! Subscriptions (`corpusChanged`) read the graphs a reload installs from a
//! [`CorpusFeed`] the server puts in the schema's data; each event holds
//! its own graph.
//!
//! This is the only module that imports async-graphql (the server's
//! WebSocket glue uses async-graphql-axum).

pub mod arguments;
pub mod cost;
mod document;
pub mod error;
mod guard;
pub mod http;
mod introspection;
pub mod nullability;
mod phases;
mod query;
mod subscription;
pub mod types;

use crate::graph::SkillGraph;
use async_graphql::{EmptyMutation, Schema};
use std::sync::Arc;

pub use document::operation_names;
pub use query::Query;
pub use subscription::{CorpusFeed, Subscription};

/// The schema type served by `skillgraph serve`.
pub type SkillGraphSchema = Schema<Query, EmptyMutation, Subscription>;

/// Limits applied to every operation on every transport, subscriptions
/// included.
#[derive(Debug, Clone)]
pub struct SchemaOptions {
    /// Deepest selection nesting accepted.
    pub max_depth: usize,
    /// Highest total cost accepted (see [`cost`]).
    pub max_complexity: usize,
    /// Whether `__schema`, `__type` and federation's `_service` are answered.
    pub introspection: bool,
    /// How long an operation may run when its caller gives it no deadline.
    pub timeout: std::time::Duration,
    /// The largest answer, in bytes of JSON; past it the operation stops
    /// with `RESPONSE_TOO_LARGE`.
    pub max_response_bytes: usize,
}

/// The default largest answer: 8 MiB, far above any page of this API.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 8 << 20;

impl Default for SchemaOptions {
    fn default() -> Self {
        Self {
            max_depth: 16,
            max_complexity: 20_000,
            introspection: true,
            timeout: std::time::Duration::from_secs(10),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

/// Builds the schema: the one builder used by `skillgraph schema`, the
/// tests and (with a feed for subscriptions, see [`serving_schema`]) the
/// server.
pub fn schema(options: &SchemaOptions) -> SkillGraphSchema {
    build(options).finish()
}

pub(crate) fn build(
    options: &SchemaOptions,
) -> async_graphql::SchemaBuilder<Query, EmptyMutation, Subscription> {
    let mut builder =
        Schema::build(Query::default(), EmptyMutation, Subscription).extension(phases::Phases {
            introspection: options.introspection,
            max_depth: options.max_depth,
            max_complexity: options.max_complexity,
            guard: guard::Guard {
                timeout: options.timeout,
                max_response_bytes: options.max_response_bytes,
            },
        });
    if !options.introspection {
        builder = builder.disable_introspection();
    }
    builder
}

/// The schema the server runs: [`schema`], with the feed `corpusChanged`
/// reads from.
pub fn serving_schema(options: &SchemaOptions, feed: CorpusFeed) -> SkillGraphSchema {
    build(options).data(feed).finish()
}

/// The schema in SDL, as written to `schema.graphql`: what a client sees
/// through introspection, federation's `_service` and `_entities` included.
pub fn sdl() -> String {
    schema(&SchemaOptions::default()).sdl()
}

/// The schema as an Apollo Federation v2 subgraph: `@link` to federation
/// v2, the `@key`s of `Job` (`id`, `slug`), `Skill`, `Tool`, `CareerStage`
/// and `Posting` (`id`), without the subscription a router cannot carry.
/// This is what `_service { sdl }` answers and what
/// `skillgraph schema --federation` prints.
pub fn federation_sdl() -> String {
    schema(&SchemaOptions::default()).sdl_with_options(
        async_graphql::SDLExportOptions::new()
            .federation()
            .compose_directive(),
    )
}

/// Runs one request against `graph`; the entry point for in-process use
/// (benchmarks, tests, embedding without HTTP). It runs until the schema's
/// timeout; see [`execute_until`] to give it a deadline of its own.
pub async fn execute(
    schema: &SkillGraphSchema,
    graph: Arc<SkillGraph>,
    request: impl Into<async_graphql::Request>,
) -> async_graphql::Response {
    execute_until(schema, graph, request, None).await
}

/// [`execute`], stopping with `TIMEOUT` at `deadline` when one is given.
pub async fn execute_until(
    schema: &SkillGraphSchema,
    graph: Arc<SkillGraph>,
    request: impl Into<async_graphql::Request>,
    deadline: Option<crate::graph::Deadline>,
) -> async_graphql::Response {
    let mut request = request.into().data(graph);
    if let Some(deadline) = deadline {
        request = request.data(deadline);
    }
    let asked = Asked::of(&request);
    let mut response = schema.execute(request).await;
    asked.finish(schema, &mut response);
    response
}

/// What a request asked, kept to finish its responses: the text and the
/// operation name.
struct Asked {
    query: String,
    operation_name: Option<String>,
}

impl Asked {
    fn of(request: &async_graphql::Request) -> Self {
        Self {
            query: request.query.clone(),
            operation_name: request.operation_name.clone(),
        }
    }

    /// Moves the nulls of field errors where the spec puts them and gives
    /// every error its code. Field errors are rare, so the text is parsed
    /// again then rather than the document kept for every request.
    fn finish(&self, schema: &SkillGraphSchema, response: &mut async_graphql::Response) {
        if response.errors.iter().any(|error| !error.path.is_empty())
            && let Ok(document) = async_graphql::parser::parse_query(&self.query)
        {
            nullability::bubble(
                shape(schema),
                &document,
                self.operation_name.as_deref(),
                response,
            );
        }
        error::add_codes(response);
    }
}

/// The schema as async-graphql's own transports run it (the WebSocket
/// one), each response finished as [`execute_until`] finishes it: nulls
/// where the spec puts them, a code on every error.
#[derive(Clone)]
pub struct SpecExecutor(pub SkillGraphSchema);

impl async_graphql::Executor for SpecExecutor {
    async fn execute(&self, request: async_graphql::Request) -> async_graphql::Response {
        let asked = Asked::of(&request);
        let mut response = self.0.execute(request).await;
        asked.finish(&self.0, &mut response);
        response
    }

    fn execute_stream(
        &self,
        request: async_graphql::Request,
        session_data: Option<Arc<async_graphql::Data>>,
    ) -> futures_util::stream::BoxStream<'static, async_graphql::Response> {
        use futures_util::StreamExt;
        let asked = Asked::of(&request);
        let schema = self.0.clone();
        self.0
            .execute_stream_with_session_data(request, session_data.unwrap_or_default())
            .map(move |mut response| {
                asked.finish(&schema, &mut response);
                response
            })
            .boxed()
    }
}

/// The output types of the schema, read once from its SDL: every schema
/// this module builds has the same types (options change limits, and
/// federation adds `_entities` and `_service`, which the first schema
/// built may lack; a field the shape lacks is taken as nullable).
fn shape(schema: &SkillGraphSchema) -> &'static nullability::Shape {
    static SHAPE: std::sync::OnceLock<nullability::Shape> = std::sync::OnceLock::new();
    SHAPE.get_or_init(|| {
        // The federation SDL adds `_entities` and `_service` but leaves out
        // the subscription root, so the shape reads both.
        let federation = async_graphql::SDLExportOptions::new().federation();
        let sdl = schema.sdl() + "\n" + &schema.sdl_with_options(federation);
        nullability::Shape::of_sdl(&sdl)
    })
}
