//! Career levels that line up across roles: read from each rung's name by
//! the alias file's words, or from its place on the ladder; listed by
//! `check` and `unleveledStages` when a name says none; and used to say
//! where a move between roles lands.

use crate::crate_path;
use crate::support::{data, seeds_app, seeds_copy, settings, spawn_app};
use serde_json::Value;
use skillgraph::graph::{CompileOptions, NodeKind, SkillGraph};
use skillgraph::guide::{ALIAS_FILE, CareerLevel, LevelSource, LoadOptions, load_dir};

fn compiled(folder: &std::path::Path) -> SkillGraph {
    let corpus = load_dir(folder, &LoadOptions::default()).expect("the folder loads");
    SkillGraph::compile(corpus, CompileOptions { search: false })
}

/// Every rung of a graph: (id, level, how it was found).
fn rungs(graph: &SkillGraph) -> Vec<(String, CareerLevel, LevelSource)> {
    graph
        .nodes_of(NodeKind::CareerStage)
        .filter_map(|node| {
            let stage = node.as_stage()?;
            Some((node.id().to_owned(), stage.level, stage.level_source))
        })
        .collect()
}

fn levels(stages: &Value) -> Vec<(String, String)> {
    stages
        .as_array()
        .expect("stages")
        .iter()
        .map(|stage| {
            let level = stage["level"].as_str().expect("level").to_owned();
            (stage["name"].as_str().expect("name").to_owned(), level)
        })
        .collect()
}

#[tokio::test]
async fn the_seeds_ladders_line_up_by_the_words_of_their_rungs() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ platform: careerPath(slug: "platform_engineer") { stages { name level levelSource } }
             native: careerPath(slug: "cloud_native_engineer") { stages { name level levelSource } } }"#,
    )
    .await;
    assert_eq!(
        levels(&answer["platform"]["stages"]),
        [
            ("ジュニア Platform Engineer", "ENTRY"),
            ("ミドル Platform Engineer", "MID"),
            ("シニア Platform Engineer", "SENIOR"),
            // The level word written last wins: a lead who manages.
            ("Platform Lead / Manager", "MANAGER"),
            ("Principal Platform Architect", "STAFF"),
        ]
        .map(|(name, level)| (name.to_owned(), level.to_owned()))
    );
    assert_eq!(
        levels(&answer["native"]["stages"]),
        [
            ("ジュニア開発者", "ENTRY"),
            ("ミドル開発者", "MID"),
            ("シニア開発者", "SENIOR"),
            ("リードエンジニア", "STAFF"),
            ("クラウドアーキテクト", "STAFF"),
        ]
        .map(|(name, level)| (name.to_owned(), level.to_owned()))
    );
    for ladder in ["platform", "native"] {
        for stage in answer[ladder]["stages"].as_array().expect("stages") {
            assert_eq!(stage["levelSource"], "NAME", "{stage}");
        }
    }
}

#[test]
fn nearly_every_rung_of_the_seeds_and_the_drift_guides_is_levelled_by_its_name() {
    let mut all = rungs(&compiled(&crate_path("seeds")));
    let drift = rungs(&compiled(&crate_path("tests/fixtures/drift")));
    let by_id = |id: &str| {
        drift
            .iter()
            .find(|(at, _, _)| at == id)
            .map(|(_, level, _)| *level)
    };
    assert_eq!(
        by_id("stage:site_reliability_engineer:1"),
        Some(CareerLevel::Entry)
    );
    assert_eq!(
        by_id("stage:site_reliability_engineer:2"),
        Some(CareerLevel::Mid)
    );
    assert_eq!(
        by_id("stage:site_reliability_engineer:3"),
        Some(CareerLevel::Staff)
    );
    assert_eq!(by_id("stage:security_engineer:3"), Some(CareerLevel::Head));
    all.extend(drift);
    let named = all
        .iter()
        .filter(|(_, _, source)| *source == LevelSource::Name)
        .count();
    let share = named as f64 / all.len() as f64;
    println!(
        "rungs levelled by name: {named} of {} ({share:.3})",
        all.len()
    );
    assert!(all.len() >= 20, "{} rungs", all.len());
    assert!(share >= 0.95, "{share}");
}

