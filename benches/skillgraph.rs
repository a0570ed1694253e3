//! How fast skillgraph reads a corpus and answers the questions users ask.
//!
//! ```sh
//! cargo bench --bench skillgraph               # everything, about 20 minutes
//! cargo bench --bench skillgraph -- ingest     # one group
//! cargo bench --bench skillgraph -- query_10k
//! ```
//!
//! - `ingest/*`: reading N in-memory guides (`load_sources`, which parses
//!   on every core) and compiling the graph and its analytics
//!   (`SkillGraph::compile` without the search index), beside a baseline
//!   that only runs pulldown-cmark over the same bytes, on one thread and
//!   on every core. Throughput is in bytes, so the ratio of our ingest to
//!   the baseline reads straight off the report.
//! - `query_1k/*`, `query_10k/*`, `query_100k/*`: `skillOverlap`,
//!   `relatedJobs`, `recommendJobs`, `transition` (two linked jobs, and two
//!   jobs far apart), `extractResume` (a 5,000-character résumé read with
//!   its concepts, implied skills and five roles with their evidence),
//!   `search`, `suggest` (prefixes `k`, `ku`, `監`, `クラ`, beside
//!   `searchKu`, the full-text search a suggestion box asked before) and
//!   `careerMap` (one family's first 100 roles with their
//!   positions, edges and picture) executed through the GraphQL schema in
//!   process (`api::execute`) on a compiled graph. These corpora use
//!   compact guides: the same skills, tools, ladders and links as full ones
//!   with a sentence where a full guide has a paragraph (about half the
//!   bytes), so 100,000 of them fit in memory and in the time budget. The
//!   time each compile phase took is printed first; after each query's
//!   criterion run, the latency of single calls is printed as p50/p99/max.
//!
//! - `postings/*`: 1,000 compact guides and 100,000 job postings (the
//!   time to read and compile them is printed first): `extract_html`
//!   reads a posting's HTML description and finds what it names
//!   (`SkillGraph::extract`, one thread; throughput in bytes),
//!   `mentions_plain` finds names in text already plain, and
//!   `recommendPostings` runs through the schema, with its p50/p99.
//!
//! The corpora come from the `skillgraph-corpus` crate, whose binary writes
//! the same corpora to disk for the scripts.

use async_graphql::{Request, Variables};
use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use serde_json::{Value, json};
use skillgraph::api::{self, SchemaOptions, SkillGraphSchema};
use skillgraph::graph::{CompileOptions, SkillGraph};
use skillgraph::guide::plain::plain_text;
use skillgraph::guide::postings::read_postings;
use skillgraph::guide::{DataFiles, SourceFile, load_sources};
use skillgraph_corpus::{Plan, Size};
use std::cell::{Cell, LazyCell};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The allocator the server runs with (`src/main.rs`), so that the figures
/// are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: u64 = 1;

/// A corpus in memory, as `load_dir` would hand it to `load_sources`.
struct Sources {
    files: Vec<SourceFile>,
    data: DataFiles,
    bytes: u64,
}

fn sources(count: usize, size: Size) -> Sources {
    let plan = Plan::new(count, SEED);
    let files: Vec<SourceFile> = plan
        .guides(size)
        .into_iter()
        .map(|file| SourceFile {
            path: PathBuf::from("corpus").join(file.name),
            bytes: file.bytes,
        })
        .collect();
    let bytes = files.iter().map(|file| file.bytes.len() as u64).sum();
    Sources {
        files,
        data: DataFiles {
            aliases: Some(SourceFile {
                path: PathBuf::from("corpus/aliases.json"),
                bytes: plan.aliases_json().into_bytes(),
            }),
            // The shipped glossary: the vocabulary a real corpus is read with.
            glossary: Some(SourceFile {
                path: PathBuf::from("corpus/glossary.json"),
                bytes: include_bytes!("../seeds/glossary.json").to_vec(),
            }),
        },
        bytes,
    }
}

