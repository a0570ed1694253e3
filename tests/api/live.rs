//! The corpus version over real HTTP: the same files give the same version
//! wherever they lie and however they are loaded, every response carries
//! it, and an edit changes it everywhere at once.

use crate::support::seeds_app;
use crate::support::{TestApp, data, eventually, settings, shipped_seeds, spawn_app};
use serde_json::Value;
use skillgraph::guide::{CorpusSource, LoadOptions};
use skillgraph::server::Settings;
use std::path::Path;
use std::time::Duration;

const VERSION_HEADER: &str = "x-skillgraph-corpus-version";

pub(crate) fn copy_of_seeds() -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a temporary folder");
    for entry in std::fs::read_dir(shipped_seeds()).expect("the shipped seeds") {
        let path = entry.expect("an entry").path();
        if path.is_file() {
            let name = path.file_name().expect("a file name");
            std::fs::copy(&path, folder.path().join(name)).expect("a copy");
        }
    }
    folder
}

/// Settings that reload the corpus soon after a file changes.
pub(crate) fn watching() -> Settings {
    Settings {
        watch: true,
        watch_debounce: Duration::from_millis(100),
        ..settings()
    }
}

pub(crate) async fn version_of(app: &TestApp) -> String {
    data(app, "{ corpus { version } }").await["corpus"]["version"]
        .as_str()
        .expect("a version")
        .to_owned()
}

async fn header_of(app: &TestApp, path: &str) -> String {
    app.get(path)
        .await
        .headers()
        .get(VERSION_HEADER)
        .unwrap_or_else(|| panic!("{path} has no {VERSION_HEADER}"))
        .to_str()
        .expect("ASCII")
        .to_owned()
}

#[tokio::test]
async fn the_same_files_give_the_same_version_wherever_they_are_read() {
    let (one, two) = (copy_of_seeds(), copy_of_seeds());
    let first = spawn_app(one.path(), settings()).await;
    let second = spawn_app(two.path(), settings()).await;
    let version = version_of(&first).await;
    assert_eq!(version.len(), 16);
    assert!(
        version
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
    assert_eq!(
        version_of(&second).await,
        version,
        "another folder, the same files"
    );
    let shipped = seeds_app().await;
    assert_eq!(version_of(&shipped).await, version);
    let embedded = CorpusSource::Embedded
        .load(&LoadOptions::default())
        .expect("the embedded seeds");
    assert_eq!(
        embedded.version, version,
        "the embedded seeds are the shipped folder"
    );
    std::fs::write(
        one.path().join("platform_engineer.md"),
        "---json\n{\"slug\":\"x\",\"title\":\"X\"}\n---\n# X\n",
    )
    .expect("an edit");
    let restarted = spawn_app(one.path(), settings()).await;
    assert_ne!(
        version_of(&restarted).await,
        version,
        "an edited file is another version"
    );
}

#[tokio::test]
async fn every_response_readyz_and_metrics_carry_the_version() {
    let app = seeds_app().await;
    let version = version_of(&app).await;
    for path in [
        "/healthz",
        "/readyz",
        "/metrics",
        "/graphql?query=%7B__typename%7D",
        "/no-such-page",
    ] {
        assert_eq!(header_of(&app, path).await, version, "{path}");
    }
    let readyz = app.get_json("/readyz").await;
    assert_eq!(readyz["version"], version.as_str());
    let metrics = metrics_text(&app).await;
    assert!(
        metrics.contains(&format!(
            "skillgraph_corpus_info{{version=\"{version}\"}} 1"
        )),
        "{metrics}"
    );
}

#[tokio::test]
async fn an_edit_changes_the_version_served_and_the_old_one_is_marked_gone() {
    let folder = copy_of_seeds();
    let app = spawn_app(folder.path(), watching()).await;
    let before = version_of(&app).await;
    append_line(
        &folder.path().join("cloud_native_engineer.md"),
        "\nEdited.\n",
    );
    let after = eventually(Duration::from_secs(15), "a new version", || async {
        let now = version_of(&app).await;
        (now != before).then_some(now)
    })
    .await;
    assert_eq!(header_of(&app, "/healthz").await, after);
    let changes = data(&app, CHANGES).await["corpus"]["changes"].clone();
    assert_eq!(
        changes["guidesChanged"],
        serde_json::json!(["cloud_native_engineer"]),
        "{changes}"
    );
    assert_eq!(changes["previousVersion"], before.as_str());
    let metrics = metrics_text(&app).await;
    assert!(
        metrics.contains(&format!("skillgraph_corpus_info{{version=\"{after}\"}} 1")),
        "{metrics}"
    );
    assert!(
        metrics.contains(&format!("skillgraph_corpus_info{{version=\"{before}\"}} 0")),
        "{metrics}"
    );
}

const CHANGES: &str = "{ corpus { changes { previousVersion version guidesAdded guidesRemoved guidesChanged
    nodesAdded { kind count } nodesRemoved { kind count } edgesAdded { kind count } edgesRemoved { kind count }
    jobsChanged { slug job { slug } } } } }";

