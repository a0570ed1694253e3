//! Answer types of the analytics queries: overlaps, related jobs, career
//! paths, transitions, recommendations, search hits and drawable views.

use super::MAX_REASONS;
use super::graph_of;
use super::{CareerStage, Job, NodeInterface, NodeKind, Resource, Skill, Tool};
use crate::api::arguments::MAX_NAMES;
use crate::api::cost;
use crate::graph::ListBound;
use crate::graph::analytics as graph_analytics;
use crate::graph::export::GraphView as ExportView;
use crate::graph::export::{MAX_VIEW_EDGES, MAX_VIEW_NODES};
use crate::graph::{self, EdgeKind as GraphEdgeKind, NodeRef};
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use std::sync::Arc;

/// Skills and tools, each list heaviest first.
pub struct SkillsAndTools<'g> {
    pub skills: Vec<NodeRef<'g>>,
    pub tools: Vec<NodeRef<'g>>,
}

/// Skills and tools, each list heaviest (rarest and most emphasised) first.
#[Object]
impl<'g> SkillsAndTools<'g> {
    /// Skills, compound skills' parts included.
    #[graphql(
        complexity = "cost::times(cost::skills_of_a_job().max(cost::measured(ListBound::PostingMentions)), child_complexity)"
    )]
    async fn skills(&self) -> Vec<Skill<'g>> {
        self.skills.iter().copied().map(Skill).collect()
    }

    /// Tools.
    #[graphql(
        complexity = "cost::longest_of(&[ListBound::Outgoing(graph::EdgeKind::Uses), ListBound::PostingMentions], child_complexity)"
    )]
    async fn tools(&self) -> Vec<Tool<'g>> {
        self.tools.iter().copied().map(Tool).collect()
    }
}

/// Per-facet similarity of two jobs, each in 0..1.
#[derive(SimpleObject)]
pub struct Facets {
    /// Cosine of the hard skills, each weighing its IDF
    /// `ln((1 + N) / (1 + df)) + 1` over the N jobs with guides.
    hard_skills: f64,
    /// Cosine of the soft skills, IDF-weighted likewise.
    soft_skills: f64,
    /// Cosine of the tools, each weighing `USES weight × IDF`.
    tools: f64,
    /// Jaccard index of the front-matter tags.
    tags: f64,
    /// 1 when either guide lists the other in `related_jobs`, else 0.
    explicit: f64,
}

impl From<graph_analytics::Facets> for Facets {
    fn from(f: graph_analytics::Facets) -> Self {
        Self {
            hard_skills: f.hard_skills,
            soft_skills: f.soft_skills,
            tools: f.tools,
            tags: f.tags,
            explicit: f.explicit,
        }
    }
}

/// How much each facet counts in `similarity` and related-job scores; the
/// score is the weighted mean of the facets. A weight left out takes its
/// default, which `Query.similarityWeights` reports.
#[derive(InputObject, Clone, Copy)]
pub struct SimilarityWeights {
    /// Weight of the hard-skill facet.
    #[graphql(default_with = "default_weights().hard_skills")]
    pub hard_skills: f64,
    /// Weight of the soft-skill facet.
    #[graphql(default_with = "default_weights().soft_skills")]
    pub soft_skills: f64,
    /// Weight of the tool facet.
    #[graphql(default_with = "default_weights().tools")]
    pub tools: f64,
    /// Weight of the tag facet.
    #[graphql(default_with = "default_weights().tags")]
    pub tags: f64,
    /// Weight of explicit `related_jobs` links.
    #[graphql(default_with = "default_weights().explicit")]
    pub explicit: f64,
}

/// The graph's default weights: the one place they are written down.
fn default_weights() -> graph_analytics::SimilarityWeights {
    graph_analytics::SimilarityWeights::default()
}

impl From<SimilarityWeights> for graph_analytics::SimilarityWeights {
    fn from(w: SimilarityWeights) -> Self {
        Self {
            hard_skills: w.hard_skills,
            soft_skills: w.soft_skills,
            tools: w.tools,
            tags: w.tags,
            explicit: w.explicit,
        }
    }
}

