//! Corpora built to hurt: an alias file that is a named pipe, postings
//! kept outside the folder, a million bad lines, a guide broken after it
//! loaded. The server keeps serving what it can, says what it dropped,
//! never shows where it keeps its files, and `/healthz` answers quickly.

use crate::support::{TestApp, eventually, seeds_copy, settings, shipped_seeds, spawn_app};
use serde_json::Value;
use skillgraph::server::Settings;
use std::path::Path;
use std::time::{Duration, Instant};

/// A folder with two of the shipped guides and the alias file.
fn small_corpus() -> tempfile::TempDir {
    seeds_copy(&[
        "platform_engineer.md",
        "cloud_native_engineer.md",
        "aliases.json",
    ])
}

fn watching() -> Settings {
    Settings {
        watch: true,
        watch_debounce: Duration::from_millis(100),
        ..settings()
    }
}

/// `/healthz` answers 200 within 100 ms.
async fn healthz_is_quick(app: &TestApp) {
    let started = Instant::now();
    assert_eq!(app.get("/healthz").await.status(), 200);
    let took = started.elapsed();
    assert!(took < Duration::from_millis(100), "/healthz took {took:?}");
}

/// Waits for `/readyz` to say `status`, and returns its body.
async fn readyz_saying(app: &TestApp, status: &str) -> Value {
    eventually(
        Duration::from_secs(15),
        &format!("/readyz saying {status}"),
        || async {
            let body = app.get_json("/readyz").await;
            (body["status"] == status).then_some(body)
        },
    )
    .await
}

#[cfg(unix)]
fn make_fifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("a path");
    // SAFETY: `mkfifo` reads the NUL-terminated path given and creates a
    // file there; nothing else is touched.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
}

#[cfg(unix)]
#[tokio::test]
async fn a_named_pipe_put_in_place_of_the_alias_file_keeps_the_last_graph_and_says_degraded() {
    let folder = small_corpus();
    let app = spawn_app(folder.path(), watching()).await;
    let version = app.get_json("/readyz").await["version"].clone();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let aliases = folder.path().join("aliases.json");
    std::fs::remove_file(&aliases).expect("remove");
    make_fifo(&aliases);
    let degraded = readyz_saying(&app, "degraded").await;
    let reason = degraded["reason"].as_str().expect("a reason");
    assert!(
        reason.contains("aliases.json") && reason.contains("named pipe"),
        "{reason}"
    );
    assert_eq!(degraded["version"], version, "the last graph is served");
    assert!(
        !degraded
            .to_string()
            .contains(&folder.path().display().to_string())
    );
    healthz_is_quick(&app).await;
    // The next change reloads again: the pipe did not hold the watcher.
    std::fs::remove_file(&aliases).expect("remove");
    std::fs::copy(shipped_seeds().join("aliases.json"), &aliases).expect("copy");
    readyz_saying(&app, "ready").await;
}

#[tokio::test]
async fn postings_read_from_an_absolute_path_outside_the_folder_never_show_that_path() {
    let folder = small_corpus();
    let elsewhere = tempfile::tempdir().expect("a temp folder");
    let board = elsewhere.path().join("board.jsonl");
    std::fs::write(
        &board,
        concat!(
            r#"{"@type":"JobPosting","identifier":"pe-1","title":"Platform Engineer","description":"Kubernetes and Terraform."}"#,
            "\n{not json\n",
            r#"{"@type":"JobPosting","identifier":"pe-1","title":"A repeat"}"#,
            "\n",
        ),
    )
    .expect("the board");
    assert!(board.is_absolute());
    let mut given = settings();
    given.load.postings = Some(board.clone());
    let app = spawn_app(folder.path(), given).await;
    let answer = crate::support::data(
        &app,
        r#"{ posting(identifier: "pe-1") { sourceFile sourceLine }
             corpus { errors { file line message } warnings { file message } } }"#,
    )
    .await;
    assert_eq!(answer["posting"]["sourceFile"], "board.jsonl");
    let errors = answer["corpus"]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().all(|error| error["file"] == "board.jsonl"));
    let readyz = app.get_json("/readyz").await;
    for (what, text) in [
        ("the answer", answer.to_string()),
        ("/readyz", readyz.to_string()),
    ] {
        for secret in [elsewhere.path(), folder.path()] {
            let secret = secret.display().to_string();
            assert!(!text.contains(&secret), "{what} names {secret}: {text}");
        }
        assert!(!text.contains("//"), "{what}: {text}");
    }
    healthz_is_quick(&app).await;
}

