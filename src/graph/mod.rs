//! Guides → the skill graph, and the questions asked of it.
//!
//! [`SkillGraph`] wraps a `petgraph::Graph` that is compiled once from a
//! [`Corpus`](crate::guide::Corpus) and never mutated, so readers share it
//! behind an `Arc` and take no lock. Compiling builds everything an answer
//! reads (the graph, the job profiles and neighbour lists, the search
//! index), so no question asked of a graph builds anything. Callers name
//! nodes by their [`NodeId`]s (`job:platform_engineer`, `tool:kubernetes`)
//! or by any spelling of their name; `NodeIndex` never leaves this module.
//! [`load()`] goes from a corpus source to a compiled graph in one call,
//! telling an observer how far it has got; the server, `check` and `export`
//! all load through it.
//!
//! This is the only module that imports petgraph.

mod answers;
mod compile;
mod model;
mod names;
mod output;

pub use answers::{analytics, changes, diagnostics};
use compile::{build, load};
use model::{bounds, deadline, id, source};
pub use model::{edge, kind, node};
use names::{concepts, descriptions, prose};
pub use names::{mentions, normalize, resolve};
pub use output::{export, picture, search, suggestions};

pub use crate::guide::Section;
pub use bounds::{ListBound, ListBounds};
pub use deadline::{Deadline, Expired};
pub use edge::{Edge, EdgeKind, UseSources};
pub use id::NodeId;
pub use load::{
    CorpusError, CorpusSource, DEFAULT_MAX_FILE_BYTES, LoadOptions, ParseCount, ParseMemo,
    Progress, ProgressObserver, load, load_remembering,
};
pub use node::{
    ConceptNode, ConceptOrigin, EmployerNode, JobNode, KindLook, Labels, Node, NodeData, NodeKind,
    PostingMention, PostingNode, ResourceNode, SkillNode, StageNode, TeamNode, ToolNode, TrendNode,
};
pub use source::Source;

use crate::guide::{Corpus, Diagnostic, Dropped, Guide, OmittedDiagnostics, Row};
use normalize::Canonicalizer;
use petgraph::Direction;
use petgraph::graph::{EdgeReference, Graph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// The typed, immutable graph of a corpus.
#[derive(Debug)]
pub struct SkillGraph {
    graph: Graph<Node, Edge>,
    by_id: HashMap<NodeId, NodeIndex>,
    /// Node indexes of each kind, sorted by id, for stable pagination.
    by_kind: HashMap<NodeKind, Vec<NodeIndex>>,
    /// Keys of every slug, title and alias of a job.
    job_names: HashMap<String, NodeIndex>,
    /// Keys of every spelling of a skill or tool.
    skill_names: HashMap<String, NodeIndex>,
    tool_names: HashMap<String, NodeIndex>,
    skill_canon: Canonicalizer,
    tool_canon: Canonicalizer,
    guides: Vec<Arc<Guide>>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// How many of each file's errors and warnings were not listed.
    omitted: Vec<OmittedDiagnostics>,
    /// What the corpus held that the graph could not serve.
    dropped: Dropped,
    /// The errors of guides served before this graph replaced theirs:
    /// they were good, and are left out until they read again.
    lost_guides: Vec<Diagnostic>,
    loaded_at: SystemTime,
    /// The full-text index; `None` only for graphs compiled without it
    /// (`check`, `export`), which are never searched.
    search_index: Option<search::SearchIndex>,
    /// Every spelling of every node by what it begins with, built with the
    /// full-text index and `None` without it.
    suggestions: Option<suggestions::SuggestionIndex>,
    /// Job profiles, neighbour lists and the inverted indexes.
    analytics: analytics::Analytics,
    /// Spellings the guides used for each skill, tool, team and resource.
    spellings: resolve::Spellings,
    /// How long each phase of the compile took.
    phases: Vec<CompilePhase>,
    /// How many guides were parsed for this graph, and how many were
    /// taken unchanged from the load before.
    parse_count: ParseCount,
    /// Every spelling of every skill, tool and job, for [`SkillGraph::resolve`].
    resolver: resolve::Resolver,
    /// Every spelling of every skill and tool, for [`SkillGraph::mentions`].
    mention_index: mentions::MentionIndex,
    /// Every spelling of every concept, in either language, for
    /// [`SkillGraph::extract`].
    concept_finder: concepts::TermFinder,
    /// Concept → the skills expressing it, with the share of each name:
    /// a concept's incoming edges are mostly the `INVOLVES` of thousands
    /// of jobs, too many to walk for every concept a text writes.
    skills_expressing: HashMap<NodeIndex, Vec<(NodeIndex, f64)>>,
    /// Skill → the concepts it expresses that are not generic: what joins
    /// it to a skill of other words, read for every skill of an answer.
    abilities_of: HashMap<NodeIndex, Vec<NodeIndex>>,
    /// Tool → the concepts its tools-table categories write (`IaC` for
    /// Terraform, `監視` for Prometheus) that are not generic: what naming
    /// the tool says about the work.
    concepts_of_tool: HashMap<NodeIndex, Vec<NodeIndex>>,
    /// Skill → the skills that are one ability with it, for a text's
    /// skills of other words.
    ability_partners: HashMap<NodeIndex, Vec<concepts::AbilityPartner>>,
    /// Every skill's descriptions as weighted terms, for the skills a
    /// text describes without naming them.
    descriptions: descriptions::DescriptionIndex,
    /// The job postings read beside the guides.
    postings: Vec<crate::guide::postings::Posting>,
    /// The alias file's job table (slug → other slugs and names), which
    /// also names roles by their slug stem (`data_engineer` for
    /// `data_engineer_46`).
    job_aliases: BTreeMap<String, Vec<String>>,
    /// The corpus version: a content hash of every file read.
    version: String,
    /// What changed from the graph this one replaced; `None` for the first.
    changes: Option<changes::CorpusChanges>,
    /// The folders the paths clients see are relative to.
    names: crate::guide::FileNames,
    /// What a corpus editor should review, worked out once.
    diagnostics: diagnostics::Diagnostics,
    /// The longest list of each kind, which queries are priced by.
    list_bounds: ListBounds,
}

/// What to compile besides the graph and its analytics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompileOptions {
    /// Build the full-text index (`search`) and the suggestion index
    /// (`suggest`); commands that never search (`check`, `export`) leave
    /// them out.
    pub search: bool,
}

