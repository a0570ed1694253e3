//! Reads each known section into its records.
//!
//! Every reader accepts the layouts guides are seen in (sub-headings, tables,
//! bullet lists with `label: value` lines) and falls back from one to the
//! next, so a guide that writes its career ladder as a list instead of a
//! table still reads fully.

use super::markdown::{Block, Heading, Item, Table};
use super::model::{
    Duty, EmployerType, InterviewQuestion, LearningStep, ResourceEntry, ResourceKind, SkillEntry,
    SkillKind, StageEntry, TeamEntry, ToolCategory, TrendEntry,
};
use super::sections::Section;
use super::text::{
    clean_name, is_question_marker, label_matches, labelled, split_companies, split_label,
    split_tool_cell, strip_numbering, strip_question_marker,
};
use regex::Regex;
use std::sync::LazyLock;

/// A line of prose with its file line.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    line: usize,
}

/// A sub-heading of a section with the blocks under it.
struct SubItem<'a> {
    heading: &'a Heading,
    blocks: &'a [Block],
}

/// Splits a section into the blocks before its first sub-heading and one
/// sub-item per heading of the shallowest level it contains.
fn sub_items(section: &Section) -> (&[Block], Vec<SubItem<'_>>) {
    let level = section
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading(heading) => Some(heading.level),
            _ => None,
        })
        .min();
    let Some(level) = level else {
        return (&section.blocks, Vec::new());
    };
    let starts: Vec<usize> = section
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| matches!(block, Block::Heading(h) if h.level == level))
        .map(|(index, _)| index)
        .collect();
    let intro = &section.blocks[..starts[0]];
    let items = starts
        .iter()
        .enumerate()
        .filter_map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(section.blocks.len());
            match &section.blocks[start] {
                Block::Heading(heading) => Some(SubItem {
                    heading,
                    blocks: &section.blocks[start + 1..end],
                }),
                _ => None,
            }
        })
        .collect();
    (intro, items)
}

/// Every line of prose in `blocks`: paragraph lines, list items and their
/// children, and nested headings; tables are left to the table readers.
fn lines_of(blocks: &[Block]) -> Vec<Line> {
    let mut lines = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { text, line } => push_lines(&mut lines, text, *line),
            Block::List { items, .. } => items.iter().for_each(|item| item_lines(&mut lines, item)),
            Block::Heading(heading) => push_lines(&mut lines, &heading.text, heading.line),
            Block::Table(_) => {}
        }
    }
    lines
}

fn item_lines(lines: &mut Vec<Line>, item: &Item) {
    push_lines(lines, &item.text, item.line);
    item.children
        .iter()
        .for_each(|child| item_lines(lines, child));
}

/// An item's first line of its own text (none when the item is blank) and
/// every line after it, its children's included.
fn first_and_other_lines(item: &Item) -> (Option<Line>, Vec<Line>) {
    let mut lines = Vec::new();
    item_lines(&mut lines, item);
    if item.text.trim().is_empty() {
        (None, lines)
    } else {
        let first = lines.remove(0);
        (Some(first), lines)
    }
}

fn push_lines(lines: &mut Vec<Line>, text: &str, first: usize) {
    for (offset, part) in text.split('\n').enumerate() {
        let part = part.trim();
        if !part.is_empty() {
            lines.push(Line {
                text: part.to_owned(),
                line: first + offset,
            });
        }
    }
}

/// Prose of `blocks`, tables included as `a: b` lines, joined by newlines.
pub fn prose(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Table(table) => parts.extend(table.rows.iter().map(|row| row.cells.join(": "))),
            other => parts.extend(
                lines_of(std::slice::from_ref(other))
                    .into_iter()
                    .map(|l| l.text),
            ),
        }
    }
    parts.join("\n")
}

