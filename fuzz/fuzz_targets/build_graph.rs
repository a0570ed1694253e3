//! Reads arbitrary text after a valid front matter and builds the graph
//! from it, then checks the graph's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgraph::graph::SkillGraph;
use skillgraph::guide::{DataFiles, SourceFile, load_sources};

fuzz_target!(|body: &str| {
    let text = format!("---json\n{{\"slug\":\"fuzz\",\"title\":\"Fuzz\",\"related_jobs\":[\"other\"]}}\n---\n{body}");
    let file = SourceFile {
        path: "fuzz.md".into(),
        bytes: text.into_bytes(),
    };
    let graph = SkillGraph::build(load_sources(vec![file], &DataFiles::default()));
    if let Err(problems) = graph.verify() {
        panic!("invariants broken: {problems:?}");
    }
});