impl Default for CompileOptions {
    fn default() -> Self {
        Self { search: true }
    }
}

/// The phases of a compile, in the order they run: the one list the log,
/// the metrics and their help read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Reading the files, when the server read them.
    Load,
    /// Nodes, edges, concepts and the indexes over them.
    Graph,
    /// The job postings, read against the graph.
    Postings,
    /// Profiles, nearest jobs, transitions and the postings board.
    Analytics,
    /// The full-text index and the suggestion index, when they are built.
    Search,
}

impl Phase {
    /// Every phase, in the order they run.
    pub const ALL: [Phase; 5] = [
        Phase::Load,
        Phase::Graph,
        Phase::Postings,
        Phase::Analytics,
        Phase::Search,
    ];

    /// Its name in logs and metrics.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Load => "load",
            Phase::Graph => "graph",
            Phase::Postings => "postings",
            Phase::Analytics => "analytics",
            Phase::Search => "search",
        }
    }
}

/// One phase of a compile and how long it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompilePhase {
    pub phase: Phase,
    pub duration: Duration,
}

thread_local! {
    /// Compile steps run on this thread: see [`builds_on_this_thread`].
    static BUILDS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many compile steps (the graph, its analytics, its search index)
/// have run on the calling thread. Answers must never add to it: a test
/// asks every question of a compiled graph and checks that this stays put.
#[doc(hidden)]
pub fn builds_on_this_thread() -> usize {
    BUILDS.with(std::cell::Cell::get)
}

/// Counts one compile step on this thread.
pub(crate) fn count_build() {
    BUILDS.with(|builds| builds.set(builds.get() + 1));
}

/// A search asked of a graph compiled without its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this graph was compiled without a search index")]
pub struct SearchUnavailable;

/// A borrowed handle on one node of the graph.
#[derive(Clone, Copy)]
pub struct NodeRef<'g> {
    graph: &'g SkillGraph,
    index: NodeIndex,
}

/// A neighbour reached through an edge.
#[derive(Clone, Copy)]
pub struct Link<'g> {
    pub node: NodeRef<'g>,
    pub edge: &'g Edge,
}

impl std::fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NodeRef({})", self.id())
    }
}

impl PartialEq for NodeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.graph, other.graph) && self.index == other.index
    }
}

impl Eq for NodeRef<'_> {}

