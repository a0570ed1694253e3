//! Node kinds of the skill graph and the data each carries.

use crate::graph::id::NodeId;
pub use crate::graph::kind::{KindLook, NodeKind};
use crate::graph::source::Source;
use crate::guide::{CareerLevel, Language, LevelSource, ResourceKind, SkillKind};
use serde::Serialize;

/// A job: described by a guide, or only named in another guide's `related_jobs`.
#[derive(Debug, Clone, PartialEq)]
pub struct JobNode {
    pub slug: String,
    /// The role's name (`Platform Engineer`), from the guide's headline,
    /// else the alias file, else the slug in words.
    pub name: String,
    /// The guide's title, often a tagline (`開発効率を最大化する基盤構築の専門家`).
    pub title: String,
    /// Index of the guide describing this job; `None` for a stub.
    pub guide: Option<usize>,
    /// Other slugs and titles this job is known by (from the alias file).
    pub aliases: Vec<String>,
    /// Its title in each language (the glossary's, else its name's own).
    pub labels: Labels,
}

/// A skill, merged across guides by canonical name.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillNode {
    pub name: String,
    pub kind: SkillKind,
    /// Every other spelling seen in the guides or listed in the alias file.
    pub aliases: Vec<String>,
    /// Its name in each language (the glossary's, the one its name
    /// writes in parentheses, else its name's own).
    pub labels: Labels,
}

/// A term the guides use to say what a role does (`SLO`, `エラーバジェット`,
/// `ゴールデンパス`), from the glossary, the guides' own glosses, their
/// keywords and tags, and skill names that other skills' names contain.
#[derive(Debug, Clone, PartialEq)]
pub struct ConceptNode {
    /// The spelling the corpus wrote first.
    pub name: String,
    /// Its name in each language.
    pub labels: Labels,
    /// Every other spelling it is found by, in either language.
    pub aliases: Vec<String>,
    /// Where the term was first found.
    pub origin: ConceptOrigin,
    /// A broad word of the field, by the glossary, or used by more than
    /// half of the roles: too common to tell them apart (`監査`, `設計`).
    /// A text may state it, but it implies no skill by itself.
    pub generic: bool,
    /// A word that says nothing about the work by itself (`チーム`,
    /// `開発`), by the glossary: never said to be stated by a text.
    pub vague: bool,
    /// A tool, product, language or platform (`Swift`) by the glossary,
    /// that no guide's tools table need list: a text names it as a tool.
    pub tool: bool,
    /// How many guides use it: the fewer, the more telling.
    pub roles: u32,
}

/// Where a concept's term comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConceptOrigin {
    /// An entry of the glossary.
    Glossary,
    /// A guide's own gloss: a term and its other name in parentheses.
    Gloss,
    /// A front-matter keyword or tag.
    Keyword,
    /// A skill name that another skill's name contains.
    SkillName,
}

/// A name in each language the service labels in: BCP 47 `ja` and `en`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    pub ja: Option<String>,
    pub en: Option<String>,
}

impl Labels {
    /// The label of `language`, if there is one.
    pub fn of(&self, language: Language) -> Option<&str> {
        match language {
            Language::Japanese => self.ja.as_deref(),
            Language::English => self.en.as_deref(),
        }
    }

    /// A name's own label: Japanese when it writes any Japanese, else
    /// English. A name in Latin letters is read as English.
    pub fn of_name(name: &str) -> Self {
        if name.chars().any(is_japanese) {
            Self {
                ja: Some(name.to_owned()),
                en: None,
            }
        } else {
            Self {
                ja: None,
                en: Some(name.to_owned()),
            }
        }
    }

    /// These labels, with the gaps filled from `other`.
    pub fn or(self, other: Labels) -> Self {
        Self {
            ja: self.ja.or(other.ja),
            en: self.en.or(other.en),
        }
    }
}

/// Hiragana, katakana or a CJK ideograph: a character of Japanese text.
pub fn is_japanese(ch: char) -> bool {
    matches!(ch as u32,
        0x3040..=0x30FF     // hiragana, katakana
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xFF66..=0xFF9F) // half-width katakana
}

/// A tool or service.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolNode {
    pub name: String,
    /// Tools-table categories it was listed under, across guides.
    pub categories: Vec<String>,
    pub aliases: Vec<String>,
}

/// One rung of a job's career ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct StageNode {
    pub job_slug: String,
    pub name: String,
    /// 1-based position on the ladder.
    pub order: usize,
    /// The step it stands on, lined up across roles.
    pub level: CareerLevel,
    /// Whether its name said the level or its place on the ladder did.
    pub level_source: LevelSource,
    /// The ladder row it was read from.
    pub source: Source,
}

/// A team a job collaborates with.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamNode {
    pub name: String,
    pub aliases: Vec<String>,
}

/// A company named as an employer.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployerNode {
    pub name: String,
    /// The employer types it was listed under (`FinTech・金融系企業` …).
    pub sectors: Vec<String>,
    /// Other spellings the guides used for it (full-width, other case …).
    pub aliases: Vec<String>,
}

/// A book, course or certification.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceNode {
    pub title: String,
    pub kind: ResourceKind,
    pub aliases: Vec<String>,
}

