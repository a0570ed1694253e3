//! Names suggested while a person types: every node's names, found by
//! what they begin with, from the names alone.
//!
//! Full-text [`search`](super::search) reads names and prose and ranks by
//! BM25, which costs milliseconds on a common word; a suggestion box asks
//! on every keystroke and wants only names. So each compile also keeps
//! every spelling of every node (its name, its English and Japanese
//! labels, the alias file's and the guides' other spellings, a job's slug)
//! as a key folded the way [`normalize::key`] folds names for `resolve`
//! (NFKC, caseless, spaces and dashes unified), and one entry for each
//! place a word starts in a key, sorted by the key's text from there on.
//! The entries a typed text begins are one contiguous run of that array,
//! found by two binary searches; only that run is read.
//!
//! A word starts at the start of a key, after a separator (a space, `/`,
//! `-`, `_`, `(`, `[`, `・`, `,`, `、` or `:`), and where the script
//! changes between Latin letters or digits, katakana and kanji: Japanese
//! compounds a loanword in katakana with a word in kanji, or a Latin name
//! with either, without a space (`インフラ監視`, `AWS認定`, `Goエンジニア`),
//! so `監視` finds `インフラ監視`. Inside a run of kanji (`障害監視`) there
//! is no boundary to see without a dictionary, which this service does not
//! carry, and hiragana is mostly the ending of the word before it (`書き方`),
//! so neither starts a word.
//!
//! Ranking: a spelling the typed text is all of first, then the start of a
//! node's name or label, then the start of another spelling, then a word
//! inside any of them; within each, the node more edges touch (the jobs
//! that require a skill, the postings that ask for a tool, the skills a
//! role lists), then the node id, so that an answer never depends on the
//! order things were indexed in. A node is suggested once, with its best
//! spelling.

use crate::graph::descriptions::{Script, script};
use crate::graph::node::NodeKind;
use crate::graph::normalize::key;
use crate::graph::{NodeRef, SkillGraph};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::cmp::Reverse;
use std::collections::HashMap;

/// How the typed text met the spelling suggested, from the best to the
/// loosest; suggestions are ranked in this order first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PrefixMatch {
    /// The typed text is the whole spelling, once folded.
    Exact,
    /// The typed text begins the node's name or one of its labels.
    Name,
    /// The typed text begins another spelling of the node.
    Alias,
    /// The typed text begins a word inside one of the node's spellings.
    Word,
}

/// Where a spelling comes from, the node's own name first: when several
/// spellings of one node match alike, the first of these is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    Name,
    Label,
    Alias,
}

/// One suggestion: a node and the spelling of it that matched.
#[derive(Debug, Clone, Copy)]
pub struct Suggestion<'g> {
    pub node: NodeRef<'g>,
    /// The spelling that matched, as the corpus writes it.
    pub matched: &'g str,
    pub how: PrefixMatch,
}

/// One spelling of one node.
#[derive(Debug)]
struct Spelling {
    node: NodeIndex,
    /// As the corpus writes it, for the answer.
    written: Box<str>,
    origin: Origin,
    /// Where its key starts in [`SuggestionIndex::keys`].
    key_start: u32,
}

/// A place a word starts in a spelling's key: the entry's text runs from
/// `from` to the key's end, `to`.
#[derive(Debug, Clone, Copy)]
struct WordStart {
    from: u32,
    to: u32,
    spelling: u32,
}

/// The suggestion index of one graph, built when the graph is compiled.
pub struct SuggestionIndex {
    /// Every spelling's key, one after another, so that entries are three
    /// numbers and not strings of their own.
    keys: String,
    spellings: Vec<Spelling>,
    /// Every word start of every key, sorted by the key's text from there on.
    starts: Vec<WordStart>,
    /// How many edges touch each node, by node index.
    weight: Vec<u32>,
}

impl std::fmt::Debug for SuggestionIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SuggestionIndex")
            .field("spellings", &self.spellings.len())
            .field("word_starts", &self.starts.len())
            .finish()
    }
}

