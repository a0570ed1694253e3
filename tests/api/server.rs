//! The HTTP server end to end: GraphQL over HTTP, health, metrics, limits,
//! graceful shutdown and live reload, each through a real `run`.

use crate::support::seeds_app;
use crate::support::{
    TestApp, eventually, read_response, send, settings, shipped_seeds, spawn_app,
};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde_json::{Value, json};
use skillgraph::server::Settings;
use skillgraph::server::cors::CorsPolicy;
use std::path::Path;
use std::time::Duration;

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";
const PLATFORM_STAGES: &str =
    r#"{ job(slug: "platform_engineer") { slug name stages { name order } } }"#;

async fn shipped() -> TestApp {
    seeds_app().await
}

fn content_type(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

fn first_error_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code in {body}"))
}

#[tokio::test]
async fn a_job_is_answered_from_the_shipped_seeds() {
    let app = shipped().await;
    let body = app.graphql(PLATFORM_STAGES).await;
    assert!(body.get("errors").is_none(), "{body}");
    let job = &body["data"]["job"];
    assert_eq!(job["slug"], "platform_engineer");
    let stages = job["stages"].as_array().expect("a list of stages");
    assert_eq!(stages.len(), 5, "{job}");
    assert_eq!(
        stages[0],
        json!({ "name": "ジュニア Platform Engineer", "order": 1 })
    );
    let orders: Vec<i64> = stages.iter().filter_map(|s| s["order"].as_i64()).collect();
    assert_eq!(orders, [1, 2, 3, 4, 5]);
}

