//! Hostile requests and broken corpora: each is refused with the right
//! status and `extensions.code`, and the server answers the next request.

mod connections;
mod corpus;
mod metrics;
mod pages;

use crate::BROKEN_FILES;
use crate::support::seeds_app;
use crate::support::{TestApp, eventually, settings, shipped_seeds, spawn_app};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde_json::{Value, json};
use skillgraph::server::Settings;
use std::path::Path;
use std::time::Duration;

mod queries;

pub(crate) const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// POSTs `body` as it is and returns the status and the parsed answer.
pub(crate) async fn post_raw(
    app: &TestApp,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> (StatusCode, Value) {
    let response = app
        .client
        .post(app.url("/graphql"))
        .header(CONTENT_TYPE, content_type)
        .header(ACCEPT, GRAPHQL_RESPONSE)
        .body(body)
        .send()
        .await
        .expect("the server answers");
    let status = response.status();
    let text = response.text().await.expect("a body");
    let value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"));
    (status, value)
}

pub(crate) async fn post_query(
    app: &TestApp,
    query: &str,
    variables: Value,
) -> (StatusCode, Value) {
    let body = json!({ "query": query, "variables": variables }).to_string();
    post_raw(app, "application/json", body).await
}

pub(crate) fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code in {body}"))
}