impl SimilarityWeights {
    /// The graph's weights for an optional argument: the defaults when it
    /// is left out, a `BAD_USER_INPUT` error when they cannot be used.
    pub(crate) fn checked(
        weights: Option<Self>,
    ) -> async_graphql::Result<graph_analytics::SimilarityWeights> {
        use async_graphql::ErrorExtensions;
        let weights = weights.map(Into::into).unwrap_or_default();
        graph_analytics::SimilarityWeights::validate(&weights).map_err(|reason| {
            crate::api::error::ApiError::BadArgument {
                argument: "weights",
                reason,
            }
            .extend()
        })?;
        Ok(weights)
    }
}

/// Two skills that are one ability in different words.
pub struct AbilityPair<'g>(graph_analytics::AbilityPair<'g>);

impl<'g> AbilityPair<'g> {
    /// Each of `pairs`, wrapped for GraphQL.
    fn all(pairs: &[graph_analytics::AbilityPair<'g>]) -> Vec<Self> {
        pairs.iter().copied().map(Self).collect()
    }
}

/// Two skills that are one ability in different words: a skill of the
/// first job, one of the second, and the concept both names mean or
/// contain.
#[Object]
impl<'g> AbilityPair<'g> {
    /// The skill of the first job.
    async fn a(&self) -> Skill<'g> {
        Skill(self.0.a)
    }

    /// The skill of the second job.
    async fn b(&self) -> Skill<'g> {
        Skill(self.0.b)
    }

    /// The concept both skills' names mean or contain.
    async fn concept(&self) -> super::Concept<'g> {
        super::Concept(self.0.concept)
    }
}

/// How much each kind of evidence counts when a text is read against the
/// roles; they sum to 1.
#[derive(SimpleObject)]
pub struct TextWeights {
    /// The skills and tools the text names or implies, against the role's.
    items: f64,
    /// The concepts the text writes, against those the role's guide uses.
    concepts: f64,
    /// Whether the text names the role.
    title: f64,
}

impl TextWeights {
    /// The weights every text is read with.
    pub fn used() -> Self {
        let w = graph_analytics::TEXT_WEIGHTS;
        Self {
            items: w.items,
            concepts: w.concepts,
            title: w.title,
        }
    }
}

/// Why a role fits a text read: each kind of evidence scored, the role's
/// concepts the text writes (in the role's own words), and whether the
/// text names the role.
pub struct TextEvidence<'g> {
    job: NodeRef<'g>,
    evidence: graph_analytics::TextEvidence<'g>,
}

/// Why a role fits a text read: each kind of evidence scored, the role's
/// concepts the text writes (in the role's own words), and whether the
/// text names the role.
#[Object]
impl<'g> TextEvidence<'g> {
    /// The skills and tools the text names or implies against the role's,
    /// as a cosine, 0 to 1.
    async fn items(&self) -> f64 {
        self.evidence.facets.items
    }

    /// The concepts the text writes against the role's, each weighing its
    /// specificity, as a cosine, 0 to 1.
    async fn concepts(&self) -> f64 {
        self.evidence.facets.concepts
    }

    /// 1 when the text names the role most, 0.5 when it names it among
    /// others, 0 when it does not name it.
    async fn title(&self) -> f64 {
        self.evidence.facets.title
    }

    /// Whether the text names the role.
    async fn named(&self) -> bool {
        self.evidence.named
    }

    /// The role's concepts the text writes, the most telling for the role
    /// first (the first 10), each as the role's guide writes it.
    #[graphql(
        complexity = "cost::capped(MAX_REASONS, ListBound::Outgoing(GraphEdgeKind::Involves), child_complexity)"
    )]
    async fn shared_concepts(&self) -> Vec<ConceptInWords<'g>> {
        self.evidence
            .concepts
            .iter()
            .take(MAX_REASONS)
            .map(|concept| ConceptInWords {
                concept: *concept,
                job: self.job,
            })
            .collect()
    }
}

