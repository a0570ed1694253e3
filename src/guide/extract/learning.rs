//! The learning section: the steps of a learning path, each with the
//! books, courses and certifications it names.

use super::layout::{Layout, list_items};
use super::lines::{ItemLines, Line, join, names, value_of};
use crate::guide::keywords::Field;
use crate::guide::model::{LearningStep, ResourceEntry, ResourceKind};
use crate::guide::sections::SectionBlocks;
use crate::guide::text::{clean_name, split_label};
use regex::Regex;
use std::sync::LazyLock;

/// Learning steps: one per sub-heading, else one per top-level list item.
/// A table is never read as steps.
pub fn learning_steps(section: &SectionBlocks) -> Vec<LearningStep> {
    let steps: Vec<(String, Vec<Line>, usize)> = match Layout::of(section) {
        Layout::SubHeadings(items) => items
            .iter()
            .map(|item| (item.title(), item.lines(), item.line()))
            .collect(),
        Layout::Table(_) | Layout::List(_) | Layout::Prose => list_items(&section.blocks)
            .map(|item| {
                // The first line only names the step; what it says is
                // in the lines under it.
                let lines = ItemLines::of(item);
                (lines.name(), lines.rest, item.line)
            })
            .filter(|(title, _, _)| !title.is_empty())
            .collect(),
    };
    steps
        .into_iter()
        .enumerate()
        .map(|(index, (title, lines, line))| learning_step(title, &lines, index + 1, line))
        .collect()
}

fn learning_step(title: String, lines: &[Line], order: usize, line: usize) -> LearningStep {
    let mut resources = labelled_resources(lines);
    for certification in certifications_in(lines) {
        let known = resources.iter().any(|resource| {
            resource.kind == ResourceKind::Certification && resource.title == certification.title
        });
        if !known {
            resources.push(certification);
        }
    }
    LearningStep {
        title,
        order,
        goal: value_of(lines, Field::StepGoal),
        text: join(lines),
        resources,
        line,
    }
}

/// The books of `書籍:` lines and the courses of `コース:` lines.
fn labelled_resources(lines: &[Line]) -> Vec<ResourceEntry> {
    let mut resources = Vec::new();
    for entry in lines {
        let Some((kind, titles)) =
            split_label(&entry.text).and_then(|(label, value)| resources_under_label(label, value))
        else {
            continue;
        };
        resources.extend(titles.into_iter().map(|title| ResourceEntry {
            kind,
            title,
            line: entry.line,
        }));
    }
    resources
}

fn resources_under_label(label: &str, value: &str) -> Option<(ResourceKind, Vec<String>)> {
    if names(label, Field::StepBook) {
        Some((ResourceKind::Book, books(value)))
    } else if names(label, Field::StepCourse) {
        Some((ResourceKind::Course, first_sentence_as_title(value)))
    } else {
        None
    }
}

/// Every certification named on any line, labelled or not.
fn certifications_in(lines: &[Line]) -> impl Iterator<Item = ResourceEntry> + '_ {
    lines.iter().flat_map(|entry| {
        certifications(&entry.text)
            .into_iter()
            .map(|title| ResourceEntry {
                kind: ResourceKind::Certification,
                title,
                line: entry.line,
            })
    })
}

/// Book titles in `『…』`, or the whole text when none is bracketed.
fn books(text: &str) -> Vec<String> {
    static BRACKETED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"『([^』]+)』").expect("static regex"));
    let titles: Vec<String> = BRACKETED
        .captures_iter(text)
        .filter_map(|caps| caps.get(1))
        .map(|title| title.as_str().trim().to_owned())
        .filter(|title| !title.is_empty())
        .collect();
    if titles.is_empty() {
        first_sentence_as_title(text)
    } else {
        titles
    }
}

/// The text up to its first `。` as one title, or none when that is empty.
fn first_sentence_as_title(text: &str) -> Vec<String> {
    let end = text.find('。').unwrap_or(text.len());
    let title = clean_name(&text[..end]);
    if title.is_empty() {
        Vec::new()
    } else {
        vec![title]
    }
}

/// Certification names written in a step: `AWS Certified … (SAA-C03)`,
/// `CKA (Certified Kubernetes Administrator)`, `Google Cloud Professional …`,
/// `LPI認定試験（LPIC）`.
fn certifications(text: &str) -> Vec<String> {
    static PATTERNS: LazyLock<[Regex; 4]> = LazyLock::new(|| {
        [
            r"[A-Z][A-Z0-9]{1,7}\s*[(（]\s*Certified[A-Za-z ]+[)）]",
            r"(?:[A-Z][A-Za-z]*\s+)*Certified(?:\s+[A-Z][A-Za-z]*)+(?:\s*[–-]\s*[A-Z][A-Za-z]*)?(?:\s*[(（][A-Z0-9-]+[)）])?",
            r"(?:[A-Z][A-Za-z]*\s+)*Professional(?:\s+[A-Z][A-Za-z]*)+",
            r"[A-Za-z]+認定(?:試験|資格)?(?:\s*[(（][A-Za-z]+[)）])?",
        ]
        .map(|pattern| Regex::new(pattern).expect("static regex"))
    });
    let mut found: Vec<(usize, usize)> = Vec::new();
    for pattern in PATTERNS.iter() {
        for hit in pattern.find_iter(text) {
            let overlaps = found
                .iter()
                .any(|&(start, end)| hit.start() < end && start < hit.end());
            if !overlaps {
                found.push((hit.start(), hit.end()));
            }
        }
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|(start, end)| text[start..end].trim().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certifications_are_found_in_their_written_forms() {
        assert_eq!(
            certifications(
                "AWS Certified Solutions Architect – Associate (SAA-C03) や同等の認定資格"
            ),
            vec!["AWS Certified Solutions Architect – Associate (SAA-C03)"]
        );
        assert_eq!(
            certifications("CKA (Certified Kubernetes Administrator) 認定資格の学習コース。"),
            vec!["CKA (Certified Kubernetes Administrator)"]
        );
        assert_eq!(
            certifications(
                "The Linux Foundationの「Certified Kubernetes Administrator (CKA)」準備コース"
            ),
            vec!["Certified Kubernetes Administrator (CKA)"]
        );
        assert_eq!(
            certifications("LPI認定試験（LPIC）の学習リソース"),
            vec!["LPI認定試験（LPIC）"]
        );
        assert_eq!(
            certifications("またはGoogle Cloud Professional Cloud Architectの公式トレーニング"),
            vec!["Google Cloud Professional Cloud Architect"]
        );
    }

    #[test]
    fn bracketed_book_titles_are_split() {
        assert_eq!(
            books("『Kubernetes実践ガイド』や『Docker/Kubernetes 実践入門』。"),
            vec!["Kubernetes実践ガイド", "Docker/Kubernetes 実践入門"]
        );
        assert_eq!(
            books("Go言語またはPythonの標準的な入門書。"),
            vec!["Go言語またはPythonの標準的な入門書"]
        );
    }
}
