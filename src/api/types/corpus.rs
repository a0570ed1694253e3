//! `Corpus`: what was loaded, and what could not be.

use crate::api::cost;
use crate::graph::SkillGraph;
use crate::graph::changes as graph_changes;
use crate::graph::diagnostics;
use crate::graph::{EdgeKind, ListBound, NodeKind};
use crate::guide::Diagnostic;
use async_graphql::{ID, Object, SimpleObject};
use std::sync::Arc;

/// The loaded corpus: counts, load time, errors and warnings.
pub struct Corpus<'g>(pub &'g SkillGraph);

/// A problem in one file.
#[derive(SimpleObject)]
#[graphql(name = "Diagnostic")]
pub struct DiagnosticObject<'g> {
    /// The file, as found under the corpus folder.
    file: &'g str,
    /// The 1-based line.
    line: usize,
    /// What is wrong.
    message: &'g str,
}

impl<'g> From<&'g Diagnostic> for DiagnosticObject<'g> {
    fn from(diagnostic: &'g Diagnostic) -> Self {
        Self {
            file: &diagnostic.file,
            line: diagnostic.line,
            message: &diagnostic.message,
        }
    }
}

/// How many of one file's problems the lists leave out.
#[derive(SimpleObject)]
#[graphql(name = "OmittedDiagnostics")]
pub struct OmittedDiagnosticsObject<'g> {
    /// The file, named as in `Diagnostic.file`.
    file: &'g str,
    /// Errors of the file not listed in `Corpus.errors`.
    errors: usize,
    /// Warnings of the file not listed in `Corpus.warnings`.
    warnings: usize,
}

/// What the corpus holds that the graph leaves out.
#[derive(SimpleObject)]
#[graphql(name = "Dropped")]
pub struct DroppedObject {
    /// Guide files that could not be read, are malformed or repeat a slug.
    guides: usize,
    /// Lines of postings files that are not postings or repeat one.
    postings: usize,
}

/// How many nodes of one kind.
#[derive(SimpleObject)]
pub struct NodeKindCount {
    /// The kind.
    kind: super::NodeKind,
    /// How many.
    count: usize,
}

/// How many edges of one kind.
#[derive(SimpleObject)]
pub struct EdgeKindCount {
    /// The kind.
    kind: super::analytics::EdgeKind,
    /// How many.
    count: usize,
}

/// The loaded corpus: counts by kind, load time, and the files that could not be read.
#[Object]
impl<'g> Corpus<'g> {
    /// A stable id for this answer: `Corpus:` and a digest of the version
    /// (a cache key, not a node id).
    async fn id(&self) -> ID {
        super::answer_id("Corpus", self.0, &[])
    }

    /// A content hash of every file loaded (guides, the alias file,
    /// postings), in lowercase hex: the same on every replica reading the
    /// same files and across restarts, and new whenever a file changes.
    /// Responses carry it in the header `x-skillgraph-corpus-version`.
    async fn version(&self) -> &str {
        self.0.version()
    }

