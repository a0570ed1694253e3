//! The `skillgraph` command: serve, check, export and schema.

use clap::{Parser, Subcommand, ValueEnum};
use skillgraph::graph::export::GraphView;
use skillgraph::graph::{CompileOptions, SkillGraph};
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
        /// Job postings to read besides DIR/postings: a `.jsonl` file or a folder.
        #[arg(long, env = "SKILLGRAPH_POSTINGS")]
        postings: Option<PathBuf>,
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
        /// Job postings to read besides the corpus's postings/: a `.jsonl` file or a folder.
        #[arg(long, env = "SKILLGRAPH_POSTINGS")]
        postings: Option<PathBuf>,
    },
    /// Print the GraphQL schema (SDL), as clients see it; `schema.graphql` holds the same.
    Schema {
        /// Print the Apollo Federation v2 subgraph SDL instead (`@link`, `@key`), for composing a supergraph.
        #[arg(long)]
        federation: bool,
    },
}

/// What `export` writes; see `skillgraph::graph::export` for each form.
#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// `{"nodes":[…],"edges":[…]}`.
    Json,
    /// Cytoscape.js elements.
    Cytoscape,
    /// Graphviz DOT.
    Dot,
    /// GraphML (networkx, Gephi, yEd).
    Graphml,
    /// A Mermaid flowchart.
    Mermaid,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        end_quietly_on_a_closed_pipe();
    }
    match cli.command {
        Command::Serve(args) => skillgraph::server::main(*args),
        Command::Check {
            dir,
            json,
            max_file_bytes,
            postings,
        } => check(
            dir,
            json,
            LoadOptions {
                max_file_bytes,
                postings,
                ..LoadOptions::default()
            },
        ),
        Command::Export {
            seeds,
            format,
            center,
            depth,
            postings,
        } => export(
            seeds,
            format,
            (center, depth),
            LoadOptions {
                postings,
                ..LoadOptions::default()
            },
        ),
        Command::Schema { federation } => {
            let sdl = if federation {
                skillgraph::api::federation_sdl()
            } else {
                skillgraph::api::sdl()
            };
            print!("{sdl}");
            ExitCode::SUCCESS
        }
    }
}

/// `check`, `export` and `schema` write to stdout, often into `head` or
/// `less`: when the reader goes away they end quietly, as Unix tools do,
/// instead of panicking with "failed printing to stdout: Broken pipe". The
/// server keeps Rust's default (SIGPIPE ignored), so that a closed socket
/// is an error it handles rather than the end of the process.
fn end_quietly_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread runs;
    // it restores the default disposition of one signal and touches no
    // memory.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn check(dir: PathBuf, json: bool, options: LoadOptions) -> ExitCode {
    let corpus = match skillgraph::guide::load_dir(&dir, &options) {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    // Neither command searches, so the search index is left out.
    let graph = SkillGraph::compile(corpus, CompileOptions { search: false });
    let stats = graph.stats();
    if json {
        let report = serde_json::json!({
            "guides": stats.guides,
            "postings": graph.postings().len(),
            "nodes": stats.nodes,
            "edges": stats.edges,
            "nodes_by_kind": stats.nodes_by_kind,
            "edges_by_kind": stats.edges_by_kind,
            "errors": graph.errors(),
            "warnings": graph.warnings(),
            "diagnostics": graph.diagnostics(),
        });
        println!("{report:#}");
    } else {
        println!(
            "{}: {} guides, {} postings, {} nodes, {} edges",
            dir.display(),
            stats.guides,
            graph.postings().len(),
            stats.nodes,
            stats.edges
        );
        println!("nodes: {}", joined(&stats.nodes_by_kind));
        println!("edges: {}", joined(&stats.edges_by_kind));
        print_diagnostics("errors", graph.errors());
        print_diagnostics("warnings", graph.warnings());
        print_review(graph.diagnostics());
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

/// What an editor of the corpus should review, beyond errors and warnings.
fn print_review(review: &skillgraph::graph::diagnostics::Diagnostics) {
    println!(
        "one-way related_jobs ({}):",
        review.asymmetric_related_jobs.len()
    );
    for link in &review.asymmetric_related_jobs {
        println!(
            "  {} lists {}, which does not list it back",
            link.from, link.to
        );
    }
    println!(
        "names spelled more than one way ({}):",
        review.merged_names.len()
    );
    for merged in &review.merged_names {
        // Each spelling with the rule that merged it: an editor checks the
        // loose rules (vendor, acronym) first.
        let spellings: Vec<String> = merged
            .spellings
            .iter()
            .zip(&merged.rules)
            .map(|(spelling, rule)| format!("{spelling} ({})", rule.name()))
            .collect();
        println!(
            "  {} {}: {}",
            merged.kind,
            merged.name,
            spellings.join(" | ")
        );
    }
}

fn export(
    seeds: Option<PathBuf>,
    format: ExportFormat,
    (center, depth): (Option<String>, usize),
    options: LoadOptions,
) -> ExitCode {
    let source = CorpusSource::choose(seeds);
    let corpus = match source.load(&options) {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    // Neither command searches, so the search index is left out.
    let graph = SkillGraph::compile(corpus, CompileOptions { search: false });
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
    let text = match format {
        ExportFormat::Json => view.to_json(),
        ExportFormat::Cytoscape => view.to_cytoscape(),
        ExportFormat::Dot => view.to_dot(),
        ExportFormat::Graphml => view.to_graphml(),
        ExportFormat::Mermaid => view.to_mermaid(),
    };
    // The text forms end with a line break already; JSON does not.
    if text.ends_with('\n') {
        print!("{text}");
    } else {
        println!("{text}");
    }
    ExitCode::SUCCESS
}
