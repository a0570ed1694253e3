//! `/graphql`: GraphQL over HTTP, as its spec asks.
//!
//! - POST with an `application/json` body; GET with the parameters in the
//!   query string, for queries only (a mutation over GET gets 405).
//! - The response type follows `Accept` (see [`negotiate`](super::negotiate)):
//!   under `application/graphql-response+json` a request that never ran (it
//!   did not parse, validate, or coerce its variables) gets 400 and no
//!   `data`; under `application/json` every GraphQL result gets 200.
//! - A browser asking for HTML at `GET /graphql` gets GraphiQL.
//!
//! The stock async-graphql-axum extractor is not used: it always answers
//! `application/graphql-response+json`, which a client that accepts only
//! `application/json` must not receive.

use super::answers::{AnswerKey, KeptAnswer};
use super::error::HttpError;
use super::negotiate::{self, ResponseType};
use super::{AppState, caching};
use crate::api::cost::BatchBudget;
use crate::api::error::Code;
use crate::api::http::{Answer, DocumentCache, OperationKind, PreparedRequest};
use crate::graph::Deadline;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State, rejection::QueryRejection};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde_json::Map;
use std::sync::Arc;
use tokio::time::{Instant, timeout_at};

/// `GET /graphql`: a query from the query string, or GraphiQL for a browser.
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let started = Instant::now();
    let pairs = match query {
        Ok(Query(pairs)) => pairs,
        Err(rejection) => {
            let media = negotiate::response_type(&headers);
            return HttpError::BadRequest(rejection.body_text()).into_response_as(media);
        }
    };
    let has_query = pairs.iter().any(|(name, _)| name == "query");
    if !has_query && negotiate::wants_html(&headers) {
        return Html(state.graphiql().to_owned()).into_response();
    }
    let Some(media) = negotiate::response_type(&headers) else {
        return HttpError::NotAcceptable.into_response();
    };
    let params = match Params::from_pairs(pairs) {
        Ok(params) => params,
        Err(error) => return error.into_response_as(Some(media)),
    };
    answer(&state, media, params, (Method::Get, &headers), started).await
}

/// `POST /graphql`: a query in a JSON body, or a batch of them in a JSON
/// array (as Apollo's `BatchHttpLink` sends), answered with an array.
pub async fn post(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let started = Instant::now();
    let Some(media) = negotiate::response_type(&headers) else {
        return HttpError::NotAcceptable.into_response();
    };
    if !negotiate::is_json_body(&headers) {
        return HttpError::UnsupportedMediaType.into_response_as(Some(media));
    }
    let settings = state.settings();
    let deadline = started + settings.request_timeout;
    let bytes = match timeout_at(deadline, read_body(&headers, body, settings.max_body_bytes)).await
    {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(error)) => return error.into_response_as(Some(media)),
        Err(_) => {
            let seconds = settings.request_timeout.as_secs();
            return HttpError::BodyTimeout { seconds }.into_response_as(Some(media));
        }
    };
    if is_batch(&bytes) {
        return answer_batch(&state, media, &bytes, started).await;
    }
    let params = match Params::from_json(&bytes) {
        Ok(params) => params,
        Err(error) => return error.into_response_as(Some(media)),
    };
    answer(&state, media, params, (Method::Post, &headers), started).await
}

/// Whether a body is a batch: a JSON array rather than one request.
fn is_batch(bytes: &[u8]) -> bool {
    bytes.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'[')
}

/// Any other method on `/graphql`.
pub async fn other_method(headers: HeaderMap) -> Response {
    HttpError::MethodNotAllowed.into_response_as(negotiate::response_type(&headers))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Post,
}

/// Reads the body, refusing it as soon as it is known to be too large.
async fn read_body(headers: &HeaderMap, body: Body, limit: usize) -> Result<Bytes, HttpError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(HttpError::PayloadTooLarge { limit });
    }
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => {
            Err(HttpError::PayloadTooLarge { limit })
        }
        Err(error) => Err(HttpError::BadRequest(format!(
            "the request body could not be read: {error}"
        ))),
    }
}

/// The parameters of a GraphQL request, checked as the spec asks: `query`
/// a string; `operationName` a string or null; `variables` and
/// `extensions` maps or null.
#[derive(Debug, PartialEq)]
struct Params {
    /// Absent when a persisted query is named by its hash instead.
    query: Option<String>,
    operation_name: Option<String>,
    variables: Option<Map<String, serde_json::Value>>,
    extensions: Option<Map<String, serde_json::Value>>,
}

