//! The GraphQL half of GraphQL over HTTP: a request built from checked
//! parameters, the operation it would run, and the answer written as the
//! spec lays it out. The HTTP half (methods, media types, status codes,
//! limits) belongs to the server, which so never touches async-graphql.

use super::cost::MeasuredCost;
use super::error::Code;
use super::{SkillGraphSchema, execute_until};
use crate::graph::SkillGraph;
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, OperationType};
use async_graphql::{ServerError, Value, Variables};
use lru::LruCache;
use serde::Serialize;
use serde_json::Map;
use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

/// What kind of operation a request runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    Query,
    Mutation,
    Subscription,
}

/// Parsed documents by query text, so that a query a client sends again
/// and again is parsed once. Bounded: the least recently used document
/// leaves when a new one arrives at capacity. Only documents that parsed
/// are kept, so malformed queries cannot fill it with errors.
pub struct DocumentCache {
    documents: Mutex<LruCache<Box<str>, ExecutableDocument>>,
}

impl DocumentCache {
    /// A cache holding up to `capacity` documents (at least one).
    pub fn new(capacity: usize) -> Self {
        let capacity = NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN);
        Self {
            documents: Mutex::new(LruCache::new(capacity)),
        }
    }

    /// Gives `request` its parsed document, from the cache or by parsing
    /// it and keeping the result.
    fn attach(&self, request: &mut async_graphql::Request) {
        if let Some(document) = self.lock().get(request.query.as_str()).cloned() {
            request.set_parsed_query(document);
            return;
        }
        let query: Box<str> = request.query.as_str().into();
        if let Ok(document) = request.parsed_query() {
            let document = document.clone();
            self.lock().put(query, document);
        }
    }

    /// How many documents are held.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no document is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The map; a panic while it was held cannot leave it half-written
    /// (each call is one `get` or `put`), so a poisoned lock is taken as is.
    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<Box<str>, ExecutableDocument>> {
        self.documents
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl std::fmt::Debug for DocumentCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentCache")
            .field("documents", &self.len())
            .finish()
    }
}

/// A request ready to run, with the operation it selects.
pub struct PreparedRequest {
    request: async_graphql::Request,
    operation_name: Option<String>,
    kind: Option<OperationKind>,
    /// Filled in by validation.
    cost: MeasuredCost,
}

impl PreparedRequest {
    /// Builds a request from its four parameters and finds its operation
    /// (unknown when the document does not parse or names none); the
    /// document comes from `documents` when the same text was seen before.
    pub fn new(
        documents: &DocumentCache,
        query: String,
        operation_name: Option<String>,
        variables: Option<Map<String, serde_json::Value>>,
        extensions: Option<Map<String, serde_json::Value>>,
    ) -> Self {
        let mut request = async_graphql::Request::new(query);
        if let Some(name) = operation_name {
            request = request.operation_name(name);
        }
        if let Some(variables) = variables {
            request = request.variables(Variables::from_json(serde_json::Value::Object(variables)));
        }
        if let Some(extensions) = extensions {
            request.extensions.0 = extensions
                .into_iter()
                .filter_map(|(name, value)| Some((name, Value::from_json(value).ok()?)))
                .collect();
        }
        documents.attach(&mut request);
        let (operation_name, kind) = operation_of(&mut request);
        let cost = MeasuredCost::default();
        Self {
            request: request.data(cost.clone()),
            operation_name,
            kind,
            cost,
        }
    }

    /// Makes the request draw its cost from `budget`, shared by the
    /// operations of one batch.
    pub fn within(mut self, budget: &super::cost::BatchBudget) -> Self {
        self.request = self.request.data(budget.clone());
        self
    }

    /// The operation's name, for metrics and logs.
    pub fn operation_name(&self) -> Option<&str> {
        self.operation_name.as_deref()
    }

    /// The operation's kind, when the document parses and selects one.
    pub fn kind(&self) -> Option<OperationKind> {
        self.kind
    }

    /// Runs the request against `graph`, stopping with `TIMEOUT` at
    /// `deadline`.
    pub async fn run(
        self,
        schema: &SkillGraphSchema,
        graph: Arc<SkillGraph>,
        deadline: crate::graph::Deadline,
    ) -> Answer {
        let response = execute_until(schema, graph, self.request, Some(deadline)).await;
        Answer {
            response,
            cost: self.cost.get(),
        }
    }
}

