//! The subscription root: `corpusChanged`, one event per reload that
//! changed the corpus.
//!
//! The server owns a [`CorpusFeed`] and sends it every graph it installs;
//! each subscription holds a receiver of its own. The feed is a bounded
//! broadcast channel: a subscriber that falls more than
//! [`CorpusFeed::CAPACITY`] events behind misses the oldest ones (it goes
//! on with the newest, and `corpus { version }` always says what is served
//! now); it never holds up a reload or another subscriber.

use super::types::CorpusChanges;
use crate::graph::{ListBounds, SkillGraph};
use async_graphql::futures_util::stream::{self, Stream};
use async_graphql::{Context, Error, Result, Subscription as SubscriptionRoot};
use std::sync::Arc;
use tokio::sync::broadcast;

/// Where the graphs a reload installs are announced; cheap to clone.
#[derive(Clone, Debug)]
pub struct CorpusFeed {
    sender: broadcast::Sender<Arc<SkillGraph>>,
    /// The list maxima of the graph served now, which subscriptions are
    /// priced by (they carry no graph of their own); a copy, so an old
    /// graph is never kept alive for it.
    bounds: Arc<std::sync::RwLock<ListBounds>>,
}

impl Default for CorpusFeed {
    fn default() -> Self {
        Self::new()
    }
}

impl CorpusFeed {
    /// Events a subscriber may fall behind by before it misses some. Each
    /// event holds a whole graph until every subscriber has read it, so a
    /// stalled client keeps at most this many old graphs alive: small.
    pub const CAPACITY: usize = 4;

    pub fn new() -> Self {
        let (sender, _) = broadcast::channel(Self::CAPACITY);
        Self {
            sender,
            bounds: Arc::default(),
        }
    }

    /// Notes the list maxima of the graph served from now on.
    pub fn measure(&self, graph: &SkillGraph) {
        let mut bounds = self
            .bounds
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *bounds = graph.list_bounds().clone();
    }

    /// The list maxima of the graph served now.
    pub fn bounds(&self) -> ListBounds {
        self.bounds
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Announces `graph` to every subscriber when it says what changed
    /// from the graph before and its version is new; never waits.
    pub fn publish(&self, graph: &Arc<SkillGraph>) {
        self.measure(graph);
        let changed = graph
            .changes()
            .is_some_and(|changes| changes.version != changes.previous_version);
        if changed {
            // An error only means nobody is subscribed.
            let _ = self.sender.send(Arc::clone(graph));
        }
    }

    /// Subscribers listening now.
    pub fn subscribers(&self) -> usize {
        self.sender.receiver_count()
    }

    fn subscribe(&self) -> broadcast::Receiver<Arc<SkillGraph>> {
        self.sender.subscribe()
    }
}

/// The subscription root.
#[derive(Default)]
pub struct Subscription;

/// Events pushed to clients over WebSocket (`/graphql/ws`, protocol `graphql-transport-ws`).
#[SubscriptionRoot]
impl Subscription {
    /// What each reload changed, with the same fields as `corpus.changes`:
    /// one event per reload that changed the corpus (an edit that leaves
    /// every file as it was sends none). `jobsChanged.job` is read from the
    /// corpus of the event. A client that reads too slowly misses the
    /// oldest events it has not read and goes on with the newest.
    async fn corpus_changed(
        &self,
        ctx: &Context<'_>,
    ) -> Result<impl Stream<Item = CorpusChanges<'static>> + use<>> {
        let feed = ctx
            .data::<CorpusFeed>()
            .map_err(|_| Error::new("subscriptions are served over WebSocket at /graphql/ws"))?;
        let receiver = feed.subscribe();
        Ok(stream::unfold(receiver, |mut receiver| async move {
            loop {
                match receiver.recv().await {
                    Ok(graph) => {
                        if let Some(event) = CorpusChanges::shared(graph) {
                            return Some((event, receiver));
                        }
                    }
                    Err(broadcast::error::RecvError::Lagged(missed)) => {
                        tracing::debug!(missed, "a corpusChanged subscriber fell behind");
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        }))
    }
}
