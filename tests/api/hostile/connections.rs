//! Connections that hold the server's files without asking anything:
//! sockets left idle, headers sent a byte at a time, more connections than
//! the cap. Each is closed or kept waiting, and `/healthz` answers quickly
//! all along.

use crate::support::{TestApp, send, settings, shipped_seeds, spawn_app};
use skillgraph::server::Settings;
use std::time::{Duration, Instant};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;

/// Short timeouts, so that the test waits for them in seconds.
fn impatient() -> Settings {
    Settings {
        header_read_timeout: Duration::from_secs(1),
        idle_timeout: Duration::from_secs(2),
        ..settings()
    }
}

/// A client that opens a new connection for every request: a pooled one
/// may be one the server has just closed for being idle.
fn unpooled() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("a client")
}

/// How long `/healthz` takes to answer 200.
async fn healthz_time(app: &TestApp, client: &reqwest::Client) -> Duration {
    let started = Instant::now();
    let response = client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("/healthz answers");
    assert_eq!(response.status(), 200);
    started.elapsed()
}

/// Waits at most `limit` for the server to close `stream`, reading and
/// dropping whatever it sends first (hyper may answer 408); returns when
/// it closed.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Duration {
    let started = Instant::now();
    let mut buffer = [0u8; 1024];
    loop {
        let left = limit.saturating_sub(started.elapsed());
        match tokio::time::timeout(left, stream.read(&mut buffer)).await {
            Err(_) => panic!("the connection is still open after {limit:?}"),
            Ok(Ok(0) | Err(_)) => return started.elapsed(),
            Ok(Ok(_)) => {}
        }
    }
}

#[tokio::test]
async fn idle_sockets_and_headers_sent_a_byte_at_a_time_are_closed_while_healthz_answers() {
    let app = spawn_app(&shipped_seeds(), impatient()).await;
    let mut idle = Vec::new();
    for _ in 0..200 {
        idle.push(app.connect().await);
    }
    // A request whose headers arrive a byte every 200 ms: never complete
    // within the header timeout.
    let mut slow = app.connect().await;
    let trickle = tokio::spawn(async move {
        for byte in b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n" {
            if tokio::io::AsyncWriteExt::write_all(&mut slow, &[*byte])
                .await
                .is_err()
            {
                return (slow, true);
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        (slow, false)
    });
    let client = unpooled();
    let mut slowest = Duration::ZERO;
    for _ in 0..10 {
        slowest = slowest.max(healthz_time(&app, &client).await);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        slowest < Duration::from_millis(100),
        "/healthz took {slowest:?}"
    );
    for stream in &mut idle {
        closed_within(stream, Duration::from_secs(3)).await;
    }
    let (mut slow, cut_off) = trickle.await.expect("the trickle ends");
    if !cut_off {
        closed_within(&mut slow, Duration::from_secs(1)).await;
    }
    assert!(healthz_time(&app, &client).await < Duration::from_millis(100));
}

#[tokio::test]
async fn a_keep_alive_connection_left_idle_after_its_answer_is_closed() {
    let app = spawn_app(&shipped_seeds(), impatient()).await;
    let mut stream = app.connect().await;
    send(&mut stream, b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n").await;
    let mut answer = [0u8; 1024];
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
        .await
        .expect("an answer within 5 s")
        .expect("the answer can be read");
    assert!(answer[..read].starts_with(b"HTTP/1.1 200"));
    let took = closed_within(&mut stream, Duration::from_secs(3)).await;
    assert!(took >= Duration::from_millis(900), "closed after {took:?}");
}

#[tokio::test]
async fn connections_past_the_cap_wait_unaccepted_until_one_closes() {
    let capped = Settings {
        max_connections: 2,
        header_read_timeout: Duration::from_secs(30),
        idle_timeout: Duration::from_secs(30),
        ..settings()
    };
    let app = spawn_app(&shipped_seeds(), capped).await;
    let first = app.connect().await;
    let _second = app.connect().await;
    let waiting = {
        let (client, url) = (unpooled(), app.url("/healthz"));
        tokio::spawn(async move { client.get(url).send().await.map(|r| r.status()) })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!waiting.is_finished(), "a third connection was served");
    let released = Instant::now();
    drop(first);
    let status = tokio::time::timeout(Duration::from_secs(2), waiting)
        .await
        .expect("served once a connection closed")
        .expect("the request task ends")
        .expect("an answer");
    assert_eq!(status, 200);
    assert!(released.elapsed() < Duration::from_millis(500));
}