/// The lines carrying none of the `labels`; label-only lines are dropped and
/// labelled lines of other labels keep their value.
fn unlabelled(lines: &[Line], labels: &[&str]) -> String {
    lines
        .iter()
        .filter_map(|line| match split_label(&line.text) {
            Some((label, _)) if label_matches(label, labels) => None,
            Some((_, "")) => None,
            Some((_, value)) => Some(value),
            None => Some(line.text.as_str()),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn value_of(lines: &[Line], labels: &[&str]) -> String {
    labelled(
        lines
            .iter()
            .map(|line| line.text.as_str())
            .filter(|text| split_label(text).is_some_and(|(_, value)| !value.is_empty())),
        labels,
    )
    .unwrap_or_default()
}

fn tables(blocks: &[Block]) -> impl Iterator<Item = &Table> {
    blocks.iter().filter_map(|block| match block {
        Block::Table(table) => Some(table),
        _ => None,
    })
}

fn top_items(blocks: &[Block]) -> impl Iterator<Item = &Item> {
    blocks.iter().flat_map(|block| match block {
        Block::List { items, .. } => items.as_slice(),
        _ => &[],
    })
}

/// Picks one column per role, never the same column twice: the first header
/// cell naming one of the role's words that no earlier role took, else the
/// role's `fallback` position when free, else the next free column after it
/// (then before it) that is not a numbering column such as `#` or `No.`.
/// A role with no column left gets an index past the end (an empty cell).
fn columns<const N: usize>(table: &Table, roles: [(&[&str], usize); N]) -> [usize; N] {
    let width = table
        .rows
        .iter()
        .map(|row| row.cells.len())
        .chain([table.header.len()])
        .max()
        .unwrap_or(0);
    let header: Vec<String> = (0..width)
        .map(|index| cell(&table.header, index).to_lowercase())
        .collect();
    let is_numbering = |index: usize| {
        let text = header[index].trim_end_matches(['.', '．']);
        ["#", "no", "番号", "順位", "順番"].contains(&text)
    };
    let mut taken: Vec<usize> = Vec::new();
    roles.map(|(words, fallback)| {
        let named = (0..width).find(|&index| {
            !taken.contains(&index) && words.iter().any(|word| header[index].contains(word))
        });
        let free = |index: &usize| !taken.contains(index) && !is_numbering(*index);
        let chosen = named
            .or_else(|| (fallback..width).find(free))
            .or_else(|| (0..fallback.min(width)).find(free))
            .unwrap_or(width);
        taken.push(chosen);
        chosen
    })
}

fn cell(cells: &[String], index: usize) -> String {
    cells
        .get(index)
        .map(|text| text.trim().to_owned())
        .unwrap_or_default()
}

/// An item written `name: text` (or `name` with nested lines) as a pair.
fn named_item(item: &Item) -> (String, String) {
    let first = item.text.lines().next().unwrap_or_default();
    let rest_of_text: Vec<&str> = item.text.lines().skip(1).collect();
    let (name, inline) = match split_label(first) {
        Some((label, value)) => (label.to_owned(), value.to_owned()),
        None => (first.to_owned(), String::new()),
    };
    let mut lines: Vec<Line> = Vec::new();
    item.children
        .iter()
        .for_each(|child| item_lines(&mut lines, child));
    let mut text: Vec<String> = vec![inline];
    text.extend(rest_of_text.iter().map(|s| s.to_string()));
    text.extend(lines.into_iter().map(|line| line.text));
    let text = text
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    (clean_name(&strip_numbering(&name)), text)
}

// ---------------------------------------------------------------- duties

const DETAIL_LABELS: &[&str] = &["詳細", "detail"];
const GOAL_LABELS: &[&str] = &["目標", "ゴール", "goal"];

/// Duties: one per sub-heading, else one per list item or table row.
pub fn duties(section: &Section) -> Vec<Duty> {
    let (intro, items) = sub_items(section);
    if !items.is_empty() {
        return items
            .iter()
            .map(|item| {
                let lines = lines_of(item.blocks);
                let labels: Vec<&str> = DETAIL_LABELS.iter().chain(GOAL_LABELS).copied().collect();
                Duty {
                    title: strip_numbering(&item.heading.text),
                    description: unlabelled(&lines, &labels),
                    detail: value_of(&lines, DETAIL_LABELS),
                    goal: value_of(&lines, GOAL_LABELS),
                    line: item.heading.line,
                }
            })
            .collect();
    }
    if let Some(table) = tables(intro).next() {
        let [title, detail] = columns(
            table,
            [
                (&["業務", "duty", "task", "項目"], 0),
                (&["詳細", "内容", "detail", "説明", "description"], 1),
            ],
        );
        return table
            .rows
            .iter()
            .map(|row| Duty {
                title: clean_name(&strip_numbering(&cell(&row.cells, title))),
                description: String::new(),
                detail: cell(&row.cells, detail),
                goal: String::new(),
                line: row.line,
            })
            .collect();
    }
    top_items(intro)
        .map(|item| {
            let (title, text) = named_item(item);
            Duty {
                title,
                description: text,
                detail: String::new(),
                goal: String::new(),
                line: item.line,
            }
        })
        .collect()
}

// ---------------------------------------------------------------- skills

/// What a table or list in the skills section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SkillTable {
    Skills(SkillKind),
    Tools,
}

fn skill_table_kind(text: &str) -> Option<SkillTable> {
    let text = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|word| text.contains(word));
    if has(&[
        "ソフト",
        "soft",
        "組織",
        "ヒューマン",
        "対人",
        "ビジネススキル",
    ]) {
        Some(SkillTable::Skills(SkillKind::Soft))
    } else if has(&["ツール", "tool", "サービス", "使用技術"]) {
        Some(SkillTable::Tools)
    } else if has(&[
        "ハード",
        "hard",
        "技術",
        "テクニカル",
        "technical",
        "スキル",
        "skill",
    ]) {
        Some(SkillTable::Skills(SkillKind::Hard))
    } else {
        None
    }
}

/// The skills and tools tables (or lists) of the skills section.
pub fn skills_and_tools(
    section: &Section,
    unsplittable: &[String],
) -> (Vec<SkillEntry>, Vec<ToolCategory>) {
    let mut skills = Vec::new();
    let mut tools = Vec::new();
    let mut current: Option<SkillTable> = None;
    for block in &section.blocks {
        match block {
            Block::Heading(heading) => current = skill_table_kind(&heading.text),
            Block::Table(table) => {
                let kind = table
                    .header
                    .first()
                    .and_then(|first| skill_table_kind(first).filter(|k| *k == SkillTable::Tools))
                    .or(current)
                    .unwrap_or(SkillTable::Skills(SkillKind::Hard));
                read_skill_table(table, kind, unsplittable, &mut skills, &mut tools);
            }
            Block::List { items, .. } => {
                let kind = current.unwrap_or(SkillTable::Skills(SkillKind::Hard));
                for item in items {
                    let (name, text) = named_item(item);
                    if name.is_empty() {
                        continue;
                    }
                    push_skill_or_tool(
                        kind,
                        name,
                        text,
                        item.line,
                        unsplittable,
                        &mut skills,
                        &mut tools,
                    );
                }
            }
            Block::Paragraph { .. } => {}
        }
    }
    (skills, tools)
}

fn read_skill_table(
    table: &Table,
    kind: SkillTable,
    unsplittable: &[String],
    skills: &mut Vec<SkillEntry>,
    tools: &mut Vec<ToolCategory>,
) {
    let [name, detail] = columns(
        table,
        [
            (&["スキル", "カテゴリ", "skill", "category", "名"], 0),
            (
                &[
                    "説明",
                    "詳細",
                    "用途",
                    "ツール名",
                    "description",
                    "detail",
                    "tools",
                ],
                1,
            ),
        ],
    );
    for row in &table.rows {
        let row_name = clean_name(&cell(&row.cells, name));
        if row_name.is_empty() {
            continue;
        }
        push_skill_or_tool(
            kind,
            row_name,
            cell(&row.cells, detail),
            row.line,
            unsplittable,
            skills,
            tools,
        );
    }
}

fn push_skill_or_tool(
    kind: SkillTable,
    name: String,
    text: String,
    line: usize,
    unsplittable: &[String],
    skills: &mut Vec<SkillEntry>,
    tools: &mut Vec<ToolCategory>,
) {
    match kind {
        SkillTable::Skills(kind) => skills.push(SkillEntry {
            name,
            kind,
            description: text,
            line,
        }),
        SkillTable::Tools => tools.push(ToolCategory {
            tools: split_tool_cell(&text, unsplittable),
            category: name,
            description: text,
            line,
        }),
    }
}

// ---------------------------------------------------------- collaboration

const ACTIVITY_LABELS: &[&str] = &["具体的な連携", "連携例", "activities"];
const PURPOSE_LABELS: &[&str] = &["目的", "purpose", "goal"];

/// Teams: one per sub-heading, else table rows or `**team**: text` items.
pub fn teams(section: &Section) -> Vec<TeamEntry> {
    let (intro, items) = sub_items(section);
    if !items.is_empty() {
        return items
            .iter()
            .map(|item| {
                let lines = lines_of(item.blocks);
                let labels: Vec<&str> = ACTIVITY_LABELS
                    .iter()
                    .chain(PURPOSE_LABELS)
                    .copied()
                    .collect();
                team(
                    &strip_numbering(&item.heading.text),
                    unlabelled(&lines, &labels),
                    value_of(&lines, ACTIVITY_LABELS),
                    value_of(&lines, PURPOSE_LABELS),
                    item.heading.line,
                )
            })
            .collect();
    }
    if let Some(table) = tables(intro).next() {
        let [name, what, why] = columns(
            table,
            [
                (&["チーム", "部門", "相手", "team"], 0),
                (&["内容", "連携", "what", "activit"], 1),
                (&["目的", "purpose", "why"], 2),
            ],
        );
        return table
            .rows
            .iter()
            .map(|row| {
                team(
                    &cell(&row.cells, name),
                    cell(&row.cells, what),
                    String::new(),
                    cell(&row.cells, why),
                    row.line,
                )
            })
            .collect();
    }
    top_items(intro)
        .map(|item| {
            let (name, text) = named_item(item);
            team(&name, text, String::new(), String::new(), item.line)
        })
        .filter(|team| !team.name.is_empty())
        .collect()
}

/// A team named `開発チーム（Dev Team）` is `開発チーム` with alias `Dev Team`.
fn team(
    heading: &str,
    description: String,
    activities: String,
    purpose: String,
    line: usize,
) -> TeamEntry {
    let (name, aliases) = name_and_parenthesised(heading);
    TeamEntry {
        name,
        aliases,
        description,
        activities,
        purpose,
        line,
    }
}

/// Splits `Name (Other Name)` into the name and what the parentheses hold.
pub fn name_and_parenthesised(text: &str) -> (String, Vec<String>) {
    static PARENS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[(（]([^()（）]*)[)）]").expect("static regex"));
    let aliases = PARENS
        .captures_iter(text)
        .filter_map(|caps| caps.get(1))
        .map(|inner| clean_name(inner.as_str()))
        .filter(|inner| !inner.is_empty())
        .collect();
    let outer = PARENS.replace_all(text, " ");
    let name = outer.split_whitespace().collect::<Vec<_>>().join(" ");
    (clean_name(&name), aliases)
}

// ---------------------------------------------------------- career path

const STAGE_NAME_WORDS: &[&str] = &[
    "段階",
    "ステージ",
    "役職",
    "レベル",
    "ポジション",
    "stage",
    "level",
    "role",
    "title",
];
const RESPONSIBILITY_WORDS: &[&str] = &["役割", "責任", "業務", "仕事", "responsib", "duties"];
const OUTLOOK_WORDS: &[&str] = &[
    "展望",
    "次",
    "将来",
    "キャリア",
    "outlook",
    "next",
    "growth",
];

/// Career stages from a table, else a list, before any sub-heading; else
/// one per sub-heading. A table or list under a sub-heading belongs to that
/// stage (its `責任`/`展望` lines) or to something else (a salary table), never
/// to the ladder itself.
pub fn stages(section: &Section) -> Vec<StageEntry> {
    let (intro, _) = sub_items(section);
    let stages = stages_from_table(intro)
        .or_else(|| stages_from_list(intro))
        .unwrap_or_else(|| stages_from_headings(section));
    stages
        .into_iter()
        .filter(|stage| !stage.name.is_empty())
        .enumerate()
        .map(|(index, stage)| StageEntry {
            order: index + 1,
            ..stage
        })
        .collect()
}

fn stage(name: &str, responsibilities: String, outlook: String, line: usize) -> StageEntry {
    StageEntry {
        name: clean_name(&strip_numbering(name)),
        responsibilities,
        outlook,
        order: 0,
        line,
    }
}

fn stages_from_table(blocks: &[Block]) -> Option<Vec<StageEntry>> {
    let table = tables(blocks).next()?;
    let [name, responsibilities, outlook] = columns(
        table,
        [
            (STAGE_NAME_WORDS, 0),
            (RESPONSIBILITY_WORDS, 1),
            (OUTLOOK_WORDS, 2),
        ],
    );
    Some(
        table
            .rows
            .iter()
            .map(|row| {
                stage(
                    &cell(&row.cells, name),
                    cell(&row.cells, responsibilities),
                    cell(&row.cells, outlook),
                    row.line,
                )
            })
            .collect(),
    )
}

fn stages_from_list(blocks: &[Block]) -> Option<Vec<StageEntry>> {
    let items: Vec<&Item> = top_items(blocks).collect();
    if items.is_empty() {
        return None;
    }
    Some(
        items
            .into_iter()
            .map(|item| {
                let (name, _) = named_item(item);
                let mut lines = Vec::new();
                let first = item.text.lines().next().unwrap_or_default();
                if let Some((_, value)) = split_label(first) {
                    push_lines(&mut lines, value, item.line);
                }
                item.text
                    .lines()
                    .skip(1)
                    .for_each(|l| push_lines(&mut lines, l, item.line));
                item.children
                    .iter()
                    .for_each(|child| item_lines(&mut lines, child));
                let labels: Vec<&str> = OUTLOOK_WORDS
                    .iter()
                    .chain(RESPONSIBILITY_WORDS)
                    .copied()
                    .collect();
                let responsibilities = match value_of(&lines, RESPONSIBILITY_WORDS) {
                    found if !found.is_empty() => found,
                    _ => unlabelled(&lines, &labels),
                };
                stage(
                    &name,
                    responsibilities,
                    value_of(&lines, OUTLOOK_WORDS),
                    item.line,
                )
            })
            .collect(),
    )
}

fn stages_from_headings(section: &Section) -> Vec<StageEntry> {
    let (_, items) = sub_items(section);
    items
        .iter()
        .map(|item| {
            let lines = lines_of(item.blocks);
            let labels: Vec<&str> = OUTLOOK_WORDS
                .iter()
                .chain(RESPONSIBILITY_WORDS)
                .copied()
                .collect();
            let responsibilities = match value_of(&lines, RESPONSIBILITY_WORDS) {
                found if !found.is_empty() => found,
                _ => unlabelled(&lines, &labels),
            };
            stage(
                &item.heading.text,
                responsibilities,
                value_of(&lines, OUTLOOK_WORDS),
                item.heading.line,
            )
        })
        .collect()
}

// ---------------------------------------------------------------- trends

/// Trends: one per sub-heading, else `**title**: text` items or table rows.
pub fn trends(section: &Section) -> Vec<TrendEntry> {
    let (intro, items) = sub_items(section);
    if !items.is_empty() {
        return items
            .iter()
            .map(|item| TrendEntry {
                title: strip_numbering(&item.heading.text),
                text: prose(item.blocks),
                line: item.heading.line,
            })
            .collect();
    }
    if let Some(table) = tables(intro).next() {
        return table
            .rows
            .iter()
            .map(|row| TrendEntry {
                title: clean_name(&cell(&row.cells, 0)),
                text: cell(&row.cells, 1),
                line: row.line,
            })
            .collect();
    }
    top_items(intro)
        .map(|item| {
            let (title, text) = named_item(item);
            TrendEntry {
                title,
                text,
                line: item.line,
            }
        })
        .collect()
}

// -------------------------------------------------------------- learning

const BOOK_LABELS: &[&str] = &["書籍", "本", "book", "読む"];
const COURSE_LABELS: &[&str] = &["オンラインコース", "コース", "講座", "course", "教材"];
const STEP_GOAL_LABELS: &[&str] = &["目的", "ゴール", "目標", "goal"];

/// Learning steps: one per sub-heading, else one per top-level list item.
pub fn learning_steps(section: &Section) -> Vec<LearningStep> {
    let (intro, items) = sub_items(section);
    let steps: Vec<(String, Vec<Line>, usize)> = if items.is_empty() {
        top_items(intro)
            .map(|item| {
                let (title, _) = named_item(item);
                let (_, lines) = first_and_other_lines(item);
                (title, lines, item.line)
            })
            .filter(|(title, _, _)| !title.is_empty())
            .collect()
    } else {
        items
            .iter()
            .map(|item| {
                (
                    strip_numbering(&item.heading.text),
                    lines_of(item.blocks),
                    item.heading.line,
                )
            })
            .collect()
    };
    steps
        .into_iter()
        .enumerate()
        .map(|(index, (title, lines, line))| learning_step(title, &lines, index + 1, line))
        .collect()
}

fn learning_step(title: String, lines: &[Line], order: usize, line: usize) -> LearningStep {
    let mut resources = Vec::new();
    for entry in lines {
        let Some((label, value)) = split_label(&entry.text) else {
            continue;
        };
        if label_matches(label, BOOK_LABELS) {
            resources.extend(books(value).into_iter().map(|title| ResourceEntry {
                kind: ResourceKind::Book,
                title,
                line: entry.line,
            }));
        } else if label_matches(label, COURSE_LABELS) {
            let course = first_sentence(value);
            if !course.is_empty() {
                resources.push(ResourceEntry {
                    kind: ResourceKind::Course,
                    title: course,
                    line: entry.line,
                });
            }
        }
    }
    for entry in lines {
        for title in certifications(&entry.text) {
            if !resources
                .iter()
                .any(|r| r.kind == ResourceKind::Certification && r.title == title)
            {
                resources.push(ResourceEntry {
                    kind: ResourceKind::Certification,
                    title,
                    line: entry.line,
                });
            }
        }
    }
    let text = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    LearningStep {
        title,
        order,
        goal: value_of(lines, STEP_GOAL_LABELS),
        text,
        resources,
        line,
    }
}

/// Book titles in `『…』`, or the whole text when none is bracketed.
fn books(text: &str) -> Vec<String> {
    static BRACKETED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"『([^』]+)』").expect("static regex"));
    let titles: Vec<String> = BRACKETED
        .captures_iter(text)
        .filter_map(|caps| caps.get(1))
        .map(|title| title.as_str().trim().to_owned())
        .filter(|title| !title.is_empty())
        .collect();
    if titles.is_empty() {
        let whole = first_sentence(text);
        return if whole.is_empty() {
            Vec::new()
        } else {
            vec![whole]
        };
    }
    titles
}