impl std::hash::Hash for NodeRef<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl<'g> NodeRef<'g> {
    /// The node's data.
    pub fn node(&self) -> &'g Node {
        &self.graph.graph[self.index]
    }

    /// The stable id as text (`tool:kubernetes`).
    pub fn id(&self) -> &'g str {
        self.node().id.as_str()
    }

    /// The stable id.
    pub fn node_id(&self) -> &'g NodeId {
        &self.node().id
    }

    /// The job's data, if this is a job.
    pub fn as_job(&self) -> Option<&'g JobNode> {
        match &self.node().data {
            NodeData::Job(job) => Some(job),
            _ => None,
        }
    }

    /// The skill's data, if this is a skill.
    pub fn as_skill(&self) -> Option<&'g SkillNode> {
        match &self.node().data {
            NodeData::Skill(skill) => Some(skill),
            _ => None,
        }
    }

    /// The tool's data, if this is a tool.
    pub fn as_concept(&self) -> Option<&'g ConceptNode> {
        match &self.node().data {
            NodeData::Concept(concept) => Some(concept),
            _ => None,
        }
    }

    pub fn as_tool(&self) -> Option<&'g ToolNode> {
        match &self.node().data {
            NodeData::Tool(tool) => Some(tool),
            _ => None,
        }
    }

    /// The stage's data, if this is a career stage.
    pub fn as_stage(&self) -> Option<&'g StageNode> {
        match &self.node().data {
            NodeData::CareerStage(stage) => Some(stage),
            _ => None,
        }
    }

    /// The team's data, if this is a team.
    pub fn as_team(&self) -> Option<&'g TeamNode> {
        match &self.node().data {
            NodeData::Team(team) => Some(team),
            _ => None,
        }
    }

    /// The employer's data, if this is an employer.
    pub fn as_employer(&self) -> Option<&'g EmployerNode> {
        match &self.node().data {
            NodeData::Employer(employer) => Some(employer),
            _ => None,
        }
    }

    /// The resource's data, if this is a learning resource.
    pub fn as_resource(&self) -> Option<&'g ResourceNode> {
        match &self.node().data {
            NodeData::Resource(resource) => Some(resource),
            _ => None,
        }
    }

    /// What a posting names, in reading order (the title first), each
    /// with the skill or tool it names; nothing for any other kind.
    pub fn posting_mentions(&self) -> Vec<(NodeRef<'g>, &'g PostingMention)> {
        let graph = self.graph;
        self.as_posting().map_or_else(Vec::new, |posting| {
            posting
                .mentions
                .iter()
                .map(|mention| (graph.handle(mention.node), mention))
                .collect()
        })
    }

    /// The posting's node data, if this is a job posting.
    pub fn as_posting(&self) -> Option<&'g PostingNode> {
        match &self.node().data {
            NodeData::Posting(posting) => Some(posting),
            _ => None,
        }
    }

    /// The trend's data, if this is a trend.
    pub fn as_trend(&self) -> Option<&'g TrendNode> {
        match &self.node().data {
            NodeData::Trend(trend) => Some(trend),
            _ => None,
        }
    }

    pub fn kind(&self) -> NodeKind {
        self.node().kind()
    }

    pub fn label(&self) -> &'g str {
        self.node().label()
    }

    /// The graph this node belongs to.
    pub fn graph(&self) -> &'g SkillGraph {
        self.graph
    }

    /// The guide a job, stage or trend was read from.
    pub fn guide(&self) -> Option<&'g Guide> {
        self.guide_with_index().map(|(_, guide)| guide)
    }

    /// The guide a job, stage or trend was read from, with its index in
    /// [`SkillGraph::guides`] (the `guide` of a [`Source`]).
    pub fn guide_with_index(&self) -> Option<(usize, &'g Guide)> {
        let index = match &self.node().data {
            NodeData::Job(job) => job.guide?,
            NodeData::CareerStage(stage) => stage.source.guide as usize,
            NodeData::Trend(trend) => trend.source.guide as usize,
            _ => return None,
        };
        Some((index, self.graph.guides.get(index)?))
    }

    /// The guide row a career rung or a trend was read from.
    pub fn row(&self) -> Option<Row<'g>> {
        let source = match &self.node().data {
            NodeData::CareerStage(stage) => stage.source,
            NodeData::Trend(trend) => trend.source,
            _ => return None,
        };
        source.row_in(&self.graph.guides)
    }

    /// The neighbours along outgoing `kind` edges that row `row` of
    /// `section` of this node's own guide states, in the row's order: the
    /// resources of one learning step, the companies of one employer type.
    pub fn listed_in(&self, kind: EdgeKind, section: Section, row: usize) -> Vec<NodeRef<'g>> {
        let Some((guide, _)) = self.guide_with_index() else {
            return Vec::new();
        };
        let graph = self.graph;
        let mut listed: Vec<(u32, NodeRef<'g>)> = graph
            .graph
            .edges_directed(self.index, Direction::Outgoing)
            .filter(|edge| edge.weight().kind == kind)
            .filter_map(|edge| {
                let item = edge
                    .weight()
                    .sources_in(guide, section)
                    .filter(|source| source.row_index() == row)
                    .map(|source| source.item)
                    .min()?;
                Some((item, graph.handle(edge.target())))
            })
            .collect();
        listed.sort_by_key(|(item, node)| (*item, node.id()));
        listed.into_iter().map(|(_, node)| node).collect()
    }

    /// Neighbours along outgoing edges of `kind`, by edge order then id.
    pub fn outgoing(&self, kind: EdgeKind) -> Vec<Link<'g>> {
        self.links(kind, Direction::Outgoing)
    }

    /// Neighbours along incoming edges of `kind`, by edge order then id.
    pub fn incoming(&self, kind: EdgeKind) -> Vec<Link<'g>> {
        self.links(kind, Direction::Incoming)
    }

    /// Neighbours along outgoing edges of `kind`, in no set order and
    /// without gathering them: for the compile's walks over every job, which
    /// put what they find in maps.
    pub(crate) fn outgoing_unordered(&self, kind: EdgeKind) -> impl Iterator<Item = Link<'g>> + 'g {
        self.links_unordered(kind, Direction::Outgoing)
    }

    /// [`NodeRef::outgoing_unordered`] for incoming edges.
    pub(crate) fn incoming_unordered(&self, kind: EdgeKind) -> impl Iterator<Item = Link<'g>> + 'g {
        self.links_unordered(kind, Direction::Incoming)
    }

    fn links_unordered(
        &self,
        kind: EdgeKind,
        direction: Direction,
    ) -> impl Iterator<Item = Link<'g>> + 'g {
        let graph = self.graph;
        graph
            .graph
            .edges_directed(self.index, direction)
            .filter(move |edge| edge.weight().kind == kind)
            .map(move |edge: EdgeReference<'g, Edge>| {
                let other = match direction {
                    Direction::Outgoing => edge.target(),
                    Direction::Incoming => edge.source(),
                };
                Link {
                    node: NodeRef {
                        graph,
                        index: other,
                    },
                    edge: edge.weight(),
                }
            })
    }

    fn links(&self, kind: EdgeKind, direction: Direction) -> Vec<Link<'g>> {
        let mut links: Vec<Link<'g>> = self.links_unordered(kind, direction).collect();
        links.sort_by(|a, b| (a.edge.order, a.node.id()).cmp(&(b.edge.order, b.node.id())));
        links
    }
}