impl Params {
    fn from_json(bytes: &[u8]) -> Result<Self, HttpError> {
        Self::from_value(json_body(bytes)?)
    }

    /// From one request object: the body, or an item of a batch.
    fn from_value(value: serde_json::Value) -> Result<Self, HttpError> {
        let serde_json::Value::Object(mut object) = value else {
            return Err(HttpError::BadRequest(
                "the request body must be a JSON object".into(),
            ));
        };
        let query = match object.remove("query") {
            Some(serde_json::Value::String(query)) => Some(query),
            Some(_) => return Err(HttpError::BadRequest("`query` must be a string".into())),
            None => None,
        };
        let operation_name = match object.remove("operationName") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(name)) => Some(name),
            Some(_) => {
                return Err(HttpError::BadRequest(
                    "`operationName` must be a string or null".into(),
                ));
            }
        };
        let extensions = map_or_null(object.remove("extensions"), "extensions")?;
        if query.is_none() && !names_a_persisted_query(extensions.as_ref()) {
            return Err(HttpError::BadRequest("the request has no `query`".into()));
        }
        Ok(Self {
            query,
            operation_name,
            variables: map_or_null(object.remove("variables"), "variables")?,
            extensions,
        })
    }

    /// From a GET's query string, where `variables` and `extensions` are
    /// JSON text.
    fn from_pairs(pairs: Vec<(String, String)>) -> Result<Self, HttpError> {
        let mut query = None;
        let mut operation_name = None;
        let mut variables = None;
        let mut extensions = None;
        for (name, value) in pairs {
            let slot = match name.as_str() {
                "query" => &mut query,
                "operationName" => &mut operation_name,
                "variables" => &mut variables,
                "extensions" => &mut extensions,
                _ => continue,
            };
            if slot.replace(value).is_some() {
                return Err(HttpError::BadRequest(format!("`{name}` is given twice")));
            }
        }
        let json = |text: Option<String>, name: &str| -> Result<_, HttpError> {
            let Some(text) = text else {
                return Ok(None);
            };
            let value = serde_json::from_str(&text).map_err(|error| {
                HttpError::BadRequest(format!("`{name}` is not valid JSON: {error}"))
            })?;
            map_or_null(Some(value), name)
        };
        let extensions = json(extensions, "extensions")?;
        if query.is_none() && !names_a_persisted_query(extensions.as_ref()) {
            return Err(HttpError::MissingQuery);
        }
        Ok(Self {
            query,
            operation_name: operation_name.filter(|name| !name.is_empty()),
            variables: json(variables, "variables")?,
            extensions,
        })
    }

    fn prepare(self, query: String, documents: &DocumentCache) -> PreparedRequest {
        PreparedRequest::new(
            documents,
            query,
            self.operation_name,
            self.variables,
            self.extensions,
        )
    }
}

/// The body read as JSON.
fn json_body(bytes: &[u8]) -> Result<serde_json::Value, HttpError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(HttpError::BadRequest("the request body is empty".into()));
    }
    serde_json::from_slice(bytes).map_err(|error| {
        HttpError::BadRequest(format!("the request body is not valid JSON: {error}"))
    })
}

/// Whether the request names its query by `extensions.persistedQuery`
/// instead of sending it.
fn names_a_persisted_query(extensions: Option<&Map<String, serde_json::Value>>) -> bool {
    extensions.is_some_and(|extensions| extensions.contains_key("persistedQuery"))
}

fn map_or_null(
    value: Option<serde_json::Value>,
    name: &str,
) -> Result<Option<Map<String, serde_json::Value>>, HttpError> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Object(map)) => Ok(Some(map)),
        Some(_) => Err(HttpError::BadRequest(format!(
            "`{name}` must be an object or null"
        ))),
    }
}

/// The query a request runs: the one it sends, or the persisted one its
/// hash names; refused past `--max-query-bytes`.
fn query_text(state: &AppState, params: &mut Params, method: Method) -> Result<String, HttpError> {
    let missing = if method == Method::Get {
        HttpError::MissingQuery
    } else {
        HttpError::BadRequest("the request has no `query`".into())
    };
    let query =
        state
            .persisted()
            .query_of(params.query.take(), params.extensions.as_ref(), missing)?;
    let limit = state.settings().max_query_bytes;
    if query.len() > limit {
        return Err(HttpError::QueryTooLong { limit });
    }
    Ok(query)
}

