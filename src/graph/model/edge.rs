//! Edge kinds of the skill graph.

use crate::graph::node::NodeKind;
use crate::graph::source::Source;
use crate::guide::Section;
use serde::Serialize;
use std::fmt;

/// What an edge means. Each kind joins one kind of node to another
/// ([`EdgeKind::endpoints`]), which `SkillGraph::verify` checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EdgeKind {
    /// job → skill: a skill the guide lists.
    Requires,
    /// job → tool: weighted by where and how often the guide names it.
    Uses,
    /// skill → tool: the skill's description names the tool.
    Mentions,
    /// job → job: listed in `related_jobs`.
    RelatedTo,
    /// job → career stage, in ladder order.
    HasStage,
    /// career stage → the next stage up.
    Next,
    /// career stage → a job the stage is named after.
    LeadsTo,
    /// job → team.
    CollaboratesWith,
    /// job → employer.
    HiredBy,
    /// job → learning resource, in the guide's step order.
    LearnWith,
    /// job → trend of its outlook.
    Foresees,
    /// compound skill → one of its parts (`コンテナ技術とオーケストレーション` → `コンテナ技術`).
    ComposedOf,
    /// job posting → a skill or tool its title or description names,
    /// weighted by how often.
    AsksFor,
    /// job → a concept its guide uses, weighted by how specific the
    /// concept is to the job and where and how often the guide uses it.
    Involves,
    /// skill → a concept its name means or contains (`SLO design` → `SLO`),
    /// weighted by how much of the name the concept is.
    Expresses,
    /// concept → a broader concept (`monitoring` → `observability`).
    Broader,
}

impl EdgeKind {
    /// Every kind, in the order counts are reported.
    pub const ALL: [EdgeKind; 16] = [
        EdgeKind::Requires,
        EdgeKind::Uses,
        EdgeKind::Mentions,
        EdgeKind::RelatedTo,
        EdgeKind::HasStage,
        EdgeKind::Next,
        EdgeKind::LeadsTo,
        EdgeKind::CollaboratesWith,
        EdgeKind::HiredBy,
        EdgeKind::LearnWith,
        EdgeKind::Foresees,
        EdgeKind::ComposedOf,
        EdgeKind::AsksFor,
        EdgeKind::Involves,
        EdgeKind::Expresses,
        EdgeKind::Broader,
    ];

    /// Whether an edge of this kind may join a `source` node to a `target`.
    pub fn joins(self, source: NodeKind, target: NodeKind) -> bool {
        match self {
            EdgeKind::AsksFor => {
                source == NodeKind::Posting && matches!(target, NodeKind::Skill | NodeKind::Tool)
            }
            _ => (source, target) == self.endpoints(),
        }
    }

    /// The kinds of node this edge joins: (source, target); for `ASKS_FOR`
    /// the target is a skill or a tool.
    pub fn endpoints(self) -> (NodeKind, NodeKind) {
        use NodeKind::*;
        match self {
            EdgeKind::Requires => (Job, Skill),
            EdgeKind::Uses => (Job, Tool),
            EdgeKind::Mentions => (Skill, Tool),
            EdgeKind::RelatedTo => (Job, Job),
            EdgeKind::HasStage => (Job, CareerStage),
            EdgeKind::Next => (CareerStage, CareerStage),
            EdgeKind::LeadsTo => (CareerStage, Job),
            EdgeKind::CollaboratesWith => (Job, Team),
            EdgeKind::HiredBy => (Job, Employer),
            EdgeKind::LearnWith => (Job, Resource),
            EdgeKind::Foresees => (Job, Trend),
            EdgeKind::ComposedOf => (Skill, Skill),
            EdgeKind::AsksFor => (Posting, Skill),
            EdgeKind::Involves => (Job, Concept),
            EdgeKind::Expresses => (Skill, Concept),
            EdgeKind::Broader => (Concept, Concept),
        }
    }
}

impl fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            EdgeKind::Requires => "REQUIRES",
            EdgeKind::Uses => "USES",
            EdgeKind::Mentions => "MENTIONS",
            EdgeKind::RelatedTo => "RELATED_TO",
            EdgeKind::HasStage => "HAS_STAGE",
            EdgeKind::Next => "NEXT",
            EdgeKind::LeadsTo => "LEADS_TO",
            EdgeKind::CollaboratesWith => "COLLABORATES_WITH",
            EdgeKind::HiredBy => "HIRED_BY",
            EdgeKind::LearnWith => "LEARN_WITH",
            EdgeKind::Foresees => "FORESEES",
            EdgeKind::ComposedOf => "COMPOSED_OF",
            EdgeKind::AsksFor => "ASKS_FOR",
            EdgeKind::Involves => "INVOLVES",
            EdgeKind::Expresses => "EXPRESSES",
            EdgeKind::Broader => "BROADER",
        };
        f.write_str(name)
    }
}

/// Where a guide names a tool it uses; the `USES` weight is built from these.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UseSources {
    /// Tools-table categories listing the tool.
    pub tools_table: Vec<String>,
    /// Skill rows whose description names the tool.
    pub skill_texts: u32,
    /// Listed in the front matter's `tags`.
    pub tag: bool,
    /// Mentions anywhere else in the body (duties, learning, interview …).
    pub body_mentions: u32,
}

impl UseSources {
    /// The `USES` weight: 1.0 for a tools-table listing, 0.5 for a tag,
    /// 0.5 per skill row naming it, and 0.1 per other mention up to 1.0.
    pub fn weight(&self) -> f64 {
        let table = if self.tools_table.is_empty() {
            0.0
        } else {
            1.0
        };
        let tag = if self.tag { 0.5 } else { 0.0 };
        let skills = 0.5 * f64::from(self.skill_texts);
        let body = (0.1 * f64::from(self.body_mentions)).min(1.0);
        table + tag + skills + body
    }
}

/// An edge: its kind, its weight, and where it came from in the guides.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub kind: EdgeKind,
    /// Strength of the link; 1.0 unless the kind defines otherwise.
    pub weight: f64,
    /// 1-based position in the guide's list the edge was read from (skill
    /// row, ladder rung, learning step …), when there is one.
    pub order: Option<u32>,
    /// For `USES` only: where the tool was named.
    pub uses: Option<Box<UseSources>>,
    /// Every place in the guides that stated this edge, in reading order.
    pub sources: Vec<Source>,
}

impl Edge {
    /// An edge of weight 1.0 with no position.
    pub fn plain(kind: EdgeKind) -> Self {
        Self {
            kind,
            weight: 1.0,
            order: None,
            uses: None,
            sources: Vec::new(),
        }
    }

    /// An edge of weight 1.0 at a 1-based position.
    pub fn ordered(kind: EdgeKind, order: usize) -> Self {
        Self {
            order: u32::try_from(order).ok(),
            ..Self::plain(kind)
        }
    }

    /// The same edge, read from `source`.
    pub fn from_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// The places in guide `guide`'s `section` that stated this edge.
    pub fn sources_in(&self, guide: usize, section: Section) -> impl Iterator<Item = &Source> {
        self.sources
            .iter()
            .filter(move |source| source.guide as usize == guide && source.section == section)
    }
}
