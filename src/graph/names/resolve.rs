//! One resolver for every name a person or a posting writes: a surface
//! form to the skill, tool, job or concept it means, with how it matched
//! and how sure that is.
//!
//! The rules, from the surest to the loosest:
//!
//! 1. **exact**: the name a guide wrote, character for character;
//! 2. **alias**: a spelling the alias file maps to the node;
//! 3. **folded**: equal after NFKC, case, width and space folding (and
//!    `Name (ACR)` = `ACR`, as the build merges them);
//! 4. **vendor**: equal once vendor words are taken off (`Spark` =
//!    `Apache Spark`, `Amazon DynamoDB` = `DynamoDB`);
//! 5. **acronym**: an acronym and its expansion (`SLO` = `Service Level
//!    Objectives`);
//! 6. **fuzzy**: the nearest spellings by shared character pairs and edit
//!    distance (`Kubernates`), or a name that is a word of a longer one.
//!
//! The build merges tool spellings by the vendor rule too, so a name the
//! graph merged resolves the same way here, and `check` reports each merge
//! with the rule that made it.

pub use crate::graph::node::How;
use crate::graph::normalize::{self, Vendors};
use crate::graph::{Edge, Node, NodeData, NodeKind, NodeRef, SkillGraph};
use petgraph::graph::{Graph, NodeIndex};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Spellings seen for each node id while building, kept for review.
pub(in crate::graph) type Spellings =
    std::collections::BTreeMap<String, std::collections::BTreeSet<String>>;

/// The kinds of node names resolve to, in the order a tie prefers them:
/// a name that is both a skill and a concept (`オブザーバビリティ`) is the
/// skill.
pub const RESOLVED_KINDS: [NodeKind; 4] = [
    NodeKind::Skill,
    NodeKind::Tool,
    NodeKind::Job,
    NodeKind::Concept,
];

/// The shortest name the acronym and fuzzy rules guess for.
const GUESS_MIN_CHARS: usize = 3;

/// The most suggestions a resolution carries.
pub const MAX_SUGGESTIONS: usize = 5;
/// Fuzzy candidates re-scored by edit distance after the pair count.
const FUZZY_SHORTLIST: usize = 32;
/// The least fuzzy similarity worth suggesting.
const FUZZY_FLOOR: f64 = 0.5;

/// A node a name may mean.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'g> {
    pub node: NodeRef<'g>,
    pub how: How,
    /// 0 to 1: 1 for an exact match, less for looser rules.
    pub confidence: f64,
}

/// What one name resolved to.
#[derive(Debug, Clone)]
pub struct Resolution<'g> {
    /// The name as given.
    pub input: String,
    /// The node it means, when any candidate was found.
    pub best: Option<Candidate<'g>>,
    /// Other nodes it may mean, surest first ("did you mean").
    pub suggestions: Vec<Candidate<'g>>,
}

/// What the resolver needs besides the nodes.
#[derive(Debug, Default)]
pub(crate) struct ResolverData {
    pub vendors: Vendors,
    /// Keys of the spellings the alias file lists as variants, of any kind.
    pub file_variants: HashSet<String>,
    /// Keys of tool spellings the build merged by a vendor word.
    pub vendor_merged: BTreeSet<String>,
    /// Tool names that are everyday words too, as the alias file writes them.
    pub ordinary_words: Vec<String>,
}

/// The compiled tables of every spelling of every skill, tool and job.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    pub(crate) data: ResolverData,
    /// Each spelling as written, trimmed.
    exact: HashMap<String, Vec<NodeIndex>>,
    /// The key of each spelling.
    folded: HashMap<String, Vec<NodeIndex>>,
    /// The key of each spelling without its vendor words.
    cores: HashMap<String, Vec<NodeIndex>>,
    /// Initials of each Latin name of two words or more (`slo`).
    initials: HashMap<String, Vec<NodeIndex>>,
    /// Every spelling key with its node, for the fuzzy rule.
    spellings: Vec<(String, NodeIndex)>,
    /// Character pair → spellings holding it.
    pairs: HashMap<(char, char), Vec<u32>>,
    /// Latin word or CJK run → spellings holding it as a whole word.
    words: HashMap<String, Vec<u32>>,
}