/// A concept as one role's guide writes it.
pub struct ConceptInWords<'g> {
    concept: NodeRef<'g>,
    job: NodeRef<'g>,
}

/// A concept as one role's guide writes it.
#[Object]
impl<'g> ConceptInWords<'g> {
    /// The concept.
    async fn concept(&self) -> super::Concept<'g> {
        super::Concept(self.concept)
    }

    /// The concept as the role's guide writes it (its name when the guide
    /// cannot be read for it).
    async fn written(&self) -> String {
        self.job
            .graph()
            .written_by(self.job, self.concept)
            .unwrap_or_else(|| self.concept.label().to_owned())
    }
}

/// The weight each facet has when a query gives none, so a page can show
/// how `similarity` was computed without keeping its own copy.
#[derive(SimpleObject)]
pub struct FacetWeights {
    /// Weight of the hard-skill facet.
    hard_skills: f64,
    /// Weight of the soft-skill facet.
    soft_skills: f64,
    /// Weight of the tool facet.
    tools: f64,
    /// Weight of the tag facet.
    tags: f64,
    /// Weight of explicit `related_jobs` links.
    explicit: f64,
}

impl FacetWeights {
    /// The defaults `similarity` and `relatedJobs` use.
    pub fn defaults() -> Self {
        let w = default_weights();
        Self {
            hard_skills: w.hard_skills,
            soft_skills: w.soft_skills,
            tools: w.tools,
            tags: w.tags,
            explicit: w.explicit,
        }
    }
}

/// What two jobs share and what each has alone.
pub struct SkillOverlap<'g>(pub graph_analytics::Overlap<'g>);

/// What two jobs share and what each has alone, with scores that say how alike they are.
#[Object]
impl<'g> SkillOverlap<'g> {
    /// A stable id for this answer: the same two jobs, scored alike, on
    /// the same corpus give the same id (a cache key, not a node id).
    async fn id(&self) -> ID {
        let overlap = &self.0;
        let similarity = overlap.similarity.to_bits().to_le_bytes();
        let parts: [&[u8]; 3] = [
            overlap.a.id().as_bytes(),
            overlap.b.id().as_bytes(),
            &similarity,
        ];
        super::answer_id("SkillOverlap", overlap.a.graph(), &parts)
    }

    /// The first job.
    async fn a(&self) -> Job<'g> {
        Job(self.0.a)
    }

    /// The second job.
    async fn b(&self) -> Job<'g> {
        Job(self.0.b)
    }

    /// Skills both jobs need (compound skills count through their parts),
    /// heaviest first.
    #[graphql(complexity = "cost::times(cost::skills_of_a_job(), child_complexity)")]
    async fn shared_skills(&self) -> Vec<Skill<'g>> {
        self.0.shared_skills.iter().copied().map(Skill).collect()
    }

    /// Tools both jobs use, heaviest first.
    #[graphql(
        complexity = "cost::list(ListBound::Outgoing(graph::EdgeKind::Uses), child_complexity)"
    )]
    async fn shared_tools(&self) -> Vec<Tool<'g>> {
        self.0.shared_tools.iter().copied().map(Tool).collect()
    }

    /// Skills each job has alone that are one ability in different words
    /// (`オブザーバビリティ` and `Observability design`), each with the
    /// concept that joins them; `jaccard` counts each pair as shared.
    #[graphql(complexity = "cost::times(cost::skills_of_a_job(), child_complexity)")]
    async fn shared_abilities(&self) -> Vec<AbilityPair<'g>> {
        AbilityPair::all(&self.0.shared_abilities)
    }

    /// What only the first job needs.
    async fn only_a(&self) -> SkillsAndTools<'g> {
        SkillsAndTools {
            skills: self.0.only_a_skills.clone(),
            tools: self.0.only_a_tools.clone(),
        }
    }

    /// What only the second job needs.
    async fn only_b(&self) -> SkillsAndTools<'g> {
        SkillsAndTools {
            skills: self.0.only_b_skills.clone(),
            tools: self.0.only_b_tools.clone(),
        }
    }

    /// Shared skills, abilities and tools over all skills and tools of
    /// either job; a pair of skills in `sharedAbilities` counts once.
    async fn jaccard(&self) -> f64 {
        self.0.jaccard
    }

    /// Weighted similarity in 0..1: the weighted mean of `facets`, where
    /// hard and soft skills are IDF-weighted cosines (a skill or tool every
    /// job has counts less than a rare one), tools a cosine of
    /// `USES weight × IDF`, tags a Jaccard index, and explicit 1 when
    /// either guide lists the other.
    async fn similarity(&self) -> f64 {
        self.0.similarity
    }

    /// The facets `similarity` is made of.
    async fn facets(&self) -> Facets {
        self.0.facets.into()
    }
}

