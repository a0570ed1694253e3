//! What every handler shares: the schema, the graph being served, where it
//! came from, the metrics and whether the last reload worked.

use super::answers::AnswerCache;
use super::config::Settings;
use super::metrics::Metrics;
use super::persisted::PersistedQueries;
use crate::api::http::DocumentCache;
use crate::api::{self, CorpusFeed, SkillGraphSchema};
use crate::graph::{CompileOptions, CorpusError, CorpusSource, LoadOptions, ParseMemo, SkillGraph};
use arc_swap::{ArcSwap, ArcSwapOption};
use std::sync::Arc;
use std::time::SystemTime;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How many distinct query texts keep their parsed document. Clients send
/// a few dozen distinct queries; each document is a few KB at most.
const DOCUMENTS_CACHED: usize = 512;

/// The state of one server; cheap to clone (one `Arc`).
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    schema: SkillGraphSchema,
    /// Parsed queries by their text; they depend on the schema alone, so
    /// they outlive reloads of the graph.
    documents: DocumentCache,
    /// Answers already given on the graph served now.
    answers: AnswerCache,
    /// The graph is immutable, so a reload builds a new one and swaps the
    /// pointer: each request loads the `Arc` once and sees one graph from
    /// start to end, and readers never wait for a reload.
    graph: Arc<ArcSwap<SkillGraph>>,
    source: CorpusSource,
    settings: Settings,
    metrics: Metrics,
    /// Why the last reload was refused, while the graph before it is still
    /// served; `None` after a good load.
    failure: ArcSwapOption<ReloadFailure>,
    /// The GraphiQL page, rendered once.
    graphiql: String,
    /// Permits to execute a query. Taken only once the body has arrived,
    /// so slow clients do not hold them; health probes and scrapes never
    /// need one, so they answer while queries queue.
    executions: Arc<Semaphore>,
    /// Queries known by their hash: Apollo's automatic ones and the
    /// operator's list.
    persisted: PersistedQueries,
    /// Every graph installed, for `corpusChanged` subscribers; sending
    /// never waits, a subscriber that lags misses events.
    feed: CorpusFeed,
    /// Permits to hold a WebSocket open; none left means 503.
    sockets: Arc<Semaphore>,
    /// Turns true at shutdown, so open WebSockets close.
    closing: tokio::sync::watch::Sender<bool>,
    /// Whether the corpus folder is watched: an edit from now on is read.
    watching: std::sync::atomic::AtomicBool,
    /// The guides the last load parsed, so that a reload parses only the
    /// files that changed. A reload takes it and gives it back.
    parses: std::sync::Mutex<ParseMemo>,
}

/// Reads `source` and compiles everything the server answers from: the
/// whole cost of a graph is paid here, on the calling (blocking) thread,
/// and none of it on a request.
pub(crate) fn compile(
    source: &CorpusSource,
    options: &LoadOptions,
    parses: &mut ParseMemo,
) -> Result<SkillGraph, CorpusError> {
    let graph = crate::graph::load_remembering(source, options, CompileOptions::default(), parses)?;
    let started = std::time::Instant::now();
    return_freed_memory();
    tracing::info!(took = ?started.elapsed(), "returned the memory the compile freed");
    Ok(graph)
}

/// Once the graph a reload replaced is gone (the last request reading it
/// has finished), hands the memory it held back to the system
/// ([`return_freed_memory`]). Gives up after a while if some reader keeps
/// the old graph: the next reload collects again.
pub(crate) async fn return_memory_once_dropped(graph: std::sync::Weak<SkillGraph>) {
    const POLL: std::time::Duration = std::time::Duration::from_millis(50);
    const PATIENCE: u32 = 600;
    for _ in 0..PATIENCE {
        if graph.strong_count() == 0 {
            let _ = tokio::task::spawn_blocking(return_freed_memory).await;
            tracing::debug!("the graph a reload replaced is gone; its memory was returned");
            return;
        }
        tokio::time::sleep(POLL).await;
    }
    tracing::info!(
        readers = graph.strong_count(),
        "the graph a reload replaced is still read 30 s later; its memory is returned at the next reload"
    );
}

