//! How to move from one job to another: the cheapest path of steps between
//! jobs, what the target needs that the start lacks, and the target
//! guide's learning plan.
//!
//! The steps out of every job (its explicit links, the jobs its ladder is
//! named after, its most similar jobs) are compiled once, so a transition
//! is a Dijkstra over short lists.

use super::SkillGraph;
use super::profile::{Item, JobOrdinal, Profile, Profiles};
use super::similarity::Scored;
use crate::graph::{EdgeKind, NodeRef, Section};
use crate::guide::LearningStep;
use crate::guide::plain::plain_text;
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};

/// How one step of a transition path is justified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepReason {
    /// `related_jobs` links the two jobs (either direction).
    Explicit,
    /// A career stage of the first job is named after the second.
    LeadsTo,
    /// The two guides are similar.
    Similar,
}

/// One step of a transition path.
#[derive(Debug, Clone)]
pub struct PathStep<'g> {
    pub job: NodeRef<'g>,
    /// Why this step is possible; `None` for the starting job.
    pub reason: Option<StepReason>,
    /// The cost of this step (0 for the starting job).
    pub cost: f64,
}

/// A learning step of the target guide, linked to what it teaches.
#[derive(Debug, Clone)]
pub struct PlanStep<'g> {
    pub step: &'g LearningStep,
    /// The resources the step names, in its order.
    pub resources: Vec<NodeRef<'g>>,
    /// Skills of the target job the step's text names.
    pub skills: Vec<NodeRef<'g>>,
    /// Tools the step's text names.
    pub tools: Vec<NodeRef<'g>>,
}

/// How to move from one job to another.
#[derive(Debug, Clone)]
pub struct Transition<'g> {
    pub from: NodeRef<'g>,
    pub to: NodeRef<'g>,
    /// The cheapest path of jobs, `from` first; empty when none exists.
    pub path: Vec<PathStep<'g>>,
    pub total_cost: Option<f64>,
    pub skills_to_learn: Vec<NodeRef<'g>>,
    pub tools_to_learn: Vec<NodeRef<'g>>,
    pub learning_plan: Vec<PlanStep<'g>>,
}

/// Cost of a step along an explicit link or a career stage.
pub const EXPLICIT_STEP_COST: f64 = 1.0;
/// Similarity below which two jobs are not one step apart.
pub const MIN_STEP_SIMILARITY: f64 = 0.15;
/// How many most-similar jobs each job can step to.
const SIMILAR_NEIGHBOURS: usize = 10;

/// The most jobs a transition's path holds, both ends included: a cheaper
/// path through more roles is answered as no path. Its answer is then a
/// short list whatever the corpus, and priced as one.
pub const MAX_PATH_JOBS: usize = 12;

/// The cost of a step between jobs of similarity `s`: `1.25 + 1.5 × (1 − s)`.
/// It is always above an explicit step, yet a direct move between clearly
/// similar jobs (s > 0.5) beats a detour through two explicit links.
pub fn similarity_step_cost(similarity: f64) -> f64 {
    1.25 + 1.5 * (1.0 - similarity)
}

/// A step out of a job, compiled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Step {
    to: JobOrdinal,
    reason: StepReason,
    cost: f64,
}

/// A job on a path, and the step that reached it (none for the first).
type PathJob = (JobOrdinal, Option<Step>);

/// The skills of its own job one learning step's text names. (The tools
/// it names are `USES` edges the builder already read from the step.)
#[derive(Debug, Clone, Default)]
pub(crate) struct StepMentions {
    skills: Vec<NodeIndex>,
}

/// The steps out of every job and into every job, by ordinal.
#[derive(Debug, Default)]
pub(crate) struct Steps {
    out: Vec<Vec<Step>>,
    /// For each job, the steps that reach it and the jobs they leave.
    into: Vec<Vec<(JobOrdinal, Step)>>,
}

/// The steps a transition can take, compiled for every job.
pub(crate) fn steps(graph: &SkillGraph, profiles: &Profiles, neighbours: &[Vec<Scored>]) -> Steps {
    let out = steps_out(graph, profiles, neighbours);
    let mut into: Vec<Vec<(JobOrdinal, Step)>> = vec![Vec::new(); out.len()];
    for (from, steps) in out.iter().enumerate() {
        for step in steps {
            into[step.to.index()].push((JobOrdinal::new(from), *step));
        }
    }
    Steps { out, into }
}

