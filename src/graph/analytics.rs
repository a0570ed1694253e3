//! The questions users ask of the graph: how alike two jobs are, which jobs
//! are related, where a career leads, how to move from one job to another,
//! and which jobs fit what someone knows.
//!
//! Everything every query needs (each job's weighted skill and tool
//! profile, inverse document frequencies, the inverted index from a skill
//! or tool to the jobs that need it) is computed once per graph in
//! [`Analytics`], so a query only sums and sorts.
//!
//! # Weights
//!
//! A skill or tool `x` has an inverse document frequency over the `N` jobs
//! that have guides: `idf(x) = ln((1 + N) / (1 + df(x))) + 1`, where
//! `df(x)` counts the jobs needing it. A tool every job uses so counts less
//! than a rare one, but never nothing. A job's skills are the skills its
//! guide lists plus the parts of its compound skills, each weighing
//! `idf`; its tools weigh `USES weight × idf`.

use super::normalize::{self, key};
use super::{EdgeKind, NodeData, NodeKind, NodeRef, SkillGraph};
use crate::guide::{LearningStep, SkillKind};
use petgraph::graph::NodeIndex;
use std::cmp::Ordering;
use std::collections::{BTreeSet, BinaryHeap, HashMap, HashSet};

/// How much each facet counts in a job-to-job similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimilarityWeights {
    pub hard_skills: f64,
    pub soft_skills: f64,
    pub tools: f64,
    pub tags: f64,
    pub explicit: f64,
}

impl Default for SimilarityWeights {
    fn default() -> Self {
        Self {
            hard_skills: 0.35,
            soft_skills: 0.10,
            tools: 0.35,
            tags: 0.10,
            explicit: 0.10,
        }
    }
}

impl SimilarityWeights {
    /// Rejects negative weights and an all-zero set.
    pub fn validate(&self) -> Result<(), String> {
        let all = [
            self.hard_skills,
            self.soft_skills,
            self.tools,
            self.tags,
            self.explicit,
        ];
        if all.iter().any(|w| !w.is_finite() || *w < 0.0) {
            return Err("weights must be finite and not negative".to_owned());
        }
        if all.iter().sum::<f64>() <= 0.0 {
            return Err("at least one weight must be above zero".to_owned());
        }
        Ok(())
    }

    fn total(&self) -> f64 {
        self.hard_skills + self.soft_skills + self.tools + self.tags + self.explicit
    }
}

/// Per-facet similarity of two jobs, each in 0..1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Facets {
    /// IDF-weighted cosine of the hard skills.
    pub hard_skills: f64,
    /// IDF-weighted cosine of the soft skills.
    pub soft_skills: f64,
    /// Cosine of the tools, each weighing `USES weight × idf`.
    pub tools: f64,
    /// Jaccard index of the front-matter tags.
    pub tags: f64,
    /// 1 when either guide lists the other in `related_jobs`, else 0.
    pub explicit: f64,
}

impl Facets {
    /// The weighted mean of the facets.
    pub fn combined(&self, weights: &SimilarityWeights) -> f64 {
        let sum = weights.hard_skills * self.hard_skills
            + weights.soft_skills * self.soft_skills
            + weights.tools * self.tools
            + weights.tags * self.tags
            + weights.explicit * self.explicit;
        (sum / weights.total()).clamp(0.0, 1.0)
    }
}

/// A job's weighted profile.
#[derive(Debug, Default, Clone)]
struct Profile {
    /// Hard and soft skills (compound parts included) with their weights.
    hard: HashMap<NodeIndex, f64>,
    soft: HashMap<NodeIndex, f64>,
    tools: HashMap<NodeIndex, f64>,
    tags: BTreeSet<String>,
    /// Jobs linked by `related_jobs`, in either direction.
    explicit: HashSet<NodeIndex>,
    /// The sum of every skill and tool weight, for coverage scores.
    total_weight: f64,
}

impl Profile {
    fn skills(&self) -> impl Iterator<Item = (&NodeIndex, &f64)> {
        self.hard.iter().chain(self.soft.iter())
    }

    fn requirements(&self) -> impl Iterator<Item = (&NodeIndex, &f64)> {
        self.skills().chain(self.tools.iter())
    }
}

/// Precomputed profiles and indexes of one graph.
#[derive(Debug, Default)]
pub struct Analytics {
    profiles: HashMap<NodeIndex, Profile>,
    /// Skill or tool → (job, weight of it in that job's profile).
    postings: HashMap<NodeIndex, Vec<(NodeIndex, f64)>>,
    /// Compound skills and their parts, so a query need not scan every skill.
    compounds: Vec<(NodeIndex, Vec<NodeIndex>)>,
}

