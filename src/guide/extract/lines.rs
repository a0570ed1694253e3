//! The lines of prose that blocks and list items hold, collected one way
//! for every reader, and the `label: value` lines among them.

use crate::guide::keywords::Field;
use crate::guide::markdown::{Block, Item};
use crate::guide::text::{clean_name, label_matches, split_label, strip_numbering};

/// A line of prose with its file line.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub line: usize,
}

/// Every line of prose in `blocks`: paragraph lines, list items and their
/// children, and nested headings; tables are left to the table readers.
pub fn lines_of(blocks: &[Block]) -> Vec<Line> {
    blocks.iter().flat_map(block_lines).collect()
}

/// Prose of `blocks`, tables included as `a: b` lines, joined by newlines.
pub fn prose(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Table(table) => parts.extend(table.rows.iter().map(|row| row.cells.join(": "))),
            other => parts.extend(block_lines(other).into_iter().map(|line| line.text)),
        }
    }
    parts.join("\n")
}

fn block_lines(block: &Block) -> Vec<Line> {
    match block {
        Block::Paragraph { text, line } => text_lines(text, *line).collect(),
        Block::List { items, .. } => items.iter().flat_map(item_lines).collect(),
        Block::Heading(heading) => text_lines(&heading.text, heading.line).collect(),
        Block::Table(_) => Vec::new(),
    }
}

/// Every line of an item, its own text first, then its children's.
fn item_lines(item: &Item) -> Vec<Line> {
    text_lines(&item.text, item.line)
        .chain(item.children.iter().flat_map(item_lines))
        .collect()
}

/// The non-blank lines of `text`, trimmed, numbered from `first`.
fn text_lines(text: &str, first: usize) -> impl Iterator<Item = Line> + '_ {
    text.split('\n')
        .enumerate()
        .filter_map(move |(offset, part)| {
            let part = part.trim();
            (!part.is_empty()).then(|| Line {
                text: part.to_owned(),
                line: first + offset,
            })
        })
}

/// A list item read as its first line, which names it (`**name**: text`,
/// or just `name`), and the lines under it.
pub struct ItemLines<'a> {
    /// The first line of the item's own text, as written.
    pub head: &'a str,
    /// The rest of the item's own text, then its children's lines.
    pub rest: Vec<Line>,
    line: usize,
}

impl<'a> ItemLines<'a> {
    pub fn of(item: &'a Item) -> Self {
        let own_rest = item
            .text
            .split_once('\n')
            .map(|(_, after_head)| text_lines(after_head, item.line + 1));
        Self {
            head: item.text.lines().next().unwrap_or_default(),
            rest: own_rest
                .into_iter()
                .flatten()
                .chain(item.children.iter().flat_map(item_lines))
                .collect(),
            line: item.line,
        }
    }

    /// The name the first line gives: its label when it has one, else all
    /// of it, without numbering.
    pub fn name(&self) -> String {
        let name = split_label(self.head).map_or(self.head, |(label, _)| label);
        clean_name(&strip_numbering(name))
    }

    /// The value after the first line's label, empty when it has none.
    pub fn inline_value(&self) -> &'a str {
        split_label(self.head).map_or("", |(_, value)| value)
    }

    /// What the item says of its name: the first line's value, then the
    /// lines under it.
    pub fn body(&self) -> Vec<Line> {
        let inline = Line {
            text: self.inline_value().to_owned(),
            line: self.line,
        };
        std::iter::once(inline)
            .filter(|inline| !inline.text.is_empty())
            .chain(self.rest.iter().cloned())
            .collect()
    }

    /// [`Self::body`] as text, one line each.
    pub fn text(&self) -> String {
        join(&self.body())
    }
}

/// The lines' text, joined by newlines.
pub fn join(lines: &[Line]) -> String {
    lines
        .iter()
        .map(|line| line.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The value of the first line labelled as `field` with a value, or empty.
pub fn value_of(lines: &[Line], field: Field) -> String {
    lines
        .iter()
        .find_map(|line| {
            let (label, value) = split_label(&line.text)?;
            (!value.is_empty() && names(label, field)).then(|| value.to_owned())
        })
        .unwrap_or_default()
}

/// The lines labelled as none of `fields`, joined by newlines: a line of
/// one of them, or a label with nothing after it, is dropped, and a line
/// of another label keeps only its value.
pub fn unlabelled(lines: &[Line], fields: &[Field]) -> String {
    lines
        .iter()
        .filter_map(|line| match split_label(&line.text) {
            Some((label, _)) if fields.iter().any(|field| names(label, *field)) => None,
            Some((_, "")) => None,
            Some((_, value)) => Some(value),
            None => Some(line.text.as_str()),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// True when a line's `label` names `field`.
pub fn names(label: &str, field: Field) -> bool {
    label_matches(label, field.label_words())
}