    /// What changed from the corpus served before this one: null until the
    /// first reload.
    async fn changes(&self) -> Option<CorpusChanges<'g>> {
        CorpusChanges::borrowed(self.0)
    }

    /// Guides loaded.
    async fn guides(&self) -> usize {
        self.0.guides().len()
    }

    /// Nodes in the graph.
    async fn nodes(&self) -> usize {
        self.0.node_count()
    }

    /// Edges in the graph.
    async fn edges(&self) -> usize {
        self.0.edge_count()
    }

    /// Nodes by kind.
    #[graphql(complexity = "cost::times(NodeKind::ALL.len(), child_complexity)")]
    async fn nodes_by_kind(&self) -> Vec<NodeKindCount> {
        let counted = self.0.stats().nodes_by_kind;
        let count = |kind: &NodeKind| counted.get(&kind.to_string()).copied().unwrap_or(0);
        node_counts(NodeKind::ALL.iter().map(|kind| (*kind, count(kind))))
    }

    /// Edges by kind.
    #[graphql(complexity = "cost::times(EdgeKind::ALL.len(), child_complexity)")]
    async fn edges_by_kind(&self) -> Vec<EdgeKindCount> {
        let counted = self.0.stats().edges_by_kind;
        let count = |kind: &EdgeKind| counted.get(&kind.to_string()).copied().unwrap_or(0);
        edge_counts(EdgeKind::ALL.iter().map(|kind| (*kind, count(kind))))
    }

    /// When the graph was built, RFC 3339 in UTC.
    async fn loaded_at(&self) -> String {
        humantime::format_rfc3339_seconds(self.0.loaded_at()).to_string()
    }

    /// Files that could not be read as guides; they are left out.
    #[graphql(complexity = "cost::list(ListBound::Diagnostics, child_complexity)")]
    async fn errors(&self) -> Vec<DiagnosticObject<'g>> {
        self.0.errors().iter().map(DiagnosticObject::from).collect()
    }

    /// Problems that did not stop a guide from loading.
    #[graphql(complexity = "cost::list(ListBound::Diagnostics, child_complexity)")]
    async fn warnings(&self) -> Vec<DiagnosticObject<'g>> {
        self.0
            .warnings()
            .iter()
            .map(DiagnosticObject::from)
            .collect()
    }

    /// `related_jobs` entries naming a job that no guide describes.
    #[graphql(complexity = "cost::list(ListBound::Edges(EdgeKind::RelatedTo), child_complexity)")]
    async fn dangling_related_jobs(&self) -> Vec<JobLink> {
        links(&self.0.diagnostics().dangling_related_jobs)
    }

    /// `related_jobs` entries A → B where B's guide does not list A.
    #[graphql(complexity = "cost::list(ListBound::Edges(EdgeKind::RelatedTo), child_complexity)")]
    async fn asymmetric_related_jobs(&self) -> Vec<JobLink> {
        links(&self.0.diagnostics().asymmetric_related_jobs)
    }

    /// Nodes the guides spell more than one way; review them to keep the alias file right.
    #[graphql(complexity = "cost::list(ListBound::AllNodes, child_complexity)")]
    async fn merged_names(&self) -> Vec<MergedName> {
        self.0
            .diagnostics()
            .merged_names
            .iter()
            .filter_map(|m| {
                let kind = self.0.node(&m.id)?.kind().into();
                Some((m, kind))
            })
            .map(|(m, kind)| MergedName {
                node_id: ID(m.id.clone()),
                kind,
                name: m.name.clone(),
                rules: m.rules.iter().map(|rule| rule.name()).collect(),
                spellings: m.spellings.clone(),
            })
            .collect()
    }

    /// Jobs with guides, skills and concepts that have no label in some
    /// language (`en`): add them to the glossary.
    #[graphql(complexity = "cost::list(ListBound::AllNodes, child_complexity)")]
    async fn unlabelled(&self) -> Vec<UnlabelledNode> {
        self.0
            .diagnostics()
            .unlabelled
            .iter()
            .map(|node| UnlabelledNode {
                node_id: ID(node.id.clone()),
                kind: node.kind.into(),
                name: node.name.clone(),
                missing: node.missing.iter().map(|tag| (*tag).to_owned()).collect(),
            })
            .collect()
    }

    /// Career rungs whose names say no level, so that their place on the
    /// ladder gave it: add their words to the alias file's `levels`.
    #[graphql(complexity = "cost::list(ListBound::Nodes(NodeKind::CareerStage), child_complexity)")]
    async fn unleveled_stages(&self) -> Vec<super::CareerStage<'g>> {
        let graph = self.0;
        graph
            .diagnostics()
            .unleveled_stages
            .iter()
            .filter_map(|stage| graph.node(&stage.id))
            .map(super::CareerStage)
            .collect()
    }

    /// Guides that give nothing for some known sections.
    #[graphql(complexity = "cost::list(ListBound::Nodes(NodeKind::Job), child_complexity)")]
    async fn missing_sections(&self) -> Vec<MissingSections> {
        self.0
            .diagnostics()
            .missing_sections
            .iter()
            .map(|m| MissingSections {
                file: m.file.clone(),
                slug: m.slug.clone(),
                sections: m.sections.iter().map(|s| (*s).to_owned()).collect(),
            })
            .collect()
    }

    /// Errors in all: `errors` lists at most the first 20 of each file,
    /// and `omitted` counts the rest.
    async fn error_count(&self) -> usize {
        self.0.error_count()
    }

    /// Warnings in all: `warnings` lists at most the first 20 of each
    /// file, and `omitted` counts the rest.
    async fn warning_count(&self) -> usize {
        self.0.warning_count()
    }

    /// The files with more errors or warnings than `errors` and
    /// `warnings` list, and how many more.
    #[graphql(complexity = "cost::list(ListBound::Diagnostics, child_complexity)")]
    async fn omitted(&self) -> Vec<OmittedDiagnosticsObject<'g>> {
        self.0
            .omitted()
            .iter()
            .map(|omitted| OmittedDiagnosticsObject {
                file: &omitted.file,
                errors: omitted.errors,
                warnings: omitted.warnings,
            })
            .collect()
    }

    /// What the corpus holds that the graph leaves out.
    async fn dropped(&self) -> DroppedObject {
        let dropped = self.0.dropped();
        DroppedObject {
            guides: dropped.guides,
            postings: dropped.postings,
        }
    }
}

