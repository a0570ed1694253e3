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
use crate::graph::normalize::{self, CaselessAutomaton};
use crate::graph::{EdgeKind, NodeRef};
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

/// How sure a skill a text implies must be to speak for a role: a
/// broader term's skills (0.7) and the skills one ability with them are
/// known, but say too little of which role the text is.
const ROLE_EVIDENCE_AT_LEAST: f64 = 0.75;

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
                    .outgoing_unordered(EdgeKind::Involves)
                    .map(|link| (Item::of(link.node.index), link.edge.weight))
                    .collect();
                for (item, weight) in &weights {
                    postings
                        .entry(*item)
                        .or_default()
                        .push((JobOrdinal::new(ordinal), *weight));
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
    /// Over the names' keys, which are lowercase: it finds them in a key
    /// and, in any ASCII case, in a text as written.
    automaton: Option<CaselessAutomaton>,
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
                    if !list.contains(&JobOrdinal::new(ordinal)) {
                        list.push(JobOrdinal::new(ordinal));
                    }
                }
            }
        }
        let (names, jobs): (Vec<String>, Vec<Vec<JobOrdinal>>) = by_name.into_iter().unzip();
        let automaton = CaselessAutomaton::leftmost_longest(&names);
        Self { automaton, jobs }
    }

    /// Where `text` (NFKC) names a job, as byte spans: `QA Engineer`,
    /// `クラウドネイティブエンジニア`.
    pub(crate) fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        automaton
            .find(text)
            .into_iter()
            .filter(|hit| normalize::stands_alone(text, hit.start(), hit.end()))
            .map(|hit| (hit.start(), hit.end()))
            .collect()
    }

    /// Every name `text` holds as a word (leftmost-longest), with where it
    /// starts and ends in the text's key.
    fn hits(&self, text: &str) -> Vec<(usize, usize, &[JobOrdinal])> {
        let key = normalize::key(text);
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        automaton
            .find(&key)
            .into_iter()
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

/// A text as weighted evidence: its items and concepts, each once, and
/// the roles it names, the most named first.
pub(crate) struct Reading {
    items: Vec<(Item, f64)>,
    concepts: Vec<(Item, f64)>,
    named: Vec<JobOrdinal>,
}

impl Reading {
    /// A text read, with the skills and tools `also` given besides.
    fn of_text(extraction: &Extraction<'_>, also: &[NodeRef<'_>], graph: &SkillGraph) -> Self {
        let analytics = graph.analytics();
        let given = also.iter().map(|node| (*node, 1.0));
        let only_shown = extraction.only_shown();
        // Only what the text surely shows speaks for a role. A skill only
        // shown at work (`説明` for communication) says how the person
        // works, which every role asks for alike.
        let known = extraction
            .known()
            .into_iter()
            .filter(|(node, sure)| {
                *sure >= ROLE_EVIDENCE_AT_LEAST && !only_shown.contains(&node.index)
            })
            .chain(given);
        let concepts = extraction
            .concepts
            .iter()
            .map(|mention| (mention.node.index, mention.confidence));
        Self {
            items: strongest(known.map(|(node, sureness)| (node.index, sureness))),
            concepts: Self::weighed(concepts, analytics, graph),
            named: analytics.titles.named_in_text(&extraction.text),
        }
    }

    /// A posting: what its title and description name and write, and the
    /// roles its title names (the longest name found).
    pub(crate) fn of_posting(
        items: &[Item],
        concepts: &[Item],
        title: &str,
        analytics: &Analytics,
        graph: &SkillGraph,
    ) -> Self {
        let items = items.iter().map(|item| (NodeIndex::new(item.index()), 1.0));
        let concepts = concepts
            .iter()
            .map(|item| (NodeIndex::new(item.index()), 1.0));
        Self {
            items: strongest(items),
            concepts: Self::weighed(concepts, analytics, graph),
            named: analytics.titles.named_in_title(title),
        }
    }

    /// Concepts read with how sure, each weighing that times its
    /// specificity; a broad word of the field tells no role from another,
    /// in a text or a posting, and weighs nothing.
    fn weighed(
        concepts: impl Iterator<Item = (NodeIndex, f64)>,
        analytics: &Analytics,
        graph: &SkillGraph,
    ) -> Vec<(Item, f64)> {
        let specific = concepts.filter(|(node, _)| {
            graph
                .node_at(*node)
                .as_concept()
                .is_some_and(|concept| !concept.generic)
        });
        let weighed = specific.map(|(node, sureness)| {
            let item = Item::new(node.index());
            let specificity = analytics.concepts.specificity.get(&item).copied();
            (node, sureness * specificity.unwrap_or(0.0))
        });
        let mut weighed = strongest(weighed);
        weighed.retain(|(_, weight)| *weight > 0.0);
        weighed
    }
}