/// Runs a batch as one request: one turn of the concurrency limit, one
/// graph, one deadline and one cost budget (`--max-batch-complexity`) for
/// all its operations, run in order. Each operation gets its own answer and errors, at its place in
/// the array; an item that is not a request gets its refusal there. A
/// batch that is empty, too long or not JSON is refused whole.
async fn answer_batch(
    state: &AppState,
    media: ResponseType,
    bytes: &[u8],
    started: Instant,
) -> Response {
    let settings = state.settings();
    let items = match batch_items(bytes, settings.max_batch_len) {
        Ok(items) => items,
        Err(error) => return error.into_response_as(Some(media)),
    };
    let deadline = started + settings.request_timeout;
    let graph = state.graph();
    let version = graph.version().to_owned();
    let budget = BatchBudget::new(settings.max_batch_complexity);
    let run = async {
        let _permit = state.execution_permit().await;
        let mut answers = Vec::with_capacity(items.len());
        for item in items {
            answers.push(batch_operation(state, item, &graph, &budget, deadline).await);
        }
        answers
    };
    let Ok(answers) = timeout_at(deadline, run).await else {
        let seconds = settings.request_timeout.as_secs();
        return HttpError::ExecutionTimeout { seconds }.into_response_as(Some(media));
    };
    let mut body =
        Vec::with_capacity(answers.iter().map(Bytes::len).sum::<usize>() + answers.len() + 1);
    body.push(b'[');
    for (index, answer) in answers.iter().enumerate() {
        if index > 0 {
            body.push(b',');
        }
        body.extend_from_slice(answer);
    }
    body.push(b']');
    let mut http = (StatusCode::OK, body).into_response();
    let headers = http.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(media.content_type()),
    );
    if let Ok(value) = HeaderValue::from_str(&version) {
        headers.insert(super::VERSION_HEADER, value);
    }
    http
}

/// The items of a batch body, refused when it is empty or longer than
/// `max_len` (0: batches are off).
fn batch_items(bytes: &[u8], max_len: usize) -> Result<Vec<serde_json::Value>, HttpError> {
    let serde_json::Value::Array(items) = json_body(bytes)? else {
        return Err(HttpError::BadRequest("a batch must be a JSON array".into()));
    };
    if max_len == 0 {
        return Err(HttpError::BadRequest(
            "this server takes one request per body, not a batch".into(),
        ));
    }
    if items.is_empty() {
        return Err(HttpError::BadRequest("the batch is empty".into()));
    }
    if items.len() > max_len {
        return Err(HttpError::BatchTooLong {
            limit: max_len,
            length: items.len(),
        });
    }
    Ok(items)
}

/// One operation of a batch, answered as the JSON of its response: the
/// answer kept for the same request on this graph, or a new one (which
/// draws on the batch's budget, and is kept when it has no error).
async fn batch_operation(
    state: &AppState,
    item: serde_json::Value,
    graph: &std::sync::Arc<crate::graph::SkillGraph>,
    budget: &BatchBudget,
    deadline: Instant,
) -> Bytes {
    let started = Instant::now();
    let prepared = Params::from_value(item).and_then(|mut params| {
        let query = query_text(state, &mut params, Method::Post)?;
        Ok((params, query))
    });
    let (params, query) = match prepared {
        Ok(prepared) => prepared,
        Err(error) => return Bytes::from(error.body().to_string()),
    };
    let key = answer_key(&caching::request_digest(
        graph.version(),
        &query,
        params.operation_name.as_deref(),
        params.variables.as_ref(),
    ));
    if let Some(kept) = state.answers().get(&key) {
        let metrics = state.metrics();
        let operation = kept.operation.as_deref();
        if let Err(refusal) = budget.draw(kept.cost) {
            metrics.record_request(operation, started.elapsed(), true);
            return written_or_internal(&Answer::refused(refusal));
        }
        metrics.record_request(operation, started.elapsed(), false);
        return kept.json;
    }
    let request = params.prepare(query, state.documents()).within(budget);
    let operation = request.operation_name().map(str::to_owned);
    let deadline = Deadline::at(deadline.into_std());
    let answer = request.run(state.schema(), graph.clone(), deadline).await;
    let failed = answer.has_errors();
    state
        .metrics()
        .record_request(operation.as_deref(), started.elapsed(), failed);
    let json = written_or_internal(&answer);
    if !failed {
        keep(
            state,
            graph.version(),
            key,
            kept(&answer, json.clone(), operation),
        );
    }
    json
}