/// The baseline: pulldown-cmark's events over one guide, counted.
fn pulldown_events(file: &SourceFile) -> usize {
    let text = std::str::from_utf8(&file.bytes).expect("generated guides are UTF-8");
    pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_TABLES).count()
}

fn ingest(c: &mut Criterion) {
    for count in [100, 1_000, 10_000] {
        let corpus = LazyCell::new(|| sources(count, Size::Full));
        let mut group = c.benchmark_group(format!("ingest/{}", label(count)));
        group.sampling_mode(SamplingMode::Flat);
        if count >= 10_000 {
            group.sample_size(10);
            group.warm_up_time(Duration::from_secs(1));
            group.measurement_time(Duration::from_secs(20));
        } else {
            group.sample_size(20);
            group.warm_up_time(Duration::from_secs(1));
            group.measurement_time(Duration::from_secs(5));
        }
        // Throughput needs the byte count before the corpus is made; the
        // generator is deterministic, so this is the corpus's real size.
        group.throughput(Throughput::Bytes(corpus_bytes(count)));
        group.bench_function("pulldown_cmark_1_thread", |b| {
            b.iter(|| corpus.files.iter().map(pulldown_events).sum::<usize>())
        });
        group.bench_function("pulldown_cmark_all_cores", |b| {
            b.iter(|| corpus.files.par_iter().map(pulldown_events).sum::<usize>())
        });
        // Parsing alone, to split parse from build; left out at 10k, where
        // each iteration takes seconds and the profile tells the split.
        if count < 10_000 {
            group.bench_function("load_sources", |b| {
                b.iter_batched(
                    || corpus.files.clone(),
                    |files| load_sources(files, &corpus.data),
                    BatchSize::PerIteration,
                )
            });
        }
        // Reading and compiling the graph and its analytics (profiles,
        // nearest jobs, transition steps); the search index, which `check`
        // and `export` leave out too, is timed by the query groups.
        group.bench_function("load_sources_and_compile", |b| {
            b.iter_batched(
                || corpus.files.clone(),
                |files| {
                    let corpus = load_sources(files, &corpus.data);
                    SkillGraph::compile(corpus, CompileOptions { search: false })
                },
                BatchSize::PerIteration,
            )
        });
        group.finish();
    }
}

/// The bytes of a full corpus of `count` guides, made once per size.
fn corpus_bytes(count: usize) -> u64 {
    let plan = Plan::new(count, SEED);
    (0..count)
        .into_par_iter()
        .map(|index| plan.guide(index, Size::Full).bytes.len() as u64)
        .sum()
}

fn label(count: usize) -> String {
    if count >= 1_000 && count.is_multiple_of(1_000) {
        format!("{}k", count / 1_000)
    } else {
        count.to_string()
    }
}

/// One query of the benchmark: its GraphQL text and variables.
struct Query {
    name: &'static str,
    text: String,
    variables: Value,
}

impl Query {
    fn request(&self) -> Request {
        Request::new(self.text.clone()).variables(Variables::from_json(self.variables.clone()))
    }
}

/// A job with a guide and an explicit link to another job with a guide,
/// found from the plan so it is the same at every size.
fn linked_pair(plan: &Plan, graph: &SkillGraph) -> (String, String) {
    let slugs: std::collections::HashSet<String> =
        (0..plan.len()).map(|index| plan.slug(index)).collect();
    for index in (0..plan.len()).step_by(37) {
        let from = plan.slug(index);
        let Some(guide) = graph.job(&from).and_then(|job| job.guide()) else {
            continue;
        };
        if let Some(to) = guide
            .front
            .related_jobs
            .iter()
            .find(|slug| slugs.contains(*slug))
        {
            return (from, to.clone());
        }
    }
    panic!("no job links to another");
}

