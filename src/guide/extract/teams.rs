//! The collaboration section: the teams the role works with.

use super::layout::{ItemReaders, Layout, SubItem, read_rows};
use super::lines::{ItemLines, unlabelled, value_of};
use crate::guide::keywords::Field;
use crate::guide::markdown::{Item, Table};
use crate::guide::model::TeamEntry;
use crate::guide::sections::SectionBlocks;
use crate::guide::text::name_and_parenthesised;

/// Teams: one per sub-heading, table row or `**team**: text` list item.
pub fn teams(section: &SectionBlocks) -> Vec<TeamEntry> {
    Layout::of(section).read(&ItemReaders {
        sub_heading: from_sub_heading,
        table: from_table,
        list_item: from_item,
    })
}

fn from_sub_heading(item: &SubItem) -> TeamEntry {
    let lines = item.lines();
    TeamEntry {
        description: unlabelled(&lines, &[Field::TeamActivities, Field::TeamPurpose]),
        activities: value_of(&lines, Field::TeamActivities),
        purpose: value_of(&lines, Field::TeamPurpose),
        ..team(&item.title(), item.line())
    }
}

/// A table's activities column becomes the team's description, as a
/// sub-heading's prose does.
fn from_table(table: &Table) -> Vec<TeamEntry> {
    let fields = [
        (Field::TeamName, 0),
        (Field::TeamActivities, 1),
        (Field::TeamPurpose, 2),
    ];
    read_rows(table, fields, |[name, activities, purpose], row| {
        TeamEntry {
            description: activities,
            purpose,
            ..team(&name, row.line)
        }
    })
}

/// A list item without a name is not a team.
fn from_item(item: &Item) -> Option<TeamEntry> {
    let lines = ItemLines::of(item);
    let team = TeamEntry {
        description: lines.text(),
        ..team(&lines.name(), item.line)
    };
    (!team.name.is_empty()).then_some(team)
}

/// A team named `開発チーム（Dev Team）` is `開発チーム` with alias
/// `Dev Team`, and nothing said of it yet.
fn team(written_name: &str, line: usize) -> TeamEntry {
    let (name, aliases) = name_and_parenthesised(written_name);
    TeamEntry {
        name,
        aliases,
        description: String::new(),
        activities: String::new(),
        purpose: String::new(),
        line,
    }
}
