//! GraphQL object types: one file per type, each a borrowed handle on the
//! graph (`Job<'g>` wraps a `NodeRef<'g>`).

pub mod analytics;
mod concept;
pub(crate) mod connection;
mod corpus;
mod extraction;
mod job;
mod node;
mod posting;
mod resolution;
mod skill;
mod structure;
mod suggestion;
mod tool;

pub(crate) use concept::labels_of;
pub use concept::{Concept, ConceptUse, Label};
pub use corpus::{Corpus, CorpusChanges};
pub use extraction::{Extraction, MAX_REASONS, Mention};
pub use job::{Job, JobFilter};
pub use node::NodeInterface;
pub use posting::Posting;
pub use resolution::{MatchKind, NameMatch, Resolution};
pub use skill::Skill;
pub use structure::{CareerStage, Employer, Resource, Team, Trend};
pub use suggestion::{PrefixMatch, Suggestion};
pub use tool::{Tool, ToolUsage};

use crate::graph::{self, NodeRef, SkillGraph};
use async_graphql::{Context, Enum, Error, ErrorExtensions, Result};
use std::sync::Arc;

/// A list answer's `first`, checked: `default` when absent, else 0 to
/// [`MAX_RESULTS`](crate::api::arguments::MAX_RESULTS).
pub(crate) fn limit(value: Option<i32>, default: i32) -> Result<usize> {
    crate::api::arguments::first(value, default).map_err(|error| error.extend())
}

/// The graph this request runs against.
pub(crate) fn graph_of<'a>(ctx: &Context<'a>) -> Result<&'a SkillGraph> {
    ctx.data::<Arc<SkillGraph>>()
        .map(Arc::as_ref)
        .map_err(|_| Error::new("no graph is loaded"))
}

/// The id of an answer that is not a node (`SkillOverlap`, `CareerPath`,
/// …): its type and a digest of what determines it and of the corpus
/// version. Two queries asking for the same answer get the same id, so a
/// client cache keeps one entry and merges the fields each asked for; a
/// reload that changes the corpus gives new ids.
pub(crate) fn answer_id(type_name: &str, graph: &SkillGraph, parts: &[&[u8]]) -> async_graphql::ID {
    use sha2::{Digest, Sha256};
    let mut digest = Sha256::new();
    digest.update(graph.version().as_bytes());
    for part in parts {
        // Each part's length first, so that parts cannot run into each other.
        digest.update((part.len() as u64).to_le_bytes());
        digest.update(part);
    }
    let hex: String = digest
        .finalize()
        .iter()
        .take(12)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    async_graphql::ID(format!("{type_name}:{hex}"))
}

/// The deadline the request runs to (none outside a guarded schema).
pub(crate) fn deadline_of(ctx: &Context<'_>) -> graph::Deadline {
    ctx.data_opt::<graph::Deadline>()
        .copied()
        .unwrap_or_default()
}

/// Whether a skill is technical or organisational.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "SkillKind", remote = "crate::guide::SkillKind")]
pub enum SkillKind {
    /// A technical skill (クラウド, IaC, プログラミング言語 …).
    Hard,
    /// An organisational or interpersonal skill (戦略的思考, コミュニケーション …).
    Soft,
}

/// What kind of learning resource a guide names.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::guide::ResourceKind")]
pub enum ResourceKind {
    /// A book (書籍).
    Book,
    /// A course, tutorial or official documentation (オンラインコース).
    Course,
    /// A certification exam.
    Certification,
}

/// A step of a career ladder that means the same in every role, so that
/// ジュニアSRE and Junior Platform Engineer stand side by side.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::guide::CareerLevel")]
pub enum CareerLevel {
    /// Junior, associate, trainee: works under guidance.
    Entry,
    /// Mid-level: works on their own.
    Mid,
    /// Senior: leads pieces of work and others on them.
    Senior,
    /// Staff, principal, lead or architect: sets direction beyond a team.
    Staff,
    /// Manages people.
    Manager,
    /// Heads a function: head of, director, VP, CTO, CISO.
    Head,
}

/// How a rung's career level was found.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::guide::LevelSource")]
pub enum LevelSource {
    /// Its name says it (`シニア`, `Staff`, `Head of`).
    Name,
    /// Its name says none, so its place on the ladder between the rungs
    /// around it does.
    Ladder,
}

/// The kinds of node in the graph.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "graph::NodeKind")]
pub enum NodeKind {
    /// A job (role), with or without a guide.
    Job,
    /// A hard or soft skill.
    Skill,
    /// A tool or service.
    Tool,
    /// A rung of a job's career ladder.
    CareerStage,
    /// A team a job collaborates with.
    Team,
    /// A company named as an employer.
    Employer,
    /// A book, course or certification.
    Resource,
    /// A trend of a job's outlook.
    Trend,
    /// A job posting read beside the guides.
    Posting,
    /// A term the guides use to say what a role does (`SLO`, `ゴールデンパス`).
    Concept,
}

/// Wraps each neighbour reached along `links` in a GraphQL handle.
pub(crate) fn handles<'g, T>(links: Vec<graph::Link<'g>>, wrap: fn(NodeRef<'g>) -> T) -> Vec<T> {
    links.into_iter().map(|link| wrap(link.node)).collect()
}
