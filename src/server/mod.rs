//! HTTP: the GraphQL endpoint, health, metrics, reload and shutdown.

use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `skillgraph serve`; every flag also reads a `SKILLGRAPH_*` variable.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// The corpus folder; defaults to ./seeds, else the embedded guides.
    #[arg(long, env = "SKILLGRAPH_SEEDS")]
    pub seeds: Option<PathBuf>,
    /// Address to listen on.
    #[arg(long, env = "SKILLGRAPH_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
}

/// Runs `skillgraph serve`.
pub fn main(_args: ServeArgs) -> ExitCode {
    eprintln!("serve is not available yet");
    ExitCode::FAILURE
}
