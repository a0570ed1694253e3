//! Groups the body's blocks into sections recognised by what their heading
//! says, whatever its level, numbering or emoji.
//!
//! A heading that names a known section opens it. Headings deeper than the
//! section's own heading are its sub-items (a duty, a team, a learning step)
//! and are never re-read as sections, so a learning step called
//! "スキルの習得" stays a step. A same-level heading without the section's
//! keycap numbering (`### 開発チーム` after `### 4️⃣ 協業スタイル`) is a
//! sub-item too. The one exception is a deeper heading naming a section the
//! guide has not had yet, at a level where the guide already opened a
//! section and not numbered like an item (`## Collaboration` after
//! `# Skills and Tools` when `## Overview` came first): guides that mix
//! heading levels still get every section. Anything else opens a free-text
//! section.

use super::keywords::SECTION_KEYWORDS;
use super::markdown::{Block, Heading};
use super::section::Section;
use super::text::{has_keycap, is_numbered, starts_with_emoji, strip_numbering, word_at};
use aho_corasick::AhoCorasick;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What may follow a Latin keyword: nothing, or a plural's ending.
const PLURAL_ENDINGS: [&str; 4] = ["", "s", "es", "ies"];

/// Every section keyword in one automaton, with the row of
/// [`SECTION_KEYWORDS`] each belongs to: every heading of every guide is
/// classified, and one pass over it costs less than a search for each of
/// the eighty keywords.
struct KeywordFinder {
    automaton: AhoCorasick,
    /// Per pattern, its word and its row.
    words: Vec<(&'static str, usize)>,
}

static KEYWORDS: LazyLock<KeywordFinder> = LazyLock::new(|| {
    let words: Vec<(&'static str, usize)> = SECTION_KEYWORDS
        .iter()
        .enumerate()
        .flat_map(|(row, (_, words))| words.iter().map(move |word| (*word, row)))
        .collect();
    let automaton = AhoCorasick::new(words.iter().map(|(word, _)| word))
        .expect("the section keywords are a handful of short words");
    KeywordFinder { automaton, words }
});

/// Classifies a heading's text, or `None` for a free-text section: the
/// first row of [`SECTION_KEYWORDS`] with a keyword, or its plural, in the
/// lowercased heading. A Latin keyword counts only as a word, so that a
/// title such as `Tooling Engineer` or `Futures Desk` opens no section.
pub fn classify(heading: &str) -> Option<Section> {
    let text = strip_numbering(heading).to_lowercase();
    let finder = &*KEYWORDS;
    finder
        .automaton
        .find_overlapping_iter(&text)
        .filter_map(|found| {
            let (word, row) = finder.words[found.pattern().as_usize()];
            word_at(&text, found.start(), word, &PLURAL_ENDINGS).map(|_| row)
        })
        .min()
        .map(|row| SECTION_KEYWORDS[row].0)
}

/// A run of blocks under one section heading.
#[derive(Debug, Clone)]
pub struct SectionBlocks {
    /// `None` for a section this reader does not know.
    pub kind: Option<Section>,
    /// The heading text, numbering removed.
    pub title: String,
    pub line: usize,
    /// The blocks after the heading, sub-headings included.
    pub blocks: Vec<Block>,
}

/// The body split into its leading headline and its sections.
#[derive(Debug, Default)]
pub struct Sections {
    /// The first heading when it opens no known section (the guide's title).
    pub headline: Option<String>,
    /// Blocks before any heading.
    pub preamble: Vec<Block>,
    pub sections: Vec<SectionBlocks>,
}

/// The section being filled and the level of heading it may contain.
struct Open {
    section: SectionBlocks,
    level: u8,
    keycap: bool,
}

/// Groups `blocks` into sections.
pub fn group(blocks: Vec<Block>) -> Sections {
    let mut out = Sections::default();
    let mut open: Option<Open> = None;
    let mut seen = Seen::default();
    for block in blocks {
        let Block::Heading(heading) = &block else {
            match open.as_mut() {
                Some(open) => open.section.blocks.push(block),
                None => out.preamble.push(block),
            }
            continue;
        };
        let kind = classify(&heading.text);
        if let Some(current) = open.as_mut() {
            if kind.is_some()
                && current.section.kind == kind
                && opens_same_section(current, heading)
            {
                // A wrapper heading and its numbered heading name the same
                // section ("## …スキルとツール" then "### 3️⃣ 必要なスキルとツール").
                current.keycap |= has_keycap(&heading.text);
                continue;
            }
            if is_sub_item(current, heading, &seen) {
                current.section.blocks.push(block);
                continue;
            }
        }
        if kind.is_none() && out.headline.is_none() && out.sections.is_empty() && open.is_none() {
            out.headline = Some(strip_numbering(&heading.text));
            continue;
        }
        if let Some(done) = open.take() {
            out.sections.push(done.section);
        }
        if let Some(kind) = kind {
            seen.kinds.insert(kind);
            seen.levels.insert(heading.level);
        }
        open = Some(Open {
            section: SectionBlocks {
                kind,
                title: strip_numbering(&heading.text),
                line: heading.line,
                blocks: Vec::new(),
            },
            level: heading.level,
            keycap: has_keycap(&heading.text),
        });
    }
    if let Some(done) = open {
        out.sections.push(done.section);
    }
    out
}

/// A heading naming the open section's kind restates it (rather than being
/// one of its items, like `#### 1. 大規模Web企業` under `企業`) when it is
/// numbered like a section, or comes before any of the section's content
/// and is not numbered like an item.
fn opens_same_section(open: &Open, heading: &Heading) -> bool {
    has_keycap(&heading.text) || (open.section.blocks.is_empty() && !is_numbered(&heading.text))
}

/// The known sections opened so far and the heading levels that opened them.
#[derive(Default)]
struct Seen {
    kinds: HashSet<Section>,
    levels: HashSet<u8>,
}

/// Whether `heading` belongs inside the open section rather than opening one.
fn is_sub_item(open: &Open, heading: &Heading, seen: &Seen) -> bool {
    if open.section.kind.is_none() {
        // Free-text sections end at any heading that names a known section
        // and hold deeper headings otherwise.
        return heading.level > open.level && classify(&heading.text).is_none();
    }
    if heading.level > open.level {
        // A learning step "7. …ツールの開発" stays a step; an unnumbered
        // "## Collaboration" under "# Skills and Tools" is the next section
        // when earlier sections were "##" too.
        let names_a_new_section = classify(&heading.text)
            .is_some_and(|kind| !seen.kinds.contains(&kind))
            && (has_keycap(&heading.text)
                || (seen.levels.contains(&heading.level) && !is_numbered(&heading.text)));
        return !names_a_new_section;
    }
    // Same level: an item only in a section numbered with keycaps whose items
    // sit at its own level, and only when it is not decorated like a section.
    // Once the section has listed its items up front (a list or a table
    // before any sub-heading), an unnumbered heading is something else
    // (`### 年収の目安` after a career ladder).
    let items_are_deeper = open
        .section
        .blocks
        .iter()
        .any(|block| matches!(block, Block::Heading(h) if h.level > open.level));
    let items_given_up_front = open
        .section
        .blocks
        .iter()
        .take_while(|block| !matches!(block, Block::Heading(_)))
        .any(|block| matches!(block, Block::List { .. } | Block::Table(_)));
    heading.level == open.level
        && open.keycap
        && !items_are_deeper
        && (!items_given_up_front || is_numbered(&heading.text))
        && !has_keycap(&heading.text)
        && !starts_with_emoji(&heading.text)
        && classify(&heading.text).is_none_or(|kind| Some(kind) == open.section.kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::markdown::parse_blocks;

    /// The rule `classify` keeps, written out: each row in turn, each of
    /// its words searched for alone.
    fn classified_word_by_word(heading: &str) -> Option<Section> {
        let text = strip_numbering(heading).to_lowercase();
        SECTION_KEYWORDS
            .iter()
            .find(|(_, words)| {
                words.iter().any(|word| {
                    crate::guide::text::word_spans(&text, word, &PLURAL_ENDINGS)
                        .next()
                        .is_some()
                })
            })
            .map(|(kind, _)| *kind)
    }

    #[test]
    fn one_pass_over_a_heading_classifies_it_as_a_search_for_each_word_does() {
        let mut headings: Vec<String> = Vec::new();
        for (_, words) in SECTION_KEYWORDS {
            for word in *words {
                // Alone, plural, inside a word, after a letter, beside
                // another row's word and after numbering.
                headings.extend([
                    word.to_string(),
                    format!("## {word}s"),
                    format!("### 3. Our {word}ies"),
                    format!("x{word}"),
                    format!("{word}ing"),
                    format!("まとめと{word}"),
                    format!("{} and {word}", words[0].to_uppercase()),
                ]);
            }
        }
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for entry in std::fs::read_dir(seeds).expect("the seeds") {
            let text = std::fs::read_to_string(entry.expect("an entry").path()).unwrap_or_default();
            headings.extend(
                text.lines()
                    .filter(|line| line.starts_with('#'))
                    .map(str::to_owned),
            );
        }
        assert!(headings.len() > 300, "{}", headings.len());
        for heading in &headings {
            assert_eq!(
                classify(heading),
                classified_word_by_word(heading),
                "{heading}"
            );
        }
    }

    #[test]
    fn headings_are_classified_by_meaning() {
        assert_eq!(classify("### 2️⃣ 主な業務"), Some(Section::Duties));
        assert_eq!(
            classify("## 🧠 専門知識の結晶：必要なスキルとツール"),
            Some(Section::Skills)
        );
        assert_eq!(classify("### 🔟 まとめ"), Some(Section::Summary));
        assert_eq!(classify("## Career Path"), Some(Section::CareerPath));
        assert_eq!(classify("## 🏷️ #推奨タグ"), None);
        assert_eq!(classify("## Responsibilities"), Some(Section::Duties));
        assert_eq!(classify("## Responsibility"), Some(Section::Duties));
        assert_eq!(classify("# Skills and Tools"), Some(Section::Skills));
        assert_eq!(classify("## Employers"), Some(Section::Employers));
        // A Latin keyword inside another word names no section.
        assert_eq!(classify("# Tooling Engineer"), None);
        assert_eq!(classify("## Interviewing Tips for Skillful People"), None);
        assert_eq!(
            classify("## 9️⃣ 面接でよくある質問とその対策"),
            Some(Section::Interview)
        );
    }

    #[test]
    fn deeper_headings_are_sub_items_of_a_known_section() {
        let body =
            "## 🔗 協業スタイル\n\n### 開発チーム\n\ntext\n\n### 学習スキル\n\n## まとめ\n\nend\n";
        let grouped = group(parse_blocks(body, 1));
        assert_eq!(grouped.sections.len(), 2);
        assert_eq!(grouped.sections[0].kind, Some(Section::Teams));
        assert_eq!(grouped.sections[0].blocks.len(), 3);
        assert_eq!(grouped.sections[1].kind, Some(Section::Summary));
    }

    #[test]
    fn same_level_headings_without_a_keycap_stay_in_a_keycap_section() {
        let body = "### 4️⃣ 協業スタイル\n\n### 開発チーム\n\n### 5️⃣ 補足\n";
        let grouped = group(parse_blocks(body, 1));
        assert_eq!(grouped.sections.len(), 2);
        assert_eq!(grouped.sections[0].blocks.len(), 1);
        assert_eq!(grouped.sections[1].kind, None);
        assert_eq!(grouped.sections[1].title, "補足");
    }

    #[test]
    fn a_deeper_heading_naming_a_new_section_opens_it() {
        let body = "## Overview\n\nx\n\n# Skills and Tools\n\n## Tools\n\ntext\n\n## Collaboration\n\n### Dev\n\n## Learning Path\n\n### 1. Tools and skills\n";
        let grouped = group(parse_blocks(body, 1));
        let kinds: Vec<_> = grouped.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Some(Section::Overview),
                Some(Section::Skills),
                Some(Section::Teams),
                Some(Section::Learning)
            ]
        );
        assert_eq!(grouped.sections[3].blocks.len(), 1);
    }

    #[test]
    fn a_heading_after_items_given_up_front_is_not_an_item() {
        let body = "### 5️⃣ キャリアパス\n\n- **ジュニア**: a\n\n### 年収の目安\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n### 6️⃣ 将来展望\n";
        let grouped = group(parse_blocks(body, 1));
        let kinds: Vec<_> = grouped.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![Some(Section::CareerPath), None, Some(Section::Outlook)]
        );
        assert_eq!(grouped.sections[1].title, "年収の目安");
    }

    #[test]
    fn a_numbered_heading_at_the_start_of_its_section_is_an_item() {
        let body = "### 8️⃣ 就職可能な企業\n\n#### 1. Web系企業\n\n- 企業例: A\n";
        let grouped = group(parse_blocks(body, 1));
        assert_eq!(grouped.sections.len(), 1);
        assert_eq!(grouped.sections[0].blocks.len(), 2);
    }

    #[test]
    fn a_known_heading_under_a_free_wrapper_opens_its_section() {
        let body = "# Guide\n\n## 🚀 序章\n\n### 1️⃣ Xとは？\n\ntext\n\n#### 意義\n\nmore\n";
        let grouped = group(parse_blocks(body, 1));
        assert_eq!(grouped.headline.as_deref(), Some("Guide"));
        assert_eq!(grouped.sections[0].kind, None);
        assert_eq!(grouped.sections[1].kind, Some(Section::Overview));
        assert_eq!(grouped.sections[1].blocks.len(), 3);
    }
}
