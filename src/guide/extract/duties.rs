//! The duties section: what the role does, one duty per item.

use super::layout::{ItemReaders, Layout, SubItem, read_rows};
use super::lines::{ItemLines, unlabelled, value_of};
use crate::guide::keywords::Field;
use crate::guide::markdown::{Item, Table};
use crate::guide::model::Duty;
use crate::guide::sections::SectionBlocks;
use crate::guide::text::{clean_name, strip_numbering};

/// Duties: one per sub-heading, table row or list item.
pub fn duties(section: &SectionBlocks) -> Vec<Duty> {
    Layout::of(section).read(&ItemReaders {
        sub_heading: from_sub_heading,
        table: from_table,
        list_item: |item| Some(from_item(item)),
    })
}

/// A sub-heading's prose describes the duty; its `詳細:` and `目標:` lines
/// are the detail and the goal.
fn from_sub_heading(item: &SubItem) -> Duty {
    let lines = item.lines();
    Duty {
        title: item.title(),
        description: unlabelled(&lines, &[Field::DutyDetail, Field::DutyGoal]),
        detail: value_of(&lines, Field::DutyDetail),
        goal: value_of(&lines, Field::DutyGoal),
        line: item.line(),
    }
}

fn from_table(table: &Table) -> Vec<Duty> {
    let fields = [(Field::DutyTitle, 0), (Field::DutyDetail, 1)];
    read_rows(table, fields, |[title, detail], row| Duty {
        title: clean_name(&strip_numbering(&title)),
        description: String::new(),
        detail,
        goal: String::new(),
        line: row.line,
    })
}

fn from_item(item: &Item) -> Duty {
    let lines = ItemLines::of(item);
    Duty {
        title: lines.name(),
        description: lines.text(),
        detail: String::new(),
        goal: String::new(),
        line: item.line,
    }
}
