//! Persisted queries: Apollo's automatic persisted queries, and an
//! operator's allow-list of operations.
//!
//! - **Automatic** (`extensions.persistedQuery { version: 1, sha256Hash }`):
//!   a request may send only the hash of a query the server has seen. An
//!   unknown hash answers `PersistedQueryNotFound` (code
//!   `PERSISTED_QUERY_NOT_FOUND`), and the client sends the query with its
//!   hash, which is checked and kept (the most recent
//!   [`AUTOMATIC_CAPACITY`] queries).
//! - **Listed** (`--persisted-queries FILE`): the operations a client
//!   build will send, in the manifest format Apollo's tooling writes
//!   (`{"format": "apollo-persisted-query-manifest", "operations": [{"id",
//!   "body"}]}`) or Relay's (`{"<id>": "<query>"}`). Listed operations are
//!   found by id; with `--persisted-only`, anything else is refused.

use super::error::HttpError;
use lru::LruCache;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::num::NonZeroUsize;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// How many automatically persisted queries are kept.
pub const AUTOMATIC_CAPACITY: usize = 10_000;
/// How many bytes of query text they may hold together: the least
/// recently used leave first when a new one would pass it.
pub const AUTOMATIC_BYTES: usize = 16 << 20;

/// The automatically persisted queries, bounded by count and by bytes.
struct AutomaticStore {
    queries: LruCache<String, Arc<str>>,
    bytes: usize,
}

impl AutomaticStore {
    fn put(&mut self, hash: String, query: Arc<str>) {
        let adding = hash.len() + query.len();
        if let Some(old) = self.queries.pop(&hash) {
            self.bytes -= hash.len() + old.len();
        }
        while self.bytes + adding > AUTOMATIC_BYTES
            || self.queries.len() == self.queries.cap().get()
        {
            let Some((gone, text)) = self.queries.pop_lru() else {
                break;
            };
            self.bytes -= gone.len() + text.len();
        }
        self.bytes += adding;
        self.queries.put(hash, query);
    }
}

/// The operations an operator listed.
#[derive(Debug, Default)]
pub struct OperationList {
    /// Id (a sha256 for Apollo, any string for Relay) → query text.
    by_id: HashMap<String, Arc<str>>,
    /// The sha256 of every listed query text, to recognise a listed
    /// operation sent in full.
    hashes: HashSet<String>,
    /// The names of the listed operations: the only ones metrics label.
    names: HashSet<String>,
}

/// Why a manifest could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{path}: cannot read the persisted-query manifest: {source}")]
    Unreadable {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: line {line}: the persisted-query manifest is not JSON: {message}")]
    NotJson {
        path: String,
        line: usize,
        message: String,
    },
    #[error(
        "{path}: not a persisted-query manifest (Apollo's `operations` list of {{id, body}}, or Relay's map of id to query)"
    )]
    NotAManifest { path: String },
}

impl OperationList {
    /// Reads an Apollo or Relay manifest.
    pub fn read(path: &Path) -> Result<Self, ManifestError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ManifestError::Unreadable {
            path: name.clone(),
            source,
        })?;
        let value: Value = serde_json::from_str(&text).map_err(|error| ManifestError::NotJson {
            path: name.clone(),
            line: error.line(),
            message: error.to_string(),
        })?;
        Self::from_manifest(&value).ok_or(ManifestError::NotAManifest { path: name })
    }

    fn from_manifest(value: &Value) -> Option<Self> {
        let object = value.as_object()?;
        let entries: Vec<(String, String)> = match object.get("operations") {
            Some(Value::Array(operations)) => operations
                .iter()
                .map(|operation| {
                    let id = operation.get("id")?.as_str()?;
                    let body = operation.get("body")?.as_str()?;
                    Some((id.to_owned(), body.to_owned()))
                })
                .collect::<Option<_>>()?,
            Some(_) => return None,
            None => object
                .iter()
                .map(|(id, body)| Some((id.clone(), body.as_str()?.to_owned())))
                .collect::<Option<_>>()?,
        };
        let mut list = Self::default();
        for (id, body) in entries {
            list.names.extend(crate::api::operation_names(&body));
            list.hashes.insert(sha256_hex(&body));
            list.by_id.insert(id, Arc::from(body));
        }
        Some(list)
    }

    /// How many operations are listed.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether no operation is listed.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The names of the operations listed.
    pub fn operation_names(&self) -> &HashSet<String> {
        &self.names
    }
}

