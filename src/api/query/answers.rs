//! The answers users come for: `skillOverlap`, `relatedJobs`, `careerPath`,
//! `transition`, `recommendJobs`, `search`, `suggest` and `neighborhood`.

use crate::api::arguments::{DEFAULT_RESULTS, in_range};
use crate::api::cost;
use crate::api::error::{ApiError, Code};
use crate::api::types::analytics::{
    CareerMap, CareerPath, FacetWeights, GraphView, JobRecommendation, RelatedJob, SearchHit,
    SimilarityWeights, SkillOverlap, Transition,
};
use crate::api::types::{NodeKind, Suggestion, deadline_of, graph_of, limit};
use crate::graph::export::{self, GraphView as ExportView};
use crate::graph::{self, NodeRef, SkillGraph};
use async_graphql::{Context, ErrorExtensions, ID, Object, Result, ServerError};

/// How many roles a career map holds when `first` is not given.
const DEFAULT_MAP_ROLES: i32 = 50;

/// The deepest neighbourhood served.
const MAX_DEPTH: i32 = 3;

fn job<'g>(graph: &'g SkillGraph, slug: &str) -> Result<NodeRef<'g>> {
    graph.job(slug).ok_or_else(|| {
        ApiError::NotFound {
            kind: "job",
            name: slug.to_owned(),
        }
        .extend()
    })
}

/// A `kinds` argument as the graph names the kinds.
fn graph_kinds(kinds: Option<Vec<NodeKind>>) -> Option<Vec<graph::NodeKind>> {
    kinds.map(|kinds| kinds.into_iter().map(Into::into).collect())
}

/// Answers computed over the graph.
#[derive(Default)]
pub struct AnswersQuery;

/// Answers computed over the graph.
#[Object]
impl AnswersQuery {
    /// The weight each facet of `similarity` has when a query gives none.
    async fn similarity_weights(&self) -> FacetWeights {
        FacetWeights::defaults()
    }

    /// The weight each kind of evidence has when a text is read against
    /// the roles (`extractSkills`, `recommendJobs(text:)`).
    async fn text_weights(&self) -> crate::api::types::analytics::TextWeights {
        crate::api::types::analytics::TextWeights::used()
    }

