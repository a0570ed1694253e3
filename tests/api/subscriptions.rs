//! Subscriptions over a real WebSocket at `/graphql/ws`, spoken as
//! `graphql-transport-ws` by hand: an edit reaches a subscriber as one
//! `corpusChanged` event; a client that breaks the protocol loses its own
//! socket and nobody else's; the connection limit refuses upgrades with
//! 503; stopping the server closes sockets with 1001; the legacy
//! `graphql-ws` subprotocol is held to the same subscription cap and
//! persisted-only rule.

use crate::live::{append_line, copy_of_seeds, version_of, watching};
use crate::support::seeds_app;
use crate::support::{TestApp, data, eventually, settings, shipped_seeds, spawn_app};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use skillgraph::server::Settings;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

const CORPUS_CHANGED: &str = "subscription { corpusChanged { previousVersion version guidesAdded
    guidesRemoved guidesChanged nodesAdded { kind count } nodesRemoved { kind count }
    edgesAdded { kind count } edgesRemoved { kind count } jobsChanged { slug job { slug } } } }";

/// A subscription whose jobs each ask for a page of -1 related jobs.
const FAILING_FIELD: &str = "subscription { corpusChanged { version
    jobsChanged { slug job { slug relatedJobs(first: -1) { score } } } } }";

/// The event of [`FAILING_FIELD`]: each job (nullable) holds the null of
/// its failed non-null list, and every error has its code.
fn a_failed_field_is_null_in_place(event: &Value) {
    assert_eq!(event["id"], "2", "{event}");
    let payload = &event["payload"];
    let jobs = payload["data"]["corpusChanged"]["jobsChanged"]
        .as_array()
        .expect("the changed jobs");
    assert!(!jobs.is_empty(), "{event}");
    for changed in jobs {
        assert!(changed["slug"].is_string(), "{event}");
        let job = changed.as_object().and_then(|changed| changed.get("job"));
        assert_eq!(job, Some(&Value::Null), "{event}");
    }
    let errors = payload["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), jobs.len(), "{event}");
    for error in errors {
        assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{event}");
    }
}

async fn metrics(app: &TestApp) -> String {
    app.client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text")
}

/// Opens `/graphql/ws` offering graphql-transport-ws.
async fn open(app: &TestApp) -> Result<Socket, WsError> {
    open_speaking(app, "graphql-transport-ws").await
}

/// Opens `/graphql/ws` offering `subprotocol` alone.
async fn open_speaking(app: &TestApp, subprotocol: &'static str) -> Result<Socket, WsError> {
    let mut request = format!("ws://{}/graphql/ws", app.address)
        .into_client_request()
        .expect("a request");
    request.headers_mut().insert(
        "sec-websocket-protocol",
        HeaderValue::from_static(subprotocol),
    );
    let (socket, response) = connect_async(request).await?;
    assert_eq!(
        response
            .headers()
            .get("sec-websocket-protocol")
            .map(|value| value.to_str().expect("ASCII")),
        Some(subprotocol)
    );
    Ok(socket)
}

async fn send(socket: &mut Socket, message: Value) {
    socket
        .send(Message::text(message.to_string()))
        .await
        .expect("the server reads");
}

/// The next protocol message, skipping pings; panics after 20 s.
async fn receive(socket: &mut Socket) -> Message {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(20), socket.next())
            .await
            .expect("a message within 20 s")
            .expect("the socket is open")
            .expect("a readable message");
        if !matches!(message, Message::Ping(_) | Message::Pong(_)) {
            return message;
        }
    }
}

async fn receive_json(socket: &mut Socket) -> Value {
    match receive(socket).await {
        Message::Text(text) => serde_json::from_str(text.as_str()).expect("JSON"),
        other => panic!("expected a text message, got {other:?}"),
    }
}

/// Reads until the server closes the socket and returns the close code.
async fn close_code(socket: &mut Socket) -> u16 {
    loop {
        match receive(socket).await {
            Message::Close(Some(frame)) => return u16::from(frame.code),
            Message::Close(None) => panic!("closed without a code"),
            _ => {}
        }
    }
}

/// connection_init, then connection_ack.
async fn initialise(socket: &mut Socket) {
    send(socket, json!({ "type": "connection_init" })).await;
    assert_eq!(
        receive_json(socket).await,
        json!({ "type": "connection_ack" })
    );
}

async fn subscribe(socket: &mut Socket, id: &str, query: &str) {
    send(
        socket,
        json!({ "id": id, "type": "subscribe", "payload": { "query": query } }),
    )
    .await;
}