/// The persisted queries a server knows.
pub struct PersistedQueries {
    automatic: Mutex<AutomaticStore>,
    listed: Option<Arc<OperationList>>,
    only_listed: bool,
    /// Longer query texts are refused before they are stored.
    max_query_bytes: usize,
}

impl PersistedQueries {
    pub fn new(
        listed: Option<Arc<OperationList>>,
        only_listed: bool,
        max_query_bytes: usize,
    ) -> Self {
        let capacity = NonZeroUsize::new(AUTOMATIC_CAPACITY).unwrap_or(NonZeroUsize::MIN);
        Self {
            automatic: Mutex::new(AutomaticStore {
                queries: LruCache::new(capacity),
                bytes: 0,
            }),
            listed,
            only_listed,
            max_query_bytes,
        }
    }

    /// The query text a request runs: the one it sent (checked against its
    /// hash, kept for next time, refused when only listed operations may
    /// run and it is not one), or the one its hash names. `missing` is the
    /// refusal for a request with neither.
    pub fn query_of(
        &self,
        query: Option<String>,
        extensions: Option<&Map<String, Value>>,
        missing: HttpError,
    ) -> Result<String, HttpError> {
        let hash = persisted_hash(extensions)?;
        match (query, hash) {
            (Some(query), hash) => self.sent_in_full(query, hash),
            (None, Some(hash)) => self.by_hash(&hash),
            (None, None) => Err(missing),
        }
    }

    fn sent_in_full(&self, query: String, hash: Option<String>) -> Result<String, HttpError> {
        // Checked here as well as by the caller: nothing too long is
        // hashed or kept.
        if query.len() > self.max_query_bytes {
            let limit = self.max_query_bytes;
            return Err(HttpError::QueryTooLong { limit });
        }
        let actual = (hash.is_some() || self.only_listed).then(|| sha256_hex(&query));
        if let (Some(hash), Some(actual)) = (&hash, &actual)
            && hash != actual
        {
            return Err(HttpError::PersistedQueryHashMismatch);
        }
        if self.only_listed {
            let listed = self.listed.as_ref().is_some_and(|list| {
                actual
                    .as_ref()
                    .is_some_and(|actual| list.hashes.contains(actual))
            });
            return if listed {
                Ok(query)
            } else {
                Err(HttpError::QueryNotInPersistedList)
            };
        }
        if let Some(hash) = hash {
            self.automatic_store().put(hash, Arc::from(query.as_str()));
        }
        Ok(query)
    }

    fn by_hash(&self, hash: &str) -> Result<String, HttpError> {
        if let Some(query) = self.listed.as_ref().and_then(|list| list.by_id.get(hash)) {
            return Ok(query.to_string());
        }
        if self.only_listed {
            return Err(HttpError::PersistedQueryNotInList);
        }
        self.automatic_store()
            .queries
            .get(hash)
            .map(|query| query.to_string())
            .ok_or(HttpError::PersistedQueryNotFound)
    }

    fn automatic_store(&self) -> std::sync::MutexGuard<'_, AutomaticStore> {
        // A panic while the lock was held leaves a cache that is still
        // whole: keep using it.
        self.automatic
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The `sha256Hash` of `extensions.persistedQuery`, lowercased; an error
/// when the extension is there but malformed or of another version.
fn persisted_hash(extensions: Option<&Map<String, Value>>) -> Result<Option<String>, HttpError> {
    let Some(persisted) = extensions.and_then(|extensions| extensions.get("persistedQuery")) else {
        return Ok(None);
    };
    let bad = |reason: &str| HttpError::BadRequest(format!("`extensions.persistedQuery` {reason}"));
    let object = persisted
        .as_object()
        .ok_or_else(|| bad("must be an object"))?;
    if object.get("version").and_then(Value::as_i64) != Some(1) {
        return Err(bad("must have `version: 1`"));
    }
    let hash = object
        .get("sha256Hash")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("must have a `sha256Hash` string"))?;
    Ok(Some(hash.to_ascii_lowercase()))
}

