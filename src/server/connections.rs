//! Connections: accepting them, how long each may stay, how many at once,
//! and the open-files limit they count against.
//!
//! hyper serves each connection with its own timers and graceful shutdown
//! (hyper-util's `auto::Builder` and `GracefulShutdown`, as `axum::serve`
//! uses them, with the timeouts set). What hyper does not do is here:
//!
//! - **The header timeout** is hyper's `header_read_timeout`. hyper starts
//!   it when HTTP/1 begins reading a request's head, and again as soon as
//!   a keep-alive connection has written its answer, so it bounds both a
//!   client sending its headers a byte at a time and an idle keep-alive
//!   connection waiting for its next request. It does not start before the
//!   first bytes: hyper-util reads them first to tell HTTP/2's preface
//!   from HTTP/1, and a connection that sends nothing waits there, untimed.
//! - **The quiet timer** closes a connection on which nothing was read or
//!   written for a while: before its first byte, after the header timeout
//!   (the wait hyper does not time); after it, after the idle timeout.
//!   This catches what no hyper timer does: an HTTP/2 connection left
//!   open, a client that stops reading its answer, a body that stalls
//!   past the request timeout's answer. A WebSocket leaves this timer when
//!   it is upgraded; its own keep-alive pings then watch it.
//! - **The cap**: past `max_connections` open, the loop stops accepting,
//!   so further connections wait in the kernel's queue instead of taking
//!   a file each until `accept` fails for all, probes included.
//! - **Accept errors** (out of files, out of memory) are logged once per
//!   run of them and retried after a pause, never in a busy loop.

use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// How long to wait before accepting again after `accept` failed: long
/// enough not to spin while the process is out of files, short enough
/// that a freed file is used soon.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Files kept free of connections: the corpus is read again on every
/// reload, one file at a time beside the folder walk's handles, and the
/// watcher, the log and the runtime hold a few more.
const FILES_KEPT_FREE: u64 = 128;

/// How connections are served.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// hyper's `header_read_timeout`, and the quiet timer's before the
    /// first byte.
    pub header_read_timeout: Duration,
    /// The quiet timer's after the first byte.
    pub idle_timeout: Duration,
    /// Connections served at once.
    pub max_connections: usize,
}

/// Accepts connections on `listener` and serves `app` on each until
/// `stop` resolves; then stops accepting, lets every connection finish
/// the request it is answering, and returns once all are closed.
pub async fn serve(
    listener: TcpListener,
    app: axum::Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
) {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder.http2().timer(TokioTimer::new());
    let graceful = GracefulShutdown::new();
    let open = Arc::new(Semaphore::new(
        limits.max_connections.clamp(1, Semaphore::MAX_PERMITS),
    ));
    tokio::pin!(stop);
    let mut failing = false;
    loop {
        // A connection is accepted only once one may be served: the rest
        // wait in the kernel's queue, where they cost the process nothing.
        let permit = tokio::select! {
            () = &mut stop => break,
            permit = Arc::clone(&open).acquire_owned() => permit.expect("the semaphore is never closed"),
        };
        let stream = tokio::select! {
            () = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) if is_connection_error(&error) => continue,
                Err(error) => {
                    if !failing {
                        tracing::warn!(%error, "cannot accept connections; retrying every {ACCEPT_BACKOFF:?}");
                        failing = true;
                    }
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
        };
        if std::mem::take(&mut failing) {
            tracing::info!("accepting connections again");
        }
        let activity = Activity::new();
        let io = TokioIo::new(Watched {
            inner: stream,
            activity: Arc::clone(&activity),
        });
        let connection = builder
            .serve_connection_with_upgrades(io, TowerToHyperService::new(app.clone()))
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _permit = permit;
            tokio::select! {
                served = connection => if let Err(error) = served {
                    tracing::debug!(%error, "a connection ended with an error");
                },
                () = activity.quiet(limits.header_read_timeout, limits.idle_timeout) => {
                    tracing::debug!("closed a quiet connection");
                }
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

/// Errors of one connection that went away before it was accepted; the
/// next one is accepted at once.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// When a connection last read or wrote a byte.
struct Activity {
    opened: Instant,
    /// Milliseconds from `opened` to the last byte read or written.
    last: AtomicU64,
    /// Whether any byte was read yet.
    heard: AtomicBool,
}

impl Activity {
    fn new() -> Arc<Self> {
        Arc::new(Self {
            opened: Instant::now(),
            last: AtomicU64::new(0),
            heard: AtomicBool::new(false),
        })
    }

    fn touch(&self, read: bool) {
        let now = u64::try_from(self.opened.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last.store(now, Ordering::Relaxed);
        if read {
            self.heard.store(true, Ordering::Relaxed);
        }
    }

    /// Resolves once nothing was read or written for `before_first_byte`
    /// while nothing was ever read, or for `after` since.
    async fn quiet(&self, before_first_byte: Duration, after: Duration) {
        loop {
            let limit = if self.heard.load(Ordering::Relaxed) {
                after
            } else {
                before_first_byte
            };
            let last = self.opened + Duration::from_millis(self.last.load(Ordering::Relaxed));
            let deadline = last + limit;
            if Instant::now() >= deadline {
                return;
            }
            tokio::time::sleep_until(deadline).await;
        }
    }
}

/// A stream that notes in its [`Activity`] every byte that passes.
struct Watched<T> {
    inner: T,
    activity: Arc<Activity>,
}

impl<T: AsyncRead + Unpin> AsyncRead for Watched<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.touch(true);
        }
        polled
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Watched<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(written)) if written > 0) {
            self.activity.touch(false);
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(written)) if written > 0) {
            self.activity.touch(false);
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The connections to serve at once: `wanted`, but never so many that
/// they would leave no file for the rest of the process under the
/// open-files limit.
pub fn connection_cap(wanted: usize) -> usize {
    match open_files_limit() {
        Some(limit) => {
            let room = usize::try_from(limit.saturating_sub(FILES_KEPT_FREE)).unwrap_or(usize::MAX);
            wanted.min(room.max(1))
        }
        None => wanted,
    }
}

/// The open-files limit (`RLIMIT_NOFILE`'s soft limit); `None` where
/// there is none to read or it is unlimited.
#[cfg(unix)]
pub fn open_files_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `getrlimit` writes one `rlimit` through the pointer given,
    // which points at a live, writable one.
    let read = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) };
    (read == 0 && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur)
}

