//! The `skillgraph` command: serve, check, export and schema.

use clap::{Parser, Subcommand, ValueEnum};
use skillgraph::graph::SkillGraph;
use skillgraph::graph::export::GraphView;
use skillgraph::guide::{CorpusSource, DEFAULT_MAX_FILE_BYTES, Diagnostic, LoadOptions};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "skillgraph",
    version,
    about = "Career guides as a skill graph, served over GraphQL"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the graph over GraphQL.
    Serve(Box<skillgraph::server::ServeArgs>),
    /// Parse and validate a corpus; exit 1 when any file has an error.
    Check {
        /// The corpus folder.
        dir: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Largest guide accepted, in bytes.
        #[arg(long, env = "SKILLGRAPH_MAX_FILE_BYTES", default_value_t = DEFAULT_MAX_FILE_BYTES)]
        max_file_bytes: u64,
    },
    /// Print the graph, or the neighbourhood of one node.
    Export {
        /// The corpus folder; defaults to ./seeds, else the embedded guides.
        #[arg(long, env = "SKILLGRAPH_SEEDS")]
        seeds: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Only the nodes around this id (`job:platform_engineer`).
        #[arg(long)]
        center: Option<String>,
        /// How many edges away from `--center` to go.
        #[arg(long, default_value_t = 1, requires = "center")]
        depth: usize,
    },
    /// Print the GraphQL schema (SDL).
    Schema,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Serve(args) => skillgraph::server::main(*args),
        Command::Check {
            dir,
            json,
            max_file_bytes,
        } => check(dir, json, max_file_bytes),
        Command::Export {
            seeds,
            format,
            center,
            depth,
        } => export(seeds, format, center, depth),
        Command::Schema => {
            print!("{}", skillgraph::api::sdl());
            ExitCode::SUCCESS
        }
    }
}

fn check(dir: PathBuf, json: bool, max_file_bytes: u64) -> ExitCode {
    let options = LoadOptions { max_file_bytes };
    let corpus = match skillgraph::guide::load_dir(&dir, &options) {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let graph = SkillGraph::build(corpus);
    let stats = graph.stats();
    if json {
        let report = serde_json::json!({
            "guides": stats.guides,
            "nodes": stats.nodes,
            "edges": stats.edges,
            "nodes_by_kind": stats.nodes_by_kind,
            "edges_by_kind": stats.edges_by_kind,
            "errors": graph.errors(),
            "warnings": graph.warnings(),
        });
        println!("{report:#}");
    } else {
        println!(
            "{}: {} guides, {} nodes, {} edges",
            dir.display(),
            stats.guides,
            stats.nodes,
            stats.edges
        );
        println!("nodes: {}", joined(&stats.nodes_by_kind));
        println!("edges: {}", joined(&stats.edges_by_kind));
        print_diagnostics("errors", graph.errors());
        print_diagnostics("warnings", graph.warnings());
    }
    if graph.errors().is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn joined(counts: &std::collections::BTreeMap<String, usize>) -> String {
    counts
        .iter()
        .map(|(kind, count)| format!("{kind} {count}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_diagnostics(title: &str, diagnostics: &[Diagnostic]) {
    println!("{title} ({}):", diagnostics.len());
    for diagnostic in diagnostics {
        println!(
            "  {}: line {}: {}",
            diagnostic.file, diagnostic.line, diagnostic.message
        );
    }
}

fn export(
    seeds: Option<PathBuf>,
    format: ExportFormat,
    center: Option<String>,
    depth: usize,
) -> ExitCode {
    let source = CorpusSource::choose(seeds);
    let corpus = match source.load(&LoadOptions::default()) {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let graph = SkillGraph::build(corpus);
    let view = match &center {
        None => GraphView::whole(&graph),
        Some(id) => match GraphView::neighborhood(&graph, id, depth, None) {
            Some(view) => view,
            None => {
                eprintln!("no node with id `{id}`");
                return ExitCode::FAILURE;
            }
        },
    };
    match format {
        ExportFormat::Json => println!("{}", view.to_json()),
    }
    ExitCode::SUCCESS
}
