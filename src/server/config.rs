//! `skillgraph serve`'s flags, and the settings the server runs with.
//!
//! [`ServeArgs`] is what a person types (every flag also reads a
//! `SKILLGRAPH_*` variable); [`Settings`] is what the server needs, with
//! defaults of its own, so tests and embedders build one without clap.

use super::cors::{CorsError, CorsPolicy};
use super::persisted::OperationList;
use crate::api::SchemaOptions;
use crate::graph::{DEFAULT_MAX_FILE_BYTES, LoadOptions};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The default largest request body: 1 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1 << 20;
/// The default longest query text: 32 KiB, far above any real query.
pub const DEFAULT_MAX_QUERY_BYTES: usize = 32 << 10;
/// The default time a request may take, body and execution together.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The default number of GraphQL requests executed at once; more wait.
pub const DEFAULT_MAX_CONCURRENCY: usize = 64;
/// The default longest batch (a JSON array of requests in one POST):
/// Apollo's `BatchHttpLink` sends at most 10 by default.
pub const DEFAULT_MAX_BATCH_LEN: usize = 10;
/// The default cost of a whole batch: what a page's worth of queries
/// asked at once needs (the eight examples together cost about 23,000),
/// while each operation is still held to `--max-complexity`.
pub const DEFAULT_MAX_BATCH_COMPLEXITY: usize = 50_000;
/// How long caches may keep a GET answer by default: short, since a
/// reload may change it (the `ETag` then changes too).
pub const DEFAULT_CACHE_MAX_AGE: Duration = Duration::from_secs(60);
/// Bytes of answers kept in memory by default: some thousands of typical
/// answers, small beside the graph itself.
pub const DEFAULT_ANSWER_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// How long a client may take to send a request's headers by default.
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a connection may stay quiet, nothing read or written, by default.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(60);
/// The default number of connections open at once; more wait in the
/// kernel's queue. Lowered at start to what the open-files limit allows.
pub const DEFAULT_MAX_CONNECTIONS: usize = 2048;

/// How long a WebSocket may stay open before `connection_init` by default.
pub const DEFAULT_WS_INIT_TIMEOUT: Duration = Duration::from_secs(10);
/// The default number of WebSocket connections open at once.
pub const DEFAULT_WS_MAX_CONNECTIONS: usize = 1000;
/// The default largest WebSocket message: 64 KiB.
pub const DEFAULT_WS_MAX_MESSAGE_BYTES: usize = 64 << 10;
/// How often an open WebSocket is pinged by default.
pub const DEFAULT_WS_KEEPALIVE: Duration = Duration::from_secs(15);

