//! The queries in `examples/` answer in full against the shipped seeds.

use skillgraph::api::{SchemaOptions, execute, schema};
use skillgraph::graph::SkillGraph;
use skillgraph::guide::{LoadOptions, load_dir};
use std::sync::Arc;

async fn run_example(name: &str) -> serde_json::Value {
    run_example_with(name, LoadOptions::default()).await
}

/// Runs an example against the seeds read with `options` (postings beside
/// them, for instance).
async fn run_example_with(name: &str, options: LoadOptions) -> serde_json::Value {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let query = std::fs::read_to_string(root.join("examples").join(name)).expect("example file");
    let corpus = load_dir(&root.join("seeds"), &options).expect("seeds");
    let graph = Arc::new(SkillGraph::build(corpus));
    let response = execute(&schema(&SchemaOptions::default()), graph, query.as_str()).await;
    assert!(response.errors.is_empty(), "{name}: {:?}", response.errors);
    response.data.into_json().expect("json")
}

fn names(list: &serde_json::Value) -> Vec<&str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|item| item["name"].as_str().expect("a name"))
        .collect()
}

#[tokio::test]
async fn the_role_comparison_example_shows_what_both_roles_share() {
    let data = run_example("role-comparison.graphql").await;
    let overlap = &data["skillOverlap"];
    assert_eq!(overlap["a"]["name"], "Platform Engineer");
    let similarity = overlap["similarity"].as_f64().expect("similarity");
    assert!(similarity > 0.3 && similarity < 1.0);
    assert!(names(&overlap["sharedTools"]).contains(&"Kubernetes"));
    assert!(names(&overlap["sharedSkills"]).contains(&"クラウドコンピューティング"));
    assert!(names(&overlap["onlyB"]["tools"]).contains(&"CloudFormation"));
}

#[tokio::test]
async fn the_career_ladder_example_gives_ordered_stages_and_a_drawable_graph() {
    let data = run_example("career-ladder.graphql").await;
    let stages = data["careerPath"]["stages"].as_array().expect("stages");
    let orders: Vec<i64> = stages
        .iter()
        .map(|s| s["order"].as_i64().expect("order"))
        .collect();
    assert_eq!(orders, vec![1, 2, 3, 4, 5]);
    assert_eq!(stages[0]["next"]["id"], stages[1]["id"]);
    assert_eq!(stages[4]["leadsTo"][0]["slug"], "cloud_architect");
    let view = &data["neighborhood"];
    let ids: Vec<&str> = view["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["nodeId"].as_str().expect("nodeId"))
        .collect();
    assert_eq!(ids[0], "job:cloud_native_engineer");
    for edge in view["edges"].as_array().expect("edges") {
        assert!(ids.contains(&edge["source"].as_str().expect("source")));
        assert!(ids.contains(&edge["target"].as_str().expect("target")));
    }
}

#[tokio::test]
async fn the_career_map_example_places_every_rung_of_the_family_by_level() {
    let data = run_example("career-map.graphql").await;
    let map = &data["careerMap"];
    assert_eq!(map["totalCount"], 2);
    let mut rows = std::collections::BTreeMap::new();
    for role in map["roles"].as_array().expect("roles") {
        for stage in role["stages"].as_array().expect("stages") {
            let level = stage["stage"]["level"].as_str().expect("level").to_owned();
            let y = stage["position"]["y"].as_f64().expect("y").to_string();
            rows.entry(level)
                .or_insert_with(std::collections::BTreeSet::new)
                .insert(y);
        }
    }
    // One row per level, whichever ladder the rung is on.
    assert!(rows.len() >= 4, "{rows:?}");
    assert!(rows.values().all(|heights| heights.len() == 1), "{rows:?}");
    let picture = map["picture"].as_str().expect("svg");
    assert!(picture.starts_with("<svg"));
    // The README shows this picture: it must be what the server draws.
    let shown = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/career-map.svg");
    if std::env::var_os("UPDATE_PICTURES").is_some() {
        std::fs::write(&shown, picture).expect("write the picture");
    }
    let committed = std::fs::read_to_string(&shown).unwrap_or_default();
    assert!(
        committed == picture,
        "examples/career-map.svg differs from the map the server draws; run `UPDATE_PICTURES=1 cargo test --test api examples` and commit it"
    );
}

#[tokio::test]
async fn the_job_profile_example_answers_every_section() {
    let data = run_example("job-profile.graphql").await;
    let job = &data["job"];
    assert_eq!(job["slug"], "platform_engineer");
    assert_eq!(job["category"], "cloud-infra");
    assert_eq!(job["duties"].as_array().expect("duties").len(), 6);
    assert_eq!(job["stages"].as_array().expect("stages").len(), 5);
    assert_eq!(job["teams"].as_array().expect("teams").len(), 4);
    assert_eq!(job["learningSteps"].as_array().expect("steps").len(), 7);
    assert_eq!(
        job["interviewQuestions"]
            .as_array()
            .expect("questions")
            .len(),
        14
    );
    assert_eq!(job["trends"].as_array().expect("trends").len(), 7);
    let companies: usize = job["employerTypes"]
        .as_array()
        .expect("employer types")
        .iter()
        .map(|t| t["companies"].as_array().expect("companies").len())
        .sum();
    assert_eq!(companies, 13);
    assert!(
        job["description"]
            .as_str()
            .expect("description")
            .contains("Platform Engineer")
    );
}

#[tokio::test]
async fn the_recommend_example_ranks_roles_with_what_is_missing() {
    let data = run_example("recommend.graphql").await;
    let jobs = data["recommendJobs"].as_array().expect("recommendations");
    assert_eq!(jobs.len(), 2);
    for job in jobs {
        assert!(names(&job["matched"]["tools"]).contains(&"Terraform"));
        assert!(
            !job["missing"]["tools"]
                .as_array()
                .expect("missing")
                .is_empty()
        );
    }
}

#[tokio::test]
async fn the_transition_example_gives_a_path_and_a_plan() {
    let data = run_example("transition-plan.graphql").await;
    let transition = &data["transition"];
    let path: Vec<&str> = transition["path"]
        .as_array()
        .expect("path")
        .iter()
        .map(|j| j["slug"].as_str().expect("slug"))
        .collect();
    assert_eq!(path, vec!["platform_engineer", "cloud_native_engineer"]);
    assert_eq!(
        transition["learningPlan"].as_array().expect("plan").len(),
        7
    );
    assert!(names(&transition["skillsToLearn"]).contains(&"問題解決能力"));
}

#[tokio::test]
async fn the_resolve_example_reads_each_name_and_leaves_the_unknown_one_null() {
    let data = run_example("resolve.graphql").await;
    let rows = data["resolve"].as_array().expect("a list");
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0]["node"]["name"], "Kubernetes");
    assert_eq!(rows[1]["node"]["name"], "Terraform");
    assert_eq!(rows[2]["how"], "FUZZY");
    assert_eq!(rows[3]["node"]["id"], "job:platform_engineer");
    assert!(rows[4]["node"].is_null());
}

