//! Hot answers: the JSON of answers already given, kept in memory and
//! given again to the next caller who asks the same.
//!
//! A graph never changes once compiled, so an answer depends on nothing
//! but the corpus version and the request: its document (whitespace,
//! commas and comments folded, strings kept), its operation name and its
//! variables (keys sorted). That is the key, a digest
//! ([`caching::request_digest`](super::caching::request_digest)), the same
//! the `ETag` is made from. Only answers without an error go in, so a
//! refusal, a timeout or a half answer is never repeated.
//!
//! The cache is bounded by the bytes it holds (`--answer-cache-bytes`, 0
//! turns it off); what leaves first is chosen by quick_cache's S3-FIFO
//! policy, which keeps answers asked for again over a scan of answers
//! asked once. It is emptied when a new graph is installed: no answer of
//! an old version could be asked for again.

use axum::body::Bytes;
use quick_cache::sync::Cache;
use quick_cache::{DefaultHashBuilder, Lifecycle, Weighter};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// What identifies one answer: a digest of the corpus version and the
/// normalised request.
pub type AnswerKey = [u8; 16];

/// An answer kept: its JSON, and what a caller given it again is counted
/// and charged as if it had run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAnswer {
    pub json: Bytes,
    /// The operation's name, for the request metrics.
    pub operation: Option<Arc<str>>,
    /// What the operation cost when validated, drawn from a batch's budget.
    pub cost: usize,
}

/// Bytes an entry costs beyond its JSON: its key and the cache's own
/// bookkeeping, so that many tiny answers cannot exceed the bound.
const ENTRY_OVERHEAD: u64 = 64;

/// The largest share of the cache one answer may take: a huge answer is
/// served, but not kept at the cost of many small ones.
const LARGEST_SHARE: u64 = 8;

/// Answers an average entry is guessed to weigh, to size the cache's
/// table up front.
const TYPICAL_ANSWER_BYTES: u64 = 4 * 1024;

/// Bounded, shared store of answers by [`AnswerKey`].
pub struct AnswerCache {
    entries: Option<Cache<AnswerKey, KeptAnswer, ByteWeight, DefaultHashBuilder, CountEvictions>>,
    counts: Arc<Counts>,
    capacity: u64,
}

/// How the cache has done since the server started.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct AnswerCacheStats {
    pub hits: u64,
    pub misses: u64,
    pub evictions: u64,
    /// Bytes held now, overhead included.
    pub bytes: u64,
    /// Answers held now.
    pub entries: u64,
}

#[derive(Default)]
struct Counts {
    hits: AtomicU64,
    misses: AtomicU64,
    evictions: AtomicU64,
}

#[derive(Clone)]
struct ByteWeight;

impl Weighter<AnswerKey, KeptAnswer> for ByteWeight {
    fn weight(&self, _key: &AnswerKey, answer: &KeptAnswer) -> u64 {
        let name = answer.operation.as_ref().map_or(0, |name| name.len());
        (answer.json.len() + name) as u64 + ENTRY_OVERHEAD
    }
}

/// Counts each answer pushed out to make room.
#[derive(Clone)]
struct CountEvictions(Arc<Counts>);

impl Lifecycle<AnswerKey, KeptAnswer> for CountEvictions {
    type RequestState = ();

    fn on_evict(&self, _state: &mut (), _key: AnswerKey, _answer: KeptAnswer) {
        self.0.evictions.fetch_add(1, Ordering::Relaxed);
    }
}

impl AnswerCache {
    /// A cache holding up to `capacity_bytes` of answers; 0 keeps none.
    pub fn new(capacity_bytes: usize) -> Self {
        let capacity = capacity_bytes as u64;
        let counts = Arc::new(Counts::default());
        let entries = (capacity > 0).then(|| {
            let items = (capacity / TYPICAL_ANSWER_BYTES).clamp(16, 1 << 20) as usize;
            Cache::with(
                items,
                capacity,
                ByteWeight,
                DefaultHashBuilder::default(),
                CountEvictions(Arc::clone(&counts)),
            )
        });
        Self {
            entries,
            counts,
            capacity,
        }
    }

