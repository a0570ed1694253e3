//! What the guides say each skill is: every skill's descriptions read
//! into weighted terms, so that a text saying what a skill does in its own
//! words implies the skill. `クラウドセキュリティ | IAM 設計とログ監査` is
//! implied by `AWSのIAMポリシーとCloudTrailログを定期的に監査`, which names
//! no skill.
//!
//! A description and a line of text are each read into terms:
//! - the tools and concepts they name: graph nodes, so one term in either
//!   language (`監査` and `audit` are one concept);
//! - outside those, words: Latin words, katakana words, and the
//!   two-character runs of kanji (`定期的` gives `定期` and `期的`).
//!   Hiragana is left out: it carries grammar.
//!
//! Each term weighs its inverse document frequency over the descriptions,
//! so `監査` says more than `設計`. A line implies a skill when it holds
//! terms worth at least [`COVERAGE`] of one of the skill's descriptions,
//! and at least [`SHARED_TERMS`] of them; how sure is that share.

use crate::graph::mentions::IMPLIED_AT_LEAST;
use crate::graph::{NodeKind, SkillGraph};
use petgraph::graph::NodeIndex;
use std::collections::{HashMap, HashSet};

/// The share of a description's weight a line must hold to imply its skill.
pub(crate) const COVERAGE: f64 = 0.6;

/// How many of the rarest terms make a whole description: a line holding
/// that much of a long description's weight covers it.
const FULL_TERMS: f64 = 3.0;

/// The fewest terms a line must share with a description: one word in
/// common is a coincidence.
const SHARED_TERMS: usize = 2;

/// The most descriptions kept for one skill: a skill a thousand guides
/// describe alike is described by its first few.
const DESCRIPTIONS_PER_SKILL: usize = 12;

/// A term held by more than this share of the descriptions says nothing
/// about which skill is meant, and is not looked up.
const COMMON_SHARE: f64 = 0.05;

/// The item more of `items` are than all others together, if one is.
fn most_of(items: impl Iterator<Item = NodeIndex>) -> Option<NodeIndex> {
    let mut counts: HashMap<NodeIndex, usize> = HashMap::new();
    let mut total = 0;
    for item in items {
        *counts.entry(item).or_default() += 1;
        total += 1;
    }
    let (item, most) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (most * 2 > total).then_some(item)
}

/// A term of a description or a line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Term {
    /// A tool or concept, by node index.
    Node(u32),
    /// A word outside every node's spelling.
    Word(Box<str>),
}

/// One description of one skill.
#[derive(Debug)]
struct Described {
    skill: NodeIndex,
    /// The sum of its terms' weights, up to [`FULL_TERMS`] of the rarest.
    total: f64,
    /// How many tools it names.
    tools: usize,
}

/// One description read: its skill, its terms, and the tools it names
/// (node indexes, once each).
struct Document {
    skill: NodeIndex,
    terms: Vec<Term>,
    tools: Vec<u32>,
}

/// Every skill's descriptions, as weighted terms, and the descriptions
/// each term is in.
#[derive(Debug, Default)]
pub(crate) struct DescriptionIndex {
    descriptions: Vec<Described>,
    /// Term → its weight and the descriptions holding it; terms held by
    /// too many descriptions are left out.
    postings: HashMap<Term, (f64, Vec<u32>)>,
    /// Tool → the descriptions naming it.
    naming: HashMap<u32, Vec<u32>>,
    /// Tool → the skill more of the descriptions naming it describe than
    /// all others together, where there is one.
    characteristic: HashMap<u32, NodeIndex>,
}

/// A skill a text describes in other words, and how sure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DescribedSkill {
    pub skill: NodeIndex,
    /// The largest share of one of its descriptions that one line holds.
    pub coverage: f64,
}

impl DescribedSkill {
    /// How sure the skill is known: [`IMPLIED_AT_LEAST`] for a line that
    /// just covers a description, up to [`DESCRIBED_AT_MOST`] for one
    /// that holds all of it. A skill described is never as sure as one
    /// named.
    pub(crate) fn confidence(&self) -> f64 {
        let beyond = ((self.coverage - COVERAGE) / (1.0 - COVERAGE)).clamp(0.0, 1.0);
        IMPLIED_AT_LEAST + (DESCRIBED_AT_MOST - IMPLIED_AT_LEAST) * beyond
    }
}

/// The surest a skill described but not named is.
const DESCRIBED_AT_MOST: f64 = 0.9;