impl Analytics {
    pub(super) fn build(graph: &SkillGraph) -> Self {
        let jobs: Vec<NodeRef<'_>> = graph.nodes_of(NodeKind::Job).collect();
        let mut raw: HashMap<NodeIndex, Profile> = HashMap::new();
        let mut document_frequency: HashMap<NodeIndex, usize> = HashMap::new();
        let mut guide_jobs = 0usize;
        for job in &jobs {
            let profile = raw_profile(*job);
            if job.guide().is_some() {
                guide_jobs += 1;
                for (item, _) in profile.requirements() {
                    *document_frequency.entry(*item).or_default() += 1;
                }
            }
            raw.insert(job.index, profile);
        }
        let n = guide_jobs as f64;
        let idf = |item: &NodeIndex| {
            let df = document_frequency.get(item).copied().unwrap_or(0) as f64;
            ((1.0 + n) / (1.0 + df)).ln() + 1.0
        };
        let mut postings: HashMap<NodeIndex, Vec<(NodeIndex, f64)>> = HashMap::new();
        for (job, profile) in raw.iter_mut() {
            for weights in [&mut profile.hard, &mut profile.soft, &mut profile.tools] {
                for (item, weight) in weights.iter_mut() {
                    *weight *= idf(item);
                }
            }
            profile.total_weight = profile.requirements().map(|(_, w)| w).sum();
            for (item, weight) in profile.requirements() {
                postings.entry(*item).or_default().push((*job, *weight));
            }
        }
        for list in postings.values_mut() {
            list.sort_by_key(|(job, _)| *job);
        }
        let compounds = graph
            .nodes_of(NodeKind::Skill)
            .filter_map(|skill| {
                let parts: Vec<NodeIndex> = skill
                    .outgoing(EdgeKind::ComposedOf)
                    .iter()
                    .map(|link| link.node.index)
                    .collect();
                (!parts.is_empty()).then_some((skill.index, parts))
            })
            .collect();
        Self {
            profiles: raw,
            postings,
            compounds,
        }
    }

    fn profile(&self, job: NodeRef<'_>) -> Option<&Profile> {
        self.profiles.get(&job.index)
    }
}

/// A job's profile before IDF: skills weigh 1, tools their `USES` weight.
fn raw_profile(job: NodeRef<'_>) -> Profile {
    let mut profile = Profile::default();
    for link in job.outgoing(EdgeKind::Requires) {
        let skill = link.node;
        let target = match skill_kind(skill) {
            Some(SkillKind::Soft) => &mut profile.soft,
            _ => &mut profile.hard,
        };
        target.insert(skill.index, 1.0);
        for part in skill.outgoing(EdgeKind::ComposedOf) {
            target.entry(part.node.index).or_insert(1.0);
        }
    }
    for link in job.outgoing(EdgeKind::Uses) {
        profile.tools.insert(link.node.index, link.edge.weight);
    }
    if let Some(guide) = job.guide() {
        profile.tags = guide.front.tags.iter().map(|tag| key(tag)).collect();
    }
    for link in job
        .outgoing(EdgeKind::RelatedTo)
        .into_iter()
        .chain(job.incoming(EdgeKind::RelatedTo))
    {
        profile.explicit.insert(link.node.index);
    }
    profile
}

fn skill_kind(node: NodeRef<'_>) -> Option<SkillKind> {
    match &node.node().data {
        NodeData::Skill(skill) => Some(skill.kind),
        _ => None,
    }
}

fn cosine(a: &HashMap<NodeIndex, f64>, b: &HashMap<NodeIndex, f64>) -> f64 {
    let norm = |v: &HashMap<NodeIndex, f64>| v.values().map(|w| w * w).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let dot: f64 = a
        .iter()
        .filter_map(|(k, wa)| b.get(k).map(|wb| wa * wb))
        .sum();
    (dot / (na * nb)).clamp(0.0, 1.0)
}

fn jaccard<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

fn facets(a: NodeIndex, pa: &Profile, b: NodeIndex, pb: &Profile) -> Facets {
    Facets {
        hard_skills: cosine(&pa.hard, &pb.hard),
        soft_skills: cosine(&pa.soft, &pb.soft),
        tools: cosine(&pa.tools, &pb.tools),
        tags: jaccard(&pa.tags, &pb.tags),
        explicit: if pa.explicit.contains(&b) || pb.explicit.contains(&a) {
            1.0
        } else {
            0.0
        },
    }
}