/// The JSON of a batch operation's answer, or an internal error in its
/// place if it cannot be written.
fn written_or_internal(answer: &Answer) -> Bytes {
    match answer.to_json() {
        Ok(json) => Bytes::from(json),
        Err(error) => {
            tracing::error!(%error, "a GraphQL response could not be written as JSON");
            let internal = serde_json::json!({ "errors": [{ "message": "the answer could not be written",
                "extensions": { "code": Code::InternalServerError.as_str() } }] });
            Bytes::from(internal.to_string())
        }
    }
}

/// Runs the request on the graph being served now and writes the answer,
/// or gives the answer already given to the same request on this graph.
async fn answer(
    state: &AppState,
    media: ResponseType,
    mut params: Params,
    (method, headers): (Method, &HeaderMap),
    started: Instant,
) -> Response {
    let settings = state.settings();
    let query = match query_text(state, &mut params, method) {
        Ok(query) => query,
        Err(error) => return error.into_response_as(Some(media)),
    };
    // One load of the pointer per request: a reload that lands meanwhile
    // does not change the graph this request reads, nor its tag.
    let graph = state.graph();
    let version = graph.version().to_owned();
    let digest = caching::request_digest(
        &version,
        &query,
        params.operation_name.as_deref(),
        params.variables.as_ref(),
    );
    let tag = (method == Method::Get).then(|| caching::etag(&digest));
    if let Some(tag) = &tag
        && caching::still_fresh(headers, tag)
    {
        return not_modified(tag.clone(), settings.cache_max_age, &version);
    }
    let key = answer_key(&digest);
    if let Some(kept) = state.answers().get(&key) {
        return answer_kept(state, media, kept, (tag, headers), (&version, started));
    }
    let metrics = state.metrics();
    let request = params.prepare(query, state.documents());
    let operation = request.operation_name().map(str::to_owned);
    if method == Method::Get && request.kind() == Some(OperationKind::Mutation) {
        return HttpError::MutationOverGet.into_response_as(Some(media));
    }
    let deadline = started + settings.request_timeout;
    let execution = async {
        let _permit = state.execution_permit().await;
        let deadline = Deadline::at(deadline.into_std());
        request.run(state.schema(), graph, deadline).await
    };
    let timed_out = |metrics: &super::metrics::Metrics| {
        metrics.record_request(operation.as_deref(), started.elapsed(), true);
        let seconds = settings.request_timeout.as_secs();
        HttpError::ExecutionTimeout { seconds }.into_response_as(Some(media))
    };
    let Ok(response) = timeout_at(deadline, execution).await else {
        return timed_out(metrics);
    };
    if response.stopped_by() == Some(Code::Timeout) {
        return timed_out(metrics);
    }
    let failed = response.has_errors();
    metrics.record_request(operation.as_deref(), started.elapsed(), failed);
    if let Some(tag) = tag.as_ref().filter(|_| !failed)
        && caching::asks_for_any(headers)
    {
        return not_modified(tag.clone(), settings.cache_max_age, &version);
    }
    let Some((status, body)) = written(media, &response) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if !failed {
        keep(
            state,
            &version,
            key,
            kept(&response, body.clone(), operation),
        );
    }
    let tagged = tag
        .filter(|_| !failed)
        .map(|tag| (tag, settings.cache_max_age));
    respond(status, media, body, &version, tagged)
}

/// Gives an answer kept from an identical request on this graph. Only
/// answers without an error are kept, so this one ran, is a query (a
/// mutation over GET would have been refused) and may carry the tag.
fn answer_kept(
    state: &AppState,
    media: ResponseType,
    kept: KeptAnswer,
    (tag, headers): (Option<HeaderValue>, &HeaderMap),
    (version, started): (&str, Instant),
) -> Response {
    let max_age = state.settings().cache_max_age;
    let operation = kept.operation.as_deref();
    state
        .metrics()
        .record_request(operation, started.elapsed(), false);
    match tag {
        Some(tag) if caching::asks_for_any(headers) => not_modified(tag, max_age, version),
        tag => respond(
            StatusCode::OK,
            media,
            kept.json,
            version,
            tag.map(|tag| (tag, max_age)),
        ),
    }
}

/// The answer cache's key for a request's digest.
fn answer_key(digest: &[u8; 32]) -> AnswerKey {
    let mut key = AnswerKey::default();
    let width = key.len();
    key.copy_from_slice(&digest[..width]);
    key
}

/// An answer as the cache keeps it.
fn kept(answer: &Answer, json: Bytes, operation: Option<String>) -> KeptAnswer {
    KeptAnswer {
        json,
        operation: operation.map(Arc::from),
        cost: answer.cost(),
    }
}

