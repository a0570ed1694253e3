//! Queries that cost more than they look: nested lists without `first`,
//! many copies of an expensive field, huge arguments and answers. Each is
//! refused before it runs or stopped while it runs, and the server keeps
//! answering `/healthz` meanwhile.

use super::{code, post_query, still_answers};
use crate::support::seeds_app;
use crate::support::{TestApp, settings, shipped_seeds, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};
use skillgraph::api::SchemaOptions;
use skillgraph::server::Settings;
use std::time::{Duration, Instant};

/// `{ tool(name: "Kubernetes") { skills { tools { skills … } } } }`,
/// `levels` lists deep.
fn tool_skill_chain(levels: usize) -> String {
    let mut inner = String::from("name");
    for level in (0..levels).rev() {
        inner = if level % 2 == 0 {
            format!("skills {{ nodes {{ name {inner} }} }}")
        } else {
            format!("tools {{ name {inner} }}")
        };
    }
    format!(r#"{{ tool(name: "Kubernetes") {{ {inner} }} }}"#)
}

/// A text of `bytes` bytes that names tools and skills all along.
fn long_text(bytes: usize) -> String {
    "Kubernetes と Terraform で IaC を進め、Prometheus で監視した。"
        .chars()
        .cycle()
        .scan(0, |length, c| {
            *length += c.len_utf8();
            (*length <= bytes).then_some(c)
        })
        .collect()
}

/// Sends `query` and asserts that it is refused with `expected` within
/// two seconds, before anything heavy ran.
async fn refused_quickly(app: &TestApp, query: &str, variables: Value, expected: &str) {
    let started = Instant::now();
    let (status, body) = post_query(app, query, variables).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "status {status}");
    assert_eq!(code(&body), expected);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "refused after {took:?}");
}

/// The slowest `/healthz` seen while `attack` runs, asking every 20 ms.
async fn slowest_health_during<F: std::future::Future>(
    app: &TestApp,
    attack: F,
) -> (F::Output, Duration) {
    let mut slowest = Duration::ZERO;
    tokio::pin!(attack);
    let output = loop {
        tokio::select! {
            output = &mut attack => break output,
            () = tokio::time::sleep(Duration::from_millis(20)) => {
                let started = Instant::now();
                let response = app.get("/healthz").await;
                assert_eq!(response.status(), StatusCode::OK);
                slowest = slowest.max(started.elapsed());
            }
        }
    };
    (output, slowest)
}

#[tokio::test]
async fn nine_levels_of_lists_without_first_are_refused_as_too_complex() {
    let app = seeds_app().await;
    let query = tool_skill_chain(9);
    assert!(query.len() < 300, "a small request: {} bytes", query.len());
    refused_quickly(&app, &query, Value::Null, "QUERY_TOO_COMPLEX").await;
    still_answers(&app).await;
}

#[tokio::test]
async fn two_levels_of_lists_without_first_are_priced_and_answered() {
    let app = seeds_app().await;
    let (status, body) = post_query(&app, &tool_skill_chain(2), Value::Null).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let skills = body["data"]["tool"]["skills"]["nodes"]
        .as_array()
        .expect("skills");
    assert!(!skills.is_empty(), "{body}");
}

#[tokio::test]
async fn eight_hundred_extractions_of_a_long_text_are_refused_before_they_run() {
    let app = seeds_app().await;
    let aliases: String = (0..800)
        .map(|n| format!("e{n}:extractSkills(text:$t){{text}} "))
        .collect();
    let query = format!("query($t:String!){{{aliases}}}");
    let variables = json!({ "t": long_text(64 << 10) });
    refused_quickly(&app, &query, variables, "QUERY_TOO_COMPLEX").await;
}

#[tokio::test]
async fn work_past_the_deadline_stops_with_timeout_and_health_stays_quick() {
    let patient = Settings {
        schema: SchemaOptions {
            max_complexity: usize::MAX,
            ..SchemaOptions::default()
        },
        request_timeout: Duration::from_secs(1),
        ..settings()
    };
    let app = spawn_app(&shipped_seeds(), patient).await;
    let aliases: String = (0..300)
        .map(|n| format!("e{n}: extractSkills(text: $t) {{ skills {{ name }} }} "))
        .collect();
    let query = format!("query($t: String!) {{ {aliases} }}");
    let variables = json!({ "t": long_text(64 << 10) });
    let started = Instant::now();
    let ((status, body), slowest) =
        slowest_health_during(&app, post_query(&app, &query, variables)).await;
    let took = started.elapsed();
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(code(&body), "TIMEOUT", "{body}");
    assert!(
        took < Duration::from_secs(4),
        "stopped {took:?} after it started"
    );
    // Unoptimised and beside other tests: far from the 100 ms a release
    // build keeps (`.ci/hostile/run.sh`), but never the whole attack.
    assert!(
        slowest < Duration::from_millis(800),
        "/healthz took {slowest:?}"
    );
    still_answers(&app).await;
}

