//! `Job`: a role, with everything its guide says about it.

use super::{CareerStage, Employer, Resource, Skill, SkillKind, Team, Tool, Trend, handles};
use crate::api::arguments::{DEFAULT_PAGE, DEFAULT_RESULTS};
use crate::api::cost;
use crate::graph::ListBound;
use crate::graph::{EdgeKind, Link, NodeKind, NodeRef, Section, SkillGraph};
use crate::guide::{self, Row};
use async_graphql::{ID, InputObject, Object, SimpleObject};

/// A job (role). Jobs named only in another guide's `related_jobs` exist
/// too, with `hasGuide: false` and little else.
pub struct Job<'g>(pub NodeRef<'g>);

impl<'g> Job<'g> {
    fn data(&self) -> &'g crate::graph::JobNode {
        self.0
            .as_job()
            .expect("a Job handle always wraps a job node")
    }

    fn guide(&self) -> Option<&'g guide::Guide> {
        self.0.guide()
    }

    /// The first row of `section` in this job's own guide that stated
    /// `link`, found through the edge's provenance.
    fn own_row(&self, link: &Link<'g>, section: Section) -> Option<Row<'g>> {
        let (guide, _) = self.0.guide_with_index()?;
        let source = link.edge.sources_in(guide, section).next()?;
        source.row_in(self.0.graph().guides())
    }
}

/// Narrows `jobs`.
#[derive(InputObject, Default)]
pub struct JobFilter {
    /// Only jobs of this front-matter `category` (`cloud-infra`).
    pub category: Option<String>,
    /// Only jobs with (true) or without (false) a guide.
    pub has_guide: Option<bool>,
    /// Only jobs requiring this skill (any spelling).
    pub skill: Option<String>,
    /// Only jobs using this tool (any spelling).
    pub tool: Option<String>,
    /// Only jobs with this tag.
    pub tag: Option<String>,
}

impl JobFilter {
    /// The jobs that pass every condition given, sorted by id.
    ///
    /// A skill or tool condition is resolved once and starts from the jobs
    /// linked to that node, so the list is not a scan of every job; a name
    /// that resolves to nothing matches no job.
    pub fn select<'g>(&self, graph: &'g SkillGraph) -> Vec<NodeRef<'g>> {
        let skill = self.skill.as_deref().map(|name| graph.skill(name));
        let tool = self.tool.as_deref().map(|name| graph.tool(name));
        if matches!(skill, Some(None)) || matches!(tool, Some(None)) {
            return Vec::new();
        }
        let (skill, tool) = (skill.flatten(), tool.flatten());
        let linked = |node: NodeRef<'g>, kind: EdgeKind| -> Vec<NodeRef<'g>> {
            let mut jobs: Vec<NodeRef<'g>> = node
                .incoming(kind)
                .into_iter()
                .map(|link| link.node)
                .filter(|job| job.kind() == NodeKind::Job)
                .collect();
            jobs.sort_unstable_by(|a, b| a.id().cmp(b.id()));
            jobs.dedup();
            jobs
        };
        let candidates = match (skill, tool) {
            (Some(skill), _) => linked(skill, EdgeKind::Requires),
            (None, Some(tool)) => linked(tool, EdgeKind::Uses),
            (None, None) => graph.nodes_of(NodeKind::Job).collect(),
        };
        candidates
            .into_iter()
            .filter(|job| {
                self.accepts_front_matter(*job)
                    && tool.is_none_or(|tool| links_to(*job, EdgeKind::Uses, tool))
            })
            .collect()
    }

    /// The conditions read from the job's own guide: category, guide, tag.
    fn accepts_front_matter(&self, job: NodeRef<'_>) -> bool {
        let handle = Job(job);
        let front = handle.guide().map(|g| &g.front);
        let category_ok = self
            .category
            .as_ref()
            .is_none_or(|wanted| front.and_then(|f| f.category.as_ref()) == Some(wanted));
        let guide_ok = self
            .has_guide
            .is_none_or(|wanted| handle.data().guide.is_some() == wanted);
        let tag_ok = self.tag.as_ref().is_none_or(|wanted| {
            front.is_some_and(|f| f.tags.iter().any(|tag| tag.eq_ignore_ascii_case(wanted)))
        });
        category_ok && guide_ok && tag_ok
    }
}

fn links_to(job: NodeRef<'_>, kind: EdgeKind, node: NodeRef<'_>) -> bool {
    job.outgoing(kind).iter().any(|link| link.node == node)
}