/// The steps out of every job, by ordinal.
fn steps_out(
    graph: &SkillGraph,
    profiles: &Profiles,
    neighbours: &[Vec<Scored>],
) -> Vec<Vec<Step>> {
    profiles
        .jobs
        .par_iter()
        .zip(neighbours)
        .map(|(&job, similar)| {
            let node = graph.handle(job);
            let ordinal = |node: NodeRef<'_>| profiles.ordinal(node.index);
            let mut steps: Vec<Step> = Vec::new();
            let explicit = node
                .outgoing(EdgeKind::RelatedTo)
                .into_iter()
                .chain(node.incoming(EdgeKind::RelatedTo));
            for link in explicit {
                if let Some(to) = ordinal(link.node) {
                    steps.push(Step {
                        to,
                        reason: StepReason::Explicit,
                        cost: EXPLICIT_STEP_COST,
                    });
                }
            }
            for stage in node.outgoing(EdgeKind::HasStage) {
                for link in stage.node.outgoing(EdgeKind::LeadsTo) {
                    if let Some(to) = ordinal(link.node) {
                        steps.push(Step {
                            to,
                            reason: StepReason::LeadsTo,
                            cost: EXPLICIT_STEP_COST,
                        });
                    }
                }
            }
            for scored in similar.iter().take(SIMILAR_NEIGHBOURS) {
                if scored.score >= MIN_STEP_SIMILARITY {
                    steps.push(Step {
                        to: scored.job,
                        reason: StepReason::Similar,
                        cost: similarity_step_cost(scored.score),
                    });
                }
            }
            steps
        })
        .collect()
}

/// For each guide, the skills of its own job each of its learning steps
/// names, and their parts, read by the one reader of names in text (so
/// `Go` is not found in `Google`, and `IaC` finds `IaC (Infrastructure as
/// Code)`).
pub(crate) fn plan_mentions(graph: &SkillGraph, profiles: &Profiles) -> Vec<Vec<StepMentions>> {
    let empty = Profile::default();
    graph
        .guides
        .par_iter()
        .map(|guide| {
            let Some(job) = graph.job(&guide.front.slug) else {
                return Vec::new();
            };
            let profile = profiles.profile(job.index).unwrap_or(&empty);
            let own: HashSet<NodeIndex> = profile
                .skills()
                .into_iter()
                .map(|(item, _)| NodeIndex::new(item.index()))
                .collect();
            guide
                .learning_steps
                .iter()
                .map(|step| {
                    let prose = plain_text(&format!("{}\n{}", step.title, step.text));
                    // A step naming a compound skill teaches its parts too.
                    let mut named: Vec<NodeRef<'_>> = graph
                        .mentions(&prose)
                        .into_iter()
                        .flat_map(|mention| {
                            let parts = mention.node.outgoing(EdgeKind::ComposedOf);
                            std::iter::once(mention.node)
                                .chain(parts.into_iter().map(|part| part.node))
                        })
                        .filter(|node| own.contains(&node.index))
                        .collect();
                    named.sort_by_key(|skill| skill.label());
                    named.dedup_by_key(|skill| skill.index);
                    StepMentions {
                        skills: named.iter().map(|skill| skill.index).collect(),
                    }
                })
                .collect()
        })
        .collect()
}

/// A job waiting in Dijkstra's queue, cheapest first.
#[derive(PartialEq)]
struct Entry(f64, JobOrdinal);

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    // Reversed so the BinaryHeap pops the cheapest first.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

/// One direction of the search: the best cost found to (or from) each job,
/// the neighbour and step it was reached by, and the jobs waiting.
#[derive(Default)]
struct Side {
    /// The round in which each job's entry was last written.
    written: Vec<u32>,
    cost: Vec<f64>,
    via: Vec<Option<(JobOrdinal, Step)>>,
    queue: BinaryHeap<Entry>,
}

impl Side {
    /// Forgets every entry: in constant time, but once in 2³² rounds.
    fn start(&mut self, jobs: usize, round: u32, origin: JobOrdinal) {
        if self.written.len() != jobs || round == 1 {
            self.written = vec![0; jobs];
            self.cost = vec![0.0; jobs];
            self.via = vec![None; jobs];
        }
        self.queue.clear();
        self.set(origin, round, 0.0, None);
        self.queue.push(Entry(0.0, origin));
    }

    fn get(&self, job: JobOrdinal, round: u32) -> Option<(f64, Option<(JobOrdinal, Step)>)> {
        let at = job.index();
        (self.written[at] == round).then(|| (self.cost[at], self.via[at]))
    }

    fn set(&mut self, job: JobOrdinal, round: u32, cost: f64, via: Option<(JobOrdinal, Step)>) {
        let at = job.index();
        self.written[at] = round;
        self.cost[at] = cost;
        self.via[at] = via;
    }

    /// The cost of the cheapest job waiting, or infinity.
    fn next_cost(&self) -> f64 {
        self.queue
            .peek()
            .map_or(f64::INFINITY, |Entry(cost, _)| *cost)
    }
}