/// A trend of one guide's outlook.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendNode {
    pub title: String,
    pub job_slug: String,
    /// The outlook row it was read from.
    pub source: Source,
}

/// A job posting read beside the guides.
#[derive(Debug, Clone, PartialEq)]
pub struct PostingNode {
    pub identifier: String,
    pub title: String,
    /// Index of the posting in [`SkillGraph::postings`](crate::graph::SkillGraph::postings).
    pub posting: usize,
    /// The skills and tools its title and description name, in reading
    /// order (the title first); [`NodeRef::posting_mentions`](crate::graph::NodeRef::posting_mentions)
    /// gives each with its node.
    pub(crate) mentions: Vec<PostingMention>,
    /// The concepts its title and description write, each once, in the
    /// order first written.
    pub(crate) concepts: Vec<petgraph::graph::NodeIndex>,
    /// The description's plain text, which the mentions' offsets point
    /// into: made once, when the posting was read.
    pub text: String,
}

/// Which rule matched a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    Exact,
    Alias,
    Folded,
    Vendor,
    Acronym,
    Fuzzy,
}

impl How {
    /// The rule's name as reports print it (`vendor`).
    pub fn name(self) -> &'static str {
        match self {
            How::Exact => "exact",
            How::Alias => "alias",
            How::Folded => "folded",
            How::Vendor => "vendor",
            How::Acronym => "acronym",
            How::Fuzzy => "fuzzy",
        }
    }

    /// How sure a match by this rule is; a fuzzy match scales this by its
    /// similarity.
    pub fn confidence(self) -> f64 {
        match self {
            How::Exact => 1.0,
            How::Alias => 0.98,
            How::Folded => 0.95,
            How::Vendor => 0.9,
            How::Acronym => 0.85,
            How::Fuzzy => 0.8,
        }
    }
}

/// Where a posting names a skill or tool.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PostingMention {
    pub(crate) node: petgraph::graph::NodeIndex,
    /// In the title, or in the description's plain text.
    pub in_title: bool,
    /// Characters of the title or of the description's plain text.
    pub start: u32,
    pub end: u32,
    pub how: How,
}

/// A node: a stable id and the data of its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: NodeId,
    pub data: NodeData,
}

/// The data of each kind of node.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeData {
    Job(JobNode),
    Skill(SkillNode),
    Tool(ToolNode),
    CareerStage(StageNode),
    Team(TeamNode),
    Employer(EmployerNode),
    Resource(ResourceNode),
    Trend(TrendNode),
    Posting(PostingNode),
    Concept(ConceptNode),
}

impl Node {
    /// Whether the node is too broad to join skills or imply one: a
    /// generic concept, or no concept at all.
    pub(crate) fn is_broad(&self) -> bool {
        match &self.data {
            NodeData::Concept(concept) => concept.generic,
            _ => true,
        }
    }

    /// The kind of node.
    pub fn kind(&self) -> NodeKind {
        match &self.data {
            NodeData::Job(_) => NodeKind::Job,
            NodeData::Skill(_) => NodeKind::Skill,
            NodeData::Tool(_) => NodeKind::Tool,
            NodeData::CareerStage(_) => NodeKind::CareerStage,
            NodeData::Team(_) => NodeKind::Team,
            NodeData::Employer(_) => NodeKind::Employer,
            NodeData::Resource(_) => NodeKind::Resource,
            NodeData::Trend(_) => NodeKind::Trend,
            NodeData::Posting(_) => NodeKind::Posting,
            NodeData::Concept(_) => NodeKind::Concept,
        }
    }

    /// The human-readable name shown for the node.
    pub fn label(&self) -> &str {
        match &self.data {
            NodeData::Job(job) => &job.name,
            NodeData::Skill(skill) => &skill.name,
            NodeData::Tool(tool) => &tool.name,
            NodeData::CareerStage(stage) => &stage.name,
            NodeData::Team(team) => &team.name,
            NodeData::Employer(employer) => &employer.name,
            NodeData::Resource(resource) => &resource.title,
            NodeData::Trend(trend) => &trend.title,
            NodeData::Posting(posting) => &posting.title,
            NodeData::Concept(concept) => &concept.name,
        }
    }

    /// Other names the node is known by.
    pub fn aliases(&self) -> &[String] {
        match &self.data {
            NodeData::Job(job) => &job.aliases,
            NodeData::Skill(skill) => &skill.aliases,
            NodeData::Tool(tool) => &tool.aliases,
            NodeData::Team(team) => &team.aliases,
            NodeData::Resource(resource) => &resource.aliases,
            NodeData::Employer(employer) => &employer.aliases,
            NodeData::Concept(concept) => &concept.aliases,
            NodeData::CareerStage(_) | NodeData::Trend(_) | NodeData::Posting(_) => &[],
        }
    }

    /// The node's name in each language: the labels kept for jobs, skills
    /// and concepts; for other kinds their name's own.
    pub fn labels(&self) -> Labels {
        match &self.data {
            NodeData::Job(job) => job.labels.clone(),
            NodeData::Skill(skill) => skill.labels.clone(),
            NodeData::Concept(concept) => concept.labels.clone(),
            _ => Labels::of_name(self.label()),
        }
    }
}