/// A job related to another, with the reasons.
pub struct RelatedJob<'g>(pub graph_analytics::Related<'g>);

/// A job related to another, with the facets, shared skills and tools that explain its score.
#[Object]
impl<'g> RelatedJob<'g> {
    /// The related job.
    async fn job(&self) -> Job<'g> {
        Job(self.0.job)
    }

    /// The weighted mean of the facets, 0..1.
    async fn score(&self) -> f64 {
        self.0.score
    }

    /// Per-facet similarity.
    async fn facets(&self) -> Facets {
        self.0.facets.into()
    }

    /// The skills and tools the two jobs share.
    async fn shared(&self) -> SkillsAndTools<'g> {
        SkillsAndTools {
            skills: self.0.shared_skills.clone(),
            tools: self.0.shared_tools.clone(),
        }
    }

    /// Skills of the two jobs that are one ability in other words, each
    /// with the concept that joins them (`a` is the asked job's skill).
    #[graphql(complexity = "cost::times(cost::skills_of_a_job(), child_complexity)")]
    async fn shared_abilities(&self) -> Vec<AbilityPair<'g>> {
        AbilityPair::all(&self.0.shared_abilities)
    }

    /// Whether either guide lists the other in `related_jobs`.
    async fn explicit(&self) -> bool {
        self.0.explicit
    }
}

/// A job's career ladder and where it leads.
pub struct CareerPath<'g>(pub graph_analytics::CareerPath<'g>);

/// A job's career ladder and the jobs it leads to.
#[Object]
impl<'g> CareerPath<'g> {
    /// A stable id for this answer: the same job on the same corpus gives
    /// the same id (a cache key, not a node id).
    async fn id(&self) -> ID {
        super::answer_id(
            "CareerPath",
            self.0.job.graph(),
            &[self.0.job.id().as_bytes()],
        )
    }

    /// The job.
    async fn job(&self) -> Job<'g> {
        Job(self.0.job)
    }

    /// The rungs, from the first up, each linked to the next.
    #[graphql(
        complexity = "cost::list(ListBound::Outgoing(graph::EdgeKind::HasStage), child_complexity)"
    )]
    async fn stages(&self) -> Vec<CareerStage<'g>> {
        self.0.stages.iter().copied().map(CareerStage).collect()
    }

    /// Jobs its stages are named after (`LEADS_TO`), then its `related_jobs`.
    #[graphql(
        complexity = "cost::times(cost::measured(ListBound::Outgoing(graph::EdgeKind::HasStage)) * cost::measured(ListBound::Outgoing(graph::EdgeKind::LeadsTo)) + cost::measured(ListBound::Outgoing(graph::EdgeKind::RelatedTo)), child_complexity)"
    )]
    async fn next_jobs(&self) -> Vec<Job<'g>> {
        self.0.next_jobs.iter().copied().map(Job).collect()
    }
}

/// Why a transition step is possible.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "graph_analytics::StepReason")]
pub enum StepReason {
    /// `related_jobs` links the two jobs (cost 1).
    Explicit,
    /// A career stage of the first job is named after the second (cost 1).
    LeadsTo,
    /// The two guides are similar (cost `1.25 + 1.5 × (1 − similarity)`).
    Similar,
}

