//! The words guides are read by: which heading opens which section, which
//! label (`詳細: …`) or column header names which field of a record, and
//! which heading says what a skills table lists.
//!
//! Guides keep finding new ways to say the same thing, so these are tables
//! to extend rather than conditions to rewrite. Every word is matched with
//! [`super::text::label_matches`]: inside the text, ignoring Latin case.

use super::section::Section;

/// What a heading must contain to open each section, most specific first:
/// the first row whose word appears in the heading wins.
pub const SECTION_KEYWORDS: &[(Section, &[&str])] = &[
    (
        Section::Summary,
        &["まとめ", "総括", "summary", "conclusion"],
    ),
    (Section::Interview, &["面接", "interview"]),
    (
        Section::Learning,
        &[
            "学習方法",
            "学習ステップ",
            "学び方",
            "how to learn",
            "learning path",
        ],
    ),
    (
        Section::Outlook,
        &["将来展望", "将来性", "今後の展望", "outlook", "future"],
    ),
    (
        Section::CareerPath,
        &[
            "キャリアパス",
            "キャリアステップ",
            "career path",
            "career ladder",
        ],
    ),
    (
        Section::Employers,
        &["企業", "就職先", "employer", "companies"],
    ),
    (
        Section::Teams,
        &["協業", "連携するチーム", "collaboration", "works with"],
    ),
    (Section::Skills, &["スキル", "ツール", "skill", "tool"]),
    (
        Section::Duties,
        &[
            "主な業務",
            "業務内容",
            "仕事内容",
            "responsibility",
            "responsibilities",
            "duties",
        ],
    ),
    (Section::Overview, &["とは", "概要", "overview", "what is"]),
];

/// A field of a section's records that a guide names, either as the label
/// of a `label: value` line or as a table's column header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    DutyTitle,
    DutyDetail,
    DutyGoal,
    SkillName,
    SkillDetail,
    TeamName,
    TeamActivities,
    TeamPurpose,
    StageName,
    StageResponsibilities,
    StageOutlook,
    StepGoal,
    StepBook,
    StepCourse,
    EmployerKind,
    EmployerCompanies,
    Question,
    Answer,
}

/// Each field with the words of its label, then the words of its column
/// header; a field that guides never write one way has no words for it.
const FIELD_KEYWORDS: &[(Field, &[&str], &[&str])] = &[
    (Field::DutyTitle, &[], &["業務", "duty", "task", "項目"]),
    (
        Field::DutyDetail,
        &["詳細", "detail"],
        &["詳細", "内容", "detail", "説明", "description"],
    ),
    (Field::DutyGoal, &["目標", "ゴール", "goal"], &[]),
    (
        Field::SkillName,
        &[],
        &["スキル", "カテゴリ", "skill", "category", "名"],
    ),
    (
        Field::SkillDetail,
        &[],
        &[
            "説明",
            "詳細",
            "用途",
            "ツール名",
            "description",
            "detail",
            "tools",
        ],
    ),
    (Field::TeamName, &[], &["チーム", "部門", "相手", "team"]),
    (
        Field::TeamActivities,
        &["具体的な連携", "連携例", "activities"],
        &["内容", "連携", "what", "activit"],
    ),
    (
        Field::TeamPurpose,
        &["目的", "purpose", "goal"],
        &["目的", "purpose", "why"],
    ),
    (
        Field::StageName,
        &[],
        &[
            "段階",
            "ステージ",
            "役職",
            "レベル",
            "ポジション",
            "stage",
            "level",
            "role",
            "title",
        ],
    ),
    (
        Field::StageResponsibilities,
        STAGE_RESPONSIBILITIES,
        STAGE_RESPONSIBILITIES,
    ),
    (Field::StageOutlook, STAGE_OUTLOOK, STAGE_OUTLOOK),
    (Field::StepGoal, &["目的", "ゴール", "目標", "goal"], &[]),
    (Field::StepBook, &["書籍", "本", "book", "読む"], &[]),
    (
        Field::StepCourse,
        &["オンラインコース", "コース", "講座", "course", "教材"],
        &[],
    ),
    (
        Field::EmployerKind,
        &[],
        &["種類", "タイプ", "業界", "type", "kind"],
    ),
    (
        Field::EmployerCompanies,
        &["企業例", "例", "代表", "companies", "examples"],
        &["企業", "例", "compan", "example", "employer"],
    ),
    (
        Field::Question,
        &["質問", "question", "q"],
        &["質問", "question"],
    ),
    (
        Field::Answer,
        &["ポイント", "回答", "答え", "answer", "a"],
        &["回答", "ポイント", "答え", "answer", "point"],
    ),
];

