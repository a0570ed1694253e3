//! Which prose of the guides belongs to which node: a job's own guide, and
//! for everything else the rows its edges were read from, found through
//! their [`Source`]s. The search index reads this; nothing here knows how
//! text is indexed.

use crate::graph::NodeRef;
use crate::graph::edge::EdgeKind;
use crate::graph::node::NodeData;
use crate::guide::Guide;
use crate::guide::{Row, Section};
use std::collections::HashSet;

/// The most prose indexed for one node. A guide's whole text is a few
/// kilobytes; only nodes that many guides name (a team, a book, a tool
/// listed by thousands of jobs) reach this, and for them the first
/// paragraphs in guide order already say what they are. Indexing every
/// mention would repeat each row once per name it holds (a third of the
/// index at 10,000 guides) for documents no query ranks any better.
pub(crate) const MAX_NODE_TEXT_BYTES: usize = 32 * 1024;

/// NFKC with runs of whitespace folded to one space: the form text is
/// indexed and shown in. (Lowercasing is left to the analyzer so snippets
/// keep their case.)
pub(crate) fn normalize(text: &str) -> String {
    let text = crate::graph::normalize::nfkc(text);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The label, aliases and (for a job) slug of a node.
pub(crate) fn node_names(node: NodeRef<'_>) -> Vec<&str> {
    let data = node.node();
    let mut names = vec![data.label()];
    names.extend(data.aliases().iter().map(String::as_str));
    if let NodeData::Job(job) = &data.data {
        names.push(&job.slug);
    }
    names
}

/// The guide prose that belongs to a node, one paragraph a value,
/// normalized: the rows its edges were read from, found through their
/// [`Source`]s, so nothing is matched by name again.
pub(crate) fn node_text(node: NodeRef<'_>) -> Vec<String> {
    let mut text = Paragraphs::default();
    match &node.node().data {
        NodeData::Job(job) => {
            text.push(&job.title);
            if let Some(guide) = node.guide() {
                job_text(guide, &mut text);
            }
        }
        NodeData::Skill(_) => {
            for row in rows_of(node, EdgeKind::Requires) {
                if let Row::Skill(skill) = row {
                    text.push(&skill.description);
                }
            }
        }
        NodeData::Tool(tool) => {
            text.extend(&tool.categories);
            // A tool's uses come from tools-table rows and skill rows (many
            // tools are named only there: `Kubernetes (K8s) の設計…`).
            for row in rows_of(node, EdgeKind::Uses) {
                match row {
                    Row::Tools(category) => text.push(&category.description),
                    Row::Skill(skill) => text.push(&skill.description),
                    _ => {}
                }
            }
        }
        NodeData::CareerStage(_) | NodeData::Trend(_) => {
            if let Some(row) = node.row() {
                match row {
                    // A trend's title is the node's label.
                    Row::Trend(trend) => text.push(&trend.text),
                    row => text.extend_str(row.texts()),
                }
            }
        }
        // A posting is found by its title; its description stays out of
        // the index, which a hundred thousand postings would outgrow.
        NodeData::Posting(_) => {}
        // A concept is its names in every language: the snippet shows
        // the one a query found.
        NodeData::Concept(concept) => {
            text.push(&concept.name);
            text.extend(&concept.aliases);
        }
        NodeData::Team(_) => {
            for row in rows_of(node, EdgeKind::CollaboratesWith) {
                text.extend_str(row.texts());
            }
        }
        NodeData::Resource(_) => {
            for row in rows_of(node, EdgeKind::LearnWith) {
                if let Row::Step(step) = row {
                    text.push(&step.title);
                    text.push(&step.goal);
                    text.push(&step.text);
                }
            }
        }
        NodeData::Employer(employer) => {
            text.extend(&employer.sectors);
            for row in rows_of(node, EdgeKind::HiredBy) {
                text.extend_str(row.texts());
            }
        }
    }
    text.0
}

/// The guide rows every incoming `kind` edge of `node` was read from.
fn rows_of(node: NodeRef<'_>, kind: EdgeKind) -> Vec<Row<'_>> {
    let guides = node.graph().guides();
    node.incoming(kind)
        .iter()
        .flat_map(|link| link.edge.sources.iter())
        .filter_map(|source| source.row_in(guides))
        .collect()
}

/// The prose of a job's own guide: what it says of the role as a whole.
/// Rungs, trends, teams and learning steps are their own nodes' text.
fn job_text(guide: &Guide, text: &mut Paragraphs) {
    let front = &guide.front;
    text.extend(front.meta_description.iter());
    for section in [
        Section::Overview,
        Section::Summary,
        Section::Duties,
        Section::Interview,
    ] {
        for row in guide.rows(section) {
            text.extend_str(row.texts());
        }
    }
    for row in guide.rows(Section::Other) {
        if let Row::Free(free) = row {
            text.push(&free.title);
            text.push(&free.text);
        }
    }
    text.extend(&front.keywords);
    text.extend(&front.tags);
}

/// Normalized, non-empty, distinct paragraphs in the order first seen, up
/// to [`MAX_NODE_TEXT_BYTES`] of them.
#[derive(Default)]
struct Paragraphs(Vec<String>, HashSet<String>, usize);

impl Paragraphs {
    fn push(&mut self, paragraph: &str) {
        if self.2 >= MAX_NODE_TEXT_BYTES {
            return;
        }
        let paragraph = normalize(paragraph);
        if !paragraph.is_empty() && self.1.insert(paragraph.clone()) {
            self.2 += paragraph.len();
            self.0.push(paragraph);
        }
    }

    fn extend_str<'a>(&mut self, paragraphs: impl IntoIterator<Item = &'a str>) {
        for paragraph in paragraphs {
            self.push(paragraph);
        }
    }

    fn extend<'a>(&mut self, paragraphs: impl IntoIterator<Item = &'a String>) {
        for paragraph in paragraphs {
            self.push(paragraph);
        }
    }
}
