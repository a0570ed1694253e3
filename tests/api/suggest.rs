//! `suggest` over real HTTP, answered from the shipped seeds: names found
//! by what they or a word in them begin with, folded as `resolve` folds
//! them, each node once, best first.

use crate::support::{TestApp, seeds_app};
use serde_json::{Value, json};

const SUGGEST: &str = "query($p: String!, $k: [NodeKind!], $f: Int) {
    suggest(prefix: $p, kinds: $k, first: $f) { matched how node { id nodeKind label } } }";

async fn suggest(app: &TestApp, variables: Value) -> Vec<Value> {
    let body = app
        .graphql_json(&json!({ "query": SUGGEST, "variables": variables }))
        .await;
    assert!(body.get("errors").is_none(), "{body}");
    body["data"]["suggest"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("a list: {body}"))
}

fn ids(found: &[Value]) -> Vec<&str> {
    found
        .iter()
        .map(|found| found["node"]["id"].as_str().expect("an id"))
        .collect()
}

#[tokio::test]
async fn suggest_answers_names_begun_by_the_prefix_over_http() {
    let app = seeds_app().await;
    let found = suggest(&app, json!({ "p": "kube" })).await;
    assert_eq!(found[0]["node"]["id"], "tool:kubernetes", "{found:?}");
    assert_eq!(found[0]["matched"], "Kubernetes");
    assert_eq!(found[0]["how"], "NAME");
    assert_eq!(found.len(), 10, "the default `first`");
    let mut unique = ids(&found);
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), found.len(), "each node once: {found:?}");

    let folded = suggest(&app, json!({ "p": "ＫＵＢＥ" })).await;
    assert_eq!(ids(&folded), ids(&found));

    let alias = suggest(&app, json!({ "p": "k8", "k": ["TOOL"] })).await;
    assert_eq!(alias[0]["node"]["id"], "tool:kubernetes", "{alias:?}");
    assert_eq!(alias[0]["matched"], "K8s");
    assert_eq!(alias[0]["how"], "ALIAS");

    let word = suggest(&app, json!({ "p": "監視", "f": 100 })).await;
    assert_eq!(word[0]["how"], "EXACT", "{word:?}");
    let inner = word
        .iter()
        .find(|found| found["matched"] == "コスト監視")
        .unwrap_or_else(|| panic!("a word inside a name: {word:?}"));
    assert_eq!(inner["how"], "WORD");

    let jobs = suggest(&app, json!({ "p": "plat", "k": ["JOB"], "f": 3 })).await;
    assert_eq!(ids(&jobs), ["job:platform_engineer"]);
    assert_eq!(jobs[0]["node"]["nodeKind"], "JOB");

    assert!(suggest(&app, json!({ "p": "zzqxv" })).await.is_empty());
}
