//! A corpus source → a compiled [`SkillGraph`]: the one way from files to
//! a graph, shared by `serve` (and its reloads), `check` and `export`, so
//! that nothing after this layer handles guide records itself.
//!
//! Where the files come from ([`CorpusSource`]), how they are read
//! ([`LoadOptions`]), what can stop them being read ([`CorpusError`]) and
//! how far a load has got ([`Progress`]) belong to the guide layer; they
//! are named here again for those callers.

use crate::graph::{CompileOptions, SkillGraph};
use std::time::Instant;

pub use crate::guide::{
    CorpusError, CorpusSource, DEFAULT_MAX_FILE_BYTES, LoadOptions, ParseCount, ParseMemo,
    Progress, ProgressObserver,
};

/// Reads `source` and compiles it with `compile`, telling
/// `options.progress` of every step from the first file read to the last
/// compile phase. The graph's [phases](SkillGraph::compile_phases) start
/// with `load`, the reading. Runs for as long as the corpus is large
/// (seconds at 10,000 guides), on every core: call it from a blocking
/// thread.
pub fn load(
    source: &CorpusSource,
    options: &LoadOptions,
    compile: CompileOptions,
) -> Result<SkillGraph, CorpusError> {
    load_remembering(source, options, compile, &mut ParseMemo::default())
}

/// [`load`], parsing only the guides `memo` does not hold as they are now
/// (a reload's edited files), and leaving in `memo` what this load read.
/// The graph is the one [`load`] compiles from the same files: the memo
/// saves parsing and nothing else.
pub fn load_remembering(
    source: &CorpusSource,
    options: &LoadOptions,
    compile: CompileOptions,
    memo: &mut ParseMemo,
) -> Result<SkillGraph, CorpusError> {
    let started = Instant::now();
    let corpus = source.load_remembering(options, memo)?;
    let read = started.elapsed();
    let graph = SkillGraph::compile_reporting(corpus, compile, options.progress.as_ref());
    Ok(graph.with_load_phase(read))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::{Arc, Mutex};

    /// Loads the seeds, keeping every progress report.
    fn load_seeds(compile: CompileOptions) -> (SkillGraph, Vec<Progress>) {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let reports = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&reports);
        let options = LoadOptions {
            progress: Some(ProgressObserver::new(move |progress| {
                kept.lock().expect("not poisoned").push(progress);
            })),
            ..LoadOptions::default()
        };
        let graph = load(&CorpusSource::Folder(seeds), &options, compile).expect("seeds load");
        let reports = reports.lock().expect("not poisoned").clone();
        (graph, reports)
    }

    #[test]
    fn a_load_reports_every_file_then_every_phase_in_order() {
        let (graph, reports) = load_seeds(CompileOptions { search: false });
        let mut steps: Vec<&str> = reports.iter().map(|progress| progress.step).collect();
        steps.dedup();
        assert_eq!(
            steps,
            [
                "reading guides",
                "parsing guides",
                "building the graph",
                "adding the postings",
                "working out the analytics",
            ]
        );
        let guides = graph.guides().len();
        let read: Vec<usize> = reports
            .iter()
            .filter(|progress| progress.step == "reading guides")
            .map(|progress| progress.done)
            .collect();
        assert_eq!(read, (1..=guides).collect::<Vec<_>>());
        let mut parsed: Vec<(usize, Option<usize>)> = reports
            .iter()
            .filter(|progress| progress.step == "parsing guides")
            .map(|progress| (progress.done, progress.total))
            .collect();
        // Files are parsed in parallel, so their reports may cross.
        parsed.sort_unstable();
        let expected: Vec<_> = (1..=guides).map(|done| (done, Some(guides))).collect();
        assert_eq!(parsed, expected);
    }

    #[test]
    fn building_the_graph_counts_its_guides_up_to_all_of_them() {
        let (graph, reports) = load_seeds(CompileOptions { search: false });
        let guides = graph.guides().len();
        let built: Vec<(usize, Option<usize>)> = reports
            .iter()
            .filter(|progress| progress.step == "building the graph")
            .map(|progress| (progress.done, progress.total))
            .collect();
        assert_eq!(built.first(), Some(&(0, Some(guides))));
        assert_eq!(built.last(), Some(&(guides, Some(guides))));
        assert!(
            built.windows(2).all(|pair| pair[0].0 <= pair[1].0),
            "{built:?}"
        );
    }

    #[test]
    fn a_loaded_graph_counts_the_reading_among_its_phases() {
        let (graph, reports) = load_seeds(CompileOptions::default());
        let phases: Vec<crate::graph::Phase> = graph
            .compile_phases()
            .iter()
            .map(|phase| phase.phase)
            .collect();
        assert_eq!(phases, crate::graph::Phase::ALL);
        assert_eq!(
            reports.last().map(|progress| progress.step),
            Some("indexing for search")
        );
        assert!(graph.search("kubernetes", None, 1).is_ok());
    }
}
