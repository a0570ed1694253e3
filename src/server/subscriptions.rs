//! `/graphql/ws`: GraphQL subscriptions over WebSocket, with the
//! `graphql-transport-ws` protocol (the legacy `graphql-ws` subprotocol of
//! subscriptions-transport-ws is accepted too).
//!
//! async-graphql-axum runs the protocol against the schema (the same one,
//! with the same depth and complexity limits, as `/graphql`); this module
//! puts the server's limits around it:
//!
//! - at most `--ws-max-connections` sockets at once: beyond, the upgrade
//!   is refused with 503 before it happens;
//! - messages and frames over `--ws-max-message-bytes` close the socket
//!   with 1009;
//! - no `connection_init` within `--ws-init-timeout-secs`: 4408;
//! - a message that is not one of the protocol's: 4400; a `subscribe`
//!   before `connection_init`: 4401; a second `subscribe` with an id in
//!   use: 4409; a second `connection_init`, more than
//!   [`MAX_MESSAGES_PER_SECOND`] messages in a second or more than
//!   [`MAX_SUBSCRIPTIONS`] at once: 4429;
//! - a ping every `--ws-keepalive-secs`; a peer silent for three of them
//!   is dropped;
//! - at shutdown every socket is closed with 1001.
//!
//! Each socket is checked on its own: closing one never touches another.

use super::AppState;
use super::error::HttpError;
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::{SinkExt, StreamExt, stream::SplitStream};
use serde_json::Value;
use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::{OwnedSemaphorePermit, mpsc};

/// The path subscriptions are served on.
pub const PATH: &str = "/graphql/ws";

/// Messages a client may send in one second before its socket is closed
/// with 4429.
pub const MAX_MESSAGES_PER_SECOND: u32 = 100;

/// Subscriptions one socket may hold at once; one more closes it with 4429.
pub const MAX_SUBSCRIPTIONS: usize = 64;

/// The subprotocols known, in the order a client's offer is searched.
const TRANSPORT_WS: &str = "graphql-transport-ws";
const LEGACY_WS: &str = "graphql-ws";

/// Upgrades a request to a subscription socket, unless the server holds
/// as many sockets as it may (503) or the client speaks no known
/// subprotocol (400).
pub async fn upgrade(State(state): State<AppState>, request: Request) -> Response {
    let (mut parts, _body) = request.into_parts();
    let Some(permit) = state.socket_permit() else {
        tracing::warn!(
            "refusing a WebSocket: {} are open already",
            state.settings().ws_max_connections
        );
        return HttpError::TooManySockets.into_response();
    };
    let upgrade = match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let checked = match subprotocol(&parts.headers) {
        Some(name) => name == TRANSPORT_WS,
        None => {
            return (
                StatusCode::BAD_REQUEST,
                "Sec-WebSocket-Protocol must offer graphql-transport-ws",
            )
                .into_response();
        }
    };
    let protocol = match GraphQLProtocol::from_request_parts(&mut parts, &()).await {
        Ok(protocol) => protocol,
        Err(status) => return status.into_response(),
    };
    let settings = state.settings();
    let limits = Limits {
        init_timeout: settings.ws_init_timeout,
        keepalive: settings.ws_keepalive,
        checked,
    };
    upgrade
        .protocols([TRANSPORT_WS, LEGACY_WS])
        .max_message_size(settings.ws_max_message_bytes)
        .max_frame_size(settings.ws_max_message_bytes)
        .on_failed_upgrade(|error| tracing::debug!(%error, "a WebSocket upgrade failed"))
        .on_upgrade(move |socket| serve(socket, state, protocol, limits, permit))
}

/// The first subprotocol the client offers that the server speaks, as
/// async-graphql-axum picks it.
fn subprotocol(headers: &axum::http::HeaderMap) -> Option<&'static str> {
    super::negotiate::list_items(headers, header::SEC_WEBSOCKET_PROTOCOL).find_map(|offered| {
        [TRANSPORT_WS, LEGACY_WS]
            .into_iter()
            .find(|known| known.eq_ignore_ascii_case(offered))
    })
}

