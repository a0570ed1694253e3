//! Job postings as a job board: each posting's nearest role, and the
//! postings that fit what a person knows.
//!
//! A posting is classified to its role by the text scorer every text is
//! read with (see `fit`): its skills and tools, the concepts it writes and
//! the role its title names (`Senior Data Engineer` names Data Engineer).
//! Every posting is classified at compile time, on every core, by walking
//! the job postings lists of its items into a per-thread table, as the
//! nearest-jobs search does.
//!
//! For recommendations each posting is a vector of its items weighted by
//! their rarity among postings (`ln((1+P)/(1+df)) + 1`), indexed by item,
//! so `recommendPostings` sums the lists of the items a person knows, as
//! `recommendJobs` does for jobs.

use super::Analytics;
use super::fit::{Reading, Scratch};
use super::profile::{Item, JobOrdinal, Weighted, best_k};
use crate::graph::{NodeKind, NodeRef, SkillGraph};
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

dense_ordinal! {
    /// A posting's dense ordinal: its index in [`SkillGraph::postings`].
    PostingOrdinal
}

/// A posting's nearest role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Role<'g> {
    pub job: NodeRef<'g>,
    /// 0 to 1: the text scorer's (see [`super::TEXT_WEIGHTS`]).
    pub score: f64,
    /// Whether the title names the job.
    pub title_match: bool,
}

/// A posting recommended for what someone knows.
#[derive(Debug, Clone)]
pub struct PostingFit<'g> {
    pub posting: NodeRef<'g>,
    /// The weight of the posting's skills and tools the person knows over
    /// the weight of all of them.
    pub score: f64,
    pub matched: Vec<NodeRef<'g>>,
    pub missing: Vec<NodeRef<'g>>,
}

/// The compiled board.
#[derive(Debug, Default)]
pub(crate) struct Board {
    /// Posting ordinal → its node, its items (sorted) and their weights.
    postings: Vec<BoardPosting>,
    /// Item → (posting, weight), by posting.
    by_item: HashMap<Item, Vec<(PostingOrdinal, f64)>>,
    /// Posting ordinal → its nearest job (ordinal), score and title match.
    roles: Vec<Option<(JobOrdinal, f64, bool)>>,
    /// Job ordinal → the postings classified to it, best first.
    by_role: Vec<Vec<PostingOrdinal>>,
}

#[derive(Debug, Default)]
struct BoardPosting {
    node: NodeIndex,
    items: Vec<(Item, f64)>,
    total: f64,
}

impl Board {
    pub(crate) fn build(graph: &SkillGraph, analytics: &Analytics) -> Self {
        let profiles = &analytics.profiles;
        let nodes: Vec<NodeRef<'_>> = {
            let mut nodes: Vec<NodeRef<'_>> = graph.nodes_of(NodeKind::Posting).collect();
            nodes.sort_by_key(|node| node.as_posting().map_or(usize::MAX, |p| p.posting));
            nodes
        };
        if nodes.is_empty() {
            return Self {
                by_role: vec![Vec::new(); profiles.profiles.len()],
                ..Self::default()
            };
        }
        let items: Vec<Vec<Item>> = nodes.iter().map(|node| items_of(*node)).collect();
        let mut document_frequency: HashMap<Item, u32> = HashMap::new();
        for list in &items {
            for item in list {
                *document_frequency.entry(*item).or_default() += 1;
            }
        }
        let count = nodes.len() as f64;
        let idf =
            |item: &Item| ((1.0 + count) / (1.0 + f64::from(document_frequency[item]))).ln() + 1.0;
        let mut by_item: HashMap<Item, Vec<(PostingOrdinal, f64)>> = HashMap::new();
        let postings: Vec<BoardPosting> = nodes
            .iter()
            .zip(&items)
            .enumerate()
            .map(|(ordinal, (node, list))| {
                let weighted: Vec<(Item, f64)> =
                    list.iter().map(|item| (*item, idf(item))).collect();
                for (item, weight) in &weighted {
                    by_item
                        .entry(*item)
                        .or_default()
                        .push((PostingOrdinal::new(ordinal), *weight));
                }
                BoardPosting {
                    node: node.index,
                    total: weighted.iter().map(|(_, w)| w).sum(),
                    items: weighted,
                }
            })
            .collect();
        let roles: Vec<Option<(JobOrdinal, f64, bool)>> = nodes
            .par_iter()
            .zip(&items)
            .map_init(
                || Scratch::new(analytics),
                |scratch, (node, list)| nearest_role(analytics, *node, list, scratch),
            )
            .collect();
        let mut by_role: Vec<Vec<(PostingOrdinal, f64)>> =
            vec![Vec::new(); profiles.profiles.len()];
        for (ordinal, role) in roles.iter().enumerate() {
            if let Some((job, score, _)) = role {
                by_role[job.index()].push((PostingOrdinal::new(ordinal), *score));
            }
        }
        let by_role = by_role
            .into_iter()
            .map(|mut list| {
                list.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                list.into_iter().map(|(posting, _)| posting).collect()
            })
            .collect();
        Self {
            postings,
            by_item,
            roles,
            by_role,
        }
    }
}

