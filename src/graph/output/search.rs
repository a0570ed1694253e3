//! Full-text search over node labels and the guides' text.
//!
//! Every node is one document of an in-memory tantivy index: its id, its
//! kind, its names (label and aliases, boosted) and the guide prose that
//! belongs to it, as [`prose`](crate::graph::prose) decides (a job's duties and
//! interview questions, a skill's descriptions in every guide that lists
//! it, a stage's responsibilities …). The index is built once, when the
//! graph is compiled, with documents made on every core.
//!
//! The guides are mostly Japanese, which has no spaces between words and for
//! which we want no dictionary, so text is cut into overlapping 2- and
//! 3-character grams after Unicode NFKC (full-width `ＫＵＢＥＲＮＥＴＥＳ` and
//! half-width `ｶﾞ` meet their usual forms) and lowercasing. A query word
//! matches a field when every one of its longest grams (3, or 2 for a
//! two-character word) is in the field: close to "contains the word", with
//! BM25 ranking. All words of a query must match (conjunction).
//!
//! Three rules on top of BM25:
//! - a node whose label or alias equals the whole query (NFKC,
//!   case-insensitive) always ranks above one that merely mentions it;
//! - a one-character word has no gram, so it matches nodes whose label or
//!   alias contains it (each name's characters are indexed, not the
//!   prose's: a single kana or letter is in nearly every paragraph);
//! - queries are built term by term, never parsed, so tantivy's syntax
//!   characters (`"(:*+-^`) are ordinary text; punctuation at the edges of a
//!   word is dropped (`"terraform"` → `terraform`), inside it is kept (`CI/CD`).

use crate::graph::node::NodeKind;
use crate::graph::prose::{node_names, node_text, normalize};
use crate::graph::{NodeRef, SkillGraph};
use crate::guide::text::plainly_uncased;
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::fmt;
use tantivy::collector::TopDocs;
use tantivy::query::{
    Bm25Weight, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery, TermSetQuery,
};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::snippet::{Snippet, SnippetGenerator};
use tantivy::tokenizer::{NgramTokenizer, TextAnalyzer, Tokenizer};
use tantivy::{
    DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, SegmentReader,
    TantivyDocument, Term,
};

/// The name the gram analyzer is registered under.
const TOKENIZER: &str = "skillgraph_grams";
const MIN_GRAM: usize = 2;
const MAX_GRAM: usize = 3;
/// How much more a gram in a name counts than one in the prose.
const LABEL_BOOST: f32 = 3.0;
/// Added to the score of a node named exactly as the query; results are
/// also sorted exact-first, so this only keeps the reported scores honest.
const EXACT_BONUS: f32 = 1000.0;
/// Score of a one-character word found in a name.
const SUBSTRING_SCORE: f32 = 1.0;
/// Longest snippet, in characters, ellipses included.
const SNIPPET_CHARS: usize = 120;
/// Characters kept before the first match when a snippet is cut.
const SNIPPET_LEAD: usize = 30;
/// Memory for each indexing thread before it writes a segment; tantivy
/// wants at least 15 MB. Larger budgets mean fewer segments to merge.
const WRITER_MEMORY_PER_THREAD: usize = 48_000_000;
/// More indexing threads than this only add segments.
const MAX_WRITER_THREADS: usize = 4;

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The node's id.
    pub id: String,
    pub score: f32,
    /// A short excerpt around the match.
    pub snippet: String,
}

/// The search index of one graph, built when the graph is compiled.
pub struct SearchIndex {
    /// `None` when tantivy refused to build the index (it has no reason to,
    /// in memory); every search then finds nothing and the error was logged.
    inner: Option<Inner>,
}

struct Inner {
    /// Kept so the searcher's segments stay readable.
    _reader: IndexReader,
    searcher: Searcher,
    fields: Fields,
    /// Node ids by each of their keyed names, for exact matches.
    exact: HashMap<String, Vec<String>>,
}

#[derive(Clone, Copy)]
struct Fields {
    kind: Field,
    label: Field,
    text: Field,
    name_key: Field,
    /// Each character of the keyed names, once.
    name_char: Field,
    /// The node's position in the graph, to break ties in score the same
    /// way however the documents were spread over segments.
    order: Field,
}

