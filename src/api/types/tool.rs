//! `Tool`: a tool or service, and the jobs that use it.

use super::Job;
use crate::api::arguments::DEFAULT_PAGE;
use crate::api::cost;
use crate::graph::{EdgeKind, Link, NodeRef};
use async_graphql::{ID, Object};

/// A tool or service (`Kubernetes`, `Terraform`), merged across guides.
pub struct Tool<'g>(pub NodeRef<'g>);

impl<'g> Tool<'g> {
    fn data(&self) -> &'g crate::graph::ToolNode {
        self.0
            .as_tool()
            .expect("a Tool handle always wraps a tool node")
    }
}

/// A job's use of a tool.
#[derive(Clone)]
pub struct ToolUsage<'g>(Link<'g>);

impl super::connection::Keyed for ToolUsage<'_> {
    /// The job's id: a page of a tool's jobs continues after a job.
    fn key(&self) -> &str {
        self.0.node.id()
    }
}

/// A job's use of a tool, with its weight.
#[Object]
impl<'g> ToolUsage<'g> {
    /// The job.
    async fn job(&self) -> Job<'g> {
        Job(self.0.node)
    }

    /// How strongly the job's guide ties it to the tool (see `JobTool.weight`).
    async fn weight(&self) -> f64 {
        self.0.edge.weight
    }
}

/// A tool or service, merged across guides by canonical name.
#[Object]
impl<'g> Tool<'g> {
    /// The global id (`tool:kubernetes`).
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
        &self.data().name
    }

    /// Other spellings (`K8s`).
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

    /// Tools-table categories it is listed under, across guides.
    async fn categories(&self) -> &[String] {
        &self.data().categories
    }

    /// Job postings asking for this tool, in file order, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn postings(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return postings after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::PostingConnection<'g>> {
        super::posting::posting_page(self.0.graph().postings_asking_for(self.0), first, after)
    }

    /// Jobs that use the tool, strongest use first, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn jobs(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return jobs after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::ToolUsageConnection<'g>> {
        let mut links = self.0.incoming(EdgeKind::Uses);
        // By weight, then by job id, so that a page follows a fixed order.
        links.sort_by(|a, b| {
            b.edge
                .weight
                .total_cmp(&a.edge.weight)
                .then_with(|| a.node.id().cmp(b.node.id()))
        });
        let usages = links.into_iter().map(ToolUsage).collect();
        super::connection::page_of(usages, first, after)
    }

    /// Skills whose descriptions name the tool, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn skills(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return skills after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::SkillConnection<'g>> {
        super::connection::nodes_reaching(self.0, EdgeKind::Mentions, first, after)
    }
}
