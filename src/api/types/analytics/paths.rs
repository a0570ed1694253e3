//! Answer types of the career questions: a job's ladder and where it
//! leads, and a transition's path, steps and learning plan.

use super::super::{CareerLevel, CareerStage, Job, Resource, Skill, Tool};
use crate::api::cost;
use crate::graph::analytics as graph_analytics;
use crate::graph::{self, ListBound};
use async_graphql::{Enum, ID, Object, SimpleObject};

/// A job's career ladder and where it leads.
pub struct CareerPath<'g>(pub graph_analytics::CareerPath<'g>);

/// A job's career ladder and the jobs it leads to.
#[Object]
impl<'g> CareerPath<'g> {
    /// A stable id for this answer: the same job on the same corpus gives
    /// the same id (a cache key, not a node id).
    async fn id(&self) -> ID {
        super::super::answer_id(
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

    /// The ladder as an SVG picture: its rungs top-down in one column, the
    /// roles a rung leads to at its right (the guide's related roles,
    /// dashed, beside the top rung), and the rungs of other roles that
    /// lead here at its left, beside the rung of their level. Each box is a
    /// `<g data-node-id>` (rungs also carry `data-level`), each edge a
    /// `<g data-edge-source data-edge-target data-edge-kind>`.
    #[graphql(complexity = "cost::ladder_picture()")]
    async fn picture(
        &self,
        #[graphql(
            desc = "Label the nodes in this language (a BCP 47 tag: `en`, `ja`) where they have a label in it; their own names when left out."
        )]
        lang: Option<String>,
    ) -> String {
        let language = lang.as_deref().and_then(crate::guide::Language::from_tag);
        crate::graph::picture::ladder_svg(self.0.job, language)
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
        super::super::answer_id("Transition", self.0.from.graph(), &parts)
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

    /// Where someone of `level` would enter `to`: the rung of its ladder at
    /// that level, or the highest under it. Null when `to` has no ladder.
    async fn landing(
        &self,
        #[graphql(desc = "The level the mover stands at now (`SENIOR`).")] level: CareerLevel,
    ) -> Option<CareerStage<'g>> {
        let to = self.0.to;
        to.graph().stage_at(to, level.into()).map(CareerStage)
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