/// One step of a transition path.
#[derive(SimpleObject)]
pub struct TransitionStep<'g> {
    /// The job reached.
    job: Job<'g>,
    /// Why the step is possible; null for the starting job.
    reason: Option<StepReason>,
    /// The step's cost; 0 for the starting job.
    cost: f64,
}

/// A learning step of the target guide with what it teaches.
pub struct PlanStep<'g>(graph_analytics::PlanStep<'g>);

/// A learning step of the target guide, linked to the resources it names and the skills and tools its text teaches.
#[Object]
impl<'g> PlanStep<'g> {
    /// Position in the guide, from 1.
    async fn order(&self) -> usize {
        self.0.step.order
    }

    /// The step's heading.
    async fn title(&self) -> &str {
        &self.0.step.title
    }

    /// What the step is for.
    async fn goal(&self) -> &str {
        &self.0.step.goal
    }

    /// Books, courses and certifications of the step.
    #[graphql(complexity = "cost::list(ListBound::GuideRows, child_complexity)")]
    async fn resources(&self) -> Vec<Resource<'g>> {
        self.0.resources.iter().copied().map(Resource).collect()
    }

    /// Skills of the target job the step's text names.
    #[graphql(complexity = "cost::times(cost::skills_of_a_job(), child_complexity)")]
    async fn skills(&self) -> Vec<Skill<'g>> {
        self.0.skills.iter().copied().map(Skill).collect()
    }

    /// Tools the step's text names.
    #[graphql(
        complexity = "cost::list(ListBound::Outgoing(graph::EdgeKind::Uses), child_complexity)"
    )]
    async fn tools(&self) -> Vec<Tool<'g>> {
        self.0.tools.iter().copied().map(Tool).collect()
    }
}

/// How to move from one job to another.
pub struct Transition<'g>(pub graph_analytics::Transition<'g>);

/// How to move from one job to another: the cheapest path of jobs, what to learn, and the target guide's learning plan.
#[Object]
impl<'g> Transition<'g> {
    /// A stable id for this answer: the same two jobs on the same corpus
    /// give the same id (a cache key, not a node id).
    async fn id(&self) -> ID {
        let parts: [&[u8]; 2] = [self.0.from.id().as_bytes(), self.0.to.id().as_bytes()];
        super::answer_id("Transition", self.0.from.graph(), &parts)
    }

    /// Where the move starts.
    async fn from(&self) -> Job<'g> {
        Job(self.0.from)
    }

    /// Where the move ends.
    async fn to(&self) -> Job<'g> {
        Job(self.0.to)
    }

    /// The cheapest path of jobs, `from` first and `to` last, through at
    /// most 12 jobs; empty when there is no such path. A step costs 1 along an explicit link (`related_jobs`
    /// either way, or a career stage named after the next job) and
    /// `1.25 + 1.5 × (1 − similarity)` between similar jobs (similarity of
    /// at least 0.15, among each job's 10 most similar).
    #[graphql(
        complexity = "cost::capped(graph_analytics::MAX_PATH_JOBS, ListBound::Nodes(graph::NodeKind::Job), child_complexity)"
    )]
    async fn path(&self) -> Vec<Job<'g>> {
        self.0.path.iter().map(|step| Job(step.job)).collect()
    }

    /// The path's steps with why each is possible and its cost.
    #[graphql(
        complexity = "cost::capped(graph_analytics::MAX_PATH_JOBS, ListBound::Nodes(graph::NodeKind::Job), child_complexity)"
    )]
    async fn steps(&self) -> Vec<TransitionStep<'g>> {
        self.0
            .path
            .iter()
            .map(|step| TransitionStep {
                job: Job(step.job),
                reason: step.reason.map(StepReason::from),
                cost: step.cost,
            })
            .collect()
    }

    /// The sum of the steps' costs; null when no path exists.
    async fn total_cost(&self) -> Option<f64> {
        self.0.total_cost
    }

    /// Skills `to` needs that `from` lacks, heaviest first, each once: a
    /// compound skill stands for its parts (see `Skill.parts`).
    #[graphql(complexity = "cost::times(cost::skills_of_a_job(), child_complexity)")]
    async fn skills_to_learn(&self) -> Vec<Skill<'g>> {
        self.0.skills_to_learn.iter().copied().map(Skill).collect()
    }

    /// Tools `to` uses that `from` does not, heaviest first.
    #[graphql(
        complexity = "cost::list(ListBound::Outgoing(graph::EdgeKind::Uses), child_complexity)"
    )]
    async fn tools_to_learn(&self) -> Vec<Tool<'g>> {
        self.0.tools_to_learn.iter().copied().map(Tool).collect()
    }

    /// The target guide's learning steps in order, each with its resources
    /// and the skills and tools its text names.
    #[graphql(complexity = "cost::list(ListBound::GuideRows, child_complexity)")]
    async fn learning_plan(&self) -> Vec<PlanStep<'g>> {
        self.0.learning_plan.iter().cloned().map(PlanStep).collect()
    }
}