#[tokio::test]
async fn ten_thousand_bad_postings_lines_are_counted_not_listed() {
    let folder = small_corpus();
    let postings = folder.path().join("postings");
    std::fs::create_dir(&postings).expect("a postings folder");
    let board: String = (0..10_000).map(|n| format!("{{not json {n}\n")).collect();
    std::fs::write(postings.join("board.jsonl"), board).expect("the board");
    let app = spawn_app(folder.path(), settings()).await;
    let readyz = app.get("/readyz").await.text().await.expect("a body");
    assert!(readyz.len() < 16 << 10, "/readyz is {} bytes", readyz.len());
    let readyz: Value = serde_json::from_str(&readyz).expect("JSON");
    assert_eq!(readyz["status"], "ready");
    assert_eq!(readyz["errors"].as_array().expect("errors").len(), 20);
    assert_eq!(readyz["errorCount"], 10_000);
    assert_eq!(readyz["dropped"]["postings"], 10_000);
    assert_eq!(readyz["dropped"]["guides"], 0);
    assert_eq!(readyz["omitted"][0]["file"], "postings/board.jsonl");
    assert_eq!(readyz["omitted"][0]["errors"], 9_980);
    let answer = crate::support::data(
        &app,
        "{ corpus { errors { file line } errorCount warningCount \
           omitted { file errors warnings } dropped { guides postings } } }",
    )
    .await;
    let corpus = &answer["corpus"];
    let lines: Vec<u64> = corpus["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|error| error["line"].as_u64().expect("a line"))
        .collect();
    assert_eq!(lines, (1..=20).collect::<Vec<u64>>(), "the first twenty");
    assert_eq!(corpus["errorCount"], 10_000);
    assert_eq!(corpus["omitted"][0]["errors"], 9_980);
    assert_eq!(corpus["dropped"]["postings"], 10_000);
    healthz_is_quick(&app).await;
}

#[tokio::test]
async fn a_guide_that_no_longer_loads_is_named_and_readyz_is_degraded_until_it_does() {
    let folder = small_corpus();
    let app = spawn_app(folder.path(), watching()).await;
    assert_eq!(app.get_json("/readyz").await["status"], "ready");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let guide = folder.path().join("cloud_native_engineer.md");
    let good = std::fs::read(&guide).expect("the guide");
    std::fs::write(&guide, "---json\n{ \"slug\": \n---\n").expect("a corrupted guide");
    let degraded = readyz_saying(&app, "degraded").await;
    let reason = degraded["reason"].as_str().expect("a reason");
    assert!(reason.contains("cloud_native_engineer.md"), "{reason}");
    assert_eq!(degraded["guides"], 1);
    assert_eq!(degraded["dropped"]["guides"], 1);
    healthz_is_quick(&app).await;
    // Another edit elsewhere does not forget it: it is still lost.
    let other = folder.path().join("platform_engineer.md");
    let mut text = std::fs::read_to_string(&other).expect("the guide");
    text.push_str("\nEdited.\n");
    std::fs::write(&other, text).expect("an edit");
    let before = degraded["version"].clone();
    let still = eventually(Duration::from_secs(15), "the edit served", || async {
        let body = app.get_json("/readyz").await;
        (body["version"] != before).then_some(body)
    })
    .await;
    assert_eq!(still["status"], "degraded");
    assert!(
        still["reason"]
            .as_str()
            .is_some_and(|reason| reason.contains("cloud_native_engineer.md")),
        "{still}"
    );
    std::fs::write(&guide, good).expect("the guide restored");
    let ready = readyz_saying(&app, "ready").await;
    assert_eq!(ready["guides"], 2);
    let metrics = app.get_text("/metrics").await;
    assert!(
        metrics.contains("skillgraph_corpus_degraded 0"),
        "{metrics}"
    );
}