#[tokio::test]
async fn each_reload_says_what_changed_from_the_corpus_before() {
    let folder = copy_of_seeds();
    std::fs::remove_file(folder.path().join("cloud_native_engineer.md")).expect("one guide fewer");
    let app = spawn_app(folder.path(), watching()).await;
    assert!(
        data(&app, CHANGES).await["corpus"]["changes"].is_null(),
        "nothing changed yet"
    );
    let before = version_of(&app).await;
    std::fs::copy(
        shipped_seeds().join("cloud_native_engineer.md"),
        folder.path().join("cloud_native_engineer.md"),
    )
    .expect("a guide added");
    let changes = eventually(Duration::from_secs(15), "the added guide", || async {
        let changes = data(&app, CHANGES).await["corpus"]["changes"].clone();
        (changes["guidesAdded"] == serde_json::json!(["cloud_native_engineer"])).then_some(changes)
    })
    .await;
    assert_eq!(changes["previousVersion"], before.as_str());
    assert_eq!(changes["version"], version_of(&app).await.as_str());
    assert_eq!(changes["guidesRemoved"], serde_json::json!([]));
    assert_eq!(changes["guidesChanged"], serde_json::json!([]));
    let count = |list: &Value, kind: &str| -> u64 {
        list.as_array()
            .into_iter()
            .flatten()
            .find(|entry| entry["kind"] == kind)
            .and_then(|entry| entry["count"].as_u64())
            .unwrap_or(0)
    };
    assert!(count(&changes["nodesAdded"], "SKILL") > 0, "{changes}");
    assert!(count(&changes["edgesAdded"], "REQUIRES") > 0, "{changes}");
    let jobs: Vec<&str> = changes["jobsChanged"]
        .as_array()
        .expect("jobs")
        .iter()
        .filter_map(|job| job["slug"].as_str())
        .collect();
    assert!(jobs.contains(&"cloud_native_engineer"), "{jobs:?}");
    assert!(
        jobs.contains(&"platform_engineer"),
        "its nearest jobs changed: {jobs:?}"
    );
}

async fn metrics_text(app: &TestApp) -> String {
    app.get_text("/metrics").await
}

pub(crate) fn append_line(path: &Path, line: &str) {
    let mut text = std::fs::read_to_string(path).expect("the guide");
    text.push_str(line);
    std::fs::write(path, text).expect("the edit");
}

const QUERY: &str = "{ job(slug: \"platform_engineer\") { name } }";

async fn get(app: &TestApp, query: &str, if_none_match: Option<&str>) -> reqwest::Response {
    let mut request = app
        .client
        .get(app.url("/graphql"))
        .query(&[("query", query)])
        .header("accept", "application/graphql-response+json");
    if let Some(tag) = if_none_match {
        request = request.header("if-none-match", tag);
    }
    request.send().await.expect("an answer")
}

