//! Prometheus metrics: requests, errors and latency by operation name,
//! graph size and reloads, WebSockets and subscriptions, served as text at
//! `/metrics`.
//!
//! Each app owns its recorder instead of installing a global one, so
//! several servers in one process (the tests) each count only their own
//! requests, and nothing here depends on what else the process installed.

use crate::graph::{CompilePhase, GraphStats, Phase};
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use metrics::{counter, gauge, histogram, with_local_recorder};
use metrics_exporter_prometheus::{
    Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder,
};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::AppState;
use super::answers::AnswerCacheStats;

const REQUESTS: &str = "skillgraph_graphql_requests_total";
const ERRORS: &str = "skillgraph_graphql_errors_total";
const DURATION: &str = "skillgraph_graphql_request_duration_seconds";
const NODES: &str = "skillgraph_graph_nodes";
const EDGES: &str = "skillgraph_graph_edges";
const GUIDES: &str = "skillgraph_graph_guides";
const RELOADS: &str = "skillgraph_reloads_total";
const DEGRADED: &str = "skillgraph_corpus_degraded";
const COMPILE_SECONDS: &str = "skillgraph_compile_seconds";
const CORPUS: &str = "skillgraph_corpus_info";
const SOCKETS: &str = "skillgraph_websocket_connections";
const SUBSCRIBERS: &str = "skillgraph_corpus_changed_subscribers";
const ANSWER_HITS: &str = "skillgraph_answer_cache_hits_total";
const ANSWER_MISSES: &str = "skillgraph_answer_cache_misses_total";
const ANSWER_EVICTIONS: &str = "skillgraph_answer_cache_evictions_total";
const ANSWER_BYTES: &str = "skillgraph_answer_cache_bytes";
const ANSWER_ENTRIES: &str = "skillgraph_answer_cache_entries";

/// Latency buckets, in seconds: most queries answer in well under a
/// millisecond, the timeout is seconds away.
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Operation names are chosen by clients: with no persisted-query list to
/// say which are real, the first this many distinct ones are labels and
/// later ones are counted as `other`, so a flood of made-up names cannot
/// grow the metrics without bound.
const MAX_OPERATION_NAMES: usize = 200;

/// The label for operations that get no label of their own.
pub const OTHER: &str = "other";

/// The label for requests without an operation name.
pub const ANONYMOUS: &str = "anonymous";

/// This app's recorder and the handle that renders it.
#[derive(Clone)]
pub struct Metrics {
    recorder: Arc<PrometheusRecorder>,
    handle: PrometheusHandle,
    /// Operation names already used as labels.
    names: Arc<Mutex<HashSet<String>>>,
    /// The operations of the persisted-query list, when one was given:
    /// then only they are labels.
    listed: Option<Arc<HashSet<String>>>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// Metrics labelling the first operation names they see.
    pub fn new() -> Self {
        Self::labelling(None)
    }

