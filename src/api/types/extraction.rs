//! `Extraction` and `Mention`: the skills and tools a text names, and the
//! roles they fit.

use super::analytics::JobRecommendation;
use super::{MatchKind, NodeInterface, Skill, Tool};
use crate::api::arguments::DEFAULT_RESULTS;
use crate::api::cost;
use crate::graph::{self, mentions};
use crate::graph::{ListBound, NodeKind};
use async_graphql::{Object, Result};
use std::sync::Arc;

/// A text read against the graph.
/// The most mentions, skills and tools an extraction lists: a résumé
/// names tens; a text that names more is not one.
pub const MAX_MENTIONS: usize = 500;

/// The most concepts an implied skill lists as its reasons, and the most
/// shared concepts a role's evidence lists: the first say why.
pub const MAX_REASONS: usize = 10;

pub struct Extraction<'g>(pub mentions::Extraction<'g>);

impl<'g> Extraction<'g> {
    /// The first [`MAX_MENTIONS`] of `found`, each with its words.
    fn first_of(&self, found: &[mentions::Mention<'g>]) -> Vec<Mention<'g>> {
        let text = &self.0.text;
        found
            .iter()
            .take(MAX_MENTIONS)
            .map(|mention| Mention {
                surface: text[mention.byte_start..mention.byte_end].to_owned(),
                found: *mention,
            })
            .collect()
    }
}

/// A text read against the graph: the plain text, every skill and tool it
/// names with where, and the roles they fit.
#[Object]
impl<'g> Extraction<'g> {
    /// A stable id for this answer: the same text read on the same corpus
    /// gives the same id (a cache key, not a node id).
    async fn id(
        &self,
        ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<async_graphql::ID> {
        Ok(super::answer_id(
            "Extraction",
            super::graph_of(ctx)?,
            &[self.0.text.as_bytes()],
        ))
    }

    /// The plain text read: HTML and Markdown marks removed, one block a
    /// line, in NFKC (full-width letters read as Latin ones). Mention
    /// offsets are characters of this text.
    async fn text(&self) -> &str {
        &self.0.text
    }

    /// Every skill and tool named, in text order (the first 500); a name that is both a
    /// skill and a tool (`Git`) is a mention of each.
    #[graphql(complexity = "cost::capped(MAX_MENTIONS, ListBound::AllNodes, child_complexity)")]
    async fn mentions(&self) -> Vec<Mention<'g>> {
        self.first_of(&self.0.mentions)
    }

    /// Every concept written (`SLO`, `エラーバジェット`, `golden path`), in
    /// text order (the first 500), with where: a concept inside another
    /// (`CI/CD` in `CI/CDパイプライン`) is a mention of each. Broad words of
    /// the field (`監査`, `generic`) are in; words that say nothing by
    /// themselves (`チーム`) and words inside a job's title are not.
    #[graphql(
        complexity = "cost::capped(MAX_MENTIONS, ListBound::Nodes(NodeKind::Concept), child_complexity)"
    )]
    async fn concepts(&self) -> Vec<Mention<'g>> {
        self.first_of(&self.0.concepts)
    }

    /// The skills the text names or implies, the surest first (the first
    /// 500): `Terraformによるインフラのコード化` implies `IaC` through the
    /// concept of infrastructure as code, and `Terraform` alone through the
    /// tools-table category the guides list it under.
    #[graphql(
        complexity = "cost::capped(MAX_MENTIONS, ListBound::Nodes(NodeKind::Skill), child_complexity)"
    )]
    async fn implied_skills(&self) -> Vec<ImpliedSkill<'g>> {
        self.0
            .implied_skills()
            .iter()
            .take(MAX_MENTIONS)
            .cloned()
            .map(ImpliedSkill)
            .collect()
    }

    /// The skills named, once each, in the order first named.
    #[graphql(
        complexity = "cost::capped(MAX_MENTIONS, ListBound::Nodes(NodeKind::Skill), child_complexity)"
    )]
    async fn skills(&self) -> Vec<Skill<'g>> {
        self.0
            .named(graph::NodeKind::Skill)
            .into_iter()
            .take(MAX_MENTIONS)
            .map(Skill)
            .collect()
    }

    /// The tools named, once each, in the order first named.
    #[graphql(
        complexity = "cost::capped(MAX_MENTIONS, ListBound::Nodes(NodeKind::Tool), child_complexity)"
    )]
    async fn tools(&self) -> Vec<Tool<'g>> {
        self.0
            .named(graph::NodeKind::Tool)
            .into_iter()
            .take(MAX_MENTIONS)
            .map(Tool)
            .collect()
    }

    /// Roles ranked by what the text says (as `recommendJobs(text:)`):
    /// the skills, tools and concepts it shares with each, and whether it
    /// names the role; with the evidence, what matched and what is missing.
    #[graphql(complexity = "cost::page(first, DEFAULT_RESULTS, child_complexity)")]
    async fn jobs(
        &self,
        #[graphql(desc = "How many, 0 to 100 (default 10).")] first: Option<i32>,
    ) -> Result<Vec<JobRecommendation<'g>>> {
        let first = super::limit(first, DEFAULT_RESULTS)?;
        let graph = self
            .0
            .mentions
            .iter()
            .chain(&self.0.concepts)
            .map(|mention| mention.node.graph())
            .next();
        let Some(graph) = graph else {
            return Ok(Vec::new());
        };
        let none: Arc<[_]> = Arc::new([]);
        Ok(graph
            .rank_text(&self.0, &[], first)
            .into_iter()
            .map(|job| JobRecommendation(job, none.clone()))
            .collect())
    }
}