/// Hands the memory a compile or a replaced graph freed back to the
/// system.
///
/// The binary allocates with mimalloc, where a block freed by one thread
/// goes back to the heap of the thread that allocated it, and that heap
/// returns emptied pages to the system only when its own thread collects.
/// A compile allocates on rayon's threads, which then sit idle, so the
/// graph a reload replaced would stay resident: the resident set after
/// the first reload was twice that of a fresh start. Each of rayon's
/// threads, and this one, collects here. glibc's heaps (the tests and
/// benchmarks may run on them) are trimmed as well.
fn return_freed_memory() {
    rayon::broadcast(|_| collect_this_thread());
    collect_this_thread();
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free pages of glibc's own heaps to
    // the kernel; it touches no memory in use and has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Makes mimalloc free this thread's emptied pages and return them.
fn collect_this_thread() {
    // SAFETY: `mi_collect` only walks the calling thread's own heap; it
    // has no preconditions and frees nothing still in use.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

/// WebSockets allowed at once, within what a semaphore can count.
fn socket_limit(settings: &Settings) -> usize {
    settings.ws_max_connections.min(Semaphore::MAX_PERMITS)
}

/// A reload that did not replace the graph.
#[derive(Debug, Clone)]
pub struct ReloadFailure {
    /// What went wrong, for a person (`seeds: cannot read the folder: …`).
    pub reason: String,
    /// When it was tried.
    pub at: SystemTime,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("source", &self.inner.source)
            .field("settings", &self.inner.settings)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Reads the corpus and builds the first graph. This blocks (the
    /// corpus is parsed on rayon's threads); from async code, call it in
    /// `spawn_blocking`.
    pub fn load(source: CorpusSource, settings: Settings) -> Result<Self, CorpusError> {
        let mut parses = ParseMemo::default();
        let graph = compile(&source, &settings.load, &mut parses)?;
        let state = Self::new(graph, source, settings);
        state.give_back_parses(parses);
        Ok(state)
    }

    /// State serving `graph`, read from `source`.
    pub fn new(graph: SkillGraph, source: CorpusSource, settings: Settings) -> Self {
        Self::sharing(Arc::new(graph), source, settings)
    }

    /// State serving a graph other states may serve too: a graph never
    /// changes once compiled, so servers of one corpus can share it.
    pub fn sharing(graph: Arc<SkillGraph>, source: CorpusSource, settings: Settings) -> Self {
        let metrics = Metrics::labelling(
            settings
                .persisted_list
                .as_ref()
                .map(|list| list.operation_names().clone()),
        );
        metrics.record_graph(&graph.stats());
        metrics.record_compile(graph.compile_phases());
        metrics.record_version(None, graph.version());
        let graphiql = super::graphiql::page().to_owned();
        let feed = CorpusFeed::new();
        feed.measure(&graph);
        Self {
            inner: Arc::new(Inner {
                schema: api::serving_schema(&settings.schema, feed.clone()),
                feed,
                sockets: Arc::new(Semaphore::new(socket_limit(&settings))),
                closing: tokio::sync::watch::Sender::new(false),
                watching: std::sync::atomic::AtomicBool::new(false),
                parses: std::sync::Mutex::new(ParseMemo::default()),
                documents: DocumentCache::new(DOCUMENTS_CACHED),
                answers: AnswerCache::new(settings.answer_cache_bytes),
                graph: Arc::new(ArcSwap::new(graph)),
                source,
                metrics,
                failure: ArcSwapOption::empty(),
                graphiql,
                executions: Arc::new(Semaphore::new(settings.max_concurrency.max(1))),
                persisted: PersistedQueries::new(
                    settings.persisted_list.clone(),
                    settings.persisted_only,
                    settings.max_query_bytes,
                ),
                settings,
            }),
        }
    }

    /// The parse memo, for a reload to use; an empty one while another
    /// reload holds it, which only costs that reload its parses.
    pub(crate) fn take_parses(&self) -> ParseMemo {
        self.inner
            .parses
            .lock()
            .map(|mut parses| std::mem::take(&mut *parses))
            .unwrap_or_default()
    }

    /// Keeps what a load parsed for the next reload.
    pub(crate) fn give_back_parses(&self, parses: ParseMemo) {
        if let Ok(mut kept) = self.inner.parses.lock() {
            *kept = parses;
        }
    }

    pub fn schema(&self) -> &SkillGraphSchema {
        &self.inner.schema
    }

    /// Parsed queries by their text.
    pub fn documents(&self) -> &DocumentCache {
        &self.inner.documents
    }

    /// Answers already given on the graph served now.
    pub fn answers(&self) -> &AnswerCache {
        &self.inner.answers
    }

    /// The queries known by their hash.
    pub fn persisted(&self) -> &PersistedQueries {
        &self.inner.persisted
    }

    /// The graph being served now; hold the `Arc` for as long as one
    /// consistent view is needed.
    pub fn graph(&self) -> Arc<SkillGraph> {
        self.inner.graph.load_full()
    }

    pub fn source(&self) -> &CorpusSource {
        &self.inner.source
    }

    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    pub fn graphiql(&self) -> &str {
        &self.inner.graphiql
    }

    /// Waits for a turn to execute a query; the turn ends when the permit
    /// is dropped.
    pub(crate) async fn execution_permit(&self) -> OwnedSemaphorePermit {
        Arc::clone(&self.inner.executions)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed")
    }

    /// Where installed graphs are announced to `corpusChanged` subscribers.
    pub fn feed(&self) -> &CorpusFeed {
        &self.inner.feed
    }

    /// A permit to hold a WebSocket open, unless `--ws-max-connections`
    /// are open already.
    pub(crate) fn socket_permit(&self) -> Option<OwnedSemaphorePermit> {
        Arc::clone(&self.inner.sockets).try_acquire_owned().ok()
    }

    /// WebSockets open now.
    pub fn open_sockets(&self) -> usize {
        socket_limit(&self.inner.settings).saturating_sub(self.inner.sockets.available_permits())
    }

    /// Turns true when the server stops.
    pub(crate) fn closing(&self) -> tokio::sync::watch::Receiver<bool> {
        self.inner.closing.subscribe()
    }

    /// Tells open WebSockets the server is stopping.
    pub(crate) fn close_sockets(&self) {
        self.inner.closing.send_replace(true);
    }

    /// Whether the corpus folder is watched, so that an edit from now on
    /// is read (`/readyz` says so).
    pub fn is_watching(&self) -> bool {
        self.inner
            .watching
            .load(std::sync::atomic::Ordering::Acquire)
    }

    pub(crate) fn set_watching(&self, watching: bool) {
        self.inner
            .watching
            .store(watching, std::sync::atomic::Ordering::Release);
    }

    /// Why the last reload was refused, if it was.
    pub fn reload_failure(&self) -> Option<Arc<ReloadFailure>> {
        self.inner.failure.load_full()
    }

    /// Serves `graph` from now on; requests already running finish on the
    /// graph they started with.
    pub(crate) fn install(&self, graph: SkillGraph) {
        self.inner.metrics.record_graph(&graph.stats());
        self.inner.metrics.record_compile(graph.compile_phases());
        let previous = self.inner.graph.load_full();
        self.inner
            .metrics
            .record_version(Some(previous.version()), graph.version());
        let graph = Arc::new(graph);
        self.inner.graph.store(Arc::clone(&graph));
        // After the store: an answer of the old graph finishing meanwhile
        // is refused by `keep`, which compares versions.
        self.inner.answers.clear();
        self.inner.failure.store(None);
        self.inner.feed.publish(&graph);
        self.inner
            .metrics
            .record_reload(true, !graph.lost_guides().is_empty());
    }

    /// Keeps the current graph and remembers why the new one was refused.
    pub(crate) fn refuse(&self, reason: String) {
        self.inner.failure.store(Some(Arc::new(ReloadFailure {
            reason,
            at: SystemTime::now(),
        })));
        self.inner.metrics.record_reload(false, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn seeds() -> SkillGraph {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = crate::guide::load_dir(&root, &LoadOptions::default()).expect("the seeds");
        SkillGraph::compile(corpus, CompileOptions { search: false })
    }

    #[tokio::test]
    async fn memory_is_returned_once_the_last_reader_lets_the_old_graph_go() {
        let reader = Arc::new(seeds());
        let returning = tokio::spawn(return_memory_once_dropped(Arc::downgrade(&reader)));
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(!returning.is_finished(), "a reader still holds the graph");
        drop(reader);
        tokio::time::timeout(Duration::from_secs(5), returning)
            .await
            .expect("returned soon after the graph went")
            .expect("no panic");
    }
}