/// Options of `skillgraph serve`; every flag also reads a `SKILLGRAPH_*` variable.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// The corpus folder; defaults to ./seeds, else the embedded guides.
    #[arg(long, env = "SKILLGRAPH_SEEDS")]
    pub seeds: Option<PathBuf>,
    /// Address to listen on; port 0 picks a free port (the log says which).
    #[arg(long, env = "SKILLGRAPH_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Log lines as text or as one JSON object each; `RUST_LOG` filters them.
    #[arg(long, env = "SKILLGRAPH_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// Origins allowed to call the API from a browser (repeat, or separate
    /// with commas); any origin when not given.
    #[arg(long, env = "SKILLGRAPH_CORS_ORIGIN", value_delimiter = ',')]
    pub cors_origin: Vec<String>,
    /// Request headers browsers may send beside the defaults (auth,
    /// Apollo's client headers, W3C and Sentry tracing); `*` allows
    /// whatever a preflight asks for.
    #[arg(long, env = "SKILLGRAPH_CORS_ALLOW_HEADER", value_delimiter = ',')]
    pub cors_allow_header: Vec<String>,
    /// Let browsers send cookies and HTTP auth; needs `--cors-origin`.
    #[arg(long, env = "SKILLGRAPH_CORS_CREDENTIALS")]
    pub cors_credentials: bool,
    /// Largest request body accepted, in bytes.
    #[arg(long, env = "SKILLGRAPH_MAX_BODY_BYTES", default_value_t = DEFAULT_MAX_BODY_BYTES)]
    pub max_body_bytes: usize,
    /// Longest query text accepted, in bytes.
    #[arg(long, env = "SKILLGRAPH_MAX_QUERY_BYTES", default_value_t = DEFAULT_MAX_QUERY_BYTES)]
    pub max_query_bytes: usize,
    /// Deepest selection nesting accepted in a query.
    #[arg(long, env = "SKILLGRAPH_MAX_DEPTH", default_value_t = SchemaOptions::default().max_depth)]
    pub max_depth: usize,
    /// Highest query cost accepted; list fields cost their `first` argument.
    #[arg(long, env = "SKILLGRAPH_MAX_COMPLEXITY", default_value_t = SchemaOptions::default().max_complexity)]
    pub max_complexity: usize,
    /// Refuse `__schema`, `__type` and federation's `_service { sdl }`.
    #[arg(long, env = "SKILLGRAPH_NO_INTROSPECTION")]
    pub no_introspection: bool,
    /// Largest answer, in bytes of JSON; a larger one stops as it is
    /// built, with `RESPONSE_TOO_LARGE`.
    #[arg(long, env = "SKILLGRAPH_MAX_RESPONSE_BYTES", default_value_t = crate::api::DEFAULT_MAX_RESPONSE_BYTES)]
    pub max_response_bytes: usize,
    /// Seconds a request may take, from its headers to its answer.
    #[arg(long, env = "SKILLGRAPH_REQUEST_TIMEOUT_SECS", default_value_t = DEFAULT_REQUEST_TIMEOUT.as_secs())]
    pub request_timeout_secs: u64,
    /// GraphQL requests executed at once; further ones wait their turn.
    #[arg(long, env = "SKILLGRAPH_MAX_CONCURRENCY", default_value_t = DEFAULT_MAX_CONCURRENCY)]
    pub max_concurrency: usize,
    /// Most operations in one batch (a JSON array of requests in a POST);
    /// 0 refuses batches.
    #[arg(long, env = "SKILLGRAPH_MAX_BATCH_LEN", default_value_t = DEFAULT_MAX_BATCH_LEN)]
    pub max_batch_len: usize,
    /// Highest cost of a whole batch, its operations added up in order;
    /// each operation is also held to `--max-complexity`.
    #[arg(long, env = "SKILLGRAPH_MAX_BATCH_COMPLEXITY", default_value_t = DEFAULT_MAX_BATCH_COMPLEXITY)]
    pub max_batch_complexity: usize,
    /// Do not watch the corpus folder for changes.
    #[arg(long, env = "SKILLGRAPH_NO_WATCH")]
    pub no_watch: bool,
    /// Largest guide accepted, in bytes.
    #[arg(long, env = "SKILLGRAPH_MAX_FILE_BYTES", default_value_t = DEFAULT_MAX_FILE_BYTES)]
    pub max_file_bytes: u64,
    /// Seconds a cache may keep a GET query's answer (`Cache-Control:
    /// public, max-age=N`; 0 means revalidate every time, by `ETag`).
    #[arg(long, env = "SKILLGRAPH_CACHE_MAX_AGE", default_value_t = DEFAULT_CACHE_MAX_AGE.as_secs())]
    pub cache_max_age: u64,
    /// Bytes of answers kept in memory, by corpus version and request, to
    /// give again to whoever asks the same; 0 keeps none.
    #[arg(long, env = "SKILLGRAPH_ANSWER_CACHE_BYTES", default_value_t = DEFAULT_ANSWER_CACHE_BYTES)]
    pub answer_cache_bytes: usize,
    /// A persisted-query manifest (Apollo's `persisted-query-manifest.json`
    /// or Relay's id → query map): clients may send a listed operation's
    /// id alone.
    #[arg(long, env = "SKILLGRAPH_PERSISTED_QUERIES")]
    pub persisted_queries: Option<PathBuf>,
    /// Run only the operations of `--persisted-queries`; refuse any other.
    #[arg(
        long,
        env = "SKILLGRAPH_PERSISTED_ONLY",
        requires = "persisted_queries"
    )]
    pub persisted_only: bool,
    /// Job postings (JSON Lines of schema.org `JobPosting`) to read besides
    /// the corpus folder's `postings/`: a `.jsonl` file or a folder of them.
    #[arg(long, env = "SKILLGRAPH_POSTINGS")]
    pub postings: Option<PathBuf>,
    /// Seconds a client may take to send a request's headers, from the
    /// connection's opening or the previous answer; then it is closed.
    #[arg(long, env = "SKILLGRAPH_HEADER_READ_TIMEOUT_SECS", default_value_t = DEFAULT_HEADER_READ_TIMEOUT.as_secs())]
    pub header_read_timeout_secs: u64,
    /// Seconds a connection may stay quiet (nothing read or written,
    /// a response its client does not read) before it is closed.
    #[arg(long, env = "SKILLGRAPH_IDLE_TIMEOUT_SECS", default_value_t = DEFAULT_IDLE_TIMEOUT.as_secs())]
    pub idle_timeout_secs: u64,
    /// Connections open at once; further ones wait in the kernel's queue
    /// until one closes. Never more than the open-files limit allows.
    #[arg(long, env = "SKILLGRAPH_MAX_CONNECTIONS", default_value_t = DEFAULT_MAX_CONNECTIONS)]
    pub max_connections: usize,
    /// Seconds a WebSocket at /graphql/ws may wait before `connection_init`
    /// (then it is closed with 4408).
    #[arg(long, env = "SKILLGRAPH_WS_INIT_TIMEOUT_SECS", default_value_t = DEFAULT_WS_INIT_TIMEOUT.as_secs())]
    pub ws_init_timeout_secs: u64,
    /// WebSocket connections open at once; further upgrades get 503.
    #[arg(long, env = "SKILLGRAPH_WS_MAX_CONNECTIONS", default_value_t = DEFAULT_WS_MAX_CONNECTIONS)]
    pub ws_max_connections: usize,
    /// Largest WebSocket message (and frame) accepted, in bytes; a larger
    /// one closes the socket with 1009.
    #[arg(long, env = "SKILLGRAPH_WS_MAX_MESSAGE_BYTES", default_value_t = DEFAULT_WS_MAX_MESSAGE_BYTES)]
    pub ws_max_message_bytes: usize,
    /// Seconds between pings on an open WebSocket (0: none); a peer silent
    /// for three of them is dropped.
    #[arg(long, env = "SKILLGRAPH_WS_KEEPALIVE_SECS", default_value_t = DEFAULT_WS_KEEPALIVE.as_secs())]
    pub ws_keepalive_secs: u64,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// What the server runs with.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Depth, complexity and introspection limits of the schema.
    pub schema: SchemaOptions,
    /// How guide files are read, at start and on every reload.
    pub load: LoadOptions,
    /// Larger request bodies get 413.
    pub max_body_bytes: usize,
    /// Longer query texts get 413, before they are parsed.
    pub max_query_bytes: usize,
    /// A request still unanswered after this gets 408 (body too slow) or
    /// 503 (query too slow).
    pub request_timeout: Duration,
    /// GraphQL requests executed at once. Health and metrics are not
    /// counted, so probes still answer under load.
    pub max_concurrency: usize,
    /// Most operations in one batch; a longer batch gets 400, and 0
    /// refuses batches. A batch runs as one request: one turn of
    /// `max_concurrency`, one timeout, and one cost budget.
    pub max_batch_len: usize,
    /// The cost budget of a whole batch, which its operations draw on in
    /// order; each is also held to `schema.max_complexity`.
    pub max_batch_complexity: usize,
    /// Who may call the API from a browser, and with what.
    pub cors: CorsPolicy,
    /// Rebuild the graph when the corpus folder changes.
    pub watch: bool,
    /// How long the folder must be quiet before a reload, so that a
    /// checkout touching many files causes one rebuild, not many.
    pub watch_debounce: Duration,
    /// How long caches may keep a GET query's answer.
    pub cache_max_age: Duration,
    /// Bytes of answers kept in memory for the next caller; 0 keeps none.
    pub answer_cache_bytes: usize,
    /// The operator's persisted-query list, read at start.
    pub persisted_list: Option<Arc<OperationList>>,
    /// Run only listed operations.
    pub persisted_only: bool,
    /// A connection whose request headers have not all arrived this long
    /// after it opened, or after the previous answer, is closed.
    pub header_read_timeout: Duration,
    /// A connection on which nothing was read or written for this long is
    /// closed.
    pub idle_timeout: Duration,
    /// Connections served at once; further ones wait in the kernel's
    /// queue, unaccepted, until one closes.
    pub max_connections: usize,
    /// A WebSocket that has not sent `connection_init` after this is
    /// closed with 4408.
    pub ws_init_timeout: Duration,
    /// WebSocket connections open at once; further upgrades get 503.
    pub ws_max_connections: usize,
    /// Largest WebSocket message and frame, in bytes.
    pub ws_max_message_bytes: usize,
    /// How often open WebSockets are pinged; `None` for never.
    pub ws_keepalive: Option<Duration>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            schema: SchemaOptions::default(),
            load: LoadOptions::default(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_query_bytes: DEFAULT_MAX_QUERY_BYTES,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            max_concurrency: DEFAULT_MAX_CONCURRENCY,
            max_batch_len: DEFAULT_MAX_BATCH_LEN,
            max_batch_complexity: DEFAULT_MAX_BATCH_COMPLEXITY,
            cors: CorsPolicy::default(),
            watch: true,
            watch_debounce: Duration::from_millis(300),
            cache_max_age: DEFAULT_CACHE_MAX_AGE,
            answer_cache_bytes: DEFAULT_ANSWER_CACHE_BYTES,
            persisted_list: None,
            persisted_only: false,
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            ws_init_timeout: DEFAULT_WS_INIT_TIMEOUT,
            ws_max_connections: DEFAULT_WS_MAX_CONNECTIONS,
            ws_max_message_bytes: DEFAULT_WS_MAX_MESSAGE_BYTES,
            ws_keepalive: Some(DEFAULT_WS_KEEPALIVE),
        }
    }
}

