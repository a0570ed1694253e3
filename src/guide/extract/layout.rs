//! How a section lays out its items, and reading the tables it holds.
//!
//! Guides write the items of a section (duties, teams, steps) in one of a
//! few layouts: one sub-heading each, one table row each, or one list item
//! each. [`Layout::of`] decides which one a section uses, once for every
//! reader, and [`Layout::read`] hands each item to the section's
//! [`ItemReaders`]; [`columns`] finds which column of a table holds which
//! field.

use crate::guide::keywords::{Field, NUMBERING_COLUMNS};
use crate::guide::markdown::{Block, Heading, Item, Row, Table};
use crate::guide::sections::SectionBlocks;
use crate::guide::text::{label_matches, strip_numbering};

use super::lines::{Line, lines_of};

/// How a section writes its items.
pub enum Layout<'a> {
    /// One item per sub-heading of the shallowest level under the section.
    SubHeadings(Vec<SubItem<'a>>),
    /// One item per row of the section's first table.
    Table(&'a Table),
    /// One item per top-level item of the section's lists.
    List(Vec<&'a Item>),
    /// Nothing but prose: no items.
    Prose,
}

impl<'a> Layout<'a> {
    /// Sub-headings win: a table or list under one belongs to that item,
    /// and what comes before the first is the section's introduction.
    /// Without sub-headings, the first table wins over any list.
    pub fn of(section: &'a SectionBlocks) -> Self {
        let (intro, items) = sub_items(section);
        if items.is_empty() {
            Self::of_blocks(intro)
        } else {
            Self::SubHeadings(items)
        }
    }

    /// The layout of what comes before the first sub-heading, as though
    /// the sub-headings were not there.
    pub fn before_sub_headings(section: &'a SectionBlocks) -> Self {
        Self::of_blocks(sub_items(section).0)
    }

    /// One record per item, in the order written; prose holds none.
    pub fn read<T>(self, readers: &ItemReaders<T>) -> Vec<T> {
        match self {
            Layout::SubHeadings(items) => items.iter().map(readers.sub_heading).collect(),
            Layout::Table(table) => (readers.table)(table),
            Layout::List(items) => items.into_iter().filter_map(readers.list_item).collect(),
            Layout::Prose => Vec::new(),
        }
    }

    fn of_blocks(blocks: &'a [Block]) -> Self {
        if let Some(table) = tables(blocks).next() {
            return Self::Table(table);
        }
        let items: Vec<&Item> = list_items(blocks).collect();
        if items.is_empty() {
            Self::Prose
        } else {
            Self::List(items)
        }
    }
}

/// What a section's reader makes of one item of each layout.
pub struct ItemReaders<T> {
    pub sub_heading: fn(&SubItem) -> T,
    /// Reads the whole table, since which column holds which field is
    /// decided once per table.
    pub table: fn(&Table) -> Vec<T>,
    /// `None` skips the item.
    pub list_item: fn(&Item) -> Option<T>,
}

/// A sub-heading of a section with the blocks under it.
pub struct SubItem<'a> {
    pub heading: &'a Heading,
    pub blocks: &'a [Block],
}

impl SubItem<'_> {
    /// The heading without its numbering or emoji.
    pub fn title(&self) -> String {
        strip_numbering(&self.heading.text)
    }

    /// The lines of prose under the heading.
    pub fn lines(&self) -> Vec<Line> {
        lines_of(self.blocks)
    }

    /// The heading's line.
    pub fn line(&self) -> usize {
        self.heading.line
    }
}

/// Splits a section into the blocks before its first sub-heading and one
/// sub-item per heading of the shallowest level it contains.
pub fn sub_items(section: &SectionBlocks) -> (&[Block], Vec<SubItem<'_>>) {
    let blocks = section.blocks.as_slice();
    let Some(level) = blocks.iter().filter_map(heading_level).min() else {
        return (blocks, Vec::new());
    };
    let starts: Vec<usize> = (0..blocks.len())
        .filter(|&index| heading_level(&blocks[index]) == Some(level))
        .collect();
    let items = starts
        .iter()
        .enumerate()
        .filter_map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(blocks.len());
            match &blocks[start] {
                Block::Heading(heading) => Some(SubItem {
                    heading,
                    blocks: &blocks[start + 1..end],
                }),
                _ => None,
            }
        })
        .collect();
    (&blocks[..starts[0]], items)
}

fn heading_level(block: &Block) -> Option<u8> {
    match block {
        Block::Heading(heading) => Some(heading.level),
        _ => None,
    }
}

/// Every table among `blocks`.
pub fn tables(blocks: &[Block]) -> impl Iterator<Item = &Table> {
    blocks.iter().filter_map(|block| match block {
        Block::Table(table) => Some(table),
        _ => None,
    })
}

/// The top-level items of every list among `blocks`.
pub fn list_items(blocks: &[Block]) -> impl Iterator<Item = &Item> {
    blocks.iter().flat_map(|block| match block {
        Block::List { items, .. } => items.as_slice(),
        _ => &[],
    })
}

/// Picks one column per field, never the same column twice: the first
/// header cell naming the field that no earlier field took, else the
/// field's `fallback` position when free, else the next free column after
/// it (then before it) that does more than number the rows (`#`, `No.`).
/// A field with no column left gets an index past the end, which reads as
/// an empty cell.
pub fn columns<const N: usize>(table: &Table, fields: [(Field, usize); N]) -> [usize; N] {
    let width = table
        .rows
        .iter()
        .map(|row| row.cells.len())
        .chain([table.header.len()])
        .max()
        .unwrap_or(0);
    let header: Vec<String> = (0..width).map(|index| cell(&table.header, index)).collect();
    let numbers_rows = |index: usize| {
        let text = header[index].to_lowercase();
        NUMBERING_COLUMNS.contains(&text.trim_end_matches(['.', '．']))
    };
    let mut taken: Vec<usize> = Vec::new();
    fields.map(|(field, fallback)| {
        let named = (0..width).find(|&index| {
            !taken.contains(&index) && label_matches(&header[index], field.column_words())
        });
        let free = |index: &usize| !taken.contains(index) && !numbers_rows(*index);
        let chosen = named
            .or_else(|| (fallback..width).find(free))
            .or_else(|| (0..fallback.min(width)).find(free))
            .unwrap_or(width);
        taken.push(chosen);
        chosen
    })
}

/// Reads each row of `table` with its cells for `fields`, in that order,
/// found by [`columns`].
pub fn read_rows<T, const N: usize>(
    table: &Table,
    fields: [(Field, usize); N],
    read: impl Fn([String; N], &Row) -> T,
) -> Vec<T> {
    let indices = columns(table, fields);
    table
        .rows
        .iter()
        .map(|row| read(indices.map(|index| cell(&row.cells, index)), row))
        .collect()
}

/// The trimmed text of a row's cell, empty past the end of the row.
pub fn cell(cells: &[String], index: usize) -> String {
    cells
        .get(index)
        .map(|text| text.trim().to_owned())
        .unwrap_or_default()
}
