//! A compiled graph answers every question without building anything:
//! the profiles, neighbour lists, search index and suggestion index all
//! exist before the first request, so the first call of an answer costs
//! what the tenth does.

use serde_json::{Value, json};
use skillgraph::api::{SchemaOptions, execute, schema};
use skillgraph::graph::{SkillGraph, builds_on_this_thread};
use skillgraph::guide::postings::read_postings;
use skillgraph::guide::{DataFiles, SourceFile, load_sources};
use skillgraph_corpus::{Plan, Size};
use std::path::PathBuf;
use std::sync::Arc;

fn generated(count: usize) -> (Plan, SkillGraph) {
    let plan = Plan::new(count, 5);
    let files = plan
        .guides(Size::Compact)
        .into_iter()
        .map(|file| SourceFile {
            path: PathBuf::from(file.name),
            bytes: file.bytes,
        })
        .collect();
    let data = DataFiles {
        aliases: Some(SourceFile {
            path: PathBuf::from("aliases.json"),
            bytes: plan.aliases_json().into_bytes(),
        }),
        glossary: Some(SourceFile {
            path: PathBuf::from("glossary.json"),
            bytes: plan.glossary_json().into_bytes(),
        }),
    };
    let mut corpus = load_sources(files, &data);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let read = read_postings(&[SourceFile {
        path: PathBuf::from("postings/postings.jsonl"),
        bytes: plan.postings_jsonl(300).into_bytes(),
    }]);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    corpus.postings = read.postings;
    let graph = SkillGraph::build(corpus);
    (plan, graph)
}

/// Every answer the API computes, each with variables that make it work.
pub(crate) fn questions(a: &str, b: &str) -> Vec<(&'static str, String, Value)> {
    let example = |name: &str| {
        let path = crate::crate_path("examples").join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{name}: {error}"))
    };
    vec![
        (
            "skillOverlap",
            example("role-comparison.graphql"),
            json!({ "a": a, "b": b }),
        ),
        (
            "relatedJobs",
            "query($s: String!) { relatedJobs(slug: $s, first: 10) { score job { slug } } }".into(),
            json!({ "s": a }),
        ),
        (
            "relatedJobs",
            "query($s: String!) { relatedJobs(slug: $s, first: 60, weights: { tools: 1, hardSkills: 0 }) { score job { slug } } }".into(),
            json!({ "s": a }),
        ),
        (
            "careerPath",
            "query($s: String!) { careerPath(slug: $s) { stages { name leadsTo { slug } } nextJobs { slug } } }".into(),
            json!({ "s": a }),
        ),
        (
            "careerPath",
            "query($s: String!) { careerPath(slug: $s) { picture stages { level } } job(slug: $s) { stageAt(level: SENIOR) { name } } }".into(),
            json!({ "s": a }),
        ),
        (
            "careerMap",
            "{ careerMap(first: 100) { totalCount roles { job { slug } position { x y } stages { stage { id level } position { x y } } } edges { source target kind } } }".into(),
            json!({}),
        ),
        (
            "transition",
            example("transition-plan.graphql"),
            json!({ "from": a, "to": b }),
        ),
        (
            "recommendJobs",
            example("recommend.graphql"),
            json!({ "skills": ["Kubernetes", "Terraform", "Python"] }),
        ),
        ("job", example("job-profile.graphql"), json!({ "slug": a })),
        (
            "search",
            "query($q: String!) { search(query: $q, first: 10) { score snippet node { id } } }"
                .into(),
            json!({ "q": "Kubernetes" }),
        ),
        (
            "search",
            "query($q: String!) { search(query: $q, kinds: [TOOL, SKILL], first: 5) { node { id } } }"
                .into(),
            json!({ "q": "kubernetes" }),
        ),
        (
            "suggest",
            "query($p: String!) { suggest(prefix: $p, first: 10) { matched how node { id } } }"
                .into(),
            json!({ "p": "kube" }),
        ),
        (
            "neighborhood",
            "query($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id: nodeId } edges { kind } } }"
                .into(),
            json!({ "id": format!("job:{a}") }),
        ),
        (
            "resolve",
            example("resolve.graphql"),
            json!({ "names": ["k8s", "Spark", "Kubernates", "SLO"] }),
        ),
        (
            "extractSkills",
            example("extract-skills.graphql"),
            json!({}),
        ),
        ("recommendPostings", example("postings.graphql"), json!({ "tool": "Python" })),
        (
            "postings",
            "query($j: String!) { postings(job: $j, first: 5) { totalCount nodes { role { score } tools { name } } } }".into(),
            json!({ "j": a }),
        ),
        (
            "jobs",
            "{ jobs(first: 50) { totalCount edges { node { slug } } } skills(first: 20) { totalCount } tools(first: 20) { totalCount } corpus { guides nodes } }".into(),
            json!({}),
        ),
    ]
}

#[tokio::test]
async fn no_answer_builds_anything_on_first_use() {
    let before = builds_on_this_thread();
    let (plan, graph) = generated(150);
    assert_eq!(
        builds_on_this_thread() - before,
        4,
        "compiling builds the graph, its analytics, its search index and its suggestion index, once each"
    );
    let graph = Arc::new(graph);
    let schema = schema(&SchemaOptions::default());
    let (a, b) = (plan.slug(0), plan.slug(1));
    let compiled = builds_on_this_thread();
    for (field, query, variables) in questions(&a, &b) {
        let request = async_graphql::Request::new(query)
            .variables(async_graphql::Variables::from_json(variables));
        let response = execute(&schema, Arc::clone(&graph), request).await;
        assert!(response.errors.is_empty(), "{field}: {:?}", response.errors);
        let data = response.data.into_json().expect("json");
        let answer = &data[field];
        let empty = answer.is_null()
            || answer.as_array().is_some_and(Vec::is_empty)
            || answer.as_object().is_some_and(|fields| fields.is_empty());
        assert!(!empty, "{field} answered nothing: {data}");
        assert_eq!(
            builds_on_this_thread(),
            compiled,
            "{field} built something on first use"
        );
    }
}

#[test]
fn a_generated_corpus_labels_every_job_and_nearly_every_skill_in_english() {
    use skillgraph::graph::NodeKind;
    let (_, graph) = generated(300);
    let unlabelled = |kind: NodeKind| {
        graph
            .diagnostics()
            .unlabelled
            .iter()
            .filter(|node| node.kind == kind)
            .map(|node| node.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(unlabelled(NodeKind::Job), Vec::<String>::new());
    // The parts the build splits compound skills into, and the garbled
    // names a drifting corpus writes, have no entry of their own.
    let skills = graph.nodes_of(NodeKind::Skill).count();
    let missing = unlabelled(NodeKind::Skill);
    assert!(
        missing.len() * 10 <= skills,
        "{} of {skills} skills have no English label: {missing:?}",
        missing.len()
    );
    let warnings: Vec<&String> = graph
        .warnings()
        .iter()
        .filter(|warning| warning.file.ends_with("glossary.json"))
        .map(|warning| &warning.message)
        .collect();
    assert!(warnings.is_empty(), "{warnings:?}");
}