impl DescriptionIndex {
    /// Reads every skill row of every guide of `graph`.
    pub(crate) fn build(graph: &SkillGraph) -> Self {
        let mut seen: HashSet<(NodeIndex, &str)> = HashSet::new();
        let mut per_skill: HashMap<NodeIndex, usize> = HashMap::new();
        let mut documents: Vec<Document> = Vec::new();
        for guide in graph.guides() {
            for entry in &guide.skills {
                let Some(skill) = graph.skill(&entry.name) else {
                    continue;
                };
                let count = per_skill.entry(skill.index).or_default();
                if *count >= DESCRIPTIONS_PER_SKILL
                    || !seen.insert((skill.index, entry.description.as_str()))
                {
                    continue;
                }
                *count += 1;
                // The description alone: a text that names the skill is
                // read as naming it, so the name would only dilute.
                let text = crate::graph::normalize::nfkc(&entry.description).into_owned();
                let mentions = graph.mentions(&text);
                let nodes = named_nodes(&mentions, &graph.concept_finder.find(&text));
                let mut tools: Vec<u32> = mentions
                    .iter()
                    .filter(|mention| mention.node.kind() == NodeKind::Tool)
                    .map(|mention| mention.node.index.index() as u32)
                    .collect();
                tools.sort_unstable();
                tools.dedup();
                documents.push(Document {
                    skill: skill.index,
                    terms: terms_with(&text, &nodes),
                    tools,
                });
            }
        }
        Self::from_documents(documents)
    }

    fn from_documents(documents: Vec<Document>) -> Self {
        let mut held: HashMap<Term, Vec<u32>> = HashMap::new();
        let mut naming: HashMap<u32, Vec<u32>> = HashMap::new();
        for (ordinal, document) in documents.iter().enumerate() {
            for term in &document.terms {
                held.entry(term.clone()).or_default().push(ordinal as u32);
            }
            for tool in &document.tools {
                naming.entry(*tool).or_default().push(ordinal as u32);
            }
        }
        let count = documents.len() as f64;
        let weight_of = |holders: usize| (1.0 + count / holders as f64).ln();
        // A long description is said by a line that holds a few of its
        // rarest terms: people name two or three of the things it lists.
        let enough = FULL_TERMS * weight_of(1);
        let descriptions = documents
            .iter()
            .map(|document| Described {
                skill: document.skill,
                total: document
                    .terms
                    .iter()
                    .map(|term| weight_of(held[term].len()))
                    .sum::<f64>()
                    .min(enough),
                tools: document.tools.len(),
            })
            .collect();
        let postings = held
            .into_iter()
            .filter(|(_, holders)| holders.len() as f64 <= (count * COMMON_SHARE).max(2.0))
            .map(|(term, holders)| (term, (weight_of(holders.len()), holders)))
            .collect();
        let characteristic = naming
            .iter()
            .filter_map(|(tool, naming)| {
                let skills = naming.iter().map(|at| documents[*at as usize].skill);
                Some((*tool, most_of(skills)?))
            })
            .collect();
        Self {
            descriptions,
            postings,
            naming,
            characteristic,
        }
    }

    /// The skills one of whose descriptions names two or more of `tools`
    /// (node indexes, once each), and at least a third of the tools it names:
    /// `Swift` and `Xcode` for iOS development. One tool alone says too
    /// little (`AWS` is not cloud architecture), and two of the ten tools
    /// a broad skill lists say little more.
    pub(crate) fn tooled(&self, tools: &[u32]) -> Vec<NodeIndex> {
        let mut hits: HashMap<u32, usize> = HashMap::new();
        for tool in tools {
            for description in self.naming.get(tool).into_iter().flatten() {
                *hits.entry(*description).or_default() += 1;
            }
        }
        let mut skills: Vec<NodeIndex> = hits
            .into_iter()
            .filter(|(description, hits)| {
                let named = self.descriptions[*description as usize].tools;
                *hits >= 2 && hits * 3 >= named
            })
            .map(|(description, _)| self.descriptions[description as usize].skill)
            .collect();
        skills.sort_unstable();
        skills.dedup();
        skills
    }

    /// The skill whose descriptions name `tool` more than all others
    /// together: the one the tool is a means of (`Go` for programming
    /// languages), if any.
    pub(crate) fn characteristic(&self, tool: u32) -> Option<NodeIndex> {
        self.characteristic.get(&tool).copied()
    }

    /// The skills the lines of `text` (NFKC) describe, each with the
    /// largest share of one of its descriptions a line holds, the surest
    /// first. `nodes` are the tools and concepts found in `text`, as
    /// (byte start, byte end, node index), so they are not sought again.
    pub(crate) fn described(
        &self,
        text: &str,
        nodes: &[(usize, usize, u32)],
    ) -> Vec<DescribedSkill> {
        let mut best: HashMap<NodeIndex, f64> = HashMap::new();
        let mut shares = Shares::default();
        for (start, end) in lines(text) {
            let inside: Vec<(usize, usize, u32)> = nodes
                .iter()
                .filter(|(from, _, _)| start <= *from && *from < end)
                .map(|(from, to, node)| (from - start, (*to).min(end) - start, *node))
                .collect();
            let terms = terms_with(&text[start..end], &inside);
            for (ordinal, coverage) in self.covered_with(&terms, &mut shares) {
                let skill = self.descriptions[ordinal as usize].skill;
                let held = best.entry(skill).or_default();
                *held = held.max(coverage);
            }
        }
        let mut described: Vec<DescribedSkill> = best
            .into_iter()
            .map(|(skill, coverage)| DescribedSkill { skill, coverage })
            .collect();
        described.sort_by(|a, b| {
            b.coverage
                .total_cmp(&a.coverage)
                .then(a.skill.cmp(&b.skill))
        });
        described
    }

