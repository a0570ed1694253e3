//! The `skillgraph` command: serve, check, export and schema.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use skillgraph::graph::export::{Format, GraphView, Report, ReportFormat};
use skillgraph::graph::{
    CompileOptions, CorpusError, CorpusSource, DEFAULT_MAX_FILE_BYTES, LoadOptions, Progress,
    ProgressObserver, SkillGraph,
};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// mimalloc rather than the system allocator: answers and compiles make
/// and drop many small objects, where glibc spends a fifth of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        #[arg(long, value_parser = format_names(), default_value_t = Format::Json)]
        format: Format,
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

/// `export --format`: the names of the graph's formats, each with its
/// description in `--help`; see `skillgraph::graph::export` for each form.
fn format_names() -> impl TypedValueParser<Value = Format> {
    let names = Format::ALL.map(|format| PossibleValue::new(format.name()).help(format.about()));
    PossibleValuesParser::new(names)
        .map(|name| Format::named(&name).expect("clap passes only the names listed"))
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
    let graph = match load(&CorpusSource::Folder(dir.clone()), options) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let report = Report::new(&graph, &dir);
    let format = if json {
        ReportFormat::Json
    } else {
        ReportFormat::Text
    };
    if let Err(failed) = to_stdout(|out| report.write(format, out)) {
        return failed;
    }
    if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn export(
    seeds: Option<PathBuf>,
    format: Format,
    (center, depth): (Option<String>, usize),
    options: LoadOptions,
) -> ExitCode {
    let graph = match load(&CorpusSource::choose(seeds), options) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
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
    match to_stdout(|out| format.write(&view, out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failed) => failed,
    }
}

/// Reads and compiles the corpus of `check` and `export`, showing on
/// stderr how far it has got when stderr is a terminal.
fn load(source: &CorpusSource, mut options: LoadOptions) -> Result<SkillGraph, CorpusError> {
    let bar = progress_bar();
    options.progress = bar.clone().map(show_progress);
    // Neither command searches, so the search index is left out.
    let loaded = skillgraph::graph::load(source, &options, CompileOptions { search: false });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    loaded
}

/// Writes a command's output to stdout, buffered. When stdout cannot take
/// it, says why on stderr and gives the exit code to end with. A reader
/// that went away is not a failure: on Unix the default SIGPIPE has
/// already ended the command quietly, elsewhere the write says so.
fn to_stdout(
    write: impl FnOnce(&mut BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
) -> Result<(), ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => {
            eprintln!("cannot write the output: {error}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// A bar on stderr, or `None` when stderr is not a terminal (a pipe, a
/// file, a dumb terminal), where it would only be noise in a log.
fn progress_bar() -> Option<ProgressBar> {
    let target = ProgressDrawTarget::stderr();
    if target.is_hidden() {
        return None;
    }
    Some(ProgressBar::with_draw_target(None, target))
}

/// The look of a step: a filling bar when its total is known, a running
/// count while it is not (files found as the folder is walked), the
/// step's name alone when it counts nothing (a compile phase).
struct ProgressStyles {
    counted: ProgressStyle,
    counting: ProgressStyle,
    uncounted: ProgressStyle,
}

impl ProgressStyles {
    fn new() -> Self {
        let style = |template| {
            ProgressStyle::with_template(template).expect("the progress templates are valid")
        };
        Self {
            counted: style("{spinner} [{elapsed}] {msg} [{bar:30}] {pos}/{len}"),
            counting: style("{spinner} [{elapsed}] {msg}: {pos}"),
            uncounted: style("{spinner} [{elapsed}] {msg}"),
        }
    }

    fn of(&self, progress: Progress) -> ProgressStyle {
        match progress.total {
            Some(_) => self.counted.clone(),
            None if progress.done > 0 => self.counting.clone(),
            None => self.uncounted.clone(),
        }
    }
}

/// Shows each report of a load on `bar`. Files are parsed on every core,
/// so reports come from many threads at once; a lock keeps the step
/// shown and the bar's style in agreement.
fn show_progress(bar: ProgressBar) -> ProgressObserver {
    let styles = ProgressStyles::new();
    // Not indicatif's own bar for the moment before the first report.
    bar.set_style(styles.uncounted.clone());
    let step_shown = Mutex::new("");
    ProgressObserver::new(move |progress: Progress| {
        let mut step = step_shown.lock().unwrap_or_else(PoisonError::into_inner);
        if *step != progress.step {
            let first = step.is_empty();
            *step = progress.step;
            // The count first: a frame drawn before the rest is set shows
            // the new step's count, never the last step's total.
            bar.set_position(progress.done as u64);
            bar.set_style(styles.of(progress));
            match progress.total {
                Some(total) => bar.set_length(total as u64),
                None => bar.unset_length(),
            }
            bar.set_message(progress.step);
            if first {
                // The compile phases report only their start: the spinner
                // and the clock show that a long one is still going.
                bar.enable_steady_tick(Duration::from_millis(100));
            }
        } else if progress.done as u64 > bar.position() {
            // A thread that counted later may report first.
            bar.set_position(progress.done as u64);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_templates_are_valid() {
        let styles = ProgressStyles::new();
        let counted = Progress {
            step: "parsing guides",
            done: 1,
            total: Some(2),
        };
        let _ = styles.of(counted);
    }
}