impl Resolver {
    /// Indexes every spelling of the graph's skills, tools and jobs.
    pub(crate) fn new(graph: &Graph<Node, Edge>, written: &Spellings, data: ResolverData) -> Self {
        let mut resolver = Resolver {
            data,
            ..Resolver::default()
        };
        let mut seen: HashSet<(String, NodeIndex)> = HashSet::new();
        for index in graph.node_indices() {
            let node = &graph[index];
            if !RESOLVED_KINDS.contains(&node.kind()) {
                continue;
            }
            let as_written: Vec<&String> = written
                .get(node.id.as_str())
                .into_iter()
                .flatten()
                .collect();
            let exact_names = exact_names_of(node);
            for spelling in as_written.iter().copied().chain(&exact_names) {
                push_unique(
                    resolver
                        .exact
                        .entry(spelling.trim().to_owned())
                        .or_default(),
                    index,
                );
            }
            let known = spellings_of(node);
            for spelling in known.iter().chain(as_written) {
                let spelling = spelling.trim();
                if spelling.is_empty() {
                    continue;
                }
                let key = normalize::key(spelling);
                if seen.insert((key.clone(), index)) {
                    resolver.add_key(key, index);
                }
            }
        }
        resolver
    }

    fn add_key(&mut self, key: String, index: NodeIndex) {
        if let Some(found) = self.data.vendors.core(&key) {
            push_unique(self.cores.entry(found.core.to_owned()).or_default(), index);
        }
        for initials in initials_of(&key) {
            push_unique(self.initials.entry(initials).or_default(), index);
        }
        let id = self.spellings.len() as u32;
        for pair in pairs_of(&key) {
            let holders = self.pairs.entry(pair).or_default();
            if holders.last() != Some(&id) {
                holders.push(id);
            }
        }
        for word in words_of(&key) {
            let holders = self.words.entry(word.to_owned()).or_default();
            if holders.last() != Some(&id) {
                holders.push(id);
            }
        }
        push_unique(self.folded.entry(key.clone()).or_default(), index);
        self.spellings.push((key, index));
    }
}

