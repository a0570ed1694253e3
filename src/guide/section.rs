//! The parts of a guide, named once for every layer.
//!
//! [`Section`] names each place a fact can be read from: the front matter,
//! each section a heading opens, the tools table inside the skills section,
//! free sections, and a posting's text. This file is the one place that
//! says which [`Guide`] list holds a section's rows: [`Guide::row`] and
//! [`Guide::rows`] read them, [`Guide::prose`] reads every text a guide
//! writes, and [`read`] fills a section's list from its blocks. Nothing
//! else in the crate picks a list by hand, so a provenance record (which
//! section, which row) always finds the row it was read from.
//!
//! Adding a section kind: a variant here (the compiler then asks for its
//! name, its row and how it is read), its heading words in
//! [`super::keywords`], its record and list in [`super::model`], and its
//! reader in [`super::extract`]. ARCHITECTURE.md walks through it.

use super::extract;
use super::model::*;
use super::sections::SectionBlocks;
use serde::Serialize;

/// A place in a guide (or a posting) that facts are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// The JSON front matter: title, description, keywords and tags.
    FrontMatter,
    Overview,
    Duties,
    /// The skills table of the skills-and-tools section.
    Skills,
    /// The tools table of the skills-and-tools section.
    Tools,
    /// The collaboration section.
    Teams,
    CareerPath,
    Outlook,
    Learning,
    Employers,
    Interview,
    Summary,
    /// Sections whose heading names none of the others, kept as text.
    Other,
    /// A job posting's title or description. Postings are not guides:
    /// no guide has rows here.
    Posting,
}

impl Section {
    /// Every section, in the order a guide writes them.
    pub const ALL: [Section; 14] = [
        Section::FrontMatter,
        Section::Overview,
        Section::Duties,
        Section::Skills,
        Section::Tools,
        Section::Teams,
        Section::CareerPath,
        Section::Outlook,
        Section::Learning,
        Section::Employers,
        Section::Interview,
        Section::Summary,
        Section::Other,
        Section::Posting,
    ];

    /// Where this section's texts come in [`Guide::prose`], most telling
    /// first: the front matter and the tables name what the role needs
    /// outright; then the prose about the role as a whole; then the prose
    /// about its surroundings. A concept's label is the spelling read first,
    /// so this order is what picks it.
    fn reading_rank(self) -> u8 {
        match self {
            Section::FrontMatter => 0,
            Section::Skills => 1,
            Section::Tools => 2,
            Section::Overview => 3,
            Section::Summary => 4,
            Section::Duties => 5,
            Section::Teams => 6,
            Section::CareerPath => 7,
            Section::Outlook => 8,
            Section::Learning => 9,
            Section::Interview => 10,
            Section::Employers => 11,
            Section::Other => 12,
            Section::Posting => 13,
        }
    }

    /// The name used in warnings and diagnostics. A skills-and-tools
    /// heading opens [`Section::Skills`], so that is its name.
    pub fn name(self) -> &'static str {
        match self {
            Section::FrontMatter => "front matter",
            Section::Overview => "overview",
            Section::Duties => "duties",
            Section::Skills => "skills and tools",
            Section::Tools => "tools",
            Section::Teams => "collaboration",
            Section::CareerPath => "career path",
            Section::Outlook => "outlook",
            Section::Learning => "learning",
            Section::Employers => "employers",
            Section::Interview => "interview",
            Section::Summary => "summary",
            Section::Other => "other",
            Section::Posting => "posting",
        }
    }

    /// Whether a heading of its own opens this section. The tools table
    /// lives under the skills heading; the front matter, free sections and
    /// postings have none.
    pub fn has_heading(self) -> bool {
        !matches!(
            self,
            Section::FrontMatter | Section::Tools | Section::Other | Section::Posting
        )
    }

    /// The sections a heading opens, in the order a guide writes them.
    pub fn headed() -> impl Iterator<Item = Section> {
        Section::ALL
            .into_iter()
            .filter(|section| section.has_heading())
    }

    /// Whether every guide is expected to have this section, so that one
    /// without it is warned of ("no … section"). Every headed section is
    /// today; a section few guides write would opt out here.
    pub fn is_expected(self) -> bool {
        self.has_heading()
    }

    /// The sections every guide is expected to have.
    pub fn expected() -> impl Iterator<Item = Section> {
        Section::ALL
            .into_iter()
            .filter(|section| section.is_expected())
    }

    /// How much a term written here says that the role involves it: a
    /// skill row or a keyword says it outright, an employer's description
    /// barely.
    pub fn says_what_the_role_does(self) -> f64 {
        match self {
            Section::Skills | Section::FrontMatter => 1.0,
            Section::Duties => 0.8,
            Section::Tools => 0.6,
            Section::Overview | Section::Summary => 0.5,
            Section::Outlook | Section::Learning | Section::Interview => 0.4,
            Section::Teams | Section::CareerPath | Section::Other => 0.25,
            Section::Employers | Section::Posting => 0.1,
        }
    }
}