fn first_sentence(text: &str) -> String {
    let end = text.find('。').unwrap_or(text.len());
    clean_name(&text[..end])
}

/// Certification names written in a step: `AWS Certified … (SAA-C03)`,
/// `CKA (Certified Kubernetes Administrator)`, `Google Cloud Professional …`,
/// `LPI認定試験（LPIC）`.
pub fn certifications(text: &str) -> Vec<String> {
    static PATTERNS: LazyLock<[Regex; 4]> = LazyLock::new(|| {
        [
            r"[A-Z][A-Z0-9]{1,7}\s*[(（]\s*Certified[A-Za-z ]+[)）]",
            r"(?:[A-Z][A-Za-z]*\s+)*Certified(?:\s+[A-Z][A-Za-z]*)+(?:\s*[–-]\s*[A-Z][A-Za-z]*)?(?:\s*[(（][A-Z0-9-]+[)）])?",
            r"(?:[A-Z][A-Za-z]*\s+)*Professional(?:\s+[A-Z][A-Za-z]*)+",
            r"[A-Za-z]+認定(?:試験|資格)?(?:\s*[(（][A-Za-z]+[)）])?",
        ]
        .map(|pattern| Regex::new(pattern).expect("static regex"))
    });
    let mut found: Vec<(usize, usize)> = Vec::new();
    for pattern in PATTERNS.iter() {
        for hit in pattern.find_iter(text) {
            let overlaps = found
                .iter()
                .any(|&(start, end)| hit.start() < end && start < hit.end());
            if !overlaps {
                found.push((hit.start(), hit.end()));
            }
        }
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|(start, end)| text[start..end].trim().to_owned())
        .collect()
}