fn queries(plan: &Plan, graph: &SkillGraph) -> Vec<Query> {
    let (from, to) = linked_pair(plan, graph);
    vec![
        Query {
            name: "skillOverlap",
            text: include_str!("../examples/role-comparison.graphql").to_owned(),
            variables: json!({ "a": from, "b": to }),
        },
        Query {
            name: "relatedJobs",
            text: "query Related($slug: String!) { relatedJobs(slug: $slug, first: 10) { \
                   score explicit job { slug name } facets { hardSkills tools } \
                   shared { skills { name } tools { name } } } }"
                .to_owned(),
            variables: json!({ "slug": from }),
        },
        Query {
            name: "recommendJobs",
            text: include_str!("../examples/recommend.graphql").to_owned(),
            variables: json!({ "skills": ["Kubernetes", "Terraform"] }),
        },
        Query {
            name: "transition",
            text: include_str!("../examples/transition-plan.graphql").to_owned(),
            variables: json!({ "from": from, "to": to }),
        },
        Query {
            name: "transitionFar",
            text: include_str!("../examples/transition-plan.graphql").to_owned(),
            variables: json!({ "from": plan.slug(0), "to": plan.slug(plan.len() - 1) }),
        },
        Query {
            name: "extractResume",
            text: "query Read($text: String!) { extractSkills(text: $text) { \
                   concepts { start end node { id } } impliedSkills { confidence skill { id } } \
                   jobs(first: 5) { score job { slug } evidence { items concepts title \
                   sharedConcepts { written } } } } }"
                .to_owned(),
            variables: json!({ "text": resume(RESUME_CHARS) }),
        },
        search("search", "コスト最適化"),
        // A word in the prose of a large share of the nodes.
        search("searchCommon", "監視"),
        // What the explorer asked on a keystroke before `suggest`.
        search("searchKu", "ku"),
        suggest("suggest_k", "k"),
        suggest("suggest_ku", "ku"),
        suggest("suggest_kan", "監"),
        suggest("suggest_kura", "クラ"),
        Query {
            name: "careerMap",
            text: "query Map($category: String!) { careerMap(category: $category, first: 100) { \
                   totalCount roles { job { slug } position { x y } \
                   stages { stage { id level } position { x y } } } \
                   edges { source target kind } picture } }"
                .to_owned(),
            variables: json!({ "category": family_of(graph, &from) }),
        },
    ]
}

/// The ten best hits for `words`, with their scores, snippets and ids.
fn search(name: &'static str, words: &str) -> Query {
    Query {
        name,
        text: "query Search($q: String!) { search(query: $q, first: 10) { \
               score snippet node { id } } }"
            .to_owned(),
        variables: json!({ "q": words }),
    }
}

/// The ten best suggestions for `prefix`, asked as the explorer asks.
fn suggest(name: &'static str, prefix: &str) -> Query {
    Query {
        name,
        text: "query Suggest($p: String!) { suggest(prefix: $p, first: 10) { \
               matched how node { id nodeKind label ... on Job { slug } } } }"
            .to_owned(),
        variables: json!({ "p": prefix }),
    }
}

/// The family (front-matter category) of the role `slug`.
fn family_of(graph: &SkillGraph, slug: &str) -> String {
    graph
        .job(slug)
        .and_then(|job| job.guide())
        .and_then(|guide| guide.front.category.clone())
        .expect("a generated guide has a category")
}

/// The queries benchmarked, in the order [`queries`] returns them.
const QUERY_NAMES: [&str; 14] = [
    "skillOverlap",
    "relatedJobs",
    "recommendJobs",
    "transition",
    "transitionFar",
    "extractResume",
    "search",
    "searchCommon",
    "searchKu",
    "suggest_k",
    "suggest_ku",
    "suggest_kan",
    "suggest_kura",
    "careerMap",
];

/// How long the résumé read by `extractResume` is, in characters.
const RESUME_CHARS: usize = 5_000;