#[derive(Debug, Clone, Copy)]
struct Limits {
    init_timeout: Duration,
    keepalive: Option<Duration>,
    /// Whether messages are checked against graphql-transport-ws (the
    /// legacy protocol is left to async-graphql alone).
    checked: bool,
}

/// A reason to close a socket: a close code and its reason.
type Close = (u16, String);

/// Decides whether a `subscribe` (or the legacy `start`) payload may run:
/// with `--persisted-only`, only listed operations do, as over HTTP.
type Admission = Box<dyn Fn(&Value) -> Result<(), Close> + Send>;

/// What one socket has said so far, shared by the reading and the writing
/// halves (both run in the socket's one task).
struct Conversation {
    checked: bool,
    admit: Admission,
    initialised: bool,
    acknowledged: bool,
    subscriptions: HashSet<String>,
    last_heard: Instant,
    window_started: Instant,
    in_window: u32,
    close: Option<Close>,
}

impl Conversation {
    /// A conversation that admits every subscription (tests only: the
    /// server always says who may subscribe).
    #[cfg(test)]
    fn new(checked: bool) -> Self {
        Self::admitting(checked, Box::new(|_| Ok(())))
    }

    fn admitting(checked: bool, admit: Admission) -> Self {
        let now = Instant::now();
        Self {
            checked,
            admit,
            initialised: false,
            acknowledged: false,
            subscriptions: HashSet::new(),
            last_heard: now,
            window_started: now,
            in_window: 0,
            close: None,
        }
    }

    /// Checks one data message from the client; `Err` says how to close.
    fn receive(&mut self, bytes: &[u8]) -> Result<(), Close> {
        let now = Instant::now();
        if now.duration_since(self.window_started) >= Duration::from_secs(1) {
            self.window_started = now;
            self.in_window = 0;
        }
        self.in_window += 1;
        if self.in_window > MAX_MESSAGES_PER_SECOND {
            return Err((4429, "Too many messages".into()));
        }
        if !self.checked {
            return self.receive_legacy(bytes);
        }
        let invalid = || (4400, "Invalid message received".to_owned());
        let message: Value = serde_json::from_slice(bytes).map_err(|_| invalid())?;
        let kind = message
            .get("type")
            .and_then(Value::as_str)
            .ok_or_else(invalid)?;
        let object_or_null = |field: &str, within: &Value| {
            matches!(
                within.get(field),
                None | Some(Value::Null) | Some(Value::Object(_))
            )
        };
        match kind {
            "connection_init" => {
                if !object_or_null("payload", &message) {
                    return Err(invalid());
                }
                if self.initialised {
                    return Err((4429, "Too many initialisation requests".into()));
                }
                self.initialised = true;
            }
            "ping" | "pong" if object_or_null("payload", &message) => {}
            "subscribe" => {
                let id = message
                    .get("id")
                    .and_then(Value::as_str)
                    .ok_or_else(invalid)?;
                let payload = message.get("payload").ok_or_else(invalid)?;
                let well_formed = !id.is_empty()
                    && payload.get("query").is_some_and(Value::is_string)
                    && matches!(
                        payload.get("operationName"),
                        None | Some(Value::Null) | Some(Value::String(_))
                    )
                    && object_or_null("variables", payload)
                    && object_or_null("extensions", payload);
                if !well_formed {
                    return Err(invalid());
                }
                if !self.initialised {
                    return Err((4401, "Unauthorized".into()));
                }
                if self.subscriptions.contains(id) {
                    return Err((4409, format!("Subscriber for {id} already exists")));
                }
                self.start(id, payload)?;
            }
            "complete" => {
                let id = message
                    .get("id")
                    .and_then(Value::as_str)
                    .ok_or_else(invalid)?;
                self.subscriptions.remove(id);
            }
            _ => return Err(invalid()),
        }
        Ok(())
    }