/// The name of [`Fields::order`], which fast-field readers look up.
const ORDER_FIELD: &str = "order";

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let documents = self
            .inner
            .as_ref()
            .map_or(0, |inner| inner.searcher.num_docs());
        f.debug_struct("SearchIndex")
            .field("documents", &documents)
            .finish()
    }
}

impl SearchIndex {
    /// Indexes every node of `graph`.
    pub fn build(graph: &SkillGraph) -> Self {
        crate::graph::count_build();
        match Inner::build(graph) {
            Ok(inner) => SearchIndex { inner: Some(inner) },
            Err(error) => {
                tracing::error!(%error, "could not build the search index");
                SearchIndex { inner: None }
            }
        }
    }

    /// The best `limit` hits for `query`, optionally only of `kinds` (an
    /// empty list means any kind). Never fails: a query that cannot match
    /// gives no hits.
    pub fn search(
        &self,
        graph: &SkillGraph,
        query: &str,
        kinds: Option<&[NodeKind]>,
        limit: usize,
    ) -> Vec<SearchHit> {
        let Some(inner) = &self.inner else {
            return Vec::new();
        };
        match inner.search(graph, query, kinds, limit, Passes::NamesFirst) {
            Ok(hits) => hits,
            Err(error) => {
                tracing::warn!(%error, query, "search failed");
                Vec::new()
            }
        }
    }
}

impl Inner {
    fn build(graph: &SkillGraph) -> tantivy::Result<Self> {
        let grams = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let mut schema = Schema::builder();
        let fields = Fields {
            kind: schema.add_text_field("kind", STRING),
            label: schema.add_text_field("label", grams.clone()),
            text: schema.add_text_field("text", grams),
            name_key: schema.add_text_field("name_key", STRING),
            name_char: schema.add_text_field("name_char", STRING),
            order: schema.add_u64_field(ORDER_FIELD, FAST),
        };
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(TOKENIZER, analyzer()?);

        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, MAX_WRITER_THREADS);
        let mut writer: IndexWriter =
            index.writer_with_num_threads(threads, threads * WRITER_MEMORY_PER_THREAD)?;
        // The documents are made on every core, in chunks so that only a
        // chunk of them is ever held at once; tantivy's threads index them.
        // A glossary term no guide uses and no skill expresses is a name
        // a text may write, found by `resolve` and `concept(name:)`; as a
        // search hit it would only crowd out what the corpus holds, and
        // the glossary has thousands.
        let nodes: Vec<NodeRef<'_>> = graph
            .nodes()
            .filter(|node| !unused_concept(graph, *node))
            .collect();
        let mut exact: HashMap<String, Vec<String>> = HashMap::new();
        for chunk in nodes.chunks(DOCUMENTS_PER_CHUNK) {
            let documents: Vec<(TantivyDocument, Vec<String>)> = chunk
                .par_iter()
                .map(|node| document(*node, fields))
                .collect();
            for (node, (document, keys)) in chunk.iter().zip(documents) {
                for key in &keys {
                    exact
                        .entry(key.clone())
                        .or_default()
                        .push(node.id().to_owned());
                }
                writer.add_document(document)?;
            }
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        Ok(Inner {
            _reader: reader,
            searcher,
            fields,
            exact,
        })
    }