#[tokio::test]
async fn the_suggest_example_folds_the_width_and_names_kubernetes_first() {
    let data = run_example("suggest.graphql").await;
    let rows = data["suggest"].as_array().expect("a list");
    assert!(!rows.is_empty() && rows.len() <= 5, "{rows:?}");
    assert_eq!(rows[0]["node"]["id"], "tool:kubernetes");
    assert_eq!(rows[0]["matched"], "Kubernetes");
    assert_eq!(rows[0]["how"], "NAME");
}

#[tokio::test]
async fn the_extract_skills_example_reads_the_resume_and_skips_the_verb() {
    let data = run_example("extract-skills.graphql").await;
    let extraction = &data["extractSkills"];
    assert_eq!(
        names(&extraction["tools"]),
        vec!["Kubernetes", "Terraform", "Go", "Python"]
    );
    let surfaces: Vec<&str> = extraction["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .filter_map(|mention| mention["surface"].as_str())
        .collect();
    assert!(surfaces.contains(&"k8s") && !surfaces.contains(&"go"));
    assert_eq!(extraction["jobs"].as_array().map(Vec::len), Some(2));
    let concepts: Vec<&str> = extraction["concepts"]
        .as_array()
        .expect("concepts")
        .iter()
        .filter_map(|concept| concept["surface"].as_str())
        .collect();
    assert!(concepts.contains(&"インフラのコード化"), "{concepts:?}");
    let implied: Vec<&str> = extraction["impliedSkills"]
        .as_array()
        .expect("implied skills")
        .iter()
        .filter_map(|implied| implied["skill"]["name"].as_str())
        .collect();
    assert!(
        implied.contains(&"IaC (Infrastructure as Code)"),
        "{implied:?}"
    );
    for job in extraction["jobs"].as_array().expect("jobs") {
        assert!(job["evidence"]["items"].as_f64().is_some(), "{job}");
    }
}

#[tokio::test]
async fn the_postings_example_fits_postings_to_a_resume_and_classifies_them() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = LoadOptions {
        postings: Some(root.join("examples/postings")),
        ..LoadOptions::default()
    };
    let data = run_example_with("postings.graphql", options).await;
    let fits = data["recommendPostings"].as_array().expect("fits");
    assert_eq!(fits.len(), 3);
    let scores: Vec<f64> = fits
        .iter()
        .filter_map(|fit| fit["score"].as_f64())
        .collect();
    assert!(
        scores.windows(2).all(|pair| pair[0] >= pair[1]),
        "{scores:?}"
    );
    assert_eq!(data["postings"]["totalCount"], 2, "two postings name Istio");
    let posting = &data["posting"];
    assert_eq!(posting["role"]["job"]["slug"], "platform_engineer");
    assert_eq!(
        names(&posting["tools"]),
        vec!["Kubernetes", "Terraform", "GitHub Actions", "ArgoCD"]
    );
}
