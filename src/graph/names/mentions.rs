//! Skills and tools named in free text (a résumé, a posting), read against
//! the graph's own vocabulary, with the concepts the text writes (found by
//! the vocabulary of `concepts`) and the skills those imply.
//!
//! Every spelling of every skill and tool (as the guides wrote it, the
//! alias file's, the vendor-free core of a vendor name, both sides of
//! `Name (ACR)`) goes into one Aho–Corasick automaton, matched
//! leftmost-longest and ASCII-case-insensitively over NFKC text, so names
//! inside Japanese text without spaces are found (`Kubernetesクラスター`).
//! A Latin name must stand apart from other Latin letters (`Go` is not
//! in `Google`), and a name of one or two letters must be written in its
//! own case.
//!
//! Names that are everyday words too (the alias file's `ordinary_words`:
//! `Go`, `Rust`, `Spark`) count only in context: written in their own
//! case, and next to Japanese text (`Goでの開発`), in a list with other
//! names (`Go and Python`), or beside a word that says a tool is meant
//! (`written in Go`, `Go developers`). `ready to go live`, `go the extra
//! mile` and `the rust belt` name nothing.

use crate::graph::node::is_japanese;
use crate::graph::normalize::{self, CaselessAutomaton, Vendors, stands_alone};
use crate::graph::resolve::How;
use crate::graph::resolve::Spellings;
use crate::graph::{Edge, Node, NodeKind, NodeRef, SkillGraph};
use petgraph::graph::{Graph, NodeIndex};
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// Words before an everyday-word name that say a tool is meant.
const CUES_BEFORE: &[&str] = &[
    "in",
    "with",
    "using",
    "use",
    "uses",
    "used",
    "written",
    "writing",
    "know",
    "knowledge",
    "experience",
    "experienced",
    "proficient",
    "proficiency",
    "via",
    "on",
];

/// Words after an everyday-word name that say a tool is meant.
const CUES_AFTER: &[&str] = &[
    "language",
    "languages",
    "lang",
    "developer",
    "developers",
    "development",
    "engineer",
    "engineers",
    "programming",
    "programmer",
    "programmers",
    "code",
    "codebase",
    "service",
    "services",
    "microservices",
    "module",
    "modules",
    "backend",
    "server",
    "servers",
    "application",
    "applications",
    "apps",
    "cluster",
    "clusters",
    "pipeline",
    "pipelines",
    "jobs",
    "charts",
    "chart",
    "cookbooks",
    "manifests",
    "streaming",
    "experience",
    "skills",
];

/// What may stand between two names of one list.
const LIST_JOINERS: &[&str] = &[
    "and",
    "or",
    "&",
    "+",
    "と",
    "や",
    "及び",
    "および",
    "または",
];

/// A skill or tool named in a text.
#[derive(Debug, Clone, Copy)]
pub struct Mention<'g> {
    pub node: NodeRef<'g>,
    /// Where it starts and ends, in characters of the text read.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of the same span, for slicing.
    pub byte_start: usize,
    pub byte_end: usize,
    pub how: How,
    /// 0 to 1; an everyday word read as a tool by its context is less sure.
    pub confidence: f64,
}

/// How much less sure a name read by its context is.
const CONTEXT_CONFIDENCE: f64 = 0.85;

/// One spelling searched for.
#[derive(Debug)]
struct Pattern {
    /// The spelling in NFKC, as written.
    written: String,
    nodes: Vec<NodeIndex>,
    how: How,
    /// The everyday word's own case (`Go`), when the spelling is one.
    ordinary: Option<String>,
}

/// The compiled automaton over every skill and tool spelling.
#[derive(Debug, Default)]
pub(crate) struct MentionIndex {
    automaton: Option<CaselessAutomaton>,
    patterns: Vec<Pattern>,
    vendors: Vendors,
}

/// What the mention index is made of, besides the nodes.
pub(crate) struct MentionSources<'a> {
    pub written: &'a Spellings,
    pub file_variants: &'a HashSet<String>,
    pub vendor_merged: &'a std::collections::BTreeSet<String>,
    pub vendors: &'a Vendors,
    pub ordinary_words: &'a [String],
}