impl ServeArgs {
    /// The settings these flags ask for, or why they cannot run.
    pub fn settings(&self) -> Result<Settings, CorsError> {
        let trimmed = |items: &[String]| -> Vec<String> {
            items
                .iter()
                .map(|item| item.trim().to_owned())
                .filter(|item| !item.is_empty())
                .collect()
        };
        let cors = CorsPolicy::new(
            &trimmed(&self.cors_origin),
            &trimmed(&self.cors_allow_header),
            self.cors_credentials,
        )?;
        Ok(Settings {
            schema: SchemaOptions {
                max_depth: self.max_depth,
                max_complexity: self.max_complexity,
                introspection: !self.no_introspection,
                timeout: Duration::from_secs(self.request_timeout_secs.max(1)),
                max_response_bytes: self.max_response_bytes,
            },
            load: LoadOptions {
                max_file_bytes: self.max_file_bytes,
                postings: self.postings.clone(),
                ..LoadOptions::default()
            },
            max_body_bytes: self.max_body_bytes,
            max_query_bytes: self.max_query_bytes,
            request_timeout: Duration::from_secs(self.request_timeout_secs.max(1)),
            max_concurrency: self.max_concurrency.max(1),
            max_batch_len: self.max_batch_len,
            max_batch_complexity: self.max_batch_complexity,
            cors,
            watch: !self.no_watch,
            cache_max_age: Duration::from_secs(self.cache_max_age),
            answer_cache_bytes: self.answer_cache_bytes,
            persisted_only: self.persisted_only,
            header_read_timeout: Duration::from_secs(self.header_read_timeout_secs.max(1)),
            idle_timeout: Duration::from_secs(self.idle_timeout_secs.max(1)),
            max_connections: self.max_connections.max(1),
            ws_init_timeout: Duration::from_secs(self.ws_init_timeout_secs.max(1)),
            ws_max_connections: self.ws_max_connections,
            ws_max_message_bytes: self.ws_max_message_bytes.max(1024),
            ws_keepalive: (self.ws_keepalive_secs > 0)
                .then(|| Duration::from_secs(self.ws_keepalive_secs)),
            ..Settings::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        serve: ServeArgs,
    }

    #[test]
    fn flags_left_out_give_the_documented_defaults() {
        let settings = Cli::parse_from(["serve"])
            .serve
            .settings()
            .expect("settings");
        assert_eq!(settings.max_body_bytes, 1 << 20);
        assert_eq!(settings.request_timeout, Duration::from_secs(10));
        assert!(settings.watch);
        assert!(settings.schema.introspection);
        assert_eq!(settings.cors, CorsPolicy::default());
        assert_eq!(settings.ws_init_timeout, Duration::from_secs(10));
        assert_eq!(settings.ws_max_connections, 1000);
        assert_eq!(settings.ws_max_message_bytes, 64 << 10);
        assert_eq!(settings.ws_keepalive, Some(Duration::from_secs(15)));
        assert_eq!(settings.header_read_timeout, Duration::from_secs(10));
        assert_eq!(settings.idle_timeout, Duration::from_secs(60));
        assert_eq!(settings.max_connections, 2048);
    }

    #[test]
    fn connection_limits_are_read_from_their_flags_and_never_zero() {
        let cli = Cli::parse_from([
            "serve",
            "--header-read-timeout-secs",
            "0",
            "--idle-timeout-secs",
            "5",
            "--max-connections",
            "0",
        ]);
        let settings = cli.serve.settings().expect("settings");
        assert_eq!(settings.header_read_timeout, Duration::from_secs(1));
        assert_eq!(settings.idle_timeout, Duration::from_secs(5));
        assert_eq!(settings.max_connections, 1);
    }

    #[test]
    fn websocket_keepalive_zero_turns_pings_off() {
        let cli = Cli::parse_from([
            "serve",
            "--ws-keepalive-secs",
            "0",
            "--ws-max-connections",
            "2",
        ]);
        let settings = cli.serve.settings().expect("settings");
        assert_eq!(settings.ws_keepalive, None);
        assert_eq!(settings.ws_max_connections, 2);
    }

    #[test]
    fn cors_credentials_for_any_origin_are_refused_at_start() {
        let cli = Cli::parse_from(["serve", "--cors-credentials"]);
        assert_eq!(
            cli.serve.settings().err(),
            Some(CorsError::CredentialsForAnyOrigin)
        );
    }

    #[test]
    fn cors_origins_may_be_given_comma_separated() {
        let cli = Cli::parse_from([
            "serve",
            "--cors-origin",
            "https://a.example, https://b.example",
            "--no-watch",
            "--no-introspection",
        ]);
        let settings = cli.serve.settings().expect("settings");
        let listed = [
            "https://a.example".to_owned(),
            "https://b.example".to_owned(),
        ];
        assert_eq!(
            settings.cors,
            CorsPolicy::new(&listed, &[], false).expect("a policy")
        );
        assert!(!settings.watch);
        assert!(!settings.schema.introspection);
    }
}