#[tokio::test]
async fn a_query_over_get_answers_as_the_same_query_over_post() {
    let app = shipped().await;
    let posted = app.graphql(PLATFORM_STAGES).await;
    let response = app
        .client
        .get(app.url("/graphql"))
        .query(&[("query", PLATFORM_STAGES)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let got: Value = response.json().await.unwrap();
    assert_eq!(got, posted);
}

#[tokio::test]
async fn get_variables_and_operation_name_come_from_the_query_string() {
    let app = shipped().await;
    let response = app
        .client
        .get(app.url("/graphql"))
        .query(&[
            (
                "query",
                "query Other { __typename } query Stages($slug: String!) { job(slug: $slug) { slug } }",
            ),
            ("operationName", "Stages"),
            ("variables", r#"{"slug": "platform_engineer"}"#),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body,
        json!({ "data": { "job": { "slug": "platform_engineer" } } })
    );
}

#[tokio::test]
async fn a_get_without_a_query_is_a_bad_request() {
    let app = shipped().await;
    let response = app
        .client
        .get(app.url("/graphql"))
        .header(ACCEPT, "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(first_error_code(&body), "BAD_REQUEST");
}

#[tokio::test]
async fn requests_over_the_concurrency_limit_wait_their_turn() {
    let app = spawn_app(
        &shipped_seeds(),
        Settings {
            max_concurrency: 1,
            ..settings()
        },
    )
    .await;
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let request = app
            .client
            .post(app.url("/graphql"))
            .json(&json!({ "query": PLATFORM_STAGES }));
        requests.spawn(async move {
            let response = request.send().await.unwrap();
            (response.status(), response.json::<Value>().await.unwrap())
        });
    }
    while let Some(answer) = requests.join_next().await {
        let (status, body) = answer.unwrap();
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["data"]["job"]["slug"], "platform_engineer");
    }
}

#[tokio::test]
async fn a_client_accepting_only_json_gets_application_json() {
    let app = shipped().await;
    for accept in ["application/json", "*/*"] {
        let response = app
            .client
            .post(app.url("/graphql"))
            .header(ACCEPT, accept)
            .json(&json!({ "query": "{ __typename }" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let media = content_type(&response);
        assert!(
            media.starts_with("application/json"),
            "{accept} gave {media}"
        );
    }
}

#[tokio::test]
async fn a_client_accepting_graphql_response_json_gets_that_type() {
    let app = shipped().await;
    let response = app
        .client
        .post(app.url("/graphql"))
        .header(
            ACCEPT,
            "application/graphql-response+json, application/json;q=0.9",
        )
        .json(&json!({ "query": "{ __typename }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(content_type(&response).starts_with(GRAPHQL_RESPONSE));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body, json!({ "data": { "__typename": "Query" } }));
}

#[tokio::test]
async fn a_parse_error_is_a_400_without_data_under_graphql_response_json() {
    let app = shipped().await;
    let response = app
        .client
        .post(app.url("/graphql"))
        .header(ACCEPT, GRAPHQL_RESPONSE)
        .json(&json!({ "query": "{ job(slug: " }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(content_type(&response).starts_with(GRAPHQL_RESPONSE));
    let body: Value = response.json().await.unwrap();
    assert!(body.get("data").is_none(), "{body}");
    assert!(body["errors"][0]["message"].is_string(), "{body}");
}

#[tokio::test]
async fn a_parse_error_is_a_200_under_application_json() {
    let app = shipped().await;
    let response = app
        .client
        .post(app.url("/graphql"))
        .header(ACCEPT, "application/json")
        .json(&json!({ "query": "{ job(slug: " }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert!(body["errors"].as_array().is_some_and(|e| !e.is_empty()));
}

#[tokio::test]
async fn a_client_accepting_neither_json_type_gets_406() {
    let app = shipped().await;
    let response = app
        .client
        .post(app.url("/graphql"))
        .header(ACCEPT, "text/csv")
        .json(&json!({ "query": "{ __typename }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_ACCEPTABLE);
}

#[tokio::test]
async fn a_mutation_over_get_is_refused_with_405() {
    let app = shipped().await;
    let response = app
        .client
        .get(app.url("/graphql"))
        .query(&[("query", "mutation { __typename }")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()["allow"], "POST");
    let body: Value = response.json().await.unwrap();
    assert_eq!(first_error_code(&body), "METHOD_NOT_ALLOWED");
}

#[tokio::test]
async fn a_body_that_is_not_declared_json_gets_415() {
    let app = shipped().await;
    for content_type in [Some("text/plain"), Some("application/graphql"), None] {
        let mut request = app
            .client
            .post(app.url("/graphql"))
            .body(r#"{"query":"{ __typename }"}"#);
        if let Some(content_type) = content_type {
            request = request.header(CONTENT_TYPE, content_type);
        }
        let response = request.send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type:?}"
        );
        let body: Value = response.json().await.unwrap();
        assert_eq!(first_error_code(&body), "UNSUPPORTED_MEDIA_TYPE");
    }
}

#[tokio::test]
async fn a_body_that_is_not_valid_json_gets_400() {
    let app = shipped().await;
    let response = app
        .client
        .post(app.url("/graphql"))
        .header(CONTENT_TYPE, "application/json")
        .body(r#"{ "query": "{ __typename }"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(first_error_code(&body), "BAD_REQUEST");
}

#[tokio::test]
async fn a_body_over_the_limit_gets_413_with_a_graphql_error() {
    let app = spawn_app(
        &shipped_seeds(),
        Settings {
            max_body_bytes: 1024,
            ..settings()
        },
    )
    .await;
    let padding = " ".repeat(2048);
    let response = app
        .client
        .post(app.url("/graphql"))
        .header(CONTENT_TYPE, "application/json")
        .body(format!(r#"{{"query": "{{ __typename }}{padding}"}}"#))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: Value = response.json().await.unwrap();
    assert_eq!(first_error_code(&body), "PAYLOAD_TOO_LARGE");
}

#[tokio::test]
async fn a_chunked_body_is_cut_off_at_the_limit_too() {
    let app = spawn_app(
        &shipped_seeds(),
        Settings {
            max_body_bytes: 1024,
            ..settings()
        },
    )
    .await;
    let mut stream = app.connect().await;
    let chunk = " ".repeat(600);
    let mut request = String::from(
        "POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
    );
    for _ in 0..3 {
        request.push_str(&format!("{:x}\r\n{chunk}\r\n", chunk.len()));
    }
    request.push_str("0\r\n\r\n");
    send(&mut stream, request.as_bytes()).await;
    let (status, body) = read_response(&mut stream).await;
    assert_eq!(status, 413, "{body}");
}

#[tokio::test]
async fn healthz_answers_while_the_process_is_up() {
    let app = shipped().await;
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn readyz_reports_the_guides_loaded() {
    let app = shipped().await;
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ready");
    assert_eq!(body["guides"], 2, "{body}");
    assert_eq!(body["errors"], json!([]));
}

#[tokio::test]
async fn readyz_lists_the_files_that_could_not_be_read_by_file_and_line() {
    let folder = tempfile::tempdir().unwrap();
    copy_guide("platform_engineer.md", folder.path());
    std::fs::write(
        folder.path().join("broken.md"),
        "---json\n{ \"slug\": \n---\n",
    )
    .unwrap();
    let app = spawn_app(folder.path(), settings()).await;
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["guides"], 1, "{body}");
    let error = &body["errors"][0];
    assert!(
        error["file"].as_str().unwrap().ends_with("broken.md"),
        "{body}"
    );
    assert!(error["line"].as_u64().unwrap() >= 1, "{body}");
}

#[tokio::test]
async fn metrics_count_a_query_by_its_operation_name() {
    let app = shipped().await;
    app.graphql("query JobPage { job(slug: \"platform_engineer\") { slug } }")
        .await;
    app.graphql("query JobPage { job(slug: \"platform_engineer\") { slug } }")
        .await;
    let response = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(content_type(&response).starts_with("text/plain"));
    let text = response.text().await.unwrap();
    assert!(
        text.contains(r#"skillgraph_graphql_requests_total{operation="JobPage"} 2"#),
        "{text}"
    );
    assert!(
        text.contains(
            r#"skillgraph_graphql_request_duration_seconds_count{operation="JobPage"} 2"#
        ),
        "{text}"
    );
    assert!(!text.contains(r#"skillgraph_graphql_errors_total{operation="JobPage"}"#));
    assert!(text.contains("skillgraph_graph_guides 2"), "{text}");
    assert!(text.contains("skillgraph_graph_nodes "), "{text}");
    assert!(text.contains("skillgraph_graph_edges "), "{text}");
    for phase in skillgraph::graph::Phase::ALL {
        let gauge = format!(r#"skillgraph_compile_seconds{{phase="{}"}} "#, phase.name());
        assert!(text.contains(&gauge), "{gauge} missing from {text}");
    }
    // The help names every phase, as the gauges do.
    let help = text
        .lines()
        .find(|line| line.starts_with("# HELP skillgraph_compile_seconds"))
        .unwrap_or_else(|| panic!("no help for the compile phases in {text}"));
    assert!(help.contains("postings"), "{help}");
}

#[tokio::test]
async fn an_unknown_slug_gives_null_and_no_error() {
    let app = shipped().await;
    let body = app
        .graphql(r#"{ job(slug: "no_such_job") { slug } }"#)
        .await;
    assert_eq!(body, json!({ "data": { "job": null } }));
}

#[tokio::test]
async fn a_page_size_over_the_limit_is_bad_user_input() {
    let app = shipped().await;
    let body = app.graphql("{ jobs(first: 101) { totalCount } }").await;
    assert_eq!(first_error_code(&body), "BAD_USER_INPUT", "{body}");
}

#[tokio::test]
async fn a_page_size_far_over_the_limit_is_bad_user_input() {
    let app = shipped().await;
    let body = app.graphql("{ jobs(first: 1000000) { totalCount } }").await;
    assert_eq!(first_error_code(&body), "BAD_USER_INPUT", "{body}");
}

#[tokio::test]
async fn a_browser_gets_graphiql_at_get_graphql() {
    let app = shipped().await;
    let response = app
        .client
        .get(app.url("/graphql"))
        .header(ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(content_type(&response).starts_with("text/html"));
    let page = response.text().await.unwrap();
    assert!(page.to_lowercase().contains("graphiql"));
    assert!(page.contains("/graphql"));
}

/// A browser's preflight for a POST from `origin` sending `headers`.
async fn preflight(app: &TestApp, origin: &str, headers: &str) -> reqwest::Response {
    app.client
        .request(reqwest::Method::OPTIONS, app.url("/graphql"))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", headers)
        .send()
        .await
        .expect("a preflight answer")
}

/// The comma-separated values of `name` in `response`, lowercased.
fn listed(response: &reqwest::Response, name: &str) -> Vec<String> {
    response
        .headers()
        .get_all(name)
        .iter()
        .flat_map(|value| value.to_str().unwrap_or_default().split(','))
        .map(|item| item.trim().to_ascii_lowercase())
        .collect()
}

/// The browser would block the answer: it names no allowed origin.
fn assert_refused(response: &reqwest::Response) {
    let allowed = response.headers().get("access-control-allow-origin");
    assert!(allowed.is_none(), "{allowed:?}");
}

#[tokio::test]
async fn cors_allows_any_origin_unless_origins_are_listed() {
    let open = shipped().await;
    let response = preflight(&open, "https://anywhere.example", "content-type").await;
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    assert!(
        response
            .headers()
            .get("access-control-allow-credentials")
            .is_none()
    );

    let closed = spawn_app(
        &shipped_seeds(),
        Settings {
            cors: CorsPolicy::new(&["https://app.example".into()], &[], false).expect("a policy"),
            ..settings()
        },
    )
    .await;
    let allowed = preflight(&closed, "https://app.example", "content-type").await;
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://app.example"
    );
    let refused = preflight(&closed, "https://elsewhere.example", "content-type").await;
    assert_refused(&refused);
}

#[tokio::test]
async fn a_preflight_with_auth_client_and_tracing_headers_passes_and_is_kept_an_hour() {
    let app = shipped().await;
    let asked = "content-type, authorization, apollographql-client-name, \
        apollographql-client-version, traceparent, tracestate, baggage, sentry-trace, if-none-match";
    let response = preflight(&app, "https://app.example", asked).await;
    assert!(response.status().is_success(), "{}", response.status());
    let allowed = listed(&response, "access-control-allow-headers");
    for header in asked.split(',').map(str::trim) {
        assert!(
            allowed.iter().any(|held| held == header),
            "{header} not in {allowed:?}"
        );
    }
    assert_eq!(response.headers()["access-control-max-age"], "3600");
    assert!(listed(&response, "access-control-allow-methods").contains(&"post".to_owned()));
    // A header outside the list is not allowed, so the browser stops there.
    let response = preflight(&app, "https://app.example", "x-made-up").await;
    assert!(!listed(&response, "access-control-allow-headers").contains(&"x-made-up".to_owned()));
    // An answer tells the page the version and the ETag it may read.
    let answer = app
        .client
        .get(app.url("/graphql?query=%7B__typename%7D"))
        .header("origin", "https://app.example")
        .send()
        .await
        .expect("an answer");
    let exposed = listed(&answer, "access-control-expose-headers");
    assert!(exposed.contains(&"etag".to_owned()), "{exposed:?}");
    assert!(
        exposed.contains(&skillgraph::server::VERSION_HEADER.to_owned()),
        "{exposed:?}"
    );
}

#[tokio::test]
async fn cors_credentials_go_to_listed_origins_with_their_own_name() {
    let policy =
        CorsPolicy::new(&["https://app.example".into()], &["*".into()], true).expect("a policy");
    let app = spawn_app(
        &shipped_seeds(),
        Settings {
            cors: policy,
            ..settings()
        },
    )
    .await;
    let response = preflight(&app, "https://app.example", "authorization, x-tenant").await;
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://app.example"
    );
    assert_eq!(
        response.headers()["access-control-allow-credentials"],
        "true"
    );
    // `*` mirrors what was asked: never a wildcard, which credentials forbid.
    let allowed = listed(&response, "access-control-allow-headers");
    assert_eq!(allowed, ["authorization", "x-tenant"]);
    let refused = preflight(&app, "https://elsewhere.example", "authorization").await;
    assert_refused(&refused);
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_gets_408() {
    let app = spawn_app(
        &shipped_seeds(),
        Settings {
            request_timeout: Duration::from_secs(1),
            ..settings()
        },
    )
    .await;
    let mut stream = app.connect().await;
    send(
        &mut stream,
        b"POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
          Content-Length: 100\r\nConnection: close\r\n\r\n{\"query\":",
    )
    .await;
    let (status, body) = read_response(&mut stream).await;
    assert_eq!(status, 408, "{body}");
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(first_error_code(&body), "TIMEOUT");
}

#[tokio::test]
async fn shutdown_lets_a_request_in_flight_finish() {
    let mut app = shipped().await;
    let body = json!({ "query": PLATFORM_STAGES }).to_string();
    let (head, tail) = body.split_at(body.len() / 2);
    let mut stream = app.connect().await;
    send(
        &mut stream,
        format!(
            "POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{head}",
            body.len()
        )
        .as_bytes(),
    )
    .await;
    // The server is now reading the body; stop it while it does.
    tokio::time::sleep(Duration::from_millis(200)).await;
    app.shut_down();
    tokio::time::sleep(Duration::from_millis(200)).await;
    send(&mut stream, tail.as_bytes()).await;
    let (status, response) = read_response(&mut stream).await;
    assert_eq!(status, 200, "{response}");
    let response: Value = serde_json::from_str(&response).unwrap();
    assert_eq!(response["data"]["job"]["stages"][0]["order"], 1);
    let address = app.address;
    app.stopped().await.expect("a clean stop");
    assert!(
        tokio::net::TcpStream::connect(address).await.is_err(),
        "a stopped server accepts no connection"
    );
}

fn copy_guide(name: &str, folder: &Path) {
    std::fs::copy(shipped_seeds().join(name), folder.join(name)).unwrap();
}

fn watching() -> Settings {
    Settings {
        watch: true,
        watch_debounce: Duration::from_millis(100),
        ..settings()
    }
}

async fn guides_served(app: &TestApp) -> i64 {
    let body = app.graphql("{ corpus { guides } }").await;
    body["data"]["corpus"]["guides"]
        .as_i64()
        .unwrap_or_else(|| panic!("no guide count in {body}"))
}

async fn readiness(app: &TestApp) -> (StatusCode, Value) {
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    (response.status(), response.json().await.unwrap())
}

#[tokio::test]
async fn readyz_says_whether_edits_are_read() {
    let folder = tempfile::tempdir().unwrap();
    copy_guide("platform_engineer.md", folder.path());
    let fixed = spawn_app(folder.path(), settings()).await;
    assert_eq!(readiness(&fixed).await.1["watching"], false);
    let watched = spawn_app(folder.path(), watching()).await;
    assert_eq!(readiness(&watched).await.1["watching"], true);
}

#[tokio::test]
async fn a_guide_added_to_the_watched_folder_is_served_without_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    copy_guide("platform_engineer.md", folder.path());
    copy_guide("aliases.json", folder.path());
    let app = spawn_app(folder.path(), watching()).await;
    assert_eq!(guides_served(&app).await, 1);
    assert_eq!(readiness(&app).await.1["watching"], true);
    copy_guide("cloud_native_engineer.md", folder.path());
    eventually(
        Duration::from_secs(15),
        "the new guide being served",
        || async { (guides_served(&app).await == 2).then_some(()) },
    )
    .await;
    let text = app.get_text("/metrics").await;
    assert!(
        !text.contains(r#"skillgraph_reloads_total{result="ok"} 0"#),
        "{text}"
    );
}

#[tokio::test]
async fn a_vanished_folder_keeps_the_last_graph_and_readyz_stays_in_the_pool_saying_why() {
    let parent = tempfile::tempdir().unwrap();
    let folder = parent.path().join("guides");
    std::fs::create_dir(&folder).unwrap();
    copy_guide("platform_engineer.md", &folder);
    let app = spawn_app(&folder, watching()).await;

    std::fs::remove_dir_all(&folder).unwrap();
    let reason = eventually(
        Duration::from_secs(15),
        "readyz turning degraded",
        || async {
            let (status, body) = readiness(&app).await;
            (body["status"] == "degraded").then_some((status, body))
        },
    )
    .await;
    let (status, reason) = reason;
    assert_eq!(
        status,
        StatusCode::OK,
        "a degraded replica still serves: {reason}"
    );
    assert!(
        reason["reason"].as_str().unwrap().contains("guides"),
        "{reason}"
    );
    let parent_path = parent.path().display().to_string();
    assert!(
        !reason.to_string().contains(&parent_path),
        "the folder is named, not where the server keeps it: {reason}"
    );
    assert_eq!(
        guides_served(&app).await,
        1,
        "the last good graph is served"
    );
    let metrics = app.get_text("/metrics").await;
    assert!(
        metrics.contains("skillgraph_corpus_degraded 1"),
        "{metrics}"
    );

    std::fs::create_dir(&folder).unwrap();
    copy_guide("platform_engineer.md", &folder);
    copy_guide("cloud_native_engineer.md", &folder);
    eventually(Duration::from_secs(15), "readyz recovering", || async {
        let (status, body) = readiness(&app).await;
        (status == StatusCode::OK && body["status"] == "ready" && body["guides"] == 2).then_some(())
    })
    .await;
    assert_eq!(guides_served(&app).await, 2);
    let metrics = app.get_text("/metrics").await;
    assert!(
        metrics.contains("skillgraph_corpus_degraded 0"),
        "{metrics}"
    );
}

#[tokio::test]
async fn a_server_with_no_guide_to_serve_is_not_ready_and_names_only_its_folder() {
    let parent = tempfile::tempdir().unwrap();
    let folder = parent.path().join("empty-corpus");
    std::fs::create_dir(&folder).unwrap();
    let app = spawn_app(&folder, settings()).await;
    let (status, body) = readiness(&app).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["status"], "not ready");
    assert_eq!(body["source"], "empty-corpus");
    let parent = parent.path().display().to_string();
    assert!(!body.to_string().contains(&parent), "{body}");
}