impl MentionIndex {
    pub(crate) fn new(graph: &Graph<Node, Edge>, sources: &MentionSources<'_>) -> Self {
        let ordinary: HashMap<String, &String> = sources
            .ordinary_words
            .iter()
            .map(|word| (normalize::key(word), word))
            .collect();
        let mut by_key: HashMap<String, Pattern> = HashMap::new();
        // Vendor-free core → (nodes, the core as the name writes it).
        let mut cores: HashMap<String, (Vec<NodeIndex>, String)> = HashMap::new();
        for index in graph.node_indices() {
            let node = &graph[index];
            if !matches!(node.kind(), NodeKind::Skill | NodeKind::Tool) {
                continue;
            }
            let guide_spellings = sources.written.get(node.id.as_str()).into_iter().flatten();
            let spellings = std::iter::once(node.label())
                .chain(node.aliases().iter().map(String::as_str))
                .chain(guide_spellings.map(String::as_str));
            for spelling in spellings {
                for (form, acronym_side) in forms_of(spelling) {
                    let key = normalize::key(&form);
                    let how = if acronym_side {
                        How::Acronym
                    } else if sources.vendor_merged.contains(&key) {
                        How::Vendor
                    } else if sources.file_variants.contains(&key) {
                        How::Alias
                    } else {
                        How::Exact
                    };
                    let vendor_core = sources.vendors.core(&key).filter(|found| {
                        found
                            .vendor
                            .is_some_and(|vendor| sources.vendors.names_products_alone(vendor))
                    });
                    if let Some(found) = vendor_core {
                        let cased = cased_like(&form, found.core);
                        let entry = cores
                            .entry(found.core.to_owned())
                            .or_insert((Vec::new(), cased));
                        entry.0.push(index);
                    }
                    let everyday = ordinary.get(&key).map(|word| (*word).clone());
                    add_pattern(&mut by_key, (form, key, how), index, everyday);
                }
            }
        }
        // A vendor name's core (`Spark` of `Apache Spark`) names it too,
        // for the vendors free text leaves out (the alias file's
        // `named_alone`), when it is no other node's core and no name of
        // its own. A core may be an everyday word (`Vault`), so it counts
        // only in its own case and in context, like the everyday words.
        for (core, (mut nodes, cased)) in cores {
            nodes.sort_unstable();
            nodes.dedup();
            if nodes.len() == 1 && core.chars().count() >= 3 && !by_key.contains_key(&core) {
                let pattern = (cased.clone(), core, How::Vendor);
                add_pattern(&mut by_key, pattern, nodes[0], Some(cased));
            }
        }
        let mut patterns: Vec<Pattern> = by_key.into_values().collect();
        patterns.sort_by(|a, b| a.written.cmp(&b.written));
        let automaton = CaselessAutomaton::leftmost_longest(
            patterns.iter().map(|pattern| pattern.written.as_str()),
        );
        Self {
            automaton,
            patterns,
            vendors: sources.vendors.clone(),
        }
    }
}

/// The forms of a spelling worth searching for, each with whether it is
/// the acronym side of `Name (ACR)`: the spelling itself, and for
/// `Name (ACR)` both the name and the acronym.
fn forms_of(spelling: &str) -> Vec<(String, bool)> {
    let spelling: String = spelling.trim().nfkc().collect();
    let mut forms = Vec::new();
    let (outer, inner) = crate::guide::name_and_parenthesised(&spelling);
    if !inner.is_empty() {
        let acronym = normalize::acronym(&spelling);
        for side in std::iter::once(outer).chain(inner) {
            let is_acronym = acronym
                .as_deref()
                .is_some_and(|acronym| normalize::key(&side) == acronym);
            forms.push((side, is_acronym));
        }
    }
    forms.push((spelling, false));
    forms
}

/// `part` (a piece of `written`'s key) as `written` spells it: `Spark` for
/// `spark` in `Apache Spark`; `part` itself when it cannot be found.
fn cased_like(written: &str, part: &str) -> String {
    let lower = written.to_lowercase();
    match lower.rfind(part) {
        Some(at) if lower.len() == written.len() => written[at..at + part.len()].to_owned(),
        _ => part.to_owned(),
    }
}

/// Adds `written` (with its key and rule) as a spelling of `index`;
/// `everyday` is the everyday word's own case when it is one.
fn add_pattern(
    by_key: &mut HashMap<String, Pattern>,
    (written, key, how): (String, String, How),
    index: NodeIndex,
    everyday: Option<String>,
) {
    // One character names nothing on its own unless listed as a word.
    if written.chars().count() < 2 && everyday.is_none() || written.trim().is_empty() {
        return;
    }
    let pattern = by_key.entry(key).or_insert_with(|| Pattern {
        written,
        nodes: Vec::new(),
        how,
        ordinary: everyday,
    });
    if !pattern.nodes.contains(&index) {
        pattern.nodes.push(index);
    }
    if how < pattern.how {
        pattern.how = how;
    }
}

/// A text read against the graph: its plain text and what it names.
#[derive(Debug, Clone)]
pub struct Extraction<'g> {
    /// The plain text read (NFKC, one block a line); offsets are into it.
    pub text: String,
    /// The skills and tools named, in text order.
    pub mentions: Vec<Mention<'g>>,
    /// The concepts written, in text order; one inside another
    /// (`CI/CD` in `CI/CDパイプライン`) is a mention of each. Broad words
    /// of the field (`監査`) are in; words that say nothing by themselves
    /// (`チーム`), concepts inside a tool's name or a job's title, and
    /// concepts that are a skill named (`SQL`) are left out.
    pub concepts: Vec<Mention<'g>>,
    /// The words written that name nothing by themselves but show an
    /// ability at work (`説明`, `taught`): they imply its skills, and are
    /// never said to be stated.
    cues: Vec<NodeRef<'g>>,
    /// The skills named or implied, the surest first: worked out once,
    /// when the text is read (see [`Extraction::implied_skills`]).
    implied: Vec<Implied<'g>>,
}