    fn search(
        &self,
        graph: &SkillGraph,
        query: &str,
        kinds: Option<&[NodeKind]>,
        limit: usize,
        passes: Passes,
    ) -> tantivy::Result<Vec<SearchHit>> {
        let whole = key(query);
        if whole.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let words = self.words(&whole)?;
        let exact = self.named_exactly(&whole);
        let wanted = limit + exact.len();
        let found_by_name = match passes {
            Passes::NamesFirst => {
                self.names_enough(graph, &words, kinds, &whole, &exact, wanted)?
            }
            Passes::AllAtOnce => None,
        };
        let top = match found_by_name {
            Some(top) => top,
            None => self.top(&self.query(&words, kinds, &whole, Pass::All), wanted)?,
        };
        let text_terms: Vec<Term> = words
            .iter()
            .flat_map(|word| word.grams.iter())
            .map(|gram| Term::from_field_text(self.fields.text, gram))
            .collect();
        let fields = self.fields;
        let mut text_snippets = SnippetGenerator::create(
            &self.searcher,
            &BooleanQuery::new_multiterms_query(text_terms),
            fields.text,
        )?;
        text_snippets.set_max_num_chars(SNIPPET_CHARS * 3);

        let mut hits = Vec::with_capacity(top.len());
        // Nothing but ids is stored in the index: the prose is the graph's,
        // and each hit's node is found by its position.
        for ((score, Reverse(position)), _) in top {
            let Some(node) = usize::try_from(position)
                .ok()
                .filter(|at| *at < graph.node_count())
                .map(|at| graph.handle(NodeIndex::new(at)))
            else {
                continue;
            };
            let prose = node_text(node);
            let paragraphs: Vec<&str> = prose.iter().map(String::as_str).collect();
            // The snippet comes from the paragraph naming most of the query's
            // words: highlighting one paragraph rather than all of a node's
            // prose was most of a search's time. Only when no paragraph
            // holds a word whole (its grams are spread out) is all of it read.
            let text = match best_paragraph(&paragraphs, &whole) {
                Some(paragraph) => paragraph.to_owned(),
                None => paragraphs.join(" "),
            };
            let in_text = text_snippets.snippet(&text);
            // When the prose does not hold the match, a name does: show the label.
            let snippet = if !in_text.is_empty() {
                excerpt(&text, &in_text)
            } else {
                shorten(node.label())
            };
            hits.push(SearchHit {
                id: node.id().to_owned(),
                score,
                snippet,
            });
        }
        // Stable: among exact matches, and among the rest, BM25 order stands.
        hits.sort_by_key(|hit| !exact.contains(hit.id.as_str()));
        hits.truncate(limit);
        Ok(hits)
    }
}

/// One word of a query, as it is looked for.
struct Word {
    /// Shorter than a gram: found as a character of a name.
    short: Option<String>,
    /// Its longest grams, all of which a field must hold.
    grams: Vec<String>,
}

/// Which documents a query may find.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Only nodes whose names hold every word; each still scores its prose.
    NamesOnly,
    /// Any node whose name or prose holds each word.
    All,
}

/// How a search runs: names first, or (to check that this changes no
/// answer) everything at once.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Passes {
    NamesFirst,
    #[cfg_attr(not(test), allow(dead_code))]
    AllAtOnce,
}

/// A hit as the collector ranks it: the score, then the node made first.
type Ranked = ((Score, Reverse<u64>), tantivy::DocAddress);

impl Inner {
    /// The ids of the nodes named exactly `whole` (a keyed query).
    fn named_exactly(&self, whole: &str) -> HashSet<&str> {
        self.exact
            .get(whole)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }

    /// The words of the keyed query `whole`, each with its grams.
    fn words(&self, whole: &str) -> tantivy::Result<Vec<Word>> {
        let mut analyzer = self
            .searcher
            .index()
            .tokenizer_for_field(self.fields.text)?;
        Ok(whole
            .split(' ')
            .map(|word| {
                if word.chars().count() < MIN_GRAM {
                    Word {
                        short: Some(word.to_owned()),
                        grams: Vec::new(),
                    }
                } else {
                    Word {
                        short: None,
                        grams: longest_grams(&mut analyzer, word),
                    }
                }
            })
            .collect())
    }