#[tokio::test]
async fn an_answer_over_the_response_limit_stops_with_response_too_large() {
    let small = Settings {
        schema: SchemaOptions {
            max_response_bytes: 4 << 10,
            ..SchemaOptions::default()
        },
        ..settings()
    };
    let app = spawn_app(&shipped_seeds(), small).await;
    let aliases: String = (0..20)
        .map(|n| format!(r#"j{n}: job(slug: "platform_engineer") {{ description summary }} "#))
        .collect();
    let (status, body) = post_query(&app, &format!("{{ {aliases} }}"), Value::Null).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(code(&body), "RESPONSE_TOO_LARGE", "{body}");
    assert!(body.get("data").is_none(), "no partial answer: {body}");
    let (status, body) = post_query(
        &app,
        r#"{ job(slug: "platform_engineer") { title } }"#,
        Value::Null,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a small answer still passes: {body}"
    );
}

#[tokio::test]
async fn an_argument_over_its_cap_is_refused_inline_through_variables_and_defaults() {
    let app = seeds_app().await;
    let long = "監視".repeat(1000);
    let inline = format!(r#"{{ search(query: "{long}") {{ score }} }}"#);
    let through = "query($q: String!) { search(query: $q) { score } }";
    let defaulted = format!(r#"query($q: String = "{long}") {{ search(query: $q) {{ score }} }}"#);
    for (query, variables) in [
        (inline.as_str(), Value::Null),
        (through, json!({ "q": long })),
        (defaulted.as_str(), Value::Null),
    ] {
        let (status, body) = post_query(&app, query, variables).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(code(&body), "BAD_USER_INPUT", "{body}");
        let message = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains("`query` of `search`"), "{message}");
    }
    let text = long_text(70 << 10);
    let (status, body) = post_query(
        &app,
        "query($t: String!) { extractSkills(text: $t) { text } }",
        json!({ "t": text }),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(code(&body), "BAD_USER_INPUT", "{body}");
    still_answers(&app).await;
}

#[tokio::test]
async fn representations_in_a_variables_default_are_priced_like_any_others() {
    let representations: Vec<String> = (0..5000)
        .map(|_| r#"{ __typename: "Job", slug: "platform_engineer" }"#.to_owned())
        .collect();
    let query = format!(
        "query($r: [_Any!]! = [{}]) {{ _entities(representations: $r) {{ ... on Job {{ slug title description summary }} }} }}",
        representations.join(", ")
    );
    let room = Settings {
        max_query_bytes: 1 << 20,
        ..settings()
    };
    let app = spawn_app(&shipped_seeds(), room).await;
    refused_quickly(&app, &query, Value::Null, "QUERY_TOO_COMPLEX").await;
    still_answers(&app).await;
}

#[tokio::test]
async fn many_copies_of_a_huge_posting_description_stop_at_the_response_limit() {
    let folder = crate::live::copy_of_seeds();
    let postings = folder.path().join("postings");
    std::fs::create_dir(&postings).expect("a postings folder");
    let description = "Terraform and Kubernetes, every day. ".repeat(100_000);
    let posting = json!({
        "@type": "JobPosting",
        "identifier": "huge",
        "title": "Platform Engineer",
        "description": description,
    });
    std::fs::write(postings.join("board.jsonl"), format!("{posting}\n")).expect("written");
    let app = spawn_app(folder.path(), settings()).await;
    let aliases: String = (0..20)
        .map(|n| format!(r#"p{n}: posting(identifier: "huge") {{ description }} "#))
        .collect();
    let started = Instant::now();
    let (status, body) = post_query(&app, &format!("{{ {aliases} }}"), Value::Null).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "status {status}");
    assert_eq!(code(&body), "RESPONSE_TOO_LARGE");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    still_answers(&app).await;
}

#[tokio::test]
async fn the_arguments_and_lists_concepts_brought_are_capped_and_priced() {
    let app = seeds_app().await;
    let long = "監視".repeat(1000);
    for (query, argument) in [
        (
            "query($v: String!) { concept(name: $v) { id } }",
            "`name` of `concept`",
        ),
        (
            r#"query($v: String!) { job(slug: "platform_engineer") { labels(lang: $v) { text } } }"#,
            "`lang` of `labels`",
        ),
        (
            r#"query($v: String!) { neighborhood(id: "job:platform_engineer", depth: 1) {
                 nodes { labels(lang: $v) { text } } } }"#,
            "`lang` of `labels`",
        ),
        (
            r#"query($v: String!) { neighborhood(id: "job:platform_engineer", depth: 1) { svg(lang: $v) } }"#,
            "`lang` of `svg`",
        ),
        (
            "query($v: ID!) { nodes(ids: [$v]) { id } }",
            "`ids` of `nodes`",
        ),
        (
            r#"query($v: String!) { tool(name: "Kubernetes") { jobs(after: $v) { totalCount } } }"#,
            "`after` of `jobs`",
        ),
        (
            r#"query($v: String!) { tool(name: "Kubernetes") { postings(after: $v) { totalCount } } }"#,
            "`after` of `postings`",
        ),
        (
            r#"query($v: String!) { tool(name: "Kubernetes") { skills(after: $v) { totalCount } } }"#,
            "`after` of `skills`",
        ),
        (
            r#"query($v: String!) { concept(name: "SLO") { skills(after: $v) { totalCount } } }"#,
            "`after` of `skills`",
        ),
        (
            r#"query($v: String!) { job(slug: "platform_engineer") { relatedBy(after: $v) { totalCount } } }"#,
            "`after` of `relatedBy`",
        ),
        (
            r#"query($v: String!) { job(slug: "platform_engineer") { reachedFrom(after: $v) { totalCount } } }"#,
            "`after` of `reachedFrom`",
        ),
    ] {
        let (status, body) = post_query(&app, query, json!({ "v": long })).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(code(&body), "BAD_USER_INPUT", "{body}");
        let message = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains(argument), "{message}");
    }
    // A concept's jobs (pages of 100), each job's concepts, and so on:
    // every list priced,
    // so the nesting is refused before it runs.
    let nested = r#"{ concept(name: "SLO") { jobs(first: 100) { nodes { job { concepts { concept {
        jobs(first: 100) { nodes { job { concepts { concept { id } } } } } } } } } } } }"#;
    let (status, body) = post_query(&app, nested, Value::Null).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(code(&body), "QUERY_TOO_COMPLEX", "{body}");
    // A job's related jobs, theirs, and theirs again: each page priced.
    let related = r#"{ job(slug: "platform_engineer") { relatedJobs(first: 100) { job {
        relatedJobs(first: 100) { job { relatedJobs(first: 100) { score } } } } } } }"#;
    let (status, body) = post_query(&app, related, Value::Null).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(code(&body), "QUERY_TOO_COMPLEX", "{body}");
    // A page past 100 is refused beside the answer, its job made null.
    let (status, body) = post_query(
        &app,
        r#"{ job(slug: "platform_engineer") { relatedJobs(first: 101) { score } } }"#,
        Value::Null,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(code(&body), "BAD_USER_INPUT", "{body}");
    assert_eq!(body["data"]["job"], Value::Null, "{body}");
    still_answers(&app).await;
}

