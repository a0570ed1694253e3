use super::*;
use crate::guide::{LoadOptions, load_dir};
use std::path::Path;
use std::sync::LazyLock;

static GRAPH: LazyLock<SkillGraph> = LazyLock::new(|| {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = load_dir(&seeds, &LoadOptions::default()).expect("the seeds load");
    SkillGraph::build(corpus)
});

fn suggest(prefix: &str, kinds: Option<&[NodeKind]>) -> Vec<Suggestion<'static>> {
    GRAPH
        .suggest(prefix, kinds, 20)
        .expect("the graph has a suggestion index")
}

/// Each suggestion as (id, the spelling matched, how).
fn answers(prefix: &str) -> Vec<(&'static str, &'static str, PrefixMatch)> {
    suggest(prefix, None)
        .into_iter()
        .map(|found| (found.node.id(), found.matched, found.how))
        .collect()
}

fn found<'a>(
    answers: &'a [(&'static str, &'static str, PrefixMatch)],
    id: &str,
) -> Option<&'a (&'static str, &'static str, PrefixMatch)> {
    answers.iter().find(|(found, _, _)| *found == id)
}

#[test]
fn a_prefix_of_a_name_suggests_its_node_with_its_name() {
    let answers = answers("kube");
    assert_eq!(
        answers.first(),
        Some(&("tool:kubernetes", "Kubernetes", PrefixMatch::Name))
    );
    assert!(found(&answers, "tool:kubectl").is_some(), "{answers:?}");
}

#[test]
fn a_prefix_of_a_word_inside_a_name_suggests_it_after_the_names_it_begins() {
    let answers = answers("infra");
    assert_eq!(
        found(&answers, "concept:cloud_infrastructure"),
        Some(&(
            "concept:cloud_infrastructure",
            "cloud infrastructure",
            PrefixMatch::Word
        ))
    );
    let first_word = answers
        .iter()
        .position(|(_, _, how)| *how == PrefixMatch::Word);
    let last_start = answers
        .iter()
        .rposition(|(_, _, how)| *how != PrefixMatch::Word);
    assert!(first_word > last_start, "{answers:?}");
}

#[test]
fn kanji_after_katakana_starts_a_word_and_kanji_after_kanji_does_not() {
    let answers = answers("監視");
    assert_eq!(
        found(&answers, "concept:cost_visibility"),
        Some(&("concept:cost_visibility", "コスト監視", PrefixMatch::Word))
    );
    assert_eq!(
        word_starts("インフラ監視").collect::<Vec<_>>(),
        [0, "インフラ".len()]
    );
    assert_eq!(word_starts("障害監視").collect::<Vec<_>>(), [0]);
    assert_eq!(word_starts("書き方").collect::<Vec<_>>(), [0]);
    assert_eq!(word_starts("aws認定").collect::<Vec<_>>(), [0, 3]);
    assert_eq!(
        word_starts("sre/運用チーム").collect::<Vec<_>>(),
        [0, 4, 4 + "運用".len()]
    );
    assert_eq!(
        word_starts("kube-scheduler (k8s)").collect::<Vec<_>>(),
        [0, 5, 16]
    );
}

#[test]
fn a_prefix_of_an_alias_suggests_its_node_with_the_alias() {
    let answers = answers("k8");
    assert_eq!(
        found(&answers, "tool:kubernetes"),
        Some(&("tool:kubernetes", "K8s", PrefixMatch::Alias))
    );
}

#[test]
fn a_prefix_of_an_english_label_suggests_a_node_named_in_japanese() {
    let answers = answers("obs");
    assert_eq!(
        found(&answers, "skill:オブザーバビリティ"),
        Some(&(
            "skill:オブザーバビリティ",
            "observability",
            PrefixMatch::Name
        ))
    );
    let answers = self::answers("オブザ");
    assert_eq!(
        found(&answers, "skill:オブザーバビリティ"),
        Some(&(
            "skill:オブザーバビリティ",
            "オブザーバビリティ",
            PrefixMatch::Name
        ))
    );
}

#[test]
fn full_width_and_capital_letters_are_folded_as_names_are() {
    let lower = answers("kube");
    assert!(!lower.is_empty());
    assert_eq!(answers("ＫＵＢＥ"), lower);
    assert_eq!(answers("KUBE"), lower);
    assert_eq!(answers("Ｋｕｂｅ"), lower);
}

#[test]
fn a_whole_name_comes_first_then_the_node_more_edges_touch_then_the_id() {
    let answers = answers("iac");
    assert_eq!(
        answers[..2],
        [
            ("concept:infrastructure_as_code", "IaC", PrefixMatch::Exact),
            ("skill:iac", "IaC", PrefixMatch::Exact),
        ]
    );
    let weight = edges_touching(&GRAPH);
    for prefix in [
        "k", "kube", "infra", "クラ", "監", "plat", "c", "s", "ア", "sre",
    ] {
        let found = suggest(prefix, None);
        let ranks: Vec<_> = found
            .iter()
            .map(|found| {
                let labels = found.node.node().labels();
                let named = [
                    Some(found.node.label()),
                    labels.en.as_deref(),
                    labels.ja.as_deref(),
                ]
                .contains(&Some(found.matched));
                let exact_alias = found.how == PrefixMatch::Exact && !named;
                let weight = weight[found.node.index.index()];
                (found.how, exact_alias, Reverse(weight), found.node.id())
            })
            .collect();
        assert!(ranks.is_sorted(), "{prefix}: {ranks:?}");
    }
}