    /// The query of `words`: each word must be found, in a name (which
    /// counts [`LABEL_BOOST`] times) or, in [`Pass::All`], in the prose;
    /// a node named exactly `whole` gets [`EXACT_BONUS`]. A node found by
    /// both passes gets the same score from each.
    fn query(
        &self,
        words: &[Word],
        kinds: Option<&[NodeKind]>,
        whole: &str,
        pass: Pass,
    ) -> BooleanQuery {
        let fields = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for word in words {
            if let Some(short) = &word.short {
                let in_a_name = TermQuery::new(
                    Term::from_field_text(fields.name_char, short),
                    IndexRecordOption::Basic,
                );
                let names = ConstScoreQuery::new(Box::new(in_a_name), SUBSTRING_SCORE);
                clauses.push((Occur::Must, Box::new(names)));
                continue;
            }
            let in_label =
                BoostQuery::new(Box::new(all_of(fields.label, &word.grams)), LABEL_BOOST);
            let in_text = all_of(fields.text, &word.grams);
            match pass {
                // Name, then prose, summed in that order by both passes,
                // so that a node's score is the same to the last bit.
                Pass::NamesOnly => {
                    let name_then_prose = BooleanQuery::new(vec![
                        (Occur::Must, Box::new(in_label) as Box<dyn Query>),
                        (Occur::Should, Box::new(in_text)),
                    ]);
                    clauses.push((Occur::Must, Box::new(name_then_prose)));
                }
                Pass::All => {
                    let either = BooleanQuery::union(vec![Box::new(in_label), Box::new(in_text)]);
                    clauses.push((Occur::Must, Box::new(either)));
                }
            }
        }
        if let Some(kinds) = kinds.filter(|kinds| !kinds.is_empty()) {
            let kinds = kinds
                .iter()
                .map(|kind| Term::from_field_text(fields.kind, &kind.to_string()));
            let filter = ConstScoreQuery::new(Box::new(TermSetQuery::new(kinds)), 0.0);
            clauses.push((Occur::Must, Box::new(filter)));
        }
        let named = TermQuery::new(
            Term::from_field_text(fields.name_key, whole),
            IndexRecordOption::Basic,
        );
        clauses.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(Box::new(named), EXACT_BONUS)),
        ));
        BooleanQuery::new(clauses)
    }

    /// Names first: a common word is in the prose of thousands of nodes
    /// but the names of few, and a name match outscores prose alone. The
    /// best `wanted` nodes whose names hold every word are the answer when
    /// there are that many, the nodes named exactly as asked are among
    /// them (a name spelled differently may escape the grams), and the
    /// last of them scores above anything prose alone could reach; `None`
    /// when the whole index must be asked.
    fn names_enough(
        &self,
        graph: &SkillGraph,
        words: &[Word],
        kinds: Option<&[NodeKind]>,
        whole: &str,
        exact: &HashSet<&str>,
        wanted: usize,
    ) -> tantivy::Result<Option<Vec<Ranked>>> {
        let named = self.top(&self.query(words, kinds, whole, Pass::NamesOnly), wanted)?;
        if named.len() < wanted {
            return Ok(None);
        }
        let positions: HashSet<u64> = named
            .iter()
            .map(|((_, Reverse(position)), _)| *position)
            .collect();
        let exact_found = exact.iter().all(|id| {
            graph
                .node(id)
                .is_some_and(|node| positions.contains(&(node.index.index() as u64)))
        });
        let above_prose = named
            .last()
            .is_some_and(|((score, _), _)| *score > self.bound_without_names(words));
        Ok((exact_found && above_prose).then_some(named))
    }

    /// The best `wanted` hits of `query`: best score first, and among equal
    /// scores the node made first.
    fn top(&self, query: &BooleanQuery, wanted: usize) -> tantivy::Result<Vec<Ranked>> {
        let by_score_then_order =
            TopDocs::with_limit(wanted).tweak_score(|segment: &SegmentReader| {
                let order = segment
                    .fast_fields()
                    .u64(ORDER_FIELD)
                    .map(|column| column.first_or_default_col(u64::MAX));
                move |doc: DocId, score: Score| {
                    let position = order
                        .as_ref()
                        .map_or(u64::MAX, |column| column.get_val(doc));
                    (score, Reverse(position))
                }
            });
        self.searcher.search(query, &by_score_then_order)
    }

    /// The highest score a node that [`Pass::NamesOnly`] does not find
    /// could reach: some long word of it is then in its prose alone, so
    /// that word counts its prose's best at most, and every other word its
    /// name's and its prose's best (BM25 is bounded by `idf × (1 + k1)`).
    /// A short word is looked for in names by both passes, so it counts
    /// fully; an exact name is checked for apart.
    fn bound_without_names(&self, words: &[Word]) -> Score {
        let best = |field: Field, grams: &[String]| -> Score {
            grams
                .iter()
                .map(|gram| {
                    Bm25Weight::for_terms(&self.searcher, &[Term::from_field_text(field, gram)])
                        .map_or(Score::INFINITY, |weight| weight.max_score())
                })
                .sum()
        };
        let long: Vec<(Score, Score)> = words
            .iter()
            .filter(|word| word.short.is_none())
            .map(|word| {
                let label = LABEL_BOOST * best(self.fields.label, &word.grams);
                (label, best(self.fields.text, &word.grams))
            })
            .collect();
        if long.is_empty() {
            // Every word is short: only names can hold them.
            return Score::NEG_INFINITY;
        }
        let short = words.iter().filter(|word| word.short.is_some()).count() as Score;
        let everything: Score = long.iter().map(|(label, text)| label + text).sum();
        let weakest_name = long
            .iter()
            .map(|(label, _)| *label)
            .fold(Score::INFINITY, Score::min);
        everything - weakest_name + short * SUBSTRING_SCORE
    }
}