/// The lowercase hex SHA-256 of `text`, as Apollo's clients send it.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const QUERY: &str = "{ __typename }";

    fn extensions(hash: &str) -> Map<String, Value> {
        json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } })
            .as_object()
            .expect("an object")
            .clone()
    }

    fn missing() -> HttpError {
        HttpError::MissingQuery
    }

    #[test]
    fn an_unknown_hash_is_not_found_until_its_query_is_sent_with_it() {
        let store = PersistedQueries::new(None, false, 1 << 20);
        let hash = sha256_hex(QUERY);
        let first = store.query_of(None, Some(&extensions(&hash)), missing());
        assert!(matches!(first, Err(HttpError::PersistedQueryNotFound)));
        let sent = store.query_of(Some(QUERY.to_owned()), Some(&extensions(&hash)), missing());
        assert_eq!(sent.ok().as_deref(), Some(QUERY));
        let again = store.query_of(None, Some(&extensions(&hash.to_uppercase())), missing());
        assert_eq!(again.ok().as_deref(), Some(QUERY));
        let wrong = store.query_of(
            Some("{ other }".to_owned()),
            Some(&extensions(&hash)),
            missing(),
        );
        assert!(matches!(wrong, Err(HttpError::PersistedQueryHashMismatch)));
        assert!(matches!(
            store.query_of(None, None, missing()),
            Err(HttpError::MissingQuery)
        ));
    }

    #[test]
    fn a_list_knows_the_names_of_its_operations_whichever_the_manifest() {
        let body = "query JobPage { __typename } query Other { __typename }";
        let apollo = json!({ "operations": [{ "id": "1", "name": "JobPage", "body": body }] });
        let relay = json!({ "1": body, "2": "{ anonymous }" });
        for manifest in [apollo, relay] {
            let list = OperationList::from_manifest(&manifest).expect("a manifest");
            let mut names: Vec<&str> = list.operation_names().iter().map(String::as_str).collect();
            names.sort_unstable();
            assert_eq!(names, ["JobPage", "Other"]);
        }
    }

    #[test]
    fn listed_operations_are_found_by_id_and_only_they_run_when_asked() {
        let apollo = json!({
            "format": "apollo-persisted-query-manifest",
            "version": 1,
            "operations": [{ "id": sha256_hex(QUERY), "name": "T", "type": "query", "body": QUERY }]
        });
        let relay = json!({ "abc123": QUERY });
        for manifest in [apollo, relay] {
            let list = Arc::new(OperationList::from_manifest(&manifest).expect("a manifest"));
            let id = list.by_id.keys().next().expect("one id").clone();
            let store = PersistedQueries::new(Some(list), true, 1 << 20);
            assert_eq!(
                store
                    .query_of(None, Some(&extensions(&id)), missing())
                    .ok()
                    .as_deref(),
                Some(QUERY)
            );
            assert_eq!(
                store
                    .query_of(Some(QUERY.to_owned()), None, missing())
                    .ok()
                    .as_deref(),
                Some(QUERY)
            );
            let other = store.query_of(Some("{ other }".to_owned()), None, missing());
            assert!(matches!(other, Err(HttpError::QueryNotInPersistedList)));
            let unknown = store.query_of(None, Some(&extensions("ffff")), missing());
            assert!(matches!(unknown, Err(HttpError::PersistedQueryNotInList)));
        }
        assert!(OperationList::from_manifest(&json!({ "operations": "no" })).is_none());
        assert!(OperationList::from_manifest(&json!({ "a": 1 })).is_none());
    }

    #[test]
    fn a_query_too_long_is_refused_before_it_is_kept_and_the_store_is_bounded_by_bytes() {
        let store = PersistedQueries::new(None, false, 100);
        let long = format!("{{ {} }}", "a ".repeat(100));
        let hash = sha256_hex(&long);
        let refused = store.query_of(Some(long), Some(&extensions(&hash)), missing());
        assert!(matches!(
            refused,
            Err(HttpError::QueryTooLong { limit: 100 })
        ));
        assert_eq!(store.automatic_store().queries.len(), 0, "nothing kept");

        let store = PersistedQueries::new(None, false, AUTOMATIC_BYTES);
        let big = "x".repeat(AUTOMATIC_BYTES / 3);
        for n in 0..10 {
            let query = format!("{n}{big}");
            let hash = sha256_hex(&query);
            store
                .query_of(Some(query), Some(&extensions(&hash)), missing())
                .expect("kept");
        }
        let kept = store.automatic_store();
        assert!(kept.bytes <= AUTOMATIC_BYTES, "{} bytes", kept.bytes);
        assert_eq!(kept.queries.len(), 2, "the oldest left");
    }
}