    /// Whether answers are kept at all.
    pub fn is_on(&self) -> bool {
        self.entries.is_some()
    }

    /// The answer kept under `key`, counted as a hit or a miss.
    pub fn get(&self, key: &AnswerKey) -> Option<KeptAnswer> {
        let entries = self.entries.as_ref()?;
        let found = entries.get(key);
        let counter = if found.is_some() {
            &self.counts.hits
        } else {
            &self.counts.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Keeps `answer` under `key`, unless it alone would take more than
    /// its share of the cache.
    pub fn insert(&self, key: AnswerKey, answer: KeptAnswer) {
        let Some(entries) = &self.entries else {
            return;
        };
        if ByteWeight.weight(&key, &answer) > self.capacity / LARGEST_SHARE {
            return;
        }
        entries.insert(key, answer);
    }

    /// Forgets every answer: a new graph is served.
    pub fn clear(&self) {
        if let Some(entries) = &self.entries {
            entries.clear();
        }
    }

    /// Hits, misses, evictions and what is held now.
    pub fn stats(&self) -> AnswerCacheStats {
        let (bytes, entries) = self
            .entries
            .as_ref()
            .map_or((0, 0), |entries| (entries.weight(), entries.len() as u64));
        AnswerCacheStats {
            hits: self.counts.hits.load(Ordering::Relaxed),
            misses: self.counts.misses.load(Ordering::Relaxed),
            evictions: self.counts.evictions.load(Ordering::Relaxed),
            bytes,
            entries,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> AnswerKey {
        [n; 16]
    }

    fn answer(len: usize) -> KeptAnswer {
        KeptAnswer {
            json: Bytes::from(vec![b'x'; len]),
            operation: None,
            cost: 1,
        }
    }

    #[test]
    fn an_answer_kept_is_given_back_and_counted() {
        let cache = AnswerCache::new(64 * 1024);
        assert_eq!(cache.get(&key(1)), None);
        cache.insert(key(1), answer(100));
        assert_eq!(cache.get(&key(1)), Some(answer(100)));
        let stats = cache.stats();
        assert_eq!((stats.hits, stats.misses, stats.entries), (1, 1, 1));
        assert_eq!(stats.bytes, 100 + ENTRY_OVERHEAD);
        cache.clear();
        assert_eq!(cache.get(&key(1)), None);
        assert_eq!(cache.stats().bytes, 0);
    }

    #[test]
    fn the_bytes_held_stay_within_the_bound_and_evictions_are_counted() {
        let capacity = 64 * 1024;
        let cache = AnswerCache::new(capacity);
        for n in 0..=255 {
            cache.insert(key(n), answer(1024));
        }
        let stats = cache.stats();
        assert!(stats.bytes <= capacity as u64, "{stats:?}");
        assert!(stats.evictions > 0, "{stats:?}");
        assert_eq!(
            stats.entries + stats.evictions,
            256,
            "each answer is held or was evicted: {stats:?}"
        );
    }

    #[test]
    fn an_answer_larger_than_its_share_is_not_kept() {
        let capacity = 64 * 1024;
        let cache = AnswerCache::new(capacity);
        cache.insert(key(1), answer(capacity / 4));
        assert_eq!(cache.get(&key(1)), None);
        assert_eq!(cache.stats().entries, 0);
    }

    #[test]
    fn a_cache_of_no_bytes_keeps_nothing_and_counts_nothing() {
        let cache = AnswerCache::new(0);
        assert!(!cache.is_on());
        cache.insert(key(1), answer(10));
        assert_eq!(cache.get(&key(1)), None);
        assert_eq!(cache.stats(), AnswerCacheStats::default());
    }
}