/// What two jobs share and what each has alone.
#[derive(Debug, Clone)]
pub struct Overlap<'g> {
    pub a: NodeRef<'g>,
    pub b: NodeRef<'g>,
    pub shared_skills: Vec<NodeRef<'g>>,
    pub shared_tools: Vec<NodeRef<'g>>,
    pub only_a_skills: Vec<NodeRef<'g>>,
    pub only_a_tools: Vec<NodeRef<'g>>,
    pub only_b_skills: Vec<NodeRef<'g>>,
    pub only_b_tools: Vec<NodeRef<'g>>,
    /// Shared skills and tools over all skills and tools of either job.
    pub jaccard: f64,
    /// The weighted mean of the facets (see [`Facets::combined`]).
    pub similarity: f64,
    pub facets: Facets,
}

/// A job related to another, with why.
#[derive(Debug, Clone)]
pub struct Related<'g> {
    pub job: NodeRef<'g>,
    pub score: f64,
    pub facets: Facets,
    pub shared_skills: Vec<NodeRef<'g>>,
    pub shared_tools: Vec<NodeRef<'g>>,
    /// Listed in `related_jobs` by either job.
    pub explicit: bool,
}

/// A job's ladder and where it leads.
#[derive(Debug, Clone)]
pub struct CareerPath<'g> {
    pub job: NodeRef<'g>,
    pub stages: Vec<NodeRef<'g>>,
    /// Jobs named by its stages (`LEADS_TO`), then its `related_jobs`.
    pub next_jobs: Vec<NodeRef<'g>>,
}

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

/// A job recommended for what someone knows.
#[derive(Debug, Clone)]
pub struct Recommendation<'g> {
    pub job: NodeRef<'g>,
    /// Weighted coverage: the weight of the job's skills and tools the
    /// person knows over the weight of all of them.
    pub score: f64,
    pub matched: Vec<NodeRef<'g>>,
    /// The job's skills and tools the person lacks, heaviest first.
    pub missing: Vec<NodeRef<'g>>,
}

/// Names given to `recommend` resolved against the graph.
#[derive(Debug, Clone, Default)]
pub struct Recommendations<'g> {
    pub jobs: Vec<Recommendation<'g>>,
    /// Names that match no skill or tool.
    pub unknown: Vec<String>,
}

/// How a job was reached: from which job, why, and at what cost.
type Step = (NodeIndex, StepReason, f64);

/// A skill or tool and its weight in a job's profile.
type Weighted = (NodeIndex, f64);

/// Cost of a step along an explicit link or a career stage.
pub const EXPLICIT_STEP_COST: f64 = 1.0;
/// Similarity below which two jobs are not one step apart.
pub const MIN_STEP_SIMILARITY: f64 = 0.15;
/// How many most-similar jobs each job can step to.
const SIMILAR_NEIGHBOURS: usize = 10;

/// The cost of a step between jobs of similarity `s`: `1.25 + 1.5 × (1 − s)`.
/// It is always above an explicit step, yet a direct move between clearly
/// similar jobs (s > 0.5) beats a detour through two explicit links.
pub fn similarity_step_cost(similarity: f64) -> f64 {
    1.25 + 1.5 * (1.0 - similarity)
}

impl SkillGraph {
    /// The precomputed profiles and indexes.
    pub(super) fn analytics(&self) -> &Analytics {
        self.analytics.get_or_init(|| Analytics::build(self))
    }

