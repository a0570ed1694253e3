//! A reload that parses only what changed serves what a full compile of the
//! same files serves.
//!
//! Random sequences of edits are made to a corpus folder: guides edited,
//! broken, mended, removed, restored, added and rewritten unchanged, the
//! alias file's unsplittable names changed, postings added. After each edit
//! the folder is read twice: as a reload reads it (with the parse memo of
//! the reads before) and from nothing.
//!
//! - The two corpora must be equal: every guide, error, warning, posting,
//!   the version. This is everything a compile reads, so it is checked
//!   after thousands of edits (`SKILLGRAPH_EDIT_CASES` cases of 1 to 12
//!   edits; 64 by default).
//! - The two graphs compiled from them, with `corpus.changes` taken from
//!   the graph before in each chain, must agree answer by answer: the check
//!   report, the whole graph as JSON, every answer of the API and
//!   `corpus { version changes }` (`SKILLGRAPH_ANSWER_CASES` cases; 3 by
//!   default, since each edit compiles twice). Search scores agree to
//!   within f32 rounding: tantivy sums a hit's term scores in an order that
//!   follows the segments its writer threads made.

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};
use skillgraph::api::{SchemaOptions, execute, schema};
use skillgraph::graph::export::{GraphView, Report, ReportFormat};
use skillgraph::graph::{
    CompileOptions, CorpusSource, LoadOptions, ParseMemo, SkillGraph, load, load_remembering,
};
use skillgraph::guide::{Corpus, ParseCount};
use skillgraph_corpus::{Plan, Size};
use std::path::Path;
use std::sync::Arc;

/// Guides the folder starts with, and how many more may be added.
const STARTING_GUIDES: usize = 6;
const SPARE_GUIDES: usize = 3;

/// One change to the folder. Guides are picked by `Index` among the
/// guides present when the edit is made.
#[derive(Debug, Clone)]
enum Edit {
    /// A line appended to a guide: prose, a skill row, a list item.
    Append(Index, &'static str),
    /// A row naming `CI/CD` put into a guide's tools table, where the
    /// alias file's unsplittable names decide whether it is one tool.
    ToolRow(Index),
    /// One line of a guide removed.
    DropLine(Index, Index),
    /// One line of a guide written twice.
    DoubleLine(Index, Index),
    /// A guide written again with the same bytes.
    Rewrite(Index),
    /// A guide's front matter broken, so it no longer loads.
    Break(Index),
    /// A guide deleted.
    Remove(Index),
    /// A guide of the spare ones (or one removed) written into the folder.
    Add(Index),
    /// The alias file's unsplittable names changed.
    Unsplittable(bool),
    /// A posting appended to the postings file.
    Posting(Index),
}

const APPENDED: [&str; 6] = [
    "\nKubernetes と Terraform で運用を自動化する。\n",
    "\n- オブザーバビリティ: SLO とエラーバジェットで信頼性を測る\n",
    "\n| CI/CDパイプライン設計 | GitHub Actions | 中級 |\n",
    "\n## 面接でよく聞かれる質問\n\n- 障害対応の経験は？\n",
    "\nUses Python and Go; on-call, postmortems.\n",
    "\n",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), prop::sample::select(&APPENDED[..]))
            .prop_map(|(guide, line)| Edit::Append(guide, line)),
        2 => any::<Index>().prop_map(Edit::ToolRow),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(g, l)| Edit::DropLine(g, l)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(g, l)| Edit::DoubleLine(g, l)),
        1 => any::<Index>().prop_map(Edit::Rewrite),
        1 => any::<Index>().prop_map(Edit::Break),
        1 => any::<Index>().prop_map(Edit::Remove),
        2 => any::<Index>().prop_map(Edit::Add),
        1 => any::<bool>().prop_map(Edit::Unsplittable),
        1 => any::<Index>().prop_map(Edit::Posting),
    ]
}

/// The folder being edited, and the guides that may be written into it.
struct Folder {
    dir: tempfile::TempDir,
    plan: Plan,
    /// Every guide the folder may hold, by file name.
    pool: Vec<(String, Vec<u8>)>,
}

impl Folder {
    /// The folder, with the plan's glossary when `glossary` says so.
    fn new(glossary: bool) -> Self {
        let plan = Plan::new(STARTING_GUIDES + SPARE_GUIDES, 11);
        let pool: Vec<(String, Vec<u8>)> = plan
            .guides(Size::Compact)
            .into_iter()
            .map(|file| (file.name, file.bytes))
            .collect();
        let dir = tempfile::tempdir().expect("a temp folder");
        for (name, bytes) in &pool[..STARTING_GUIDES] {
            std::fs::write(dir.path().join(name), bytes).expect("write a guide");
        }
        let folder = Self { dir, plan, pool };
        folder.write_aliases(false);
        if glossary {
            folder.write("glossary.json", folder.plan.glossary_json().as_bytes());
        }
        std::fs::create_dir(folder.path().join("postings")).expect("postings folder");
        let postings = folder.plan.postings_jsonl(12);
        folder.write("postings/board.jsonl", postings.as_bytes());
        folder
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        std::fs::write(self.path().join(name), bytes).expect("write into the folder");
    }