/// One row of a section, typed by what the section holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row<'g> {
    FrontMatter(&'g FrontMatter),
    /// The overview's or the summary's text.
    Text(&'g Text),
    Duty(&'g Duty),
    Skill(&'g SkillEntry),
    Tools(&'g ToolCategory),
    Team(&'g TeamEntry),
    Stage(&'g StageEntry),
    Trend(&'g TrendEntry),
    Step(&'g LearningStep),
    Employer(&'g EmployerType),
    Question(&'g InterviewQuestion),
    Free(&'g FreeSection),
}

impl<'g> Row<'g> {
    /// The 1-based line the row starts on.
    pub fn line(self) -> usize {
        match self {
            Row::FrontMatter(front) => front.line,
            Row::Text(text) => text.line,
            Row::Duty(duty) => duty.line,
            Row::Skill(skill) => skill.line,
            Row::Tools(category) => category.line,
            Row::Team(team) => team.line,
            Row::Stage(stage) => stage.line,
            Row::Trend(trend) => trend.line,
            Row::Step(step) => step.line,
            Row::Employer(employer) => employer.line,
            Row::Question(question) => question.line,
            Row::Free(free) => free.line,
        }
    }

    /// How many names the row lists (the `item`s of a provenance record):
    /// a step's resources, an employer type's companies, a tools-table
    /// row's tools.
    pub fn items(self) -> usize {
        match self {
            Row::Step(step) => step.resources.len(),
            Row::Employer(employer) => employer.companies.len(),
            Row::Tools(category) => category.tools.len(),
            _ => 0,
        }
    }

    /// What the row says, in the order it says it. A team's or a rung's
    /// name is left out: it names a node rather than saying what the role
    /// does.
    pub fn texts(self) -> Vec<&'g str> {
        match self {
            Row::FrontMatter(front) => {
                let mut texts = vec![front.title.as_str()];
                texts.extend(front.meta_description.as_deref());
                texts.extend(front.keywords.iter().map(String::as_str));
                texts.extend(front.tags.iter().map(String::as_str));
                texts
            }
            Row::Text(text) => vec![&text.text],
            Row::Duty(duty) => vec![&duty.title, &duty.description, &duty.detail, &duty.goal],
            Row::Skill(skill) => vec![&skill.name, &skill.description],
            Row::Tools(category) => vec![&category.category, &category.description],
            Row::Team(team) => vec![&team.description, &team.activities, &team.purpose],
            Row::Stage(stage) => vec![&stage.responsibilities, &stage.outlook],
            Row::Trend(trend) => vec![&trend.title, &trend.text],
            Row::Step(step) => vec![&step.title, &step.text],
            Row::Employer(employer) => vec![&employer.description],
            Row::Question(question) => vec![&question.question, &question.answer_points],
            Row::Free(free) => vec![&free.text],
        }
    }
}

/// One text a guide writes, with where: its section, its 0-based row there
/// and the row's line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prose<'g> {
    pub section: Section,
    pub row: usize,
    pub line: usize,
    pub text: &'g str,
}

impl Guide {
    /// Row `index` of `section`, or `None` past its end.
    pub fn row(&self, section: Section, index: usize) -> Option<Row<'_>> {
        match section {
            Section::FrontMatter => (index == 0).then_some(Row::FrontMatter(&self.front)),
            Section::Overview => only_row(&self.overview, index),
            Section::Summary => only_row(&self.summary, index),
            Section::Duties => self.duties.get(index).map(Row::Duty),
            Section::Skills => self.skills.get(index).map(Row::Skill),
            Section::Tools => self.tool_categories.get(index).map(Row::Tools),
            Section::Teams => self.teams.get(index).map(Row::Team),
            Section::CareerPath => self.stages.get(index).map(Row::Stage),
            Section::Outlook => self.trends.get(index).map(Row::Trend),
            Section::Learning => self.learning_steps.get(index).map(Row::Step),
            Section::Employers => self.employer_types.get(index).map(Row::Employer),
            Section::Interview => self.interview_questions.get(index).map(Row::Question),
            Section::Other => self.other_sections.get(index).map(Row::Free),
            Section::Posting => None,
        }
    }

    /// The rows of `section`, in the guide's order.
    pub fn rows(&self, section: Section) -> impl Iterator<Item = Row<'_>> + Clone {
        (0..).map_while(move |index| self.row(section, index))
    }

    /// Every text the guide writes, the most telling sections first (see
    /// [`Section::reading_rank`]), each with where it was written.
    pub fn prose(&self) -> impl Iterator<Item = Prose<'_>> {
        let mut sections = Section::ALL;
        sections.sort_by_key(|section| section.reading_rank());
        sections.into_iter().flat_map(move |section| {
            self.rows(section).enumerate().flat_map(move |(row, read)| {
                let line = read.line();
                read.texts().into_iter().map(move |text| Prose {
                    section,
                    row,
                    line,
                    text,
                })
            })
        })
    }

    /// The names of the expected sections this guide gives nothing for.
    pub fn missing_sections(&self) -> Vec<&'static str> {
        Section::expected()
            .filter(|section| !self.holds_any(*section))
            .map(Section::name)
            .collect()
    }

    /// Whether the guide has read anything for a headed section (for the
    /// skills heading, a skill or a tool).
    fn holds_any(&self, section: Section) -> bool {
        self.rows(section).next().is_some()
            || (section == Section::Skills && self.rows(Section::Tools).next().is_some())
    }
}

/// A section of one text has one row.
fn only_row(text: &Option<Text>, index: usize) -> Option<Row<'_>> {
    text.as_ref().filter(|_| index == 0).map(Row::Text)
}

/// Reads the blocks a heading of `section` opened into `guide`; false when
/// they yielded nothing.
pub(super) fn read(
    guide: &mut Guide,
    section: Section,
    blocks: &SectionBlocks,
    unsplittable: &[String],
) -> bool {
    match section {
        Section::Overview => append_text(&mut guide.overview, blocks),
        Section::Summary => append_text(&mut guide.summary, blocks),
        Section::Duties => append(&mut guide.duties, extract::duties(blocks)),
        Section::Skills => {
            let (skills, tools) = extract::skills_and_tools(blocks, unsplittable);
            let skills_read = append(&mut guide.skills, skills);
            append(&mut guide.tool_categories, tools) || skills_read
        }
        Section::Teams => append(&mut guide.teams, extract::teams(blocks)),
        Section::CareerPath => {
            let offset = guide.stages.len();
            let stages = extract::stages(blocks).into_iter().map(|stage| StageEntry {
                order: stage.order + offset,
                ..stage
            });
            append(&mut guide.stages, stages.collect())
        }
        Section::Outlook => append(&mut guide.trends, extract::trends(blocks)),
        Section::Learning => {
            let offset = guide.learning_steps.len();
            let steps = extract::learning_steps(blocks)
                .into_iter()
                .map(|step| LearningStep {
                    order: step.order + offset,
                    ..step
                });
            append(&mut guide.learning_steps, steps.collect())
        }
        Section::Employers => append(&mut guide.employer_types, extract::employer_types(blocks)),
        Section::Interview => append(
            &mut guide.interview_questions,
            extract::interview_questions(blocks),
        ),
        Section::Other => {
            let text = extract::prose(&blocks.blocks);
            let read = !text.is_empty();
            // A wrapper heading with nothing of its own is only decoration.
            if read {
                guide.other_sections.push(FreeSection {
                    title: blocks.title.clone(),
                    text,
                    line: blocks.line,
                });
            }
            read
        }
        // No heading opens these.
        Section::FrontMatter | Section::Tools | Section::Posting => false,
    }
}

/// Appends `rows` to `list`; whether there were any.
fn append<T>(list: &mut Vec<T>, rows: Vec<T>) -> bool {
    let any = !rows.is_empty();
    list.extend(rows);
    any
}

/// Appends the blocks' prose to `target`, a paragraph after what an
/// earlier heading of the same section gave; whether there was any.
fn append_text(target: &mut Option<Text>, blocks: &SectionBlocks) -> bool {
    let text = extract::prose(&blocks.blocks);
    if text.is_empty() {
        return false;
    }
    match target {
        Some(existing) => {
            existing.text.push('\n');
            existing.text.push_str(&text);
        }
        None => {
            *target = Some(Text {
                text,
                line: blocks.line,
            })
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::{WarningKind, parse_guide};
    use std::path::Path;

    /// A section of each headed kind as a guide might write it. The match
    /// is exhaustive, so a new section kind asks for its sample here.
    fn sample(section: Section) -> &'static str {
        match section {
            Section::Overview => "## 概要\n\nシステムを支える仕事です。\n",
            Section::Duties => "## 主な業務\n\n- **監視の設計**：アラートを整える。\n",
            Section::Skills => concat!(
                "## スキルとツール\n\n#### ハードスキル\n\n- **SQL**：集計を書く\n\n",
                "#### ツール\n\n- **DWH**：BigQuery, Snowflake\n",
            ),
            Section::Teams => concat!(
                "## 協業するチーム\n\n| 連携相手 | 連携内容 | 目的 |\n| --- | --- | --- |\n",
                "| 開発チーム | 設計レビュー | 品質を上げる |\n",
            ),
            Section::CareerPath => "## キャリアパス\n\n- **ジュニア**：保守と小さな改修。\n",
            Section::Outlook => "## 将来性\n\n- **自動化**：運用の自動化が進む。\n",
            Section::Learning => concat!(
                "## 学習ステップ\n\n1. **SQLを学ぶ**\n",
                "    - 目的：集計を書けるようになる。\n",
                "    - 書籍：『SQL入門』\n",
            ),
            Section::Employers => "## 就職先の企業\n\n- **Web系企業**：メルカリ、ラクスル\n",
            Section::Interview => concat!(
                "## 面接でよく聞かれること\n\n| 想定される質問 | 答え方のコツ |\n| --- | --- |\n",
                "| 障害対応の経験は？ | 振り返りまで話す。 |\n",
            ),
            Section::Summary => "## まとめ\n\n基盤を支える仕事です。\n",
            Section::FrontMatter | Section::Tools | Section::Other | Section::Posting => "",
        }
    }

    fn guide_of(body: &str) -> (Guide, Vec<WarningKind>) {
        let text = format!("---json\n{{\"slug\": \"sre\", \"title\": \"SRE\"}}\n---\n{body}");
        let (guide, warnings) =
            parse_guide(Path::new("sre.md"), &text, &[]).expect("the sample parses");
        (guide, warnings.into_iter().map(|w| w.kind).collect())
    }

    #[test]
    fn every_headed_section_is_read_into_rows_found_by_its_own_kind() {
        for section in Section::headed() {
            let (guide, warnings) = guide_of(sample(section));
            let rows: Vec<Row<'_>> = guide.rows(section).collect();
            assert!(!rows.is_empty(), "{} read no rows", section.name());
            assert!(
                !warnings.contains(&WarningKind::EmptySection(section.name())),
                "{} read as empty",
                section.name()
            );
            assert!(
                !warnings.contains(&WarningKind::MissingSection(section.name())),
                "{} was not recognised",
                section.name()
            );
            for (index, row) in rows.iter().enumerate() {
                assert_eq!(guide.row(section, index), Some(*row));
                assert!(row.line() > 3, "{} row {index} has no line", section.name());
            }
            // Its rows reach the prose, under its own section.
            let prose: Vec<Prose<'_>> = guide
                .prose()
                .filter(|prose| prose.section == section)
                .collect();
            assert!(!prose.is_empty(), "{} gave no prose", section.name());
            assert!(
                prose
                    .iter()
                    .all(|prose| prose.line == rows[prose.row].line())
            );
            // No other headed section picked up its rows.
            for other in Section::headed().filter(|other| *other != section) {
                assert!(
                    guide.rows(other).next().is_none(),
                    "{} rows landed in {}",
                    section.name(),
                    other.name()
                );
            }
        }
    }

    #[test]
    fn a_skills_heading_fills_the_skills_and_the_tools_tables() {
        let (guide, _) = guide_of(sample(Section::Skills));
        assert!(
            matches!(guide.row(Section::Skills, 0), Some(Row::Skill(skill)) if skill.name == "SQL")
        );
        let Some(Row::Tools(category)) = guide.row(Section::Tools, 0) else {
            panic!("no tools row");
        };
        assert_eq!(category.tools, ["BigQuery", "Snowflake"]);
        assert_eq!(Row::Tools(category).items(), 2);
    }

    #[test]
    fn a_missing_section_is_named_and_the_rest_are_not() {
        let (guide, warnings) = guide_of(sample(Section::Overview));
        let missing = guide.missing_sections();
        assert!(!missing.contains(&"overview"));
        assert!(missing.contains(&"skills and tools"));
        assert_eq!(missing.len(), Section::expected().count() - 1);
        assert!(warnings.contains(&WarningKind::MissingSection("summary")));
    }

    #[test]
    fn the_front_matter_is_one_row_and_postings_have_none_in_a_guide() {
        let (guide, _) = guide_of("");
        assert!(
            matches!(guide.row(Section::FrontMatter, 0), Some(Row::FrontMatter(front)) if front.slug == "sre")
        );
        assert_eq!(guide.rows(Section::FrontMatter).count(), 1);
        assert_eq!(guide.rows(Section::Posting).count(), 0);
    }

    #[test]
    fn an_unknown_heading_is_kept_as_a_free_section_and_a_bare_one_is_dropped() {
        // (A first heading that opens no section is the guide's title.)
        let body = "# SRE\n\n## 社内の雰囲気\n\n静かです。\n\n## 付録\n";
        let (guide, warnings) = guide_of(body);
        let free: Vec<Row<'_>> = guide.rows(Section::Other).collect();
        assert_eq!(free.len(), 1);
        assert!(matches!(free[0], Row::Free(section) if section.title == "社内の雰囲気"));
        assert!(
            !warnings
                .iter()
                .any(|w| matches!(w, WarningKind::EmptySection(_)))
        );
    }

    #[test]
    fn prose_reads_the_tables_before_the_body() {
        let body: String = Section::headed().map(sample).collect();
        let (guide, _) = guide_of(&body);
        let order: Vec<Section> = guide.prose().map(|prose| prose.section).collect();
        let first = |section| order.iter().position(|s| *s == section).expect("read");
        assert_eq!(order[0], Section::FrontMatter);
        assert!(first(Section::Skills) < first(Section::Overview));
        assert!(first(Section::Tools) < first(Section::Duties));
        assert!(first(Section::Summary) < first(Section::Duties));
    }
}