    /// The descriptions `terms` cover enough, with the share covered.
    #[cfg(test)]
    fn covered(&self, terms: &[Term]) -> Vec<(u32, f64)> {
        self.covered_with(terms, &mut Shares::default())
    }

    /// [`DescriptionIndex::covered`], summing in `shares`, which is left
    /// cleared for the next line.
    fn covered_with(&self, terms: &[Term], shares: &mut Shares) -> Vec<(u32, f64)> {
        if shares.sums.len() < self.descriptions.len() {
            shares.sums.resize(self.descriptions.len(), (0.0, 0));
        }
        for term in terms {
            let Some((weight, holders)) = self.postings.get(term) else {
                continue;
            };
            for holder in holders {
                let sum = &mut shares.sums[*holder as usize];
                if sum.1 == 0 {
                    shares.touched.push(*holder);
                }
                sum.0 += weight;
                sum.1 += 1;
            }
        }
        let mut covered = Vec::new();
        for ordinal in shares.touched.drain(..) {
            let (weight, count) = std::mem::take(&mut shares.sums[ordinal as usize]);
            let total = self.descriptions[ordinal as usize].total;
            let coverage = if total > 0.0 { weight / total } else { 0.0 };
            if count >= SHARED_TERMS && coverage >= COVERAGE {
                covered.push((ordinal, coverage));
            }
        }
        covered
    }
}

/// Per-description sums of one line's terms (weight, terms), kept between
/// lines so that a long text allocates them once.
#[derive(Default)]
struct Shares {
    sums: Vec<(f64, usize)>,
    touched: Vec<u32>,
}

/// The byte ranges of the lines of a text, split at line breaks and at
/// sentence ends.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let ends = text
        .char_indices()
        .filter(|(_, ch)| matches!(ch, '\n' | '。' | '．'))
        .map(|(at, ch)| (at, at + ch.len_utf8()))
        .chain(std::iter::once((text.len(), text.len())));
    for (end, next) in ends {
        if !text[start..end].trim().is_empty() {
            lines.push((start, end));
        }
        start = next;
    }
    lines
}

/// The tools among `mentions` and the concepts `found`, as (byte
/// start, byte end, node): what a text names, in the form lines are read in.
pub(crate) fn named_nodes(
    mentions: &[crate::graph::mentions::Mention<'_>],
    found: &[crate::graph::concepts::FoundTerm],
) -> Vec<(usize, usize, u32)> {
    let tools = mentions
        .iter()
        .filter(|mention| mention.node.kind() == NodeKind::Tool)
        .map(|mention| {
            let node = mention.node.index.index() as u32;
            (mention.byte_start, mention.byte_end, node)
        });
    let concepts = found
        .iter()
        .map(|hit| (hit.start, hit.end, hit.term as u32));
    tools.chain(concepts).collect()
}

/// The terms of `text` (NFKC), once each, sorted: the nodes it names,
/// given with where, and the words outside them.
fn terms_with(text: &str, nodes: &[(usize, usize, u32)]) -> Vec<Term> {
    let covered: Vec<(usize, usize)> = nodes.iter().map(|(start, end, _)| (*start, *end)).collect();
    let mut terms: Vec<Term> = nodes.iter().map(|(_, _, node)| Term::Node(*node)).collect();
    terms.extend(words(text, &covered).map(Term::Word));
    terms.sort();
    terms.dedup();
    terms
}

/// The script a character is read in: the runs a text's words are cut
/// into here, and where a word starts inside a name for suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::graph) enum Script {
    Latin,
    Katakana,
    Kanji,
    Other,
}

pub(in crate::graph) fn script(ch: char) -> Script {
    match ch as u32 {
        _ if ch.is_ascii_alphanumeric() => Script::Latin,
        0x30A1..=0x30FA | 0x30FC => Script::Katakana,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x3005 => Script::Kanji,
        _ => Script::Other,
    }
}

/// Latin words too common to tell anything.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of",
    "on", "or", "our", "the", "to", "we", "with", "my", "i", "so", "that", "this", "was", "were",
    "has", "have", "had", "its", "their", "them", "than", "then", "per",
];

