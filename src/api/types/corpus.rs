//! `Corpus`: what was loaded, and what could not be.

use crate::graph::SkillGraph;
use crate::guide::Diagnostic;
use async_graphql::{Object, SimpleObject};

/// The loaded corpus: counts, load time, errors and warnings.
pub struct Corpus<'g>(pub &'g SkillGraph);

/// A problem in one file.
#[derive(SimpleObject)]
#[graphql(name = "Diagnostic")]
pub struct DiagnosticObject<'g> {
    /// The file, as found under the corpus folder.
    file: &'g str,
    /// The 1-based line.
    line: usize,
    /// What is wrong.
    message: &'g str,
}

impl<'g> From<&'g Diagnostic> for DiagnosticObject<'g> {
    fn from(diagnostic: &'g Diagnostic) -> Self {
        Self {
            file: &diagnostic.file,
            line: diagnostic.line,
            message: &diagnostic.message,
        }
    }
}

/// How many nodes or edges of one kind the graph holds.
#[derive(SimpleObject)]
pub struct KindCount {
    /// The kind, spelled as in exports (`Job`, `USES`).
    kind: String,
    /// How many.
    count: usize,
}

/// The loaded corpus: counts by kind, load time, and the files that could not be read.
#[Object]
impl<'g> Corpus<'g> {
    /// Guides loaded.
    async fn guides(&self) -> usize {
        self.0.guides().len()
    }

    /// Nodes in the graph.
    async fn nodes(&self) -> usize {
        self.0.stats().nodes
    }

    /// Edges in the graph.
    async fn edges(&self) -> usize {
        self.0.stats().edges
    }

    /// Nodes by kind.
    async fn nodes_by_kind(&self) -> Vec<KindCount> {
        counts(self.0.stats().nodes_by_kind)
    }

    /// Edges by kind.
    async fn edges_by_kind(&self) -> Vec<KindCount> {
        counts(self.0.stats().edges_by_kind)
    }

    /// When the graph was built, RFC 3339 in UTC.
    async fn loaded_at(&self) -> String {
        humantime::format_rfc3339_seconds(self.0.loaded_at()).to_string()
    }

    /// Files that could not be read as guides; they are left out.
    async fn errors(&self) -> Vec<DiagnosticObject<'g>> {
        self.0.errors().iter().map(DiagnosticObject::from).collect()
    }

    /// Problems that did not stop a guide from loading.
    async fn warnings(&self) -> Vec<DiagnosticObject<'g>> {
        self.0
            .warnings()
            .iter()
            .map(DiagnosticObject::from)
            .collect()
    }
}

fn counts(map: std::collections::BTreeMap<String, usize>) -> Vec<KindCount> {
    map.into_iter()
        .map(|(kind, count)| KindCount { kind, count })
        .collect()
}
