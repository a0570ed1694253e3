//! Names and text read against the graph over real HTTP: `resolve`, and
//! `recommendJobs` reading names through it.

use crate::support::{TestApp, data, seeds_app};
use serde_json::Value;

async fn app() -> TestApp {
    seeds_app().await
}

#[tokio::test]
async fn resolve_says_what_each_name_means_how_and_how_surely() {
    let app = app().await;
    let answer = data(
        &app,
        r#"{ resolve(names: ["Kubernetes", "k8s", "ＴＥＲＲＡＦＯＲＭ", "Kubernates", "Platform Engineer", "COBOL"]) {
            input node { id } how rule confidence suggestions { node { id } how confidence } } }"#,
    )
    .await;
    let rows = answer["resolve"].as_array().expect("one answer per name");
    let read: Vec<(String, Value, Value)> = rows
        .iter()
        .map(|row| {
            (
                row["input"].as_str().expect("input").to_owned(),
                row["node"]["id"].clone(),
                row["how"].clone(),
            )
        })
        .collect();
    let expected = [
        ("Kubernetes", "tool:kubernetes", "EXACT"),
        ("k8s", "tool:kubernetes", "ALIAS"),
        ("ＴＥＲＲＡＦＯＲＭ", "tool:terraform", "VARIANT"),
        ("Kubernates", "tool:kubernetes", "FUZZY"),
        ("Platform Engineer", "job:platform_engineer", "EXACT"),
    ];
    for ((input, id, how), row) in expected.iter().zip(&read) {
        assert_eq!(row.0, *input);
        assert_eq!(row.1, *id, "{input}");
        assert_eq!(row.2, *how, "{input}");
    }
    let cobol = &rows[5];
    assert!(cobol["node"].is_null() && cobol["how"].is_null() && cobol["confidence"].is_null());
    let confidences: Vec<f64> = rows[..5]
        .iter()
        .map(|row| row["confidence"].as_f64().expect("a confidence"))
        .collect();
    assert_eq!(confidences[0], 1.0);
    assert!(
        confidences
            .windows(2)
            .take(3)
            .all(|pair| pair[0] >= pair[1]),
        "looser rules are less sure: {confidences:?}"
    );
    assert_eq!(rows[2]["rule"], "folded");
}

#[tokio::test]
async fn resolve_can_be_held_to_some_kinds_and_refuses_too_many_names() {
    let app = app().await;
    let only_jobs = data(
        &app,
        r#"{ resolve(names: ["Kubernetes"], kinds: [JOB]) { node { id } } }"#,
    )
    .await;
    let node = &only_jobs["resolve"][0]["node"];
    assert!(
        node.is_null() || node["id"].as_str().is_some_and(|id| id.starts_with("job:")),
        "{node}"
    );
    let names: Vec<String> = (0..101).map(|n| format!("\"name {n}\"")).collect();
    let body = app
        .graphql(&format!(
            "{{ resolve(names: [{}]) {{ input }} }}",
            names.join(",")
        ))
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{body}"
    );
}

#[tokio::test]
async fn recommend_jobs_reads_names_loosely_and_says_how() {
    let app = app().await;
    let body = app
        .graphql(
            r#"{ recommendJobs(tools: ["k8s", "Terraform", "Kubernates", "COBOL"]) {
                job { slug } resolutions { input node { id } how } } }"#,
        )
        .await;
    // Only COBOL has no candidate at all.
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "UNKNOWN_NAME",
        "{body}"
    );
    assert_eq!(
        body["errors"][0]["extensions"]["names"],
        serde_json::json!(["COBOL"])
    );
    let jobs = body["data"]["recommendJobs"].as_array().expect("jobs");
    assert!(!jobs.is_empty());
    let resolutions = jobs[0]["resolutions"].as_array().expect("resolutions");
    let ids: Vec<&Value> = resolutions.iter().map(|row| &row["node"]["id"]).collect();
    assert_eq!(ids[0], "tool:kubernetes");
    assert_eq!(ids[2], "tool:kubernetes");
    assert!(ids[3].is_null());
    assert_eq!(resolutions[2]["how"], "FUZZY");
}