impl SkillGraph {
    /// Resolves `name` to a node of one of `kinds` (skills, tools and jobs
    /// when empty) by the rules of this module, surest first.
    pub fn resolve<'g>(&'g self, name: &str, kinds: &[NodeKind]) -> Resolution<'g> {
        let kinds = if kinds.is_empty() {
            &RESOLVED_KINDS[..]
        } else {
            kinds
        };
        let mut found = Found::new(self, kinds);
        let resolver = &self.resolver;
        let written = name.trim();
        let key = normalize::key(written);
        found.extend(resolver.exact.get(written), How::Exact, 1.0);
        self.match_folded(written, &key, &mut found);
        if found.is_empty() {
            self.match_vendor(&key, &mut found);
        }
        // Two letters (`JS`) are too few to guess from: initials or a
        // near spelling would match any name holding them.
        let guessable = key.chars().count() >= GUESS_MIN_CHARS;
        if found.is_empty() && guessable {
            self.match_acronym(&key, &mut found);
        }
        if found.is_empty() && guessable {
            self.match_fuzzy(&key, &mut found);
        }
        found.into_resolution(written)
    }

    /// The rule by which the build made `spelling` a name of `node`: what
    /// `check` reports for each merged spelling.
    pub fn merge_rule(&self, spelling: &str, node: NodeRef<'_>) -> How {
        let data = &self.resolver.data;
        let key = normalize::key(spelling);
        if spelling == node.label() {
            How::Exact
        } else if data.vendor_merged.contains(&key) {
            How::Vendor
        } else if data.file_variants.contains(&key) {
            How::Alias
        } else if key != normalize::key(node.label()) && normalize::acronym(spelling).is_some() {
            How::Acronym
        } else {
            How::Folded
        }
    }

    /// Rules 2 and 3: the graph's own look-ups, which apply the alias file
    /// and the folding, told apart by where the key came from.
    fn match_folded<'g>(&'g self, written: &str, key: &str, found: &mut Found<'g>) {
        let data = &self.resolver.data;
        let how = if data.vendor_merged.contains(key) {
            How::Vendor
        } else if data.file_variants.contains(key) {
            How::Alias
        } else {
            How::Folded
        };
        for node in [self.skill(written), self.tool(written), self.job(written)]
            .into_iter()
            .flatten()
        {
            found.push(node.index, how, how.confidence());
        }
        found.extend(
            self.resolver.folded.get(key),
            How::Folded,
            How::Folded.confidence(),
        );
    }

    /// Rule 4: the name is another's core (`spark` of `apache spark`), or
    /// its own core is a name or another's core.
    fn match_vendor<'g>(&'g self, key: &str, found: &mut Found<'g>) {
        let resolver = &self.resolver;
        let confidence = How::Vendor.confidence();
        found.extend(resolver.cores.get(key), How::Vendor, confidence);
        if let Some(core) = resolver.data.vendors.core(key) {
            found.extend(resolver.folded.get(core.core), How::Vendor, confidence);
            found.extend(resolver.cores.get(core.core), How::Vendor, confidence);
        }
    }

    /// Rule 5: an acronym to the names it abbreviates, or a name of several
    /// words to the acronym spelled by its initials.
    fn match_acronym<'g>(&'g self, key: &str, found: &mut Found<'g>) {
        let resolver = &self.resolver;
        let confidence = How::Acronym.confidence();
        if is_acronym_like(key) {
            found.extend(resolver.initials.get(key), How::Acronym, confidence);
        }
        for initials in initials_of(key) {
            found.extend(resolver.folded.get(&initials), How::Acronym, confidence);
        }
    }

    /// Rule 6: spellings sharing most character pairs, re-scored by edit
    /// distance; and longer names holding the name as a whole word.
    fn match_fuzzy<'g>(&'g self, key: &str, found: &mut Found<'g>) {
        let resolver = &self.resolver;
        let query: Vec<(char, char)> = pairs_of(key).collect();
        let mut shared: HashMap<u32, u32> = HashMap::new();
        for pair in &query {
            for &id in resolver.pairs.get(pair).into_iter().flatten() {
                *shared.entry(id).or_default() += 1;
            }
        }
        let mut shortlist: Vec<(u32, f64)> = shared
            .into_iter()
            .map(|(id, count)| {
                let total = query.len() + pairs_of(&resolver.spellings[id as usize].0).count();
                (id, 2.0 * f64::from(count) / total.max(1) as f64)
            })
            .collect();
        shortlist.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        shortlist.truncate(FUZZY_SHORTLIST);
        for (id, dice) in shortlist {
            let (spelling, index) = &resolver.spellings[id as usize];
            let similarity = (dice + strsim::normalized_levenshtein(key, spelling)) / 2.0;
            if similarity >= FUZZY_FLOOR {
                found.push(*index, How::Fuzzy, How::Fuzzy.confidence() * similarity);
            }
        }
        // A name that is a whole word of longer ones (`SLO` in `SLO/SLA設計`):
        // the shorter the longer name, the likelier it is what was meant.
        if let Some(holders) = resolver.words.get(key) {
            let length = key.chars().count() as f64;
            for &id in holders {
                let (spelling, index) = &resolver.spellings[id as usize];
                let share = length / spelling.chars().count().max(1) as f64;
                found.push(
                    *index,
                    How::Fuzzy,
                    How::Fuzzy.confidence() * (0.5 + 0.3 * share),
                );
            }
        }
    }
}