/// Both directions' tables, one per thread, reused so that a transition
/// neither hashes nor allocates a table the size of the corpus.
#[derive(Default)]
struct PathScratch {
    round: u32,
    forward: Side,
    backward: Side,
}

thread_local! {
    static PATHS: RefCell<PathScratch> = RefCell::default();
}

impl Steps {
    /// The cheapest path, `from` first, as (ordinal, the step that reached
    /// it) with its total cost: Dijkstra from both ends at once, which
    /// settles the jobs within half the path's cost of either end instead
    /// of every job within its whole cost of the start.
    fn cheapest_path(&self, from: JobOrdinal, to: JobOrdinal) -> Option<(Vec<PathJob>, f64)> {
        if from == to {
            return Some((vec![(from, None)], 0.0));
        }
        PATHS.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            scratch.round = scratch.round.checked_add(1).unwrap_or(1);
            let round = scratch.round;
            let jobs = self.out.len();
            scratch.forward.start(jobs, round, from);
            scratch.backward.start(jobs, round, to);
            // The cheapest path found so far, through the job where both
            // searches met.
            let mut best: Option<(f64, JobOrdinal)> = None;
            loop {
                let (forward_next, backward_next) =
                    (scratch.forward.next_cost(), scratch.backward.next_cost());
                let bound = best.map_or(f64::INFINITY, |(cost, _)| cost);
                if forward_next + backward_next >= bound
                    || (forward_next.is_infinite() && backward_next.is_infinite())
                {
                    break;
                }
                if forward_next <= backward_next {
                    expand(
                        &mut scratch.forward,
                        &scratch.backward,
                        round,
                        &mut best,
                        |job| self.out[job.index()].iter().map(|step| (step.to, *step)),
                    );
                } else {
                    expand(
                        &mut scratch.backward,
                        &scratch.forward,
                        round,
                        &mut best,
                        |job| self.into[job.index()].iter().copied(),
                    );
                }
            }
            let (total, meeting) = best?;
            // From the meeting job back to `from`, then on to `to`.
            let mut path = Vec::new();
            let mut current = meeting;
            while let Some((_, Some((previous, step)))) = scratch.forward.get(current, round) {
                path.push((current, Some(step)));
                current = previous;
            }
            path.push((from, None));
            path.reverse();
            let mut current = meeting;
            while let Some((_, Some((next, step)))) = scratch.backward.get(current, round) {
                path.push((next, Some(step)));
                current = next;
            }
            Some((path, total))
        })
    }
}

/// Settles the cheapest job waiting on `side`, relaxing the steps `links`
/// gives for it (to the next job, or from the previous one), and records
/// where the two searches meet more cheaply than `best`.
fn expand<I>(
    side: &mut Side,
    other: &Side,
    round: u32,
    best: &mut Option<(f64, JobOrdinal)>,
    links: impl Fn(JobOrdinal) -> I,
) where
    I: Iterator<Item = (JobOrdinal, Step)>,
{
    let Some(Entry(cost, job)) = side.queue.pop() else {
        return;
    };
    if side.get(job, round).is_some_and(|(known, _)| cost > known) {
        return;
    }
    for (neighbour, step) in links(job) {
        let candidate = cost + step.cost;
        if side
            .get(neighbour, round)
            .is_none_or(|(known, _)| candidate < known)
        {
            side.set(neighbour, round, candidate, Some((job, step)));
            side.queue.push(Entry(candidate, neighbour));
            if let Some((rest, _)) = other.get(neighbour, round) {
                let total = candidate + rest;
                if best.is_none_or(|(cost, _)| total < cost) {
                    *best = Some((total, neighbour));
                }
            }
        }
    }
}