/// A `related_jobs` entry from one job to another.
#[derive(SimpleObject)]
pub struct JobLink {
    /// The slug of the guide that lists the link.
    from: String,
    /// The slug it lists.
    to: String,
}

/// Spellings the guides used for one node; review them to keep the alias file right.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct MergedName {
    /// The node's global id.
    node_id: ID,
    /// The node's kind.
    kind: super::NodeKind,
    /// The canonical name.
    name: String,
    /// Every spelling the guides used.
    spellings: Vec<String>,
    /// The rule that merged each spelling, in the order of `spellings`:
    /// `exact`, `alias`, `folded`, `vendor` or `acronym`.
    rules: Vec<&'static str>,
}

#[async_graphql::ComplexObject]
impl MergedName {
    /// The node, as its own type.
    async fn node<'ctx>(
        &self,
        ctx: &async_graphql::Context<'ctx>,
    ) -> async_graphql::Result<Option<super::NodeInterface<'ctx>>> {
        super::NodeInterface::by_id(ctx, &self.node_id)
    }
}

/// A node without a label in some language.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct UnlabelledNode {
    /// The node's global id.
    node_id: ID,
    /// The node's kind.
    kind: super::NodeKind,
    /// Its name as the guides write it.
    name: String,
    /// The BCP 47 tags of the languages it has no label in.
    missing: Vec<String>,
}

#[async_graphql::ComplexObject]
impl UnlabelledNode {
    /// The node, as its own type.
    async fn node<'ctx>(
        &self,
        ctx: &async_graphql::Context<'ctx>,
    ) -> async_graphql::Result<Option<super::NodeInterface<'ctx>>> {
        super::NodeInterface::by_id(ctx, &self.node_id)
    }
}

/// A guide and the known sections it gives nothing for.
#[derive(SimpleObject)]
pub struct MissingSections {
    /// The guide file.
    file: String,
    /// The guide's slug.
    slug: String,
    /// The sections (`career path`, `interview` …).
    sections: Vec<String>,
}

fn links(links: &[diagnostics::JobLink]) -> Vec<JobLink> {
    links
        .iter()
        .map(|l| JobLink {
            from: l.from.clone(),
            to: l.to.clone(),
        })
        .collect()
}

fn node_counts(counts: impl IntoIterator<Item = (NodeKind, usize)>) -> Vec<NodeKindCount> {
    counts
        .into_iter()
        .map(|(kind, count)| NodeKindCount {
            kind: kind.into(),
            count,
        })
        .collect()
}

fn edge_counts(counts: impl IntoIterator<Item = (EdgeKind, usize)>) -> Vec<EdgeKindCount> {
    counts
        .into_iter()
        .map(|(kind, count)| EdgeKindCount {
            kind: kind.into(),
            count,
        })
        .collect()
}

/// What changed between two versions of the corpus. The query field
/// borrows the graph of the request; a subscription event holds the graph
/// it announces, so it outlives the reload after it.
pub struct CorpusChanges<'g> {
    graph: GraphHandle<'g>,
}

