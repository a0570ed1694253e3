//! GraphQL object types: one file per type, each a borrowed handle on the
//! graph (`Job<'g>` wraps a `NodeRef<'g>`).

pub mod analytics;
mod corpus;
mod extraction;
mod job;
mod node;
mod posting;
mod resolution;
mod skill;
mod structure;
mod tool;

pub use corpus::{Corpus, CorpusChanges};
pub use extraction::{Extraction, Mention};
pub use job::{Job, JobFilter};
pub use node::NodeInterface;
pub use posting::Posting;
pub use resolution::{MatchKind, NameMatch, Resolution};
pub use skill::Skill;
pub use structure::{CareerStage, Employer, Resource, Team, Trend};
pub use tool::Tool;

use crate::graph::{self, NodeRef, SkillGraph};
use async_graphql::{Context, Enum, Error, ErrorExtensions, Result};
use std::sync::Arc;

/// The most results a list answer may hold.
const MAX_RESULTS: i32 = 100;

/// A list answer's `first`, checked: `default` when absent, else 0 to 100.
pub(crate) fn limit(argument: &'static str, value: Option<i32>, default: i32) -> Result<usize> {
    let value = value.unwrap_or(default);
    if !(0..=MAX_RESULTS).contains(&value) {
        return Err(crate::api::error::ApiError::BadArgument {
            argument,
            reason: format!("must be between 0 and {MAX_RESULTS}, got {value}"),
        }
        .extend());
    }
    Ok(value as usize)
}

/// The graph this request runs against.
pub(crate) fn graph_of<'a>(ctx: &Context<'a>) -> Result<&'a SkillGraph> {
    ctx.data::<Arc<SkillGraph>>()
        .map(Arc::as_ref)
        .map_err(|_| Error::new("no graph is loaded"))
}

/// Whether a skill is technical or organisational.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "SkillKind")]
pub enum SkillKind {
    /// A technical skill (クラウド, IaC, プログラミング言語 …).
    Hard,
    /// An organisational or interpersonal skill (戦略的思考, コミュニケーション …).
    Soft,
}

impl From<crate::guide::SkillKind> for SkillKind {
    fn from(kind: crate::guide::SkillKind) -> Self {
        match kind {
            crate::guide::SkillKind::Hard => SkillKind::Hard,
            crate::guide::SkillKind::Soft => SkillKind::Soft,
        }
    }
}

/// What kind of learning resource a guide names.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum ResourceKind {
    /// A book (書籍).
    Book,
    /// A course, tutorial or official documentation (オンラインコース).
    Course,
    /// A certification exam.
    Certification,
}

impl From<crate::guide::ResourceKind> for ResourceKind {
    fn from(kind: crate::guide::ResourceKind) -> Self {
        match kind {
            crate::guide::ResourceKind::Book => ResourceKind::Book,
            crate::guide::ResourceKind::Course => ResourceKind::Course,
            crate::guide::ResourceKind::Certification => ResourceKind::Certification,
        }
    }
}

/// The kinds of node in the graph.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
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
}

impl From<graph::NodeKind> for NodeKind {
    fn from(kind: graph::NodeKind) -> Self {
        match kind {
            graph::NodeKind::Job => NodeKind::Job,
            graph::NodeKind::Skill => NodeKind::Skill,
            graph::NodeKind::Tool => NodeKind::Tool,
            graph::NodeKind::CareerStage => NodeKind::CareerStage,
            graph::NodeKind::Team => NodeKind::Team,
            graph::NodeKind::Employer => NodeKind::Employer,
            graph::NodeKind::Resource => NodeKind::Resource,
            graph::NodeKind::Trend => NodeKind::Trend,
            graph::NodeKind::Posting => NodeKind::Posting,
        }
    }
}

impl From<NodeKind> for graph::NodeKind {
    fn from(kind: NodeKind) -> Self {
        match kind {
            NodeKind::Job => graph::NodeKind::Job,
            NodeKind::Skill => graph::NodeKind::Skill,
            NodeKind::Tool => graph::NodeKind::Tool,
            NodeKind::CareerStage => graph::NodeKind::CareerStage,
            NodeKind::Team => graph::NodeKind::Team,
            NodeKind::Employer => graph::NodeKind::Employer,
            NodeKind::Resource => graph::NodeKind::Resource,
            NodeKind::Trend => graph::NodeKind::Trend,
            NodeKind::Posting => graph::NodeKind::Posting,
        }
    }
}

/// Wraps each neighbour reached along `links` in a GraphQL handle.
pub(crate) fn handles<'g, T>(links: Vec<graph::Link<'g>>, wrap: fn(NodeRef<'g>) -> T) -> Vec<T> {
    links.into_iter().map(|link| wrap(link.node)).collect()
}