    /// Metrics labelling only the operations `listed`, when given (the
    /// persisted-query list's), and any other as `other`.
    pub fn labelling(listed: Option<HashSet<String>>) -> Self {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(DURATION.to_owned()), BUCKETS)
            .expect("the bucket list is not empty")
            .build_recorder();
        let handle = recorder.handle();
        with_local_recorder(&recorder, || {
            metrics::describe_counter!(REQUESTS, "GraphQL requests answered, by operation name");
            metrics::describe_counter!(
                ERRORS,
                "GraphQL requests answered with at least one error, by operation name"
            );
            metrics::describe_histogram!(
                DURATION,
                metrics::Unit::Seconds,
                "Time from a GraphQL request's headers to its answer, by operation name"
            );
            metrics::describe_gauge!(NODES, "Nodes in the graph being served");
            metrics::describe_gauge!(EDGES, "Edges in the graph being served");
            metrics::describe_gauge!(GUIDES, "Guides in the graph being served");
            metrics::describe_counter!(RELOADS, "Corpus reloads, by result (ok or error)");
            metrics::describe_gauge!(
                DEGRADED,
                "1 while the last reload failed and the previous graph is served, or a guide served before no longer loads, else 0"
            );
            metrics::describe_gauge!(
                CORPUS,
                "1 for the corpus version being served, 0 for versions served before"
            );
            let phases: Vec<&str> = Phase::ALL.iter().map(|phase| phase.name()).collect();
            metrics::describe_gauge!(
                COMPILE_SECONDS,
                format!(
                    "Seconds each phase of the served graph's compile took ({})",
                    phases.join(", ")
                )
            );
            metrics::describe_gauge!(SOCKETS, "WebSocket connections open at /graphql/ws");
            metrics::describe_counter!(
                ANSWER_HITS,
                "Requests given an answer kept from an identical request on the same corpus version"
            );
            metrics::describe_counter!(
                ANSWER_MISSES,
                "Requests the answer cache did not hold, which ran"
            );
            metrics::describe_counter!(
                ANSWER_EVICTIONS,
                "Answers pushed out of the answer cache to make room"
            );
            metrics::describe_gauge!(
                ANSWER_BYTES,
                metrics::Unit::Bytes,
                "Bytes the answer cache holds (--answer-cache-bytes bounds it)"
            );
            metrics::describe_gauge!(ANSWER_ENTRIES, "Answers the answer cache holds");
            metrics::describe_gauge!(
                SUBSCRIBERS,
                "corpusChanged subscriptions listening for the next reload"
            );
            // Both results appear from the start, so a rate over them is
            // defined before the first reload.
            for result in ["ok", "error"] {
                counter!(RELOADS, "result" => result).increment(0);
            }
            gauge!(DEGRADED).set(0.0);
        });
        Self {
            recorder: Arc::new(recorder),
            handle,
            names: Arc::default(),
            listed: listed.map(Arc::new),
        }
    }

    /// The label for `name`: the name itself when the persisted-query
    /// list holds it, or, with no list, while few names have been seen;
    /// else `other`.
    fn operation_label(&self, name: Option<&str>) -> String {
        let Some(name) = name.filter(|name| is_graphql_name(name)) else {
            return ANONYMOUS.to_owned();
        };
        if let Some(listed) = &self.listed {
            return if listed.contains(name) { name } else { OTHER }.to_owned();
        }
        let mut names = self
            .names
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if names.contains(name) {
            return name.to_owned();
        }
        if names.len() < MAX_OPERATION_NAMES {
            names.insert(name.to_owned());
            return name.to_owned();
        }
        OTHER.to_owned()
    }

    /// Counts one answered GraphQL request.
    pub fn record_request(&self, operation: Option<&str>, elapsed: Duration, failed: bool) {
        let operation = self.operation_label(operation);
        with_local_recorder(&*self.recorder, || {
            counter!(REQUESTS, "operation" => operation.clone()).increment(1);
            if failed {
                counter!(ERRORS, "operation" => operation.clone()).increment(1);
            }
            histogram!(DURATION, "operation" => operation).record(elapsed.as_secs_f64());
        });
    }

    /// Sets the graph size gauges.
    pub fn record_graph(&self, stats: &GraphStats) {
        with_local_recorder(&*self.recorder, || {
            gauge!(NODES).set(stats.nodes as f64);
            gauge!(EDGES).set(stats.edges as f64);
            gauge!(GUIDES).set(stats.guides as f64);
        });
    }

    /// Sets how long each phase of the served graph's compile took.
    pub fn record_compile(&self, phases: &[CompilePhase]) {
        with_local_recorder(&*self.recorder, || {
            for phase in phases {
                gauge!(COMPILE_SECONDS, "phase" => phase.phase.name())
                    .set(phase.duration.as_secs_f64());
            }
        });
    }

    /// Marks `current` as the corpus version served, and `previous` (the
    /// one it replaces) as no longer served.
    pub fn record_version(&self, previous: Option<&str>, current: &str) {
        with_local_recorder(&*self.recorder, || {
            if let Some(previous) = previous.filter(|previous| *previous != current) {
                gauge!(CORPUS, "version" => previous.to_owned()).set(0.0);
            }
            gauge!(CORPUS, "version" => current.to_owned()).set(1.0);
        });
    }

    /// Notes the WebSockets open and the `corpusChanged` subscriptions
    /// listening, read when `/metrics` is scraped.
    pub fn record_sockets(&self, open: usize, subscribers: usize) {
        with_local_recorder(&*self.recorder, || {
            gauge!(SOCKETS).set(open as f64);
            gauge!(SUBSCRIBERS).set(subscribers as f64);
        });
    }

    /// Sets the answer cache's figures; it counts them itself, so that a
    /// hit costs no more than an atomic increment.
    pub fn record_answer_cache(&self, stats: &AnswerCacheStats) {
        with_local_recorder(&*self.recorder, || {
            counter!(ANSWER_HITS).absolute(stats.hits);
            counter!(ANSWER_MISSES).absolute(stats.misses);
            counter!(ANSWER_EVICTIONS).absolute(stats.evictions);
            gauge!(ANSWER_BYTES).set(stats.bytes as f64);
            gauge!(ANSWER_ENTRIES).set(stats.entries as f64);
        });
    }

    /// Counts one reload; a failed one leaves the corpus degraded, a good
    /// one too when `lost_guides` (guides served before no longer load).
    pub fn record_reload(&self, ok: bool, lost_guides: bool) {
        let result = if ok { "ok" } else { "error" };
        with_local_recorder(&*self.recorder, || {
            counter!(RELOADS, "result" => result).increment(1);
            gauge!(DEGRADED).set(if ok && !lost_guides { 0.0 } else { 1.0 });
        });
    }

    /// Folds recent histogram samples into their buckets; run now and then
    /// so samples do not pile up between scrapes.
    pub fn run_upkeep(&self) {
        self.handle.run_upkeep();
    }

    /// Everything, in Prometheus text format.
    pub fn render(&self) -> String {
        self.handle.render()
    }
}