enum GraphHandle<'g> {
    Borrowed(&'g SkillGraph),
    Shared(Arc<SkillGraph>),
}

impl<'g> CorpusChanges<'g> {
    /// The changes of `graph`, when it has some.
    pub(crate) fn borrowed(graph: &'g SkillGraph) -> Option<Self> {
        graph.changes().is_some().then_some(Self {
            graph: GraphHandle::Borrowed(graph),
        })
    }

    fn graph(&self) -> &SkillGraph {
        match &self.graph {
            GraphHandle::Borrowed(graph) => graph,
            GraphHandle::Shared(graph) => graph,
        }
    }

    fn changes(&self) -> &graph_changes::CorpusChanges {
        self.graph()
            .changes()
            .expect("a CorpusChanges is only made for a graph with changes")
    }
}

impl CorpusChanges<'static> {
    /// The changes of `graph`, keeping it alive; `None` when it has none.
    pub(crate) fn shared(graph: Arc<SkillGraph>) -> Option<Self> {
        graph.changes().is_some().then_some(Self {
            graph: GraphHandle::Shared(graph),
        })
    }
}

/// What changed between two versions of the corpus: guides, nodes and
/// edges by kind, and the jobs whose answers changed.
#[Object]
impl<'g> CorpusChanges<'g> {
    /// The version served before.
    async fn previous_version(&self) -> &str {
        &self.changes().previous_version
    }

    /// The version served now.
    async fn version(&self) -> &str {
        &self.changes().version
    }

    /// Slugs of the guides added.
    async fn guides_added(&self) -> &[String] {
        &self.changes().guides_added
    }

    /// Slugs of the guides removed.
    async fn guides_removed(&self) -> &[String] {
        &self.changes().guides_removed
    }

    /// Slugs of the guides edited.
    async fn guides_changed(&self) -> &[String] {
        &self.changes().guides_changed
    }

    /// Nodes added, by kind (kinds with none left out).
    #[graphql(complexity = "cost::times(NodeKind::ALL.len(), child_complexity)")]
    async fn nodes_added(&self) -> Vec<NodeKindCount> {
        node_counts(self.changes().nodes_added.iter().copied())
    }

    /// Nodes removed, by kind.
    #[graphql(complexity = "cost::times(NodeKind::ALL.len(), child_complexity)")]
    async fn nodes_removed(&self) -> Vec<NodeKindCount> {
        node_counts(self.changes().nodes_removed.iter().copied())
    }

    /// Edges (source, target, kind) added, by kind.
    #[graphql(complexity = "cost::times(EdgeKind::ALL.len(), child_complexity)")]
    async fn edges_added(&self) -> Vec<EdgeKindCount> {
        edge_counts(self.changes().edges_added.iter().copied())
    }

    /// Edges removed, by kind.
    #[graphql(complexity = "cost::times(EdgeKind::ALL.len(), child_complexity)")]
    async fn edges_removed(&self) -> Vec<EdgeKindCount> {
        edge_counts(self.changes().edges_removed.iter().copied())
    }

    /// The jobs whose answers changed: their guide, their own skills,
    /// tools and links, or the jobs nearest them.
    #[graphql(complexity = "cost::list(ListBound::Nodes(NodeKind::Job), child_complexity)")]
    async fn jobs_changed(&self) -> Vec<ChangedJob<'_>> {
        let graph = self.graph();
        self.changes()
            .jobs_changed
            .iter()
            .map(|slug| ChangedJob {
                slug,
                job: graph.job(slug),
            })
            .collect()
    }
}

/// A job whose answers changed.
pub struct ChangedJob<'g> {
    slug: &'g str,
    job: Option<crate::graph::NodeRef<'g>>,
}

/// A job whose answers changed, by slug; `job` is null when it is gone.
#[Object]
impl<'g> ChangedJob<'g> {
    /// The job's slug.
    async fn slug(&self) -> &str {
        self.slug
    }

    /// The job as served now; null when the change removed it.
    async fn job(&self) -> Option<super::Job<'g>> {
        self.job.map(super::Job)
    }
}
