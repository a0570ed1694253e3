//! The smaller node types: `CareerStage`, `Team`, `Employer`, `Resource`
//! and `Trend`, each with the jobs linked to it.

use super::{Job, ResourceKind, handles};
use crate::api::arguments::DEFAULT_PAGE;
use crate::api::cost;
use crate::graph::ListBound;
use crate::graph::{EdgeKind, NodeRef};
use crate::guide::Row;
use async_graphql::{ID, Object};

/// A rung of a job's career ladder.
pub struct CareerStage<'g>(pub NodeRef<'g>);

impl<'g> CareerStage<'g> {
    fn stage(&self) -> Option<&'g crate::graph::StageNode> {
        self.0.as_stage()
    }

    fn entry(&self) -> Option<&'g crate::guide::StageEntry> {
        match self.0.row()? {
            Row::Stage(stage) => Some(stage),
            _ => None,
        }
    }
}

/// A rung of a job's career ladder.
#[Object]
impl<'g> CareerStage<'g> {
    /// The global id (`stage:platform_engineer:3`).
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

    /// The stage's name (`シニア Platform Engineer`).
    async fn name(&self) -> &str {
        self.0.label()
    }

    /// Position on the ladder, from 1.
    async fn order(&self) -> usize {
        self.entry().map_or(0, |e| e.order)
    }

    /// The step it stands on, lined up across roles: a frontend places
    /// rungs of different ladders side by side by it.
    async fn level(&self) -> super::CareerLevel {
        self.stage()
            .map_or(super::CareerLevel::Entry, |stage| stage.level.into())
    }

    /// Whether the rung's name said its level, or its place on the ladder
    /// did (`skillgraph check` lists those).
    async fn level_source(&self) -> super::LevelSource {
        self.stage().map_or(super::LevelSource::Ladder, |stage| {
            stage.level_source.into()
        })
    }

    /// Roles and responsibilities at this stage.
    async fn responsibilities(&self) -> &str {
        self.entry().map_or("", |e| e.responsibilities.as_str())
    }

    /// Where the stage leads (今後の展望).
    async fn outlook(&self) -> &str {
        self.entry().map_or("", |e| e.outlook.as_str())
    }

    /// The job whose ladder this is.
    async fn job(&self) -> Option<Job<'g>> {
        self.0
            .incoming(EdgeKind::HasStage)
            .first()
            .map(|link| Job(link.node))
    }

    /// The rung below, if any.
    async fn previous(&self) -> Option<CareerStage<'g>> {
        self.0
            .incoming(EdgeKind::Next)
            .first()
            .map(|link| CareerStage(link.node))
    }

    /// The rung above, if any.
    async fn next(&self) -> Option<CareerStage<'g>> {
        self.0
            .outgoing(EdgeKind::Next)
            .first()
            .map(|link| CareerStage(link.node))
    }

    /// Other jobs this stage is named after (`クラウドアーキテクト` → `cloud_architect`).
    #[graphql(complexity = "cost::list(ListBound::Outgoing(EdgeKind::LeadsTo), child_complexity)")]
    async fn leads_to(&self) -> Vec<Job<'g>> {
        handles(self.0.outgoing(EdgeKind::LeadsTo), Job)
    }
}

/// A team jobs collaborate with.
pub struct Team<'g>(pub NodeRef<'g>);

/// A team that jobs collaborate with.
#[Object]
impl<'g> Team<'g> {
    /// The global id (`team:開発チーム`).
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

    /// The canonical name.
    async fn name(&self) -> &str {
        self.0.label()
    }

    /// Other names (`Dev Team`, `ソフトウェア開発者`).
    async fn aliases(&self) -> &[String] {
        self.0.node().aliases()
    }

    /// Jobs that work with this team, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn jobs(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return jobs after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::JobConnection<'g>> {
        super::connection::nodes_reaching(self.0, EdgeKind::CollaboratesWith, first, after)
    }
}

/// A company named as an employer.
pub struct Employer<'g>(pub NodeRef<'g>);

/// A company named as an employer.
#[Object]
impl<'g> Employer<'g> {
    /// The global id (`employer:メルカリ`).
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

    /// The company's name.
    async fn name(&self) -> &str {
        self.0.label()
    }

    /// The employer types it is listed under.
    async fn sectors(&self) -> &[String] {
        self.0
            .as_employer()
            .map_or(&[], |employer| employer.sectors.as_slice())
    }

    /// Jobs the guides say it hires for, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn jobs(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return jobs after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::JobConnection<'g>> {
        super::connection::nodes_reaching(self.0, EdgeKind::HiredBy, first, after)
    }
}

/// A book, course or certification.
pub struct Resource<'g>(pub NodeRef<'g>);

/// A book, course or certification named by a learning path.
#[Object]
impl<'g> Resource<'g> {
    /// The global id (`resource:terraform実践入門`).
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

    /// The title.
    async fn title(&self) -> &str {
        self.0.label()
    }

    /// Book, course or certification.
    async fn kind(&self) -> ResourceKind {
        self.0
            .as_resource()
            .map_or(ResourceKind::Book, |resource| resource.kind.into())
    }

    /// Other spellings of the title.
    async fn aliases(&self) -> &[String] {
        self.0.node().aliases()
    }

    /// Jobs whose learning paths name it, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn jobs(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return jobs after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::JobConnection<'g>> {
        super::connection::nodes_reaching(self.0, EdgeKind::LearnWith, first, after)
    }
}

/// A trend of a job's outlook.
pub struct Trend<'g>(pub NodeRef<'g>);

/// A trend of a job's outlook.
#[Object]
impl<'g> Trend<'g> {
    /// The global id (`trend:platform_engineer:2`).
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

    /// The trend's heading.
    async fn title(&self) -> &str {
        self.0.label()
    }

    /// What the guide says about it.
    async fn text(&self) -> &str {
        match self.0.row() {
            Some(Row::Trend(trend)) => &trend.text,
            _ => "",
        }
    }

    /// The job whose outlook names it.
    async fn job(&self) -> Option<Job<'g>> {
        self.0
            .incoming(EdgeKind::Foresees)
            .first()
            .map(|link| Job(link.node))
    }
}