/// A job recommended for what someone knows, with how the names given
/// were read (shared by every recommendation of one call).
pub struct JobRecommendation<'g>(
    pub graph_analytics::Recommendation<'g>,
    pub Arc<[crate::graph::resolve::Resolution<'g>]>,
);

/// A job recommended for a set of known skills and tools, with what matched and what is missing.
#[Object]
impl<'g> JobRecommendation<'g> {
    /// The job.
    async fn job(&self) -> Job<'g> {
        Job(self.0.job)
    }

    /// 0 to 1. For names alone, weighted coverage: the summed weight of
    /// the job's skills and tools the person knows over the summed weight
    /// of all of them (skills weigh their IDF, tools `USES weight × IDF`).
    /// When a text is read, the text scorer's: see `evidence` and
    /// `textWeights`.
    async fn score(&self) -> f64 {
        self.0.score
    }

    /// Why the job fits the text read; null when no text was given.
    async fn evidence(&self) -> Option<TextEvidence<'g>> {
        self.0.evidence.clone().map(|evidence| TextEvidence {
            job: self.0.job,
            evidence,
        })
    }

    /// The job's skills and tools the person knows.
    async fn matched(&self) -> SkillsAndTools<'g> {
        split(&self.0.matched)
    }

    /// The job's skills and tools the person lacks, heaviest first, each
    /// once: a compound skill stands for its parts (see `Skill.parts`).
    async fn missing(&self) -> SkillsAndTools<'g> {
        split(&self.0.missing)
    }

    /// What each name given was read as, in the order given (the same for
    /// every recommendation of one call).
    #[graphql(complexity = "cost::times(MAX_NAMES, child_complexity)")]
    async fn resolutions(&self) -> Vec<super::Resolution<'g>> {
        let names = self.1.iter().take(MAX_NAMES);
        names.cloned().map(super::Resolution).collect()
    }
}

pub(crate) fn split<'g>(nodes: &[NodeRef<'g>]) -> SkillsAndTools<'g> {
    let (skills, tools) = nodes
        .iter()
        .partition(|node| node.kind() == graph::NodeKind::Skill);
    SkillsAndTools { skills, tools }
}

/// A search result.
pub struct SearchHit<'g> {
    pub node: NodeRef<'g>,
    pub score: f32,
    pub snippet: String,
}

/// A node matching a full-text search, with its score and an excerpt.
#[Object]
impl<'g> SearchHit<'g> {
    /// The node found.
    async fn node(&self) -> NodeInterface<'g> {
        self.node.into()
    }

    /// Relevance (BM25 with the name boosted; an exact name match ranks first).
    async fn score(&self) -> f32 {
        self.score
    }

    /// A short excerpt of the text that matched.
    async fn snippet(&self) -> &str {
        &self.snippet
    }
}