/// A skill as one job's guide describes it.
pub struct JobSkill<'g> {
    skill: NodeRef<'g>,
    entry: Option<&'g guide::SkillEntry>,
    order: u32,
}

/// A skill as one job's guide describes it.
#[Object]
impl<'g> JobSkill<'g> {
    /// The skill.
    async fn skill(&self) -> Skill<'g> {
        Skill(self.skill)
    }

    /// What this guide says the skill involves.
    async fn description(&self) -> &str {
        self.entry.map_or("", |entry| entry.description.as_str())
    }

    /// The skill as this guide writes it.
    async fn written_as(&self) -> &str {
        self.entry
            .map_or_else(|| self.skill.label(), |entry| entry.name.as_str())
    }

    /// Position in the guide's skills tables, from 1.
    async fn order(&self) -> u32 {
        self.order
    }
}

/// A tool as one job uses it.
pub struct JobTool<'g> {
    link: Link<'g>,
}

/// Where a guide names a tool; the `weight` of its use is built from these.
#[derive(SimpleObject)]
pub struct ToolSources {
    /// Tools-table categories listing the tool.
    tools_table: Vec<String>,
    /// Skill rows whose description names the tool.
    skill_texts: u32,
    /// Whether the front matter's tags list it.
    tag: bool,
    /// Mentions anywhere else in the guide's text.
    body_mentions: u32,
}

/// A tool as one job uses it, with how strongly and where the guide names it.
#[Object]
impl<'g> JobTool<'g> {
    /// The tool.
    async fn tool(&self) -> Tool<'g> {
        Tool(self.link.node)
    }

    /// How strongly the guide ties the job to the tool: 1.0 for a
    /// tools-table listing, 0.5 for a tag, 0.5 per skill row naming it, and
    /// 0.1 per other mention (at most 1.0 from those).
    async fn weight(&self) -> f64 {
        self.link.edge.weight
    }

    /// Where the guide names the tool.
    async fn sources(&self) -> ToolSources {
        let sources = self.link.edge.uses.as_deref().cloned().unwrap_or_default();
        ToolSources {
            tools_table: sources.tools_table,
            skill_texts: sources.skill_texts,
            tag: sources.tag,
            body_mentions: sources.body_mentions,
        }
    }
}

/// One duty of a job.
#[derive(SimpleObject)]
pub struct Duty<'g> {
    /// Position in the guide, from 1.
    order: usize,
    /// The duty's heading.
    title: &'g str,
    /// Prose under the heading.
    description: &'g str,
    /// The text labelled 詳細 (detail).
    detail: &'g str,
    /// The text labelled 目標 (goal).
    goal: &'g str,
}

/// A team as one job's guide describes working with it.
pub struct JobTeam<'g> {
    team: NodeRef<'g>,
    entry: Option<&'g guide::TeamEntry>,
}

/// A team as one job's guide describes working with it.
#[Object]
impl<'g> JobTeam<'g> {
    /// The team.
    async fn team(&self) -> Team<'g> {
        Team(self.team)
    }

    /// What is done together.
    async fn description(&self) -> &str {
        self.entry.map_or("", |e| e.description.as_str())
    }

    /// Concrete joint activities (具体的な連携).
    async fn activities(&self) -> &str {
        self.entry.map_or("", |e| e.activities.as_str())
    }

    /// Why they work together (目的).
    async fn purpose(&self) -> &str {
        self.entry.map_or("", |e| e.purpose.as_str())
    }
}

/// A kind of employer with example companies.
pub struct EmployerType<'g> {
    job: NodeRef<'g>,
    /// Its position in the guide's list of employer types.
    row: usize,
    entry: &'g guide::EmployerType,
}

/// A kind of employer with example companies.
#[Object]
impl<'g> EmployerType<'g> {
    /// The kind of employer (`FinTech・金融系企業`).
    async fn name(&self) -> &str {
        &self.entry.name
    }

    /// What the role does there.
    async fn description(&self) -> &str {
        &self.entry.description
    }

    /// Example companies named by the guide, in its order.
    #[graphql(complexity = "cost::list(ListBound::GuideRows, child_complexity)")]
    async fn companies(&self) -> Vec<Employer<'g>> {
        self.job
            .listed_in(EdgeKind::HiredBy, Section::Employers, self.row)
            .into_iter()
            .map(Employer)
            .collect()
    }
}

/// A step of the learning path.
pub struct LearningStep<'g> {
    job: NodeRef<'g>,
    /// Its position in the guide's list of steps.
    row: usize,
    entry: &'g guide::LearningStep,
}

