//! What `check` tells a corpus editor: the counts, every error and
//! warning, and what to review, as text or JSON.

use crate::graph::SkillGraph;
use crate::graph::diagnostics::Diagnostics;
use crate::guide::listing;
use serde_json::json;
use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// The forms a [`Report`] is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Lines for a person: the counts, then each list under its title.
    Text,
    /// One pretty-printed JSON object, for scripts.
    Json,
}

/// What `check` tells an editor of a corpus: how much it holds, which
/// files could not be read or were odd, and what else to review.
#[derive(Debug, Clone, Copy)]
pub struct Report<'g> {
    graph: &'g SkillGraph,
    /// The corpus folder, as given, which the text form starts with.
    corpus: &'g Path,
}

impl<'g> Report<'g> {
    /// The report on `graph`, read from the folder `corpus`.
    pub fn new(graph: &'g SkillGraph, corpus: &'g Path) -> Self {
        Self { graph, corpus }
    }

    /// True when some file could not be read: `check` then fails.
    pub fn has_errors(&self) -> bool {
        !self.graph.errors().is_empty()
    }

    /// The report in `format`.
    pub fn write(&self, format: ReportFormat, out: &mut impl io::Write) -> io::Result<()> {
        match format {
            ReportFormat::Text => self.write_text(out),
            ReportFormat::Json => self.write_json(out),
        }
    }

    fn write_json(&self, out: &mut impl io::Write) -> io::Result<()> {
        let graph = self.graph;
        let stats = graph.stats();
        let report = json!({
            "guides": stats.guides,
            "postings": graph.postings().len(),
            "nodes": stats.nodes,
            "edges": stats.edges,
            "nodes_by_kind": stats.nodes_by_kind,
            "edges_by_kind": stats.edges_by_kind,
            "errors": graph.errors(),
            "warnings": graph.warnings(),
            "omitted": graph.omitted(),
            "dropped": graph.dropped(),
            "diagnostics": graph.diagnostics(),
        });
        writeln!(out, "{report:#}")
    }

    fn write_text(&self, out: &mut impl io::Write) -> io::Result<()> {
        let graph = self.graph;
        let stats = graph.stats();
        writeln!(
            out,
            "{}: {} guides, {} postings, {} nodes, {} edges",
            self.corpus.display(),
            stats.guides,
            graph.postings().len(),
            stats.nodes,
            stats.edges
        )?;
        writeln!(out, "nodes: {}", joined(&stats.nodes_by_kind))?;
        writeln!(out, "edges: {}", joined(&stats.edges_by_kind))?;
        write_diagnostics(
            out,
            "errors",
            graph.error_count(),
            listing(graph.errors(), graph.omitted(), |omitted| omitted.errors),
        )?;
        write_diagnostics(
            out,
            "warnings",
            graph.warning_count(),
            listing(graph.warnings(), graph.omitted(), |omitted| {
                omitted.warnings
            }),
        )?;
        write_review(out, graph.diagnostics())
    }
}

/// Counts by kind: `Job 2, Skill 40`.
fn joined(counts: &BTreeMap<String, usize>) -> String {
    counts
        .iter()
        .map(|(kind, count)| format!("{kind} {count}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn write_diagnostics(
    out: &mut impl io::Write,
    title: &str,
    count: usize,
    lines: Vec<String>,
) -> io::Result<()> {
    writeln!(out, "{title} ({count}):")?;
    for line in lines {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// What an editor of the corpus should review, beyond errors and warnings.
fn write_review(out: &mut impl io::Write, review: &Diagnostics) -> io::Result<()> {
    writeln!(
        out,
        "one-way related_jobs ({}):",
        review.asymmetric_related_jobs.len()
    )?;
    for link in &review.asymmetric_related_jobs {
        writeln!(
            out,
            "  {} lists {}, which does not list it back",
            link.from, link.to
        )?;
    }
    writeln!(
        out,
        "names without an English label ({}):",
        review.unlabelled.len()
    )?;
    for node in &review.unlabelled {
        writeln!(out, "  {} {} ({})", node.kind, node.name, node.id)?;
    }
    writeln!(
        out,
        "career rungs levelled by their place on the ladder ({}):",
        review.unleveled_stages.len()
    )?;
    for stage in &review.unleveled_stages {
        writeln!(
            out,
            "  {} ({}): {}",
            stage.name,
            stage.id,
            stage.level.name()
        )?;
    }
    writeln!(
        out,
        "names spelled more than one way ({}):",
        review.merged_names.len()
    )?;
    for merged in &review.merged_names {
        // Each spelling with the rule that merged it: an editor checks the
        // loose rules (vendor, acronym) first.
        let spellings: Vec<String> = merged
            .spellings
            .iter()
            .zip(&merged.rules)
            .map(|(spelling, rule)| format!("{spelling} ({})", rule.name()))
            .collect();
        writeln!(
            out,
            "  {} {}: {}",
            merged.kind,
            merged.name,
            spellings.join(" | ")
        )?;
    }
    Ok(())
}