/// Candidates gathered for one name, the best per node.
struct Found<'g> {
    graph: &'g SkillGraph,
    kinds: Vec<NodeKind>,
    best: HashMap<NodeIndex, (How, f64)>,
}

impl<'g> Found<'g> {
    fn new(graph: &'g SkillGraph, kinds: &[NodeKind]) -> Self {
        Self {
            graph,
            kinds: kinds.to_vec(),
            best: HashMap::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.best.is_empty()
    }

    fn push(&mut self, index: NodeIndex, how: How, confidence: f64) {
        if !self.kinds.contains(&self.graph.graph[index].kind()) {
            return;
        }
        let slot = self.best.entry(index).or_insert((how, confidence));
        if confidence > slot.1 {
            *slot = (how, confidence);
        }
    }

    fn extend(&mut self, indexes: Option<&Vec<NodeIndex>>, how: How, confidence: f64) {
        for &index in indexes.into_iter().flatten() {
            self.push(index, how, confidence);
        }
    }

    /// Surest first; among equals, skills before tools before jobs (a name
    /// that is both, like `Git`, is first the skill), then by id.
    fn into_resolution(self, input: &str) -> Resolution<'g> {
        let graph = self.graph;
        let mut candidates: Vec<Candidate<'g>> = self
            .best
            .into_iter()
            .map(|(index, (how, confidence))| Candidate {
                node: graph.handle(index),
                how,
                confidence,
            })
            .collect();
        let rank = |kind: NodeKind| RESOLVED_KINDS.iter().position(|k| *k == kind);
        candidates.sort_by(|a, b| {
            b.confidence
                .total_cmp(&a.confidence)
                .then_with(|| rank(a.node.kind()).cmp(&rank(b.node.kind())))
                .then_with(|| a.node.id().cmp(b.node.id()))
        });
        candidates.truncate(MAX_SUGGESTIONS + 1);
        let mut candidates = candidates.into_iter();
        Resolution {
            input: input.to_owned(),
            best: candidates.next(),
            suggestions: candidates.collect(),
        }
    }
}

/// The names a node is shown by, which match exactly: its label, and a
/// job's slug and title.
fn exact_names_of(node: &Node) -> Vec<String> {
    let mut names = vec![node.label().to_owned()];
    if let NodeData::Job(job) = &node.data {
        names.push(job.slug.clone());
        names.push(job.title.clone());
    }
    names
}

/// Every name a node is known by: the exact ones, its other spellings
/// (the alias file's among them) and a job's slug written with spaces.
fn spellings_of(node: &Node) -> Vec<String> {
    let mut names = exact_names_of(node);
    names.extend(node.aliases().iter().cloned());
    if let NodeData::Job(job) = &node.data {
        names.push(job.slug.replace('_', " "));
    }
    names
}

fn push_unique(list: &mut Vec<NodeIndex>, index: NodeIndex) {
    if !list.contains(&index) {
        list.push(index);
    }
}

/// Adjacent character pairs of a key, with its ends marked so that short
/// names still have pairs (`go` → `^g`, `go`, `o$`).
fn pairs_of(key: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let chars = std::iter::once('^')
        .chain(key.chars().filter(|c| !c.is_whitespace()))
        .chain(std::iter::once('$'));
    chars.clone().zip(chars.skip(1))
}

/// Latin words and runs of other letters in a key: `slo/sla設計` →
/// `slo`, `sla`, `設計`.
fn words_of(key: &str) -> impl Iterator<Item = &str> {
    let mut words = Vec::new();
    let mut start = None;
    let mut latin = false;
    for (at, ch) in key.char_indices() {
        let is_word = ch.is_alphanumeric();
        let is_latin = ch.is_ascii_alphanumeric();
        match start {
            Some(begin) if !is_word || is_latin != latin => {
                words.push(&key[begin..at]);
                start = is_word.then_some(at);
            }
            None if is_word => start = Some(at),
            _ => {}
        }
        latin = is_latin;
    }
    if let Some(begin) = start {
        words.push(&key[begin..]);
    }
    words.into_iter()
}

