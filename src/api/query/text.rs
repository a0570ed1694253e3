//! Reading what people write against the graph's own vocabulary:
//! `resolve` and `extractSkills`.

use crate::api::error::ApiError;
use crate::api::types::{Extraction, NodeKind, Resolution, deadline_of, graph_of};
use crate::graph;
use async_graphql::{Context, ErrorExtensions, Object, Result};

use crate::api::cost;
use crate::graph::Deadline;

/// What a person says they know, as the recommendations take it: the
/// names given (skills, then tools) and `text` read.
pub(crate) fn known_from<'g>(
    graph: &'g graph::SkillGraph,
    skills: Option<Vec<String>>,
    tools: Option<Vec<String>>,
    text: Option<&str>,
    deadline: Deadline,
) -> Result<(Vec<String>, Option<graph::mentions::Extraction<'g>>)> {
    let names: Vec<String> = skills
        .unwrap_or_default()
        .into_iter()
        .chain(tools.unwrap_or_default())
        .collect();
    check_names("skills", &names)?;
    let read = match text {
        Some(text) => Some(extract(graph, text, deadline)?),
        None => None,
    };
    Ok((names, read))
}

/// Reads `text` against the graph, stopping with `TIMEOUT` past `deadline`.
fn extract<'g>(
    graph: &'g graph::SkillGraph,
    text: &str,
    deadline: Deadline,
) -> Result<graph::mentions::Extraction<'g>> {
    graph
        .extract_within(text, deadline)
        .map_err(|expired| ApiError::Expired(expired).extend())
}

/// `names` checked: at most [`MAX_NAMES`](crate::api::arguments::MAX_NAMES).
fn check_names(argument: &'static str, names: &[String]) -> Result<()> {
    crate::api::arguments::names_within(argument, names.len()).map_err(|error| error.extend())
}

/// Names and text read against the graph.
#[derive(Default)]
pub struct TextQuery;

/// Names and text read against the graph.
#[Object]
impl TextQuery {
    /// What each name means in the graph: its node (or null), how it
    /// matched (exact, alias, a variant, or a fuzzy guess), how sure that
    /// is, and what else it may mean. Names are skills, tools, jobs or
    /// concepts in any spelling (`K8s`, `Spark`, `SLO`, `監視`,
    /// `Kubernates`); a name of two letters is never guessed at.
    #[graphql(complexity = "cost::names(&names, child_complexity)")]
    async fn resolve<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "The names, at most 100.")] names: Vec<String>,
        #[graphql(desc = "Only nodes of these kinds (default: skills, tools, jobs and concepts).")]
        kinds: Option<Vec<NodeKind>>,
    ) -> Result<Vec<Resolution<'ctx>>> {
        let graph = graph_of(ctx)?;
        check_names("names", &names)?;
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

    /// The skills and tools a text names (a résumé, a posting, in
    /// Japanese or English; plain text, Markdown or HTML), where, and the
    /// roles they fit. Names inside Japanese text need no spaces; names
    /// that are everyday words too (`Go`, `Rust`) count only where the
    /// context says a tool is meant.
    #[graphql(complexity = "cost::text(&text, child_complexity)")]
    async fn extract_skills<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        #[graphql(desc = "The text, at most 64 KiB.")] text: String,
    ) -> Result<Extraction<'ctx>> {
        Ok(Extraction(extract(
            graph_of(ctx)?,
            &text,
            deadline_of(ctx),
        )?))
    }
}
