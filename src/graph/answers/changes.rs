//! What changed between two compiles of a corpus: the guides added,
//! removed and edited, the nodes and edges added and removed by kind, and
//! the jobs whose answers changed.
//!
//! A job's answers changed when its guide did, when its own edges did
//! (what it requires, uses, links to, with their weights), or when the
//! jobs nearest it did: a guide added elsewhere can reorder a job's
//! related jobs without touching its guide.

use crate::graph::{EdgeKind, NodeId, NodeKind, NodeRef, SkillGraph};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hash::Hash;

/// What changed from one graph to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CorpusChanges {
    pub previous_version: String,
    pub version: String,
    /// Slugs of guides only the new corpus has, sorted.
    pub guides_added: Vec<String>,
    /// Slugs of guides only the old corpus had, sorted.
    pub guides_removed: Vec<String>,
    /// Slugs of guides both have, edited in between, sorted.
    pub guides_changed: Vec<String>,
    /// Nodes only the new graph has, by kind (kinds with none left out).
    pub nodes_added: Counts<NodeKind>,
    pub nodes_removed: Counts<NodeKind>,
    /// Edges (source, target, kind) only the new graph has, by kind.
    pub edges_added: Counts<EdgeKind>,
    pub edges_removed: Counts<EdgeKind>,
    /// Slugs of the jobs whose answers changed, sorted.
    pub jobs_changed: Vec<String>,
}

impl CorpusChanges {
    /// Compares `before` with `after`, the graph that replaces it.
    pub fn between(before: &SkillGraph, after: &SkillGraph) -> Self {
        let (guides_added, guides_removed, guides_changed) = guide_changes(before, after);
        let (nodes_added, nodes_removed) = node_changes(before, after);
        let (edges_added, edges_removed) = edge_changes(before, after);
        let edited: BTreeSet<&str> = guides_added
            .iter()
            .chain(&guides_removed)
            .chain(&guides_changed)
            .map(String::as_str)
            .collect();
        let jobs_changed = job_changes(before, after, &edited);
        Self {
            previous_version: before.version().to_owned(),
            version: after.version().to_owned(),
            guides_added,
            guides_removed,
            guides_changed,
            nodes_added,
            nodes_removed,
            edges_added,
            edges_removed,
            jobs_changed,
        }
    }

    /// One line for the log.
    pub fn summary(&self) -> String {
        format!(
            "corpus {} → {}: guides +{} -{} ~{}, nodes +{} -{}, edges +{} -{}, {} jobs changed",
            self.previous_version,
            self.version,
            self.guides_added.len(),
            self.guides_removed.len(),
            self.guides_changed.len(),
            total(&self.nodes_added),
            total(&self.nodes_removed),
            total(&self.edges_added),
            total(&self.edges_removed),
            self.jobs_changed.len()
        )
    }
}

type SlugLists = (Vec<String>, Vec<String>, Vec<String>);

/// The sum of counts by kind.
fn total<K>(counts: &[(K, usize)]) -> usize {
    counts.iter().map(|(_, count)| count).sum()
}

fn guide_changes(before: &SkillGraph, after: &SkillGraph) -> SlugLists {
    let index = |graph: &SkillGraph| -> BTreeMap<String, usize> {
        graph
            .guides()
            .iter()
            .enumerate()
            .map(|(position, guide)| (guide.front.slug.clone(), position))
            .collect()
    };
    let (old, new) = (index(before), index(after));
    let added = new
        .keys()
        .filter(|slug| !old.contains_key(*slug))
        .cloned()
        .collect();
    let removed = old
        .keys()
        .filter(|slug| !new.contains_key(*slug))
        .cloned()
        .collect();
    let changed = new
        .iter()
        .filter_map(|(slug, position)| {
            let previous = old.get(slug)?;
            (before.guides()[*previous] != after.guides()[*position]).then(|| slug.clone())
        })
        .collect();
    (added, removed, changed)
}

/// Counts by kind, in the kinds' report order.
pub type Counts<K> = Vec<(K, usize)>;

fn node_changes(before: &SkillGraph, after: &SkillGraph) -> (Counts<NodeKind>, Counts<NodeKind>) {
    fn ids(graph: &SkillGraph) -> HashSet<(&str, NodeKind)> {
        graph.nodes().map(|node| (node.id(), node.kind())).collect()
    }
    added_and_removed(&ids(before), &ids(after), |(_, kind)| *kind, &NodeKind::ALL)
}

fn edge_changes(before: &SkillGraph, after: &SkillGraph) -> (Counts<EdgeKind>, Counts<EdgeKind>) {
    fn keys(graph: &SkillGraph) -> HashSet<(&str, &str, EdgeKind)> {
        graph
            .edges()
            .map(|(source, target, edge)| (source.id(), target.id(), edge.kind))
            .collect()
    }
    added_and_removed(
        &keys(before),
        &keys(after),
        |(_, _, kind)| *kind,
        &EdgeKind::ALL,
    )
}

