//! `spawn_app()`: the real server, started through the same `run` as
//! `skillgraph serve`, on a free port of 127.0.0.1.

use serde_json::{Value, json};
use skillgraph::graph::{CompileOptions, SkillGraph};
use skillgraph::guide::CorpusSource;
use skillgraph::server::{AppState, Settings, run};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running server and a client for it.
pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    /// Dropping the sender shuts the server down too, so a failing test
    /// leaves nothing running.
    shutdown: Option<oneshot::Sender<()>>,
    server: JoinHandle<std::io::Result<()>>,
}

/// The `seeds/` folder shipped with the crate.
pub fn shipped_seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// A temporary folder holding copies of the shipped seed files `names`.
pub fn seeds_copy(names: &[&str]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a temp folder");
    for name in names {
        std::fs::copy(shipped_seeds().join(name), folder.path().join(name)).expect("a seed copy");
    }
    folder
}

/// The shipped seeds, compiled once for every test that serves them with
/// default settings: the compile is most of what starting a server costs,
/// and a compiled graph never changes, so the servers share it.
static SHIPPED_GRAPH: OnceLock<Arc<SkillGraph>> = OnceLock::new();

/// A server on the shipped seeds with default settings.
pub async fn seeds_app() -> TestApp {
    let graph = tokio::task::spawn_blocking(|| {
        let graph = SHIPPED_GRAPH.get_or_init(|| {
            let source = CorpusSource::Folder(shipped_seeds());
            let options = settings().load;
            let graph = skillgraph::graph::load(&source, &options, CompileOptions::default())
                .expect("the shipped seeds load");
            Arc::new(graph)
        });
        Arc::clone(graph)
    })
    .await
    .expect("compiling does not panic");
    let source = CorpusSource::Folder(shipped_seeds());
    serve(AppState::sharing(graph, source, settings())).await
}

/// Runs `query` and returns `data`, asserting there were no errors.
pub async fn data(app: &TestApp, query: &str) -> serde_json::Value {
    let body = app.graphql(query).await;
    assert!(body.get("errors").is_none(), "{body}");
    body["data"].clone()
}

/// Default settings, without the folder watcher (only the reload tests
/// want one).
pub fn settings() -> Settings {
    Settings {
        watch: false,
        ..Settings::default()
    }
}

/// Loads `seeds` and serves it on 127.0.0.1:0 until the app is shut down
/// or dropped. With `settings.watch`, returns once the folder is watched,
/// so that a test's first edit is never missed.
pub async fn spawn_app(seeds: &Path, settings: Settings) -> TestApp {
    let source = CorpusSource::Folder(seeds.to_owned());
    let state = tokio::task::spawn_blocking(move || AppState::load(source, settings))
        .await
        .expect("loading does not panic")
        .expect("the corpus loads");
    serve(state).await
}

/// Serves `state` on 127.0.0.1:0; with `watch` in its settings, returns
/// once the folder is watched.
async fn serve(state: AppState) -> TestApp {
    let watch = state.settings().watch;
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let address = listener.local_addr().expect("a bound address");
    let (shutdown, stop) = oneshot::channel::<()>();
    let server = tokio::spawn(run(listener, state, async {
        let _ = stop.await;
    }));
    let app = TestApp {
        address,
        client: reqwest::Client::new(),
        shutdown: Some(shutdown),
        server,
    };
    if watch {
        eventually(
            Duration::from_secs(10),
            "the folder being watched",
            || async { (app.get_json("/readyz").await["watching"] == true).then_some(()) },
        )
        .await;
    }
    app
}

impl TestApp {
    /// The URL of `path` (`/graphql`).
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// GETs `path`, whatever the status.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("an answer")
    }

    /// GETs `path` and returns its JSON body, whatever the status.
    pub async fn get_json(&self, path: &str) -> Value {
        self.get(path).await.json().await.expect("a JSON body")
    }

    /// GETs `path` and returns its body as text, whatever the status.
    pub async fn get_text(&self, path: &str) -> String {
        self.get(path).await.text().await.expect("a text body")
    }

    /// POSTs `query` as JSON and returns the response body; panics unless
    /// the status is 200.
    pub async fn graphql(&self, query: &str) -> Value {
        self.graphql_json(&json!({ "query": query })).await
    }

    /// POSTs a whole request (`query`, `variables` …) and returns the
    /// response body; panics unless the status is 200 and the body has the
    /// shape the schema gives it ([`crate::shape`]).
    pub async fn graphql_json(&self, request: &Value) -> Value {
        let response = self
            .client
            .post(self.url("/graphql"))
            .json(request)
            .send()
            .await
            .expect("the server answers");
        let status = response.status();
        let body: Value = response.json().await.expect("a JSON body");
        assert_eq!(status, 200, "{body}");
        crate::shape::assert_shape(request, &body);
        body
    }

    /// Asks the server to stop, as SIGTERM does.
    pub fn shut_down(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }

    /// Waits (at most 10 s) for `run` to return after [`shut_down`](Self::shut_down).
    pub async fn stopped(self) -> std::io::Result<()> {
        tokio::time::timeout(Duration::from_secs(10), self.server)
            .await
            .expect("the server stops within 10 s")
            .expect("the server task does not panic")
    }

    /// Opens a plain TCP connection, for requests reqwest cannot shape
    /// (a body sent in pieces).
    pub async fn connect(&self) -> TcpStream {
        TcpStream::connect(self.address)
            .await
            .expect("the server accepts a connection")
    }
}

/// Reads a whole HTTP/1.1 response (the request said `Connection: close`)
/// and returns its status and body.
pub async fn read_response(stream: &mut TcpStream) -> (u16, String) {
    let mut raw = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut raw))
        .await
        .expect("the response arrives within 10 s")
        .expect("the response can be read");
    let text = String::from_utf8(raw).expect("a UTF-8 response");
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// Writes `bytes` and flushes.
pub async fn send(stream: &mut TcpStream, bytes: &[u8]) {
    stream.write_all(bytes).await.expect("the server reads");
    stream.flush().await.expect("the bytes leave");
}

/// Polls `check` every 50 ms until it returns `Some`, for at most `limit`.
pub async fn eventually<T, F, Fut>(limit: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let started = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            started.elapsed() < limit,
            "{what} did not happen within {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// `field` of each item of `list` (the items themselves when `field` is
/// empty), as strings.
pub fn strings(list: &Value, field: &str) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|item| {
            let value = if field.is_empty() { item } else { &item[field] };
            value
                .as_str()
                .unwrap_or_else(|| panic!("no {field} in {item}"))
                .to_owned()
        })
        .collect()
}