/// A skill a text implies.
pub struct ImpliedSkill<'g>(mentions::Implied<'g>);

/// A skill a text names or implies through the concepts it writes.
#[Object]
impl<'g> ImpliedSkill<'g> {
    /// The skill.
    async fn skill(&self) -> Skill<'g> {
        Skill(self.0.skill)
    }

    /// How sure, 0 to 1: 1 for a skill named or a concept that is the
    /// skill, from 0.5 up for a concept its name contains (the more of the
    /// name, the surer), less for a narrower concept of it; 0.8 for a
    /// skill whose description names two or more tools the text names, or
    /// that a tool's tools-table category writes; 0.7 for the skill most
    /// descriptions naming a tool are about; 0.6 to 0.9 for a skill whose
    /// description a line of the text says in other words (the more of it,
    /// the surer); 0.9 of a skill known for a skill of other words that is
    /// one ability with it (a compound and its parts, `Observability
    /// design` and `オブザーバビリティ`); 0.8 for an ability a cue shows at
    /// work (`説明` for communication, `taught` for education).
    async fn confidence(&self) -> f64 {
        self.0.confidence
    }

    /// The concepts that imply it (the first 10): those written, the cues
    /// that show it at work, and those joining it to a skill of other
    /// words; empty for a skill named, implied by tools, or described.
    #[graphql(
        complexity = "cost::capped(MAX_REASONS, ListBound::Nodes(NodeKind::Concept), child_complexity)"
    )]
    async fn because(&self) -> Vec<super::Concept<'g>> {
        let reasons = self.0.because.iter().take(MAX_REASONS);
        reasons.copied().map(super::Concept).collect()
    }
}

/// A skill, tool or concept named in a text.
pub struct Mention<'g> {
    found: mentions::Mention<'g>,
    surface: String,
}

/// A skill or tool named in a text, with where and how surely.
#[Object]
impl<'g> Mention<'g> {
    /// The skill, tool or concept.
    async fn node(&self) -> NodeInterface<'g> {
        self.found.node.into()
    }

    /// The words as the text writes them.
    async fn surface(&self) -> &str {
        &self.surface
    }

    /// Where the words start, in characters of `Extraction.text`.
    async fn start(&self) -> usize {
        self.found.start
    }

    /// Where the words end (exclusive), in characters of `Extraction.text`.
    async fn end(&self) -> usize {
        self.found.end
    }

    /// How the words matched the node's names.
    async fn how(&self) -> MatchKind {
        self.found.how.into()
    }

    /// The rule that matched, finer than `how` (`exact`, `alias`,
    /// `vendor`, `acronym` …).
    async fn rule(&self) -> &'static str {
        self.found.how.name()
    }

    /// How sure the reading is, 0 to 1: the rule's confidence, less for an
    /// everyday word (`Go`, `Spark`) read as a tool by its context.
    async fn confidence(&self) -> f64 {
        self.found.confidence
    }
}