/// A skill a text implies: through the concepts it writes, the tools it
/// names, the lines that say what the skill's descriptions say, or a skill
/// it shows that is one ability with this one.
#[derive(Debug, Clone)]
pub struct Implied<'g> {
    pub skill: NodeRef<'g>,
    /// 0 to 1: 1 for a skill named or a concept that is the skill, less
    /// for a concept the skill's name contains, less again for a narrower
    /// concept of it, a tool, a description or a skill of other words.
    pub confidence: f64,
    /// The concepts that imply it: those written, and those joining it to
    /// a skill of other words; none for a skill named or implied by tools
    /// or a description alone.
    pub because: Vec<NodeRef<'g>>,
}

/// How sure two or more tools a skill's description names make the skill.
const TOOLS_CONFIDENCE: f64 = 0.8;

/// How sure naming a tool makes the skill whose descriptions mostly name it.
const CHARACTERISTIC_CONFIDENCE: f64 = 0.7;

/// How sure naming a tool makes the concepts of its tools-table
/// categories (Terraform, listed under `IaC`, for infrastructure as code).
const CATEGORY_CONFIDENCE: f64 = 0.8;

/// How much less sure a skill of other words is than the known skill it
/// is one ability with.
const ABILITY_CONFIDENCE: f64 = 0.9;

/// Implied skills less sure than this are not counted as known.
pub const IMPLIED_AT_LEAST: f64 = 0.6;

/// How sure a concept makes a skill whose name contains it, at the least
/// (`SLO` for `SLO design`); the more of the name it is, the surer.
const CONTAINED_CONFIDENCE: f64 = 0.5;

/// How much less sure a narrower concept makes a skill of the broader one
/// (`監視` for `オブザーバビリティ`).
const BROADER_CONFIDENCE: f64 = 0.7;

/// How sure a cue makes the skills of the ability it shows (`説明` for
/// `コミュニケーション`): a line doing the work is evidence, though less
/// than the ability's own name.
const CUE_CONFIDENCE: f64 = 0.8;

/// How many of the skills expressing a concept a mention of it implies:
/// those it is most of the name of. In a large corpus a common concept
/// is part of thousands of skill names, and the rest say too little.
pub(crate) const EXPRESSING_READ: usize = 16;

impl<'g> Extraction<'g> {
    /// The distinct nodes of `kind` named, in the order first named.
    pub fn named(&self, kind: NodeKind) -> Vec<NodeRef<'g>> {
        first_of_each(self.mentions.iter().map(|mention| mention.node), Some(kind))
    }

    /// The distinct skills and tools named, in the order first named.
    pub fn items(&self) -> Vec<NodeRef<'g>> {
        first_of_each(self.mentions.iter().map(|mention| mention.node), None)
    }

    /// The skills and tools the text names, and the skills its concepts
    /// imply at least [`IMPLIED_AT_LEAST`], each with how sure: what the
    /// person who wrote it knows.
    pub fn known(&self) -> Vec<(NodeRef<'g>, f64)> {
        let mut known: Vec<(NodeRef<'g>, f64)> =
            self.items().into_iter().map(|node| (node, 1.0)).collect();
        let named: HashSet<NodeIndex> = known.iter().map(|(node, _)| node.index).collect();
        for implied in &self.implied {
            if implied.confidence >= IMPLIED_AT_LEAST && !named.contains(&implied.skill.index) {
                known.push((implied.skill, implied.confidence));
            }
        }
        known
    }

    /// The skills known only through cues, words that show an ability at
    /// work (`説明`, `taught`) and name nothing.
    pub(crate) fn only_shown(&self) -> HashSet<NodeIndex> {
        let cue = |concept: &NodeRef<'g>| self.cues.iter().any(|cue| cue.index == concept.index);
        self.implied
            .iter()
            .filter(|implied| !implied.because.is_empty() && implied.because.iter().all(cue))
            .map(|implied| implied.skill.index)
            .collect()
    }

    /// The skills the text names or implies through its concepts, the
    /// surest first: a skill is as sure as the surest concept implying it.
    pub fn implied_skills(&self) -> &[Implied<'g>] {
        &self.implied
    }

    /// Works out [`Extraction::implied_skills`] from what was read.
    fn imply(
        &self,
        graph: &'g SkillGraph,
        described: &[crate::graph::descriptions::DescribedSkill],
    ) -> Vec<Implied<'g>> {
        let mut implied = Implications::default();
        for skill in self.named(NodeKind::Skill) {
            implied.add(skill, 1.0, None);
        }
        // A skill one of whose descriptions names two or more of the
        // tools the text names, and a third of those it names.
        let tools: Vec<u32> = self
            .named(NodeKind::Tool)
            .iter()
            .map(|tool| tool.index.index() as u32)
            .collect();
        for skill in graph.descriptions.tooled(&tools) {
            implied.add(graph.handle(skill), TOOLS_CONFIDENCE, None);
        }
        // A tool most skill descriptions naming it name for one skill.
        for tool in &tools {
            if let Some(skill) = graph.descriptions.characteristic(*tool) {
                implied.add(graph.handle(skill), CHARACTERISTIC_CONFIDENCE, None);
            }
        }
        // A skill whose description a line says in other words.
        for described in described {
            implied.add(graph.handle(described.skill), described.confidence(), None);
        }
        // A tool named says what its tools-table categories say: Terraform
        // is infrastructure as code.
        for tool in self.named(NodeKind::Tool) {
            for concept in graph.concepts_of_tool(tool.index) {
                // Only what counts as known: a tool is no concept written.
                let concept = graph.handle(*concept);
                implied.through_at_least(concept, CATEGORY_CONFIDENCE, None, IMPLIED_AT_LEAST);
            }
        }
        // A generic concept a text writes (`監査`) implies no skill by
        // itself: too many skills hold it.
        for mention in &self.concepts {
            let concept = mention.node;
            if concept.as_concept().is_some_and(|concept| !concept.generic) {
                implied.through(concept, mention.confidence, Some(concept));
            }
        }
        // A cue implies the skills of the abilities it shows, never those
        // whose names merely contain it (`説明` is not `リスク説明力`).
        for cue in &self.cues {
            implied.through_broader(*cue, CUE_CONFIDENCE, Some(*cue), IMPLIED_AT_LEAST);
        }
        implied.one_ability_in_other_words(graph);
        implied.into_sorted()
    }
}

