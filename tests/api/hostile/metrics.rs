//! Requests that would grow the metrics: made-up operation names are
//! counted together once the persisted-query list says which are real.

use super::post_query;
use crate::support::{settings, shipped_seeds, spawn_app};
use serde_json::{Value, json};
use skillgraph::server::Settings;
use skillgraph::server::persisted::OperationList;
use std::sync::Arc;

#[tokio::test]
async fn made_up_operation_names_are_counted_as_other_beside_a_persisted_list() {
    let folder = tempfile::tempdir().expect("a temp folder");
    let manifest = folder.path().join("manifest.json");
    let body = "query JobPage { __typename }";
    std::fs::write(
        &manifest,
        json!({ "operations": [{ "id": "job-page", "name": "JobPage", "type": "query", "body": body }] })
            .to_string(),
    )
    .expect("a manifest");
    let listed = Settings {
        persisted_list: Some(Arc::new(OperationList::read(&manifest).expect("a list"))),
        ..settings()
    };
    let app = spawn_app(&shipped_seeds(), listed).await;
    for index in 0..300 {
        let query = format!("query Made{index} {{ __typename }}");
        let (status, _) = post_query(&app, &query, Value::Null).await;
        assert_eq!(status, 200);
    }
    let (status, _) = post_query(&app, body, Value::Null).await;
    assert_eq!(status, 200);
    let metrics = app.get_text("/metrics").await;
    assert!(
        metrics.contains(r#"skillgraph_graphql_requests_total{operation="other"} 300"#),
        "{metrics}"
    );
    assert!(metrics.contains(r#"skillgraph_graphql_requests_total{operation="JobPage"} 1"#));
    assert!(!metrics.contains("Made"), "a made-up name is a label");
}