#[tokio::test]
async fn an_edit_reaches_a_subscriber_as_one_corpus_changed_event() {
    let folder = copy_of_seeds();
    // A subscription outlives the time a query may take: its events are
    // pushed long after it started.
    let second = Duration::from_secs(1);
    let settings = skillgraph::server::Settings {
        request_timeout: second,
        schema: skillgraph::api::SchemaOptions {
            timeout: second,
            ..Default::default()
        },
        ..watching()
    };
    let app = spawn_app(folder.path(), settings).await;
    let before = version_of(&app).await;
    let mut socket = open(&app).await.expect("the upgrade");
    initialise(&mut socket).await;
    subscribe(&mut socket, "1", CORPUS_CHANGED).await;
    // A field that fails in every event: its null goes where the spec puts
    // it, as over HTTP, and its error carries a code.
    subscribe(&mut socket, "2", FAILING_FIELD).await;
    // The subscriptions listen once /metrics counts them.
    eventually(
        Duration::from_secs(10),
        "a listening subscriber",
        || async {
            metrics(&app)
                .await
                .contains("skillgraph_corpus_changed_subscribers 2")
                .then_some(())
        },
    )
    .await;
    assert!(
        metrics(&app)
            .await
            .contains("skillgraph_websocket_connections 1")
    );
    // Let the watcher start, and the subscription pass the query timeout.
    tokio::time::sleep(2 * second).await;
    append_line(
        &folder.path().join("cloud_native_engineer.md"),
        "\nEdited.\n",
    );
    let (mut event, mut failing) = (
        receive_json(&mut socket).await,
        receive_json(&mut socket).await,
    );
    if event["id"] == "2" {
        std::mem::swap(&mut event, &mut failing);
    }
    assert_eq!(event["type"], "next", "{event}");
    assert_eq!(event["id"], "1", "{event}");
    a_failed_field_is_null_in_place(&failing);
    assert!(event["payload"].get("errors").is_none(), "{event}");
    let changes = &event["payload"]["data"]["corpusChanged"];
    assert_eq!(changes["guidesChanged"], json!(["cloud_native_engineer"]));
    assert_eq!(changes["guidesAdded"], json!([]));
    assert_eq!(changes["previousVersion"], before.as_str());
    let after = version_of(&app).await;
    assert_ne!(after, before);
    assert_eq!(changes["version"], after.as_str());
    let jobs = changes["jobsChanged"].as_array().expect("a list");
    assert!(
        jobs.iter().any(|job| job["slug"] == "cloud_native_engineer"
            && job["job"]["slug"] == "cloud_native_engineer"),
        "{changes}"
    );
    // The same fields as corpus.changes, with the same values.
    let query =
        CORPUS_CHANGED.replacen("subscription { corpusChanged", "{ corpus { changes", 1) + " }";
    assert_eq!(
        &data(&app, &query).await["corpus"]["changes"],
        changes,
        "the event is what corpus.changes says"
    );
    // complete ends the subscription (async-graphql says complete back);
    // the socket stays open.
    send(&mut socket, json!({ "id": "1", "type": "complete" })).await;
    assert_eq!(
        receive_json(&mut socket).await,
        json!({ "type": "complete", "id": "1" })
    );
    send(&mut socket, json!({ "type": "ping" })).await;
    assert_eq!(receive_json(&mut socket).await, json!({ "type": "pong" }));
}

#[tokio::test]
async fn a_malformed_message_closes_its_own_socket_only() {
    let app = spawn_app(
        &shipped_seeds(),
        Settings {
            ws_init_timeout: Duration::from_secs(1),
            ..settings()
        },
    )
    .await;
    let mut good = open(&app).await.expect("the upgrade");
    initialise(&mut good).await;
    subscribe(&mut good, "a", "subscription { corpusChanged { version } }").await;

    let mut bad = open(&app).await.expect("the upgrade");
    initialise(&mut bad).await;
    bad.send(Message::text("{ this is not JSON"))
        .await
        .expect("sent");
    assert_eq!(close_code(&mut bad).await, 4400);

    let mut unknown = open(&app).await.expect("the upgrade");
    send(&mut unknown, json!({ "type": "hello" })).await;
    assert_eq!(close_code(&mut unknown).await, 4400);

    let mut early = open(&app).await.expect("the upgrade");
    subscribe(
        &mut early,
        "1",
        "subscription { corpusChanged { version } }",
    )
    .await;
    assert_eq!(close_code(&mut early).await, 4401, "subscribe before init");

    let mut twice = open(&app).await.expect("the upgrade");
    initialise(&mut twice).await;
    send(&mut twice, json!({ "type": "connection_init" })).await;
    assert_eq!(close_code(&mut twice).await, 4429, "a second init");

    let mut duplicate = open(&app).await.expect("the upgrade");
    initialise(&mut duplicate).await;
    subscribe(
        &mut duplicate,
        "x",
        "subscription { corpusChanged { version } }",
    )
    .await;
    subscribe(
        &mut duplicate,
        "x",
        "subscription { corpusChanged { version } }",
    )
    .await;
    assert_eq!(close_code(&mut duplicate).await, 4409, "an id in use");

    let mut huge = open(&app).await.expect("the upgrade");
    initialise(&mut huge).await;
    let padding = "x".repeat(settings().ws_max_message_bytes + 1);
    huge.send(Message::text(format!(
        r#"{{"type":"ping","payload":{{"x":"{padding}"}}}}"#
    )))
    .await
    .expect("sent");
    assert_eq!(
        close_code(&mut huge).await,
        1009,
        "a message over the limit"
    );

    let mut silent = open(&app).await.expect("the upgrade");
    assert_eq!(close_code(&mut silent).await, 4408, "no connection_init");

    // The well-behaved socket and HTTP still answer.
    send(&mut good, json!({ "type": "ping" })).await;
    assert_eq!(receive_json(&mut good).await, json!({ "type": "pong" }));
    assert!(data(&app, "{ corpus { version } }").await["corpus"]["version"].is_string());

    // The schema's limits apply over WebSocket too.
    let mut deep = String::from("subscription { corpusChanged { jobsChanged { job { slug");
    for _ in 0..20 {
        deep.push_str(" listedRelatedJobs { slug");
    }
    deep.push_str(&" }".repeat(24));
    subscribe(&mut good, "deep", &deep).await;
    let refused = receive_json(&mut good).await;
    assert_eq!(refused["id"], "deep", "{refused}");
    assert!(
        refused["payload"]["errors"][0]["message"]
            .as_str()
            .is_some_and(|message| message.contains("nested too deep")),
        "{refused}"
    );
}