    /// The alias file, with `CI/CD` unsplittable or not.
    fn write_aliases(&self, ci_cd_whole: bool) {
        let mut aliases: Value =
            serde_json::from_str(&self.plan.aliases_json()).expect("the plan's aliases are JSON");
        let whole = if ci_cd_whole {
            json!(["CI/CD", "TCP/IP"])
        } else {
            json!(["TCP/IP"])
        };
        aliases["unsplittable"] = whole;
        self.write("aliases.json", aliases.to_string().as_bytes());
    }

    /// The guide files present, in name order.
    fn guides(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path())
            .expect("the folder")
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".md"))
            .collect();
        names.sort();
        names
    }

    fn apply(&self, edit: &Edit) {
        let present = self.guides();
        let pick = |index: &Index| (!present.is_empty()).then(|| index.get(&present).clone());
        let read = |name: &str| std::fs::read_to_string(self.path().join(name)).unwrap_or_default();
        let with_lines = |name: &str, change: &dyn Fn(&mut Vec<&str>)| {
            let text = read(name);
            let mut lines: Vec<&str> = text.split('\n').collect();
            change(&mut lines);
            self.write(name, lines.join("\n").as_bytes());
        };
        match edit {
            Edit::Append(guide, line) => {
                if let Some(name) = pick(guide) {
                    self.write(&name, format!("{}{line}", read(&name)).as_bytes());
                }
            }
            Edit::ToolRow(guide) => {
                if let Some(name) = pick(guide) {
                    with_lines(&name, &|lines| {
                        // Below the tools table's header and its rule.
                        let at = lines
                            .iter()
                            .position(|line| line.contains("ツールカテゴリ"))
                            .map_or(lines.len(), |header| (header + 2).min(lines.len()));
                        lines.insert(at, "| CI/CD | CI/CD, Argo CD / Flux |");
                    });
                }
            }
            Edit::DropLine(guide, line) => {
                if let Some(name) = pick(guide) {
                    with_lines(&name, &|lines| {
                        let at = line.index(lines.len());
                        lines.remove(at);
                    });
                }
            }
            Edit::DoubleLine(guide, line) => {
                if let Some(name) = pick(guide) {
                    with_lines(&name, &|lines| {
                        let at = line.index(lines.len());
                        lines.insert(at, lines[at]);
                    });
                }
            }
            Edit::Rewrite(guide) => {
                if let Some(name) = pick(guide) {
                    self.write(&name, read(&name).as_bytes());
                }
            }
            Edit::Break(guide) => {
                if let Some(name) = pick(guide) {
                    self.write(
                        &name,
                        read(&name).replacen("---json", "---jsn", 1).as_bytes(),
                    );
                }
            }
            Edit::Remove(guide) => {
                if let Some(name) = pick(guide) {
                    std::fs::remove_file(self.path().join(name)).expect("remove a guide");
                }
            }
            Edit::Add(guide) => {
                let (name, bytes) = guide.get(&self.pool);
                self.write(name, bytes);
            }
            Edit::Unsplittable(whole) => self.write_aliases(*whole),
            Edit::Posting(which) => {
                let postings = self.plan.postings_jsonl(20);
                let lines: Vec<&str> = postings.lines().collect();
                let line = which.get(&lines);
                let path = self.path().join("postings/board.jsonl");
                let mut board = std::fs::read_to_string(&path).unwrap_or_default();
                board.push_str(line);
                board.push('\n');
                std::fs::write(path, board).expect("write the postings");
            }
        }
    }
}