/// A corpus of the platform guide whose alias file says levels with
/// `levels` (JSON), or has no such table when `None`.
fn platform_with_levels(levels: Option<&str>) -> tempfile::TempDir {
    let folder = seeds_copy(&["platform_engineer.md"]);
    let table = levels.map_or(String::new(), |table| format!(r#""levels": {table}"#));
    std::fs::write(folder.path().join(ALIAS_FILE), format!("{{{table}}}")).expect("write");
    folder
}

#[tokio::test]
async fn rungs_the_words_miss_take_their_place_on_the_ladder_and_are_listed() {
    let folder = platform_with_levels(Some(r#"{"senior": ["シニア"], "staff": ["Principal"]}"#));
    let app = spawn_app(folder.path(), settings()).await;
    let answer = data(
        &app,
        r#"{ careerPath(slug: "platform_engineer") { stages { name level levelSource } }
             corpus { unleveledStages { id level } } }"#,
    )
    .await;
    let stages = answer["careerPath"]["stages"].as_array().expect("stages");
    let found: Vec<(&str, &str)> = stages
        .iter()
        .map(|stage| {
            (
                stage["level"].as_str().expect("level"),
                stage["levelSource"].as_str().expect("source"),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("ENTRY", "LADDER"),
            ("MID", "LADDER"),
            ("SENIOR", "NAME"),
            // A step above senior, short of the principal above it.
            ("STAFF", "LADDER"),
            ("STAFF", "NAME"),
        ]
    );
    let listed: Vec<&str> = answer["corpus"]["unleveledStages"]
        .as_array()
        .expect("listed")
        .iter()
        .map(|stage| stage["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        listed,
        [
            "stage:platform_engineer:1",
            "stage:platform_engineer:2",
            "stage:platform_engineer:4"
        ]
    );
}

#[test]
fn an_alias_file_without_levels_reads_them_with_the_shipped_words() {
    let folder = platform_with_levels(None);
    let found = rungs(&compiled(folder.path()));
    assert_eq!(found.len(), 5);
    assert!(
        found
            .iter()
            .all(|(_, _, source)| *source == LevelSource::Name)
    );
}

#[test]
fn a_level_the_format_does_not_know_is_an_alias_file_error_with_its_line() {
    let folder = platform_with_levels(Some("{\n\"senoir\": [\"シニア\"]}"));
    let corpus = load_dir(folder.path(), &LoadOptions::default()).expect("the folder loads");
    let error = corpus
        .errors
        .iter()
        .find(|error| error.path.ends_with(ALIAS_FILE))
        .expect("the alias file is refused");
    assert_eq!(error.line, 2, "{error}");
    assert!(error.to_string().contains("senoir"), "{error}");
}

#[tokio::test]
async fn a_move_lands_on_the_rung_of_the_movers_level() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ transition(from: "platform_engineer", to: "cloud_native_engineer") {
               senior: landing(level: SENIOR) { name level }
               manager: landing(level: MANAGER) { name level }
               head: landing(level: HEAD) { name } }
             job(slug: "platform_engineer") { entry: stageAt(level: ENTRY) { name }
               staff: stageAt(level: STAFF) { name } } }"#,
    )
    .await;
    let move_ = &answer["transition"];
    assert_eq!(move_["senior"]["name"], "シニア開発者");
    // No manager rung: the highest under it.
    assert_eq!(move_["manager"]["name"], "クラウドアーキテクト");
    assert_eq!(move_["head"]["name"], "クラウドアーキテクト");
    let job = &answer["job"];
    assert_eq!(job["entry"]["name"], "ジュニア Platform Engineer");
    // Searched from the top: the principal rung stands at staff.
    assert_eq!(job["staff"]["name"], "Principal Platform Architect");
}

#[test]
fn check_names_every_rung_levelled_by_its_place() {
    let folder = platform_with_levels(Some(r#"{"senior": ["シニア"]}"#));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_skillgraph"))
        .arg("check")
        .arg(folder.path())
        .output()
        .expect("check runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("career rungs levelled by their place on the ladder (4):"),
        "{report}"
    );
    assert!(
        report.contains("Principal Platform Architect (stage:platform_engineer:5)"),
        "{report}"
    );
}

#[tokio::test]
async fn the_career_path_answers_its_ladder_as_a_picture_with_its_levels() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ careerPath(slug: "cloud_native_engineer") { picture } }"#,
    )
    .await;
    let svg = answer["careerPath"]["picture"].as_str().expect("an SVG");
    assert!(svg.starts_with("<svg"), "{svg}");
    for (rung, level) in [(1, "entry"), (3, "senior"), (5, "staff")] {
        let group =
            format!(r#"data-node-id="stage:cloud_native_engineer:{rung}" data-level="{level}""#);
        assert!(svg.contains(&group), "{group}");
    }
    // The top rung leads to the cloud architect role, drawn at its side.
    assert!(svg.contains(
        r#"data-edge-source="stage:cloud_native_engineer:5" data-edge-target="job:cloud_architect" data-edge-kind="LEADS_TO""#
    ));
    assert!(
        !svg.contains("HAS_STAGE"),
        "no job is fanned out to its rungs"
    );
}