/// The kinds of edge, spelled as in exports.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "graph::EdgeKind")]
pub enum EdgeKind {
    /// job → skill.
    #[graphql(name = "REQUIRES")]
    Requires,
    /// job → tool, weighted.
    #[graphql(name = "USES")]
    Uses,
    /// skill → tool its description names.
    #[graphql(name = "MENTIONS")]
    Mentions,
    /// job → job listed in `related_jobs`.
    #[graphql(name = "RELATED_TO")]
    RelatedTo,
    /// job → career stage.
    #[graphql(name = "HAS_STAGE")]
    HasStage,
    /// career stage → next stage.
    #[graphql(name = "NEXT")]
    Next,
    /// career stage → job it is named after.
    #[graphql(name = "LEADS_TO")]
    LeadsTo,
    /// job → team.
    #[graphql(name = "COLLABORATES_WITH")]
    CollaboratesWith,
    /// job → employer.
    #[graphql(name = "HIRED_BY")]
    HiredBy,
    /// job → learning resource.
    #[graphql(name = "LEARN_WITH")]
    LearnWith,
    /// job → trend.
    #[graphql(name = "FORESEES")]
    Foresees,
    /// compound skill → part.
    #[graphql(name = "COMPOSED_OF")]
    ComposedOf,
    /// job posting → a skill or tool it names.
    #[graphql(name = "ASKS_FOR")]
    AsksFor,
    /// job → a concept its guide uses, weighted by how specific it is.
    #[graphql(name = "INVOLVES")]
    Involves,
    /// skill → a concept its name means or contains.
    #[graphql(name = "EXPRESSES")]
    Expresses,
    /// concept → a broader concept.
    #[graphql(name = "BROADER")]
    Broader,
}

/// A node as drawn: an entry of a view, which points at its node.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct GraphNode {
    /// The entry's own id (`GraphNode:job:platform_engineer`), unique
    /// across types as client caches need; the node's id is `nodeId`.
    id: ID,
    /// The global id of the node drawn: what `edges` name as `source` and
    /// `target`, and what `node(id:)` takes.
    node_id: ID,
    /// The node's kind.
    kind: NodeKind,
    /// The name to show.
    label: String,
}

#[async_graphql::ComplexObject]
impl GraphNode {
    /// The node drawn, as its own type.
    async fn node<'ctx>(
        &self,
        ctx: &Context<'ctx>,
    ) -> async_graphql::Result<Option<NodeInterface<'ctx>>> {
        NodeInterface::by_id(ctx, &self.node_id)
    }

    /// Its name in each language (`ja`, `en`), or only in `lang`, as the
    /// node itself gives them.
    #[graphql(complexity = "cost::times(crate::guide::Language::ALL.len(), child_complexity)")]
    async fn labels(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A BCP 47 language tag (`en`, `ja`); all languages when left out.")]
        lang: Option<String>,
    ) -> async_graphql::Result<Vec<super::Label>> {
        let graph = graph_of(ctx)?;
        Ok(graph
            .node(&self.node_id)
            .map(|node| super::labels_of(node, lang.as_deref()))
            .unwrap_or_default())
    }
}

/// An edge as drawn.
#[derive(SimpleObject)]
pub struct GraphEdge {
    /// The source node's id.
    source: String,
    /// The target node's id.
    target: String,
    /// The edge's kind.
    kind: EdgeKind,
    /// The edge's weight (1 unless the kind defines one).
    weight: f64,
}

/// Turns to lay out a picture: one core fewer than the machine has (at
/// least one), shared by every request.
fn layout_turns() -> &'static tokio::sync::Semaphore {
    static TURNS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    TURNS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        tokio::sync::Semaphore::new(cores.saturating_sub(1).max(1))
    })
}

/// Which way a picture's layers run.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "crate::graph::picture::Direction")]
pub enum PictureDirection {
    /// Top to bottom (career ladders).
    TopDown,
    /// Left to right (neighbourhoods).
    LeftRight,
}

/// Nodes and edges ready for Cytoscape, D3 or Graphviz.
pub struct GraphView(pub ExportView);