/// Node and edge counts by kind.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GraphStats {
    pub guides: usize,
    pub nodes: usize,
    pub edges: usize,
    pub nodes_by_kind: BTreeMap<String, usize>,
    pub edges_by_kind: BTreeMap<String, usize>,
}

impl SkillGraph {
    /// Compiles a corpus: the graph, its analytics and its search index.
    pub fn build(corpus: Corpus) -> Self {
        Self::compile(corpus, CompileOptions::default())
    }

    /// Compiles a corpus with `options`. Runs for as long as the corpus is
    /// large (seconds at 10,000 guides), on every core: call it from a
    /// blocking thread.
    pub fn compile(corpus: Corpus, options: CompileOptions) -> Self {
        Self::compile_reporting(corpus, options, None)
    }

    /// [`SkillGraph::compile`], telling `progress` as each phase starts.
    fn compile_reporting(
        corpus: Corpus,
        options: CompileOptions,
        progress: Option<&ProgressObserver>,
    ) -> Self {
        let starting = |step| {
            if let Some(progress) = progress {
                progress.report(Progress {
                    step,
                    done: 0,
                    total: None,
                });
            }
        };
        let started = Instant::now();
        let built = build::build(&corpus, progress);
        let (errors, warnings, omitted) = build::diagnostics_of(&corpus);
        let Corpus {
            guides,
            postings,
            version,
            dropped,
            names,
            parse_count,
            ..
        } = corpus;
        let mut graph = Self::index(built, guides, errors, warnings);
        graph.descriptions = descriptions::DescriptionIndex::build(&graph);
        graph.version = version;
        graph.parse_count = parse_count;
        graph.names = names;
        graph.omitted = omitted;
        graph.dropped = dropped;
        graph.diagnostics = graph.review();
        graph.phases.push(CompilePhase {
            phase: Phase::Graph,
            duration: started.elapsed(),
        });
        starting("adding the postings");
        let started = Instant::now();
        graph.add_postings(postings);
        graph.phases.push(CompilePhase {
            phase: Phase::Postings,
            duration: started.elapsed(),
        });
        starting("working out the analytics");
        let started = Instant::now();
        graph.analytics = analytics::Analytics::build(&graph);
        graph.phases.push(CompilePhase {
            phase: Phase::Analytics,
            duration: started.elapsed(),
        });
        if options.search {
            starting("indexing for search");
            let started = Instant::now();
            graph.search_index = Some(search::SearchIndex::build(&graph));
            graph.suggestions = Some(suggestions::SuggestionIndex::build(&graph));
            graph.phases.push(CompilePhase {
                phase: Phase::Search,
                duration: started.elapsed(),
            });
        }
        graph.list_bounds = ListBounds::measure(&graph);
        graph
    }