    fn by_weight_then_label<'g>(&'g self, mut items: Vec<(NodeIndex, f64)>) -> Vec<NodeRef<'g>> {
        items.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.graph[a.0].label().cmp(self.graph[b.0].label()))
        });
        items
            .into_iter()
            .map(|(index, _)| self.handle(index))
            .collect()
    }

    /// What jobs `a` and `b` share and what each has alone.
    pub fn overlap<'g>(
        &'g self,
        a: NodeRef<'g>,
        b: NodeRef<'g>,
        weights: &SimilarityWeights,
    ) -> Overlap<'g> {
        let analytics = self.analytics();
        let empty = Profile::default();
        let pa = analytics.profile(a).unwrap_or(&empty);
        let pb = analytics.profile(b).unwrap_or(&empty);
        let split = |x: &HashMap<NodeIndex, f64>, y: &HashMap<NodeIndex, f64>| {
            let shared: Vec<(NodeIndex, f64)> = x
                .iter()
                .filter_map(|(k, w)| y.get(k).map(|v| (*k, w + v)))
                .collect();
            let only_x: Vec<(NodeIndex, f64)> = x
                .iter()
                .filter(|(k, _)| !y.contains_key(k))
                .map(|(k, w)| (*k, *w))
                .collect();
            let only_y: Vec<(NodeIndex, f64)> = y
                .iter()
                .filter(|(k, _)| !x.contains_key(k))
                .map(|(k, w)| (*k, *w))
                .collect();
            (shared, only_x, only_y)
        };
        let skills_a: HashMap<NodeIndex, f64> = pa.skills().map(|(k, w)| (*k, *w)).collect();
        let skills_b: HashMap<NodeIndex, f64> = pb.skills().map(|(k, w)| (*k, *w)).collect();
        let (shared_skills, only_a_skills, only_b_skills) = split(&skills_a, &skills_b);
        let (shared_tools, only_a_tools, only_b_tools) = split(&pa.tools, &pb.tools);
        let union =
            skills_a.len() + skills_b.len() - shared_skills.len() + pa.tools.len() + pb.tools.len()
                - shared_tools.len();
        let jaccard = if union == 0 {
            0.0
        } else {
            (shared_skills.len() + shared_tools.len()) as f64 / union as f64
        };
        let facets = facets(a.index, pa, b.index, pb);
        Overlap {
            a,
            b,
            shared_skills: self.by_weight_then_label(shared_skills),
            shared_tools: self.by_weight_then_label(shared_tools),
            only_a_skills: self.by_weight_then_label(only_a_skills),
            only_a_tools: self.by_weight_then_label(only_a_tools),
            only_b_skills: self.by_weight_then_label(only_b_skills),
            only_b_tools: self.by_weight_then_label(only_b_tools),
            jaccard,
            similarity: facets.combined(weights),
            facets,
        }
    }

    /// Jobs related to `job`: those its guide links explicitly and those
    /// sharing skills, tools or tags, best first. A job without a guide
    /// has only its explicit links to go by.
    pub fn related<'g>(
        &'g self,
        job: NodeRef<'g>,
        weights: &SimilarityWeights,
        limit: usize,
    ) -> Vec<Related<'g>> {
        let analytics = self.analytics();
        let Some(profile) = analytics.profile(job) else {
            return Vec::new();
        };
        let mut candidates: HashSet<NodeIndex> = profile.explicit.clone();
        for (item, _) in profile.requirements() {
            if let Some(list) = analytics.postings.get(item) {
                candidates.extend(list.iter().map(|(other, _)| *other));
            }
        }
        candidates.remove(&job.index);
        // Score every candidate by its facets, keep the best, and only then
        // work out the shared skills and tools that explain each score.
        let mut scored: Vec<(NodeIndex, Facets, f64)> = candidates
            .into_iter()
            .filter_map(|other| {
                let other_profile = analytics.profiles.get(&other)?;
                let facets = facets(job.index, profile, other, other_profile);
                let score = facets.combined(weights);
                (score > 0.0 || facets.explicit > 0.0).then_some((other, facets, score))
            })
            .collect();
        scored.sort_by(|a, b| {
            b.2.total_cmp(&a.2)
                .then_with(|| (b.1.explicit > 0.0).cmp(&(a.1.explicit > 0.0)))
                .then_with(|| self.graph[a.0].id.cmp(&self.graph[b.0].id))
        });
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(other, facets, score)| {
                let overlap = self.overlap(job, self.handle(other), weights);
                Related {
                    job: self.handle(other),
                    score,
                    facets,
                    shared_skills: overlap.shared_skills,
                    shared_tools: overlap.shared_tools,
                    explicit: facets.explicit > 0.0,
                }
            })
            .collect()
    }

    /// The job's ladder in order and the jobs it leads to.
    pub fn career_path<'g>(&'g self, job: NodeRef<'g>) -> CareerPath<'g> {
        let stages: Vec<NodeRef<'g>> = job
            .outgoing(EdgeKind::HasStage)
            .into_iter()
            .map(|l| l.node)
            .collect();
        let mut next_jobs: Vec<NodeRef<'g>> = Vec::new();
        let leads = stages
            .iter()
            .flat_map(|stage| stage.outgoing(EdgeKind::LeadsTo));
        for link in leads.chain(job.outgoing(EdgeKind::RelatedTo)) {
            if link.node != job && !next_jobs.contains(&link.node) {
                next_jobs.push(link.node);
            }
        }
        CareerPath {
            job,
            stages,
            next_jobs,
        }
    }

    /// Jobs one step from `job`, with the step's reason and cost.
    fn steps_from(&self, job: NodeIndex) -> Vec<(NodeIndex, StepReason, f64)> {
        let node = self.handle(job);
        let mut steps: Vec<(NodeIndex, StepReason, f64)> = Vec::new();
        for link in node
            .outgoing(EdgeKind::RelatedTo)
            .into_iter()
            .chain(node.incoming(EdgeKind::RelatedTo))
        {
            steps.push((link.node.index, StepReason::Explicit, EXPLICIT_STEP_COST));
        }
        for stage in node.outgoing(EdgeKind::HasStage) {
            for link in stage.node.outgoing(EdgeKind::LeadsTo) {
                steps.push((link.node.index, StepReason::LeadsTo, EXPLICIT_STEP_COST));
            }
        }
        let weights = SimilarityWeights::default();
        for related in self.related(node, &weights, SIMILAR_NEIGHBOURS) {
            if related.score >= MIN_STEP_SIMILARITY {
                steps.push((
                    related.job.index,
                    StepReason::Similar,
                    similarity_step_cost(related.score),
                ));
            }
        }
        steps
    }

    /// The cheapest path of jobs from `from` to `to` (Dijkstra over explicit
    /// links, career stages and similarity), what `to` needs that `from`
    /// lacks, and the target guide's learning steps.
    pub fn transition<'g>(&'g self, from: NodeRef<'g>, to: NodeRef<'g>) -> Transition<'g> {
        let (path, total_cost) = match self.cheapest_path(from.index, to.index) {
            Some((path, cost)) => (path, Some(cost)),
            None => (Vec::new(), None),
        };
        let analytics = self.analytics();
        let empty = Profile::default();
        let pf = analytics.profile(from).unwrap_or(&empty);
        let pt = analytics.profile(to).unwrap_or(&empty);
        let known: HashSet<NodeIndex> = pf.requirements().map(|(k, _)| *k).collect();
        let lacking = |items: &HashMap<NodeIndex, f64>| -> Vec<(NodeIndex, f64)> {
            items
                .iter()
                .filter(|(k, _)| !known.contains(k))
                .map(|(k, w)| (*k, *w))
                .collect()
        };
        let to_skills: HashMap<NodeIndex, f64> = pt.skills().map(|(k, w)| (*k, *w)).collect();
        Transition {
            from,
            to,
            path,
            total_cost,
            skills_to_learn: self.by_weight_then_label(lacking(&to_skills)),
            tools_to_learn: self.by_weight_then_label(lacking(&pt.tools)),
            learning_plan: self.learning_plan(to, &to_skills),
        }
    }

    /// The cheapest path found by Dijkstra, `from` first, with its cost.
    fn cheapest_path(&self, from: NodeIndex, to: NodeIndex) -> Option<(Vec<PathStep<'_>>, f64)> {
        #[derive(PartialEq)]
        struct Entry(f64, NodeIndex);
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
        let mut best: HashMap<NodeIndex, (f64, Option<Step>)> = HashMap::new();
        best.insert(from, (0.0, None));
        let mut heap = BinaryHeap::from([Entry(0.0, from)]);
        while let Some(Entry(cost, job)) = heap.pop() {
            if job == to {
                break;
            }
            if best.get(&job).is_some_and(|(known, _)| cost > *known) {
                continue;
            }
            for (next, reason, step) in self.steps_from(job) {
                let candidate = cost + step;
                if best.get(&next).is_none_or(|(known, _)| candidate < *known) {
                    best.insert(next, (candidate, Some((job, reason, step))));
                    heap.push(Entry(candidate, next));
                }
            }
        }
        let (total, _) = *best.get(&to)?;
        let mut path = Vec::new();
        let mut current = to;
        while let Some((_, Some((previous, reason, step)))) = best.get(&current) {
            path.push(PathStep {
                job: self.handle(current),
                reason: Some(*reason),
                cost: *step,
            });
            current = *previous;
        }
        path.push(PathStep {
            job: self.handle(from),
            reason: None,
            cost: 0.0,
        });
        path.reverse();
        Some((path, total))
    }

    /// The target guide's learning steps, each with the skills and tools
    /// its text names.
    fn learning_plan<'g>(
        &'g self,
        to: NodeRef<'g>,
        skills: &HashMap<NodeIndex, f64>,
    ) -> Vec<PlanStep<'g>> {
        let Some(guide) = to.guide() else {
            return Vec::new();
        };
        let resources = to.outgoing(EdgeKind::LearnWith);
        guide
            .learning_steps
            .iter()
            .map(|step| {
                let text = normalize::key(&format!("{}\n{}", step.title, step.text));
                let mut named_skills: Vec<NodeRef<'g>> = skills
                    .keys()
                    .map(|index| self.handle(*index))
                    .filter(|skill| {
                        skill_spellings(*skill)
                            .iter()
                            .any(|name| text.contains(name.as_str()))
                    })
                    .collect();
                named_skills.sort_by_key(|skill| skill.label());
                let mut tools: Vec<NodeRef<'g>> = Vec::new();
                for tool_key in self
                    .tool_matcher
                    .find(&format!("{}\n{}", step.title, step.text))
                {
                    if let Some(tool) = self.tool(&tool_key)
                        && !tools.contains(&tool)
                    {
                        tools.push(tool);
                    }
                }
                let step_resources = resources
                    .iter()
                    .filter(|link| link.edge.order == u32::try_from(step.order).ok())
                    .map(|link| link.node)
                    .collect();
                PlanStep {
                    step,
                    resources: step_resources,
                    skills: named_skills,
                    tools,
                }
            })
            .collect()
    }

    /// Jobs that fit someone who knows `names` (skills or tools, any
    /// spelling), by weighted coverage of each job's skills and tools.
    pub fn recommend<'g>(&'g self, names: &[String], limit: usize) -> Recommendations<'g> {
        let analytics = self.analytics();
        let mut known: HashSet<NodeIndex> = HashSet::new();
        let mut unknown = Vec::new();
        for name in names {
            match self.skill(name).or_else(|| self.tool(name)) {
                Some(node) => {
                    known.insert(node.index);
                    for part in node.outgoing(EdgeKind::ComposedOf) {
                        known.insert(part.node.index);
                    }
                }
                None => unknown.push(name.clone()),
            }
        }
        // Knowing every part of a compound skill is knowing the compound.
        for (compound, parts) in &analytics.compounds {
            if parts.iter().all(|part| known.contains(part)) {
                known.insert(*compound);
            }
        }
        let mut matched_weight: HashMap<NodeIndex, f64> = HashMap::new();
        for item in &known {
            for (job, weight) in analytics.postings.get(item).map_or(&[][..], Vec::as_slice) {
                *matched_weight.entry(*job).or_default() += weight;
            }
        }
        let mut scored: Vec<(NodeIndex, f64)> = matched_weight
            .into_iter()
            .filter_map(|(job, weight)| {
                let total = analytics.profiles.get(&job)?.total_weight;
                (total > 0.0).then(|| (job, (weight / total).clamp(0.0, 1.0)))
            })
            .collect();
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.graph[a.0].id.cmp(&self.graph[b.0].id))
        });
        scored.truncate(limit);
        let jobs = scored
            .into_iter()
            .map(|(job, score)| {
                let profile = &analytics.profiles[&job];
                let (matched, missing): (Vec<Weighted>, Vec<Weighted>) = profile
                    .requirements()
                    .map(|(k, w)| (*k, *w))
                    .partition(|(k, _)| known.contains(k));
                Recommendation {
                    job: self.handle(job),
                    score,
                    matched: self.by_weight_then_label(matched),
                    missing: self.by_weight_then_label(missing),
                }
            })
            .collect();
        Recommendations { jobs, unknown }
    }
}