/// Nodes and edges ready for Cytoscape, D3 or Graphviz, or drawn as SVG.
#[Object]
impl GraphView {
    /// A stable id for this answer: the same nodes and edges on the same
    /// corpus give the same id (a cache key, not a node id).
    async fn id(&self, ctx: &Context<'_>) -> async_graphql::Result<ID> {
        let mut drawn = Vec::new();
        for node in &self.0.nodes {
            drawn.extend_from_slice(node.id.as_bytes());
            drawn.push(0);
        }
        for edge in &self.0.edges {
            for part in [
                edge.source.as_str(),
                edge.target.as_str(),
                &edge.kind.to_string(),
            ] {
                drawn.extend_from_slice(part.as_bytes());
                drawn.push(0);
            }
        }
        Ok(super::answer_id("GraphView", graph_of(ctx)?, &[&drawn]))
    }

    /// The nodes, the center first.
    #[graphql(complexity = "cost::capped(MAX_VIEW_NODES, ListBound::AllNodes, child_complexity)")]
    async fn nodes(&self) -> Vec<GraphNode> {
        self.0
            .nodes
            .iter()
            .map(|n| GraphNode {
                id: ID(format!("GraphNode:{}", n.id)),
                node_id: ID(n.id.clone()),
                kind: n.kind.into(),
                label: n.label.clone(),
            })
            .collect()
    }

    /// Whether nodes or edges were left out to stay within the view's caps.
    async fn truncated(&self) -> bool {
        self.0.truncated
    }

    /// Every edge between them.
    #[graphql(complexity = "cost::capped(MAX_VIEW_EDGES, ListBound::AllEdges, child_complexity)")]
    async fn edges(&self) -> Vec<GraphEdge> {
        self.0
            .edges
            .iter()
            .map(|e| GraphEdge {
                source: e.source.clone(),
                target: e.target.clone(),
                kind: e.kind.into(),
                weight: e.weight,
            })
            .collect()
    }

    /// The view drawn as an SVG document (a layered, Graphviz-like layout,
    /// nodes coloured by kind, labels wrapped at word boundaries). Each
    /// node is a `<g data-node-id>` and each edge a `<g data-edge-source
    /// data-edge-target data-edge-kind>`, so a page can link what it shows.
    /// Null, with an error beside it, when it cannot be drawn:
    /// `BAD_USER_INPUT` above 120 nodes, `LAYOUT_FAILED` when the layout
    /// cannot place the view. The rest of the view is answered still.
    async fn svg(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Which way the layers run.",
            default_with = "PictureDirection::LeftRight"
        )]
        direction: PictureDirection,
        #[graphql(
            desc = "Label the nodes in this language (a BCP 47 tag: `en`, `ja`) where they have a label in it; their own names when left out."
        )]
        lang: Option<String>,
    ) -> async_graphql::Result<Option<String>> {
        use crate::graph::picture::render_svg;
        let relabelled = match lang.as_deref().map(crate::guide::Language::from_tag) {
            Some(Some(language)) => Some(self.0.in_language(graph_of(ctx)?, language)),
            _ => None,
        };
        let view = relabelled.as_ref().unwrap_or(&self.0);
        // Laying out a picture is the one field that computes for tens of
        // milliseconds at a stretch: it runs on the blocking pool, a core
        // short of all of them at once, so the threads that answer every
        // other request never wait for it.
        let direction = direction.into();
        let drawn = match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                let _turn = layout_turns().acquire().await;
                let view = view.clone();
                runtime
                    .spawn_blocking(move || render_svg(&view, direction))
                    .await
                    .map_err(|error| {
                        use async_graphql::ErrorExtensions;
                        crate::api::error::ApiError::Internal(error.to_string()).extend()
                    })?
            }
            Err(_) => render_svg(view, direction),
        };
        drawn.map(Some).map_err(|error| {
            use crate::api::error::ApiError;
            use crate::graph::picture::PictureError;
            use async_graphql::ErrorExtensions;
            match error {
                // Too many nodes is the request's to fix (fewer kinds, less
                // depth); a layout that fails is the server's fault.
                PictureError::TooLarge(_) => ApiError::BadArgument {
                    argument: "svg",
                    reason: error.to_string(),
                },
                PictureError::LayoutFailed => ApiError::LayoutFailed,
            }
            .extend()
        })
    }
}