/// How many nodes' documents are made at once.
const DOCUMENTS_PER_CHUNK: usize = 4096;

/// Whether `node` is a concept that no guide uses and no skill expresses.
pub(in crate::graph) fn unused_concept(graph: &SkillGraph, node: NodeRef<'_>) -> bool {
    node.as_concept().is_some_and(|concept| concept.roles == 0)
        && graph.skills_expressing(node.index).is_empty()
}

/// A node's document and the distinct keys of its names.
fn document(node: NodeRef<'_>, fields: Fields) -> (TantivyDocument, Vec<String>) {
    let mut document = TantivyDocument::new();
    document.add_text(fields.kind, node.kind().to_string());
    document.add_u64(fields.order, node.index.index() as u64);
    let mut keys: Vec<String> = Vec::new();
    for name in node_names(node) {
        document.add_text(fields.label, normalize(name));
        let key = key(name);
        if !key.is_empty() && !keys.contains(&key) {
            document.add_text(fields.name_key, &key);
            keys.push(key);
        }
    }
    // Every character of the names, for one-character words.
    let mut characters: Vec<char> = keys.iter().flat_map(|key| key.chars()).collect();
    characters.sort_unstable();
    characters.dedup();
    let mut buffer = [0u8; 4];
    for character in characters.into_iter().filter(|c| *c != ' ') {
        document.add_text(fields.name_char, character.encode_utf8(&mut buffer));
    }
    for paragraph in node_text(node) {
        document.add_text(fields.text, paragraph);
    }
    (document, keys)
}

/// Lowercasing, then the gram tokenizer: the analyzer of the label and
/// text fields, and of the query words (all already NFKC).
fn analyzer() -> tantivy::Result<TextAnalyzer> {
    let grams = NgramTokenizer::all_ngrams(MIN_GRAM, MAX_GRAM)?;
    Ok(TextAnalyzer::builder(LowercaseGrams {
        grams,
        lowered: String::new(),
    })
    .build())
}

/// Cuts text into grams after lowercasing it once, rather than each gram
/// again (two or three times a character): lowercasing was an eighth of
/// building the index. Each character keeps its byte length, so the grams'
/// offsets are offsets into the text as stored, which snippets rely on; the
/// few characters whose lower case is longer or shorter stay as they are,
/// in documents and queries alike.
#[derive(Clone)]
struct LowercaseGrams {
    grams: NgramTokenizer,
    /// The lowercased text of the last call, reused between calls.
    lowered: String,
}

impl Tokenizer for LowercaseGrams {
    type TokenStream<'a> = <NgramTokenizer as Tokenizer>::TokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.lowered.clear();
        self.lowered.reserve(text.len());
        for ch in text.chars() {
            self.lowered.push(lower_same_length(ch));
        }
        self.grams.token_stream(&self.lowered)
    }
}

/// The lower case of `ch` when it is one character of the same UTF-8
/// length, else `ch`. Kana, CJK and their punctuation, most of the
/// guides, have no case.
fn lower_same_length(ch: char) -> char {
    if ch.is_ascii() {
        return ch.to_ascii_lowercase();
    }
    if plainly_uncased(ch) {
        return ch;
    }
    let mut lower = ch.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) if single.len_utf8() == ch.len_utf8() => single,
        _ => ch,
    }
}

