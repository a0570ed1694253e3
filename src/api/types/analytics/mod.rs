//! Answer types of the analytics queries: overlaps, related jobs and
//! recommendations here; career paths and transitions in `paths.rs`;
//! search hits and drawable views in `views.rs`.

mod map;
mod paths;
mod views;

pub use map::*;
pub use paths::*;
pub use views::*;

use super::MAX_REASONS;
use super::{Job, Skill, Tool};
use crate::api::arguments::MAX_NAMES;
use crate::api::cost;
use crate::graph::ListBound;
use crate::graph::analytics as graph_analytics;
use crate::graph::{self, EdgeKind as GraphEdgeKind, NodeRef};
use async_graphql::{ID, InputObject, Object, SimpleObject};
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