impl SuggestionIndex {
    /// Indexes every spelling of every node of `graph` but the glossary's
    /// unused terms, which search leaves out too.
    pub fn build(graph: &SkillGraph) -> Self {
        crate::graph::count_build();
        let mut index = SuggestionIndex {
            keys: String::new(),
            spellings: Vec::new(),
            starts: Vec::new(),
            weight: edges_touching(graph),
        };
        for node in graph.nodes() {
            if !super::search::unused_concept(graph, node) {
                index.add_node(node);
            }
        }
        let keys = index.keys.as_str();
        index
            .starts
            .sort_unstable_by(|a, b| text_of(keys, a).cmp(text_of(keys, b)));
        index
    }

    fn add_node(&mut self, node: NodeRef<'_>) {
        let mut seen: Vec<String> = Vec::new();
        for (written, origin) in spellings_of(node) {
            let folded = key(written);
            if folded.is_empty() || seen.contains(&folded) {
                continue;
            }
            self.add_spelling(node.index, written, origin, &folded);
            seen.push(folded);
        }
    }

    fn add_spelling(&mut self, node: NodeIndex, written: &str, origin: Origin, folded: &str) {
        let spelling = self.spellings.len() as u32;
        let key_start = self.keys.len() as u32;
        let to = key_start + folded.len() as u32;
        self.starts.extend(word_starts(folded).map(|at| WordStart {
            from: key_start + at as u32,
            to,
            spelling,
        }));
        self.keys.push_str(folded);
        self.spellings.push(Spelling {
            node,
            written: written.into(),
            origin,
            key_start,
        });
    }

    /// The best `limit` nodes one of whose spellings, or a word in one,
    /// begins with `prefix` once folded; only nodes of `kinds` when given
    /// (an empty list means any kind).
    pub fn suggest<'g>(
        &'g self,
        graph: &'g SkillGraph,
        prefix: &str,
        kinds: Option<&[NodeKind]>,
        limit: usize,
    ) -> Vec<Suggestion<'g>> {
        let folded = key(prefix);
        if folded.is_empty() || limit == 0 {
            return Vec::new();
        }
        let kinds = kinds.filter(|kinds| !kinds.is_empty());
        let mut best: HashMap<NodeIndex, Candidate> = HashMap::new();
        for start in self.run_beginning(&folded) {
            let spelling = &self.spellings[start.spelling as usize];
            if kinds.is_some_and(|kinds| !kinds.contains(&graph.graph[spelling.node].kind())) {
                continue;
            }
            let candidate = self.candidate(start, folded.len());
            best.entry(spelling.node)
                .and_modify(|kept| {
                    if self.spelling_order(&candidate) < self.spelling_order(kept) {
                        *kept = candidate;
                    }
                })
                .or_insert(candidate);
        }
        self.ranked(graph, best, limit)
    }

    /// The entries whose text begins with `folded`: one run of the sorted array.
    fn run_beginning(&self, folded: &str) -> &[WordStart] {
        let keys = self.keys.as_str();
        let first = self
            .starts
            .partition_point(|start| text_of(keys, start) < folded);
        let length =
            self.starts[first..].partition_point(|start| text_of(keys, start).starts_with(folded));
        &self.starts[first..first + length]
    }

    fn candidate(&self, start: &WordStart, typed: usize) -> Candidate {
        let spelling = &self.spellings[start.spelling as usize];
        let how = if start.from != spelling.key_start {
            PrefixMatch::Word
        } else if (start.to - start.from) as usize == typed {
            PrefixMatch::Exact
        } else if spelling.origin == Origin::Alias {
            PrefixMatch::Alias
        } else {
            PrefixMatch::Name
        };
        Candidate {
            how,
            spelling: start.spelling,
            key_length: start.to - spelling.key_start,
        }
    }

    /// Which of one node's matching spellings is shown: the best match,
    /// then its own name before a label before an alias, then the shorter,
    /// then the first indexed.
    fn spelling_order(&self, candidate: &Candidate) -> (PrefixMatch, Origin, u32, u32) {
        let spelling = &self.spellings[candidate.spelling as usize];
        (
            candidate.how,
            spelling.origin,
            candidate.key_length,
            candidate.spelling,
        )
    }

    /// The best `limit` of one candidate per node, in answer order.
    fn ranked<'g>(
        &'g self,
        graph: &'g SkillGraph,
        best: HashMap<NodeIndex, Candidate>,
        limit: usize,
    ) -> Vec<Suggestion<'g>> {
        let mut found: Vec<(NodeIndex, Candidate)> = best.into_iter().collect();
        let rank = |(node, candidate): &(NodeIndex, Candidate)| {
            (
                candidate.how,
                Reverse(self.weight[node.index()]),
                graph.graph[*node].id.as_str(),
            )
        };
        if found.len() > limit {
            found.select_nth_unstable_by(limit, |a, b| rank(a).cmp(&rank(b)));
            found.truncate(limit);
        }
        found.sort_unstable_by(|a, b| rank(a).cmp(&rank(b)));
        found
            .into_iter()
            .map(|(node, candidate)| Suggestion {
                node: graph.handle(node),
                matched: &self.spellings[candidate.spelling as usize].written,
                how: candidate.how,
            })
            .collect()
    }
}