/// A career stage's labels and column headers use the same words.
const STAGE_RESPONSIBILITIES: &[&str] = &["役割", "責任", "業務", "仕事", "responsib", "duties"];
const STAGE_OUTLOOK: &[&str] = &[
    "展望",
    "次",
    "将来",
    "キャリア",
    "outlook",
    "next",
    "growth",
];

impl Field {
    /// The words a label naming this field contains.
    pub fn label_words(self) -> &'static [&'static str] {
        self.row().1
    }

    /// The words a column header naming this field contains.
    pub fn column_words(self) -> &'static [&'static str] {
        self.row().2
    }

    fn row(self) -> &'static (Field, &'static [&'static str], &'static [&'static str]) {
        FIELD_KEYWORDS
            .iter()
            .find(|(field, _, _)| *field == self)
            .expect("every field has a row in FIELD_KEYWORDS")
    }
}

/// Header cells of a column that only numbers the rows (`#`, `No.`, `順位`),
/// compared whole after a trailing dot is dropped; such a column is never
/// taken for a field by position.
pub const NUMBERING_COLUMNS: &[&str] = &["#", "no", "番号", "順位", "順番"];

/// What a table or list in the skills section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkillList {
    Hard,
    Soft,
    Tools,
}

/// What a heading (or a table's first header cell) in the skills section
/// must contain to say what the table or list under it holds, first row
/// first: `ソフトスキル` is soft before it is a skill, and `使用技術` is
/// tools before `技術` makes it hard skills.
pub const SKILL_LIST_KEYWORDS: &[(SkillList, &[&str])] = &[
    (
        SkillList::Soft,
        &[
            "ソフト",
            "soft",
            "組織",
            "ヒューマン",
            "対人",
            "ビジネススキル",
        ],
    ),
    (
        SkillList::Tools,
        &["ツール", "tool", "サービス", "使用技術"],
    ),
    (
        SkillList::Hard,
        &[
            "ハード",
            "hard",
            "技術",
            "テクニカル",
            "technical",
            "スキル",
            "skill",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_exactly_one_row() {
        let fields = [
            Field::DutyTitle,
            Field::DutyDetail,
            Field::DutyGoal,
            Field::SkillName,
            Field::SkillDetail,
            Field::TeamName,
            Field::TeamActivities,
            Field::TeamPurpose,
            Field::StageName,
            Field::StageResponsibilities,
            Field::StageOutlook,
            Field::StepGoal,
            Field::StepBook,
            Field::StepCourse,
            Field::EmployerKind,
            Field::EmployerCompanies,
            Field::Question,
            Field::Answer,
        ];
        assert_eq!(fields.len(), FIELD_KEYWORDS.len());
        for field in fields {
            let rows = FIELD_KEYWORDS.iter().filter(|row| row.0 == field).count();
            assert_eq!(rows, 1, "{field:?}");
        }
    }

    #[test]
    fn every_field_is_named_one_way_or_the_other() {
        for (field, labels, columns) in FIELD_KEYWORDS {
            assert!(!labels.is_empty() || !columns.is_empty(), "{field:?}");
        }
    }
}
