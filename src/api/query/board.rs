//! Job postings: `posting`, `postings` and `recommendPostings`.

use crate::api::arguments::MAX_NAMES;
use crate::api::arguments::{DEFAULT_PAGE, DEFAULT_RESULTS};
use crate::api::cost;
use crate::api::types::analytics::split;
use crate::api::types::connection::{PostingConnection, paginate};
use crate::api::types::{Posting, Resolution, deadline_of, graph_of, limit};
use crate::graph::{NodeKind, NodeRef, SkillGraph, analytics::PostingFit, resolve};
use async_graphql::{Context, ErrorExtensions, Object, Result};
use std::collections::HashSet;
use std::sync::Arc;

/// Job postings read beside the guides.
#[derive(Default)]
pub struct BoardQuery;

/// Job postings read beside the guides.
#[Object]
impl BoardQuery {
    /// The posting with this identifier; null when there is none.
    async fn posting<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "The posting's own `identifier`.")] identifier: String,
    ) -> Result<Option<Posting<'ctx>>> {
        let graph = graph_of(ctx)?;
        let id = crate::graph::NodeId::posting(&identifier);
        Ok(graph.node(id.as_str()).map(Posting))
    }

    /// Postings, sorted by id, a page at a time; narrowed to those
    /// classified to a job, or asking for a skill or a tool.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn postings<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return postings after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only postings classified to this job (slug or name).")] job: Option<
            String,
        >,
        #[graphql(desc = "Only postings asking for this skill (any spelling).")] skill: Option<
            String,
        >,
        #[graphql(desc = "Only postings asking for this tool (any spelling).")] tool: Option<
            String,
        >,
    ) -> Result<PostingConnection<'ctx>> {
        let graph = graph_of(ctx)?;
        let postings = select(graph, job.as_deref(), skill.as_deref(), tool.as_deref());
        paginate(postings, first, after)
            .map(Into::into)
            .map_err(|error| error.extend())
    }

    /// Postings that fit someone who knows these skills and tools (or
    /// whose text names them), best first: the weight of each posting's
    /// skills and tools the person knows over the weight of all of them
    /// (rarer ones among the postings weigh more). Names resolve as in
    /// `resolve`.
    #[graphql(
        complexity = "cost::text_and_page(text.as_deref(), first, DEFAULT_RESULTS, child_complexity)"
    )]
    async fn recommend_postings<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "Skills one has (any spelling; tools are accepted too).")] skills: Option<
            Vec<String>,
        >,
        #[graphql(desc = "Tools one uses (any spelling).")] tools: Option<Vec<String>>,
        #[graphql(
            desc = "A text (a résumé, at most 64 KiB) whose skills and tools count as known."
        )]
        text: Option<String>,
        #[graphql(desc = "How many, 0 to 100 (default 10).")] first: Option<i32>,
    ) -> Result<Vec<PostingRecommendation<'ctx>>> {
        let graph = graph_of(ctx)?;
        let first = limit(first, DEFAULT_RESULTS)?;
        let (names, read) =
            super::text::known_from(graph, skills, tools, text.as_deref(), deadline_of(ctx))?;
        let (resolutions, mut known, _) = graph.resolve_items(&names);
        known.extend(
            read.iter()
                .flat_map(|read| read.known())
                .map(|(node, _)| node),
        );
        let resolutions: Arc<[_]> = resolutions.into();
        Ok(graph
            .rank_postings_for(&known, first)
            .into_iter()
            .map(|fit| PostingRecommendation {
                fit,
                resolutions: resolutions.clone(),
            })
            .collect())
    }
}

/// The postings passing every filter given, sorted by id. A filter naming
/// nothing matches nothing.
fn select<'g>(
    graph: &'g SkillGraph,
    job: Option<&str>,
    skill: Option<&str>,
    tool: Option<&str>,
) -> Vec<NodeRef<'g>> {
    let mut sets: Vec<Vec<NodeRef<'g>>> = Vec::new();
    if let Some(job) = job {
        sets.push(
            graph
                .job(job)
                .map(|job| graph.postings_for_role(job))
                .unwrap_or_default(),
        );
    }
    for (name, found) in [
        (skill, skill.map(|s| graph.skill(s))),
        (tool, tool.map(|t| graph.tool(t))),
    ] {
        if name.is_some() {
            let node = found.flatten();
            sets.push(
                node.map(|node| graph.postings_asking_for(node).collect())
                    .unwrap_or_default(),
            );
        }
    }
    let mut chosen: Vec<NodeRef<'g>> = match sets.split_first() {
        None => return graph.nodes_of(NodeKind::Posting).collect(),
        Some((first, rest)) => {
            let rest: Vec<HashSet<NodeRef<'g>>> = rest
                .iter()
                .map(|set| set.iter().copied().collect())
                .collect();
            first
                .iter()
                .copied()
                .filter(|node| rest.iter().all(|set| set.contains(node)))
                .collect()
        }
    };
    chosen.sort_unstable_by(|a, b| a.id().cmp(b.id()));
    chosen
}

/// A posting recommended for what someone knows.
pub struct PostingRecommendation<'g> {
    fit: PostingFit<'g>,
    resolutions: Arc<[resolve::Resolution<'g>]>,
}

/// A posting that fits what someone knows, with what matched and what is missing.
#[Object]
impl<'g> PostingRecommendation<'g> {
    /// The posting.
    async fn posting(&self) -> Posting<'g> {
        Posting(self.fit.posting)
    }

    /// 0 to 1: the weight of the posting's skills and tools the person
    /// knows over the weight of all of them.
    async fn score(&self) -> f64 {
        self.fit.score
    }

    /// The posting's skills and tools the person knows.
    async fn matched(&self) -> crate::api::types::analytics::SkillsAndTools<'g> {
        split(&self.fit.matched)
    }

    /// The posting's skills and tools the person lacks, rarest first.
    async fn missing(&self) -> crate::api::types::analytics::SkillsAndTools<'g> {
        split(&self.fit.missing)
    }

    /// What each name given was read as, in the order given.
    #[graphql(complexity = "cost::times(MAX_NAMES, child_complexity)")]
    async fn resolutions(&self) -> Vec<Resolution<'g>> {
        self.resolutions.iter().cloned().map(Resolution).collect()
    }
}
