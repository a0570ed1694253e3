//! Which roles a text fits: one scorer for everything read from text (a
//! résumé in `extractSkills` and `recommendJobs`, a posting), so that
//! every answer ranks roles the same way and says why.
//!
//! A text is read into three kinds of evidence, each scored against each
//! role as a cosine, so a short guide and a long one are judged alike:
//! - **items**: the skills and tools it names, and the skills its
//!   concepts imply (each as sure as the reading), against the role's
//!   weighted skills and tools;
//! - **concepts**: the concepts it writes, each weighing its specificity
//!   (`エラーバジェット` says more than `設計`), against the concepts the
//!   role's guide uses;
//! - **title**: whether it names the role (`SREを5年`, `Platform engineer
//!   building…`), in either language: 1 for the role it names most
//!   (the first named, on a tie), [`OTHER_TITLE`] for any other it names.
//!
//! The score is their weighted sum with [`TEXT_WEIGHTS`], reported with
//! each answer beside the facets themselves.

use super::profile::{Item, JobOrdinal, Sparse, best_k};
use super::recommend::Recommendation;
use super::{Analytics, SkillGraph};
use crate::graph::mentions::Extraction;
use crate::graph::{EdgeKind, NodeRef, normalize};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

/// How much each kind of evidence counts; they sum to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextWeights {
    pub items: f64,
    pub concepts: f64,
    pub title: f64,
}

/// The weights every text is scored with.
pub const TEXT_WEIGHTS: TextWeights = TextWeights {
    items: 0.4,
    concepts: 0.4,
    title: 0.2,
};

/// The title facet of a role the text names, but not most.
const OTHER_TITLE: f64 = 0.5;

/// A role's score against a text, facet by facet, each 0 to 1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TextFacets {
    pub items: f64,
    pub concepts: f64,
    pub title: f64,
}

impl TextFacets {
    /// The weighted sum.
    pub fn combined(&self, weights: &TextWeights) -> f64 {
        (weights.items * self.items + weights.concepts * self.concepts + weights.title * self.title)
            .clamp(0.0, 1.0)
    }
}

/// Why a role fits a text.
#[derive(Debug, Clone, Default)]
pub struct TextEvidence<'g> {
    pub facets: TextFacets,
    /// The role's concepts the text writes, the heaviest in the role first.
    pub concepts: Vec<NodeRef<'g>>,
    /// Whether the text names the role.
    pub named: bool,
}

/// Every job's concepts, as the scorer reads them.
#[derive(Debug, Default)]
pub(crate) struct ConceptProfiles {
    /// Job ordinal → its concepts, weighted by `INVOLVES`.
    vectors: Vec<Sparse>,
    /// Concept → the jobs using it, with the weight.
    postings: HashMap<Item, Vec<(JobOrdinal, f64)>>,
    /// Concept → how specific it is, 0 to 1: the largest weight any job
    /// gives it, which is its specificity once a guide uses it strongly.
    specificity: HashMap<Item, f64>,
}

impl ConceptProfiles {
    pub(crate) fn build(graph: &SkillGraph, jobs: &[NodeIndex]) -> Self {
        let mut postings: HashMap<Item, Vec<(JobOrdinal, f64)>> = HashMap::new();
        let mut specificity: HashMap<Item, f64> = HashMap::new();
        let vectors = jobs
            .iter()
            .enumerate()
            .map(|(ordinal, index)| {
                let job = graph.node_at(*index);
                let weights: HashMap<Item, f64> = job
                    .outgoing(EdgeKind::Involves)
                    .into_iter()
                    .map(|link| (link.node.index.index() as Item, link.edge.weight))
                    .collect();
                for (item, weight) in &weights {
                    postings
                        .entry(*item)
                        .or_default()
                        .push((ordinal as JobOrdinal, *weight));
                    let most = specificity.entry(*item).or_default();
                    *most = most.max(*weight);
                }
                Sparse::from_map(weights)
            })
            .collect();
        Self {
            vectors,
            postings,
            specificity,
        }
    }
}