#[cfg(not(unix))]
pub fn open_files_limit() -> Option<u64> {
    None
}

/// Raises the open-files soft limit to the hard limit, so that each
/// connection's file does not run out at a default of 1,024; returns the
/// limits before and after. Only the process's own limit changes.
#[cfg(unix)]
pub fn raise_open_files_limit() -> io::Result<(u64, u64)> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: as in `open_files_limit`.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return Err(io::Error::last_os_error());
    }
    let before = limit.rlim_cur;
    if limit.rlim_cur >= limit.rlim_max {
        return Ok((before, before));
    }
    let raised = libc::rlimit {
        rlim_cur: limit.rlim_max,
        rlim_max: limit.rlim_max,
    };
    // SAFETY: `setrlimit` reads one `rlimit` through the pointer given; a
    // soft limit up to the hard one needs no privilege.
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok((before, raised.rlim_cur))
}

#[cfg(not(unix))]
pub fn raise_open_files_limit() -> io::Result<(u64, u64)> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no file limit here",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `took` is `wanted`, give or take a busy machine's delay.
    fn about(took: Duration, wanted: Duration) -> bool {
        took >= wanted && took < wanted + Duration::from_millis(400)
    }

    #[tokio::test]
    async fn a_connection_that_never_speaks_is_quiet_after_the_header_timeout() {
        let activity = Activity::new();
        let started = Instant::now();
        activity
            .quiet(Duration::from_millis(200), Duration::from_secs(60))
            .await;
        assert!(about(started.elapsed(), Duration::from_millis(200)));
    }

    #[tokio::test]
    async fn each_byte_puts_the_quiet_deadline_off_by_the_idle_timeout() {
        let activity = Activity::new();
        let started = Instant::now();
        let watcher = {
            let activity = Arc::clone(&activity);
            tokio::spawn(async move {
                activity
                    .quiet(Duration::from_millis(200), Duration::from_millis(500))
                    .await;
            })
        };
        tokio::time::sleep(Duration::from_millis(100)).await;
        activity.touch(true);
        watcher.await.expect("the watcher ends");
        assert!(
            about(started.elapsed(), Duration::from_millis(600)),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn the_cap_leaves_files_free_under_the_limit() {
        let cap = connection_cap(usize::MAX);
        match open_files_limit() {
            Some(limit) => assert_eq!(cap as u64, limit.saturating_sub(FILES_KEPT_FREE).max(1)),
            None => assert_eq!(cap, usize::MAX),
        }
        assert_eq!(connection_cap(3), 3);
    }
}