/// Each node once, with the largest weight given for it, sorted by item.
fn strongest(weights: impl Iterator<Item = (NodeIndex, f64)>) -> Vec<(Item, f64)> {
    let mut held: HashMap<Item, f64> = HashMap::new();
    for (node, weight) in weights {
        let entry = held.entry(Item::new(node.index())).or_default();
        *entry = entry.max(weight);
    }
    let mut held: Vec<(Item, f64)> = held.into_iter().collect();
    held.sort_unstable_by_key(|(item, _)| *item);
    held
}

/// The norm of a list of weights.
fn norm(weights: &[(Item, f64)]) -> f64 {
    weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
}

/// Per-job sums of one reading's facets, kept between readings so that
/// scoring thousands of postings allocates nothing per posting: only the
/// jobs a reading touched are visited and cleared.
pub(crate) struct Scratch {
    facets: Vec<TextFacets>,
    touched: Vec<JobOrdinal>,
}

impl Scratch {
    pub(crate) fn new(analytics: &Analytics) -> Self {
        Self {
            facets: vec![TextFacets::default(); analytics.profiles.profiles.len()],
            touched: Vec::new(),
        }
    }

    fn at(&mut self, job: JobOrdinal) -> &mut TextFacets {
        let facets = &mut self.facets[job.index()];
        if *facets == TextFacets::default() {
            self.touched.push(job);
        }
        facets
    }

    /// Scores `reading` against every role it touches: each facet a
    /// cosine (or the title's value), then their weighted sum. Returns
    /// (job, score, facets) for the jobs scoring above 0, and clears.
    pub(crate) fn score(
        &mut self,
        reading: &Reading,
        analytics: &Analytics,
    ) -> Vec<(JobOrdinal, f64, TextFacets)> {
        for (item, sureness) in &reading.items {
            let holders = analytics.profiles.postings.get((*item).index());
            for holder in holders.into_iter().flatten() {
                self.at(holder.job).items += sureness * holder.weight;
            }
        }
        for (item, weight) in &reading.concepts {
            for (job, held) in analytics.concepts.postings.get(item).into_iter().flatten() {
                self.at(*job).concepts += weight * held;
            }
        }
        for (position, job) in reading.named.iter().enumerate() {
            self.at(*job).title = if position == 0 { 1.0 } else { OTHER_TITLE };
        }
        let (items_norm, concepts_norm) = (norm(&reading.items), norm(&reading.concepts));
        let cosine = |dot: f64, norms: f64| {
            if norms > 0.0 {
                (dot / norms).min(1.0)
            } else {
                0.0
            }
        };
        let mut scored = Vec::with_capacity(self.touched.len());
        for job in self.touched.drain(..) {
            let sums = std::mem::take(&mut self.facets[job.index()]);
            let profile = &analytics.profiles.profiles[job.index()];
            let facets = TextFacets {
                items: cosine(sums.items, profile.vector_norm() * items_norm),
                concepts: cosine(
                    sums.concepts,
                    analytics.concepts.vectors[job.index()].norm * concepts_norm,
                ),
                title: sums.title,
            };
            let score = facets.combined(&TEXT_WEIGHTS);
            if score > 0.0 {
                scored.push((job, score, facets));
            }
        }
        scored
    }
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
        let reading = Reading::of_text(extraction, also, self);
        let scored = Scratch::new(analytics).score(&reading, analytics);
        let scores = scored
            .iter()
            .map(|(job, score, _)| (*job, *score))
            .collect();
        let best = best_k(scores, limit);
        // Only the best roles' facets are kept: there is one per role touched.
        let mut kept: Vec<JobOrdinal> = best.iter().map(|(job, _)| *job).collect();
        kept.sort_unstable();
        let facets: HashMap<JobOrdinal, TextFacets> = scored
            .into_iter()
            .filter(|(job, _, _)| kept.binary_search(job).is_ok())
            .map(|(job, _, facets)| (job, facets))
            .collect();
        let known = self.known(reading.items.iter().map(|(item, _)| *item).collect());
        best.into_iter()
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
        let vector = &self.analytics().concepts.vectors[job.index()];
        let shared: Vec<(Item, f64)> = vector
            .entries
            .iter()
            .filter(|(item, _)| written.iter().any(|(w, _)| w == item))
            .copied()
            .collect();
        self.by_weight_then_label(shared)
    }
}
