//! The interview section: questions with the points of a good answer.
//!
//! Guides mix layouts within this one section (a table of common
//! questions, then `Q1.` sub-headings), so it reads them all rather than
//! one [`super::layout::Layout`], and puts the questions in line order.

use super::layout::{SubItem, list_items, read_rows, sub_items, tables};
use super::lines::{ItemLines, names, unlabelled, value_of};
use crate::guide::keywords::Field;
use crate::guide::markdown::{Item, Table};
use crate::guide::model::InterviewQuestion;
use crate::guide::sections::SectionBlocks;
use crate::guide::text::{is_question_marker, split_label, strip_question_marker};

/// Interview questions from tables, `Q1.` sub-headings, and the list items
/// before any sub-heading.
pub fn interview_questions(section: &SectionBlocks) -> Vec<InterviewQuestion> {
    let (intro, items) = sub_items(section);
    let mut questions: Vec<InterviewQuestion> =
        tables(&section.blocks).flat_map(from_table).collect();
    questions.extend(items.iter().filter_map(from_sub_heading));
    questions.extend(list_items(intro).filter_map(from_item));
    questions.sort_by_key(|question| question.line);
    questions
}

fn from_table(table: &Table) -> Vec<InterviewQuestion> {
    let fields = [(Field::Question, 0), (Field::Answer, 1)];
    read_rows(table, fields, |[question, answer], row| InterviewQuestion {
        question: strip_question_marker(&question),
        answer_points: answer,
        line: row.line,
    })
}

/// A sub-heading is a question when it is marked (`Q2.`) or asks (`？`);
/// others (`### 準備のコツ`) are not. Its `回答:` line is the answer when
/// it has one, else all of its prose is.
fn from_sub_heading(item: &SubItem) -> Option<InterviewQuestion> {
    let text = item.title();
    let asks = is_question_marker(&item.heading.text)
        || is_question_marker(&text)
        || text.ends_with(['？', '?']);
    if !asks {
        return None;
    }
    let lines = item.lines();
    let answer = match value_of(&lines, Field::Answer) {
        found if !found.is_empty() => found,
        _ => unlabelled(&lines, &[]),
    };
    Some(InterviewQuestion {
        question: strip_question_marker(&text),
        answer_points: answer,
        line: item.line(),
    })
}

/// An item is a question on its first line (`質問: …`, `Q1. …`, or any
/// line with nothing under it) with the answer in the lines under it. An
/// item with neither an answer nor a question mark is prose, not a question.
fn from_item(item: &Item) -> Option<InterviewQuestion> {
    let lines = ItemLines::of(item);
    let question = match split_label(lines.head) {
        Some((label, value)) if names(label, Field::Question) => value.to_owned(),
        _ if is_question_marker(lines.head) || item.children.is_empty() => {
            strip_question_marker(lines.head)
        }
        _ => lines.head.to_owned(),
    };
    let answer = lines
        .rest
        .iter()
        .map(|line| match split_label(&line.text) {
            Some((label, value)) if names(label, Field::Answer) => value.to_owned(),
            _ => line.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let question = question.trim().to_owned();
    let is_question =
        !question.is_empty() && (!answer.is_empty() || question.ends_with(['？', '?']));
    is_question.then_some(InterviewQuestion {
        question,
        answer_points: answer,
        line: item.line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::markdown::parse_blocks;
    use crate::guide::sections::group;

    fn questions_of(body: &str) -> Vec<InterviewQuestion> {
        interview_questions(&group(parse_blocks(body, 1)).sections[0])
    }

    #[test]
    fn a_label_holding_the_letter_a_is_not_the_answer_label() {
        let questions =
            questions_of("## 面接対策\n\n### Q1. 強みは？\n\nDetail: 背景\n\nA: 自動化\n");
        assert_eq!(questions.len(), 1);
        assert_eq!(questions[0].answer_points, "自動化");
    }

    #[test]
    fn questions_of_every_layout_come_in_line_order() {
        let questions = questions_of(
            "## 面接対策\n\n- 質問: なぜ？\n  - 回答: 理由\n\n| 質問 | ポイント |\n| - | - |\n| Q2. 何を？ | 要点 |\n\n### Q3. どう？\n\n手順\n",
        );
        let asked: Vec<(&str, &str)> = questions
            .iter()
            .map(|q| (q.question.as_str(), q.answer_points.as_str()))
            .collect();
        assert_eq!(
            asked,
            vec![("なぜ？", "理由"), ("何を？", "要点"), ("どう？", "手順")]
        );
    }
}
