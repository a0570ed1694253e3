//! The plain records a guide is read into.
//!
//! These types know nothing about graphs or GraphQL: they are what a reader
//! would write down after reading one guide, with the line each fact came
//! from so that later layers can point back at the source.

use serde::Serialize;
use std::path::PathBuf;

/// One career guide, read completely.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Guide {
    /// The file the guide was read from.
    pub path: PathBuf,
    /// The validated front matter.
    pub front: FrontMatter,
    /// The first heading of the body, when it is not a known section.
    pub headline: Option<String>,
    /// The text of the overview section ("… とは").
    pub overview: Option<Text>,
    /// Duties in the order the guide lists them.
    pub duties: Vec<Duty>,
    /// Hard and soft skills, in table order.
    pub skills: Vec<SkillEntry>,
    /// Tool categories with the tools named in each.
    pub tool_categories: Vec<ToolCategory>,
    /// Teams the role works with.
    pub teams: Vec<TeamEntry>,
    /// Career stages, ordered from the first rung up.
    pub stages: Vec<StageEntry>,
    /// Trends of the outlook section.
    pub trends: Vec<TrendEntry>,
    /// Learning steps in the guide's order.
    pub learning_steps: Vec<LearningStep>,
    /// Kinds of employer, each with example companies.
    pub employer_types: Vec<EmployerType>,
    /// Interview questions with the points of a good answer.
    pub interview_questions: Vec<InterviewQuestion>,
    /// The summary section's text.
    pub summary: Option<Text>,
    /// Sections whose heading names none of the known sections, kept as text.
    pub other_sections: Vec<FreeSection>,
}

/// A run of prose with the line it starts on.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub line: usize,
}

/// The JSON front matter after validation.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct FrontMatter {
    pub slug: String,
    pub title: String,
    pub category: Option<String>,
    pub keywords: Vec<String>,
    pub tags: Vec<String>,
    pub related_jobs: Vec<String>,
    pub meta_description: Option<String>,
    pub thumbnail: Option<String>,
    pub hero_image: Option<String>,
    /// Keys the format does not define, kept verbatim.
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// The line of the `---json` opener, so front-matter facts have a line.
    pub line: usize,
    /// The line of the `slug` key.
    pub slug_line: usize,
    /// The line of the `related_jobs` key (the opener's when absent).
    pub related_jobs_line: usize,
}

/// One duty of the role.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Duty {
    pub title: String,
    /// Prose under the duty's heading that carries no label.
    pub description: String,
    /// The text labelled `詳細` (detail).
    pub detail: String,
    /// The text labelled `目標` (goal).
    pub goal: String,
    pub line: usize,
}

/// Whether a skill is technical or organisational.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum SkillKind {
    Hard,
    Soft,
}

/// One row of a skills table.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SkillEntry {
    pub name: String,
    pub kind: SkillKind,
    pub description: String,
    pub line: usize,
}

/// One row of the tools table: a category and the tools it names.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ToolCategory {
    pub category: String,
    pub tools: Vec<String>,
    /// The cell as written, cleaned of Markdown, for search and display.
    pub description: String,
    pub line: usize,
}

/// A team the role collaborates with.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TeamEntry {
    pub name: String,
    /// Names given in parentheses, such as `Dev Team` or `PM`.
    pub aliases: Vec<String>,
    /// What is done together.
    pub description: String,
    /// Concrete joint activities (`具体的な連携`).
    pub activities: String,
    /// Why they work together (`目的`).
    pub purpose: String,
    pub line: usize,
}

/// One rung of the career ladder.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StageEntry {
    pub name: String,
    pub responsibilities: String,
    pub outlook: String,
    /// 1-based position on the ladder.
    pub order: usize,
    pub line: usize,
}

/// A trend of the outlook section.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TrendEntry {
    pub title: String,
    pub text: String,
    pub line: usize,
}

/// What kind of learning resource a step names.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum ResourceKind {
    Book,
    Course,
    Certification,
}

/// A book, course or certification named by a learning step.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ResourceEntry {
    pub kind: ResourceKind,
    pub title: String,
    pub line: usize,
}

/// One step of the learning path.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LearningStep {
    pub title: String,
    /// 1-based position in the guide.
    pub order: usize,
    /// What the step is for (`目的`).
    pub goal: String,
    /// Everything the step says, for search and for linking skills.
    pub text: String,
    pub resources: Vec<ResourceEntry>,
    pub line: usize,
}

/// A kind of employer with example companies.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EmployerType {
    pub name: String,
    /// Proper company names only; generic phrases such as `証券会社` are left out.
    pub companies: Vec<String>,
    pub description: String,
    pub line: usize,
}

/// An interview question and the points of a good answer.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct InterviewQuestion {
    pub question: String,
    pub answer_points: String,
    pub line: usize,
}

/// A section whose heading names no known section.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FreeSection {
    pub title: String,
    pub text: String,
    pub line: usize,
}