/// Job names searched for in text: each job's name, title, aliases and
/// glossary titles, and its slug without a trailing number, in words.
#[derive(Debug, Default)]
pub(crate) struct TitleIndex {
    automaton: Option<AhoCorasick>,
    /// Pattern → the jobs it names.
    jobs: Vec<Vec<JobOrdinal>>,
}

impl TitleIndex {
    pub(crate) fn new(graph: &SkillGraph, jobs: &[NodeIndex]) -> Self {
        let mut by_name: HashMap<String, Vec<JobOrdinal>> = HashMap::new();
        for (ordinal, index) in jobs.iter().enumerate() {
            let Some(job) = graph.node_at(*index).as_job() else {
                continue;
            };
            // A numbered slug (`data_engineer_46`) is one job of the role
            // its stem names, and shares the names the alias file gives it.
            let stem = job
                .slug
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == '_');
            let labels = [job.labels.ja.clone(), job.labels.en.clone()];
            let names = [job.name.clone(), job.title.clone(), stem.replace('_', " ")]
                .into_iter()
                .chain(labels.into_iter().flatten())
                .chain(job.aliases.iter().cloned())
                .chain(graph.job_aliases_of(stem).iter().cloned());
            for name in names {
                let key = normalize::key(&name);
                if key.chars().count() >= 2 {
                    let list = by_name.entry(key).or_default();
                    if !list.contains(&(ordinal as JobOrdinal)) {
                        list.push(ordinal as JobOrdinal);
                    }
                }
            }
        }
        let (names, jobs): (Vec<String>, Vec<Vec<JobOrdinal>>) = by_name.into_iter().unzip();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .ok();
        Self { automaton, jobs }
    }

    /// Every name `text` holds as a word (leftmost-longest), with where it
    /// starts and ends in the text's key.
    fn hits(&self, text: &str) -> Vec<(usize, usize, &[JobOrdinal])> {
        let key = normalize::key(text);
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        automaton
            .find_iter(&key)
            .filter(|hit| normalize::stands_alone(&key, hit.start(), hit.end()))
            .map(|hit| {
                let jobs = self.jobs[hit.pattern().as_usize()].as_slice();
                (hit.start(), hit.end(), jobs)
            })
            .collect()
    }

    /// The jobs whose names a posting's title holds (the longest name
    /// found wins).
    pub(crate) fn named_in_title(&self, title: &str) -> Vec<JobOrdinal> {
        self.hits(title)
            .into_iter()
            .max_by_key(|(start, end, _)| end - start)
            .map(|(_, _, jobs)| jobs.to_vec())
            .unwrap_or_default()
    }

    /// The jobs a text names, the most named first (the first named on a tie).
    fn named_in_text(&self, text: &str) -> Vec<JobOrdinal> {
        let mut counts: HashMap<JobOrdinal, (usize, usize)> = HashMap::new();
        for (at, _, jobs) in self.hits(text) {
            for job in jobs {
                let entry = counts.entry(*job).or_insert((0, at));
                entry.0 += 1;
            }
        }
        let mut named: Vec<(JobOrdinal, (usize, usize))> = counts.into_iter().collect();
        named.sort_by(|a, b| {
            b.1.0
                .cmp(&a.1.0)
                .then(a.1.1.cmp(&b.1.1))
                .then(a.0.cmp(&b.0))
        });
        named.into_iter().map(|(job, _)| job).collect()
    }
}

/// A text as weighted evidence: its items and concepts, each once.
struct Reading {
    items: Vec<(Item, f64)>,
    concepts: Vec<(Item, f64)>,
    named: Vec<JobOrdinal>,
}