fn etag_of(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get("etag")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

#[tokio::test]
async fn get_answers_carry_an_etag_and_a_matching_if_none_match_gets_304() {
    let folder = copy_of_seeds();
    let app = spawn_app(folder.path(), watching()).await;
    let first = get(&app, QUERY, None).await;
    assert_eq!(first.status(), 200);
    let tag = etag_of(&first).expect("an ETag");
    assert_eq!(
        first
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("public, max-age=60")
    );
    let reformatted = get(
        &app,
        "{\n  job(slug: \"platform_engineer\") {\n    name\n  }\n}",
        None,
    )
    .await;
    assert_eq!(
        etag_of(&reformatted).as_deref(),
        Some(tag.as_str()),
        "layout is not part of the tag"
    );
    let again = get(&app, QUERY, Some(&tag)).await;
    assert_eq!(again.status(), 304);
    assert_eq!(etag_of(&again).as_deref(), Some(tag.as_str()));
    assert!(again.bytes().await.expect("a body").is_empty());
    let other = get(&app, QUERY, Some("\"not-this-one\"")).await;
    assert_eq!(other.status(), 200);
    let failing = get(&app, "{ job(slug: 1) { name } }", None).await;
    assert!(
        etag_of(&failing).is_none(),
        "an answer with errors is not cached"
    );
    let any = get(&app, QUERY, Some("*")).await;
    assert_eq!(
        any.status(),
        304,
        "a star matches an answer that can be cached"
    );
    assert_eq!(etag_of(&any).as_deref(), Some(tag.as_str()));
    let invalid = get(&app, "{ job(slug: 1) { name } }", Some("*")).await;
    assert_eq!(invalid.status(), 400, "a star never hides a failing query");
    assert!(etag_of(&invalid).is_none());
    let posted = app
        .client
        .post(app.url("/graphql"))
        .json(&serde_json::json!({ "query": QUERY }))
        .send()
        .await
        .expect("an answer");
    assert!(etag_of(&posted).is_none() && posted.headers().get("cache-control").is_none());
    append_line(&folder.path().join("platform_engineer.md"), "\nEdited.\n");
    let fresh = eventually(
        Duration::from_secs(15),
        "a new tag after the edit",
        || async {
            let response = get(&app, QUERY, Some(&tag)).await;
            (response.status() == 200).then_some(response)
        },
    )
    .await;
    assert_ne!(etag_of(&fresh).as_deref(), Some(tag.as_str()));
}

/// A GET answer and an explorer file, asked for as they are, gzip- and
/// brotli-encoded: each encoding reads back to the same bytes, carries
/// one weak tag and `Vary: accept-encoding`, and a tag got under one
/// encoding revalidates to a 304 under another.
#[tokio::test]
async fn answers_are_compressed_when_accepted_and_their_tags_hold_across_encodings() {
    let app = seeds_app().await;
    let query = "{ jobs(first: 5) { nodes { slug name skills { skill { name } } } } }";
    let fetch = |encoding: &'static str, if_none_match: Option<String>| {
        let mut request = app
            .client
            .get(app.url("/graphql"))
            .query(&[("query", query)])
            .header("accept", "application/graphql-response+json")
            .header("accept-encoding", encoding);
        if let Some(tag) = if_none_match {
            request = request.header("if-none-match", tag);
        }
        request.send()
    };
    let plain = fetch("identity", None).await.expect("an answer");
    assert_eq!(plain.status(), 200);
    assert!(plain.headers().get("content-encoding").is_none());
    let tag = etag_of(&plain).expect("an ETag");
    assert!(tag.starts_with("W/\""), "{tag}");
    let plain = plain.bytes().await.expect("a body");
    assert!(plain.len() > 500, "a body worth compressing");
    for encoding in ["gzip", "br"] {
        let encoded = fetch(encoding, None).await.expect("an answer");
        assert_eq!(encoded.status(), 200);
        assert_eq!(header_text(&encoded, "content-encoding"), encoding);
        assert!(
            encoded
                .headers()
                .get_all("vary")
                .iter()
                .any(|value| value.to_str().is_ok_and(|v| v.contains("accept-encoding"))),
            "caches keep encodings apart"
        );
        assert_eq!(etag_of(&encoded).as_deref(), Some(tag.as_str()));
        let bytes = encoded.bytes().await.expect("a body");
        assert!(
            bytes.len() < plain.len() / 2,
            "{encoding}: {} bytes",
            bytes.len()
        );
        assert_eq!(decode(encoding, &bytes), plain, "{encoding} reads back");
        let again = fetch(encoding, Some(tag.clone())).await.expect("an answer");
        assert_eq!(again.status(), 304, "{encoding}");
        assert_eq!(etag_of(&again).as_deref(), Some(tag.as_str()));
    }
    // The page's files too: the explorer's page is the largest.
    let page = app
        .client
        .get(app.url("/"))
        .header("accept-encoding", "br")
        .send()
        .await
        .expect("the page");
    assert_eq!(header_text(&page, "content-encoding"), "br");
    let tag = etag_of(&page).expect("the page's tag");
    let revalidated = app
        .client
        .get(app.url("/"))
        .header("accept-encoding", "gzip")
        .header("if-none-match", tag)
        .send()
        .await
        .expect("the page");
    assert_eq!(revalidated.status(), 304);
    // Tiny answers are not worth an encoder's framing.
    let tiny = app
        .client
        .get(app.url("/healthz"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("healthz");
    assert!(tiny.headers().get("content-encoding").is_none());
}

fn header_text(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The bytes a gzip or brotli body encodes.
fn decode(encoding: &str, bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    match encoding {
        "gzip" => flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .expect("gzip"),
        "br" => brotli_decompressor::Decompressor::new(bytes, 4096)
            .read_to_end(&mut out)
            .expect("brotli"),
        other => panic!("no decoder for {other}"),
    };
    out
}

/// The value of an unlabelled metric in `/metrics`.
async fn metric(app: &TestApp, name: &str) -> f64 {
    let text = metrics_text(app).await;
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {text}"))
}

const HITS: &str = "skillgraph_answer_cache_hits_total";

/// An answer is given again from memory to the same request, however it
/// is laid out, on GET, POST and in a batch alike; never an answer with
/// an error, never one of two requests that differ only inside a string,
/// and never after a reload.
#[tokio::test]
async fn answers_are_given_again_from_memory_until_the_corpus_changes() {
    let folder = copy_of_seeds();
    let app = spawn_app(folder.path(), watching()).await;
    let query = "{ corpus { version } search(query: \"監視  設計\") { score } }";
    let first = app.graphql(query).await;
    assert_eq!(metric(&app, HITS).await, 0.0);
    let relaid =
        "{\n  corpus { version } # the version\n  search(query: \"監視  設計\") { score }\n}";
    assert_eq!(app.graphql(relaid).await, first);
    assert_eq!(
        metric(&app, HITS).await,
        1.0,
        "the same request, laid out anew"
    );
    let by_get = get(&app, query, None).await;
    assert_eq!(by_get.status(), 200);
    assert!(etag_of(&by_get).is_some(), "a kept answer keeps its tag");
    assert_eq!(metric(&app, HITS).await, 2.0);
    let batch = app
        .client
        .post(app.url("/graphql"))
        .json(&serde_json::json!([{ "query": query }, { "query": query }]))
        .send()
        .await
        .expect("a batch answer");
    let answers: Value = batch.json().await.expect("JSON");
    assert_eq!(answers[0], first);
    assert_eq!(answers[1], first);
    assert_eq!(metric(&app, HITS).await, 4.0);
    // One space fewer inside the string is another question.
    let other = app
        .graphql("{ corpus { version } search(query: \"監視 設計\") { score } }")
        .await;
    assert_eq!(other["data"]["corpus"], first["data"]["corpus"]);
    assert_eq!(metric(&app, HITS).await, 4.0);
    // An answer with an error is never kept.
    let failing = "{ corpus { version } search(query: \"監視\", first: 1000) { score } }";
    for _ in 0..2 {
        let answer: Value = app
            .client
            .post(app.url("/graphql"))
            .json(&serde_json::json!({ "query": failing }))
            .send()
            .await
            .expect("an answer")
            .json()
            .await
            .expect("JSON");
        assert!(answer["errors"].is_array(), "{answer}");
    }
    assert_eq!(metric(&app, HITS).await, 4.0, "errors are not kept");
    assert!(metric(&app, "skillgraph_answer_cache_bytes").await > 0.0);
    // A reload empties it: the same request runs on the new graph.
    append_line(&folder.path().join("platform_engineer.md"), "\nEdited.\n");
    let before = first["data"]["corpus"]["version"].clone();
    let fresh = eventually(Duration::from_secs(15), "the edit is served", || async {
        let answer = app.graphql(query).await;
        (answer["data"]["corpus"]["version"] != before).then_some(answer)
    })
    .await;
    assert_ne!(fresh["data"]["corpus"]["version"], before);
}

/// `--answer-cache-bytes 0` keeps no answer.
#[tokio::test]
async fn an_answer_cache_of_no_bytes_keeps_nothing() {
    let app = spawn_app(
        &shipped_seeds(),
        Settings {
            answer_cache_bytes: 0,
            ..settings()
        },
    )
    .await;
    let query = "{ jobs(first: 2) { nodes { slug } } }";
    let first = app.graphql(query).await;
    assert_eq!(app.graphql(query).await, first);
    assert_eq!(metric(&app, HITS).await, 0.0);
    assert_eq!(
        metric(&app, "skillgraph_answer_cache_misses_total").await,
        0.0
    );
}
