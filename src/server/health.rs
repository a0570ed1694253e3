//! `/healthz` (the process answers) and `/readyz` (it serves a graph).
//!
//! Readiness is what a load balancer routes by, so it answers one
//! question: should requests come here? A server that kept its last good
//! graph because a reload failed still answers every query, so it stays
//! in (200, `"degraded"`, with the reason), as does one serving a graph
//! that lost a guide it served before; only a server with no guide to
//! serve is taken out (503). Were a failed reload a 503, every replica
//! reading the same broken folder would leave the pool at once.

use super::AppState;
use crate::guide::DIAGNOSTICS_PER_FILE;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde_json::json;

/// `GET /healthz`: 200 while the process can answer at all.
pub async fn healthz() -> impl IntoResponse {
    Json(json!({ "status": "ok" }))
}

/// Whether this replica should get requests, and why not quite.
enum Readiness {
    /// Serving the graph of the corpus as it is now.
    Ready,
    /// Serving the last good graph; the corpus as it is now could not be read.
    Degraded(String),
    /// Nothing to serve.
    NotReady(String),
}

impl Readiness {
    fn status(&self) -> StatusCode {
        match self {
            Readiness::Ready | Readiness::Degraded(_) => StatusCode::OK,
            Readiness::NotReady(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn word(&self) -> &'static str {
        match self {
            Readiness::Ready => "ready",
            Readiness::Degraded(_) => "degraded",
            Readiness::NotReady(_) => "not ready",
        }
    }

    fn reason(&self) -> Option<&str> {
        match self {
            Readiness::Ready => None,
            Readiness::Degraded(reason) | Readiness::NotReady(reason) => Some(reason),
        }
    }
}

fn readiness(state: &AppState) -> Readiness {
    let graph = state.graph();
    if graph.stats().guides == 0 {
        return Readiness::NotReady(format!(
            "no guide was loaded from {}",
            state.source().name()
        ));
    }
    let mut reasons = Vec::new();
    if let Some(failure) = state.reload_failure() {
        reasons.push(format!(
            "the last reload failed ({}), so the graph loaded at {} is still served: {}",
            humantime::format_rfc3339_seconds(failure.at),
            humantime::format_rfc3339_seconds(graph.loaded_at()),
            failure.reason
        ));
    }
    let lost = graph.lost_guides();
    if !lost.is_empty() {
        let named: Vec<String> = lost
            .iter()
            .take(DIAGNOSTICS_PER_FILE)
            .map(|error| format!("{}: line {}: {}", error.file, error.line, error.message))
            .collect();
        let more = lost.len().saturating_sub(named.len());
        reasons.push(format!(
            "{} guides served before no longer load and are left out until they do: {}{}",
            lost.len(),
            named.join("; "),
            if more > 0 {
                format!("; and {more} more")
            } else {
                String::new()
            }
        ));
    }
    if reasons.is_empty() {
        Readiness::Ready
    } else {
        Readiness::Degraded(reasons.join("; "))
    }
}

/// `GET /readyz`: 200 `"ready"` when the graph of the corpus as it is now
/// is served; 200 `"degraded"` with the reason when the last reload failed
/// and the previous graph is still served; 503 `"not ready"` with the
/// reason when no guide is served, and `"degraded"` too while a guide
/// served before no longer loads. All list the files the graph being
/// served could not read, by file and line, at most
/// [`DIAGNOSTICS_PER_FILE`] of each file, with how many more each had and
/// how many guides and postings were dropped, and whether the folder is
/// watched (`watching`): an edit made once it is true is read.
pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let graph = state.graph();
    let stats = graph.stats();
    let readiness = readiness(&state);
    let mut body = json!({
        "status": readiness.word(),
        "source": state.source().name(),
        "version": graph.version(),
        "guides": stats.guides,
        "nodes": stats.nodes,
        "edges": stats.edges,
        "loadedAt": humantime::format_rfc3339_seconds(graph.loaded_at()).to_string(),
        "errors": graph.errors(),
        "errorCount": graph.error_count(),
        "warnings": graph.warning_count(),
        "omitted": graph.omitted(),
        "dropped": graph.dropped(),
        "watching": state.is_watching(),
    });
    if let Some(reason) = readiness.reason() {
        body["reason"] = reason.into();
    }
    (readiness.status(), Json(body))
}
