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
//! found by binary search; the best of the run are taken from it in rank
//! order without reading the rest (see [`SuggestionIndex`]).
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
//! Ranking: a spelling the typed text is all of first (a name or label
//! before an alias), then the start of a node's name or label, then the
//! start of another spelling, then a word inside any of them; within each,
//! the node more edges touch (the jobs that require a skill, the postings
//! that ask for a tool, the skills a role lists), then the node id, so
//! that an answer never depends on the order things were indexed in. A
//! node is suggested once, with its best spelling.

use crate::graph::descriptions::{Script, script};
use crate::graph::node::NodeKind;
use crate::graph::normalize::key;
use crate::graph::{NodeRef, SkillGraph};
use best::LowestRank;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

mod best;

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

/// The word starts of the nodes of one kind, so that a `kinds` filter
/// picks shelves and never reads past a node it would drop.
#[derive(Debug, Default)]
struct Shelf {
    /// Sorted by the key's text from the word on.
    starts: Vec<WordStart>,
    /// Each start's place in the ranking of every start (see
    /// [`SuggestionIndex::ranks`]), by its place in `starts`.
    ranks: Vec<u32>,
    lowest: LowestRank,
}

/// The suggestion index of one graph, built when the graph is compiled.
///
/// A prefix's entries are one run of each shelf. Rather than read the
/// run, which for `k` or `クラ` holds thousands at 10,000 guides, the best
/// entries are taken from it in rank order, each from a segment tree in
/// O(log n): a suggestion costs the same for `k` as for `kubernetes`.
pub struct SuggestionIndex {
    /// Every spelling's key, one after another, so that entries are three
    /// numbers and not strings of their own.
    keys: String,
    spellings: Vec<Spelling>,
    /// One shelf per kind, in the order of [`NodeKind::ALL`].
    shelves: Vec<Shelf>,
}