/// The words of `text` outside the byte ranges `covered`: Latin words
/// (lower case, an English plural's `s` dropped), katakana words of two
/// characters or more, and each two-character run of a kanji word.
fn words<'t>(text: &'t str, covered: &'t [(usize, usize)]) -> impl Iterator<Item = Box<str>> + 't {
    let inside = move |at: usize| covered.iter().any(|(start, end)| *start <= at && at < *end);
    // Characters of no word (hiragana, punctuation, a node's spelling)
    // only end the run before them; they are not gathered.
    let mut runs: Vec<(Script, String)> = Vec::new();
    let mut ended = true;
    for (at, ch) in text.char_indices() {
        let kind = if inside(at) {
            Script::Other
        } else {
            script(ch)
        };
        match runs.last_mut() {
            _ if kind == Script::Other => ended = true,
            Some((last, run)) if !ended && *last == kind => run.push(ch),
            _ => {
                runs.push((kind, ch.to_string()));
                ended = false;
            }
        }
    }
    runs.into_iter()
        .flat_map(|(kind, run)| word_pieces(kind, &run))
}

fn word_pieces(kind: Script, run: &str) -> Vec<Box<str>> {
    let chars: Vec<char> = run.chars().collect();
    match kind {
        Script::Latin => {
            let lower = run.to_ascii_lowercase();
            if lower.len() < 2
                || lower.chars().all(|c| c.is_ascii_digit())
                || STOP_WORDS.contains(&lower.as_str())
            {
                return Vec::new();
            }
            let stem = match lower.strip_suffix('s') {
                Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_owned(),
                _ => lower,
            };
            vec![stem.into_boxed_str()]
        }
        Script::Katakana if chars.len() >= 2 => vec![run.into()],
        Script::Kanji if chars.len() == 2 => vec![run.into()],
        Script::Kanji => chars
            .windows(2)
            .map(|pair| pair.iter().collect::<String>().into_boxed_str())
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_words(text: &str) -> Vec<String> {
        words(text, &[]).map(String::from).collect()
    }

    #[test]
    fn words_are_latin_katakana_and_kanji_pairs() {
        assert_eq!(
            plain_words("AWSのIAMポリシーを定期的に監査する"),
            ["aws", "iam", "ポリシー", "定期", "期的", "監査"]
        );
        assert_eq!(
            plain_words("Designing the dashboards"),
            ["designing", "dashboard"]
        );
    }

    #[test]
    fn words_inside_a_node_are_left_to_it() {
        let text = "ログ監査";
        let covered = [(0, "ログ".len())];
        let found: Vec<String> = words(text, &covered).map(String::from).collect();
        assert_eq!(found, ["監査"]);
    }

    #[test]
    fn a_line_covering_most_of_a_description_describes_its_skill() {
        let word = |w: &str| Term::Word(w.into());
        let documents = [
            vec![word("iam"), word("監査"), word("ログ")],
            vec![word("合意"), word("根拠"), word("判断")],
            vec![word("監査"), word("会計"), word("決算")],
            vec![word("予算"), word("会計"), word("計画")],
            vec![word("採用"), word("面接"), word("計画")],
        ]
        .into_iter()
        .enumerate()
        .map(|(at, terms)| Document {
            skill: NodeIndex::new(at + 1),
            terms,
            tools: Vec::new(),
        })
        .collect();
        let index = DescriptionIndex::from_documents(documents);
        let covered = index.covered(&[word("iam"), word("ログ"), word("監査"), word("aws")]);
        assert_eq!(covered.len(), 1, "{covered:?}");
        assert_eq!(covered[0].0, 0);
        assert!((covered[0].1 - 1.0).abs() < 1e-9);
        // One word in common is not enough, however rare.
        assert!(index.covered(&[word("根拠")]).is_empty());
        // Two of three, but the two weigh less than the share.
        let partial = index.covered(&[word("監査"), word("計画")]);
        assert!(partial.is_empty(), "{partial:?}");
    }

    #[test]
    fn two_tools_and_a_third_of_those_a_description_names_imply_its_skill() {
        let document = |skill: usize, tools: &[u32]| Document {
            skill: NodeIndex::new(skill),
            terms: Vec::new(),
            tools: tools.to_vec(),
        };
        let index = DescriptionIndex::from_documents(vec![
            document(1, &[10, 11]),
            document(2, &[10, 11, 12, 13, 14, 15, 16]),
            document(3, &[10]),
        ]);
        assert_eq!(index.tooled(&[10, 11]), [NodeIndex::new(1)]);
        assert!(index.tooled(&[10]).is_empty(), "one tool is not enough");
        assert_eq!(
            index.tooled(&[10, 11, 12]),
            [NodeIndex::new(1), NodeIndex::new(2)],
            "three of seven is a third"
        );
    }
}
