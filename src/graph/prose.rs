//! Which prose of the guides belongs to which node: a job's own guide, and
//! for everything else the rows its edges were read from, found through
//! their [`Source`]s. The search index reads this; nothing here knows how
//! text is indexed.

use super::NodeRef;
use super::edge::{EdgeKind, Section, Source};
use super::node::NodeData;
use crate::guide::Guide;
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
    let text = super::normalize::nfkc(text);
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
    let guides = node.graph().guides();
    match &node.node().data {
        NodeData::Job(job) => {
            text.push(&job.title);
            if let Some(guide) = node.guide() {
                job_text(guide, &mut text);
            }
        }
        NodeData::Skill(_) => {
            for source in incoming_sources(node, EdgeKind::Requires) {
                if let Some(row) = row_of(guides, source, |g| &g.skills) {
                    text.push(&row.description);
                }
            }
        }
        NodeData::Tool(tool) => {
            text.extend(&tool.categories);
            // A tool's uses come from tools-table rows and skill rows (many
            // tools are named only there: `Kubernetes (K8s) の設計…`).
            for source in incoming_sources(node, EdgeKind::Uses) {
                match source.section {
                    Section::Tools => {
                        if let Some(row) = row_of(guides, source, |g| &g.tool_categories) {
                            text.push(&row.description);
                        }
                    }
                    Section::Skills => {
                        if let Some(row) = row_of(guides, source, |g| &g.skills) {
                            text.push(&row.description);
                        }
                    }
                    _ => {}
                }
            }
        }
        NodeData::CareerStage(stage) => {
            if let Some(entry) = node.guide().and_then(|guide| guide.stages.get(stage.entry)) {
                text.push(&entry.responsibilities);
                text.push(&entry.outlook);
            }
        }
        NodeData::Trend(trend) => {
            if let Some(entry) = node.guide().and_then(|guide| guide.trends.get(trend.entry)) {
                text.push(&entry.text);
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
            for source in incoming_sources(node, EdgeKind::CollaboratesWith) {
                if let Some(entry) = row_of(guides, source, |g| &g.teams) {
                    text.push(&entry.description);
                    text.push(&entry.activities);
                    text.push(&entry.purpose);
                }
            }
        }
        NodeData::Resource(_) => {
            for source in incoming_sources(node, EdgeKind::LearnWith) {
                if let Some(step) = row_of(guides, source, |g| &g.learning_steps) {
                    text.push(&step.title);
                    text.push(&step.goal);
                    text.push(&step.text);
                }
            }
        }
        NodeData::Employer(employer) => {
            text.extend(&employer.sectors);
            for source in incoming_sources(node, EdgeKind::HiredBy) {
                if let Some(entry) = row_of(guides, source, |g| &g.employer_types) {
                    text.push(&entry.description);
                }
            }
        }
    }
    text.0
}

/// The sources of every incoming `kind` edge of `node`.
fn incoming_sources(node: NodeRef<'_>, kind: EdgeKind) -> Vec<Source> {
    node.incoming(kind)
        .iter()
        .flat_map(|link| link.edge.sources.iter().copied())
        .collect()
}

/// The row a source points at, in the list `section` picks from its guide.
fn row_of<'g, T>(
    guides: &'g [Guide],
    source: Source,
    section: impl Fn(&'g Guide) -> &'g Vec<T>,
) -> Option<&'g T> {
    section(guides.get(source.guide as usize)?).get(source.row_index())
}

/// The prose of a job's own guide.
fn job_text(guide: &Guide, text: &mut Paragraphs) {
    let front = &guide.front;
    if let Some(description) = &front.meta_description {
        text.push(description);
    }
    if let Some(overview) = &guide.overview {
        text.push(&overview.text);
    }
    if let Some(summary) = &guide.summary {
        text.push(&summary.text);
    }
    for duty in &guide.duties {
        text.extend([&duty.title, &duty.description, &duty.detail, &duty.goal]);
    }
    for question in &guide.interview_questions {
        text.push(&question.question);
        text.push(&question.answer_points);
    }
    for section in &guide.other_sections {
        text.push(&section.title);
        text.push(&section.text);
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

    fn extend<'a>(&mut self, paragraphs: impl IntoIterator<Item = &'a String>) {
        for paragraph in paragraphs {
            self.push(paragraph);
        }
    }
}
