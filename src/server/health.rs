//! `/healthz` (the process answers) and `/readyz` (it serves a good graph).
//!
//! Readiness is about the corpus: a server that kept its last good graph
//! because the folder vanished still answers queries, but says it is not
//! ready, and why, so the cause reaches whoever watches the probes.

use super::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde_json::json;

/// `GET /healthz`: 200 while the process can answer at all.
pub async fn healthz() -> impl IntoResponse {
    Json(json!({ "status": "ok" }))
}

/// `GET /readyz`: 200 with the guide count when a graph is loaded and the
/// last reload worked; 503 with the reason otherwise. Both list the files
/// the graph being served could not read, by file and line.
pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let graph = state.graph();
    let stats = graph.stats();
    let reason = match state.reload_failure() {
        Some(failure) => Some(format!(
            "the last reload failed ({}), so the graph loaded at {} is still served: {}",
            humantime::format_rfc3339_seconds(failure.at),
            humantime::format_rfc3339_seconds(graph.loaded_at()),
            failure.reason
        )),
        None if stats.guides == 0 => Some(format!("no guide was loaded from {}", state.source())),
        None => None,
    };
    let status = if reason.is_some() {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::OK
    };
    let mut body = json!({
        "status": if reason.is_some() { "not ready" } else { "ready" },
        "source": state.source().to_string(),
        "version": graph.version(),
        "guides": stats.guides,
        "nodes": stats.nodes,
        "edges": stats.edges,
        "loadedAt": humantime::format_rfc3339_seconds(graph.loaded_at()).to_string(),
        "errors": graph.errors(),
        "warnings": graph.warnings().len(),
    });
    if let Some(reason) = reason {
        body["reason"] = reason.into();
    }
    (status, Json(body))
}
