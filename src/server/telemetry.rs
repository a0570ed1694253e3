//! Logs: `tracing` events filtered by `RUST_LOG` (default `info`), written
//! to standard output as text or JSON lines.

use super::config::LogFormat;
use std::io::IsTerminal;
use tracing_subscriber::EnvFilter;

/// Installs the process's log subscriber.
pub fn init(format: LogFormat) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (filter, bad_filter) = match EnvFilter::try_from_default_env() {
        Ok(filter) => (filter, None),
        Err(error) => (
            EnvFilter::new("info"),
            std::env::var("RUST_LOG").ok().map(|value| (value, error)),
        ),
    };
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => builder
            // Colour codes only for a person at a terminal; scripts grep the
            // plain text.
            .with_ansi(std::io::stdout().is_terminal())
            .try_init()?,
        LogFormat::Json => builder.json().flatten_event(true).try_init()?,
    }
    if let Some((value, error)) = bad_filter
        && !value.is_empty()
    {
        tracing::warn!(%error, "RUST_LOG={value:?} is not a valid filter; logging at info");
    }
    Ok(())
}