#[tokio::test]
async fn past_the_connection_limit_an_upgrade_gets_503() {
    let mut app = spawn_app(
        &shipped_seeds(),
        Settings {
            ws_max_connections: 1,
            ..settings()
        },
    )
    .await;
    let mut first = open(&app).await.expect("the first upgrade");
    initialise(&mut first).await;
    match open(&app).await {
        Err(WsError::Http(response)) => assert_eq!(response.status(), 503),
        Err(other) => panic!("expected 503, got {other}"),
        Ok(_) => panic!("a second socket was accepted"),
    }
    assert!(data(&app, "{ corpus { version } }").await["corpus"]["version"].is_string());
    first.close(None).await.expect("closed");
    drop(first);
    let mut again = eventually(Duration::from_secs(5), "a freed slot", || async {
        open(&app).await.ok()
    })
    .await;
    initialise(&mut again).await;
    // Stopping the server closes open sockets with 1001.
    app.shut_down();
    assert_eq!(close_code(&mut again).await, 1001);
    app.stopped().await.expect("a clean stop");
}

#[tokio::test]
async fn the_legacy_subprotocol_is_held_to_the_same_subscription_cap() {
    let app = seeds_app().await;
    let mut socket = open_speaking(&app, "graphql-ws")
        .await
        .expect("the upgrade");
    send(&mut socket, json!({ "type": "connection_init" })).await;
    assert_eq!(receive_json(&mut socket).await["type"], "connection_ack");
    let cap = skillgraph::server::subscriptions::MAX_SUBSCRIPTIONS;
    for id in 0..=cap {
        let start = json!({
            "id": id.to_string(), "type": "start",
            "payload": { "query": "subscription { corpusChanged { version } }" }
        });
        if socket.send(Message::text(start.to_string())).await.is_err() {
            break;
        }
    }
    assert_eq!(close_code(&mut socket).await, 4429, "one past the cap");
    assert!(data(&app, "{ corpus { version } }").await["corpus"]["version"].is_string());
}

#[tokio::test]
async fn with_persisted_only_a_socket_asking_an_unlisted_operation_is_closed() {
    let listed = "subscription { corpusChanged { version } }";
    let manifest = json!({
        "format": "apollo-persisted-query-manifest",
        "version": 1,
        "operations": [{
            "id": skillgraph::server::persisted::sha256_hex(listed),
            "name": null, "type": "subscription", "body": listed
        }],
    });
    let file = tempfile::NamedTempFile::new().expect("a manifest file");
    std::fs::write(file.path(), manifest.to_string()).expect("the manifest");
    let list = skillgraph::server::persisted::OperationList::read(file.path()).expect("a manifest");
    let only = Settings {
        persisted_list: Some(std::sync::Arc::new(list)),
        persisted_only: true,
        ..settings()
    };
    let app = spawn_app(&shipped_seeds(), only).await;
    for subprotocol in ["graphql-transport-ws", "graphql-ws"] {
        let mut socket = open_speaking(&app, subprotocol).await.expect("the upgrade");
        send(&mut socket, json!({ "type": "connection_init" })).await;
        assert_eq!(receive_json(&mut socket).await["type"], "connection_ack");
        let kind = if subprotocol == "graphql-ws" {
            "start"
        } else {
            "subscribe"
        };
        let message = |id: &str, query: &str| json!({ "id": id, "type": kind, "payload": { "query": query } });
        send(&mut socket, message("1", listed)).await;
        send(&mut socket, message("2", "{ jobs { totalCount } }")).await;
        assert_eq!(close_code(&mut socket).await, 4403, "{subprotocol}");
    }
}