/// A step of a job's learning path with its books, courses and certifications.
#[Object]
impl<'g> LearningStep<'g> {
    /// Position in the guide, from 1.
    async fn order(&self) -> usize {
        self.entry.order
    }

    /// The step's heading.
    async fn title(&self) -> &str {
        &self.entry.title
    }

    /// What the step is for (目的).
    async fn goal(&self) -> &str {
        &self.entry.goal
    }

    /// Everything the step says.
    async fn text(&self) -> &str {
        &self.entry.text
    }

    /// Books, courses and certifications the step names, in its order.
    #[graphql(complexity = "cost::list(ListBound::GuideRows, child_complexity)")]
    async fn resources(&self) -> Vec<Resource<'g>> {
        self.job
            .listed_in(EdgeKind::LearnWith, Section::Learning, self.row)
            .into_iter()
            .map(Resource)
            .collect()
    }
}

/// An interview question and the points of a good answer.
#[derive(SimpleObject)]
pub struct InterviewQuestion<'g> {
    /// Position in the guide, from 1.
    order: usize,
    /// The question.
    question: &'g str,
    /// What a good answer covers.
    answer_points: &'g str,
}

/// A section of the guide this service does not interpret, kept as text.
#[derive(SimpleObject)]
pub struct FreeSection<'g> {
    /// The section's heading.
    title: &'g str,
    /// Its text.
    text: &'g str,
}

/// A job (role). Jobs named only in another guide's `related_jobs` exist too, with `hasGuide: false`.
#[Object]
impl<'g> Job<'g> {
    /// The global id (`job:platform_engineer`).
    pub async fn id(&self) -> ID {
        ID(self.0.id().to_owned())
    }

    /// What kind of node it is.
    pub async fn node_kind(&self) -> super::NodeKind {
        self.0.kind().into()
    }

