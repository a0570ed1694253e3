//! Persisted queries over real HTTP: Apollo's automatic persisted queries
//! (hash first, then query and hash, then hash alone, by POST and GET),
//! and an operator's list with `--persisted-only`.

use crate::support::seeds_app;
use crate::support::{TestApp, settings, shipped_seeds, spawn_app};
use serde_json::{Value, json};
use skillgraph::server::Settings;
use skillgraph::server::persisted::{OperationList, sha256_hex};
use std::sync::Arc;

const QUERY: &str = "{ job(slug: \"platform_engineer\") { name } }";

fn persisted(hash: &str) -> Value {
    json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } })
}

async fn post(app: &TestApp, body: Value) -> (u16, Value) {
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("accept", "application/json")
        .json(&body)
        .send()
        .await
        .expect("an answer");
    let status = response.status().as_u16();
    (status, response.json().await.expect("a JSON body"))
}

#[tokio::test]
async fn a_hash_alone_works_once_its_query_was_sent_with_it() {
    let app = seeds_app().await;
    let hash = sha256_hex(QUERY);
    let (status, first) = post(&app, json!({ "extensions": persisted(&hash) })).await;
    assert_eq!(status, 200);
    assert_eq!(first["errors"][0]["message"], "PersistedQueryNotFound");
    assert_eq!(
        first["errors"][0]["extensions"]["code"],
        "PERSISTED_QUERY_NOT_FOUND"
    );
    let (_, registered) = post(
        &app,
        json!({ "query": QUERY, "extensions": persisted(&hash) }),
    )
    .await;
    assert_eq!(
        registered["data"]["job"]["name"], "Platform Engineer",
        "{registered}"
    );
    let (_, by_hash) = post(&app, json!({ "extensions": persisted(&hash) })).await;
    assert_eq!(
        by_hash["data"]["job"]["name"], "Platform Engineer",
        "{by_hash}"
    );
    let by_get = app
        .client
        .get(app.url("/graphql"))
        .query(&[("extensions", persisted(&hash).to_string())])
        .header("accept", "application/json")
        .send()
        .await
        .expect("an answer");
    assert!(
        by_get.headers().get("etag").is_some(),
        "a hash-only GET is cacheable"
    );
    let body: Value = by_get.json().await.expect("JSON");
    assert_eq!(body["data"]["job"]["name"], "Platform Engineer", "{body}");
    let (status, mismatch) = post(
        &app,
        json!({ "query": "{ __typename }", "extensions": persisted(&hash) }),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(mismatch["errors"][0]["extensions"]["code"], "BAD_REQUEST");
}

#[tokio::test]
async fn with_persisted_only_just_the_listed_operations_run() {
    let manifest = json!({
        "format": "apollo-persisted-query-manifest",
        "version": 1,
        "operations": [{ "id": sha256_hex(QUERY), "name": null, "type": "query", "body": QUERY }],
    });
    let file = tempfile::NamedTempFile::new().expect("a manifest file");
    std::fs::write(file.path(), manifest.to_string()).expect("the manifest");
    let list = OperationList::read(file.path()).expect("a manifest");
    let only = Settings {
        persisted_list: Some(Arc::new(list)),
        persisted_only: true,
        ..settings()
    };
    let app = spawn_app(&shipped_seeds(), only).await;
    let (_, listed) = post(&app, json!({ "extensions": persisted(&sha256_hex(QUERY)) })).await;
    assert_eq!(
        listed["data"]["job"]["name"], "Platform Engineer",
        "{listed}"
    );
    let (_, in_full) = post(&app, json!({ "query": QUERY })).await;
    assert_eq!(
        in_full["data"]["job"]["name"], "Platform Engineer",
        "{in_full}"
    );
    let (status, other) = post(&app, json!({ "query": "{ __typename }" })).await;
    assert_eq!(status, 400);
    assert_eq!(
        other["errors"][0]["extensions"]["code"],
        "QUERY_NOT_IN_PERSISTED_QUERY_LIST"
    );
    let (_, unknown) = post(
        &app,
        json!({ "extensions": persisted(&sha256_hex("{ other }")) }),
    )
    .await;
    assert_eq!(
        unknown["errors"][0]["extensions"]["code"],
        "PERSISTED_QUERY_NOT_IN_LIST"
    );
}