/// Everything a client can see of a graph, as text: the check report, the
/// whole graph as JSON, and every answer of the API.
fn answers(graph: Arc<SkillGraph>, folder: &Path) -> Vec<(String, Value)> {
    let mut seen = Vec::new();
    let mut report = Vec::new();
    Report::new(&graph, folder)
        .write(ReportFormat::Json, &mut report)
        .expect("the report writes to memory");
    let report: Value = serde_json::from_slice(&report).expect("the report is JSON");
    seen.push(("report".to_owned(), report));
    let whole: Value =
        serde_json::from_str(&GraphView::whole(&graph).to_json()).expect("the export is JSON");
    seen.push(("export".to_owned(), whole));
    let slugs: Vec<String> = graph
        .guides()
        .iter()
        .map(|guide| guide.front.slug.clone())
        .collect();
    let a = slugs.first().cloned().unwrap_or_default();
    let b = slugs.last().cloned().unwrap_or_default();
    let schema = schema(&SchemaOptions::default());
    let mut asked = crate::compile::questions(&a, &b);
    asked.push((
        "corpus",
        "{ corpus { version guides changes { previousVersion version guidesAdded guidesRemoved guidesChanged nodesAdded nodesRemoved edgesAdded edgesRemoved jobsChanged { slug } } } }".into(),
        json!({}),
    ));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    for (name, query, variables) in asked {
        let request = async_graphql::Request::new(query)
            .variables(async_graphql::Variables::from_json(variables));
        let response = runtime.block_on(execute(&schema, Arc::clone(&graph), request));
        let answer = serde_json::to_value(&response).expect("a response serialises");
        seen.push((name.to_owned(), answer));
    }
    seen
}

/// `default` cases, or as many as the environment's `variable` says.
fn config(variable: &str, default: u32) -> ProptestConfig {
    let cases = std::env::var(variable)
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Whether two answers agree, numbers to within f32 rounding.
fn agree(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => match (a.as_f64(), b.as_f64()) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0),
            _ => a == b,
        },
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| agree(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(key, value)| b.get(key).is_some_and(|other| agree(value, other)))
        }
        _ => a == b,
    }
}

/// A corpus without the count of what its read parsed, which is what a
/// memo changes.
fn as_read(mut corpus: Corpus) -> Corpus {
    corpus.parse_count = ParseCount::default();
    corpus
}

#[test]
fn numbers_agree_to_within_rounding_and_nothing_else_differs() {
    assert!(agree(
        &json!({"s": [63.132102966308594]}),
        &json!({"s": [63.13210678100586]})
    ));
    assert!(!agree(&json!({"s": [63.13]}), &json!({"s": [63.14]})));
    assert!(!agree(&json!({"s": [1, 2]}), &json!({"s": [2, 1]})));
    assert!(!agree(&json!({"a": 1}), &json!({"a": 1, "b": null})));
}

proptest! {
    #![proptest_config(config("SKILLGRAPH_EDIT_CASES", 64))]

    #[test]
    fn a_reload_reads_every_file_as_a_fresh_read_does(
        edits in prop::collection::vec(edit(), 1..12)
    ) {
        // The glossary is read whole on every load and parses no guide.
        let folder = Folder::new(false);
        let source = CorpusSource::Folder(folder.path().to_owned());
        let options = LoadOptions::default();
        let mut memo = ParseMemo::default();
        source.load_remembering(&options, &mut memo).expect("the folder reads");
        for (step, edit) in edits.iter().enumerate() {
            folder.apply(edit);
            let reread = source.load_remembering(&options, &mut memo).expect("the folder reads");
            let fresh = source.load(&options).expect("the folder reads");
            let count = reread.parse_count;
            prop_assert_eq!(count.parsed + count.reused, folder.guides().len());
            prop_assert_eq!(memo.len(), folder.guides().len());
            prop_assert!(
                as_read(reread) == as_read(fresh),
                "edit {} ({:?}): the corpora differ", step, edit
            );
        }
    }
}

proptest! {
    #![proptest_config(config("SKILLGRAPH_ANSWER_CASES", 3))]

    #[test]
    fn a_reloaded_graph_answers_as_a_full_compile_does(
        edits in prop::collection::vec(edit(), 1..8)
    ) {
        let folder = Folder::new(true);
        let source = CorpusSource::Folder(folder.path().to_owned());
        let options = LoadOptions::default();
        let compile = CompileOptions::default();
        let mut memo = ParseMemo::default();
        let mut reloaded = Arc::new(
            load_remembering(&source, &options, compile, &mut memo).expect("the folder loads"),
        );
        let mut fresh = Arc::new(load(&source, &options, compile).expect("the folder loads"));
        for (step, edit) in edits.iter().enumerate() {
            folder.apply(edit);
            let next = load_remembering(&source, &options, compile, &mut memo)
                .expect("the folder loads")
                .with_changes_from(&reloaded);
            let next_fresh = load(&source, &options, compile)
                .expect("the folder loads")
                .with_changes_from(&fresh);
            reloaded = Arc::new(next);
            fresh = Arc::new(next_fresh);
            let got = answers(Arc::clone(&reloaded), folder.path());
            let expected = answers(Arc::clone(&fresh), folder.path());
            prop_assert_eq!(got.len(), expected.len());
            for ((name, got), (_, expected)) in got.iter().zip(&expected) {
                prop_assert!(
                    agree(got, expected),
                    "edit {} ({:?}): {} differs:\n{}\n{}", step, edit, name, got, expected
                );
            }
        }
    }
}
