//! Guides that drift from the seeds' layout are read just as fully: other
//! heading levels and numbering, English headings, lists instead of tables,
//! tables with other columns in another order, full-width punctuation,
//! CRLF line endings, unknown sections and unknown front-matter keys.

use crate::{crate_path, guide, load, names};
use skillgraph::guide::{
    Corpus, Guide, ResourceKind, Section, SkillKind, WarningKind, parse_guide,
};
use std::sync::LazyLock;

static DRIFT: LazyLock<Corpus> = LazyLock::new(|| load("tests/fixtures/drift"));

fn skills_of(guide: &Guide, kind: SkillKind) -> Vec<&str> {
    guide
        .skills
        .iter()
        .filter(|skill| skill.kind == kind)
        .map(|skill| skill.name.as_str())
        .collect()
}

fn tools(guide: &Guide) -> Vec<(&str, Vec<&str>)> {
    guide
        .tool_categories
        .iter()
        .map(|c| {
            (
                c.category.as_str(),
                c.tools.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

fn companies(guide: &Guide) -> Vec<(&str, Vec<&str>)> {
    guide
        .employer_types
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.companies.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

#[test]
fn the_drift_folder_loads_every_guide_with_every_section() {
    assert!(DRIFT.errors.is_empty(), "errors: {:?}", DRIFT.errors);
    assert_eq!(
        names(&DRIFT.guides, |g| &g.front.slug),
        vec![
            "security_engineer",
            "mobile_engineer",
            "site_reliability_engineer",
            "data_engineer",
            "qa_engineer"
        ]
    );
    for warning in &DRIFT.warnings {
        assert!(
            matches!(
                &warning.kind,
                WarningKind::UnknownKey(_) | WarningKind::RelatedJobWithoutGuide(_)
            ),
            "unexpected warning: {warning}"
        );
    }
    for guide in &DRIFT.guides {
        // Every section a guide is expected to write, the tools table
        // within the skills section included, has rows in every drift guide.
        for section in Section::ALL
            .into_iter()
            .filter(|section| section.is_expected() || *section == Section::Tools)
        {
            assert!(
                guide.rows(section).next().is_some(),
                "{} has no {} rows",
                guide.front.slug,
                section.name()
            );
        }
    }
}

// ------------------------------------------------ english, mixed levels

#[test]
fn english_headings_at_mixed_levels_open_every_section() {
    let guide = guide(&DRIFT, "site_reliability_engineer");
    assert_eq!(
        guide.headline.as_deref(),
        Some("Site Reliability Engineer: the complete guide")
    );
    assert!(
        guide
            .overview
            .as_ref()
            .unwrap()
            .text
            .starts_with("A Site Reliability Engineer applies")
    );
    assert_eq!(
        guide.summary.as_ref().unwrap().text,
        "SRE is software engineering applied to keeping production reliable."
    );
    // `## Collaboration` after `# Skills and Tools` is its own section, not
    // a sub-heading of the skills: its labelled lines are not skills.
    assert_eq!(
        names(&guide.teams, |t| &t.name),
        vec!["Development teams", "Product managers"]
    );
    assert_eq!(guide.teams[0].aliases, vec!["Dev"]);
    assert_eq!(
        guide.teams[0].activities,
        "production readiness reviews, shared dashboards."
    );
    assert_eq!(
        guide.teams[1].purpose,
        "reliability that matches what users expect."
    );
    assert!(guide.other_sections.is_empty());
}

#[test]
fn english_labels_fill_detail_and_goal_whatever_their_case() {
    let duties = &guide(&DRIFT, "site_reliability_engineer").duties;
    assert_eq!(
        names(duties, |d| &d.title),
        vec!["Incident response", "Capacity planning", "Toil reduction"]
    );
    assert_eq!(
        duties[0].description,
        "Leads the response when production breaks."
    );
    assert_eq!(
        duties[0].detail,
        "runs the incident channel, writes the timeline and the postmortem."
    );
    assert_eq!(duties[0].goal, "restore service within the SLO.");
    assert_eq!(duties[2].detail, "automates repetitive operational work.");
    assert_eq!(duties[2].goal, "keep toil under half of the team's time.");
}

#[test]
fn tables_with_their_columns_swapped_are_read_by_header() {
    let guide = guide(&DRIFT, "site_reliability_engineer");
    assert_eq!(
        skills_of(guide, SkillKind::Hard),
        vec!["Programming", "Linux", "SLO design"]
    );
    assert_eq!(
        skills_of(guide, SkillKind::Soft),
        vec!["Composure", "Writing"]
    );
    assert_eq!(
        guide.skills[0].description,
        "Writing tools and automation in Go or Python."
    );
    assert_eq!(
        tools(guide),
        vec![
            ("Monitoring", vec!["Prometheus", "Grafana", "Loki"]),
            ("IaC", vec!["Terraform", "Pulumi"]),
            ("On-call", vec!["PagerDuty", "Opsgenie"]),
        ]
    );
    assert_eq!(
        companies(guide),
        vec![
            ("Web companies", vec!["Google", "Mercari", "LINEヤフー"]),
            ("SaaS", vec!["freee", "SmartHR"]),
        ]
    );
}

#[test]
fn step_numbered_sub_headings_are_career_stages_and_learning_steps() {
    let guide = guide(&DRIFT, "site_reliability_engineer");
    assert_eq!(
        names(&guide.stages, |s| &s.name),
        vec!["SRE I", "SRE II", "Staff SRE"]
    );
    assert_eq!(
        guide.stages[1].responsibilities,
        "leads incidents and capacity planning."
    );
    assert_eq!(
        guide.stages[2].outlook,
        "principal engineer or engineering manager."
    );
    assert_eq!(
        names(&guide.learning_steps, |s| &s.title),
        vec!["Linux and networking", "Kubernetes"]
    );
    let step = &guide.learning_steps[0];
    assert_eq!(
        step.goal,
        "understand what the kernel and the network do under load."
    );
    let books: Vec<&str> = step
        .resources
        .iter()
        .filter(|r| r.kind == ResourceKind::Book)
        .map(|r| r.title.as_str())
        .collect();
    assert_eq!(books, vec!["Systems Performance", "TCP/IP Illustrated"]);
    assert!(
        guide.learning_steps[1]
            .resources
            .iter()
            .any(|r| r.kind == ResourceKind::Certification
                && r.title == "CKA (Certified Kubernetes Administrator)")
    );
    assert_eq!(
        names(&guide.trends, |t| &t.title),
        vec!["AIOps", "Platform engineering", "FinOps"]
    );
}

#[test]
fn q_numbered_sub_headings_are_questions_with_their_answer_paragraphs() {
    let questions = &guide(&DRIFT, "site_reliability_engineer").interview_questions;
    assert_eq!(
        names(questions, |q| &q.question),
        vec![
            "How do you define an SLO for a new service?",
            "Walk me through your last postmortem.",
            // A question that starts with a Q keeps it.
            "QoS classes in Kubernetes: what are they?",
        ]
    );
    assert!(
        questions[1]
            .answer_points
            .starts_with("Timeline, contributing factors")
    );
    assert_eq!(
        questions[2].answer_points,
        "Guaranteed, Burstable and BestEffort, decided by requests and limits."
    );
}

// ------------------------------------ japanese, numbered, lists everywhere

#[test]
fn numbered_sections_with_bullet_lists_are_read_item_by_item() {
    let guide = guide(&DRIFT, "data_engineer");
    assert_eq!(guide.headline, None);
    assert_eq!(
        names(&guide.duties, |d| &d.title),
        vec!["データパイプラインの構築", "データ品質の管理", "基盤の運用"]
    );
    // Full-width colon and spaces around the label.
    assert_eq!(
        guide.duties[1].description,
        "欠損や重複を検知し、信頼できるデータを保つ。"
    );
    assert_eq!(
        skills_of(guide, SkillKind::Hard),
        vec!["SQL", "Python", "分散処理"]
    );
    assert_eq!(skills_of(guide, SkillKind::Soft), vec!["調整力", "説明力"]);
    assert_eq!(
        names(&guide.trends, |t| &t.title),
        vec!["リアルタイム化", "データメッシュ"]
    );
    assert_eq!(
        guide.summary.as_ref().unwrap().text,
        "データエンジニアは、データを価値に変えるための土台をつくる仕事です。"
    );
}

#[test]
fn tool_lists_split_at_ideographic_commas_commas_and_spaced_slashes() {
    let guide = guide(&DRIFT, "data_engineer");
    assert_eq!(
        tools(guide),
        vec![
            ("ワークフロー", vec!["Airflow", "Dagster", "Prefect"]),
            ("DWH", vec!["BigQuery", "Snowflake", "Redshift"]),
            // `Pub/Sub` has no spaces around its slash: one name.
            ("ストリーミング", vec!["Kafka", "Pub/Sub"]),
        ]
    );
    assert_eq!(
        companies(guide),
        vec![
            ("Web系企業", vec!["メルカリ", "クックパッド", "ラクスル"]),
            ("SIer", vec!["NTTデータ", "野村総合研究所"]),
            ("コンサルティング会社", vec![]),
        ]
    );
}

#[test]
fn career_stages_as_a_bullet_list_take_their_outlook_from_the_nested_item() {
    let stages = &guide(&DRIFT, "data_engineer").stages;
    assert_eq!(
        names(stages, |s| &s.name),
        vec!["ジュニア", "ミドル", "シニア"]
    );
    assert_eq!(
        stages[0].responsibilities,
        "既存パイプラインの保守と小さな改修。"
    );
    assert_eq!(stages[0].outlook, "設計を任されるミドルへ。");
    assert_eq!(
        stages[1].responsibilities,
        "新しいパイプラインの設計と構築。"
    );
    assert_eq!(stages[2].outlook, "データアーキテクトやマネージャーへ。");
    assert_eq!(
        stages.iter().map(|s| s.order).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
}

#[test]
fn a_team_table_with_columns_in_another_order_is_read_by_header() {
    let teams = &guide(&DRIFT, "data_engineer").teams;
    assert_eq!(
        names(teams, |t| &t.name),
        vec!["アナリティクスチーム", "機械学習チーム"]
    );
    assert_eq!(teams[0].description, "指標の定義とデータマートの設計");
    assert_eq!(teams[0].purpose, "意思決定を速くする");
    assert_eq!(teams[1].purpose, "モデルを本番に出す");
}

#[test]
fn learning_steps_as_a_numbered_list_keep_their_resources() {
    let steps = &guide(&DRIFT, "data_engineer").learning_steps;
    assert_eq!(
        names(steps, |s| &s.title),
        vec!["SQLを極める", "パイプラインを作る"]
    );
    assert_eq!(steps[0].goal, "どんな集計も書けるようになる。");
    assert_eq!(steps[0].resources.len(), 1);
    assert_eq!(steps[0].resources[0].kind, ResourceKind::Book);
    assert_eq!(steps[0].resources[0].title, "達人に学ぶSQL徹底指南書");
    let kinds: Vec<(ResourceKind, &str)> = steps[1]
        .resources
        .iter()
        .map(|r| (r.kind, r.title.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (ResourceKind::Course, "Udemy のデータエンジニアリング講座"),
            (
                ResourceKind::Certification,
                "Google Cloud Professional Data Engineer"
            ),
        ]
    );
}

#[test]
fn an_interview_table_with_a_number_column_and_other_headers_is_read() {
    let questions = &guide(&DRIFT, "data_engineer").interview_questions;
    assert_eq!(
        names(questions, |q| &q.question),
        vec![
            "バッチとストリーミングはどう使い分けますか？",
            "データ品質をどう保証しますか？",
            "冪等なパイプラインとは？",
        ]
    );
    assert_eq!(
        names(questions, |q| &q.answer_points),
        vec![
            "鮮度の要件とコストで決めると答える。",
            "テスト、監視、データ契約の三つを挙げる。",
            "何度実行しても同じ結果になる作りを説明する。",
        ]
    );
}

// ------------------------------------------------------------------ crlf

#[test]
fn the_crlf_fixture_really_has_crlf_line_endings() {
    let bytes = std::fs::read(crate_path("tests/fixtures/drift/crlf_keycaps.md")).unwrap();
    let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
    let crlfs = bytes.windows(2).filter(|pair| pair == b"\r\n").count();
    assert!(newlines > 100);
    assert_eq!(newlines, crlfs, "every line must end with CRLF");
}

#[test]
fn a_crlf_guide_reads_like_the_same_guide_with_lf() {
    let path = crate_path("tests/fixtures/drift/crlf_keycaps.md");
    let crlf = std::fs::read_to_string(&path).unwrap();
    let lf = crlf.replace("\r\n", "\n");
    let (from_crlf, crlf_warnings) = parse_guide(&path, &crlf, &[]).expect("crlf guide");
    let (from_lf, lf_warnings) = parse_guide(&path, &lf, &[]).expect("lf guide");
    assert_eq!(from_crlf, from_lf);
    assert_eq!(crlf_warnings, lf_warnings);
    // JSON writes a carriage return inside a string as `\r`.
    let every_field = serde_json::to_string(&from_crlf).unwrap();
    assert!(
        !every_field.contains("\\r"),
        "a carriage return leaked into a record"
    );
}

#[test]
fn a_crlf_guide_with_keycap_sections_is_read_fully_with_its_lines() {
    let guide = guide(&DRIFT, "security_engineer");
    assert_eq!(
        guide.headline.as_deref(),
        Some("Security Engineer 完全ガイド")
    );
    assert_eq!(guide.overview.as_ref().unwrap().line, 12);
    assert_eq!(
        names(&guide.duties, |d| &d.title),
        vec!["脆弱性管理", "インシデント対応"]
    );
    assert_eq!(guide.duties[0].line, 18);
    assert_eq!(
        guide.duties[0].detail,
        "SCA と SAST を CI に組み込み、重大度で優先順位を付けます。"
    );
    assert_eq!(guide.duties[1].goal, "被害を最小限に抑えること。");
    assert_eq!(
        skills_of(guide, SkillKind::Hard),
        vec!["ネットワーク", "クラウドセキュリティ"]
    );
    assert_eq!(skills_of(guide, SkillKind::Soft), vec!["リスク説明力"]);
    assert_eq!(
        tools(guide),
        vec![
            ("脆弱性スキャン", vec!["Trivy", "Snyk", "Dependabot"]),
            ("SIEM", vec!["Splunk", "Elastic Security"]),
        ]
    );
    assert_eq!(
        names(&guide.teams, |t| &t.name),
        vec!["開発チーム", "法務・コンプライアンス部門"]
    );
    assert_eq!(guide.teams[1].purpose, "規制違反のリスクを下げること。");
    assert_eq!(
        names(&guide.trends, |t| &t.title),
        vec!["AIを使った攻撃と防御", "サプライチェーンセキュリティ"]
    );
    assert_eq!(
        companies(guide),
        vec![
            (
                "セキュリティベンダー",
                vec!["トレンドマイクロ", "ラック", "NRIセキュア"]
            ),
            ("大手Web企業", vec!["メルカリ", "サイボウズ"]),
        ]
    );
    assert_eq!(guide.summary.as_ref().unwrap().line, 114);
}

#[test]
fn career_stages_as_sub_headings_take_their_labelled_lines() {
    let stages = &guide(&DRIFT, "security_engineer").stages;
    assert_eq!(
        names(stages, |s| &s.name),
        vec!["ジュニア", "シニア", "CISO"]
    );
    assert_eq!(
        stages[0].responsibilities,
        "アラートの一次対応とスキャン結果のトリアージ。"
    );
    assert_eq!(stages[0].outlook, "特定領域の専門家へ。");
    assert_eq!(stages[2].responsibilities, "組織全体のセキュリティ戦略。");
    assert_eq!(stages[2].line, 75);
}

#[test]
fn interview_bullets_accept_question_labels_and_q_numbers() {
    let questions = &guide(&DRIFT, "security_engineer").interview_questions;
    assert_eq!(
        names(questions, |q| &q.question),
        vec!["ゼロトラストとは何ですか？", "XSS と CSRF の違いは？"]
    );
    assert_eq!(
        questions[0].answer_points,
        "境界ではなく、すべてのアクセスを検証する考え方と答える。"
    );
    assert_eq!(
        questions[1].answer_points,
        "攻撃者が何を悪用するかの違いを説明する。"
    );
}

// ------------------------------------------- deep headings, swapped tables

#[test]
fn fourth_level_emoji_headings_open_sections_and_fifth_level_ones_are_items() {
    let guide = guide(&DRIFT, "mobile_engineer");
    assert_eq!(guide.headline, None);
    assert!(
        guide
            .overview
            .as_ref()
            .unwrap()
            .text
            .starts_with("モバイルエンジニアは")
    );
    assert_eq!(
        skills_of(guide, SkillKind::Hard),
        vec!["iOS開発", "Android開発"]
    );
    assert_eq!(skills_of(guide, SkillKind::Soft), vec!["デザイン理解"]);
    assert_eq!(
        tools(guide),
        vec![
            ("IDE", vec!["Xcode", "Android Studio"]),
            ("クラッシュ監視", vec!["Firebase Crashlytics", "Sentry"]),
            ("CI/CD", vec!["fastlane", "Bitrise"]),
        ]
    );
    assert_eq!(
        names(&guide.learning_steps, |s| &s.title),
        vec!["言語を学ぶ", "ストアに出す"]
    );
    assert_eq!(
        guide.learning_steps[1].resources[0].kind,
        ResourceKind::Course
    );
    assert_eq!(
        guide.summary.as_ref().unwrap().text,
        "モバイルエンジニアは、ユーザーの手のひらで体験を完成させる仕事です。"
    );
}

#[test]
fn duty_stage_team_and_employer_tables_are_read_whatever_their_column_order() {
    let guide = guide(&DRIFT, "mobile_engineer");
    assert_eq!(
        names(&guide.duties, |d| &d.title),
        vec!["アプリ開発", "リリース管理", "品質改善"]
    );
    assert_eq!(
        guide.duties[1].detail,
        "ストア審査と段階的リリースを管理する。"
    );
    assert_eq!(
        names(&guide.stages, |s| &s.name),
        vec!["ジュニア", "ミドル", "シニア"]
    );
    assert_eq!(guide.stages[0].responsibilities, "小さな画面の実装");
    assert_eq!(guide.stages[2].outlook, "テックリードやEMへ");
    assert_eq!(
        names(&guide.teams, |t| &t.name),
        vec!["デザインチーム", "バックエンドチーム"]
    );
    assert_eq!(guide.teams[1].description, "API 設計レビュー");
    assert_eq!(guide.teams[1].purpose, "API を使いやすくする");
    assert_eq!(
        companies(guide),
        vec![
            (
                "自社アプリ企業",
                vec!["LINEヤフー", "メルカリ", "クックパッド"]
            ),
            ("受託・共同開発", vec!["ゆめみ", "DeNA"]),
        ]
    );
    assert_eq!(
        names(&guide.trends, |t| &t.title),
        vec!["クロスプラットフォーム", "オンデバイスAI"]
    );
}

#[test]
fn interview_bullets_with_full_width_colons_pair_questions_and_answers() {
    let questions = &guide(&DRIFT, "mobile_engineer").interview_questions;
    assert_eq!(
        names(questions, |q| &q.question),
        vec![
            "アプリの起動を速くするには？",
            "オフライン対応をどう設計しますか？"
        ]
    );
    assert_eq!(
        questions[1].answer_points,
        "ローカルDBと同期キューの設計を説明する。"
    );
}

#[test]
fn related_jobs_that_name_guides_in_the_folder_raise_no_warning() {
    let mobile = crate_path("tests/fixtures/drift/deep_tables.md");
    let english = crate_path("tests/fixtures/drift/english_levels.md");
    let related: Vec<(&std::path::Path, &str)> = DRIFT
        .warnings
        .iter()
        .filter_map(|w| match &w.kind {
            WarningKind::RelatedJobWithoutGuide(slug) => Some((w.path.as_path(), slug.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(related, vec![(english.as_path(), "platform_engineer")]);
    assert!(related.iter().all(|(path, _)| *path != mobile));
}

// ------------------------------------------- unknown sections and keys

#[test]
fn unknown_front_matter_keys_are_kept_in_order_and_warned_about_on_their_line() {
    let guide = guide(&DRIFT, "qa_engineer");
    let keys: Vec<&str> = guide.front.extra.keys().map(String::as_str).collect();
    assert_eq!(keys, vec!["salary_range", "author", "draft"]);
    assert_eq!(
        guide.front.extra["salary_range"],
        serde_json::json!({"min": 500, "max": 900})
    );
    assert_eq!(guide.front.extra["author"], "編集部");
    let path = crate_path("tests/fixtures/drift/unknown_sections.md");
    let warnings: Vec<(usize, String)> = DRIFT
        .warnings
        .iter()
        .filter(|w| w.path == path)
        .map(|w| (w.line, w.to_string()))
        .collect();
    assert_eq!(
        warnings,
        vec![
            (
                6,
                format!(
                    "{}: line 6: unknown front-matter key `salary_range` (kept)",
                    path.display()
                )
            ),
            (
                7,
                format!(
                    "{}: line 7: unknown front-matter key `author` (kept)",
                    path.display()
                )
            ),
            (
                8,
                format!(
                    "{}: line 8: unknown front-matter key `draft` (kept)",
                    path.display()
                )
            ),
        ]
    );
}

#[test]
fn unknown_sections_are_kept_as_text_with_their_lines() {
    let guide = guide(&DRIFT, "qa_engineer");
    let sections: Vec<(&str, usize)> = guide
        .other_sections
        .iter()
        .map(|s| (s.title.as_str(), s.line))
        .collect();
    assert_eq!(
        sections,
        vec![
            ("この記事の読み方", 19),
            ("年収の目安", 68),
            ("年収レンジ（参考）", 75),
            ("推奨タグ", 107),
        ]
    );
    assert_eq!(
        guide.other_sections[0].text,
        "気になる章から読んでかまいません。"
    );
    assert!(guide.other_sections[1].text.contains("新卒: 400万円"));
    assert!(guide.other_sections[2].text.contains("シニア: 800万円"));
    // The wrapper heading `## 🚀 序章` holds nothing of its own.
    assert!(guide.other_sections.iter().all(|s| s.title != "序章"));
    assert_eq!(
        guide.overview.as_ref().unwrap().text,
        "QA Engineerは、テストを設計し、自動化し、品質の状態を見える化する専門家です。"
    );
}

#[test]
fn a_table_in_an_unknown_section_does_not_become_career_stages() {
    let guide = guide(&DRIFT, "qa_engineer");
    assert_eq!(
        names(&guide.stages, |s| &s.name),
        vec!["ジュニアQA", "シニアQA"]
    );
    assert_eq!(guide.stages[1].outlook, "QAマネージャーへ。");
    for stage in &guide.stages {
        assert!(!stage.name.contains("新卒") && !stage.name.contains("管理職"));
        assert!(!stage.responsibilities.contains("万円"));
    }
}

#[test]
fn a_guide_with_unknown_parts_still_reads_its_known_sections() {
    let guide = guide(&DRIFT, "qa_engineer");
    assert_eq!(
        names(&guide.duties, |d| &d.title),
        vec!["テスト戦略の立案", "テスト自動化"]
    );
    assert_eq!(
        tools(guide),
        vec![("E2Eテスト", vec!["Playwright", "Cypress", "Selenium"])]
    );
    assert_eq!(names(&guide.teams, |t| &t.name), vec!["開発チーム"]);
    assert_eq!(
        companies(guide),
        vec![("Web系企業", vec!["メルカリ", "freee"])]
    );
    assert_eq!(
        names(&guide.interview_questions, |q| &q.question),
        vec!["テストの完了をどう判断しますか？"]
    );
    assert_eq!(
        names(&guide.learning_steps, |s| &s.title),
        vec!["テスト技法の基礎"]
    );
}

#[test]
fn a_title_holding_a_section_word_inside_another_word_opens_no_section() {
    let text = "---json\n{ \"slug\": \"tooling_engineer\", \"title\": \"Tooling Engineer\" }\n---\n\
                # Tooling Engineer\n\n## Overview\n\nBuilds the tools other engineers use.\n\n\
                ## Skills and Tools\n\n#### Hard skills\n\n| Skill | Description |\n| --- | --- |\n\
                | Go | Writes services. |\n\n\
                ## Learning Path\n\n### Step 1: CLIs in Go\n- Goal: write one.\n";
    let path = std::path::Path::new("tooling_engineer.md");
    let (guide, warnings) = parse_guide(path, text, &[]).expect("a guide");
    assert_eq!(names(&guide.skills, |s| &s.name), ["Go"]);
    assert_eq!(names(&guide.learning_steps, |s| &s.title), ["CLIs in Go"]);
    assert!(guide.overview.is_some(), "{guide:?}");
    let missing: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        !missing
            .iter()
            .any(|w| w.contains("no overview") || w.contains("no learning")),
        "{missing:?}"
    );
}