/// A résumé of `chars` characters: the tuning half of the annotated
/// résumés, Japanese and English, one after another until it is long enough.
fn resume(chars: usize) -> String {
    let lines = include_str!("../tests/fixtures/resumes/annotated.jsonl");
    let texts: Vec<String> = lines
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|resume| resume["split"] == "tuning")
        .filter_map(|resume| resume["text"].as_str().map(str::to_owned))
        .collect();
    let mut text = String::new();
    for piece in texts.iter().cycle() {
        if text.chars().count() >= chars {
            break;
        }
        text.push_str(piece);
        text.push('\n');
    }
    text.chars().take(chars).collect()
}

/// Compiles the graph of `count` compact guides: everything a query reads
/// is built here, so the first query costs what the tenth does.
fn graph(count: usize) -> (Plan, Arc<SkillGraph>) {
    let started = Instant::now();
    let corpus = sources(count, Size::Compact);
    let bytes = corpus.bytes;
    let loaded = load_sources(corpus.files, &corpus.data);
    let read = started.elapsed();
    let graph = SkillGraph::build(loaded);
    let stats = graph.stats();
    let jobs = stats.nodes_by_kind.get("Job").copied().unwrap_or(0);
    eprintln!(
        "graph of {count} compact guides ({bytes} bytes): {} nodes, {} edges, {jobs} jobs; \
         made and read in {read:.1?}; compiled: {}",
        stats.nodes,
        stats.edges,
        phases(&graph),
    );
    (Plan::new(count, SEED), Arc::new(graph))
}

/// Each compile phase and its time: `graph 1.2s, analytics 0.4s, …`.
fn phases(graph: &SkillGraph) -> String {
    let phases: Vec<String> = graph
        .compile_phases()
        .iter()
        .map(|phase| format!("{} {:.1?}", phase.phase.name(), phase.duration))
        .collect();
    phases.join(", ")
}

fn run(
    runtime: &tokio::runtime::Runtime,
    schema: &SkillGraphSchema,
    graph: &Arc<SkillGraph>,
    query: &Query,
) -> async_graphql::Response {
    runtime.block_on(api::execute(schema, graph.clone(), query.request()))
}

fn queries_at(c: &mut Criterion, count: usize) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let schema = api::schema(&SchemaOptions::default());
    let group_name = format!("query_{}", label(count));
    let state = LazyCell::new(|| {
        let (plan, graph) = graph(count);
        let queries = queries(&plan, &graph);
        for query in &queries {
            let response = run(&runtime, &schema, &graph, query);
            assert!(
                response.errors.is_empty(),
                "{} failed: {:?}",
                query.name,
                response.errors
            );
        }
        (graph, queries)
    });
    let mut group = c.benchmark_group(&group_name);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.sample_size(if count >= 10_000 { 10 } else { 30 });
    group.sampling_mode(SamplingMode::Flat);
    for (index, name) in QUERY_NAMES.iter().enumerate() {
        let id = format!("{group_name}/{name}");
        // Criterion calls the routine once per sample; the single-call
        // latencies are timed once, after it, when the filter chose it.
        let ran = Cell::new(false);
        group.bench_function(*name, |b| {
            ran.set(true);
            let (graph, queries) = &*state;
            let query = &queries[index];
            b.iter(|| black_box(run(&runtime, &schema, graph, query)));
        });
        if ran.get() {
            let (graph, queries) = &*state;
            latencies(&id, 500, Duration::from_secs(5), || {
                black_box(run(&runtime, &schema, graph, &queries[index]));
            });
        }
    }
    group.finish();
}