/// One spelling of a node that the typed text matched.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    how: PrefixMatch,
    spelling: u32,
    /// The length of the spelling's key: of two alike, the shorter is shown.
    key_length: u32,
}

/// An entry's text: its key from the word it starts at.
fn text_of<'k>(keys: &'k str, start: &WordStart) -> &'k str {
    &keys[start.from as usize..start.to as usize]
}

/// Every spelling a node is suggested by, its own name first.
fn spellings_of(node: NodeRef<'_>) -> Vec<(&str, Origin)> {
    let data = node.node();
    let mut spellings = vec![(data.label(), Origin::Name)];
    let labels = match &data.data {
        crate::graph::NodeData::Job(job) => Some(&job.labels),
        crate::graph::NodeData::Skill(skill) => Some(&skill.labels),
        crate::graph::NodeData::Concept(concept) => Some(&concept.labels),
        _ => None,
    };
    if let Some(labels) = labels {
        for label in [&labels.en, &labels.ja].into_iter().flatten() {
            spellings.push((label, Origin::Label));
        }
    }
    spellings.extend(
        data.aliases()
            .iter()
            .map(|alias| (alias.as_str(), Origin::Alias)),
    );
    if let Some(job) = node.as_job() {
        spellings.push((&job.slug, Origin::Alias));
    }
    spellings
}

/// How many edges touch each node, by node index: how much a node
/// matters, read in one pass over the edges.
fn edges_touching(graph: &SkillGraph) -> Vec<u32> {
    let mut weight = vec![0u32; graph.graph.node_count()];
    for edge in graph.graph.edge_references() {
        weight[edge.source().index()] = weight[edge.source().index()].saturating_add(1);
        weight[edge.target().index()] = weight[edge.target().index()].saturating_add(1);
    }
    weight
}

/// The byte offsets in `folded` where a word starts (see the module's doc).
fn word_starts(folded: &str) -> impl Iterator<Item = usize> + '_ {
    let mut before: Option<char> = None;
    folded.char_indices().filter_map(move |(at, ch)| {
        let starts = !is_separator(ch)
            && before.is_none_or(|before| {
                is_separator(before) || script_changes(script(before), script(ch))
            });
        before = Some(ch);
        starts.then_some(at)
    })
}

fn is_separator(ch: char) -> bool {
    matches!(
        ch,
        ' ' | '/' | '-' | '_' | '(' | ')' | '[' | ']' | '・' | ',' | '、' | ':'
    )
}

/// A change between Latin letters or digits, katakana and kanji; no change
/// to or from hiragana or punctuation starts a word.
fn script_changes(before: Script, now: Script) -> bool {
    before != now && before != Script::Other && now != Script::Other
}

#[cfg(test)]
mod tests;
