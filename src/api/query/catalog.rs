//! Look-ups and lists: `job`, `jobs`, `skill`, `skills`, `tool`, `tools`,
//! `node` and `corpus`.

use crate::api::arguments::DEFAULT_PAGE;
use crate::api::cost;
use crate::api::types::connection::{JobConnection, SkillConnection, ToolConnection, paginate};
use crate::api::types::{Corpus, Job, JobFilter, NodeInterface, Skill, SkillKind, Tool, graph_of};
use crate::graph::NodeKind;
use async_graphql::{Context, ErrorExtensions, ID, Object, Result};

/// Jobs, skills and tools by name, and paginated lists of them.
#[derive(Default)]
pub struct CatalogQuery;

/// Jobs, skills and tools by name, and paginated lists of them.
#[Object]
impl CatalogQuery {
    /// The job with this slug, alias slug or name, in either language,
    /// read as `resolve` reads names; null when there is none or only a
    /// fuzzy guess.
    async fn job<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(
            desc = "A slug (`platform_engineer`), an alias slug (`site_reliability_engineer`) or a name."
        )]
        slug: String,
    ) -> Result<Option<Job<'ctx>>> {
        Ok(graph_of(ctx)?.named(&slug, NodeKind::Job).map(Job))
    }

    /// Jobs, sorted by id, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn jobs<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return jobs after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only jobs matching every condition given.")] filter: Option<JobFilter>,
    ) -> Result<JobConnection<'ctx>> {
        let jobs = filter.unwrap_or_default().select(graph_of(ctx)?);
        paginate(jobs, first, after)
            .map(Into::into)
            .map_err(|error| error.extend())
    }

    /// The skill with this name or any spelling of it, read as `resolve`
    /// reads names; null when there is none or only a fuzzy guess.
    async fn skill<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "Any spelling (`IaC`, `インフラストラクチャ・アズ・コード (IaC)`).")] name: String,
    ) -> Result<Option<Skill<'ctx>>> {
        Ok(graph_of(ctx)?.named(&name, NodeKind::Skill).map(Skill))
    }

    /// The concept with this name or any spelling of it, in either
    /// language (`SLO`, `エラーバジェット`, `error budget`), read as
    /// `resolve` reads names; null when there is none or only a fuzzy
    /// guess.
    async fn concept<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "Any spelling, in Japanese or English.")] name: String,
    ) -> Result<Option<crate::api::types::Concept<'ctx>>> {
        Ok(graph_of(ctx)?
            .named(&name, NodeKind::Concept)
            .map(crate::api::types::Concept))
    }

    /// Skills, sorted by id, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn skills<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return skills after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only hard or only soft skills.")] kind: Option<SkillKind>,
    ) -> Result<SkillConnection<'ctx>> {
        let skills = graph_of(ctx)?
            .nodes_of(NodeKind::Skill)
            .filter(|node| {
                node.as_skill().is_some_and(|skill| {
                    kind.is_none_or(|wanted| SkillKind::from(skill.kind) == wanted)
                })
            })
            .collect();
        paginate(skills, first, after)
            .map(Into::into)
            .map_err(|error| error.extend())
    }

    /// The tool with this name or any spelling of it (`K8s`, `Spark` for
    /// Apache Spark), read as `resolve` reads names; null when there is
    /// none or only a fuzzy guess.
    async fn tool<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "Any spelling (`Kubernetes`, `K8s`).")] name: String,
    ) -> Result<Option<Tool<'ctx>>> {
        Ok(graph_of(ctx)?.named(&name, NodeKind::Tool).map(Tool))
    }

    /// Tools, sorted by id, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn tools<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return tools after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only tools listed under this tools-table category (`CI/CDツール`).")]
        category: Option<String>,
    ) -> Result<ToolConnection<'ctx>> {
        let tools = graph_of(ctx)?
            .nodes_of(NodeKind::Tool)
            .filter(|node| {
                node.as_tool().is_some_and(|tool| {
                    category
                        .as_ref()
                        .is_none_or(|wanted| tool.categories.contains(wanted))
                })
            })
            .collect();
        paginate(tools, first, after)
            .map(Into::into)
            .map_err(|error| error.extend())
    }
}

/// Relay's `node(id:)`.
#[derive(Default)]
pub struct NodeQuery;

/// Relay's node look-up.
#[Object]
impl NodeQuery {
    /// Any node by its global id; null when there is none.
    async fn node<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "A global id (`job:platform_engineer`).")] id: ID,
    ) -> Result<Option<NodeInterface<'ctx>>> {
        NodeInterface::by_id(ctx, &id)
    }

    /// Nodes by their global ids, in the order asked, each null when there
    /// is none: one request for the nodes of a list a page shows.
    #[graphql(complexity = "cost::times(ids.len(), child_complexity)")]
    async fn nodes<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "Global ids, at most 100.")] ids: Vec<ID>,
    ) -> Result<Vec<Option<NodeInterface<'ctx>>>> {
        crate::api::arguments::names_within("ids", ids.len()).map_err(|error| error.extend())?;
        let graph = graph_of(ctx)?;
        Ok(ids
            .iter()
            .map(|id| graph.node(id).map(NodeInterface::from))
            .collect())
    }
}

/// What was loaded.
#[derive(Default)]
pub struct CorpusQuery;

/// What was loaded.
#[Object]
impl CorpusQuery {
    /// The loaded corpus: counts, load time, errors and warnings.
    async fn corpus<'ctx>(&self, ctx: &Context<'ctx>) -> Result<Corpus<'ctx>> {
        Ok(Corpus(graph_of(ctx)?))
    }
}