/// The skills implied so far, each as sure as its surest reason.
#[derive(Default)]
struct Implications<'g> {
    by_skill: HashMap<NodeIndex, Implied<'g>>,
    /// The skills some reason speaks for as a whole, not through a concept
    /// that is only part of the name (`共有` shows communication, not the
    /// education of `コミュニケーションと教育`).
    whole: HashSet<NodeIndex>,
}

impl<'g> Implications<'g> {
    /// Adds a reason that speaks for `skill` as a whole.
    fn add(&mut self, skill: NodeRef<'g>, confidence: f64, because: Option<NodeRef<'g>>) {
        self.whole.insert(skill.index);
        self.add_partly(skill, confidence, because);
    }

    /// Adds a reason that speaks for part of `skill`'s name.
    fn add_partly(&mut self, skill: NodeRef<'g>, confidence: f64, because: Option<NodeRef<'g>>) {
        let entry = self.by_skill.entry(skill.index).or_insert(Implied {
            skill,
            confidence: 0.0,
            because: Vec::new(),
        });
        entry.confidence = entry.confidence.max(confidence);
        if let Some(concept) = because
            && !entry.because.contains(&concept)
        {
            entry.because.push(concept);
        }
    }

    /// The skills of `concept`, or of a concept broader than it, `sure`
    /// times how much of each skill's name the concept is.
    fn through(&mut self, concept: NodeRef<'g>, sure: f64, because: Option<NodeRef<'g>>) {
        self.through_at_least(concept, sure, because, 0.0);
    }

    /// [`Implications::through`], keeping only the skills at least `floor`
    /// sure.
    fn through_at_least(
        &mut self,
        concept: NodeRef<'g>,
        sure: f64,
        because: Option<NodeRef<'g>>,
        floor: f64,
    ) {
        self.expressing(concept, sure, because, floor);
        self.through_broader(concept, sure * BROADER_CONFIDENCE, because, floor);
    }

    /// The skills of the terms `concept` is narrower than, `sure` times
    /// how much of each skill's name the term is: not those of `concept`
    /// itself (a cue's own words name no skill).
    fn through_broader(
        &mut self,
        concept: NodeRef<'g>,
        sure: f64,
        because: Option<NodeRef<'g>>,
        floor: f64,
    ) {
        for broader in concept.outgoing(crate::graph::EdgeKind::Broader) {
            self.expressing(broader.node, sure, because, floor);
        }
    }

    /// The skills whose names mean or contain `concept`, each `sure` times
    /// how much of its name the concept is, if that is at least `floor`.
    fn expressing(
        &mut self,
        concept: NodeRef<'g>,
        sure: f64,
        because: Option<NodeRef<'g>>,
        floor: f64,
    ) {
        let graph = concept.graph();
        let expressing = graph.skills_expressing(concept.index);
        for (skill, share) in expressing.iter().take(EXPRESSING_READ) {
            let implied = sure * sureness(*share);
            if implied < floor {
                continue;
            }
            if *share >= 1.0 {
                self.add(graph.handle(*skill), implied, because);
            } else {
                self.add_partly(graph.handle(*skill), implied, because);
            }
        }
    }

    /// A skill known as a whole brings the skills that are one ability
    /// with it in other words (see [`crate::graph::concepts::ability_partners`]),
    /// each a little less surely. Only what then counts as known is added:
    /// the rest would say nothing a reader could use. A skill known only
    /// in part brings none: the parts of its name not shown are not known.
    fn one_ability_in_other_words(&mut self, graph: &'g SkillGraph) {
        let known: Vec<(NodeRef<'g>, f64)> = self
            .by_skill
            .values()
            .filter(|implied| self.whole.contains(&implied.skill.index))
            .map(|implied| (implied.skill, implied.confidence * ABILITY_CONFIDENCE))
            .filter(|(_, sure)| *sure >= IMPLIED_AT_LEAST)
            .collect();
        for (skill, sure) in known {
            for partner in graph.ability_partners(skill.index) {
                let because = partner.concept.map(|concept| graph.handle(concept));
                self.add(graph.handle(partner.skill), sure, because);
            }
        }
    }

    /// The surest first, then by name.
    fn into_sorted(self) -> Vec<Implied<'g>> {
        let mut implied: Vec<Implied<'g>> = self.by_skill.into_values().collect();
        implied.sort_by(|a, b| {
            b.confidence
                .total_cmp(&a.confidence)
                .then_with(|| a.skill.label().cmp(b.skill.label()))
        });
        implied
    }
}