/// The server still answers an ordinary query.
pub(crate) async fn still_answers(app: &TestApp) {
    let body = app
        .graphql(r#"{ job(slug: "platform_engineer") { slug } }"#)
        .await;
    assert_eq!(body["data"]["job"]["slug"], "platform_engineer", "{body}");
}

#[tokio::test]
async fn a_query_nested_200_deep_is_refused_as_too_deep() {
    let app = seeds_app().await;
    let query = format!(
        r#"{{ job(slug: "platform_engineer") {{ {} slug {} }} }}"#,
        "listedRelatedJobs { ".repeat(200),
        "}".repeat(200)
    );
    let (status, body) = post_query(&app, &query, Value::Null).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(code(&body), "QUERY_TOO_DEEP", "{body}");
    still_answers(&app).await;
}

#[tokio::test]
async fn ten_thousand_aliases_are_refused_before_they_run() {
    let aliases: String = (0..10_000)
        .map(|n| {
            format!(r#"a{n}: relatedJobs(slug: "platform_engineer", first: 100) {{ score }} "#)
        })
        .collect();
    let query = format!("{{ {aliases} }}");
    let app = seeds_app().await;
    let (status, body) = post_query(&app, &query, Value::Null).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(code(&body), "QUERY_TOO_LONG");
    still_answers(&app).await;
    // With the text limit lifted, the cost limit refuses the same query.
    let generous = Settings {
        max_query_bytes: 4 << 20,
        max_body_bytes: 4 << 20,
        ..settings()
    };
    let app = spawn_app(&shipped_seeds(), generous).await;
    let (status, body) = post_query(&app, &query, Value::Null).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(code(&body), "QUERY_TOO_COMPLEX");
    still_answers(&app).await;
}

#[tokio::test]
async fn a_fragment_cycle_fails_validation() {
    let app = seeds_app().await;
    let query = "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
    let (status, body) = post_query(&app, query, Value::Null).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED");
    still_answers(&app).await;
}

#[tokio::test]
async fn a_ten_megabyte_body_gets_413() {
    let app = seeds_app().await;
    let padding = " ".repeat(10 << 20);
    let body = format!(r#"{{"query": "{{ __typename }}"{padding}}}"#);
    let (status, answer) = post_raw(&app, "application/json", body).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(code(&answer), "PAYLOAD_TOO_LARGE");
    still_answers(&app).await;
}

#[tokio::test]
async fn a_body_that_is_not_utf8_gets_400() {
    let app = seeds_app().await;
    let body: Vec<u8> = b"{\"query\": \"{ job(slug: \\\"\xff\xfe\\\") { slug } }\"}".to_vec();
    let (status, answer) = post_raw(&app, "application/json", body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    assert_eq!(code(&answer), "BAD_REQUEST");
    still_answers(&app).await;
}

#[tokio::test]
async fn an_unknown_operation_over_get_is_refused() {
    let app = seeds_app().await;
    let response = app
        .client
        .get(app.url("/graphql"))
        .query(&[("query", "query A { __typename }"), ("operationName", "B")])
        .header(ACCEPT, GRAPHQL_RESPONSE)
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.expect("json");
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    still_answers(&app).await;
}

#[tokio::test]
async fn variables_of_the_wrong_type_are_refused() {
    let app = seeds_app().await;
    let query = "query Job($slug: String!) { job(slug: $slug) { slug } }";
    let (status, body) = post_query(&app, query, json!({ "slug": 5 })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED");
    assert!(body.get("data").is_none());
    still_answers(&app).await;
}

#[tokio::test]
async fn introspection_can_be_turned_off() {
    let closed = Settings {
        schema: skillgraph::api::SchemaOptions {
            introspection: false,
            ..Default::default()
        },
        ..settings()
    };
    let app = spawn_app(&shipped_seeds(), closed).await;
    for query in [
        "{ __schema { types { name } } }",
        "query { ...Probe } fragment Probe on Query { __type(name: \"Job\") { name } }",
        "{ _service { sdl } }",
    ] {
        let (status, body) = post_query(&app, query, Value::Null).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(code(&body), "INTROSPECTION_DISABLED");
    }
    still_answers(&app).await;
    let open = seeds_app().await;
    let body = open.graphql("{ __schema { queryType { name } } }").await;
    assert_eq!(body["data"]["__schema"]["queryType"]["name"], "Query");
}

fn broken_fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken")
}

#[test]
fn check_names_every_broken_file_and_line_and_exits_1() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_skillgraph"))
        .arg("check")
        .arg(broken_fixtures())
        .output()
        .expect("skillgraph runs");
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains(": 2 guides,"), "{report}");
    for file in BROKEN_FILES {
        let line = report
            .lines()
            .find(|line| line.contains(file) && line.contains(": line "))
            .unwrap_or_else(|| panic!("{file} is not named in:\n{report}"));
        let number = line
            .split(": line ")
            .nth(1)
            .and_then(|rest| rest.split(':').next());
        assert!(
            number.is_some_and(|n| n.parse::<usize>().is_ok_and(|n| n >= 1)),
            "{line}"
        );
    }
}

#[tokio::test]
async fn serve_starts_on_a_broken_folder_and_serves_the_good_guides() {
    let app = spawn_app(&broken_fixtures(), settings()).await;
    let body = app
        .graphql("{ corpus { guides errors { file line message } } }")
        .await;
    let corpus = &body["data"]["corpus"];
    assert_eq!(corpus["guides"], 2);
    let errors = corpus["errors"].as_array().expect("errors");
    let files: Vec<String> = errors
        .iter()
        .map(|e| {
            let file = e["file"].as_str().expect("file");
            Path::new(file)
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for file in BROKEN_FILES {
        assert!(files.contains(&file.to_owned()), "{file} not in {files:?}");
    }
    assert!(
        errors
            .iter()
            .all(|e| e["line"].as_u64().is_some_and(|line| line >= 1))
    );
    let readyz = app.get_json("/readyz").await;
    assert!(readyz.to_string().contains("invalid_json.md"), "{readyz}");
}

#[tokio::test]
async fn broken_files_dropped_in_during_a_reload_are_reported_and_the_rest_served() {
    let folder = crate::live::copy_of_seeds();
    let watching = Settings {
        watch: true,
        watch_debounce: Duration::from_millis(100),
        ..settings()
    };
    let app = spawn_app(folder.path(), watching).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    for file in BROKEN_FILES {
        std::fs::copy(broken_fixtures().join(file), folder.path().join(file)).expect("copy");
    }
    std::fs::write(folder.path().join("binary.md"), [0u8, 159, 146, 150, 255]).expect("write");
    let errors = eventually(
        Duration::from_secs(15),
        "the broken files being reported",
        || async {
            let body = app
                .graphql("{ corpus { guides errors { file line } } }")
                .await;
            let errors = body["data"]["corpus"]["errors"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            // Every broken file but the duplicate (alone here, it is a good
            // guide), plus the binary file.
            (errors.len() >= BROKEN_FILES.len())
                .then_some((body["data"]["corpus"]["guides"].clone(), errors))
        },
    )
    .await;
    // The good guides stay; the duplicate of one of them is the error.
    assert_eq!(
        errors.0, 3,
        "the two seeds and the good guide the duplicate copies"
    );
    assert!(
        errors
            .1
            .iter()
            .any(|e| e["file"].as_str().is_some_and(|f| f.ends_with("binary.md")))
    );
    still_answers(&app).await;
}

/// The `skillgraph` command with `args`, run at the crate's root.
fn skillgraph(args: &[&str]) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_skillgraph"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// The commands that print for a reader, in each of their forms.
const PRINTING: [&[&str]; 8] = [
    &["export", "--format", "json"],
    &["export", "--format", "cytoscape"],
    &["export", "--format", "dot"],
    &["export", "--format", "graphml"],
    &["export", "--format", "mermaid"],
    &["check", "seeds"],
    &["check", "--json", "seeds"],
    &["schema"],
];

/// Asserts that a command whose reader went away said nothing about it
/// and ended as Unix tools do: normally, or by SIGPIPE.
fn assert_ended_quietly(args: &[&str], output: &std::process::Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{args:?}: {stderr}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert!(
            output.status.success() || output.status.signal() == Some(libc::SIGPIPE),
            "{args:?} ended with {}: {stderr}",
            output.status
        );
    }
}

/// `skillgraph export | head` ends quietly when `head` stops reading: no
/// panic, no "Broken pipe" on stderr.
#[test]
fn a_command_whose_reader_goes_away_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    for args in PRINTING {
        let mut child = skillgraph(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("skillgraph runs");
        let mut first = [0u8; 16];
        child
            .stdout
            .take()
            .expect("a pipe")
            .read_exact(&mut first)
            .expect("some output");
        // The pipe's reading end is dropped here, before the command is done.
        let output = child.wait_with_output().expect("the command ends");
        assert_ended_quietly(args, &output);
    }
}

/// A reader that is gone before the first byte: every write the command
/// makes meets a closed pipe, however small its output.
#[test]
fn a_command_whose_reader_is_gone_before_it_writes_ends_quietly() {
    use std::process::Stdio;
    for args in PRINTING {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = skillgraph(args)
            .stdout(Stdio::from(writer))
            .stderr(Stdio::piped())
            .output()
            .expect("skillgraph runs");
        assert_ended_quietly(args, &output);
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(output.status.signal(), Some(libc::SIGPIPE), "{args:?}");
        }
    }
}

/// Progress is for a person at a terminal: a log or a pipe that takes
/// stderr gets no bar, not one byte of it.
#[test]
fn progress_stays_off_a_stderr_that_is_not_a_terminal() {
    for args in PRINTING {
        let output = skillgraph(args)
            .env("TERM", "xterm-256color")
            .output()
            .expect("skillgraph runs");
        assert!(output.status.success(), "{args:?}: {}", output.status);
        assert!(!output.stdout.is_empty(), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "",
            "{args:?} wrote to a stderr that is not a terminal"
        );
    }
}

/// On a terminal, `check` and `export` show how far the load has got, and
/// clear it before the answer; stdout, a pipe here, carries the answer alone.
#[cfg(target_os = "linux")]
#[test]
fn progress_is_shown_on_a_terminal_and_kept_out_of_the_output() {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::process::Stdio;
    for args in [&["check", "seeds"][..], &["export", "--format", "dot"][..]] {
        let (mut terminal, screen) = {
            let (mut controller, mut device) = (-1, -1);
            let size = libc::winsize {
                ws_row: 24,
                ws_col: 100,
                ws_xpixel: 0,
                ws_ypixel: 0,
            };
            // SAFETY: `openpty` writes the two descriptors it opens into
            // the integers given and reads only `size` (no name is asked
            // for, the settings are the default); each descriptor is then
            // owned exactly once.
            let opened = unsafe {
                libc::openpty(
                    &mut controller,
                    &mut device,
                    std::ptr::null_mut(),
                    std::ptr::null(),
                    &size,
                )
            };
            assert_eq!(
                opened,
                0,
                "a pseudo-terminal: {}",
                std::io::Error::last_os_error()
            );
            // SAFETY: both descriptors were just opened and nothing else owns them.
            unsafe {
                (
                    std::fs::File::from(OwnedFd::from_raw_fd(controller)),
                    OwnedFd::from_raw_fd(device),
                )
            }
        };
        let child = skillgraph(args)
            .env("TERM", "xterm-256color")
            .stdout(Stdio::piped())
            .stderr(Stdio::from(screen))
            .spawn()
            .expect("skillgraph runs");
        // The terminal's buffer is small: read it while the command runs.
        // Reading ends with an error once the command has closed its side.
        let shown = std::thread::spawn(move || {
            let mut shown = Vec::new();
            let mut chunk = [0u8; 4096];
            while let Ok(read @ 1..) = terminal.read(&mut chunk) {
                shown.extend_from_slice(&chunk[..read]);
            }
            String::from_utf8_lossy(&shown).into_owned()
        });
        let output = child.wait_with_output().expect("the command ends");
        let shown = shown.join().expect("the terminal is read");
        assert!(output.status.success(), "{args:?}: {shown}");
        assert!(shown.contains("parsing guides"), "{args:?}: {shown:?}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            !stdout.contains("parsing guides") && !stdout.contains('\u{1b}'),
            "{args:?}: progress in the output: {stdout}"
        );
    }
}
