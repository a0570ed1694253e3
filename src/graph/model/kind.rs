//! Node kinds: what a node is, and how each kind is named and coloured
//! wherever it is shown.

use serde::Serialize;
use std::fmt;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum NodeKind {
    Job,
    Skill,
    Tool,
    CareerStage,
    Team,
    Employer,
    Resource,
    Trend,
    Posting,
    Concept,
}

impl NodeKind {
    /// Every kind, in the order counts are reported.
    pub const ALL: [NodeKind; 10] = [
        NodeKind::Job,
        NodeKind::Skill,
        NodeKind::Tool,
        NodeKind::CareerStage,
        NodeKind::Team,
        NodeKind::Employer,
        NodeKind::Resource,
        NodeKind::Trend,
        NodeKind::Posting,
        NodeKind::Concept,
    ];

    /// The prefix of ids of this kind (`job:`, `skill:` …).
    pub fn id_prefix(self) -> &'static str {
        match self {
            NodeKind::Job => "job",
            NodeKind::Skill => "skill",
            NodeKind::Tool => "tool",
            NodeKind::CareerStage => "stage",
            NodeKind::Team => "team",
            NodeKind::Employer => "employer",
            NodeKind::Resource => "resource",
            NodeKind::Trend => "trend",
            NodeKind::Posting => "posting",
            NodeKind::Concept => "concept",
        }
    }
}

/// How a kind of node is named and coloured wherever nodes are drawn: the
/// API's pictures, and the explorer's badges, chips and legends, whose
/// labels and style sheet the server writes from this one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindLook {
    /// The kind's name in Japanese (`職種`).
    pub ja: &'static str,
    /// The kind's name in English (`Job`).
    pub en: &'static str,
    /// The fill of its boxes, `#rrggbb`.
    pub fill: &'static str,
    /// The outline of its boxes, `#rrggbb`.
    pub stroke: &'static str,
}

impl NodeKind {
    /// How this kind is named and coloured.
    pub fn look(self) -> KindLook {
        let (ja, en, fill, stroke) = match self {
            NodeKind::Job => ("職種", "Job", "#dbeafe", "#60a5fa"),
            NodeKind::Skill => ("スキル", "Skill", "#dcfce7", "#4ade80"),
            NodeKind::Tool => ("ツール", "Tool", "#fef3c7", "#fbbf24"),
            NodeKind::CareerStage => ("キャリア段階", "Career stage", "#ede9fe", "#a78bfa"),
            NodeKind::Team => ("チーム", "Team", "#fce7f3", "#f472b6"),
            NodeKind::Employer => ("企業", "Employer", "#e0f2fe", "#38bdf8"),
            NodeKind::Resource => ("教材", "Learning resource", "#f3f4f6", "#9ca3af"),
            NodeKind::Trend => ("トレンド", "Trend", "#ffedd5", "#fb923c"),
            NodeKind::Posting => ("求人", "Job posting", "#fee2e2", "#f87171"),
            NodeKind::Concept => ("概念", "Concept", "#ecfccb", "#84cc16"),
        };
        KindLook {
            ja,
            en,
            fill,
            stroke,
        }
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            NodeKind::Job => "Job",
            NodeKind::Skill => "Skill",
            NodeKind::Tool => "Tool",
            NodeKind::CareerStage => "CareerStage",
            NodeKind::Team => "Team",
            NodeKind::Employer => "Employer",
            NodeKind::Resource => "Resource",
            NodeKind::Trend => "Trend",
            NodeKind::Posting => "Posting",
            NodeKind::Concept => "Concept",
        };
        f.write_str(name)
    }
}
