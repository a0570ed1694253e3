//! Reading what people write against the graph's own vocabulary:
//! `resolve`.

use crate::api::error::ApiError;
use crate::api::types::{NodeKind, Resolution, graph_of};
use crate::graph;
use async_graphql::{Context, ErrorExtensions, Object, Result};

/// The most names one `resolve` call reads.
const MAX_NAMES: usize = 100;

/// Names and text read against the graph.
#[derive(Default)]
pub struct TextQuery;

/// Names and text read against the graph.
#[Object]
impl TextQuery {
    /// What each name means in the graph: its node (or null), how it
    /// matched (exact, alias, a variant, or a fuzzy guess), how sure that
    /// is, and what else it may mean. Names are skills, tools or jobs in
    /// any spelling (`K8s`, `Spark`, `SLO`, `Kubernates`).
    #[graphql(complexity = "names.len() * child_complexity")]
    async fn resolve<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "The names, at most 100.")] names: Vec<String>,
        #[graphql(desc = "Only nodes of these kinds (default: skills, tools and jobs).")]
        kinds: Option<Vec<NodeKind>>,
    ) -> Result<Vec<Resolution<'ctx>>> {
        let graph = graph_of(ctx)?;
        if names.len() > MAX_NAMES {
            return Err(ApiError::BadArgument {
                argument: "names",
                reason: format!("at most {MAX_NAMES} names, got {}", names.len()),
            }
            .extend());
        }
        let kinds: Vec<graph::NodeKind> = kinds
            .unwrap_or_default()
            .into_iter()
            .map(Into::into)
            .collect();
        Ok(names
            .iter()
            .map(|name| Resolution(graph.resolve(name, &kinds)))
            .collect())
    }
}
