//! The outlook section: the trends that shape the role's future.

use super::layout::{ItemReaders, Layout, SubItem, cell};
use super::lines::{ItemLines, prose};
use crate::guide::markdown::{Item, Table};
use crate::guide::model::TrendEntry;
use crate::guide::sections::SectionBlocks;
use crate::guide::text::clean_name;

/// Trends: one per sub-heading, table row or `**title**: text` list item.
pub fn trends(section: &SectionBlocks) -> Vec<TrendEntry> {
    Layout::of(section).read(&ItemReaders {
        sub_heading: from_sub_heading,
        table: from_table,
        list_item: |item| Some(from_item(item)),
    })
}

/// A trend's text is all that is under its heading, tables included.
fn from_sub_heading(item: &SubItem) -> TrendEntry {
    TrendEntry {
        title: item.title(),
        text: prose(item.blocks),
        line: item.line(),
    }
}

/// A trend table is read by position: the title, then the text.
fn from_table(table: &Table) -> Vec<TrendEntry> {
    table
        .rows
        .iter()
        .map(|row| TrendEntry {
            title: clean_name(&cell(&row.cells, 0)),
            text: cell(&row.cells, 1),
            line: row.line,
        })
        .collect()
}

fn from_item(item: &Item) -> TrendEntry {
    let lines = ItemLines::of(item);
    TrendEntry {
        title: lines.name(),
        text: lines.text(),
        line: item.line,
    }
}