    /// The lookup tables over a freshly built graph.
    fn index(
        built: build::Built,
        guides: Vec<Arc<Guide>>,
        errors: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
    ) -> Self {
        let build::Built {
            graph,
            by_id,
            skills,
            tools,
            spellings,
            resolver,
            job_aliases,
            concept_finder,
        } = built;
        let mention_index = mentions::MentionIndex::new(
            &graph,
            &mentions::MentionSources {
                written: &spellings,
                file_variants: &resolver.file_variants,
                vendor_merged: &resolver.vendor_merged,
                vendors: &resolver.vendors,
                ordinary_words: &resolver.ordinary_words,
            },
        );
        let mut skills_expressing: HashMap<NodeIndex, Vec<(NodeIndex, f64)>> = HashMap::new();
        let mut abilities_of: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
        for edge in graph.edge_references() {
            if edge.weight().kind == EdgeKind::Expresses {
                let skills = skills_expressing.entry(edge.target()).or_default();
                skills.push((edge.source(), edge.weight().weight));
                if !graph[edge.target()].is_broad() {
                    abilities_of
                        .entry(edge.source())
                        .or_default()
                        .push(edge.target());
                }
            }
        }
        // The skills a concept is most of the name of come first, and are
        // the ones a text writing the concept is read to imply.
        for skills in skills_expressing.values_mut() {
            skills.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        let concepts_of_tool = concepts::concepts_of_tools(&graph, &concept_finder);
        let ability_partners =
            concepts::ability_partners(&graph, &skills_expressing, mentions::EXPRESSING_READ);
        let resolver = resolve::Resolver::new(&graph, &spellings, resolver);
        let mut by_kind: HashMap<NodeKind, Vec<NodeIndex>> = HashMap::new();
        for index in graph.node_indices() {
            by_kind.entry(graph[index].kind()).or_default().push(index);
        }
        for indexes in by_kind.values_mut() {
            indexes.sort_by(|a, b| graph[*a].id.cmp(&graph[*b].id));
        }
        let mut skill_names = HashMap::new();
        let mut tool_names = HashMap::new();
        for index in graph.node_indices() {
            let node = &graph[index];
            let (names, canon) = match node.kind() {
                NodeKind::Skill => (&mut skill_names, &skills),
                NodeKind::Tool => (&mut tool_names, &tools),
                _ => continue,
            };
            for name in
                std::iter::once(node.label()).chain(node.aliases().iter().map(String::as_str))
            {
                names.entry(canon.resolve(name).key).or_insert(index);
                names.entry(normalize::key(name)).or_insert(index);
            }
        }
        SkillGraph {
            job_names: build::job_name_index(&graph),
            by_id,
            by_kind,
            skill_names,
            tool_names,
            skill_canon: skills,
            tool_canon: tools,
            graph,
            guides,
            errors,
            warnings,
            omitted: Vec::new(),
            dropped: Dropped::default(),
            lost_guides: Vec::new(),
            loaded_at: SystemTime::now(),
            search_index: None,
            suggestions: None,
            analytics: analytics::Analytics::default(),
            spellings,
            phases: Vec::new(),
            parse_count: ParseCount::default(),
            resolver,
            mention_index,
            concept_finder,
            skills_expressing,
            abilities_of,
            concepts_of_tool,
            ability_partners,
            descriptions: descriptions::DescriptionIndex::default(),
            postings: Vec::new(),
            job_aliases,
            version: String::new(),
            changes: None,
            names: crate::guide::FileNames::default(),
            diagnostics: diagnostics::Diagnostics::default(),
            list_bounds: ListBounds::default(),
        }
    }

    /// How long each phase of this graph's compile took, in order.
    pub fn compile_phases(&self) -> &[CompilePhase] {
        &self.phases
    }

    /// How many guides were parsed for this graph, and how many were
    /// known unchanged from the load before it.
    pub fn parse_count(&self) -> ParseCount {
        self.parse_count
    }

    /// Records that reading the corpus took `duration` before the compile,
    /// so the phases tell the whole time from files to a servable graph.
    pub fn with_load_phase(mut self, duration: Duration) -> Self {
        self.phases.insert(
            0,
            CompilePhase {
                phase: Phase::Load,
                duration,
            },
        );
        self
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<NodeRef<'_>> {
        self.by_id.get(id).map(|&index| self.handle(index))
    }

    /// The job with this slug, alias slug, title or alias title.
    pub fn job(&self, name: &str) -> Option<NodeRef<'_>> {
        let key = normalize::key(name);
        self.job_names
            .get(&key)
            .or_else(|| self.job_names.get(&key.replace(' ', "_")))
            .map(|&index| self.handle(index))
    }