/// A name or query as compared for exact matches and split into words:
/// normalized, lowercased, each word trimmed of the punctuation around it,
/// words joined by one space. Trailing `+` and `#` stay (`C++`, `C#`).
fn key(text: &str) -> String {
    normalize(text)
        .to_lowercase()
        .split(' ')
        .map(|word| {
            word.trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
        })
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first of the paragraphs holding the most words of `query` (a
/// [`key`]), each word whole and in any case; `None` when none holds one.
fn best_paragraph<'a>(paragraphs: &[&'a str], query: &str) -> Option<&'a str> {
    let words: Vec<&str> = query
        .split(' ')
        .filter(|word| word.chars().count() >= MIN_GRAM)
        .collect();
    let mut best: Option<(usize, &str)> = None;
    for paragraph in paragraphs {
        let lowered: String = paragraph.chars().map(lower_same_length).collect();
        let found = words.iter().filter(|word| lowered.contains(*word)).count();
        if found > best.map_or(0, |(most, _)| most) {
            best = Some((found, paragraph));
            if found == words.len() {
                break;
            }
        }
    }
    best.map(|(_, paragraph)| paragraph)
}

/// The grams of `word` of its longest gram length, deduplicated: together
/// they cover the word, and asking for the shorter ones too would only
/// count the same letters twice.
fn longest_grams(analyzer: &mut TextAnalyzer, word: &str) -> Vec<String> {
    let length = word.chars().count().min(MAX_GRAM);
    let mut grams: Vec<String> = Vec::new();
    let mut stream = analyzer.token_stream(word);
    while let Some(token) = stream.next() {
        if token.text.chars().count() == length && !grams.contains(&token.text) {
            grams.push(token.text.clone());
        }
    }
    grams
}

/// Documents whose `field` holds every one of `grams`, scored by BM25.
fn all_of(field: Field, grams: &[String]) -> BooleanQuery {
    BooleanQuery::intersection(
        grams
            .iter()
            .map(|gram| {
                Box::new(TermQuery::new(
                    Term::from_field_text(field, gram),
                    IndexRecordOption::WithFreqs,
                )) as Box<dyn Query>
            })
            .collect(),
    )
}

/// At most [`SNIPPET_CHARS`] of `text` as plain text, starting a little
/// before the first match of the best fragment tantivy found in it. The
/// window is cut from the whole text, not the fragment, since a fragment may
/// end in the middle of the match.
fn excerpt(text: &str, snippet: &Snippet) -> String {
    let first = snippet.fragment_range().start
        + snippet.highlighted().first().map_or(0, |range| range.start);
    let starts: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
    if starts.len() <= SNIPPET_CHARS {
        return text.to_owned();
    }
    let hit = starts.partition_point(|&at| at < first);
    // One character each for the ellipses at either end.
    let room = SNIPPET_CHARS - 2;
    let start = hit.saturating_sub(SNIPPET_LEAD).min(starts.len() - room);
    let end = start + room;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[starts[start]..starts.get(end).map_or(text.len(), |&at| at)].trim());
    if end < starts.len() {
        out.push('…');
    }
    out
}