/// What only `new` holds and what only `old` held, counted by kind.
fn added_and_removed<T: Eq + Hash, K: Copy + Eq>(
    old: &HashSet<T>,
    new: &HashSet<T>,
    kind: impl Fn(&T) -> K,
    order: &[K],
) -> (Counts<K>, Counts<K>) {
    (
        by_kind(new.difference(old).map(&kind), order),
        by_kind(old.difference(new).map(&kind), order),
    )
}

/// How many of each kind, in `order`, leaving out kinds with none.
fn by_kind<K: Copy + Eq>(kinds: impl Iterator<Item = K>, order: &[K]) -> Counts<K> {
    let kinds: Vec<K> = kinds.collect();
    order
        .iter()
        .map(|kind| (*kind, kinds.iter().filter(|k| *k == kind).count()))
        .filter(|(_, count)| *count > 0)
        .collect()
}

/// The slugs of the jobs, in either graph, whose answers differ.
fn job_changes(before: &SkillGraph, after: &SkillGraph, edited: &BTreeSet<&str>) -> Vec<String> {
    let slugs: BTreeSet<&str> = before
        .nodes_of(NodeKind::Job)
        .chain(after.nodes_of(NodeKind::Job))
        .map(|job| job.node_id().key())
        .collect();
    slugs
        .into_iter()
        .filter(|slug| {
            let id = NodeId::job(slug);
            match (before.node(id.as_str()), after.node(id.as_str())) {
                (Some(old), Some(new)) => {
                    edited.contains(slug)
                        || edge_signature(old) != edge_signature(new)
                        || before.nearest_job_ids(old) != after.nearest_job_ids(new)
                }
                _ => true,
            }
        })
        .map(str::to_owned)
        .collect()
}

/// A job's own edges as comparable values: kind, target and weight.
fn edge_signature<'g>(job: NodeRef<'g>) -> Vec<(EdgeKind, &'g str, u64)> {
    let mut edges: Vec<(EdgeKind, &str, u64)> = job
        .graph()
        .edges_leaving(job)
        .map(|(target, edge)| (edge.kind, target.id(), edge.weight.to_bits()))
        .collect();
    edges.sort_unstable();
    edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::{LoadOptions, load_dir};
    use std::path::Path;

    fn seeds() -> crate::guide::Corpus {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        load_dir(&dir, &LoadOptions::default()).expect("seeds")
    }

    #[test]
    fn the_same_corpus_twice_changes_nothing() {
        let (a, b) = (SkillGraph::build(seeds()), SkillGraph::build(seeds()));
        let changes = CorpusChanges::between(&a, &b);
        assert_eq!(changes.previous_version, changes.version);
        assert!(changes.guides_added.is_empty() && changes.guides_changed.is_empty());
        assert!(changes.nodes_added.is_empty() && changes.edges_removed.is_empty());
        assert!(
            changes.jobs_changed.is_empty(),
            "{:?}",
            changes.jobs_changed
        );
    }

    #[test]
    fn a_guide_removed_takes_its_nodes_and_edges_and_changes_its_neighbours() {
        let full = SkillGraph::build(seeds());
        let mut corpus = seeds();
        corpus
            .guides
            .retain(|guide| guide.front.slug != "cloud_native_engineer");
        let fewer = SkillGraph::build(corpus);
        let changes = CorpusChanges::between(&full, &fewer);
        assert_eq!(changes.guides_removed, ["cloud_native_engineer"]);
        assert!(
            changes
                .nodes_removed
                .iter()
                .any(|(kind, n)| *kind == NodeKind::CareerStage && *n > 0)
        );
        assert!(
            changes
                .edges_removed
                .iter()
                .any(|(kind, n)| *kind == EdgeKind::HasStage && *n > 0)
        );
        // The concept vocabulary is drawn from the whole corpus: a guide
        // removed can free a spelling that its job or team held, and a
        // gloss of another guide then becomes a concept of its own.
        assert!(
            changes
                .nodes_added
                .iter()
                .all(|(kind, _)| *kind == NodeKind::Concept),
            "{:?}",
            changes.nodes_added
        );
        assert!(
            changes
                .jobs_changed
                .contains(&"cloud_native_engineer".to_owned())
        );
        assert!(
            changes.summary().contains("guides +0 -1 ~0"),
            "{}",
            changes.summary()
        );
        let back = CorpusChanges::between(&fewer, &full);
        assert_eq!(back.guides_added, ["cloud_native_engineer"]);
        assert_eq!(back.nodes_added, changes.nodes_removed);
    }
}