impl Reading {
    fn of(extraction: &Extraction<'_>, also: &[NodeRef<'_>], analytics: &Analytics) -> Self {
        let mut items: HashMap<Item, f64> = HashMap::new();
        let given = also.iter().map(|node| (*node, 1.0));
        for (node, sureness) in extraction.known().into_iter().chain(given) {
            let held = items.entry(node.index.index() as Item).or_default();
            *held = held.max(sureness);
        }
        let mut concepts: HashMap<Item, f64> = HashMap::new();
        for mention in &extraction.concepts {
            let item = mention.node.index.index() as Item;
            let specificity = analytics.concepts.specificity.get(&item).copied();
            let weight = mention.confidence * specificity.unwrap_or(0.0);
            let held = concepts.entry(item).or_default();
            *held = held.max(weight);
        }
        Self {
            items: items.into_iter().collect(),
            concepts: concepts.into_iter().filter(|(_, w)| *w > 0.0).collect(),
            named: analytics.titles.named_in_text(&extraction.text),
        }
    }
}

/// The norm of a list of weights.
fn norm(weights: &[(Item, f64)]) -> f64 {
    weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
}

impl SkillGraph {
    /// The `limit` roles `extraction` (a text read) fits best, with the
    /// skills and tools `also` given besides, by [`TEXT_WEIGHTS`].
    pub fn rank_text<'g>(
        &'g self,
        extraction: &Extraction<'g>,
        also: &[NodeRef<'g>],
        limit: usize,
    ) -> Vec<Recommendation<'g>> {
        let analytics = self.analytics();
        let reading = Reading::of(extraction, also, analytics);
        let jobs = analytics.profiles.profiles.len();
        let mut facets: HashMap<JobOrdinal, TextFacets> = HashMap::new();
        let items_norm = norm(&reading.items);
        for (item, sureness) in &reading.items {
            for holder in analytics
                .profiles
                .postings
                .get(*item as usize)
                .into_iter()
                .flatten()
            {
                facets.entry(holder.job).or_default().items += sureness * holder.weight;
            }
        }
        let concepts_norm = norm(&reading.concepts);
        for (item, weight) in &reading.concepts {
            for (job, held) in analytics.concepts.postings.get(item).into_iter().flatten() {
                facets.entry(*job).or_default().concepts += weight * held;
            }
        }
        for (position, job) in reading.named.iter().enumerate() {
            facets.entry(*job).or_default().title = if position == 0 { 1.0 } else { OTHER_TITLE };
        }
        for (job, facet) in facets.iter_mut() {
            let profile = &analytics.profiles.profiles[*job as usize];
            let items = profile.vector_norm() * items_norm;
            facet.items = if items > 0.0 {
                (facet.items / items).min(1.0)
            } else {
                0.0
            };
            let concepts = analytics.concepts.vectors[*job as usize].norm * concepts_norm;
            facet.concepts = if concepts > 0.0 {
                (facet.concepts / concepts).min(1.0)
            } else {
                0.0
            };
        }
        let scored: Vec<(JobOrdinal, f64)> = facets
            .iter()
            .filter(|(job, _)| (**job as usize) < jobs)
            .map(|(job, facet)| (*job, facet.combined(&TEXT_WEIGHTS)))
            .filter(|(_, score)| *score > 0.0)
            .collect();
        let mut known: Vec<Item> = reading.items.iter().map(|(item, _)| *item).collect();
        known.sort_unstable();
        best_k(scored, limit)
            .into_iter()
            .map(|(job, score)| {
                let evidence = TextEvidence {
                    facets: facets[&job],
                    concepts: self.shared_concepts(job, &reading.concepts),
                    named: reading.named.contains(&job),
                };
                Recommendation {
                    evidence: Some(evidence),
                    ..self.recommendation(job, score, &known)
                }
            })
            .collect()
    }

    /// The concepts of `job` among `written`, the heaviest in the job first.
    fn shared_concepts<'g>(&'g self, job: JobOrdinal, written: &[(Item, f64)]) -> Vec<NodeRef<'g>> {
        let vector = &self.analytics().concepts.vectors[job as usize];
        let shared: Vec<(Item, f64)> = vector
            .entries
            .iter()
            .filter(|(item, _)| written.iter().any(|(w, _)| w == item))
            .copied()
            .collect();
        self.by_weight_then_label(shared)
    }
}
