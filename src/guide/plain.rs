//! Plain text out of what people paste or job boards send: HTML, Markdown
//! or text.
//!
//! HTML is read by a real parser (html5ever, through `scraper`), so broken
//! markup, entities and scripts are handled as a browser would; Markdown by
//! pulldown-cmark. Blocks (paragraphs, list items, headings, table rows,
//! `<br>`) become lines, runs of spaces become one, and the result is in
//! NFKC so that full-width letters read as Latin ones. Offsets into the
//! text this returns are what extraction reports.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use scraper::{Html, Node};
use unicode_normalization::UnicodeNormalization;

/// What a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

impl Format {
    /// A guess from the text itself: HTML when it holds a tag, Markdown
    /// when a line starts like Markdown's blocks or it uses `**`.
    pub fn detect(text: &str) -> Self {
        if holds_a_tag(text) {
            Format::Html
        } else if text.lines().any(starts_like_markdown) || text.contains("**") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// The plain text of `input`, in the format it seems to be in.
pub fn plain_text(input: &str) -> String {
    let raw = match Format::detect(input) {
        Format::Html => html_text(input),
        Format::Markdown => markdown_text(input),
        Format::Text => input.to_owned(),
    };
    tidy(&raw.nfkc().collect::<String>())
}

/// Whether `text` holds something a browser reads as a tag: `<` then a
/// letter, `/` or `!`, and a `>` later on.
fn holds_a_tag(text: &str) -> bool {
    text.match_indices('<').any(|(at, _)| {
        let rest = &text[at + 1..];
        rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
            && rest
                .find('>')
                .is_some_and(|end| !rest[..end].contains('\n'))
    })
}

fn starts_like_markdown(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("# ")
        || line.starts_with("## ")
        || line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("| ")
        || line.starts_with("```")
        || line.starts_with("> ")
}

/// Elements that begin a new line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose content is never text a person reads.
const HIDDEN: &[&str] = &["script", "style", "template", "noscript", "head"];

fn html_text(input: &str) -> String {
    let document = Html::parse_fragment(input);
    let mut out = String::with_capacity(input.len());
    let mut hidden_depth = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    if HIDDEN.contains(&name) {
                        hidden_depth += 1;
                    } else if BLOCKS.contains(&name) {
                        out.push('\n');
                    }
                }
                Node::Text(text) if hidden_depth == 0 => out.push_str(text),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    let name = element.name();
                    if HIDDEN.contains(&name) {
                        hidden_depth = hidden_depth.saturating_sub(1);
                    } else if BLOCKS.contains(&name) {
                        out.push('\n');
                    }
                }
            }
        }
    }
    out
}

fn markdown_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for event in Parser::new_ext(input, Options::ENABLE_TABLES) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.push('\n'),
            Event::Start(Tag::TableCell) => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// One space for each run of spaces within a line, no space at either end,
/// and no empty lines: each block is one line.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (position, word) in words.enumerate() {
            if position > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_read_by_a_parser_with_blocks_as_lines_and_scripts_dropped() {
        let html = "<h2>必須スキル</h2><ul><li>Kubernetes&amp;Terraform</li><li>Go<br>Python</li></ul>\
                    <script>var k8s = 1;</script><p>歓迎 <b>AWS</b> 経験</p><p>unclosed <i>tag";
        assert_eq!(Format::detect(html), Format::Html);
        assert_eq!(
            plain_text(html),
            "必須スキル\nKubernetes&Terraform\nGo\nPython\n歓迎 AWS 経験\nunclosed tag"
        );
    }

    #[test]
    fn markdown_loses_its_marks_but_keeps_its_lines() {
        let markdown = "## Requirements\n\n- **Go** or `Rust`\n- Kubernetes\n\n| Tool | Use |\n| --- | --- |\n| Terraform | IaC |\n";
        assert_eq!(Format::detect(markdown), Format::Markdown);
        assert_eq!(
            plain_text(markdown),
            "Requirements\nGo or Rust\nKubernetes\nTool Use\nTerraform IaC"
        );
    }

    #[test]
    fn plain_text_is_folded_to_nfkc_and_tidied() {
        let text = "  ＫＵＢＥＲＮＥＴＥＳ  and   a < b > c\n\n\n\nnext ";
        assert_eq!(Format::detect(text), Format::Text);
        assert_eq!(plain_text(text), "KUBERNETES and a < b > c\nnext");
    }
}
