//! HTTP: the GraphQL endpoint, health, metrics, reload and shutdown.
//!
//! [`app`] builds the router from an [`AppState`]; [`run`] serves it on a
//! listener until a shutdown future resolves, letting requests in flight
//! finish. The binary and the tests go through the same `run`, so what the
//! tests see is what `skillgraph serve` does.
//!
//! - [`config`]: the `serve` flags and the [`Settings`] they make.
//! - [`connections`]: accepting connections, their timeouts and their cap.
//! - [`cors`]: which origins and headers browsers may call the API with.
//! - [`state`]: the shared state: schema, graph pointer, source, metrics.
//! - [`graphql`]: `/graphql`, GraphQL over HTTP with content negotiation.
//! - [`caching`]: `ETag`s and `304`; [`answers`]: answers kept in memory.
//! - [`graphiql`]: the GraphiQL page at `/graphql`, its scripts pinned.
//! - [`negotiate`]: `Accept` and `Content-Type`.
//! - [`error`]: refusals (413, 415, …) in GraphQL's error shape.
//! - [`health`]: `/healthz` and `/readyz`.
//! - [`metrics`]: `/metrics`, in Prometheus text.
//! - [`reload`]: the folder watcher and the atomic swap.
//! - [`shutdown`]: signals, and the trigger every task waits on.
//! - [`subscriptions`]: `/graphql/ws`, subscriptions over WebSocket.
//! - [`telemetry`]: the log subscriber.

pub mod answers;
pub mod caching;
pub mod config;
pub mod connections;
pub mod cors;
pub mod error;
pub mod explorer;
pub mod graphiql;
pub mod graphql;
pub mod health;
pub mod metrics;
pub mod negotiate;
pub mod persisted;
pub mod reload;
pub mod shutdown;
pub mod state;
pub mod subscriptions;
pub mod telemetry;

pub use config::{LogFormat, ServeArgs, Settings};
pub use state::AppState;

use crate::graph::{CorpusSource, SkillGraph};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use shutdown::Shutdown;
use std::future::Future;
use std::process::ExitCode;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

/// The routes, with CORS, compression and tracing. Limits on bodies, time
/// and concurrency are applied by the GraphQL handler, so that each
/// refusal is a GraphQL error and one deadline covers the whole request.
///
/// Answers and the explorer's files are gzip- or brotli-encoded when the
/// client accepts it (tower-http picks by `Accept-Encoding`, adds `Vary:
/// accept-encoding`, and leaves bodies under 32 bytes, event streams and
/// the WebSocket upgrade alone). The tags stay valid across encodings,
/// being weak ([`caching`]).
pub fn app(state: AppState) -> Router {
    let settings = state.settings();
    let graphql = get(graphql::get)
        .post(graphql::post)
        .fallback(graphql::other_method)
        .layer(axum::middleware::map_response(vary_by_accept))
        .layer(axum::middleware::map_response(graphiql::with_policy));
    Router::new()
        .route("/graphql", graphql)
        .route(subscriptions::PATH, get(subscriptions::upgrade))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::render))
        .merge(explorer::routes())
        .fallback(not_found)
        .layer(axum::middleware::map_response_with_state(
            state.clone(),
            with_corpus_version,
        ))
        .layer(
            settings
                .cors
                .layer(&[HeaderName::from_static(VERSION_HEADER)]),
        )
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// `/graphql` answers JSON, GraphQL JSON or a page depending on `Accept`:
/// caches must keep them apart.
async fn vary_by_accept(mut response: Response) -> Response {
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("accept"));
    response
}

/// The response header that carries the version of the corpus served.
pub const VERSION_HEADER: &str = "x-skillgraph-corpus-version";

/// Every response says which corpus version the server holds; a GraphQL
/// answer has already said which one answered it.
async fn with_corpus_version(State(state): State<AppState>, mut response: Response) -> Response {
    if !response.headers().contains_key(VERSION_HEADER)
        && let Ok(value) = HeaderValue::from_str(state.graph().version())
    {
        response.headers_mut().insert(VERSION_HEADER, value);
    }
    response
}

async fn not_found() -> error::HttpError {
    error::HttpError::NotFound
}

