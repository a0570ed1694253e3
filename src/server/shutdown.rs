//! Stopping: the signals that ask for it, and one trigger every task of a
//! server can wait on.

use std::future::Future;
use tokio::sync::watch;

/// Resolves on ctrl-c or SIGTERM, the signals a person or an orchestrator
/// sends to stop the server.
pub async fn signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for ctrl-c");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("ctrl-c received; finishing the requests in flight"),
        () = terminate => tracing::info!("SIGTERM received; finishing the requests in flight"),
    }
}

/// A shutdown that many tasks wait on: the HTTP server, the folder watcher
/// and the metrics upkeep all stop when the one future given to
/// [`run`](super::run) resolves.
#[derive(Clone)]
pub struct Shutdown {
    receiver: watch::Receiver<bool>,
}

impl Shutdown {
    /// Relays `trigger` to every clone; the relay task ends with it.
    pub fn new(
        trigger: impl Future<Output = ()> + Send + 'static,
    ) -> (Self, tokio::task::JoinHandle<()>) {
        let (sender, receiver) = watch::channel(false);
        let relay = tokio::spawn(async move {
            trigger.await;
            let _ = sender.send(true);
        });
        (Self { receiver }, relay)
    }

    /// Resolves once shutdown is asked for (or can no longer be asked for,
    /// when the relay is gone: then nothing is left to wait for).
    pub async fn requested(mut self) {
        let _ = self.receiver.wait_for(|&stop| stop).await;
    }
}
