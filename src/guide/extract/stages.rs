//! The career path section: the ladder of stages, first rung first.

use super::layout::{ItemReaders, Layout, SubItem, read_rows};
use super::lines::{ItemLines, Line, unlabelled, value_of};
use crate::guide::keywords::Field;
use crate::guide::markdown::{Item, Table};
use crate::guide::model::StageEntry;
use crate::guide::sections::SectionBlocks;
use crate::guide::text::{clean_name, strip_numbering};

/// Career stages from a table, else a list, before any sub-heading; else
/// one per sub-heading. A table or list under a sub-heading belongs to that
/// stage (its `責任`/`展望` lines) or to something else (a salary table),
/// never to the ladder itself.
pub fn stages(section: &SectionBlocks) -> Vec<StageEntry> {
    let stages = ladder_layout(section).read(&ItemReaders {
        sub_heading: from_sub_heading,
        table: from_table,
        list_item: |item| Some(from_item(item)),
    });
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

/// A ladder given up front wins over the sub-headings after it, which
/// are then about something else (`### 年収の目安`).
fn ladder_layout(section: &SectionBlocks) -> Layout<'_> {
    match Layout::before_sub_headings(section) {
        Layout::Prose => Layout::of(section),
        given_up_front => given_up_front,
    }
}

fn from_table(table: &Table) -> Vec<StageEntry> {
    let fields = [
        (Field::StageName, 0),
        (Field::StageResponsibilities, 1),
        (Field::StageOutlook, 2),
    ];
    read_rows(table, fields, |[name, responsibilities, outlook], row| {
        stage(&name, responsibilities, outlook, row.line)
    })
}

fn from_item(item: &Item) -> StageEntry {
    let lines = ItemLines::of(item);
    from_lines(&lines.name(), &lines.body(), item.line)
}

fn from_sub_heading(item: &SubItem) -> StageEntry {
    from_lines(&item.heading.text, &item.lines(), item.line())
}

/// The `役割:` line gives the responsibilities when there is one, else
/// every line that is neither that nor the `展望:` line does.
fn from_lines(name: &str, lines: &[Line], line: usize) -> StageEntry {
    let responsibilities = match value_of(lines, Field::StageResponsibilities) {
        found if !found.is_empty() => found,
        _ => unlabelled(lines, &[Field::StageOutlook, Field::StageResponsibilities]),
    };
    stage(
        name,
        responsibilities,
        value_of(lines, Field::StageOutlook),
        line,
    )
}

/// A stage not yet numbered: [`stages`] numbers the ones with a name.
fn stage(name: &str, responsibilities: String, outlook: String, line: usize) -> StageEntry {
    StageEntry {
        name: clean_name(&strip_numbering(name)),
        responsibilities,
        outlook,
        order: 0,
        line,
    }
}