/// The distinct skills and tools a posting asks for, sorted.
fn items_of(node: NodeRef<'_>) -> Vec<Item> {
    let mut items: Vec<Item> = node
        .as_posting()
        .map(|posting| posting.mentions.iter().map(|m| Item::of(m.node)).collect())
        .unwrap_or_default();
    items.sort_unstable();
    items.dedup();
    items
}

/// The role a posting fits best by the text scorer, with its score and
/// whether the title names it; `None` when it shares nothing with any.
fn nearest_role(
    analytics: &Analytics,
    node: NodeRef<'_>,
    items: &[Item],
    scratch: &mut Scratch,
) -> Option<(JobOrdinal, f64, bool)> {
    let concepts: Vec<Item> = node
        .as_posting()
        .map(|posting| {
            posting
                .concepts
                .iter()
                .map(|concept| Item::new(concept.index()))
                .collect()
        })
        .unwrap_or_default();
    let reading = Reading::of_posting(items, &concepts, node.label(), analytics, node.graph());
    scratch
        .score(&reading, analytics)
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(job, score, facets)| (job, score, facets.title > 0.0))
}

impl SkillGraph {
    /// The role a job posting was classified to; `None` for other nodes
    /// and for postings that share nothing with any job.
    pub fn posting_role<'g>(&'g self, posting: NodeRef<'g>) -> Option<Role<'g>> {
        let ordinal = posting.as_posting()?.posting;
        let board = &self.analytics().board;
        let (job, score, title_match) = (*board.roles.get(ordinal)?)?;
        Some(Role {
            job: self.job_of_ordinal(job),
            score,
            title_match,
        })
    }

    /// The postings classified to `job`, best fit first.
    pub fn postings_for_role<'g>(&'g self, job: NodeRef<'g>) -> Vec<NodeRef<'g>> {
        let analytics = self.analytics();
        let Some(ordinal) = analytics.profiles.ordinal(job.index) else {
            return Vec::new();
        };
        analytics.board.by_role[ordinal.index()]
            .iter()
            .map(|posting| self.posting_node(*posting))
            .collect()
    }

    /// The `limit` postings whose skills and tools `known` covers best.
    pub fn rank_postings_for<'g>(
        &'g self,
        known: &[NodeRef<'g>],
        limit: usize,
    ) -> Vec<PostingFit<'g>> {
        let board = &self.analytics().board;
        let mut known: Vec<Item> = known
            .iter()
            .map(|node| Item::new(node.index.index()))
            .collect();
        known.sort_unstable();
        known.dedup();
        let mut matched: HashMap<PostingOrdinal, f64> = HashMap::new();
        for item in &known {
            for (posting, weight) in board.by_item.get(item).into_iter().flatten() {
                *matched.entry(*posting).or_default() += weight;
            }
        }
        let scored: Vec<(PostingOrdinal, f64)> = matched
            .into_iter()
            .filter_map(|(posting, weight)| {
                let total = board.postings[posting.index()].total;
                (total > 0.0).then(|| (posting, (weight / total).clamp(0.0, 1.0)))
            })
            .collect();
        best_k(scored, limit)
            .into_iter()
            .map(|(ordinal, score)| {
                let posting = &board.postings[ordinal.index()];
                let (matched, missing): (Vec<Weighted>, Vec<Weighted>) = posting
                    .items
                    .iter()
                    .partition(|(item, _)| known.binary_search(item).is_ok());
                PostingFit {
                    posting: self.node_at(posting.node),
                    score,
                    matched: self.by_weight_then_label(matched),
                    missing: self.to_learn(missing),
                }
            })
            .collect()
    }

    /// The postings that ask for `item` (a skill or tool), in file order.
    pub fn postings_asking_for<'g>(
        &'g self,
        item: NodeRef<'g>,
    ) -> impl Iterator<Item = NodeRef<'g>> + 'g {
        let board = &self.analytics().board;
        board
            .by_item
            .get(&Item::of(item.index))
            .into_iter()
            .flatten()
            .map(|(posting, _)| self.posting_node(*posting))
    }

    /// The skills and tools `posting` asks for that `job`'s profile has
    /// too: the evidence of a classification, heaviest in the job first.
    pub fn posting_evidence<'g>(
        &'g self,
        posting: NodeRef<'g>,
        job: NodeRef<'g>,
    ) -> Vec<NodeRef<'g>> {
        let Some(profile) = self.analytics().profiles.profile(job.index) else {
            return Vec::new();
        };
        let asked = items_of(posting);
        let shared: Vec<(Item, f64)> = profile
            .requirements()
            .filter(|(item, _)| asked.binary_search(item).is_ok())
            .collect();
        let mut seen = HashSet::new();
        self.by_weight_then_label(shared)
            .into_iter()
            .filter(|node| seen.insert(node.index))
            .collect()
    }

    fn posting_node(&self, ordinal: PostingOrdinal) -> NodeRef<'_> {
        let node = self.analytics().board.postings[ordinal.index()].node;
        self.node_at(NodeIndex::new(node.index()))
    }
}