/// The answer read off every entry that begins with the prefix, as a
/// scan would: each node's best entry by pass and rank, the best first.
fn scanned(
    prefix: &str,
    kinds: Option<&[NodeKind]>,
    limit: usize,
) -> Vec<(String, String, PrefixMatch)> {
    let index = GRAPH.suggestions.as_ref().expect("an index");
    let folded = key(prefix);
    let mut best: std::collections::HashMap<NodeIndex, ((bool, u32), &str, PrefixMatch)> =
        std::collections::HashMap::new();
    for (shelf, kind) in index.shelves.iter().zip(NodeKind::ALL) {
        if kinds.is_some_and(|kinds| !kinds.is_empty() && !kinds.contains(&kind)) {
            continue;
        }
        for (start, rank) in shelf.starts.iter().zip(&shelf.ranks) {
            let text = text_of(&index.keys, start);
            if !text.starts_with(&folded) {
                continue;
            }
            let class = index.class(start);
            let whole = text == folded && class != PrefixMatch::Word;
            let how = if whole { PrefixMatch::Exact } else { class };
            let spelling = &index.spellings[start.spelling as usize];
            let candidate = ((!whole, *rank), &*spelling.written, how);
            let kept = best.entry(spelling.node).or_insert(candidate);
            if candidate.0 < kept.0 {
                *kept = candidate;
            }
        }
    }
    let mut found: Vec<_> = best.into_iter().collect();
    found.sort_by_key(|(_, (order, _, _))| *order);
    found
        .into_iter()
        .take(limit)
        .map(|(node, (_, matched, how))| {
            (GRAPH.graph[node].id.to_string(), matched.to_owned(), how)
        })
        .collect()
}

#[test]
fn taking_the_best_from_the_tree_gives_what_reading_every_entry_gives() {
    let mut prefixes: Vec<String> = [
        "k",
        "ku",
        "監",
        "クラ",
        "a",
        "s",
        "c",
        "i",
        "ア",
        "イ",
        "iac",
        "sre",
        "kubernetes",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    // The first one and two characters of every name.
    for node in GRAPH.nodes().step_by(7) {
        let folded = key(node.label());
        prefixes.extend(folded.chars().take(1).map(String::from));
        prefixes.push(folded.chars().take(2).collect());
    }
    prefixes.sort();
    prefixes.dedup();
    let kinds: [Option<&[NodeKind]>; 3] = [
        None,
        Some(&[NodeKind::Tool, NodeKind::Skill]),
        Some(&[NodeKind::Job]),
    ];
    for prefix in &prefixes {
        for kinds in kinds {
            for limit in [1, 10, 100] {
                let taken: Vec<_> = GRAPH
                    .suggest(prefix, kinds, limit)
                    .expect("an index")
                    .into_iter()
                    .map(|found| {
                        (
                            found.node.id().to_owned(),
                            found.matched.to_owned(),
                            found.how,
                        )
                    })
                    .collect();
                assert_eq!(
                    taken,
                    scanned(prefix, kinds, limit),
                    "{prefix} {kinds:?} {limit}"
                );
            }
        }
    }
}

#[test]
fn a_node_is_suggested_once_with_its_best_spelling() {
    for prefix in ["k", "kube", "c", "s", "ク", "監", "イ", "p"] {
        let found = suggest(prefix, None);
        let mut ids: Vec<&str> = found.iter().map(|found| found.node.id()).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "{prefix}: a node twice");
    }
    // `Kubernetes` and its alias `K8s` both begin with `k`: the name is shown.
    let kubernetes = answers("k");
    assert_eq!(
        found(&kubernetes, "tool:kubernetes"),
        Some(&("tool:kubernetes", "Kubernetes", PrefixMatch::Name))
    );
}

#[test]
fn kinds_keep_only_nodes_of_those_kinds() {
    let tools = suggest("kube", Some(&[NodeKind::Tool]));
    assert!(tools.len() >= 2, "{tools:?}");
    assert!(
        tools
            .iter()
            .all(|found| found.node.kind() == NodeKind::Tool)
    );
    assert_eq!(
        suggest("kube", Some(&[])).len(),
        suggest("kube", None).len()
    );
    assert!(suggest("kube", Some(&[NodeKind::Posting])).is_empty());
}

#[test]
fn a_prefix_nothing_begins_suggests_nothing() {
    assert!(suggest("zzqxv", None).is_empty());
    assert!(suggest("kubez", None).is_empty());
    assert!(suggest(" ", None).is_empty());
    assert!(suggest(&"a".repeat(100), None).is_empty());
}

#[test]
fn the_limit_bounds_the_answer() {
    let many = GRAPH.suggest("c", None, 100).expect("an index");
    assert!(many.len() > 3);
    let three = GRAPH.suggest("c", None, 3).expect("an index");
    assert_eq!(three.len(), 3);
    let ids = |found: &[Suggestion<'_>]| -> Vec<String> {
        found
            .iter()
            .map(|found| found.node.id().to_owned())
            .collect()
    };
    assert_eq!(ids(&three), ids(&many[..3]));
    assert!(GRAPH.suggest("c", None, 0).expect("an index").is_empty());
}

#[test]
fn a_graph_compiled_without_search_has_no_suggestions() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = load_dir(&seeds, &LoadOptions::default()).expect("the seeds load");
    let graph = SkillGraph::compile(corpus, crate::graph::CompileOptions { search: false });
    assert!(graph.suggest("kube", None, 10).is_err());
}