#[tokio::test]
async fn suggest_refuses_an_empty_or_over_long_prefix_and_a_page_past_100() {
    let app = seeds_app().await;
    let query = "query($p: String!, $f: Int) { suggest(prefix: $p, first: $f) { matched } }";
    for (variables, reason) in [
        (json!({ "p": "a".repeat(101) }), "at most 100 characters"),
        (json!({ "p": "監".repeat(101) }), "at most 100 characters"),
        (json!({ "p": "" }), "more than spaces"),
        (json!({ "p": "\u{3000} " }), "more than spaces"),
        (json!({ "p": "k", "f": 1000 }), "between 0 and 100"),
        (json!({ "p": "k", "f": -1 }), "between 0 and 100"),
    ] {
        let (status, body) = post_query(&app, query, variables).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(code(&body), "BAD_USER_INPUT", "{body}");
        let message = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with("prefix: ") || message.starts_with("first: "),
            "{message}"
        );
        assert!(message.contains(reason), "{message}");
        assert_eq!(body["data"], Value::Null, "{body}");
    }
    // Past the 1 KiB every argument is held to, the request is refused
    // before it runs.
    let (status, body) = post_query(&app, query, json!({ "p": "a".repeat(2000) })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(code(&body), "BAD_USER_INPUT", "{body}");
    // A hundred of one letter is a prefix like any other: a bounded answer.
    let (status, body) = post_query(&app, query, json!({ "p": "a".repeat(100), "f": 100 })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["suggest"], json!([]), "{body}");
    let (_, body) = post_query(&app, query, json!({ "p": "a", "f": 100 })).await;
    let found = body["data"]["suggest"].as_array().map_or(0, Vec::len);
    assert!((1..=100).contains(&found), "{body}");
    still_answers(&app).await;
}
