//! Job postings beside the guides, over real HTTP: read from
//! `postings/*.jsonl` with bad lines reported by file and line, linked to
//! what they name, classified to a role, filtered, recommended, and
//! reloaded when their file changes.

use crate::support::{TestApp, data, settings, spawn_app};
use serde_json::{Value, json};
use skillgraph::server::Settings;
use std::path::Path;
use std::time::Duration;

/// Three postings and two lines that are not postings.
const BOARD: &str = concat!(
    r#"{"@context":"https://schema.org","@type":"JobPosting","identifier":"pe-1","title":"Senior Platform Engineer","description":"<p>Build our internal developer platform on <b>Kubernetes</b> with Terraform, ArgoCD and Backstage.</p><ul><li>Helm charts</li><li>Go or Python</li></ul><p>Ready to go live fast.</p>","hiringOrganization":{"@type":"Organization","name":"Acme"},"datePosted":"2026-10-01","url":"https://jobs.example/pe-1","inLanguage":"en"}"#,
    "\n",
    r#"{"@type":"JobPosting","identifier":"cn-1","title":"クラウドネイティブエンジニア","description":"Kubernetesクラスターの運用、Istioによるサービスメッシュ、PrometheusとGrafanaでの監視。k8sの経験3年以上。","hiringOrganization":{"name":"例株式会社"},"inLanguage":"ja"}"#,
    "\n",
    "{not json\n",
    r#"{"@type":"JobPosting","identifier":"pe-1","title":"A repeat"}"#,
    "\n",
    r#"{"@type":"JobPosting","identifier":"misc-1","title":"Office manager","description":"Keep the office running."}"#,
    "\n",
);

fn corpus_with_postings(board: &str) -> tempfile::TempDir {
    let folder = crate::live::copy_of_seeds();
    write_board(folder.path(), board);
    folder
}

fn write_board(folder: &Path, board: &str) {
    let postings = folder.join("postings");
    std::fs::create_dir_all(&postings).expect("a postings folder");
    std::fs::write(postings.join("board.jsonl"), board).expect("the board");
}

async fn app_with(board: &str, settings: Settings) -> (tempfile::TempDir, TestApp) {
    let folder = corpus_with_postings(board);
    let app = spawn_app(folder.path(), settings).await;
    (folder, app)
}