    /// The skill with this name or any of its spellings.
    pub fn skill(&self, name: &str) -> Option<NodeRef<'_>> {
        let key = self.skill_canon.resolve(name).key;
        self.skill_names
            .get(&key)
            .or_else(|| self.skill_names.get(&normalize::key(name)))
            .map(|&index| self.handle(index))
    }

    /// The tool with this name or any of its spellings.
    pub fn tool(&self, name: &str) -> Option<NodeRef<'_>> {
        let key = self.tool_canon.resolve(name).key;
        self.tool_names
            .get(&key)
            .or_else(|| self.tool_names.get(&normalize::key(name)))
            .map(|&index| self.handle(index))
    }

    /// The node of `kind` that `name` means: its own name or a listed
    /// spelling, else what [`SkillGraph::resolve`] reads it as by any rule
    /// but a fuzzy guess (`Lambda` for AWS Lambda, `Spark` for Apache
    /// Spark). A guess is never taken for an answer: `resolve` offers it as
    /// a suggestion instead.
    pub fn named(&self, name: &str, kind: NodeKind) -> Option<NodeRef<'_>> {
        let listed = match kind {
            NodeKind::Tool => self.tool(name),
            NodeKind::Skill => self.skill(name),
            NodeKind::Job => self.job(name),
            _ => None,
        };
        listed.or_else(|| {
            self.resolve(name, &[kind])
                .best
                .filter(|candidate| candidate.how != resolve::How::Fuzzy)
                .map(|candidate| candidate.node)
        })
    }

    /// Every node of `kind`, sorted by id.
    pub fn nodes_of(&self, kind: NodeKind) -> impl ExactSizeIterator<Item = NodeRef<'_>> + '_ {
        self.by_kind
            .get(&kind)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&index| self.handle(index))
    }

    /// Every node, in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeRef<'_>> + '_ {
        self.graph.node_indices().map(|index| self.handle(index))
    }

    /// Every edge as (source, target, edge).
    pub fn edges(&self) -> impl Iterator<Item = (NodeRef<'_>, NodeRef<'_>, &Edge)> + '_ {
        self.graph.edge_references().map(|edge| {
            (
                self.handle(edge.source()),
                self.handle(edge.target()),
                edge.weight(),
            )
        })
    }

    /// The edges leaving `node`, with their targets, in no set order.
    pub fn edges_leaving<'g>(
        &'g self,
        node: NodeRef<'g>,
    ) -> impl Iterator<Item = (NodeRef<'g>, &'g Edge)> + 'g {
        self.graph
            .edges_directed(node.index, Direction::Outgoing)
            .map(move |edge| (self.handle(edge.target()), edge.weight()))
    }

    /// Every edge whose ends are both among `nodes`, in the graph's edge
    /// order (the order [`SkillGraph::edges`] gives). Only the edges of
    /// `nodes` are looked at, never the whole graph.
    pub fn edges_among<'g>(
        &'g self,
        nodes: &[NodeRef<'g>],
    ) -> Vec<(NodeRef<'g>, NodeRef<'g>, &'g Edge)> {
        let members: HashSet<NodeIndex> = nodes.iter().map(|node| node.index).collect();
        let mut edges: Vec<_> = nodes
            .iter()
            .flat_map(|node| self.graph.edges_directed(node.index, Direction::Outgoing))
            .filter(|edge| members.contains(&edge.target()))
            .collect();
        edges.sort_unstable_by_key(|edge| edge.id());
        edges
            .into_iter()
            .map(|edge| {
                (
                    self.handle(edge.source()),
                    self.handle(edge.target()),
                    edge.weight(),
                )
            })
            .collect()
    }

    /// The version of the corpus this graph was compiled from: a content
    /// hash of its files, the same wherever and whenever they are read.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// What changed from the graph this one replaced: computed by
    /// [`SkillGraph::with_changes_from`] on a reload, `None` otherwise.
    pub fn changes(&self) -> Option<&changes::CorpusChanges> {
        self.changes.as_ref()
    }

    /// This graph, knowing what changed since `previous`, the graph it
    /// replaces. Compares every node and edge: call it where the compile
    /// runs, off the request path.
    pub fn with_changes_from(mut self, previous: &SkillGraph) -> Self {
        self.changes = Some(changes::CorpusChanges::between(previous, &self));
        self.lost_guides = self.guides_lost_since(previous);
        self
    }

    /// The errors of the guide files `previous` served, or had lost
    /// already, that this graph could not read. A guide deleted is not
    /// lost: it has no error.
    fn guides_lost_since(&self, previous: &SkillGraph) -> Vec<Diagnostic> {
        let served: HashSet<String> = previous
            .guides
            .iter()
            .map(|guide| previous.display_path(&guide.path))
            .chain(previous.lost_guides.iter().map(|lost| lost.file.clone()))
            .collect();
        let mut lost: Vec<Diagnostic> = self
            .errors
            .iter()
            .filter(|error| served.contains(&error.file))
            .cloned()
            .collect();
        lost.dedup_by(|a, b| a.file == b.file);
        lost
    }

    /// `path` (a guide's or a postings file's) as clients see it: relative
    /// to the corpus folder or the `--postings` folder, never the server's
    /// absolute path.
    pub fn display_path(&self, path: &std::path::Path) -> String {
        self.names.name(path)
    }

    /// The names the alias file gives the job `slug`.
    pub fn job_aliases_of(&self, slug: &str) -> &[String] {
        self.job_aliases.get(slug).map_or(&[], Vec::as_slice)
    }

    /// The guides the graph was built from.
    pub fn guides(&self) -> &[Arc<Guide>] {
        &self.guides
    }

    /// The longest list of each kind this graph can answer.
    pub fn list_bounds(&self) -> &ListBounds {
        &self.list_bounds
    }

    /// Files that could not be read.
    pub fn errors(&self) -> &[Diagnostic] {
        &self.errors
    }

    /// Why the alias file at the corpus folder's root could not be read,
    /// when it could not: the graph was then built with no aliases, and
    /// names the file merges are apart.
    pub fn alias_error(&self) -> Option<&Diagnostic> {
        self.errors
            .iter()
            .find(|error| error.file == crate::guide::ALIAS_FILE)
    }

    /// Problems that did not stop loading.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// How many of each file's errors and warnings the lists leave out.
    pub fn omitted(&self) -> &[OmittedDiagnostics] {
        &self.omitted
    }

    /// Errors in all, listed or not.
    pub fn error_count(&self) -> usize {
        self.errors.len() + self.omitted.iter().map(|o| o.errors).sum::<usize>()
    }

    /// Warnings in all, listed or not.
    pub fn warning_count(&self) -> usize {
        self.warnings.len() + self.omitted.iter().map(|o| o.warnings).sum::<usize>()
    }

    /// The guides and postings the corpus held that this graph leaves out.
    pub fn dropped(&self) -> Dropped {
        self.dropped
    }

    /// Guides that were served before the reload that built this graph
    /// and that no longer read, each by its first error.
    pub fn lost_guides(&self) -> &[Diagnostic] {
        &self.lost_guides
    }

    /// When the graph was built.
    pub fn loaded_at(&self) -> SystemTime {
        self.loaded_at
    }

    /// How many nodes the graph holds (constant time, unlike [`stats`](Self::stats)).
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// How many edges the graph holds.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Counts of guides, nodes and edges by kind.
    pub fn stats(&self) -> GraphStats {
        let mut nodes_by_kind: BTreeMap<String, usize> = NodeKind::ALL
            .iter()
            .map(|kind| (kind.to_string(), 0))
            .collect();
        for node in self.graph.node_weights() {
            *nodes_by_kind.entry(node.kind().to_string()).or_default() += 1;
        }
        let mut edges_by_kind: BTreeMap<String, usize> = EdgeKind::ALL
            .iter()
            .map(|kind| (kind.to_string(), 0))
            .collect();
        for edge in self.graph.edge_weights() {
            *edges_by_kind.entry(edge.kind.to_string()).or_default() += 1;
        }
        GraphStats {
            guides: self.guides.len(),
            nodes: self.graph.node_count(),
            edges: self.graph.edge_count(),
            nodes_by_kind,
            edges_by_kind,
        }
    }

    /// Checks the graph's invariants; returns every violation found.
    pub fn verify(&self) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        for index in self.graph.node_indices() {
            let node = &self.graph[index];
            if self.by_id.get(&node.id) != Some(&index) {
                problems.push(format!("{} is not indexed by its id", node.id));
            }
            if node.id.kind() != node.kind() {
                problems.push(format!(
                    "{} has kind {} but another id prefix",
                    node.id,
                    node.kind()
                ));
            }
            if node.label().trim().is_empty() {
                problems.push(format!("{} has an empty label", node.id));
            }
        }
        for edge in self.graph.edge_references() {
            let (source, target) = (&self.graph[edge.source()], &self.graph[edge.target()]);
            let kind = edge.weight().kind;
            if !kind.joins(source.kind(), target.kind()) {
                problems.push(format!("{kind} joins {} to {}", source.id, target.id));
            }
            if !(edge.weight().weight.is_finite() && edge.weight().weight > 0.0) {
                problems.push(format!(
                    "{kind} {} → {} has weight {}",
                    source.id,
                    target.id,
                    edge.weight().weight
                ));
            }
            if edge.source() == edge.target() {
                problems.push(format!("{kind} loops on {}", source.id));
            }
        }
        for job in self.nodes_of(NodeKind::Job) {
            let orders: Vec<Option<u32>> = job
                .outgoing(EdgeKind::HasStage)
                .iter()
                .map(|l| l.edge.order)
                .collect();
            let expected: Vec<Option<u32>> = (1..=orders.len() as u32).map(Some).collect();
            if orders != expected {
                problems.push(format!("{} has stages ordered {orders:?}", job.id()));
            }
        }
        let indexed: usize = self.by_kind.values().map(Vec::len).sum();
        if indexed != self.graph.node_count() {
            problems.push(format!(
                "{indexed} nodes indexed by kind of {}",
                self.graph.node_count()
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The best `limit` nodes for a full-text `query`.
    pub fn search(
        &self,
        query: &str,
        kinds: Option<&[NodeKind]>,
        limit: usize,
    ) -> Result<Vec<search::SearchHit>, SearchUnavailable> {
        let index = self.search_index.as_ref().ok_or(SearchUnavailable)?;
        Ok(index.search(self, query, kinds, limit))
    }

    /// The best `limit` nodes with a name, or a word in a name, that
    /// begins with `prefix`, for a person still typing (see [`suggestions`]).
    pub fn suggest(
        &self,
        prefix: &str,
        kinds: Option<&[NodeKind]>,
        limit: usize,
    ) -> Result<Vec<suggestions::Suggestion<'_>>, SearchUnavailable> {
        let index = self.suggestions.as_ref().ok_or(SearchUnavailable)?;
        Ok(index.suggest(self, prefix, kinds, limit))
    }

    /// Every node joined to `node` by an edge of any kind, either direction.
    pub fn neighbours<'g>(&'g self, node: NodeRef<'g>) -> impl Iterator<Item = NodeRef<'g>> + 'g {
        self.graph
            .neighbors_undirected(node.index)
            .map(move |index| self.handle(index))
    }

    /// The node at `index`, which must be one of this graph's (as a
    /// [`PostingMention`] holds it).
    pub(crate) fn node_at(&self, index: NodeIndex) -> NodeRef<'_> {
        self.handle(index)
    }

    fn handle(&self, index: NodeIndex) -> NodeRef<'_> {
        NodeRef { graph: self, index }
    }
}