/// Keeps an answer given on the graph of `version`, unless a reload has
/// meanwhile installed another: nobody would ask for it again.
fn keep(state: &AppState, version: &str, key: AnswerKey, body: KeptAnswer) {
    let answers = state.answers();
    if answers.is_on() && state.graph().version() == version {
        answers.insert(key, body);
    }
}

/// An answer's status and JSON: 400 under `application/graphql-response+json`
/// for a request that never ran, else 200; `None` if it cannot be written.
fn written(media: ResponseType, answer: &Answer) -> Option<(StatusCode, Bytes)> {
    let bytes = answer
        .to_json()
        .map_err(|error| tracing::error!(%error, "a GraphQL response could not be written as JSON"))
        .ok()?;
    let status = match media {
        ResponseType::GraphqlResponse if answer.is_request_error() => StatusCode::BAD_REQUEST,
        _ => StatusCode::OK,
    };
    Some((status, Bytes::from(bytes)))
}

/// The HTTP response of an answer: its type, the version of the graph
/// that answered (which a reload meanwhile does not change) and, for a
/// GET answer without errors, its tag and how long caches may keep it.
fn respond(
    status: StatusCode,
    media: ResponseType,
    body: Bytes,
    version: &str,
    tagged: Option<(HeaderValue, std::time::Duration)>,
) -> Response {
    let mut http = (status, body).into_response();
    let headers = http.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(media.content_type()),
    );
    if let Ok(value) = HeaderValue::from_str(version) {
        headers.insert(super::VERSION_HEADER, value);
    }
    if let Some((tag, max_age)) = tagged {
        headers.insert(header::ETAG, tag);
        headers.insert(header::CACHE_CONTROL, caching::cache_control(max_age));
    }
    http
}

/// `304 Not Modified`: the client's copy of this answer still holds.
fn not_modified(tag: HeaderValue, max_age: std::time::Duration, version: &str) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    let headers = response.headers_mut();
    headers.insert(header::ETAG, tag);
    headers.insert(header::CACHE_CONTROL, caching::cache_control(max_age));
    if let Ok(value) = HeaderValue::from_str(version) {
        headers.insert(super::VERSION_HEADER, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn params(body: serde_json::Value) -> Result<Params, HttpError> {
        Params::from_json(body.to_string().as_bytes())
    }

    #[test]
    fn nulls_stand_for_absent_parameters() {
        let parsed = params(json!({
            "query": "{ __typename }",
            "operationName": null,
            "variables": null,
            "extensions": null,
        }))
        .unwrap();
        assert_eq!(parsed.operation_name, None);
        assert_eq!(parsed.variables, None);
        assert_eq!(parsed.extensions, None);
    }

    #[test]
    fn parameters_of_the_wrong_type_are_bad_requests() {
        for body in [
            json!({ "notquery": "{ __typename }" }),
            json!({ "query": 0 }),
            json!({ "query": ["array"] }),
            json!({ "query": "{ a }", "operationName": false }),
            json!({ "query": "{ a }", "variables": "string" }),
            json!({ "query": "{ a }", "variables": ["array"] }),
            json!({ "query": "{ a }", "extensions": 0 }),
            json!(["not", "an", "object"]),
        ] {
            let error = params(body.clone()).expect_err(&body.to_string());
            assert_eq!(error.status(), StatusCode::BAD_REQUEST, "{body}");
        }
        assert!(Params::from_json(b"{ \"not a JSON").is_err());
        assert!(Params::from_json(b"").is_err());
    }

    #[test]
    fn get_parameters_carry_variables_as_json_text() {
        let parsed = Params::from_pairs(vec![
            ("query".into(), "query Q($a: Int) { x }".into()),
            ("variables".into(), r#"{"a": 1}"#.into()),
            ("operationName".into(), "Q".into()),
        ])
        .unwrap();
        assert_eq!(
            parsed.variables,
            Some(json!({"a": 1}).as_object().cloned().unwrap())
        );
        assert_eq!(parsed.operation_name.as_deref(), Some("Q"));
        assert!(matches!(
            Params::from_pairs(vec![("variables".into(), "{}".into())]),
            Err(HttpError::MissingQuery)
        ));
        assert!(
            Params::from_pairs(vec![
                ("query".into(), "{ x }".into()),
                ("variables".into(), "[1]".into()),
            ])
            .is_err()
        );
    }
}