// -------------------------------------------------------------- employers

const COMPANY_LABELS: &[&str] = &["企業例", "例", "代表", "companies", "examples"];

/// Employer types: one per sub-heading (or list item), with their companies.
pub fn employer_types(section: &Section) -> Vec<EmployerType> {
    let (intro, items) = sub_items(section);
    if !items.is_empty() {
        return items
            .iter()
            .map(|item| {
                let lines = lines_of(item.blocks);
                employer_type(
                    strip_numbering(&item.heading.text),
                    &lines,
                    item.heading.line,
                )
            })
            .collect();
    }
    if let Some(table) = tables(intro).next() {
        let [name, companies] = columns(
            table,
            [
                (&["種類", "タイプ", "業界", "type", "kind"], 0),
                (&["企業", "例", "compan", "example", "employer"], 1),
            ],
        );
        return table
            .rows
            .iter()
            .map(|row| EmployerType {
                name: clean_name(&cell(&row.cells, name)),
                companies: split_companies(&cell(&row.cells, companies)),
                description: row
                    .cells
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| *index != name && *index != companies)
                    .map(|(_, text)| text.trim())
                    .filter(|text| !text.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"),
                line: row.line,
            })
            .collect();
    }
    top_items(intro)
        .map(|item| {
            let (name, _) = named_item(item);
            let (first, lines) = first_and_other_lines(item);
            let mut employer = employer_type(name, &lines, item.line);
            if employer.companies.is_empty()
                && let Some((_, value)) = first.as_ref().and_then(|l| split_label(&l.text))
            {
                employer.companies = split_companies(value);
            }
            employer
        })
        .filter(|employer| !employer.name.is_empty())
        .collect()
}