    /// The name it is drawn by, as the corpus writes it: what `name` or
    /// `title` answers, on every kind of node alike.
    pub async fn label(&self) -> &'g str {
        self.0.label()
    }

    /// The job's slug (`platform_engineer`).
    async fn slug(&self) -> &str {
        &self.data().slug
    }

    /// The role's name (`Platform Engineer`).
    async fn name(&self) -> &str {
        &self.data().name
    }

    /// The guide's title from its front matter; for a job without a guide,
    /// its name.
    async fn title(&self) -> &str {
        &self.data().title
    }

    /// Whether a guide describes this job.
    async fn has_guide(&self) -> bool {
        self.data().guide.is_some()
    }

    /// Other slugs and names the job is known by.
    async fn aliases(&self) -> &[String] {
        &self.data().aliases
    }

    /// Its name in each language (`ja`, `en`), or only in `lang`.
    #[graphql(complexity = "cost::times(crate::guide::Language::ALL.len(), child_complexity)")]
    async fn labels(
        &self,
        #[graphql(desc = "A BCP 47 language tag (`en`, `ja`); all languages when left out.")]
        lang: Option<String>,
    ) -> Vec<super::Label> {
        super::labels_of(self.0, lang.as_deref())
    }

    /// The concepts its guide uses, the most telling first: how specific
    /// each is to few roles, times how strongly the guide uses it.
    #[graphql(complexity = "cost::list(ListBound::Outgoing(EdgeKind::Involves), child_complexity)")]
    async fn concepts(&self) -> Vec<super::ConceptUse<'g>> {
        super::ConceptUse::of_job(self.0)
    }

    /// The front matter's `category`.
    async fn category(&self) -> Option<&str> {
        self.guide()?.front.category.as_deref()
    }

    /// The front matter's `meta_description`.
    async fn meta_description(&self) -> Option<&str> {
        self.guide()?.front.meta_description.as_deref()
    }

    /// The front matter's `tags`.
    async fn tags(&self) -> &[String] {
        self.guide().map_or(&[], |g| g.front.tags.as_slice())
    }

    /// The front matter's `keywords`.
    async fn keywords(&self) -> &[String] {
        self.guide().map_or(&[], |g| g.front.keywords.as_slice())
    }

    /// The front matter's `thumbnail`.
    async fn thumbnail(&self) -> Option<&str> {
        self.guide()?.front.thumbnail.as_deref()
    }

    /// The front matter's `hero_image`.
    async fn hero_image(&self) -> Option<&str> {
        self.guide()?.front.hero_image.as_deref()
    }

    /// The guide's first heading.
    async fn headline(&self) -> Option<&str> {
        self.guide()?.headline.as_deref()
    }

    /// The overview section (… とは): what the job is.
    async fn description(&self) -> Option<&str> {
        Some(self.guide()?.overview.as_ref()?.text.as_str())
    }

    /// The summary section (まとめ).
    async fn summary(&self) -> Option<&str> {
        Some(self.guide()?.summary.as_ref()?.text.as_str())
    }

    /// Job postings classified to this job, best fit first, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn postings(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return postings after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::PostingConnection<'g>> {
        super::posting::posting_page(self.0.graph().postings_for_role(self.0), first, after)
    }

    /// The guide file, relative to the corpus folder it was loaded from.
    async fn source_file(&self) -> Option<String> {
        Some(self.0.graph().display_path(&self.guide()?.path))
    }

    /// Skills the job requires, in the guide's order.
    #[graphql(complexity = "cost::list(ListBound::Outgoing(EdgeKind::Requires), child_complexity)")]
    async fn skills(
        &self,
        #[graphql(desc = "Only hard or only soft skills.")] kind: Option<SkillKind>,
    ) -> Vec<JobSkill<'g>> {
        self.0
            .outgoing(EdgeKind::Requires)
            .into_iter()
            .map(|link| JobSkill {
                skill: link.node,
                entry: match self.own_row(&link, Section::Skills) {
                    Some(Row::Skill(entry)) => Some(entry),
                    _ => None,
                },
                order: link.edge.order.unwrap_or(0),
            })
            .filter(|skill| {
                kind.is_none_or(|wanted| {
                    skill
                        .skill
                        .as_skill()
                        .is_some_and(|data| SkillKind::from(data.kind) == wanted)
                })
            })
            .collect()
    }

    /// Tools the job uses, strongest first.
    #[graphql(complexity = "cost::list(ListBound::Outgoing(EdgeKind::Uses), child_complexity)")]
    async fn tools(
        &self,
        #[graphql(desc = "Only tools this guide lists under this tools-table category.")]
        category: Option<String>,
    ) -> Vec<JobTool<'g>> {
        let mut tools: Vec<JobTool<'g>> = self
            .0
            .outgoing(EdgeKind::Uses)
            .into_iter()
            .filter(|link| {
                category.as_ref().is_none_or(|wanted| {
                    link.edge
                        .uses
                        .as_ref()
                        .is_some_and(|sources| sources.tools_table.iter().any(|c| c == wanted))
                })
            })
            .map(|link| JobTool { link })
            .collect();
        tools.sort_by(|a, b| b.link.edge.weight.total_cmp(&a.link.edge.weight));
        tools
    }

    /// The tools-table categories of the guide, in its order.
    async fn tool_categories(&self) -> Vec<&str> {
        self.guide()
            .map(|g| {
                g.tool_categories
                    .iter()
                    .map(|c| c.category.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Duties, in the guide's order.
    #[graphql(complexity = "cost::list(ListBound::GuideRows, child_complexity)")]
    async fn duties(&self) -> Vec<Duty<'g>> {
        let Some(guide) = self.guide() else {
            return Vec::new();
        };
        guide
            .duties
            .iter()
            .enumerate()
            .map(|(index, duty)| Duty {
                order: index + 1,
                title: &duty.title,
                description: &duty.description,
                detail: &duty.detail,
                goal: &duty.goal,
            })
            .collect()
    }

    /// The career ladder, from the first rung up.
    #[graphql(complexity = "cost::list(ListBound::Outgoing(EdgeKind::HasStage), child_complexity)")]
    async fn stages(&self) -> Vec<CareerStage<'g>> {
        handles(self.0.outgoing(EdgeKind::HasStage), CareerStage)
    }

    /// The rung of its ladder at a career level: the highest rung at or
    /// under it, or the first rung when every rung is above it. Null for a
    /// job without a ladder.
    async fn stage_at(
        &self,
        #[graphql(desc = "The level to stand at (`SENIOR`).")] level: super::CareerLevel,
    ) -> Option<CareerStage<'g>> {
        self.0
            .graph()
            .stage_at(self.0, level.into())
            .map(CareerStage)
    }

    /// Teams the job works with, with what they do together.
    #[graphql(
        complexity = "cost::list(ListBound::Outgoing(EdgeKind::CollaboratesWith), child_complexity)"
    )]
    async fn teams(&self) -> Vec<JobTeam<'g>> {
        self.0
            .outgoing(EdgeKind::CollaboratesWith)
            .into_iter()
            .map(|link| JobTeam {
                team: link.node,
                entry: match self.own_row(&link, Section::Teams) {
                    Some(Row::Team(entry)) => Some(entry),
                    _ => None,
                },
            })
            .collect()
    }

    /// Companies named as employers.
    #[graphql(complexity = "cost::list(ListBound::Outgoing(EdgeKind::HiredBy), child_complexity)")]
    async fn employers(&self) -> Vec<Employer<'g>> {
        handles(self.0.outgoing(EdgeKind::HiredBy), Employer)
    }

    /// Kinds of employer, each with its example companies.
    #[graphql(complexity = "cost::list(ListBound::GuideRows, child_complexity)")]
    async fn employer_types(&self) -> Vec<EmployerType<'g>> {
        self.guide()
            .map(|g| {
                g.employer_types
                    .iter()
                    .enumerate()
                    .map(|(row, entry)| EmployerType {
                        job: self.0,
                        row,
                        entry,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The learning path, step by step.
    #[graphql(complexity = "cost::list(ListBound::GuideRows, child_complexity)")]
    async fn learning_steps(&self) -> Vec<LearningStep<'g>> {
        self.guide()
            .map(|g| {
                g.learning_steps
                    .iter()
                    .enumerate()
                    .map(|(row, entry)| LearningStep {
                        job: self.0,
                        row,
                        entry,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every resource of the learning path, in step order.
    #[graphql(
        complexity = "cost::list(ListBound::Outgoing(EdgeKind::LearnWith), child_complexity)"
    )]
    async fn resources(&self) -> Vec<Resource<'g>> {
        handles(self.0.outgoing(EdgeKind::LearnWith), Resource)
    }

    /// Trends of the outlook section.
    #[graphql(complexity = "cost::list(ListBound::Outgoing(EdgeKind::Foresees), child_complexity)")]
    async fn trends(&self) -> Vec<Trend<'g>> {
        handles(self.0.outgoing(EdgeKind::Foresees), Trend)
    }

    /// Interview questions with the points of a good answer.
    #[graphql(complexity = "cost::list(ListBound::GuideRows, child_complexity)")]
    async fn interview_questions(&self) -> Vec<InterviewQuestion<'g>> {
        self.guide()
            .map(|g| {
                g.interview_questions
                    .iter()
                    .enumerate()
                    .map(|(index, q)| InterviewQuestion {
                        order: index + 1,
                        question: &q.question,
                        answer_points: &q.answer_points,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Sections of the guide with no known meaning, kept as text.
    #[graphql(complexity = "cost::list(ListBound::GuideRows, child_complexity)")]
    async fn other_sections(&self) -> Vec<FreeSection<'g>> {
        self.guide()
            .map(|g| {
                g.other_sections
                    .iter()
                    .map(|s| FreeSection {
                        title: &s.title,
                        text: &s.text,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Jobs related to this one, best first, each with the score and what
    /// explains it: the same answer as `Query.relatedJobs` for this job.
    #[graphql(complexity = "cost::page(first, DEFAULT_RESULTS, child_complexity)")]
    async fn related_jobs(
        &self,
        #[graphql(desc = "How many, 0 to 100 (default 10).")] first: Option<i32>,
        #[graphql(desc = "How much each facet counts.")] weights: Option<
            super::analytics::SimilarityWeights,
        >,
    ) -> async_graphql::Result<Vec<super::analytics::RelatedJob<'g>>> {
        let first = super::limit(first, DEFAULT_RESULTS)?;
        let weights = super::analytics::SimilarityWeights::checked(weights)?;
        let related = self.0.graph().related(self.0, &weights, first);
        Ok(related
            .into_iter()
            .map(super::analytics::RelatedJob)
            .collect())
    }

    /// Jobs this guide lists in `related_jobs`, in its order.
    #[graphql(
        complexity = "cost::list(ListBound::Outgoing(EdgeKind::RelatedTo), child_complexity)"
    )]
    async fn listed_related_jobs(&self) -> Vec<Job<'g>> {
        handles(self.0.outgoing(EdgeKind::RelatedTo), Job)
    }

    /// Jobs whose guides list this one in `related_jobs`, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn related_by(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return jobs after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::JobConnection<'g>> {
        super::connection::nodes_reaching(self.0, EdgeKind::RelatedTo, first, after)
    }

    /// Career stages of other jobs that lead to this one, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn reached_from(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return stages after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::CareerStageConnection<'g>> {
        super::connection::nodes_reaching(self.0, EdgeKind::LeadsTo, first, after)
    }
}
