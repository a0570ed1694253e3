//! Markdown body → a flat list of blocks with line numbers.
//!
//! pulldown-cmark does the parsing; this module only flattens its event
//! stream into the few shapes the section readers care about (headings,
//! paragraphs, lists, tables), with inline Markdown (`**bold**`, links,
//! code spans) reduced to its text and every block tagged with its line.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A heading with its level (1–6) and plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub line: usize,
}

/// A list item: its own text and any nested items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub line: usize,
    pub children: Vec<Item>,
}

/// A table row's cells, in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<String>,
    pub line: usize,
}

/// A table with its header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    pub line: usize,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(Heading),
    Paragraph { text: String, line: usize },
    List { items: Vec<Item>, line: usize },
    Table(Table),
}

impl Block {
    /// The 1-based line the block starts on.
    pub fn line(&self) -> usize {
        match self {
            Block::Heading(heading) => heading.line,
            Block::Paragraph { line, .. } | Block::List { line, .. } => *line,
            Block::Table(table) => table.line,
        }
    }
}

/// Maps byte offsets of the body to 1-based file lines.
struct LineIndex {
    starts: Vec<usize>,
    first_line: usize,
}

impl LineIndex {
    fn new(text: &str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Self { starts, first_line }
    }

    fn line(&self, offset: usize) -> usize {
        let index = self.starts.partition_point(|&start| start <= offset);
        self.first_line + index.saturating_sub(1)
    }
}

/// The container an event currently belongs to.
enum Frame {
    List { items: Vec<Item>, line: usize },
    Item(Item),
    Table { table: Table, row: Option<Row> },
}

/// Flattens `body` into blocks; `first_line` is the file line of its first byte.
pub fn parse_blocks(body: &str, first_line: usize) -> Vec<Block> {
    let lines = LineIndex::new(body, first_line);
    let mut walker = Walker::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        walker.handle(event, lines.line(range.start));
    }
    walker.blocks
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    frames: Vec<Frame>,
    /// Inline text of the innermost open leaf (heading, paragraph, cell, item).
    text: String,
    /// Where the open leaf started.
    text_line: usize,
}

impl Walker {
    fn handle(&mut self, event: Event<'_>, line: usize) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.push_text(&text, line),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text, line),
            // Guides are mostly Japanese, where a line break joins words without a
            // space; keeping it as a newline also ends `label: value` lines.
            Event::SoftBreak => self.push_text("\n", line),
            Event::HardBreak => self.push_text("\n", line),
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str, line: usize) {
        if self.text.is_empty() {
            self.text_line = line;
        }
        self.text.push_str(text);
    }