/// Serves `state` on `listener` until `shutdown` resolves, then stops
/// accepting connections and returns once the requests in flight are
/// answered. Watches the corpus folder meanwhile when the settings say so.
pub async fn run(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let address = listener.local_addr()?;
    let (shutdown, relay) = Shutdown::new(shutdown);
    let watcher = reload::spawn_watcher(state.clone(), shutdown.clone());
    let upkeep = tokio::spawn(upkeep(state.metrics().clone(), shutdown.clone()));
    // Upgraded sockets are no longer connections hyper waits for: tell
    // them to close.
    let sockets = {
        let (state, shutdown) = (state.clone(), shutdown.clone());
        tokio::spawn(async move {
            shutdown.requested().await;
            state.close_sockets();
        })
    };
    let limits = connections::Limits {
        header_read_timeout: state.settings().header_read_timeout,
        idle_timeout: state.settings().idle_timeout,
        max_connections: connections::connection_cap(state.settings().max_connections),
    };
    tracing::info!(
        "listening on http://{address} (at most {} connections at once)",
        limits.max_connections
    );
    connections::serve(listener, app(state), limits, shutdown.requested()).await;
    relay.abort();
    upkeep.abort();
    sockets.abort();
    if let Some(watcher) = watcher {
        watcher.abort();
        let _ = watcher.await;
    }
    tracing::info!("stopped");
    Ok(())
}

/// Folds histogram samples into buckets now and then, so they do not pile
/// up when nobody scrapes `/metrics`.
async fn upkeep(metrics: metrics::Metrics, shutdown: Shutdown) {
    let mut ticks = tokio::time::interval(Duration::from_secs(5));
    let stop = shutdown.requested();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            _ = ticks.tick() => metrics.run_upkeep(),
        }
    }
}

/// Logs what a load or reload produced, and each file it could not read.
fn log_graph(graph: &SkillGraph, source: &CorpusSource, verb: &str) {
    let stats = graph.stats();
    let dropped = graph.dropped();
    tracing::info!(
        guides = stats.guides,
        nodes = stats.nodes,
        edges = stats.edges,
        errors = graph.error_count(),
        warnings = graph.warning_count(),
        dropped_guides = dropped.guides,
        dropped_postings = dropped.postings,
        "{verb} {} guides from {source}",
        stats.guides
    );
    let phases: Vec<String> = graph
        .compile_phases()
        .iter()
        .map(|phase| format!("{} {:.2?}", phase.phase.name(), phase.duration))
        .collect();
    let parsed = graph.parse_count();
    tracing::info!(
        parsed = parsed.parsed,
        unchanged = parsed.reused,
        "compiled in phases: {} ({} files parsed, {} known unchanged)",
        phases.join(", "),
        parsed.parsed,
        parsed.reused
    );
    for line in crate::guide::listing(graph.errors(), graph.omitted(), |omitted| omitted.errors) {
        tracing::warn!("{line}");
    }
    for lost in graph.lost_guides() {
        tracing::warn!(
            "{} was served before and no longer loads: it is left out until it does",
            lost.file
        );
    }
}

/// Runs `skillgraph serve`: logs, corpus, listener, then [`run`] until
/// ctrl-c or SIGTERM. Exits 2 when the corpus cannot be read, 1 when the
/// address cannot be listened on.
pub fn main(args: ServeArgs) -> ExitCode {
    if let Err(error) = telemetry::init(args.log_format) {
        eprintln!("cannot set up logging: {error}");
        return ExitCode::FAILURE;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!(%error, "cannot start the async runtime");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(args))
}

async fn serve(args: ServeArgs) -> ExitCode {
    match connections::raise_open_files_limit() {
        Ok((before, after)) if before < after => {
            tracing::info!("open files limit raised from {before} to {after}");
        }
        Ok((_, after)) => tracing::info!("open files limit: {after}"),
        Err(error) => tracing::warn!(%error, "cannot raise the open files limit"),
    }
    let mut settings = match args.settings() {
        Ok(settings) => settings,
        Err(error) => {
            tracing::error!("{error}");
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &args.persisted_queries {
        match persisted::OperationList::read(path) {
            Ok(list) => {
                tracing::info!(
                    "{} persisted operations listed in {}",
                    list.len(),
                    path.display()
                );
                settings.persisted_list = Some(std::sync::Arc::new(list));
            }
            Err(error) => {
                tracing::error!("{error}");
                return ExitCode::from(2);
            }
        }
    }
    let source = CorpusSource::choose(args.seeds.clone());
    let loading = source.clone();
    let state = match tokio::task::spawn_blocking(move || AppState::load(loading, settings)).await {
        Ok(Ok(state)) => state,
        Ok(Err(error)) => {
            tracing::error!("cannot read the corpus: {error}");
            return ExitCode::from(2);
        }
        Err(error) => {
            tracing::error!(%error, "loading the corpus stopped");
            return ExitCode::from(2);
        }
    };
    log_graph(&state.graph(), &source, "loaded");
    let listener = match TcpListener::bind(&args.addr).await {
        Ok(listener) => listener,
        Err(error) => {
            tracing::error!(%error, "cannot listen on {}", args.addr);
            return ExitCode::FAILURE;
        }
    };
    match run(listener, state, shutdown::signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "the server stopped");
            ExitCode::FAILURE
        }
    }
}