/// `text` cut to [`SNIPPET_CHARS`] characters.
fn shorten(text: &str) -> String {
    if text.chars().count() <= SNIPPET_CHARS {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(SNIPPET_CHARS - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::NodeId;
    use crate::guide::{LoadOptions, load_dir};
    use std::path::Path;
    use std::sync::LazyLock;

    static GRAPH: LazyLock<SkillGraph> = LazyLock::new(|| {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = load_dir(&seeds, &LoadOptions::default()).expect("the seeds load");
        SkillGraph::build(corpus)
    });

    fn search(query: &str, kinds: Option<&[NodeKind]>) -> Vec<SearchHit> {
        GRAPH
            .search(query, kinds, 20)
            .expect("the graph has a search index")
    }

    fn ids(hits: &[SearchHit]) -> Vec<&str> {
        hits.iter().map(|hit| hit.id.as_str()).collect()
    }

    /// Names first changes no answer: for every word of every name, pairs
    /// of them, common words of the prose and short words, with and
    /// without a kind filter and at several lengths, both ways of running
    /// give the same hits, scores and snippets; and names alone are enough
    /// for some of them, so the shortcut is taken and checked.
    #[test]
    fn searching_names_first_gives_what_searching_everything_gives() {
        let inner = GRAPH
            .search_index
            .as_ref()
            .and_then(|index| index.inner.as_ref())
            .expect("an index");
        let mut queries: Vec<String> = GRAPH
            .nodes()
            .flat_map(|node| {
                node.label()
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        queries.sort();
        queries.dedup();
        let pairs: Vec<String> = queries
            .windows(2)
            .step_by(7)
            .map(|pair| pair.join(" "))
            .collect();
        queries.extend(pairs);
        queries.extend(
            [
                "監視",
                "設計",
                "運用",
                "クラウド",
                "自動化",
                "k",
                "ク",
                "開発 環境",
                "terraform",
            ]
            .map(str::to_owned),
        );
        let mut shortcut = 0;
        let mut asked = 0;
        for query in &queries {
            for kinds in [None, Some(&[NodeKind::Skill][..])] {
                for limit in [1, 5, 20] {
                    let run = |passes| {
                        inner
                            .search(&GRAPH, query, kinds, limit, passes)
                            .expect("a search")
                    };
                    let everything = run(Passes::AllAtOnce);
                    assert_eq!(
                        run(Passes::NamesFirst),
                        everything,
                        "{query:?}, {kinds:?}, first {limit}"
                    );
                    let whole = key(query);
                    let words = inner.words(&whole).expect("words");
                    let exact = inner.named_exactly(&whole);
                    let wanted = limit + exact.len();
                    let enough = inner
                        .names_enough(&GRAPH, &words, kinds, &whole, &exact, wanted)
                        .expect("a search");
                    asked += 1;
                    shortcut += usize::from(enough.is_some());
                }
            }
        }
        // On two guides a name rarely holds a word that twenty others' do
        // not; at 10,000 guides common words are where it counts (the
        // `searchCommon` benchmark).
        assert!(
            shortcut > 0 && shortcut < asked,
            "names alone answered {shortcut} of {asked} searches"
        );
    }

    #[test]
    fn a_tool_named_exactly_ranks_before_every_mention() {
        let hits = search("terraform", None);
        assert_eq!(ids(&hits).first(), Some(&"tool:terraform"), "{hits:#?}");
        assert!(hits.len() > 1, "terraform is mentioned elsewhere too");
        assert!(hits[0].score > hits[1].score);

        let hits = search("kubernetes", None);
        assert_eq!(ids(&hits).first(), Some(&"tool:kubernetes"), "{hits:#?}");
    }

    #[test]
    fn full_width_letters_and_aliases_find_the_same_tool() {
        for query in ["ＫＵＢＥＲＮＥＴＥＳ", "KUBERNETES", "k8s", "クバネティス"] {
            let hits = search(query, None);
            assert_eq!(
                ids(&hits).first(),
                Some(&"tool:kubernetes"),
                "{query}: {hits:#?}"
            );
        }
    }

    #[test]
    fn a_glossary_term_no_guide_uses_is_no_search_hit() {
        let unused = GRAPH
            .nodes_of(NodeKind::Concept)
            .find(|node| unused_concept(&GRAPH, *node) && node.label().chars().count() > 4)
            .expect("the glossary holds terms the seeds never use");
        let hits = search(unused.label(), None);
        assert!(
            hits.iter().all(|hit| hit.id != unused.id()),
            "{}: {hits:?}",
            unused.label()
        );
    }

    #[test]
    fn a_japanese_word_finds_the_nodes_whose_text_mentions_it() {
        for word in ["監視", "コスト最適化"] {
            let hits = search(word, None);
            assert!(!hits.is_empty(), "{word} finds nothing");
            for hit in &hits {
                let label = GRAPH
                    .node(&hit.id)
                    .map(|node| node.label())
                    .unwrap_or_default();
                assert!(
                    hit.snippet.contains(word) || label.contains(word),
                    "{word}: {hit:?}"
                );
            }
        }
        // Names rank first, and the glossary holds many concepts named
        // with 監視: the other kinds come further down.
        let kinds: HashSet<NodeKind> = GRAPH
            .search("監視", None, 100)
            .expect("the graph has a search index")
            .iter()
            .filter_map(|hit| NodeId::parse(&hit.id).map(|id| id.kind()))
            .collect();
        assert!(
            kinds.len() > 1,
            "監視 is mentioned by several kinds of node: {kinds:?}"
        );
    }

    #[test]
    fn every_word_of_a_query_must_match() {
        let both = search("terraform ansible", None);
        assert!(!both.is_empty());
        let terraform = search("terraform", None);
        let ansible = search("ansible", None);
        for hit in &both {
            assert!(ids(&terraform).contains(&hit.id.as_str()), "{hit:?}");
            assert!(ids(&ansible).contains(&hit.id.as_str()), "{hit:?}");
        }
        assert!(search("terraform zzzqqq", None).is_empty());
    }

    #[test]
    fn the_kind_filter_keeps_only_those_kinds() {
        let kinds = [NodeKind::Skill, NodeKind::Job];
        let hits = search("kubernetes", Some(&kinds));
        assert!(!hits.is_empty());
        for hit in &hits {
            assert!(
                kinds.contains(&NodeId::parse(&hit.id).unwrap().kind()),
                "{hit:?}"
            );
        }
        assert_eq!(
            ids(&search("kubernetes", Some(&[]))),
            ids(&search("kubernetes", None))
        );
    }

    #[test]
    fn query_syntax_characters_are_plain_text() {
        for query in [
            "\"(:*",
            "\"",
            "(",
            ":",
            "*",
            "kubernetes:*",
            "title:\"foo",
            "a AND (b OR",
            "[1 TO 2}",
            "-+^~!\\",
        ] {
            let _ = search(query, None);
        }
        assert!(search("\"(:*", None).is_empty());
        for query in ["\"terraform\"", "(terraform)", "terraform*", "+terraform"] {
            let hits = search(query, None);
            assert_eq!(
                ids(&hits).first(),
                Some(&"tool:terraform"),
                "{query}: {hits:#?}"
            );
        }
    }

    #[test]
    fn an_empty_query_gives_no_hits() {
        assert!(search("", None).is_empty());
        assert!(search("   \n ", None).is_empty());
        assert!(GRAPH.search("terraform", None, 0).unwrap().is_empty());
    }

    #[test]
    fn a_one_character_query_matches_names_containing_it() {
        let hits = search("k", None);
        assert!(!hits.is_empty());
        for hit in &hits {
            let node = GRAPH.node(&hit.id).unwrap();
            let names: Vec<String> = node_names(node).iter().map(|name| key(name)).collect();
            assert!(names.iter().any(|name| name.contains('k')), "{hit:?}");
        }
        let hits = search("監", None);
        assert!(!hits.is_empty(), "監 is in some name");
    }

    #[test]
    fn snippets_are_short_plain_text_around_the_match() {
        for query in ["監視", "terraform", "kubernetes", "コスト最適化", "k"] {
            for hit in search(query, None) {
                assert!(!hit.snippet.is_empty(), "{hit:?}");
                assert!(hit.snippet.chars().count() <= SNIPPET_CHARS, "{hit:?}");
                assert!(!hit.snippet.contains("<b>"), "{hit:?}");
            }
        }
    }

    #[test]
    fn grams_are_lowercased_and_keep_the_offsets_of_the_text() {
        let mut analyzer = analyzer().expect("analyzer");
        let text = "KubeとΣΑ";
        let mut stream = analyzer.token_stream(text);
        let mut grams = Vec::new();
        while let Some(token) = stream.next() {
            assert_eq!(
                text[token.offset_from..token.offset_to].to_lowercase(),
                token.text,
                "{token:?}"
            );
            grams.push(token.text.clone());
        }
        assert!(grams.contains(&"kub".to_owned()) && grams.contains(&"eと".to_owned()));
        assert!(grams.contains(&"σα".to_owned()));
        // A character whose lower case is longer stays itself.
        assert_eq!(lower_same_length('İ'), 'İ');
        assert_eq!(lower_same_length('Ｋ'), 'ｋ');
    }

    #[test]
    fn keys_fold_width_case_and_surrounding_punctuation() {
        assert_eq!(key("  ＫＵＢＥＲＮＥＴＥＳ "), "kubernetes");
        assert_eq!(key("\"Terraform\"  (AWS)"), "terraform aws");
        assert_eq!(key("C++ / C#"), "c++ c#");
        assert_eq!(key("CI/CD"), "ci/cd");
        assert_eq!(key("ｶﾞｲﾄﾞ"), "ガイド");
        assert_eq!(key("\"(:*"), "");
    }
}