/// How sure a concept makes a skill it is `share` of the name of: wholly
/// for the whole name, at least [`CONTAINED_CONFIDENCE`] for a part.
fn sureness(share: f64) -> f64 {
    let share = share.clamp(0.0, 1.0);
    if share >= 1.0 {
        1.0
    } else {
        CONTAINED_CONFIDENCE + (1.0 - CONTAINED_CONFIDENCE) * share
    }
}

/// Each node of `nodes` once, in the order first met, only those of `kind`
/// when one is given: the skills and tools a text or a posting names.
pub fn first_of_each<'g>(
    nodes: impl IntoIterator<Item = NodeRef<'g>>,
    kind: Option<NodeKind>,
) -> Vec<NodeRef<'g>> {
    let mut seen = HashSet::new();
    nodes
        .into_iter()
        .filter(|node| kind.is_none_or(|kind| node.kind() == kind) && seen.insert(node.index))
        .collect()
}

/// A match before its context is judged.
struct Found {
    pattern: usize,
    start: usize,
    end: usize,
    accepted: bool,
}

impl SkillGraph {
    /// Reads `input` (HTML, Markdown or plain text, Japanese or English)
    /// and finds the skills and tools it names.
    pub fn extract(&self, input: &str) -> Extraction<'_> {
        match self.extract_within(input, crate::graph::Deadline::NONE) {
            Ok(extraction) => extraction,
            // No deadline passes: never reached.
            Err(crate::graph::Expired) => Extraction {
                text: String::new(),
                mentions: Vec::new(),
                concepts: Vec::new(),
                cues: Vec::new(),
                implied: Vec::new(),
            },
        }
    }

    /// [`SkillGraph::extract`], giving up once `deadline` passes (checked
    /// between its steps).
    pub fn extract_within(
        &self,
        input: &str,
        deadline: crate::graph::Deadline,
    ) -> Result<Extraction<'_>, crate::graph::Expired> {
        deadline.check()?;
        let text = crate::guide::plain::plain_text(input);
        deadline.check()?;
        let mut mentions = self.mentions(&text);
        deadline.check()?;
        let found = self.concept_finder.find(&text);
        self.drop_skills_inside_concepts(&mut mentions, &found);
        let nodes = crate::graph::descriptions::named_nodes(&mentions, &found);
        let cues = self.cues(&found);
        let mut concepts = self.concept_mentions(&text, &mentions, found);
        // A concept inside a job's title (`QA` of `QA Engineer`) is the
        // title, which the scorer reads apart.
        let titles = self.title_spans(&text);
        concepts.retain(|concept| {
            !titles
                .iter()
                .any(|(start, end)| *start <= concept.byte_start && concept.byte_end <= *end)
        });
        deadline.check()?;
        let described = self.descriptions.described(&text, &nodes);
        deadline.check()?;
        let mut read = Extraction {
            text,
            mentions,
            concepts,
            cues,
            implied: Vec::new(),
        };
        read.implied = read.imply(self, &described);
        Ok(read)
    }

    /// Leaves out each skill named inside a longer term of another
    /// meaning: `SQL` of `SQLインジェクション` is an attack, not the skill.
    pub(in crate::graph) fn drop_skills_inside_concepts(
        &self,
        mentions: &mut Vec<Mention<'_>>,
        found: &[crate::graph::concepts::FoundTerm],
    ) {
        mentions.retain(|mention| {
            mention.node.kind() != NodeKind::Skill
                || !found.iter().any(|hit| {
                    let longer = hit.start <= mention.byte_start
                        && mention.byte_end <= hit.end
                        && hit.end - hit.start > mention.byte_end - mention.byte_start;
                    longer && !self.expresses(mention.node.index, NodeIndex::new(hit.term))
                })
        });
    }

    /// The cues among `found`: vague words narrower than an ability, so
    /// that writing one shows the ability at work (`説明` → communication).
    fn cues<'g>(&'g self, found: &[crate::graph::concepts::FoundTerm]) -> Vec<NodeRef<'g>> {
        let cues = found
            .iter()
            .map(|hit| self.handle(NodeIndex::new(hit.term)))
            .filter(|term| {
                term.as_concept().is_some_and(|concept| concept.vague)
                    && !term.outgoing(crate::graph::EdgeKind::Broader).is_empty()
            });
        first_of_each(cues, None)
    }

    /// Whether `concept`, written inside `longer`, is the whole name of a
    /// skill that `longer` means nothing of: `SQL` inside `SQLインジェクション`
    /// is an attack, not the skill; `CI/CD` inside a `CI/CDパイプライン`
    /// narrower than it is still CI/CD.
    fn names_a_skill_apart(&self, concept: NodeIndex, longer: NodeIndex) -> bool {
        let narrower = self
            .handle(longer)
            .outgoing(crate::graph::EdgeKind::Broader)
            .iter()
            .any(|broader| broader.node.index == concept);
        !narrower
            && self
                .skills_expressing(concept)
                .iter()
                .any(|(skill, share)| *share >= 1.0 && !self.expresses(*skill, longer))
    }

    /// Whether `skill`'s name means or contains `concept`.
    fn expresses(&self, skill: NodeIndex, concept: NodeIndex) -> bool {
        self.skills_expressing(concept)
            .iter()
            .any(|(expressing, _)| *expressing == skill)
    }

    /// The concepts `text` writes, in text order, but for those inside a
    /// tool's name (`Actions` of `GitHub Actions`).
    pub(in crate::graph) fn concept_mentions<'g>(
        &'g self,
        text: &str,
        mentions: &[Mention<'g>],
        found: Vec<crate::graph::concepts::FoundTerm>,
    ) -> Vec<Mention<'g>> {
        let tools: Vec<(usize, usize)> = mentions
            .iter()
            .filter(|mention| mention.node.kind() == NodeKind::Tool)
            .map(|mention| (mention.byte_start, mention.byte_end))
            .collect();
        // A concept written exactly where a skill is named is the skill.
        let skills: Vec<(usize, usize)> = mentions
            .iter()
            .filter(|mention| mention.node.kind() == NodeKind::Skill)
            .map(|mention| (mention.byte_start, mention.byte_end))
            .collect();
        let vague = |hit: &crate::graph::concepts::FoundTerm| {
            self.handle(NodeIndex::new(hit.term))
                .as_concept()
                .is_some_and(|concept| concept.vague)
        };
        let inside_another_meaning = |hit: &crate::graph::concepts::FoundTerm| {
            found.iter().any(|longer| {
                longer.start <= hit.start
                    && hit.end <= longer.end
                    && longer.end - longer.start > hit.end - hit.start
                    && self
                        .names_a_skill_apart(NodeIndex::new(hit.term), NodeIndex::new(longer.term))
            })
        };
        let apart: Vec<bool> = found.iter().map(inside_another_meaning).collect();
        let mut found: Vec<crate::graph::concepts::FoundTerm> = found
            .into_iter()
            .zip(apart)
            .filter_map(|(hit, apart)| (!apart).then_some(hit))
            .collect();
        found.retain(|hit| {
            !vague(hit)
                && !skills.contains(&(hit.start, hit.end))
                && !tools
                    .iter()
                    .any(|(start, end)| *start <= hit.start && hit.end <= *end)
        });
        found.sort_by_key(|hit| (hit.start, std::cmp::Reverse(hit.end)));
        // One term found twice over one place (`microservice` and
        // `microservices`, `canary` in `canary releases`) is one mention.
        let mut kept: Vec<crate::graph::concepts::FoundTerm> = Vec::with_capacity(found.len());
        for hit in found {
            let repeated = kept
                .iter()
                .rev()
                .take_while(|held| held.end > hit.start)
                .any(|held| {
                    held.term == hit.term && held.start <= hit.start && hit.end <= held.end
                });
            if !repeated {
                kept.push(hit);
            }
        }
        let found = kept;
        let mut chars = CharOffsets::new(text);
        found
            .into_iter()
            .map(|hit| {
                let node = self.handle(NodeIndex::new(hit.term));
                let surface = &text[hit.start..hit.end];
                let how = if normalize::key(surface) == normalize::key(node.label()) {
                    How::Exact
                } else {
                    How::Alias
                };
                let start = chars.at(hit.start);
                Mention {
                    node,
                    start,
                    end: start + surface.chars().count(),
                    byte_start: hit.start,
                    byte_end: hit.end,
                    how,
                    confidence: how.confidence(),
                }
            })
            .collect()
    }

    /// The skills and tools `text` names, in text order. `text` should be
    /// what [`crate::guide::plain::plain_text`] returns (NFKC, one block a
    /// line); offsets are into it.
    pub fn mentions<'g>(&'g self, text: &str) -> Vec<Mention<'g>> {
        let index = &self.mention_index;
        let Some(automaton) = &index.automaton else {
            return Vec::new();
        };
        let mut found: Vec<Found> = automaton
            .find(text)
            .into_iter()
            .filter_map(|hit| {
                let pattern = &index.patterns[hit.pattern().as_usize()];
                let (start, end) = (hit.start(), hit.end());
                let surface = &text[start..end];
                let short = pattern.written.chars().count() <= 2;
                let cased = surface == pattern.written
                    || pattern
                        .ordinary
                        .as_deref()
                        .is_some_and(|word| surface == word);
                let keep = stands_alone(text, start, end)
                    && (!short || cased)
                    && (pattern.ordinary.is_none() || cased);
                keep.then_some(Found {
                    pattern: hit.pattern().as_usize(),
                    start,
                    end,
                    accepted: pattern.ordinary.is_none(),
                })
            })
            .collect();
        judge_everyday_words(text, &mut found);
        drop_vendor_words(text, &index.vendors, &mut found);
        self.to_mentions(text, &found)
    }

    fn to_mentions<'g>(&'g self, text: &str, found: &[Found]) -> Vec<Mention<'g>> {
        let index = &self.mention_index;
        let mut mentions = Vec::new();
        let mut chars = CharOffsets::new(text);
        for hit in found.iter().filter(|hit| hit.accepted) {
            let start = chars.at(hit.start);
            let length = text[hit.start..hit.end].chars().count();
            let pattern = &index.patterns[hit.pattern];
            let mut confidence = pattern.how.confidence();
            if pattern.ordinary.is_some() {
                confidence *= CONTEXT_CONFIDENCE;
            }
            for &node in &pattern.nodes {
                mentions.push(Mention {
                    node: self.handle(node),
                    start,
                    end: start + length,
                    byte_start: hit.start,
                    byte_end: hit.end,
                    how: pattern.how,
                    confidence,
                });
            }
        }
        mentions
    }
}