/// Whether `name` is a GraphQL name (`/[_A-Za-z][_0-9A-Za-z]*/`) of
/// reasonable length.
fn is_graphql_name(name: &str) -> bool {
    let mut chars = name.chars();
    name.len() <= 100
        && chars
            .next()
            .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// `GET /metrics`.
pub async fn render(State(state): State<AppState>) -> impl IntoResponse {
    state
        .metrics()
        .record_sockets(state.open_sockets(), state.feed().subscribers());
    state
        .metrics()
        .record_answer_cache(&state.answers().stats());
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics().render(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_names_are_labels_until_there_are_too_many() {
        let metrics = Metrics::new();
        assert_eq!(metrics.operation_label(Some("JobPage")), "JobPage");
        assert_eq!(metrics.operation_label(None), ANONYMOUS);
        assert_eq!(metrics.operation_label(Some("not a name")), ANONYMOUS);
        for index in 0..MAX_OPERATION_NAMES {
            metrics.operation_label(Some(&format!("Op{index}")));
        }
        assert_eq!(metrics.operation_label(Some("OneTooMany")), OTHER);
        assert_eq!(metrics.operation_label(Some("JobPage")), "JobPage");
    }

    #[test]
    fn with_a_persisted_list_only_its_operations_are_labels() {
        let listed = HashSet::from(["JobPage".to_owned()]);
        let metrics = Metrics::labelling(Some(listed));
        assert_eq!(metrics.operation_label(Some("JobPage")), "JobPage");
        assert_eq!(metrics.operation_label(None), ANONYMOUS);
        for index in 0..1_000 {
            assert_eq!(
                metrics.operation_label(Some(&format!("Made{index}"))),
                OTHER
            );
        }
        assert!(metrics.names.lock().expect("not poisoned").is_empty());
    }

    #[test]
    fn a_recorded_request_shows_in_the_text_by_operation() {
        let metrics = Metrics::new();
        metrics.record_request(Some("JobPage"), Duration::from_millis(3), true);
        let text = metrics.render();
        assert!(text.contains(r#"skillgraph_graphql_requests_total{operation="JobPage"} 1"#));
        assert!(text.contains(r#"skillgraph_graphql_errors_total{operation="JobPage"} 1"#));
        assert!(text.contains(
            r#"skillgraph_graphql_request_duration_seconds_bucket{operation="JobPage",le="0.005"} 1"#
        ));
    }
}