#[tokio::test]
async fn postings_load_beside_the_guides_and_bad_lines_are_reported_by_line() {
    let (_folder, app) = app_with(BOARD, settings()).await;
    let answer = data(
        &app,
        r#"{ postings(first: 10) { totalCount nodes { id identifier title organization language } }
             corpus { errors { file line message } } }"#,
    )
    .await;
    let ids: Vec<&str> = answer["postings"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|node| node["id"].as_str())
        .collect();
    assert_eq!(ids, ["posting:cn-1", "posting:misc-1", "posting:pe-1"]);
    let errors = answer["corpus"]["errors"].as_array().expect("errors");
    let lines: Vec<(u64, &str)> = errors
        .iter()
        .map(|error| {
            (
                error["line"].as_u64().unwrap_or(0),
                error["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(lines.len(), 2, "{errors:?}");
    assert_eq!(lines[0].0, 3);
    assert!(lines[0].1.starts_with("invalid JSON"), "{lines:?}");
    assert_eq!(lines[1].0, 4);
    assert!(lines[1].1.contains("`pe-1` is already given"), "{lines:?}");
    assert!(errors.iter().all(|error| {
        error["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("board.jsonl"))
    }));
}

#[tokio::test]
async fn a_posting_names_its_tools_and_is_classified_to_its_role() {
    let (_folder, app) = app_with(BOARD, settings()).await;
    let answer = data(
        &app,
        r#"{ en: posting(identifier: "pe-1") { tools { name } text mentions { field start end how node { id } }
               role { job { slug } score titleMatch matched { tools { name } } } }
             ja: posting(identifier: "cn-1") { tools { name } role { job { slug } } }
             misc: posting(identifier: "misc-1") { tools { name } role { job { slug } } }
             none: posting(identifier: "nope") { id } }"#,
    )
    .await;
    let names = |posting: &Value| -> Vec<String> {
        posting["tools"]
            .as_array()
            .expect("tools")
            .iter()
            .filter_map(|tool| tool["name"].as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(
        names(&answer["en"]),
        ["Kubernetes", "Terraform", "ArgoCD", "Helm", "Go", "Python"]
    );
    assert_eq!(
        names(&answer["ja"]),
        ["Kubernetes", "Istio", "Prometheus", "Grafana"]
    );
    assert!(names(&answer["misc"]).is_empty());
    assert!(
        answer["misc"]["role"].is_null(),
        "a posting naming nothing has no role"
    );
    assert!(answer["none"].is_null());
    let role = &answer["en"]["role"];
    assert_eq!(role["job"]["slug"], "platform_engineer");
    assert_eq!(role["titleMatch"], true);
    assert!(
        role["score"]
            .as_f64()
            .is_some_and(|score| score > 0.3 && score <= 1.0)
    );
    assert!(
        !role["matched"]["tools"]
            .as_array()
            .expect("evidence")
            .is_empty()
    );
    assert_eq!(answer["ja"]["role"]["job"]["slug"], "cloud_native_engineer");
    let text: Vec<char> = answer["en"]["text"]
        .as_str()
        .expect("text")
        .chars()
        .collect();
    for mention in answer["en"]["mentions"].as_array().expect("mentions") {
        if mention["field"] == "DESCRIPTION" {
            let start = mention["start"].as_u64().expect("start") as usize;
            let end = mention["end"].as_u64().expect("end") as usize;
            assert!(end <= text.len() && start < end, "{mention}");
        }
    }
}

#[tokio::test]
async fn postings_are_filtered_linked_from_jobs_and_tools_and_recommended() {
    let (_folder, app) = app_with(BOARD, settings()).await;
    let answer = data(
        &app,
        r#"{ istio: postings(tool: "Istio") { nodes { identifier } }
             k8sOfPe: postings(tool: "k8s", job: "platform_engineer") { nodes { identifier } }
             nothing: postings(skill: "no such skill") { totalCount }
             job(slug: "cloud_native_engineer") { postings { nodes { identifier } } }
             tool(name: "Kubernetes") { postings { nodes { identifier } } }
             recommendPostings(tools: ["Istio", "Prometheus"], first: 2) { score posting { identifier } matched { tools { name } } missing { tools { name } } } }"#,
    )
    .await;
    let identifiers = |list: &Value| -> Vec<String> {
        list.as_array()
            .expect("a list")
            .iter()
            .filter_map(|node| node["identifier"].as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(identifiers(&answer["istio"]["nodes"]), ["cn-1"]);
    assert_eq!(identifiers(&answer["k8sOfPe"]["nodes"]), ["pe-1"]);
    assert_eq!(answer["nothing"]["totalCount"], 0);
    assert_eq!(identifiers(&answer["job"]["postings"]["nodes"]), ["cn-1"]);
    assert_eq!(
        identifiers(&answer["tool"]["postings"]["nodes"]),
        ["pe-1", "cn-1"]
    );
    // A tool's postings page with cursors, in their own order.
    let first = data(
        &app,
        r#"{ tool(name: "Kubernetes") { postings(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { identifier } } } }"#,
    )
    .await;
    let page = &first["tool"]["postings"];
    assert_eq!(
        (
            page["totalCount"].as_u64(),
            page["pageInfo"]["hasNextPage"].as_bool()
        ),
        (Some(2), Some(true))
    );
    assert_eq!(identifiers(&page["nodes"]), ["pe-1"]);
    let query = format!(
        r#"{{ tool(name: "Kubernetes") {{ postings(first: 1, after: {}) {{ pageInfo {{ hasNextPage }} nodes {{ identifier }} }} }} }}"#,
        page["pageInfo"]["endCursor"]
    );
    let second = data(&app, &query).await;
    assert_eq!(identifiers(&second["tool"]["postings"]["nodes"]), ["cn-1"]);
    assert_eq!(second["tool"]["postings"]["pageInfo"]["hasNextPage"], false);
    // A cursor of a posting the list does not hold is refused.
    let stray = app
        .graphql(
            r#"{ tool(name: "Istio") { postings(after: "cG9zdGluZzpwZS0x") { totalCount } } }"#,
        )
        .await;
    assert_eq!(
        stray["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{stray}"
    );
    let fits = answer["recommendPostings"].as_array().expect("fits");
    assert_eq!(fits[0]["posting"]["identifier"], "cn-1");
    assert!(
        fits[0]["score"]
            .as_f64()
            .is_some_and(|score| score > 0.0 && score < 1.0)
    );
    assert_eq!(
        fits[0]["missing"]["tools"].as_array().map(Vec::len),
        Some(2)
    );
}

#[tokio::test]
async fn an_edited_postings_file_is_served_without_a_restart() {
    let watching = Settings {
        watch: true,
        watch_debounce: Duration::from_millis(100),
        ..settings()
    };
    let (folder, app) = app_with(BOARD, watching).await;
    let added =
        r#"{"@type":"JobPosting","identifier":"new-1","title":"SRE","description":"Terraform"}"#;
    write_board(folder.path(), &format!("{BOARD}{added}\n"));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    loop {
        let body = app
            .graphql(r#"{ posting(identifier: "new-1") { tools { name } } }"#)
            .await;
        if body["data"]["posting"]["tools"] == json!([{ "name": "Terraform" }]) {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the new posting never appeared: {body}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_neighbourhood_leaves_postings_out_unless_asked_for() {
    let (_folder, app) = app_with(BOARD, settings()).await;
    let answer = data(
        &app,
        r#"{ plain: neighborhood(id: "tool:kubernetes") { nodes { kind } }
             asked: neighborhood(id: "tool:kubernetes", kinds: [POSTING]) { nodes { id: nodeId } } }"#,
    )
    .await;
    let kinds: Vec<&str> = answer["plain"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|node| node["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"JOB") && !kinds.contains(&"POSTING"),
        "{kinds:?}"
    );
    let ids: Vec<&str> = answer["asked"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|node| node["id"].as_str())
        .collect();
    assert_eq!(ids[0], "tool:kubernetes");
    let mut postings = ids[1..].to_vec();
    postings.sort_unstable();
    assert_eq!(postings, ["posting:cn-1", "posting:pe-1"]);
}

/// A client draws any node from the interface alone: its kind and label,
/// a posting's as much as a job's, with no table of type names.
#[tokio::test]
async fn every_kind_of_node_gives_its_kind_and_label_through_the_interface() {
    let (_folder, app) = app_with(BOARD, settings()).await;
    let answer = data(
        &app,
        r#"{ hits: search(query: "Kubernetes", first: 100) { node { __typename nodeKind label } }
             postings: search(query: "Platform Engineer", kinds: [POSTING]) { node { __typename nodeKind label } }
             posting: node(id: "posting:pe-1") { nodeKind label ... on Posting { title } }
             skill: node(id: "skill:iac") { nodeKind label ... on Skill { name kind } } }"#,
    )
    .await;
    assert_eq!(answer["posting"]["nodeKind"], "POSTING");
    assert_eq!(answer["posting"]["label"], answer["posting"]["title"]);
    // A skill's own `kind` (hard or soft) stays what it was.
    assert_eq!(answer["skill"]["nodeKind"], "SKILL");
    assert_eq!(answer["skill"]["label"], answer["skill"]["name"]);
    assert!(answer["skill"]["kind"] == "HARD" || answer["skill"]["kind"] == "SOFT");
    let hits = answer["hits"].as_array().expect("hits");
    let postings = answer["postings"].as_array().expect("posting hits");
    let mut kinds: Vec<(&str, &str)> = hits
        .iter()
        .chain(postings)
        .map(|hit| {
            let node = &hit["node"];
            assert!(!node["label"].as_str().unwrap_or("").is_empty(), "{node}");
            (
                node["__typename"].as_str().expect("a type"),
                node["nodeKind"].as_str().expect("a kind"),
            )
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    for (typename, kind) in &kinds {
        let screaming: String = typename
            .chars()
            .enumerate()
            .flat_map(|(at, c)| {
                let gap = (at > 0 && c.is_uppercase()).then_some('_');
                gap.into_iter().chain(c.to_uppercase())
            })
            .collect();
        assert_eq!(&screaming, kind, "{kinds:?}");
    }
    assert!(
        kinds.iter().any(|(_, kind)| *kind == "POSTING"),
        "{kinds:?}"
    );
}

/// Clients never see the server's absolute paths: every file an answer
/// names is relative to the corpus folder, however the folder was given.
#[tokio::test]
async fn answers_name_files_relative_to_the_corpus_folder() {
    let folder = corpus_with_postings(BOARD);
    std::fs::write(
        folder.path().join("broken.md"),
        "---json\n{ \"slug\": \n---\n",
    )
    .expect("a broken guide");
    assert!(folder.path().is_absolute());
    let app = spawn_app(folder.path(), settings()).await;
    let answer = data(
        &app,
        r#"{ job(slug: "platform_engineer") { sourceFile }
             posting(identifier: "pe-1") { sourceFile sourceLine }
             corpus { errors { file } warnings { file } } }"#,
    )
    .await;
    assert_eq!(answer["job"]["sourceFile"], "platform_engineer.md");
    assert_eq!(answer["posting"]["sourceFile"], "postings/board.jsonl");
    assert_eq!(answer["posting"]["sourceLine"], 1);
    let root = folder.path().display().to_string();
    for list in ["errors", "warnings"] {
        for entry in answer["corpus"][list].as_array().expect("a list") {
            let file = entry["file"].as_str().expect("a file");
            assert!(
                !file.starts_with('/') && !file.contains(&root),
                "{list}: {file}"
            );
        }
    }
    let files: Vec<&str> = answer["corpus"]["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|error| error["file"].as_str())
        .collect();
    assert!(files.contains(&"broken.md"), "{files:?}");
    let readyz = app.get_json("/readyz").await;
    assert!(!readyz["errors"].to_string().contains(&root), "{readyz}");
}
