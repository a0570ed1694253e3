//! `parse_guide` never panics: not on arbitrary text, not on arbitrary text
//! after a valid front matter, not on random mixes of the Markdown shapes
//! guides are written in. Every error and warning it returns points at a
//! line of the input.

use proptest::prelude::*;
use skillgraph::guide::{GuideWarning, parse_guide};
use std::path::Path;

const FRONT: &str = "---json\n{\"slug\": \"prop\", \"title\": \"Prop\"}\n---\n";

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn unsplittable() -> Vec<String> {
    vec!["CI/CD".to_owned(), "TCP/IP".to_owned()]
}

/// Lines in a file, counting a last line without a newline.
fn line_count(text: &str) -> usize {
    text.split('\n').count().max(1)
}

/// Parses `text` and checks every line it reports is inside the text.
fn parse_and_check(text: &str) -> Result<(), TestCaseError> {
    let lines = line_count(text);
    match parse_guide(Path::new("prop.md"), text, &unsplittable()) {
        Ok((guide, warnings)) => {
            prop_assert!(!guide.front.slug.is_empty());
            check_warning_lines(&warnings, lines)?;
            for duty in &guide.duties {
                prop_assert!(
                    duty.line >= 1 && duty.line <= lines,
                    "duty line {}",
                    duty.line
                );
            }
            for question in &guide.interview_questions {
                prop_assert!(question.line >= 1 && question.line <= lines);
            }
            for (index, stage) in guide.stages.iter().enumerate() {
                prop_assert_eq!(stage.order, index + 1);
            }
        }
        Err(error) => {
            prop_assert!(
                error.line >= 1 && error.line <= lines,
                "error line {} of {}",
                error.line,
                lines
            );
            let shown = error.to_string();
            let prefix = format!("prop.md: line {}: ", error.line);
            prop_assert!(shown.starts_with(&prefix), "{}", shown);
        }
    }
    Ok(())
}

fn check_warning_lines(warnings: &[GuideWarning], lines: usize) -> Result<(), TestCaseError> {
    for warning in warnings {
        // A missing section is reported on the first body line, which may be
        // just past the end of a file that ends with its front matter.
        prop_assert!(
            warning.line >= 1 && warning.line <= lines + 1,
            "warning line {} of {}: {}",
            warning.line,
            lines,
            warning
        );
    }
    Ok(())
}

/// Headings with the words that open sections, at every level, with the
/// decorations guides use.
fn heading() -> impl Strategy<Value = String> {
    let level = 1usize..=6;
    let decoration = prop::sample::select(vec![
        "", "1. ", "2️⃣ ", "🔟 ", "🚀 ", "Step 3: ", "Q1. ", "第2章 ", "１．", "### ",
    ]);
    let words = prop::sample::select(vec![
        "主な業務",
        "必要なスキルとツール",
        "技術スキル（ハードスキル）",
        "ソフトスキル",
        "ツール・サービス",
        "協業スタイル",
        "キャリアパス",
        "将来展望",
        "学習方法",
        "就職可能な企業",
        "面接でよくある質問",
        "まとめ",
        "Xとは？",
        "Career Path",
        "Skills and Tools",
        "Interview Questions",
        "Summary",
        "年収の目安",
        "",
        "？",
    ]);
    (level, decoration, words)
        .prop_map(|(level, decoration, words)| format!("{} {decoration}{words}", "#".repeat(level)))
}

/// A table with a random header and ragged rows.
fn table() -> impl Strategy<Value = String> {
    let cell = prop::sample::select(vec![
        "スキル",
        "詳細な説明",
        "キャリア段階",
        "主な役割と責任",
        "今後の展望",
        "質問",
        "回答のポイント",
        "#",
        "**太字**",
        "Terraform (IaC), Ansible / Chef、Puppetなど",
        "メルカリ、証券会社",
        "",
        "|",
        "`code`",
    ]);
    (
        prop::collection::vec(cell.clone(), 1..5),
        prop::collection::vec(prop::collection::vec(cell, 0..6), 0..4),
    )
        .prop_map(|(header, rows)| {
            let mut text = format!("| {} |\n", header.join(" | "));
            text.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
            for row in rows {
                text.push_str(&format!("| {} |\n", row.join(" | ")));
            }
            text
        })
}

