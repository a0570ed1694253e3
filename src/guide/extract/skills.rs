//! The skills section: hard and soft skills, and the tool categories with
//! the tools each names.
//!
//! Unlike the other sections, its tables and lists are not one set of
//! items: each heading (or a table's first header cell) says whether what
//! follows lists hard skills, soft skills or tools.

use super::layout::read_rows;
use super::lines::ItemLines;
use crate::guide::keywords::{Field, SKILL_LIST_KEYWORDS, SkillList};
use crate::guide::markdown::{Block, Item, Table};
use crate::guide::model::{SkillEntry, SkillKind, ToolCategory};
use crate::guide::sections::SectionBlocks;
use crate::guide::text::{clean_name, label_matches, split_tool_cell};

/// The skills and tools tables (or lists) of the skills section.
pub fn skills_and_tools(
    section: &SectionBlocks,
    unsplittable: &[String],
) -> (Vec<SkillEntry>, Vec<ToolCategory>) {
    let mut found = Found {
        unsplittable,
        skills: Vec::new(),
        tools: Vec::new(),
    };
    let mut under_heading: Option<SkillList> = None;
    for block in &section.blocks {
        match block {
            Block::Heading(heading) => under_heading = skill_list_named(&heading.text),
            Block::Table(table) => {
                found.read_table(
                    table,
                    table_list(table)
                        .or(under_heading)
                        .unwrap_or(SkillList::Hard),
                );
            }
            Block::List { items, .. } => {
                found.read_list(items, under_heading.unwrap_or(SkillList::Hard));
            }
            Block::Paragraph { .. } => {}
        }
    }
    (found.skills, found.tools)
}

/// What `text` says a table or list holds, if it says.
fn skill_list_named(text: &str) -> Option<SkillList> {
    SKILL_LIST_KEYWORDS
        .iter()
        .find(|(_, words)| label_matches(text, words))
        .map(|(list, _)| *list)
}

/// Only a tools table is told by its first header cell (`ツールカテゴリ`):
/// hard and soft skill tables both head it `スキル`, so for them the
/// heading above decides.
fn table_list(table: &Table) -> Option<SkillList> {
    let first = table.header.first()?;
    skill_list_named(first).filter(|list| *list == SkillList::Tools)
}

/// The skills and tool categories read so far.
struct Found<'u> {
    /// Terms whose slash never separates two tools (`CI/CD`).
    unsplittable: &'u [String],
    skills: Vec<SkillEntry>,
    tools: Vec<ToolCategory>,
}

impl Found<'_> {
    fn read_table(&mut self, table: &Table, list: SkillList) {
        let fields = [(Field::SkillName, 0), (Field::SkillDetail, 1)];
        let rows = read_rows(table, fields, |[name, detail], row| {
            (clean_name(&name), detail, row.line)
        });
        for (name, detail, line) in rows {
            if !name.is_empty() {
                self.push(list, name, detail, line);
            }
        }
    }

    fn read_list(&mut self, items: &[Item], list: SkillList) {
        for item in items {
            let lines = ItemLines::of(item);
            let name = lines.name();
            if !name.is_empty() {
                self.push(list, name, lines.text(), item.line);
            }
        }
    }

    fn push(&mut self, list: SkillList, name: String, text: String, line: usize) {
        let kind = match list {
            SkillList::Hard => SkillKind::Hard,
            SkillList::Soft => SkillKind::Soft,
            SkillList::Tools => {
                self.tools.push(ToolCategory {
                    tools: split_tool_cell(&text, self.unsplittable),
                    category: name,
                    description: text,
                    line,
                });
                return;
            }
        };
        self.skills.push(SkillEntry {
            name,
            kind,
            description: text,
            line,
        });
    }
}
