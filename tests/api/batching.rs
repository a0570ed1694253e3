//! Batches: a JSON array of requests in one POST, as Apollo's
//! `BatchHttpLink` sends them, answered with an array in the same order.
//! A batch runs as one request: one cost budget, one turn, one timeout.

use crate::support::{TestApp, settings, shipped_seeds, spawn_app};
use serde_json::{Value, json};
use skillgraph::server::Settings;

/// POSTs `body` and returns the status and the JSON answer.
async fn post(app: &TestApp, body: &Value) -> (u16, Value) {
    let response = app
        .client
        .post(app.url("/graphql"))
        .json(body)
        .send()
        .await
        .expect("an answer");
    let status = response.status().as_u16();
    (status, response.json().await.expect("a JSON body"))
}

async fn app_with(settings: Settings) -> TestApp {
    spawn_app(&shipped_seeds(), settings).await
}

#[tokio::test]
async fn a_batch_is_answered_in_order_each_operation_with_its_own_errors() {
    let app = app_with(settings()).await;
    let batch = json!([
        { "query": "query One { job(slug: \"platform_engineer\") { slug } }" },
        { "query": "query Two($a: String!) { skillOverlap(a: $a, b: \"platform_engineer\") { similarity } }",
          "variables": { "a": "no_such_job" } },
        "not a request",
        { "query": "{ corpus { guides } }" },
    ]);
    let (status, answer) = post(&app, &batch).await;
    assert_eq!(status, 200, "{answer}");
    let answers = answer.as_array().expect("an array");
    assert_eq!(answers.len(), 4, "{answer}");
    assert_eq!(
        answers[0],
        json!({ "data": { "job": { "slug": "platform_engineer" } } })
    );
    assert_eq!(answers[1]["data"], Value::Null, "{answer}");
    assert_eq!(answers[1]["errors"][0]["extensions"]["code"], "NOT_FOUND");
    assert_eq!(
        answers[2]["errors"][0]["extensions"]["code"], "BAD_REQUEST",
        "{answer}"
    );
    assert!(answers[2].get("data").is_none());
    assert_eq!(answers[3]["data"]["corpus"]["guides"], 2);
}

#[tokio::test]
async fn empty_overlong_and_switched_off_batches_are_refused_whole() {
    let app = app_with(Settings {
        max_batch_len: 3,
        ..settings()
    })
    .await;
    let one = json!({ "query": "{ __typename }" });
    let (status, answer) = post(&app, &json!([])).await;
    assert_eq!(
        (status, &answer["errors"][0]["extensions"]["code"]),
        (400, &json!("BAD_REQUEST"))
    );
    let (status, answer) = post(&app, &json!([one, one, one, one])).await;
    assert_eq!(status, 400, "{answer}");
    assert_eq!(answer["errors"][0]["extensions"]["code"], "BATCH_TOO_LONG");
    let (status, answer) = post(&app, &json!([one, one, one])).await;
    assert_eq!((status, answer.as_array().map(Vec::len)), (200, Some(3)));

    let off = app_with(Settings {
        max_batch_len: 0,
        ..settings()
    })
    .await;
    let (status, answer) = post(&off, &json!([one])).await;
    assert_eq!(
        (status, &answer["errors"][0]["extensions"]["code"]),
        (400, &json!("BAD_REQUEST"))
    );
}

#[tokio::test]
async fn the_operations_of_a_batch_share_one_cost_budget() {
    let mut limited = settings();
    limited.max_batch_complexity = 100;
    let app = app_with(limited).await;
    // Each costs 41: the field, and 40 hits of one field each.
    let search = json!({ "query": "{ search(query: \"kubernetes\", first: 40) { score } }" });
    let (_, alone) = post(&app, &search).await;
    assert!(alone.get("errors").is_none(), "{alone}");
    let (status, answer) = post(&app, &json!([search, search, search])).await;
    assert_eq!(status, 200);
    let answers = answer.as_array().expect("an array");
    assert!(answers[0].get("errors").is_none(), "{answer}");
    assert!(answers[1].get("errors").is_none(), "{answer}");
    assert_eq!(
        answers[2]["errors"][0]["extensions"]["code"], "QUERY_TOO_COMPLEX",
        "{answer}"
    );
    // The answers are kept in memory by now; a kept answer draws what
    // running it would, so the batch fares the same.
    let (status, again) = post(&app, &json!([search, search, search])).await;
    assert_eq!((status, &again), (200, &answer));
}