/// Words too small to count in an acronym (`Infrastructure as Code` is
/// `IaC` or `IC`).
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "for", "in", "of", "on", "the", "to", "with",
];

/// The acronyms a Latin name of two or more words may be written as: the
/// initials of every word, and of the words that are not small.
fn initials_of(key: &str) -> Vec<String> {
    let words: Vec<&str> = key.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.len() < 2
        || !words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return Vec::new();
    }
    let all: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let large: String = words
        .iter()
        .filter(|w| !SMALL_WORDS.contains(w))
        .filter_map(|w| w.chars().next())
        .collect();
    let mut out = vec![all];
    if large.chars().count() >= 2 && !out.contains(&large) {
        out.push(large);
    }
    out
}

/// A key that may be an acronym: 2 to 8 Latin letters or digits, one word.
fn is_acronym_like(key: &str) -> bool {
    (2..=8).contains(&key.len()) && key.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::{DataFiles, SourceFile, load_sources};

    const ALIASES: &str = r#"{
      "tools": { "Kubernetes": ["K8s"] },
      "skills": { "オブザーバビリティ": ["Observability"] },
      "vendors": { "prefixes": ["Apache", "Amazon", "AWS", "Azure", "Grafana"], "suffixes": ["言語"] }
    }"#;

    fn guide(slug: &str, title: &str, skills: &[&str], tools: &str) -> SourceFile {
        let rows: String = skills
            .iter()
            .map(|skill| format!("| {skill} | used daily |\n"))
            .collect();
        let text = format!(
            "---json\n{{\"slug\": \"{slug}\", \"title\": \"{title}\"}}\n---\n# {title}\n\n\
             ## Skills and Tools\n\n### Technical skills\n\n| Skill | Description |\n| --- | --- |\n{rows}\n\
             ### Tools\n\n| Tools | Category |\n| --- | --- |\n| {tools} | Platform |\n"
        );
        SourceFile {
            path: format!("{slug}.md").into(),
            bytes: text.into_bytes(),
        }
    }

    fn graph() -> SkillGraph {
        let files = vec![
            guide(
                "data_engineer",
                "Data Engineer",
                &[
                    "Service Level Objectives",
                    "SLO/SLA設計",
                    "オブザーバビリティ",
                ],
                "Apache Spark, Amazon DynamoDB, Grafana Loki, AWS Lambda, Kubernetes",
            ),
            guide(
                "site_reliability_engineer",
                "Site Reliability Engineer",
                &["Linux"],
                "DynamoDB, Loki, Azure Lambda, Go言語, Prometheus",
            ),
        ];
        let aliases = SourceFile {
            path: "aliases.json".into(),
            bytes: ALIASES.as_bytes().to_vec(),
        };
        let corpus = load_sources(files, &DataFiles::aliases(aliases));
        assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
        SkillGraph::compile(corpus, crate::graph::CompileOptions { search: false })
    }

    fn resolved(graph: &SkillGraph, name: &str) -> Option<(String, How)> {
        graph
            .resolve(name, &[])
            .best
            .map(|found| (found.node.label().to_owned(), found.how))
    }

    #[test]
    fn each_rule_names_how_it_matched() {
        let graph = graph();
        let cases = [
            ("Kubernetes", "Kubernetes", How::Exact),
            ("K8s", "Kubernetes", How::Alias),
            ("Observability", "オブザーバビリティ", How::Alias),
            ("ＫＵＢＥＲＮＥＴＥＳ", "Kubernetes", How::Folded),
            ("Spark", "Apache Spark", How::Vendor),
            ("SLO", "Service Level Objectives", How::Acronym),
            ("Kubernates", "Kubernetes", How::Fuzzy),
            ("SRE", "Site Reliability Engineer", How::Acronym),
        ];
        for (input, label, how) in cases {
            assert_eq!(
                resolved(&graph, input),
                Some((label.to_owned(), how)),
                "{input}"
            );
        }
        assert_eq!(resolved(&graph, "COBOL"), None);
    }

    #[test]
    fn the_build_merges_a_vendor_spelling_into_its_bare_name_once_written() {
        let graph = graph();
        let dynamo = graph.tool("Amazon DynamoDB").expect("DynamoDB");
        assert_eq!(graph.tool("DynamoDB"), Some(dynamo));
        assert_eq!(dynamo.label(), "DynamoDB");
        assert_eq!(graph.tool("Grafana Loki"), graph.tool("Loki"));
        // No guide writes `Go` alone, so `Go言語` stays as written, and `Go`
        // finds it by the suffix.
        assert_eq!(
            resolved(&graph, "Go"),
            Some(("Go言語".to_owned(), How::Vendor))
        );
        // As a guide wrote it, it is exact; another vendor word finds it too.
        assert_eq!(
            resolved(&graph, "Amazon DynamoDB").map(|(_, how)| how),
            Some(How::Exact)
        );
        assert_eq!(
            resolved(&graph, "AWS DynamoDB"),
            Some(("DynamoDB".to_owned(), How::Vendor))
        );
        // Two vendors of one bare name are two tools; the bare name is neither.
        assert_ne!(graph.tool("AWS Lambda"), graph.tool("Azure Lambda"));
        let lambda = graph.resolve("Lambda", &[]);
        assert_eq!(lambda.best.map(|found| found.how), Some(How::Vendor));
        assert_eq!(lambda.suggestions.len(), 1, "the other vendor is suggested");
    }

    #[test]
    fn confidences_fall_with_looser_rules_and_suggestions_follow() {
        let graph = graph();
        let exact = graph.resolve("Kubernetes", &[]).best.expect("exact");
        let fuzzy = graph.resolve("Kubernates", &[]).best.expect("fuzzy");
        assert_eq!(exact.confidence, 1.0);
        assert!(fuzzy.confidence < How::Acronym.confidence() && fuzzy.confidence > 0.4);
        let word = graph.resolve("SLA", &[]);
        assert_eq!(
            word.best.map(|found| found.node.label()),
            Some("SLO/SLA設計")
        );
        let only_tools = graph.resolve("Linux", &[NodeKind::Tool]);
        assert!(
            only_tools
                .best
                .is_none_or(|found| found.node.kind() == NodeKind::Tool)
        );
    }

    #[test]
    fn initials_skip_small_words_as_a_second_reading() {
        assert_eq!(initials_of("infrastructure as code"), vec!["iac", "ic"]);
        assert_eq!(initials_of("service level objectives"), vec!["slo"]);
        assert!(initials_of("kubernetes").is_empty());
        assert!(initials_of("コスト 最適化").is_empty());
    }

    #[test]
    fn words_split_latin_from_other_scripts() {
        assert_eq!(
            words_of("slo/sla設計").collect::<Vec<_>>(),
            vec!["slo", "sla", "設計"]
        );
        assert_eq!(
            words_of("github actions").collect::<Vec<_>>(),
            vec!["github", "actions"]
        );
    }

    #[test]
    fn a_name_of_a_kind_is_read_by_every_rule_but_a_guess() {
        let graph = graph();
        assert!(graph.tool("Spark").is_none(), "no listed spelling");
        let spark = graph
            .named("Spark", NodeKind::Tool)
            .expect("read by its vendor word");
        assert_eq!(spark.label(), "Apache Spark");
        assert_eq!(
            graph
                .named("K8s", NodeKind::Tool)
                .map(|node| node.label().to_owned()),
            Some("Kubernetes".to_owned())
        );
        assert!(
            graph
                .resolve("Kubernates", &[NodeKind::Tool])
                .best
                .is_some()
        );
        assert!(
            graph.named("Kubernates", NodeKind::Tool).is_none(),
            "a guess is no answer"
        );
        assert!(
            graph.named("Spark", NodeKind::Skill).is_none(),
            "held to its kind"
        );
    }
}