impl SkillGraph {
    /// The cheapest path of jobs from `from` to `to` (Dijkstra over explicit
    /// links, career stages and similarity), what `to` needs that `from`
    /// lacks, and the target guide's learning steps.
    pub fn transition<'g>(&'g self, from: NodeRef<'g>, to: NodeRef<'g>) -> Transition<'g> {
        let analytics = self.analytics();
        let ordinals = (
            analytics.profiles.ordinal(from.index),
            analytics.profiles.ordinal(to.index),
        );
        let cheapest = match ordinals {
            (Some(a), Some(b)) => analytics.steps.cheapest_path(a, b),
            _ => None,
        };
        // A move through more roles than this is no path to suggest.
        let cheapest = cheapest.filter(|(path, _)| path.len() <= MAX_PATH_JOBS);
        let (path, total_cost) = match cheapest {
            Some((path, cost)) => {
                let steps = path
                    .into_iter()
                    .map(|(job, step)| PathStep {
                        job: self.job_of_ordinal(job),
                        reason: step.map(|step| step.reason),
                        cost: step.map_or(0.0, |step| step.cost),
                    })
                    .collect();
                (steps, Some(cost))
            }
            None => (Vec::new(), None),
        };
        let empty = Profile::default();
        let pf = analytics.profile(from).unwrap_or(&empty);
        let pt = analytics.profile(to).unwrap_or(&empty);
        let lacking = |items: &[(Item, f64)]| -> Vec<(Item, f64)> {
            items
                .iter()
                .filter(|(item, _)| {
                    !(pf.hard.contains(*item)
                        || pf.soft.contains(*item)
                        || pf.tools.contains(*item))
                })
                .copied()
                .collect()
        };
        // A skill of the target that is one ability with a skill of the
        // start (`SLO/SLA設計` for someone with `SLO design`) is held.
        let mut skills_to_learn = self.to_learn(lacking(&pt.skills()));
        let held: Vec<NodeRef<'g>> = pf
            .skills()
            .iter()
            .map(|(item, _)| self.handle(NodeIndex::new(item.index())))
            .collect();
        let same = super::pair_abilities(&skills_to_learn, &held);
        skills_to_learn.retain(|skill| !same.iter().any(|pair| pair.a == *skill));
        Transition {
            from,
            to,
            path,
            total_cost,
            skills_to_learn,
            tools_to_learn: self.by_weight_then_label(lacking(&pt.tools.entries)),
            learning_plan: self.learning_plan(to),
        }
    }

    /// The target guide's learning steps, each with its resources and the
    /// skills its text names (compiled) and the tools it names (its `USES`
    /// sources).
    fn learning_plan<'g>(&'g self, to: NodeRef<'g>) -> Vec<PlanStep<'g>> {
        let Some((index, guide)) = to.guide_with_index() else {
            return Vec::new();
        };
        let mentions = self
            .analytics
            .plans
            .get(index)
            .map_or(&[][..], Vec::as_slice);
        guide
            .learning_steps
            .iter()
            .enumerate()
            .map(|(row, step)| {
                let named = mentions.get(row).cloned().unwrap_or_default();
                PlanStep {
                    step,
                    resources: to.listed_in(EdgeKind::LearnWith, Section::Learning, row),
                    skills: named.skills.into_iter().map(|i| self.handle(i)).collect(),
                    // In the order the step first names them.
                    tools: to.listed_in(EdgeKind::Uses, Section::Learning, row),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::generated_graph;
    use super::*;

    /// The cheapest cost by plain Dijkstra from `from` over the steps out.
    fn reference_cost(steps: &Steps, from: JobOrdinal, to: JobOrdinal) -> Option<f64> {
        let mut best = vec![f64::INFINITY; steps.out.len()];
        best[from.index()] = 0.0;
        let mut queue = BinaryHeap::from([Entry(0.0, from)]);
        while let Some(Entry(cost, job)) = queue.pop() {
            if cost > best[job.index()] {
                continue;
            }
            for step in &steps.out[job.index()] {
                let candidate = cost + step.cost;
                if candidate < best[step.to.index()] {
                    best[step.to.index()] = candidate;
                    queue.push(Entry(candidate, step.to));
                }
            }
        }
        best[to.index()].is_finite().then_some(best[to.index()])
    }

    #[test]
    fn searching_from_both_ends_finds_the_cheapest_path_and_walks_it() {
        let graph = generated_graph(300, 9);
        let steps = &graph.analytics().steps;
        let jobs = steps.out.len();
        let mut found = 0;
        for from in (0..jobs).step_by(7).map(JobOrdinal::new) {
            for to in (0..jobs).step_by(11).map(JobOrdinal::new) {
                let path = steps.cheapest_path(from, to);
                let expected = reference_cost(steps, from, to);
                assert_eq!(
                    path.as_ref().map(|(_, cost)| *cost).is_some(),
                    expected.is_some()
                );
                let (Some((path, cost)), Some(expected)) = (path, expected) else {
                    continue;
                };
                found += 1;
                assert!(
                    (cost - expected).abs() < 1e-9,
                    "{from:?} → {to:?}: {cost} vs {expected}"
                );
                assert_eq!(path.first().map(|(job, _)| *job), Some(from));
                assert_eq!(path.last().map(|(job, _)| *job), Some(to));
                // Each step leaves the job before it and its costs add up.
                let mut total = 0.0;
                for pair in path.windows(2) {
                    let (previous, (job, step)) = (pair[0].0, pair[1]);
                    let step = step.expect("every job after the first was stepped to");
                    assert_eq!(step.to, job);
                    assert!(steps.out[previous.index()].iter().any(|s| s.to == job));
                    total += step.cost;
                }
                assert!((total - cost).abs() < 1e-9);
            }
        }
        assert!(found > 100, "only {found} pairs are connected");
    }
}