    fn take_text(&mut self) -> String {
        let text = drop_literal_bold(collapse_spaces(&self.text));
        self.text.clear();
        text
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Heading { .. } | Tag::Paragraph => {
                self.flush_item_text();
                self.text.clear();
                self.text_line = line;
            }
            Tag::List(_) => {
                self.flush_item_text();
                self.frames.push(Frame::List {
                    items: Vec::new(),
                    line,
                });
            }
            Tag::Item => self.frames.push(Frame::Item(Item {
                line,
                ..Item::default()
            })),
            Tag::Table(_) => self.frames.push(Frame::Table {
                table: Table {
                    header: Vec::new(),
                    rows: Vec::new(),
                    line,
                },
                row: None,
            }),
            Tag::TableHead | Tag::TableRow => {
                if let Some(Frame::Table { row, .. }) = self.frames.last_mut() {
                    *row = Some(Row {
                        cells: Vec::new(),
                        line,
                    });
                }
            }
            Tag::TableCell => self.text.clear(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                let text = self.take_text();
                let heading = Heading {
                    level: level as u8,
                    text,
                    line: self.text_line,
                };
                self.blocks.push(Block::Heading(heading));
            }
            TagEnd::Paragraph => self.end_paragraph(),
            TagEnd::Item => self.end_item(),
            TagEnd::List(_) => self.end_list(),
            TagEnd::TableCell => {
                let cell = self.take_text();
                if let Some(Frame::Table { row: Some(row), .. }) = self.frames.last_mut() {
                    row.cells.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => self.end_row(tag == TagEnd::TableHead),
            TagEnd::Table => {
                if let Some(Frame::Table { table, .. }) = self.frames.pop() {
                    self.emit(Block::Table(table));
                }
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let line = self.text_line;
        let text = self.take_text();
        if text.is_empty() {
            return;
        }
        match self.frames.last_mut() {
            Some(Frame::Item(item)) => append_line(&mut item.text, &text),
            _ => self.emit(Block::Paragraph { text, line }),
        }
    }

    /// Text written directly in a tight list item belongs to that item.
    fn flush_item_text(&mut self) {
        if self.text.trim().is_empty() {
            return;
        }
        if let Some(Frame::Item(_)) = self.frames.last() {
            let text = self.take_text();
            if let Some(Frame::Item(item)) = self.frames.last_mut() {
                append_line(&mut item.text, &text);
            }
        }
    }

    fn end_item(&mut self) {
        self.flush_item_text();
        if let Some(Frame::Item(item)) = self.frames.pop()
            && let Some(Frame::List { items, .. }) = self.frames.last_mut()
        {
            items.push(item);
        }
    }

    fn end_list(&mut self) {
        let Some(Frame::List { items, line }) = self.frames.pop() else {
            return;
        };
        match self.frames.last_mut() {
            Some(Frame::Item(parent)) => parent.children.extend(items),
            _ => self.emit(Block::List { items, line }),
        }
    }

    fn end_row(&mut self, is_header: bool) {
        if let Some(Frame::Table { table, row }) = self.frames.last_mut()
            && let Some(row) = row.take()
        {
            if is_header {
                table.header = row.cells;
            } else {
                table.rows.push(row);
            }
        }
    }

    /// A block inside a list item (a table in a list, say) is kept at top level.
    fn emit(&mut self, block: Block) {
        self.blocks.push(block);
    }
}

fn append_line(target: &mut String, text: &str) {
    if !target.is_empty() {
        target.push('\n');
    }
    target.push_str(text);
}

/// CommonMark keeps `**` as text when it touches punctuation on the inside
/// and a letter on the outside (`**「…」**だと`), which Japanese prose does
/// all the time; the writer meant bold, so paired leftovers are dropped.
fn drop_literal_bold(text: String) -> String {
    let pairs = text.matches("**").count();
    if pairs >= 2 && pairs.is_multiple_of(2) {
        text.replace("**", "")
    } else {
        text
    }
}

/// Trims and folds runs of spaces (not newlines) into one.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let mut last_space = false;
        for ch in line.trim().chars() {
            let space = ch == ' ' || ch == '\t';
            if !(space && last_space) {
                out.push(if space { ' ' } else { ch });
            }
            last_space = space;
        }
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_and_lines_are_kept() {
        let blocks = parse_blocks("# Title\n\nSome **bold** text.\n", 10);
        assert_eq!(
            blocks,
            vec![
                Block::Heading(Heading {
                    level: 1,
                    text: "Title".into(),
                    line: 10
                }),
                Block::Paragraph {
                    text: "Some bold text.".into(),
                    line: 12
                },
            ]
        );
    }

    #[test]
    fn nested_list_items_keep_their_children() {
        let blocks = parse_blocks("- **質問:** Q\n    - **ポイント:** A\n- second\n", 1);
        let Block::List { items, .. } = &blocks[0] else {
            panic!("expected a list, got {blocks:?}");
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].text, "質問: Q");
        assert_eq!(items[0].children[0].text, "ポイント: A");
        assert_eq!(items[0].children[0].line, 2);
        assert_eq!(items[1].text, "second");
    }

    #[test]
    fn tables_have_a_header_and_rows_with_lines() {
        let body = "| a | b |\n| --- | --- |\n| **x** | [y](http://e) |\n| z | `w` |\n";
        let blocks = parse_blocks(body, 3);
        let Block::Table(table) = &blocks[0] else {
            panic!("expected a table, got {blocks:?}");
        };
        assert_eq!(table.header, vec!["a", "b"]);
        assert_eq!(table.rows[0].cells, vec!["x", "y"]);
        assert_eq!(table.rows[0].line, 5);
        assert_eq!(table.rows[1].cells, vec!["z", "w"]);
    }

    #[test]
    fn bold_around_japanese_brackets_leaves_no_asterisks() {
        let blocks = parse_blocks(
            "これは**「比喩」**だと考え、**Platform Engineer（PE）**です。\n",
            1,
        );
        assert_eq!(
            blocks,
            vec![Block::Paragraph {
                text: "これは「比喩」だと考え、Platform Engineer（PE）です。".into(),
                line: 1
            }]
        );
    }

    #[test]
    fn crlf_bodies_give_the_same_lines() {
        let blocks = parse_blocks("# A\r\n\r\ntext\r\n", 1);
        assert_eq!(blocks[1].line(), 3);
    }
}
