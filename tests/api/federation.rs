//! The Apollo Federation v2 subgraph: `_service { sdl }` is the subgraph
//! SDL `skillgraph schema --federation` prints, and `_entities` finds
//! jobs by `id` or `slug` and the other entities by `id`, answering null
//! for a key that names nothing.

use crate::support::{data, seeds_app as app};
use serde_json::json;

#[tokio::test]
async fn service_sdl_is_the_federation_v2_subgraph_schema() {
    let app = app().await;
    let answer = data(&app, "{ _service { sdl } }").await;
    let sdl = answer["_service"]["sdl"].as_str().expect("an SDL");
    assert_eq!(sdl, skillgraph::api::federation_sdl());
    assert!(
        sdl.contains("extend schema @link(\n\turl: \"https://specs.apollo.dev/federation/v2"),
        "{sdl}"
    );
    assert!(sdl.contains(r#"type Job implements Node @key(fields: "id") @key(fields: "slug") {"#));
    for entity in ["Skill", "Tool", "CareerStage", "Posting"] {
        assert!(
            sdl.contains(&format!(
                r#"type {entity} implements Node @key(fields: "id") {{"#
            )),
            "{entity} is an entity keyed by id"
        );
    }
    assert!(
        !sdl.contains("type Subscription"),
        "a router cannot carry subscriptions"
    );
}

#[tokio::test]
async fn entities_are_found_by_their_keys_and_unknown_keys_answer_null() {
    let app = app().await;
    let request = json!({
        "query": r#"query($representations: [_Any!]!) {
            _entities(representations: $representations) {
                __typename
                ... on Job { id slug name }
                ... on Skill { id name }
                ... on Tool { id name }
                ... on CareerStage { id order job { slug } }
            }
        }"#,
        "variables": { "representations": [
            { "__typename": "Job", "slug": "platform_engineer" },
            { "__typename": "Job", "id": "job:cloud_native_engineer" },
            { "__typename": "Tool", "id": "tool:kubernetes" },
            { "__typename": "CareerStage", "id": "stage:cloud_native_engineer:1" },
            { "__typename": "Job", "slug": "no_such_job" },
            { "__typename": "Skill", "id": "tool:kubernetes" },
            { "__typename": "Job", "slug": "site_reliability_engineer" },
        ]},
    });
    let body = app.graphql_json(&request).await;
    assert!(body.get("errors").is_none(), "{body}");
    let entities = body["data"]["_entities"].as_array().expect("a list");
    assert_eq!(entities.len(), 7, "one answer per representation, in order");
    assert_eq!(entities[0]["id"], "job:platform_engineer");
    assert_eq!(entities[1]["slug"], "cloud_native_engineer");
    assert_eq!(entities[2]["name"], "Kubernetes");
    assert_eq!(entities[3]["job"]["slug"], "cloud_native_engineer");
    assert_eq!(entities[3]["order"], 1);
    assert!(entities[4].is_null(), "an unknown slug: {}", entities[4]);
    assert!(
        entities[5].is_null(),
        "a tool's id is not a skill: {}",
        entities[5]
    );
    assert!(
        entities[6].is_null(),
        "a key is the slug itself, not an alias: {}",
        entities[6]
    );
}

#[test]
fn schema_federation_prints_the_subgraph_sdl() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_skillgraph"))
        .args(["schema", "--federation"])
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        skillgraph::api::federation_sdl()
    );
}

#[tokio::test]
async fn a_batch_of_entities_costs_its_selection_once_per_representation() {
    let app = app().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            ... on Job { slug name listedRelatedJobs { slug name listedRelatedJobs { slug name } } }
        }
    }"#;
    let batch = |count: usize| {
        let representations: Vec<_> = (0..count)
            .map(|_| json!({ "__typename": "Job", "slug": "platform_engineer" }))
            .collect();
        json!({ "query": query, "variables": { "representations": representations } })
    };
    let small = app.graphql_json(&batch(50)).await;
    assert!(small.get("errors").is_none(), "{small}");
    assert_eq!(
        small["data"]["_entities"].as_array().map(Vec::len),
        Some(50)
    );

    let huge = app.graphql_json(&batch(5_000)).await;
    assert_eq!(
        huge["errors"][0]["extensions"]["code"], "QUERY_TOO_COMPLEX",
        "{huge}"
    );
    assert!(
        huge.get("data").is_none_or(serde_json::Value::is_null),
        "{huge}"
    );
}