/// Character offsets of byte offsets met in increasing order, counted
/// once over the text.
struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of byte `at`, which is no less than the last asked.
    fn at(&mut self, at: usize) -> usize {
        if at >= self.byte {
            self.chars += self.text[self.byte..at].chars().count();
        } else {
            self.chars -= self.text[at..self.byte].chars().count();
        }
        self.byte = at;
        self.chars
    }
}

/// Accepts each everyday-word match whose context says a tool is meant:
/// Japanese beside it, a cue word beside it, or a list joining it to an
/// accepted name (repeated, so `Go, Rust and Python` accepts all three).
fn judge_everyday_words(text: &str, found: &mut [Found]) {
    let starts: HashSet<usize> = found.iter().map(|hit| hit.start).collect();
    let ends: HashSet<usize> = found.iter().map(|hit| hit.end).collect();
    let mut compounds = Vec::new();
    for (position, hit) in found.iter_mut().enumerate() {
        if hit.accepted {
            continue;
        }
        if in_a_compound(text, hit.start, hit.end, &starts, &ends) {
            compounds.push(position);
            continue;
        }
        hit.accepted = beside_japanese(text, hit.start, hit.end)
            || beside_cue(text, hit.start, hit.end)
            || capitalised_in_a_sentence(text, hit.start);
    }
    loop {
        let mut changed = false;
        for position in 0..found.len() {
            if found[position].accepted || compounds.contains(&position) {
                continue;
            }
            let joined_before = position > 0
                && found[position - 1].accepted
                && only_joiners(&text[found[position - 1].end..found[position].start]);
            let joined_after = position + 1 < found.len()
                && found[position + 1].accepted
                && only_joiners(&text[found[position].end..found[position + 1].start]);
            if joined_before || joined_after {
                found[position].accepted = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// A vendor word right before another name is part of that name
/// (`Grafana Loki` names Loki, not Grafana too).
fn drop_vendor_words(text: &str, vendors: &Vendors, found: &mut [Found]) {
    for position in 0..found.len().saturating_sub(1) {
        let (hit, next) = (&found[position], &found[position + 1]);
        let adjacent =
            next.accepted && next.start == hit.end + 1 && text[hit.end..].starts_with(' ');
        if hit.accepted && adjacent && vendors.is_vendor(&normalize::key(&text[hit.start..hit.end]))
        {
            found[position].accepted = false;
        }
    }
}

/// Whether the name is glued by `-` or `/` to a word that is no name:
/// `Go/No-Go`, `go-getter`, `Rust-free`; `Go/Python` is a list instead.
fn in_a_compound(
    text: &str,
    start: usize,
    end: usize,
    starts: &HashSet<usize>,
    ends: &HashSet<usize>,
) -> bool {
    let glue = |ch: char| ch == '-' || ch == '/';
    let after = text[end..].chars().next();
    let word_after = after.is_some_and(glue)
        && text[end + 1..].starts_with(|c: char| c.is_ascii_alphanumeric())
        && !starts.contains(&(end + 1));
    let before = text[..start].chars().next_back();
    let word_before = before.is_some_and(glue)
        && text[..start - 1].ends_with(|c: char| c.is_ascii_alphanumeric())
        && !ends.contains(&(start - 1));
    word_after || word_before
}

/// Whether the name is written with a capital inside a sentence, as a
/// product's name is (`and Nomad for batch jobs`), rather than at its
/// start (`Go the extra mile`) or in a line of title case (`Full Stack
/// Developer`), where every word has one.
fn capitalised_in_a_sentence(text: &str, start: usize) -> bool {
    if !text[start..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let before = text[..start].trim_end_matches(' ');
    let opens_sentence = before
        .chars()
        .next_back()
        .is_none_or(|ch| "\n.!?。！？:：;・•*-–—>(（「『【|\"“'‘".contains(ch));
    if opens_sentence {
        return false;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |at| start + at);
    !title_case(&text[line_start..line_end])
}

/// A line most of whose Latin words start with a capital.
fn title_case(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| word.len() >= 2 && word.starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect();
    let capitalised = words
        .iter()
        .filter(|word| word.starts_with(|c: char| c.is_ascii_uppercase()))
        .count();
    words.len() >= 2 && capitalised * 10 >= words.len() * 6
}

fn beside_japanese(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches(' ').chars().next_back();
    let after = text[end..].trim_start_matches(' ').chars().next();
    before.is_some_and(is_japanese) || after.is_some_and(is_japanese)
}

fn beside_cue(text: &str, start: usize, end: usize) -> bool {
    let word_before = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    let word_after = text[end..]
        .trim_start()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    let is = |word: &str, list: &[&str]| list.iter().any(|cue| cue.eq_ignore_ascii_case(word));
    // A cue must sit right beside the name, with at most a space between.
    let before_touches = text[..start].ends_with(' ') || text[..start].is_empty();
    (before_touches && is(word_before, CUES_BEFORE)) || is(word_after, CUES_AFTER)
}

/// Whether what lies between two names is only list punctuation and joining
/// words (`, `, ` and `, `、`, `や`).
fn only_joiners(between: &str) -> bool {
    let mut rest = between.trim();
    if rest.chars().count() > 12 {
        return false;
    }
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || ",、/・;()（）".contains(c));
        if rest.is_empty() {
            return true;
        }
        let Some(joiner) = LIST_JOINERS.iter().find(|joiner| {
            rest.get(..joiner.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(joiner))
        }) else {
            return false;
        };
        rest = &rest[joiner.len()..];
    }
}

#[cfg(test)]
mod tests {
    use crate::graph::{NodeKind, SkillGraph};
    use crate::guide::plain::plain_text;
    use crate::guide::{LoadOptions, load_dir};
    use std::path::Path;
    use std::sync::LazyLock;

    static SEEDS: LazyLock<SkillGraph> = LazyLock::new(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        SkillGraph::build(load_dir(&dir, &LoadOptions::default()).expect("seeds"))
    });

    /// The labels of the tools (or skills) named in `text`, in order.
    fn named(text: &str, kind: NodeKind) -> Vec<String> {
        let text = plain_text(text);
        SEEDS
            .mentions(&text)
            .into_iter()
            .filter(|mention| mention.node.kind() == kind)
            .map(|mention| mention.node.label().to_owned())
            .collect()
    }

    fn tools(text: &str) -> Vec<String> {
        named(text, NodeKind::Tool)
    }

    #[test]
    fn names_inside_japanese_text_without_spaces_are_found() {
        assert_eq!(
            tools("Kubernetesクラスターの構築とTerraformによる自動化、k8sの運用"),
            vec!["Kubernetes", "Terraform", "Kubernetes"]
        );
        assert_eq!(
            named(
                "IaC (Infrastructure as Code)の経験とInfrastructure as Codeの知識",
                NodeKind::Skill
            ),
            vec![
                "IaC (Infrastructure as Code)",
                "IaC (Infrastructure as Code)"
            ]
        );
    }

    #[test]
    fn everyday_words_are_tools_only_in_context() {
        assert_eq!(tools("Go言語での開発経験"), vec!["Go"]);
        assert_eq!(tools("Goでの開発経験"), vec!["Go"]);
        assert_eq!(tools("services in Go and Python"), vec!["Go", "Python"]);
        assert_eq!(tools("Python, Go and Java"), vec!["Python", "Go", "Java"]);
        assert_eq!(tools("written in Go"), vec!["Go"]);
        assert_eq!(
            tools("Chef cookbooks and Puppet manifests"),
            vec!["Chef", "Puppet"]
        );
        for trap in [
            "ready to go live next week",
            "we go the extra mile",
            "Go the extra mile for customers.",
            "Googleで検索 and Golf",
            "a chef and a puppet show",
            "Helm of the ship",
        ] {
            assert!(tools(trap).is_empty(), "{trap}: {:?}", tools(trap));
        }
    }

    #[test]
    fn a_capital_inside_a_sentence_names_a_product_but_not_at_its_start_or_in_a_title() {
        assert_eq!(
            tools("Releases ship through Helm every night."),
            vec!["Helm"]
        );
        assert!(tools("Helm the project from day one.").is_empty());
        assert!(tools("Head Chef Wanted At Our Kitchen").is_empty());
        assert!(tools("our motto is \"Go the distance\" always").is_empty());
    }

    #[test]
    fn a_name_glued_to_another_word_is_part_of_a_phrase() {
        assert!(tools("量産前のGo/No-Go判定").is_empty());
        assert!(tools("a go-getter attitude and a Rust-free bike").is_empty());
        assert_eq!(tools("Go/Python services"), vec!["Go", "Python"]);
    }

    #[test]
    fn offsets_are_characters_of_the_text_read() {
        let text = plain_text("<p>経験: <b>ＫＵＢＥＲＮＥＴＥＳ</b> と Terraform</p>");
        let mentions = SEEDS.mentions(&text);
        assert_eq!(mentions.len(), 2, "{text}");
        let chars: Vec<char> = text.chars().collect();
        for mention in &mentions {
            let surface: String = chars[mention.start..mention.end].iter().collect();
            assert_eq!(surface, &text[mention.byte_start..mention.byte_end]);
            assert!(
                surface.eq_ignore_ascii_case(mention.node.label()),
                "{surface}"
            );
        }
        assert_eq!(mentions[0].start, 4);
    }
}
