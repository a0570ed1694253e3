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

/// A résumé in Japanese and English, with HTML, read as a frontend would
/// send it.
const RESUME: &str = "<h2>職務経歴</h2><ul><li>Kubernetesクラスターの構築・運用（k8s 3年）</li>\
<li>Terraformによるインフラのコード化</li><li>services in Go and Python</li>\
<li>ready to go live on Fridays; I go the extra mile</li></ul><p>PrometheusとGrafanaで監視</p>";

#[tokio::test]
async fn extract_skills_reads_html_and_finds_names_with_their_offsets() {
    let app = seeds_app().await;
    let query = serde_json::json!({
        "query": "query ($text: String!) { extractSkills(text: $text) { text mentions { node { id } surface start end how confidence } tools { name } skills { name } jobs(first: 2) { job { slug } score matched { tools { name } } missing { tools { name } } } } }",
        "variables": { "text": RESUME },
    });
    let body = app.graphql_json(&query).await;
    assert!(body.get("errors").is_none(), "{body}");
    let extraction = &body["data"]["extractSkills"];
    let text = extraction["text"].as_str().expect("text");
    assert!(!text.contains('<'), "the HTML is gone: {text}");
    let chars: Vec<char> = text.chars().collect();
    let mentions = extraction["mentions"].as_array().expect("mentions");
    for mention in mentions {
        let start = mention["start"].as_u64().expect("start") as usize;
        let end = mention["end"].as_u64().expect("end") as usize;
        let surface: String = chars[start..end].iter().collect();
        assert_eq!(
            surface, mention["surface"],
            "offsets are characters of text"
        );
        assert!(
            mention["confidence"]
                .as_f64()
                .is_some_and(|c| c > 0.0 && c <= 1.0)
        );
    }
    let tools: Vec<&str> = extraction["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .filter_map(|tool| tool["name"].as_str())
        .collect();
    assert_eq!(
        tools,
        [
            "Kubernetes",
            "Terraform",
            "Go",
            "Python",
            "Prometheus",
            "Grafana"
        ]
    );
    let k8s = mentions
        .iter()
        .find(|mention| mention["surface"] == "k8s")
        .expect("k8s is read");
    assert_eq!(k8s["node"]["id"], "tool:kubernetes");
    assert_eq!(k8s["how"], "ALIAS");
    let jobs = extraction["jobs"].as_array().expect("jobs");
    assert_eq!(jobs.len(), 2);
    assert!(jobs[0]["score"].as_f64() >= jobs[1]["score"].as_f64());
    assert!(
        !jobs[0]["missing"]["tools"]
            .as_array()
            .expect("missing")
            .is_empty()
    );
}

#[tokio::test]
async fn recommend_jobs_takes_a_text_and_refuses_one_too_long() {
    let app = seeds_app().await;
    let from_text = app
        .graphql_json(&serde_json::json!({
            "query": "query ($text: String!) { recommendJobs(text: $text, first: 1) { job { slug } matched { tools { name } } } }",
            "variables": { "text": RESUME },
        }))
        .await;
    let matched = &from_text["data"]["recommendJobs"][0]["matched"]["tools"];
    assert!(
        matched
            .as_array()
            .is_some_and(|tools| tools.iter().any(|tool| tool["name"] == "Terraform")),
        "{from_text}"
    );
    let long = "Kubernetes ".repeat(7000);
    let refused = app
        .graphql_json(&serde_json::json!({
            "query": "query ($text: String!) { extractSkills(text: $text) { text } }",
            "variables": { "text": long },
        }))
        .await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{refused}"
    );
}

#[tokio::test]
async fn tool_and_skill_read_a_name_as_resolve_does_but_never_take_a_guess() {
    let app = app().await;
    let query = r#"{
        resolved: resolve(names: ["Lambda", "Kubernates"], kinds: [TOOL]) { how node { id } }
        lambda: tool(name: "Lambda") { id }
        listed: tool(name: "K8s") { id }
        guessed: tool(name: "Kubernates") { id }
        skill: skill(name: "IaC") { id }
    }"#;
    let answer = data(&app, query).await;
    let resolved = answer["resolved"].as_array().expect("two resolutions");
    assert_eq!(resolved[0]["how"], "VARIANT", "{answer}");
    assert_eq!(
        answer["lambda"]["id"], resolved[0]["node"]["id"],
        "{answer}"
    );
    assert_eq!(answer["listed"]["id"], "tool:kubernetes");
    assert_eq!(resolved[1]["how"], "FUZZY", "{answer}");
    assert_eq!(
        answer["guessed"],
        Value::Null,
        "a guess is a suggestion, not an answer"
    );
    assert!(answer["skill"]["id"].is_string(), "{answer}");
}