/// A list item, possibly nested, with the labels the readers look for.
fn list() -> impl Strategy<Value = String> {
    let marker = prop::sample::select(vec!["- ", "* ", "*   ", "1. ", "10) "]);
    let text = prop::sample::select(vec![
        "**詳細:** 説明",
        "**目標**：ゴール",
        "**質問:** 何ですか？",
        "**ポイント:** 答え",
        "**ジュニア**: 責任",
        "展望: 次へ",
        "書籍: 『本』や『Docker/Kubernetes 実践入門』",
        "企業例: A、B / C",
        "CKA (Certified Kubernetes Administrator)",
        "：",
        "",
        "Q",
    ]);
    let indent = prop::sample::select(vec!["", "  ", "    ", "\t", "　"]);
    prop::collection::vec((indent, marker, text), 1..6).prop_map(|items| {
        items
            .into_iter()
            .map(|(indent, marker, text)| format!("{indent}{marker}{text}\n"))
            .collect()
    })
}

/// Anything else a guide holds: prose, rules, fences, HTML, stray syntax.
fn other() -> impl Strategy<Value = String> {
    prop_oneof![
        "[^\\n\\r]{0,40}\n".prop_map(String::from),
        Just("---\n".to_owned()),
        Just("```\n# not a heading\n```\n".to_owned()),
        Just("> 引用\n".to_owned()),
        Just("<div>html</div>\n".to_owned()),
        Just("**「比喩」**だと\n".to_owned()),
        Just("\n".to_owned()),
        Just("$$x$$ [link](http://e) ![img](x.png)\n".to_owned()),
    ]
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => heading().prop_map(|h| format!("{h}\n")),
        2 => table(),
        2 => list(),
        2 => other(),
    ]
}

/// A body made of fragments, with LF or CRLF line endings.
fn body() -> impl Strategy<Value = String> {
    (prop::collection::vec(fragment(), 0..24), any::<bool>()).prop_map(|(parts, crlf)| {
        let text = parts.join("\n");
        if crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        }
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parse_guide_never_panics_on_arbitrary_text(text in any::<String>()) {
        parse_and_check(&text)?;
    }

    #[test]
    fn parse_guide_never_panics_on_arbitrary_text_after_a_valid_front_matter(
        text in any::<String>()
    ) {
        let guide = format!("{FRONT}{text}");
        let result = parse_guide(Path::new("prop.md"), &guide, &unsplittable());
        prop_assert!(result.is_ok(), "{:?}", result.err());
        parse_and_check(&guide)?;
    }

    #[test]
    fn parse_guide_never_panics_on_arbitrary_front_matter_like_text(
        json in "[{}\\[\\]\":,a-z0-9 \\n\\\\]{0,60}",
        closed in any::<bool>(),
    ) {
        let text = if closed {
            format!("---json\n{json}\n---\n# body\n")
        } else {
            format!("---json\n{json}\n")
        };
        parse_and_check(&text)?;
    }

    #[test]
    fn parse_guide_never_panics_on_mixes_of_markdown_fragments(body in body()) {
        let guide = format!("{FRONT}{body}");
        let result = parse_guide(Path::new("prop.md"), &guide, &unsplittable());
        prop_assert!(result.is_ok(), "{:?}", result.err());
        parse_and_check(&guide)?;
    }

    #[test]
    fn crlf_and_lf_versions_of_a_guide_read_the_same(body in body()) {
        let lf = format!("{FRONT}{}", body.replace("\r\n", "\n"));
        let crlf = lf.replace('\n', "\r\n");
        let path = Path::new("prop.md");
        let (from_lf, lf_warnings) = parse_guide(path, &lf, &unsplittable()).unwrap();
        let (from_crlf, crlf_warnings) = parse_guide(path, &crlf, &unsplittable()).unwrap();
        prop_assert_eq!(from_lf, from_crlf);
        prop_assert_eq!(lf_warnings, crlf_warnings);
    }
}