    /// What two jobs share and what each adds, with scores. Errors with
    /// `NOT_FOUND` when either job is unknown.
    async fn skill_overlap<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "A job's slug, alias or name.")] a: String,
        #[graphql(desc = "Another job's slug, alias or name.")] b: String,
        #[graphql(desc = "How much each facet counts in `similarity`.")] weights: Option<
            SimilarityWeights,
        >,
    ) -> Result<SkillOverlap<'ctx>> {
        let graph = graph_of(ctx)?;
        let weights = SimilarityWeights::checked(weights)?;
        Ok(SkillOverlap(graph.overlap(
            job(graph, &a)?,
            job(graph, &b)?,
            &weights,
        )))
    }

    /// Jobs related to a job, best first: its explicit `related_jobs` and
    /// jobs similar by skills, tools and tags. Each explains its score.
    #[graphql(complexity = "cost::page(first, DEFAULT_RESULTS, child_complexity)")]
    async fn related_jobs<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "A job's slug, alias or name.")] slug: String,
        #[graphql(desc = "How many, 0 to 100 (default 10).")] first: Option<i32>,
        #[graphql(desc = "How much each facet counts.")] weights: Option<SimilarityWeights>,
    ) -> Result<Vec<RelatedJob<'ctx>>> {
        let graph = graph_of(ctx)?;
        let first = limit(first, DEFAULT_RESULTS)?;
        let weights = SimilarityWeights::checked(weights)?;
        Ok(graph
            .related(job(graph, &slug)?, &weights, first)
            .into_iter()
            .map(RelatedJob)
            .collect())
    }

    /// A job's career ladder and the jobs it leads to.
    async fn career_path<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "A job's slug, alias or name.")] slug: String,
    ) -> Result<CareerPath<'ctx>> {
        let graph = graph_of(ctx)?;
        Ok(CareerPath(graph.career_path(job(graph, &slug)?)))
    }

    /// The career map: roles with ladders and their rungs, placed by family
    /// (the front matter's `category`, across) and level (down), with the
    /// positions the compile gave them, and the edges between them. A
    /// frontend draws it as it comes, without a layout of its own.
    #[graphql(complexity = "cost::priced_by_parent(child_complexity)")]
    async fn career_map<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(
            desc = "Only the roles of this family (front-matter `category`, `cloud-infra`)."
        )]
        category: Option<String>,
        #[graphql(desc = "Only these roles (slugs, aliases or names; at most 100).")] jobs: Option<
            Vec<String>,
        >,
        #[graphql(desc = "How many roles, 0 to 100 (default 50), in map order.")] first: Option<
            i32,
        >,
    ) -> Result<CareerMap<'ctx>> {
        let graph = graph_of(ctx)?;
        let first = crate::api::arguments::first(first, DEFAULT_MAP_ROLES)
            .map_err(|error| error.extend())?;
        let only = match &jobs {
            Some(names) => {
                crate::api::arguments::names_within("jobs", names.len())
                    .map_err(|error| error.extend())?;
                Some(
                    names
                        .iter()
                        .map(|name| job(graph, name))
                        .collect::<Result<Vec<_>>>()?,
                )
            }
            None => None,
        };
        Ok(CareerMap(graph.career_map(
            category.as_deref(),
            only.as_deref(),
            first,
        )))
    }

    /// How to move from one job to another.
    async fn transition<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "The job one has.")] from: String,
        #[graphql(desc = "The job one wants.")] to: String,
    ) -> Result<Transition<'ctx>> {
        let graph = graph_of(ctx)?;
        Ok(Transition(
            graph.transition(job(graph, &from)?, job(graph, &to)?),
        ))
    }

    /// Jobs that fit someone who knows these skills and tools, best first.
    /// Names resolve as in `resolve` (`Spark` is Apache Spark, `K8s` is
    /// Kubernetes), and `resolutions` says what each was read as. Names
    /// with no candidate at all are reported in an error with code
    /// `UNKNOWN_NAME` (and `extensions.names`) beside the data.
    #[graphql(
        complexity = "cost::text_and_page(text.as_deref(), first, DEFAULT_RESULTS, child_complexity)"
    )]
    async fn recommend_jobs<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "Skills one has (any spelling; tools are accepted too).")] skills: Option<
            Vec<String>,
        >,
        #[graphql(desc = "Tools one uses (any spelling).")] tools: Option<Vec<String>>,
        #[graphql(
            desc = "A text (a résumé, at most 64 KiB), read as `extractSkills` reads it: roles are then ranked by the text scorer (see `textWeights` and each answer's `evidence`), with the names given counting as skills and tools the text names."
        )]
        text: Option<String>,
        #[graphql(desc = "How many, 0 to 100 (default 10).")] first: Option<i32>,
    ) -> Result<Vec<JobRecommendation<'ctx>>> {
        let graph = graph_of(ctx)?;
        let first = limit(first, DEFAULT_RESULTS)?;
        let (names, read) =
            super::text::known_from(graph, skills, tools, text.as_deref(), deadline_of(ctx))?;
        let result = match &read {
            Some(read) => graph.recommend_for_text(&names, read, first),
            None => graph.recommend(&names, first),
        };
        if !result.unknown.is_empty() {
            let message = format!("no skill or tool named {}", result.unknown.join(", "));
            let error = ServerError::new(message, Some(ctx.item.pos));
            let mut extensions = Code::UnknownName.extensions();
            extensions.set("names", result.unknown.clone());
            ctx.add_error(ServerError {
                extensions: Some(extensions),
                path: vec![async_graphql::PathSegment::Field(
                    "recommendJobs".to_owned(),
                )],
                ..error
            });
        }
        let resolutions: std::sync::Arc<[_]> = result.resolutions.into();
        Ok(result
            .jobs
            .into_iter()
            .map(|job| JobRecommendation(job, resolutions.clone()))
            .collect())
    }

    /// Full-text search over every node's name and the guides' text.
    /// Japanese needs no spaces (`監視`, `コスト最適化`); Latin is
    /// case-insensitive (`terraform`).
    #[graphql(complexity = "cost::page(first, DEFAULT_RESULTS, child_complexity)")]
    async fn search<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "The words to find.")] query: String,
        #[graphql(desc = "Only nodes of these kinds.")] kinds: Option<Vec<NodeKind>>,
        #[graphql(desc = "How many, 0 to 100 (default 10).")] first: Option<i32>,
    ) -> Result<Vec<SearchHit<'ctx>>> {
        let graph = graph_of(ctx)?;
        let first = limit(first, DEFAULT_RESULTS)?;
        let kinds = graph_kinds(kinds);
        let hits = graph
            .search(&query, kinds.as_deref(), first)
            .map_err(|unavailable| ApiError::Internal(unavailable.to_string()).extend())?;
        Ok(hits
            .into_iter()
            .filter_map(|hit| {
                Some(SearchHit {
                    node: graph.node(&hit.id)?,
                    score: hit.score,
                    snippet: hit.snippet,
                })
            })
            .collect())
    }

    /// Nodes for a name being typed, from their names alone: every node
    /// one of whose spellings (name, English or Japanese label, alias), or
    /// a word inside one, begins with `prefix`, folded as `resolve` folds
    /// names (NFKC, caseless: `ＫＵＢＥ` is `kube`). A whole spelling
    /// comes first (a name before an alias), then the start of a name, of
    /// an alias, of a word
    /// inside; then the node more edges touch (a tool many roles use),
    /// then the id. Each node comes once. Errors with `BAD_USER_INPUT` for a prefix of only
    /// spaces or longer than 100 characters. Use `search` for words in the
    /// guides' text.
    #[graphql(complexity = "cost::page(first, DEFAULT_RESULTS, child_complexity)")]
    async fn suggest<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "What has been typed so far, 1 to 100 characters.")] prefix: String,
        #[graphql(desc = "Only nodes of these kinds.")] kinds: Option<Vec<NodeKind>>,
        #[graphql(desc = "How many, 0 to 100 (default 10).")] first: Option<i32>,
    ) -> Result<Vec<Suggestion<'ctx>>> {
        let graph = graph_of(ctx)?;
        let prefix = crate::api::arguments::prefix(&prefix).map_err(|error| error.extend())?;
        let first = limit(first, DEFAULT_RESULTS)?;
        let kinds = graph_kinds(kinds);
        let found = graph
            .suggest(prefix, kinds.as_deref(), first)
            .map_err(|unavailable| ApiError::Internal(unavailable.to_string()).extend())?;
        Ok(found.into_iter().map(Suggestion).collect())
    }

    /// The nodes within `depth` edges of a node and the edges between them,
    /// ready to draw: at most 500 nodes (the nearest) and 2,000 edges;
    /// `truncated` says when some were left out.
    async fn neighborhood<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "The center's global id.")] id: ID,
        #[graphql(desc = "How many edges away to go, 0 to 3 (default 1).")] depth: Option<i32>,
        #[graphql(
            desc = "Only nodes of these kinds (the center is always kept). By default every kind but POSTING and CONCEPT: a tool may be asked for by thousands of postings, and a job uses hundreds of concepts."
        )]
        kinds: Option<Vec<NodeKind>>,
    ) -> Result<GraphView> {
        let graph = graph_of(ctx)?;
        let depth =
            in_range("depth", depth.unwrap_or(1), 0..=MAX_DEPTH).map_err(|error| error.extend())?;
        let kinds = graph_kinds(kinds);
        let caps = (export::MAX_VIEW_NODES, export::MAX_VIEW_EDGES);
        ExportView::neighborhood_within(graph, &id, depth as usize, kinds.as_deref(), caps)
            .map(GraphView)
            .ok_or_else(|| {
                ApiError::NotFound {
                    kind: "node",
                    name: id.to_string(),
                }
                .extend()
            })
    }
}