/// Times single calls (up to `calls` of them, or `budget`) and prints p50,
/// p99 and the slowest, which criterion's per-sample means do not show.
fn latencies(name: &str, calls: usize, budget: Duration, mut call: impl FnMut()) {
    let mut times: Vec<Duration> = Vec::new();
    let started = Instant::now();
    while times.len() < calls && started.elapsed() < budget {
        let call_started = Instant::now();
        call();
        times.push(call_started.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
    eprintln!(
        "latency {name}: {} calls, p50 {:.3?}, p99 {:.3?}, max {:.3?}",
        times.len(),
        at(0.50),
        at(0.99),
        times[times.len() - 1]
    );
}

/// How many postings the `postings` group reads.
const POSTINGS: usize = 100_000;

/// 1,000 compact guides and [`POSTINGS`] postings, compiled, with the
/// postings' descriptions.
fn board() -> (Arc<SkillGraph>, Vec<String>) {
    let plan = Plan::new(1_000, SEED);
    let corpus = sources(1_000, Size::Compact);
    let jsonl = plan.postings_jsonl(POSTINGS);
    let started = Instant::now();
    let mut loaded = load_sources(corpus.files, &corpus.data);
    let skillgraph::guide::postings::PostingsRead {
        postings, errors, ..
    } = read_postings(&[SourceFile {
        path: PathBuf::from("corpus/postings/postings.jsonl"),
        bytes: jsonl.clone().into_bytes(),
    }]);
    assert!(errors.is_empty(), "{errors:?}");
    let descriptions: Vec<String> = postings.iter().map(|p| p.description.clone()).collect();
    loaded.postings = postings;
    let read = started.elapsed();
    let graph = SkillGraph::build(loaded);
    eprintln!(
        "{POSTINGS} postings ({} bytes of JSON Lines) and 1,000 compact guides: read in {read:.1?}, \
         compiled in {:.1?} ({})",
        jsonl.len(),
        started.elapsed() - read,
        phases(&graph)
    );
    (Arc::new(graph), descriptions)
}

fn postings(c: &mut Criterion) {
    let state = LazyCell::new(board);
    let mut group = c.benchmark_group("postings");
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.sample_size(20);
    let sample = |descriptions: &[String]| -> Vec<String> {
        descriptions.iter().take(2_000).cloned().collect()
    };
    let bytes = LazyCell::new(|| {
        sample(&state.1)
            .iter()
            .map(|text| text.len() as u64)
            .sum::<u64>()
    });
    group.throughput(Throughput::Bytes(*bytes));
    group.bench_function("extract_html", |b| {
        let (graph, descriptions) = &*state;
        let texts = sample(descriptions);
        b.iter(|| {
            for text in &texts {
                black_box(graph.extract(text));
            }
        });
    });
    group.bench_function("mentions_plain", |b| {
        let (graph, descriptions) = &*state;
        let plain: Vec<String> = sample(descriptions)
            .iter()
            .map(|text| plain_text(text))
            .collect();
        b.iter(|| {
            for text in &plain {
                black_box(graph.mentions(text));
            }
        });
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let schema = api::schema(&SchemaOptions::default());
    let query = Query {
        name: "recommendPostings",
        text: "query ($tools: [String!]) { recommendPostings(tools: $tools, first: 10) { score posting { id title } matched { tools { name } } missing { tools { name } } } }".to_owned(),
        variables: json!({ "tools": ["Python", "Kubernetes", "Terraform"] }),
    };
    group.throughput(Throughput::Elements(1));
    let ran = Cell::new(false);
    group.bench_function("recommendPostings", |b| {
        ran.set(true);
        let (graph, _) = &*state;
        let response = run(&runtime, &schema, graph, &query);
        assert!(response.errors.is_empty(), "{:?}", response.errors);
        b.iter(|| black_box(run(&runtime, &schema, graph, &query)));
    });
    if ran.get() {
        let (graph, _) = &*state;
        latencies(
            "postings/recommendPostings",
            500,
            Duration::from_secs(5),
            || {
                black_box(run(&runtime, &schema, graph, &query));
            },
        );
    }
    group.finish();
}

fn queries_1k(c: &mut Criterion) {
    queries_at(c, 1_000);
}

fn queries_10k(c: &mut Criterion) {
    queries_at(c, 10_000);
}

fn queries_100k(c: &mut Criterion) {
    queries_at(c, 100_000);
}

criterion_group!(
    benches,
    ingest,
    queries_1k,
    queries_10k,
    queries_100k,
    postings
);
criterion_main!(benches);