    /// Admits one more subscription, within [`MAX_SUBSCRIPTIONS`] and the
    /// admission rule.
    fn start(&mut self, id: &str, payload: &Value) -> Result<(), Close> {
        if self.subscriptions.len() >= MAX_SUBSCRIPTIONS {
            return Err((4429, "Too many subscriptions".into()));
        }
        (self.admit)(payload)?;
        self.subscriptions.insert(id.to_owned());
        Ok(())
    }

    /// The legacy `graphql-ws` protocol, whose messages async-graphql
    /// checks itself: here only what it does not, the subscription cap and
    /// the admission rule on `start`, and their end on `stop`.
    fn receive_legacy(&mut self, bytes: &[u8]) -> Result<(), Close> {
        let Ok(message) = serde_json::from_slice::<Value>(bytes) else {
            return Ok(());
        };
        let id = message
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        match message.get("type").and_then(Value::as_str) {
            Some("start") => {
                let payload = message.get("payload").cloned().unwrap_or(Value::Null);
                if !self.subscriptions.contains(id) {
                    self.start(id, &payload)?;
                }
            }
            Some("stop") => {
                self.subscriptions.remove(id);
            }
            _ => {}
        }
        Ok(())
    }

    /// Notes what the server sends: the acknowledgement, and the end of a
    /// subscription (its id may be used again).
    fn send(&mut self, text: &str) {
        if text.starts_with(r#"{"type":"connection_ack""#) {
            self.acknowledged = true;
        } else if (text.starts_with(r#"{"type":"complete""#)
            || text.starts_with(r#"{"type":"error""#))
            && let Ok(message) = serde_json::from_str::<Value>(text)
            && let Some(id) = message.get("id").and_then(Value::as_str)
        {
            self.subscriptions.remove(id);
        }
    }
}

type Shared = Arc<Mutex<Conversation>>;

fn lock(conversation: &Shared) -> std::sync::MutexGuard<'_, Conversation> {
    conversation.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The client's data messages, checked; ends (with a reason to close
/// noted) at the first one that breaks the protocol or a limit.
fn checked_input(
    stream: SplitStream<WebSocket>,
    conversation: Shared,
) -> impl futures_util::Stream<Item = Result<Message, axum::Error>> + Send {
    futures_util::stream::unfold(
        (stream, conversation),
        |(mut stream, conversation)| async move {
            loop {
                let message = match stream.next().await? {
                    Ok(message) => message,
                    Err(error) => {
                        lock(&conversation).close = Some(close_for(&error));
                        return None;
                    }
                };
                let mut said = lock(&conversation);
                said.last_heard = Instant::now();
                let verdict = match &message {
                    Message::Text(text) => said.receive(text.as_bytes()),
                    Message::Binary(bytes) => said.receive(bytes),
                    Message::Close(_) => return None,
                    Message::Ping(_) | Message::Pong(_) => continue,
                };
                match verdict {
                    Ok(()) => {
                        drop(said);
                        return Some((Ok(message), (stream, conversation)));
                    }
                    Err(close) => {
                        tracing::debug!(code = close.0, reason = %close.1, "closing a WebSocket");
                        said.close = Some(close);
                        return None;
                    }
                }
            }
        },
    )
}

/// A read error: a message over the size limit gets 1009, anything else
/// (the peer vanished, a broken frame) 1002 when the socket still works.
fn close_for(error: &axum::Error) -> Close {
    let text = error.to_string();
    if text.contains("too long") || text.contains("limit exceeded") {
        (1009, "Message too big".into())
    } else {
        (1002, "Protocol error".into())
    }
}

/// Runs one socket until either side closes it, a limit closes it or the
/// server stops.
async fn serve(
    socket: WebSocket,
    state: AppState,
    protocol: GraphQLProtocol,
    limits: Limits,
    _permit: OwnedSemaphorePermit,
) {
    let (mut sink, stream) = socket.split();
    let admit = admission(&state);
    let conversation: Shared = Arc::new(Mutex::new(Conversation::admitting(limits.checked, admit)));
    // async-graphql writes into a channel, so that this task can also
    // write pings and close frames and watch the clock.
    let (outgoing, mut replies) = mpsc::channel::<Message>(32);
    let writer = futures_util::sink::unfold(outgoing, |outgoing, message: Message| async move {
        outgoing.send(message).await.map(|()| outgoing)
    });
    let graphql = GraphQLWebSocket::new_with_pair(
        writer,
        checked_input(stream, Arc::clone(&conversation)),
        crate::api::SpecExecutor(state.schema().clone()),
        protocol,
    )
    .serve();
    tokio::pin!(graphql);
    let init_deadline = tokio::time::sleep(limits.init_timeout);
    tokio::pin!(init_deadline);
    let mut pings = limits.keepalive.map(|every| {
        let mut pings = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        pings.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        pings
    });
    let mut closing = state.closing();
    let mut graphql_done = false;
    let close: Option<Close> = loop {
        tokio::select! {
            biased;
            reply = replies.recv() => {
                let Some(reply) = reply else {
                    // async-graphql is done and everything it said is sent.
                    break lock(&conversation).close.take();
                };
                if let Message::Text(text) = &reply {
                    lock(&conversation).send(text.as_str());
                }
                let ends = matches!(reply, Message::Close(_));
                if sink.send(reply).await.is_err() || ends {
                    break None;
                }
            }
            () = &mut graphql, if !graphql_done => graphql_done = true,
            () = &mut init_deadline, if !lock(&conversation).acknowledged => {
                break Some((4408, "Connection initialisation timeout".into()));
            }
            _ = tick(&mut pings) => {
                let every = limits.keepalive.unwrap_or(Duration::MAX);
                if lock(&conversation).last_heard.elapsed() > every.saturating_mul(3) {
                    break Some((1001, "No answer to pings".into()));
                }
                if sink.send(Message::Ping(Default::default())).await.is_err() {
                    break None;
                }
            }
            () = stopping(&mut closing) => {
                break Some((1001, "The server is stopping".into()));
            }
        }
    };
    if let Some((code, reason)) = close {
        let frame = CloseFrame {
            code,
            reason: reason.into(),
        };
        let _ = sink.send(Message::Close(Some(frame))).await;
    }
    let _ = sink.close().await;
}

/// With `--persisted-only`, a subscription runs only when its query is
/// one of the listed operations, as over HTTP; a socket that asks for
/// another is closed with 4403.
fn admission(state: &AppState) -> Admission {
    if !state.settings().persisted_only {
        return Box::new(|_| Ok(()));
    }
    let state = state.clone();
    Box::new(move |payload| {
        let query = payload
            .get("query")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let extensions = payload.get("extensions").and_then(Value::as_object);
        state
            .persisted()
            .query_of(query, extensions, HttpError::MissingQuery)
            .map(|_| ())
            .map_err(|refusal| (4403, format!("Forbidden: {refusal}")))
    })
}

/// Resolves once the server is stopping.
async fn stopping(closing: &mut tokio::sync::watch::Receiver<bool>) {
    if closing.wait_for(|closing| *closing).await.is_err() {
        // The state is gone, so is the server.
    }
}

/// The next keep-alive tick, or never when pings are off.
async fn tick(pings: &mut Option<tokio::time::Interval>) {
    match pings {
        Some(pings) => {
            pings.tick().await;
        }
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(conversation: &mut Conversation, message: Value) -> Result<(), Close> {
        conversation.receive(message.to_string().as_bytes())
    }

    #[test]
    fn the_protocol_is_checked_message_by_message() {
        let mut talk = Conversation::new(true);
        let subscribe = serde_json::json!({
            "id": "1", "type": "subscribe",
            "payload": { "query": "subscription { corpusChanged { version } }" }
        });
        assert_eq!(said(&mut talk, subscribe.clone()).unwrap_err().0, 4401);
        let mut talk = Conversation::new(true);
        said(&mut talk, serde_json::json!({ "type": "connection_init" })).unwrap();
        said(&mut talk, subscribe.clone()).unwrap();
        assert_eq!(said(&mut talk, subscribe.clone()).unwrap_err().0, 4409);
        talk.send(r#"{"type":"complete","id":"1"}"#);
        said(&mut talk, subscribe).unwrap();
        said(
            &mut talk,
            serde_json::json!({ "type": "ping", "payload": { "at": 1 } }),
        )
        .unwrap();
        assert_eq!(talk.receive(b"not json").unwrap_err().0, 4400);
        for bad in [
            serde_json::json!({ "type": "hello" }),
            serde_json::json!({ "id": 1, "type": "subscribe", "payload": { "query": "{ x }" } }),
            serde_json::json!({ "id": "2", "type": "subscribe", "payload": { "query": 5 } }),
            serde_json::json!({ "id": "2", "type": "subscribe", "payload": { "query": "{ x }", "variables": [] } }),
            serde_json::json!({ "type": "connection_init", "payload": "x" }),
        ] {
            assert_eq!(said(&mut talk, bad.clone()).unwrap_err().0, 4400, "{bad}");
        }
        assert_eq!(
            said(&mut talk, serde_json::json!({ "type": "connection_init" }))
                .unwrap_err()
                .0,
            4429
        );
    }

    #[test]
    fn the_legacy_protocol_is_held_to_the_subscription_cap() {
        let mut talk = Conversation::new(false);
        let start = |id: usize| {
            serde_json::json!({
                "id": id.to_string(), "type": "start",
                "payload": { "query": "subscription { corpusChanged { version } }" }
            })
        };
        for id in 0..MAX_SUBSCRIPTIONS {
            said(&mut talk, start(id)).unwrap();
        }
        assert_eq!(
            said(&mut talk, start(MAX_SUBSCRIPTIONS)).unwrap_err().0,
            4429
        );
        said(&mut talk, serde_json::json!({ "id": "0", "type": "stop" })).unwrap();
        said(&mut talk, start(MAX_SUBSCRIPTIONS)).unwrap();
    }

    #[test]
    fn a_subscription_the_admission_rule_refuses_closes_the_socket_with_4403() {
        let only_version: Admission = Box::new(|payload| {
            let query = payload
                .get("query")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if query.contains("version") {
                Ok(())
            } else {
                Err((4403, "Forbidden".into()))
            }
        });
        for checked in [true, false] {
            let mut talk =
                Conversation::admitting(checked, Box::new(|_| Err((4403, "Forbidden".into()))));
            let _ = said(&mut talk, serde_json::json!({ "type": "connection_init" }));
            let kind = if checked { "subscribe" } else { "start" };
            let refused = said(
                &mut talk,
                serde_json::json!({
                    "id": "1", "type": kind, "payload": { "query": "{ jobs { totalCount } }" }
                }),
            );
            assert_eq!(refused.unwrap_err().0, 4403, "{kind}");
        }
        let mut talk = Conversation::admitting(true, only_version);
        said(&mut talk, serde_json::json!({ "type": "connection_init" })).unwrap();
        said(
            &mut talk,
            serde_json::json!({
                "id": "1", "type": "subscribe",
                "payload": { "query": "subscription { corpusChanged { version } }" }
            }),
        )
        .unwrap();
    }

    #[test]
    fn a_flood_of_messages_is_refused() {
        let mut talk = Conversation::new(false);
        for _ in 0..MAX_MESSAGES_PER_SECOND {
            talk.receive(b"{}").unwrap();
        }
        assert_eq!(talk.receive(b"{}").unwrap_err().0, 4429);
    }

    #[test]
    fn the_offered_subprotocol_is_found() {
        let mut headers = axum::http::HeaderMap::new();
        assert_eq!(subprotocol(&headers), None);
        headers.insert(
            header::SEC_WEBSOCKET_PROTOCOL,
            "chat, graphql-transport-ws".parse().unwrap(),
        );
        assert_eq!(subprotocol(&headers), Some(TRANSPORT_WS));
        headers.insert(
            header::SEC_WEBSOCKET_PROTOCOL,
            "graphql-ws".parse().unwrap(),
        );
        assert_eq!(subprotocol(&headers), Some(LEGACY_WS));
    }
}