/// The keys a skill's name can appear under in text: the name, its part
/// outside parentheses, its acronym and its aliases.
fn skill_spellings(skill: NodeRef<'_>) -> Vec<String> {
    let mut names = vec![skill.label().to_owned()];
    names.extend(skill.node().aliases().iter().cloned());
    let mut keys: Vec<String> = Vec::new();
    for name in names {
        let (bare, _) = crate::guide::name_and_parenthesised(&name);
        keys.push(key(&name));
        keys.push(key(&bare));
        if let Some(acronym) = normalize::acronym(&name) {
            keys.push(acronym);
        }
    }
    keys.retain(|k| k.chars().count() >= 2);
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::{LoadOptions, load_dir};
    use std::path::Path;

    fn seeds() -> SkillGraph {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        SkillGraph::build(load_dir(&dir, &LoadOptions::default()).expect("seeds load"))
    }

    fn labels(nodes: &[NodeRef<'_>]) -> Vec<String> {
        nodes.iter().map(|n| n.label().to_owned()).collect()
    }

    fn overlap_of_the_seeds(graph: &SkillGraph) -> Overlap<'_> {
        let a = graph.job("platform_engineer").expect("platform engineer");
        let b = graph
            .job("cloud_native_engineer")
            .expect("cloud native engineer");
        graph.overlap(a, b, &SimilarityWeights::default())
    }

    #[test]
    fn the_two_seeds_share_the_tools_of_both_tools_tables() {
        let graph = seeds();
        let shared = labels(&overlap_of_the_seeds(&graph).shared_tools);
        for tool in [
            "Jenkins",
            "GitHub Actions",
            "GitLab CI",
            "ArgoCD",
            "Prometheus",
            "Grafana",
            "Datadog",
            "Terraform",
            "Ansible",
            "Istio",
            "Linkerd",
            "Git",
            "GitHub",
            "GitLab",
            "Bitbucket",
            "Loki",
            "ELK Stack",
        ] {
            assert!(
                shared.contains(&tool.to_owned()),
                "{tool} missing from {shared:?}"
            );
        }
    }

    #[test]
    fn the_two_seeds_share_the_tools_both_name_in_their_skill_texts() {
        let graph = seeds();
        let shared = labels(&overlap_of_the_seeds(&graph).shared_tools);
        for tool in [
            "AWS",
            "GCP",
            "Azure",
            "Docker",
            "Kubernetes",
            "Python",
            "Go",
            "PostgreSQL",
            "MySQL",
        ] {
            assert!(
                shared.contains(&tool.to_owned()),
                "{tool} missing from {shared:?}"
            );
        }
    }

    #[test]
    fn the_two_seeds_share_skills_including_the_container_parts() {
        let graph = seeds();
        let overlap = overlap_of_the_seeds(&graph);
        let shared = labels(&overlap.shared_skills);
        for skill in [
            "クラウドコンピューティング",
            "プログラミング言語",
            "IaC (Infrastructure as Code)",
            "ネットワークとセキュリティ",
            "データベース",
            "コンテナ技術",
            "オーケストレーション",
        ] {
            assert!(
                shared.contains(&skill.to_owned()),
                "{skill} missing from {shared:?}"
            );
        }
        let only_a = labels(&overlap.only_a_skills);
        assert!(only_a.contains(&"コンテナ技術とオーケストレーション".to_owned()));
        assert!(!only_a.contains(&"コンテナ技術".to_owned()));
    }

    #[test]
    fn overlap_scores_are_fractions_and_the_facets_explain_them() {
        let graph = seeds();
        let overlap = overlap_of_the_seeds(&graph);
        assert!(
            overlap.jaccard > 0.3 && overlap.jaccard < 1.0,
            "{}",
            overlap.jaccard
        );
        assert!(
            overlap.similarity > 0.3 && overlap.similarity < 1.0,
            "{}",
            overlap.similarity
        );
        assert!(overlap.facets.hard_skills > overlap.facets.soft_skills);
        assert_eq!(overlap.facets.explicit, 0.0);
        let weights = SimilarityWeights {
            hard_skills: 0.0,
            soft_skills: 0.0,
            tools: 1.0,
            tags: 0.0,
            explicit: 0.0,
        };
        let a = graph.job("platform_engineer").expect("job");
        let b = graph.job("cloud_native_engineer").expect("job");
        let tools_only = graph.overlap(a, b, &weights);
        assert!((tools_only.similarity - overlap.facets.tools).abs() < 1e-9);
    }

    #[test]
    fn a_tool_every_job_uses_weighs_less_than_a_rare_one() {
        let graph = seeds();
        let analytics = graph.analytics();
        let job = graph.job("platform_engineer").expect("job");
        let profile = analytics.profile(job).expect("profile");
        let (git, splunk) = (
            graph.tool("Git").expect("git"),
            graph.tool("Splunk").expect("splunk"),
        );
        // Both are listed once in the tools table with no other mention.
        assert!(profile.tools[&git.index] < profile.tools[&splunk.index]);
    }

    #[test]
    fn related_jobs_mix_similar_and_explicit_and_stubs_rank_by_links_only() {
        let graph = seeds();
        let job = graph.job("platform_engineer").expect("job");
        let related = graph.related(job, &SimilarityWeights::default(), 10);
        assert_eq!(related[0].job.id(), "job:cloud_native_engineer");
        assert!(!related[0].explicit);
        assert!(!related[0].shared_tools.is_empty());
        let ids: Vec<&str> = related.iter().map(|r| r.job.id()).collect();
        for stub in [
            "job:sre_engineer",
            "job:devops_engineer",
            "job:cloud_architect",
        ] {
            assert!(ids.contains(&stub), "{stub} missing from {ids:?}");
        }
        let stub = related
            .iter()
            .find(|r| r.job.id() == "job:cloud_architect")
            .expect("stub");
        assert!(stub.explicit);
        assert_eq!(stub.facets.tools, 0.0);
        assert!(
            (stub.score - 0.1).abs() < 1e-9,
            "explicit weight share, got {}",
            stub.score
        );
        let from_stub = graph.related(
            graph.job("sre_engineer").expect("stub"),
            &SimilarityWeights::default(),
            10,
        );
        assert!(from_stub.iter().all(|r| r.explicit));
        assert_eq!(from_stub.len(), 2);
    }

    #[test]
    fn the_cloud_native_ladder_leads_to_cloud_architect() {
        let graph = seeds();
        let path = graph.career_path(graph.job("cloud_native_engineer").expect("job"));
        assert_eq!(path.stages.len(), 5);
        assert_eq!(path.stages[4].label(), "クラウドアーキテクト");
        assert_eq!(path.next_jobs[0].id(), "job:cloud_architect");
        assert!(
            path.next_jobs
                .iter()
                .any(|j| j.id() == "job:devops_engineer")
        );
    }

    #[test]
    fn a_transition_between_similar_jobs_is_one_step_and_lists_what_to_learn() {
        let graph = seeds();
        let from = graph.job("platform_engineer").expect("job");
        let to = graph.job("cloud_native_engineer").expect("job");
        let transition = graph.transition(from, to);
        let path: Vec<&str> = transition.path.iter().map(|s| s.job.id()).collect();
        assert_eq!(
            path,
            vec!["job:platform_engineer", "job:cloud_native_engineer"]
        );
        assert_eq!(transition.path[1].reason, Some(StepReason::Similar));
        let skills = labels(&transition.skills_to_learn);
        assert!(skills.contains(&"問題解決能力".to_owned()));
        assert!(!skills.contains(&"クラウドコンピューティング".to_owned()));
        let tools = labels(&transition.tools_to_learn);
        assert!(tools.contains(&"CloudFormation".to_owned()));
        assert!(!tools.contains(&"Terraform".to_owned()));
        let orders: Vec<usize> = transition
            .learning_plan
            .iter()
            .map(|p| p.step.order)
            .collect();
        assert_eq!(orders, (1..=7).collect::<Vec<_>>());
        let containers = &transition.learning_plan[2];
        assert!(labels(&containers.skills).contains(&"コンテナ技術".to_owned()));
        assert!(labels(&containers.tools).contains(&"Kubernetes".to_owned()));
        assert!(!containers.resources.is_empty());
    }

    #[test]
    fn explicit_links_are_cheaper_than_similarity_steps() {
        assert!(similarity_step_cost(1.0) > EXPLICIT_STEP_COST);
        let graph = seeds();
        let from = graph.job("platform_engineer").expect("job");
        let to = graph.job("sre_engineer").expect("job");
        let transition = graph.transition(from, to);
        assert_eq!(transition.path.len(), 2);
        assert_eq!(transition.path[1].reason, Some(StepReason::Explicit));
        assert_eq!(transition.total_cost, Some(EXPLICIT_STEP_COST));
    }

    #[test]
    fn recommendations_cover_known_names_and_report_unknown_ones() {
        let graph = seeds();
        let names = ["Kubernetes", "terraform", "COBOL"].map(str::to_owned);
        let result = graph.recommend(&names, 5);
        assert_eq!(result.unknown, vec!["COBOL"]);
        assert_eq!(result.jobs.len(), 2);
        for job in &result.jobs {
            let matched = labels(&job.matched);
            assert!(
                matched.contains(&"Kubernetes".to_owned())
                    && matched.contains(&"Terraform".to_owned())
            );
            assert!(job.score > 0.0 && job.score < 1.0);
            assert!(!labels(&job.missing).contains(&"Terraform".to_owned()));
        }
        assert!(result.jobs[0].score >= result.jobs[1].score);
    }

    #[test]
    fn knowing_a_compound_skill_counts_its_parts() {
        let graph = seeds();
        let result = graph.recommend(&["コンテナ技術とオーケストレーション".to_owned()], 5);
        let cloud_native = result
            .jobs
            .iter()
            .find(|r| r.job.id() == "job:cloud_native_engineer")
            .expect("cloud native engineer is recommended through the parts");
        assert!(labels(&cloud_native.matched).contains(&"コンテナ技術".to_owned()));
    }
}
