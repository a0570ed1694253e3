//! Job postings in the graph: each posting becomes a `Posting` node with an
//! `ASKS_FOR` edge to every skill and tool its title and description name,
//! found by the same extraction as [`SkillGraph::extract`] and recorded
//! with where it was read.
//!
//! Postings are added after the guides' graph and its name indexes are
//! made, since reading them needs the guides' vocabulary; their text is
//! read on every core and the nodes are inserted serially, in file order.

use crate::graph::edge::{Edge, EdgeKind};
use crate::graph::id::NodeId;
use crate::graph::node::{Node, NodeData, NodeKind, PostingMention, PostingNode};
use crate::graph::source::Source;
use crate::graph::{NodeRef, SkillGraph};
use crate::guide::Section;
use crate::guide::plain::plain_text;
use crate::guide::postings::Posting;
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// What reading a posting found.
struct ReadPosting {
    mentions: Vec<PostingMention>,
    concepts: Vec<NodeIndex>,
    /// The description's plain text.
    text: String,
}

impl SkillGraph {
    /// The postings the graph was built with, in file and line order.
    pub fn postings(&self) -> &[Posting] {
        &self.postings
    }

    /// Adds `postings` as nodes linked to what they name.
    pub(in crate::graph) fn add_postings(&mut self, postings: Vec<Posting>) {
        let read: Vec<ReadPosting> = postings
            .par_iter()
            .map(|posting| self.read_posting(posting))
            .collect();
        for (index, (posting, read)) in postings.iter().zip(read).enumerate() {
            self.insert_posting(index, posting, read);
        }
        if let Some(list) = self.by_kind.get_mut(&NodeKind::Posting) {
            let graph = &self.graph;
            list.sort_by(|a, b| graph[*a].id.cmp(&graph[*b].id));
        }
        self.postings = postings;
    }

    /// What a posting's title, then its description, name, and the
    /// concepts they write; and the description's plain text.
    fn read_posting(&self, posting: &Posting) -> ReadPosting {
        let title = plain_text(&posting.title);
        let description = plain_text(&posting.description);
        let mut mentions = Vec::new();
        let mut concepts: Vec<NodeIndex> = Vec::new();
        for (text, in_title) in [(&title, true), (&description, false)] {
            let mut found = self.mentions(text);
            let terms = self.concept_finder.find(text);
            self.drop_skills_inside_concepts(&mut found, &terms);
            let written = self.concept_mentions(text, &found, terms);
            for concept in written {
                if !concepts.contains(&concept.node.index) {
                    concepts.push(concept.node.index);
                }
            }
            mentions.extend(found.into_iter().map(|found| PostingMention {
                node: found.node.index,
                in_title,
                start: saturate(found.start),
                end: saturate(found.end),
                how: found.how,
            }));
        }
        ReadPosting {
            mentions,
            concepts,
            text: description,
        }
    }

    fn insert_posting(&mut self, index: usize, posting: &Posting, read: ReadPosting) {
        let ReadPosting {
            mentions,
            concepts,
            text,
        } = read;
        let id = NodeId::posting(&posting.identifier);
        // The reader already refused repeated identifiers; this guards the
        // graph's invariant all the same.
        if self.by_id.contains_key(id.as_str()) {
            return;
        }
        // Mention numbers by node, for each edge's sources.
        let mut by_node: BTreeMap<NodeIndex, Vec<usize>> = BTreeMap::new();
        for (number, mention) in mentions.iter().enumerate() {
            by_node.entry(mention.node).or_default().push(number);
        }
        let node = self.graph.add_node(Node {
            id: id.clone(),
            data: NodeData::Posting(PostingNode {
                identifier: posting.identifier.clone(),
                title: posting.title.clone(),
                posting: index,
                mentions,
                concepts,
                text,
            }),
        });
        self.by_id.insert(id, node);
        self.by_kind
            .entry(NodeKind::Posting)
            .or_default()
            .push(node);
        for (target, numbers) in by_node {
            let mut edge = Edge::plain(EdgeKind::AsksFor);
            edge.weight = numbers.len() as f64;
            for number in numbers {
                let source = Source::row(index, Section::Posting, 0, posting.line).item(number);
                edge = edge.from_source(source);
            }
            self.graph.add_edge(node, target, edge);
        }
    }
}

impl<'g> NodeRef<'g> {
    /// The posting record of a posting node.
    pub fn posting(&self) -> Option<&'g Posting> {
        match &self.node().data {
            NodeData::Posting(posting) => self.graph.postings.get(posting.posting),
            _ => None,
        }
    }
}

/// Character offsets of one posting never come near `u32::MAX`.
fn saturate(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