impl std::fmt::Debug for SuggestionIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let starts: usize = self.shelves.iter().map(|shelf| shelf.starts.len()).sum();
        f.debug_struct("SuggestionIndex")
            .field("spellings", &self.spellings.len())
            .field("word_starts", &starts)
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
            shelves: Vec::new(),
        };
        let mut starts = Vec::new();
        for node in graph.nodes() {
            if !super::search::unused_concept(graph, node) {
                index.add_node(node, &mut starts);
            }
        }
        let ranks = index.ranks(graph, &starts);
        index.shelves = index.shelve(graph, starts, &ranks);
        index
    }

    fn add_node(&mut self, node: NodeRef<'_>, starts: &mut Vec<WordStart>) {
        let mut seen: Vec<String> = Vec::new();
        for (written, origin) in spellings_of(node) {
            let folded = key(written);
            if folded.is_empty() || seen.contains(&folded) {
                continue;
            }
            let spelling = self.spellings.len() as u32;
            let key_start = self.keys.len() as u32;
            let to = key_start + folded.len() as u32;
            starts.extend(word_starts(&folded).map(|at| WordStart {
                from: key_start + at as u32,
                to,
                spelling,
            }));
            self.keys.push_str(&folded);
            self.spellings.push(Spelling {
                node: node.index,
                written: written.into(),
                origin,
                key_start,
            });
            seen.push(folded);
        }
    }

    /// Each start's place in the answer order, by its place in `starts`:
    /// the start of a name before an alias's before a word's, then the
    /// node more edges touch, then the node id; of one node's starts, its
    /// own name before a label before an alias, the shorter spelling, the
    /// one indexed first, the earlier word. Every start's rank is its own,
    /// so an answer never depends on how the index was laid out.
    fn ranks(&self, graph: &SkillGraph, starts: &[WordStart]) -> Vec<u32> {
        let weight = edges_touching(graph);
        let rank_of = |start: &WordStart| {
            let spelling = &self.spellings[start.spelling as usize];
            (
                self.class(start),
                Reverse(weight[spelling.node.index()]),
                graph.graph[spelling.node].id.as_str(),
                spelling.origin,
                start.to - spelling.key_start,
                start.spelling,
                start.from,
            )
        };
        let mut order: Vec<u32> = (0..starts.len() as u32).collect();
        order.sort_by_cached_key(|&place| rank_of(&starts[place as usize]));
        let mut ranks = vec![0u32; starts.len()];
        for (rank, place) in order.into_iter().enumerate() {
            ranks[place as usize] = rank as u32;
        }
        ranks
    }

    /// The starts put on their kind's shelf, each shelf sorted by text.
    fn shelve(&self, graph: &SkillGraph, starts: Vec<WordStart>, ranks: &[u32]) -> Vec<Shelf> {
        let mut shelves: Vec<Vec<(WordStart, u32)>> = vec![Vec::new(); NodeKind::ALL.len()];
        for (start, &rank) in starts.into_iter().zip(ranks) {
            let kind = graph.graph[self.spellings[start.spelling as usize].node].kind();
            shelves[shelf_of(kind)].push((start, rank));
        }
        let keys = self.keys.as_str();
        shelves
            .into_iter()
            .map(|mut shelf| {
                shelf.sort_unstable_by(|(a, a_rank), (b, b_rank)| {
                    text_of(keys, a)
                        .cmp(text_of(keys, b))
                        .then(a_rank.cmp(b_rank))
                });
                let (starts, ranks): (Vec<WordStart>, Vec<u32>) = shelf.into_iter().unzip();
                let lowest = LowestRank::new(&ranks);
                Shelf {
                    starts,
                    ranks,
                    lowest,
                }
            })
            .collect()
    }

    /// Whether a start begins a spelling, and which kind of spelling;
    /// never [`PrefixMatch::Exact`], which depends on what was typed.
    fn class(&self, start: &WordStart) -> PrefixMatch {
        let spelling = &self.spellings[start.spelling as usize];
        if start.from != spelling.key_start {
            PrefixMatch::Word
        } else if spelling.origin == Origin::Alias {
            PrefixMatch::Alias
        } else {
            PrefixMatch::Name
        }
    }

    /// The best `limit` nodes one of whose spellings, or a word in one,
    /// begins with `prefix` once folded; only nodes of `kinds` when given
    /// (an empty list means any kind).
    ///
    /// Entries are taken in rank order from two queues' worth of ranges,
    /// one heap: first the entries that are a whole spelling equal to the
    /// prefix (they open each run, as the shortest text that begins with
    /// it), then every entry of the run. A node is kept the first time it
    /// comes, which is its best match.
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
        let runs = self.runs(&folded, kinds);
        let mut queue = Queue::default();
        for (run_index, run) in runs.iter().enumerate() {
            queue.push(Pass::Exact, run_index, run, run.start..run.exact_end);
            queue.push(Pass::Every, run_index, run, run.start..run.end);
        }
        let mut found = Vec::new();
        let mut seen: HashSet<NodeIndex> = HashSet::new();
        while let Some(Reverse(pick)) = queue.heap.pop() {
            let run = &runs[pick.run];
            let start = &run.shelf.starts[pick.place];
            let class = self.class(start);
            if pick.pass == Pass::Exact && class == PrefixMatch::Word {
                // Everything else in this range ranks after it: words too.
                continue;
            }
            queue.push(pick.pass, pick.run, run, pick.from..pick.place);
            queue.push(pick.pass, pick.run, run, pick.place + 1..pick.to);
            let whole = pick.place < run.exact_end && class != PrefixMatch::Word;
            if pick.pass == Pass::Every && whole {
                continue;
            }
            let spelling = &self.spellings[start.spelling as usize];
            if seen.insert(spelling.node) {
                found.push(Suggestion {
                    node: graph.handle(spelling.node),
                    matched: &spelling.written,
                    how: if whole { PrefixMatch::Exact } else { class },
                });
                if found.len() == limit {
                    break;
                }
            }
        }
        found
    }

    /// The run of each shelf of `kinds` whose entries begin with `folded`.
    fn runs(&self, folded: &str, kinds: Option<&[NodeKind]>) -> Vec<Run<'_>> {
        let keys = self.keys.as_str();
        self.shelves
            .iter()
            .zip(NodeKind::ALL)
            .filter(|(_, kind)| kinds.is_none_or(|kinds| kinds.is_empty() || kinds.contains(kind)))
            .filter_map(|(shelf, _)| {
                let start = shelf
                    .starts
                    .partition_point(|entry| text_of(keys, entry) < folded);
                let rest = &shelf.starts[start..];
                let end =
                    start + rest.partition_point(|entry| text_of(keys, entry).starts_with(folded));
                let exact_end =
                    start + rest.partition_point(|entry| text_of(keys, entry) == folded);
                (start < end).then_some(Run {
                    shelf,
                    start,
                    exact_end,
                    end,
                })
            })
            .collect()
    }
}

/// The entries of one shelf that begin with the typed text: `start..end`,
/// of which `start..exact_end` are all of it.
struct Run<'i> {
    shelf: &'i Shelf,
    start: usize,
    exact_end: usize,
    end: usize,
}

/// The two passes over a run: whole spellings first, then every entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pass {
    Exact,
    Every,
}

/// A range of a run and the place of its best entry; ordered by pass,
/// then rank (every entry's is its own), so the heap gives entries in
/// answer order.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Pick {
    pass: Pass,
    rank: u32,
    run: usize,
    place: usize,
    /// The range, `from..to`, that `place` is the best of.
    from: usize,
    to: usize,
}

/// The ranges still to take entries from, the best on top.
#[derive(Default)]
struct Queue {
    heap: BinaryHeap<Reverse<Pick>>,
}

impl Queue {
    fn push(&mut self, pass: Pass, run: usize, of: &Run<'_>, range: std::ops::Range<usize>) {
        let shelf = of.shelf;
        if let Some(place) = shelf.lowest.lowest(&shelf.ranks, range.start, range.end) {
            self.heap.push(Reverse(Pick {
                pass,
                rank: shelf.ranks[place],
                run,
                place,
                from: range.start,
                to: range.end,
            }));
        }
    }
}

/// The shelf of a kind: its place in [`NodeKind::ALL`].
fn shelf_of(kind: NodeKind) -> usize {
    NodeKind::ALL
        .iter()
        .position(|listed| *listed == kind)
        .unwrap_or_default()
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