/// The operation a request would run: its name and its kind.
fn operation_of(request: &mut async_graphql::Request) -> (Option<String>, Option<OperationKind>) {
    let wanted = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return (wanted, None);
    };
    let (name, operation) = match (&document.operations, &wanted) {
        (DocumentOperations::Single(operation), _) => (None, Some(operation)),
        (DocumentOperations::Multiple(operations), Some(wanted)) => (
            Some(wanted.clone()),
            operations
                .iter()
                .find(|(name, _)| name.as_str() == wanted)
                .map(|(_, operation)| operation),
        ),
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => operations
            .iter()
            .next()
            .map_or((None, None), |(name, operation)| {
                (Some(name.to_string()), Some(operation))
            }),
        (DocumentOperations::Multiple(_), None) => (None, None),
    };
    let kind = operation.map(|operation| match operation.node.ty {
        OperationType::Query => OperationKind::Query,
        OperationType::Mutation => OperationKind::Mutation,
        OperationType::Subscription => OperationKind::Subscription,
    });
    (name.or(wanted), kind)
}

/// The result of running a request, and what it cost.
pub struct Answer {
    response: async_graphql::Response,
    cost: usize,
}

/// A GraphQL response as the spec lays it out; `data` is left out when the
/// request never ran.
#[derive(Serialize)]
struct Payload<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: &'a Vec<ServerError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a Value>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    extensions: &'a BTreeMap<String, Value>,
}

impl Answer {
    /// The answer of a request refused before it ran, with `error`.
    pub fn refused(error: ServerError) -> Self {
        Self {
            response: async_graphql::Response::from_errors(vec![error]),
            cost: 0,
        }
    }

    /// What the operation cost when validated (0 if it never was).
    pub fn cost(&self) -> usize {
        self.cost
    }

    /// The code of the refusal that replaced the whole answer while it
    /// ran (`TIMEOUT`, `RESPONSE_TOO_LARGE`), if one did.
    pub fn stopped_by(&self) -> Option<Code> {
        let [error] = self.response.errors.as_slice() else {
            return None;
        };
        let code = error.extensions.as_ref()?.get("code")?;
        [Code::Timeout, Code::ResponseTooLarge]
            .into_iter()
            .find(|known| *code == Value::from(known.as_str()))
            .filter(|_| self.response.data == Value::Null)
    }

    /// Whether any error was raised.
    pub fn has_errors(&self) -> bool {
        !self.response.errors.is_empty()
    }

    /// Whether the request failed before execution (parse, validation,
    /// variable coercion, limits): then nothing ran, `data` is null and no
    /// error points into the result, since a field error always has a path.
    pub fn is_request_error(&self) -> bool {
        self.response.data == Value::Null
            && !self.response.errors.is_empty()
            && self
                .response
                .errors
                .iter()
                .all(|error| error.path.is_empty())
    }

    /// The JSON body: `errors`, `data` (absent for a request error) and `extensions`.
    pub fn to_json(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&Payload {
            errors: &self.response.errors,
            data: (!self.is_request_error()).then_some(&self.response.data),
            extensions: &self.response.extensions,
        })
    }

    /// The `Cache-Control` value the schema's cache hints give, if any.
    pub fn cache_control(&self) -> Option<String> {
        self.response.cache_control.value()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepared(query: &str, name: Option<&str>) -> PreparedRequest {
        let documents = DocumentCache::new(8);
        PreparedRequest::new(
            &documents,
            query.to_owned(),
            name.map(str::to_owned),
            None,
            None,
        )
    }

    #[test]
    fn a_document_is_parsed_once_and_the_oldest_leaves_at_capacity() {
        let documents = DocumentCache::new(2);
        let request =
            |query: &str| PreparedRequest::new(&documents, query.to_owned(), None, None, None);
        assert_eq!(request("{ a }").kind(), Some(OperationKind::Query));
        assert_eq!(documents.len(), 1);
        // The second time, the kind comes from the cached document.
        assert_eq!(request("{ a }").kind(), Some(OperationKind::Query));
        assert_eq!(documents.len(), 1);
        assert_eq!(request("{").kind(), None);
        assert_eq!(
            documents.len(),
            1,
            "a document that does not parse is not kept"
        );
        request("mutation { b }");
        request("{ c }");
        assert_eq!(documents.len(), 2);
        let cached = documents.lock();
        assert!(cached.contains("{ c }") && cached.contains("mutation { b }"));
        assert!(!cached.contains("{ a }"), "the least recently used left");
    }

    #[test]
    fn the_operation_is_found_by_name_or_by_being_alone() {
        let named = prepared("mutation Change { x } query Read { y }", Some("Change"));
        assert_eq!(named.operation_name(), Some("Change"));
        assert_eq!(named.kind(), Some(OperationKind::Mutation));
        let alone = prepared("query Read { y }", None);
        assert_eq!(
            (alone.operation_name(), alone.kind()),
            (Some("Read"), Some(OperationKind::Query))
        );
        let anonymous = prepared("{ y }", None);
        assert_eq!(
            (anonymous.operation_name(), anonymous.kind()),
            (None, Some(OperationKind::Query))
        );
        let broken = prepared("{", None);
        assert_eq!(broken.kind(), None);
        let ambiguous = prepared("query A { x } query B { y }", None);
        assert_eq!(ambiguous.kind(), None);
    }
}