fn employer_type(name: String, lines: &[Line], line: usize) -> EmployerType {
    EmployerType {
        name: clean_name(&name),
        companies: split_companies(&value_of(lines, COMPANY_LABELS)),
        description: unlabelled(lines, COMPANY_LABELS),
        line,
    }
}

// -------------------------------------------------------------- interview

const QUESTION_LABELS: &[&str] = &["質問", "question", "q"];
const ANSWER_LABELS: &[&str] = &["ポイント", "回答", "答え", "answer", "a"];

/// Interview questions from a table, bullets, or `Q1.` sub-headings.
pub fn interview_questions(section: &Section) -> Vec<InterviewQuestion> {
    let mut questions = Vec::new();
    for table in tables(&section.blocks) {
        let [question, answer] = columns(
            table,
            [
                (&["質問", "question"], 0),
                (&["回答", "ポイント", "答え", "answer", "point"], 1),
            ],
        );
        questions.extend(table.rows.iter().map(|row| InterviewQuestion {
            question: strip_question_marker(&cell(&row.cells, question)),
            answer_points: cell(&row.cells, answer),
            line: row.line,
        }));
    }
    let (intro, items) = sub_items(section);
    for item in &items {
        let text = strip_numbering(&item.heading.text);
        if !is_question_marker(&item.heading.text)
            && !is_question_marker(&text)
            && !text.ends_with(['？', '?'])
        {
            continue;
        }
        let lines = lines_of(item.blocks);
        let answer = match value_of(&lines, ANSWER_LABELS) {
            found if !found.is_empty() => found,
            _ => unlabelled(&lines, &[]),
        };
        questions.push(InterviewQuestion {
            question: strip_question_marker(&text),
            answer_points: answer,
            line: item.heading.line,
        });
    }
    let list_blocks: Vec<Block> = if items.is_empty() {
        section.blocks.clone()
    } else {
        intro.to_vec()
    };
    questions.extend(top_items(&list_blocks).filter_map(question_from_item));
    questions.sort_by_key(|question| question.line);
    questions
}

fn question_from_item(item: &Item) -> Option<InterviewQuestion> {
    let first = item.text.lines().next().unwrap_or_default();
    let question = match split_label(first) {
        Some((label, value)) if is_label(label, QUESTION_LABELS) => value.to_owned(),
        _ if is_question_marker(first) || item.children.is_empty() => strip_question_marker(first),
        _ => first.to_owned(),
    };
    let mut lines = Vec::new();
    item.text
        .lines()
        .skip(1)
        .for_each(|l| push_lines(&mut lines, l, item.line));
    item.children
        .iter()
        .for_each(|child| item_lines(&mut lines, child));
    let answer = lines
        .iter()
        .map(|line| match split_label(&line.text) {
            Some((label, value)) if is_label(label, ANSWER_LABELS) => value.to_owned(),
            _ => line.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let question = question.trim().to_owned();
    (!question.is_empty() && (!answer.is_empty() || question.ends_with(['？', '?']))).then_some(
        InterviewQuestion {
            question,
            answer_points: answer,
            line: item.line,
        },
    )
}

fn is_label(label: &str, labels: &[&str]) -> bool {
    let label = label.to_lowercase();
    labels.iter().any(|wanted| {
        if wanted.len() <= 1 {
            label == *wanted
        } else {
            label.contains(wanted)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certifications_are_found_in_their_written_forms() {
        assert_eq!(
            certifications(
                "AWS Certified Solutions Architect – Associate (SAA-C03) や同等の認定資格"
            ),
            vec!["AWS Certified Solutions Architect – Associate (SAA-C03)"]
        );
        assert_eq!(
            certifications("CKA (Certified Kubernetes Administrator) 認定資格の学習コース。"),
            vec!["CKA (Certified Kubernetes Administrator)"]
        );
        assert_eq!(
            certifications(
                "The Linux Foundationの「Certified Kubernetes Administrator (CKA)」準備コース"
            ),
            vec!["Certified Kubernetes Administrator (CKA)"]
        );
        assert_eq!(
            certifications("LPI認定試験（LPIC）の学習リソース"),
            vec!["LPI認定試験（LPIC）"]
        );
        assert_eq!(
            certifications("またはGoogle Cloud Professional Cloud Architectの公式トレーニング"),
            vec!["Google Cloud Professional Cloud Architect"]
        );
    }

    #[test]
    fn bracketed_book_titles_are_split() {
        assert_eq!(
            books("『Kubernetes実践ガイド』や『Docker/Kubernetes 実践入門』。"),
            vec!["Kubernetes実践ガイド", "Docker/Kubernetes 実践入門"]
        );
        assert_eq!(
            books("Go言語またはPythonの標準的な入門書。"),
            vec!["Go言語またはPythonの標準的な入門書"]
        );
    }

    #[test]
    fn parenthesised_team_names_become_aliases() {
        assert_eq!(
            name_and_parenthesised("開発チーム（Dev Team）"),
            ("開発チーム".to_owned(), vec!["Dev Team".to_owned()])
        );
        assert_eq!(
            name_and_parenthesised("SRE (Site Reliability Engineering) / 運用チーム").0,
            "SRE / 運用チーム"
        );
    }
}
